#include "extractors/segment.h"

#include <catch2/catch.hpp>

using namespace crimekg;

namespace {
std::string slice(std::string_view text, Span s) {
  return std::string(text.substr(s.begin, s.size()));
}
}  // namespace

TEST_CASE("UN paragraph numbering, sub-items, headings and continuation across page breaks") {
  const std::string text =
      "A/59/150\n\nII. Technical assistance\n\n"
      "12. The Office assisted States\nin drafting laws.\n"
      "(a) Legislative assistance;\n"
      "13. The Office continued its work with the\n\n"
      "V.04-56789\n\n"
      "Counter-Terrorism Committee.\n\n"
      "3/18\n\n"
      "\u00B3 Angola, Benin and Chad.\n";
  const Segmentation seg = segment(text);
  CHECK(seg.symbol == "A/59/150");
  REQUIRE(seg.furniture.size() == 2);
  CHECK(slice(text, seg.furniture[0]) == "V.04-56789");
  std::vector<std::string> labels;
  for (const auto& p : seg.paragraphs) labels.push_back(p.label);
  CHECK(std::find(labels.begin(), labels.end(), "II") != labels.end());
  CHECK(std::find(labels.begin(), labels.end(), "12 (a)") != labels.end());
  const auto p12 = std::find_if(seg.paragraphs.begin(), seg.paragraphs.end(),
                                [](const Paragraph& p) { return p.label == "12"; });
  REQUIRE(p12 != seg.paragraphs.end());
  CHECK(slice(text, p12->span) == "12. The Office assisted States\nin drafting laws.");
  const auto p13 = std::find_if(seg.paragraphs.begin(), seg.paragraphs.end(),
                                [](const Paragraph& p) { return p.label == "13"; });
  REQUIRE(p13 != seg.paragraphs.end());
  CHECK(slice(text, p13->span).find("Counter-Terrorism Committee.") != std::string::npos);
  REQUIRE(seg.footnotes.count("3"));
  CHECK(slice(text, seg.footnotes.at("3").span) == "Angola, Benin and Chad.");
}

TEST_CASE("Arabic numbering: 12- and (أ)") {
  const std::string text = "12- طلب المؤتمر إلى المكتب.\n(أ) تقديم المساعدة؛\n- 13- وأحاط علماً.\n";
  const Segmentation seg = segment(text);
  std::vector<std::string> labels;
  for (const auto& p : seg.paragraphs) labels.push_back(p.label);
  CHECK(labels == std::vector<std::string>{"12", "12 (أ)", "13"});
}

TEST_CASE("table rows are their own blocks") {
  const std::string text = "Donor\tAmount\nAustria\t1 025 674\nItaly\t469 366\n";
  const Segmentation seg = segment(text);
  REQUIRE(seg.paragraphs.size() == 3);
  for (const auto& p : seg.paragraphs) CHECK(p.kind == BlockKind::kTableRow);
}

TEST_CASE(
    "sentences: abbreviations do not split, line breaks do not split, offsets are the file's") {
  const std::string text = "See resolution No. 5 of the\nAssembly. Then Qatar spoke.";
  SentenceSplitter splitter;
  auto sentences = splitter.split(text, {0, static_cast<std::uint32_t>(text.size())}, "en");
  REQUIRE(sentences.size() == 2);
  CHECK(slice(text, sentences[0]) == "See resolution No. 5 of the\nAssembly.");
  CHECK(slice(text, sentences[1]) == "Then Qatar spoke.");
}
