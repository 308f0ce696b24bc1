// Shared helpers for extractor tests: a small lexicon built in code (so tests
// do not move when data/ grows) compiled with the real cue files.
#ifndef CRIMEKG_TESTS_EXTRACTORS_TEST_SUPPORT_H_
#define CRIMEKG_TESTS_EXTRACTORS_TEST_SUPPORT_H_

#include <memory>
#include <string>

#include "extractors/analysis.h"
#include "extractors/pipeline.h"
#include "extractors/recognise.h"

namespace crimekg::testing {

inline LexiconEntry entry(std::string id, NodeType type, std::string label,
                          std::map<std::string, std::string> labels = {},
                          std::vector<std::string> aliases = {}, NamesByLanguage short_forms = {}) {
  LexiconEntry e;
  e.id = std::move(id);
  e.type = type;
  e.label = std::move(label);
  e.labels = std::move(labels);
  e.aliases = std::move(aliases);
  e.short_forms = std::move(short_forms);
  e.file = "test";
  return e;
}

inline Lexicon small_lexicon() {
  Lexicon lex;
  lex.add(entry("body:general-assembly", NodeType::kBody, "General Assembly",
                {{"ar", "الجمعية العامة"}, {"fr", "Assemblée générale"}, {"zh", "大会"}}, {},
                {{"en", {"the Assembly"}}, {"ar", {"الجمعية"}}}));
  lex.add(
      entry("body:security-council", NodeType::kBody, "Security Council", {{"ar", "مجلس الأمن"}}));
  lex.add(entry("body:economic-and-social-council", NodeType::kBody, "Economic and Social Council",
                {{"ar", "المجلس الاقتصادي والاجتماعي"}}, {"ECOSOC"}));
  lex.add(entry("body:commission-on-crime-prevention-and-criminal-justice", NodeType::kBody,
                "Commission on Crime Prevention and Criminal Justice",
                {{"ar", "لجنة منع الجريمة والعدالة الجنائية"}}, {"CCPCJ"},
                {{"en", {"the Commission"}}, {"ar", {"اللجنة"}}}));
  lex.add(
      entry("body:conference-of-the-parties-to-the-united-nations-convention-against-transnational-"
            "organized-crime",
            NodeType::kBody,
            "Conference of the Parties to the United Nations Convention against Transnational "
            "Organized Crime",
            {{"ar", "مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية"}},
            {}, {{"en", {"the Conference"}}, {"ar", {"المؤتمر"}}}));
  lex.add(entry("body:united-nations-office-on-drugs-and-crime", NodeType::kBody,
                "United Nations Office on Drugs and Crime",
                {{"ar", "مكتب الأمم المتحدة المعني بالمخدرات والجريمة"}}, {"UNODC"},
                {{"en", {"the Office"}}, {"ar", {"المكتب"}}}));
  lex.add(entry("crime:terrorism", NodeType::kCrimeType, "terrorism", {{"ar", "الإرهاب"}}));
  lex.add(entry("crime:trafficking-in-persons", NodeType::kCrimeType, "trafficking in persons",
                {{"ar", "الاتجار بالأشخاص"}}));
  lex.add(entry("programme:global-programme-against-terrorism", NodeType::kProgramme,
                "Global Programme against Terrorism"));
  lex.add(entry("state:qat", NodeType::kState, "Qatar", {{"ar", "قطر"}}));
  lex.add(entry("state:mar", NodeType::kState, "Morocco", {{"ar", "المغرب"}}));
  auto mali = entry("state:mli", NodeType::kState, "Mali");
  mali.guarded["ar"] = {"مالي"};
  lex.add(mali);
  lex.add(entry("state:usa", NodeType::kState, "United States of America", {}, {"USA"}));
  lex.add(entry("place:vienna", NodeType::kPlace, "Vienna", {{"ar", "فيينا"}}));
  return lex;
}

inline const Recognizer& small_recognizer() {
  static const std::unique_ptr<Recognizer> recognizer = [] {
    Cues cues;
    Status status = cues.load_folder(std::string(CRIMEKG_SOURCE_DIR) + "/data/cues");
    if (!status.ok()) throw std::runtime_error(status.to_string());
    return Recognizer::compile(small_lexicon(), std::move(cues), status);
  }();
  return *recognizer;
}

// One pipeline over data/ as shipped and one workspace, shared by the tests
// that read real text; `problems` says why the pipeline did not load.
struct ShippedPipeline {
  ShippedPipeline() {
    Status status;
    pipeline = Pipeline::create(std::string(CRIMEKG_SOURCE_DIR) + "/data", status);
    if (!pipeline) problems = status.to_string();
  }
  std::unique_ptr<Pipeline> pipeline;
  std::string problems;
  Workspace workspace;
};

inline ShippedPipeline& shipped_pipeline() {
  static ShippedPipeline shipped;
  return shipped;
}

}  // namespace crimekg::testing

#endif  // CRIMEKG_TESTS_EXTRACTORS_TEST_SUPPORT_H_
