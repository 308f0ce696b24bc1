#include "exporters/node_style.h"

#include <array>

namespace crimekg {

const TypeStyle& type_style(NodeType type) {
  // Indexed by NodeType; shapes chosen so the type reads without colour too.
  static constexpr std::array<TypeStyle, kNodeTypeCount> kStyles = {{
      {"ellipse", "filled", "#A0CBE8", "#4E79A7"},      // State: blue
      {"box", "rounded,filled", "#FFBE7D", "#F28E2B"},  // Body: orange
      {"note", "filled", "#8CD17D", "#59A14F"},         // Resolution: green
      {"note", "filled", "#86BCB6", "#499894"},         // Decision: teal
      {"octagon", "filled", "#FF9D9A", "#E15759"},      // CrimeType: red
      {"component", "filled", "#D4A6C8", "#B07AA1"},    // Programme: purple
      {"folder", "filled", "#D7B5A6", "#9D7660"},       // Instrument: brown
      {"tab", "filled", "#BAB0AC", "#79706E"},          // Document: grey
      {"hexagon", "filled", "#FABFD2", "#D37295"},      // Meeting: pink
      {"house", "filled", "#F1CE63", "#B6992D"},        // Place: yellow
  }};
  return kStyles[static_cast<std::size_t>(type)];
}

std::string_view predicate_colour(std::string_view predicate) {
  struct Entry {
    std::string_view predicate;
    std::string_view colour;
  };
  static constexpr std::array<Entry, 13> kColours = {{
      {predicate::kAdopted, "#2E7D32"},
      {predicate::kAddresses, "#C62828"},
      {predicate::kRuns, "#6A1B9A"},
      {predicate::kPartOf, "#5D4037"},
      {predicate::kCites, "#455A64"},
      {predicate::kParticipatedIn, "#1565C0"},
      {predicate::kHeldIn, "#9E7C0C"},
      {predicate::kCooperatesWith, "#E65100"},
      {predicate::kSupports, "#00695C"},
      {predicate::kFundedBy, "#AD1457"},
      {predicate::kAssisted, "#283593"},
      {predicate::kMentionedWith, "#B0B0B0"},
      {predicate::kMentions, "#D0D0D0"},
  }};
  for (const auto& entry : kColours) {
    if (entry.predicate == predicate) return entry.colour;
  }
  return "#616161";
}

Rgb parse_hex_colour(std::string_view hex) {
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  if (hex.size() != 7 || hex[0] != '#') return {};
  int values[6];
  for (int i = 0; i < 6; ++i) {
    values[i] = digit(hex[i + 1]);
    if (values[i] < 0) return {};
  }
  return Rgb{static_cast<std::uint8_t>(values[0] * 16 + values[1]),
             static_cast<std::uint8_t>(values[2] * 16 + values[3]),
             static_cast<std::uint8_t>(values[4] * 16 + values[5])};
}

}  // namespace crimekg
