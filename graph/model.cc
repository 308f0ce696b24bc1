#include "graph/model.h"

#include <algorithm>
#include <array>

namespace crimekg {
namespace {

struct TypeNames {
  NodeType type;
  std::string_view name;
  std::string_view prefix;
};

constexpr std::array<TypeNames, kNodeTypeCount> kTypeNames = {{
    {NodeType::kState, "State", "state"},
    {NodeType::kBody, "Body", "body"},
    {NodeType::kResolution, "Resolution", "resolution"},
    {NodeType::kDecision, "Decision", "decision"},
    {NodeType::kCrimeType, "CrimeType", "crime"},
    {NodeType::kProgramme, "Programme", "programme"},
    {NodeType::kInstrument, "Instrument", "instrument"},
    {NodeType::kDocument, "Document", "document"},
    {NodeType::kMeeting, "Meeting", "meeting"},
    {NodeType::kPlace, "Place", "place"},
}};

}  // namespace

std::string_view to_string(NodeType type) { return kTypeNames[static_cast<int>(type)].name; }

std::string_view id_prefix(NodeType type) { return kTypeNames[static_cast<int>(type)].prefix; }

std::optional<NodeType> node_type_from_string(std::string_view name) {
  for (const auto& entry : kTypeNames) {
    if (entry.name == name) return entry.type;
  }
  return std::nullopt;
}

std::optional<NodeType> node_type_from_id(std::string_view id) {
  const auto colon = id.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const auto prefix = id.substr(0, colon);
  for (const auto& entry : kTypeNames) {
    if (entry.prefix == prefix) return entry.type;
  }
  return std::nullopt;
}

const std::vector<std::string_view>& typed_predicates() {
  static const std::vector<std::string_view> kTyped = {
      predicate::kAdopted,  predicate::kAddresses,      predicate::kRuns,
      predicate::kPartOf,   predicate::kCites,          predicate::kParticipatedIn,
      predicate::kHeldIn,   predicate::kCooperatesWith, predicate::kSupports,
      predicate::kFundedBy, predicate::kAssisted,
  };
  return kTyped;
}

bool is_typed_predicate(std::string_view predicate) {
  const auto& typed = typed_predicates();
  return std::find(typed.begin(), typed.end(), predicate) != typed.end();
}

bool is_symmetric_predicate(std::string_view p) {
  return p == predicate::kCooperatesWith || p == predicate::kMentionedWith;
}

void insert_sorted_unique(std::vector<std::string>& values, std::string value) {
  auto it = std::lower_bound(values.begin(), values.end(), value);
  if (it == values.end() || *it != value) values.insert(it, std::move(value));
}

}  // namespace crimekg
