// Shared by tests/extractors/relate_*_test.cc. The relation extractors are
// tested against a small lexicon written here (so that a fact the real
// lexicon holds, such as a branch's parent, cannot make a cue rule look
// right) and the repository's real cue files (data/cues: the cue phrases
// are what is under test). One pipeline serves every test.
#ifndef CRIMEKG_TESTS_EXTRACTORS_RELATE_TEST_SUPPORT_H_
#define CRIMEKG_TESTS_EXTRACTORS_RELATE_TEST_SUPPORT_H_

#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "extractors/analysis.h"
#include "extractors/document.h"
#include "extractors/pipeline.h"

namespace crimekg::testing {

// Entities the relation tests name, in English and Arabic, with no
// partOf / runBy / supports / addresses facts.
inline const char* const kRelateTestLexicon[][2] = {
    {"bodies.json", R"({"type": "Body", "entries": [
  {"id": "body:united-nations-office-on-drugs-and-crime", "label": "United Nations Office on Drugs and Crime",
   "labels": {"ar": "مكتب الأمم المتحدة المعني بالمخدرات والجريمة"},
   "names": {"ar": ["المكتب المعني بالمخدرات والجريمة"]}, "aliases": ["UNODC"],
   "short_forms": {"en": ["the Office"], "ar": ["المكتب"]}},
  {"id": "body:general-assembly", "label": "General Assembly", "labels": {"ar": "الجمعية العامة"},
   "short_forms": {"en": ["the Assembly"]}},
  {"id": "body:security-council", "label": "Security Council", "labels": {"ar": "مجلس الأمن"}},
  {"id": "body:commission-on-crime-prevention-and-criminal-justice", "label": "Commission on Crime Prevention and Criminal Justice",
   "labels": {"ar": "لجنة منع الجريمة والعدالة الجنائية"}, "short_forms": {"en": ["the Commission"], "ar": ["اللجنة"]}},
  {"id": "body:conference-of-the-parties-to-the-united-nations-convention-against-transnational-organized-crime",
   "label": "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
   "labels": {"ar": "مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية"},
   "short_forms": {"en": ["the Conference"], "ar": ["المؤتمر"]}},
  {"id": "body:international-criminal-police-organization", "label": "International Criminal Police Organization",
   "labels": {"ar": "المنظمة الدولية للشرطة الجنائية"}, "names": {"ar": ["الإنتربول"]}, "aliases": ["INTERPOL"]},
  {"id": "body:world-customs-organization", "label": "World Customs Organization", "labels": {"ar": "منظمة الجمارك العالمية"}},
  {"id": "body:organization-for-security-and-co-operation-in-europe", "label": "Organization for Security and Co-operation in Europe",
   "labels": {"ar": "منظمة الأمن والتعاون في أوروبا"}, "aliases": ["OSCE"]},
  {"id": "body:office-for-democratic-institutions-and-human-rights", "label": "Office for Democratic Institutions and Human Rights",
   "labels": {"ar": "مكتب المؤسسات الديمقراطية وحقوق الإنسان"}},
  {"id": "body:terrorism-prevention-branch", "label": "Terrorism Prevention Branch", "labels": {"ar": "فرع منع الإرهاب"}},
  {"id": "body:division-for-treaty-affairs", "label": "Division for Treaty Affairs", "labels": {"ar": "شعبة شؤون المعاهدات"}},
  {"id": "body:institute-for-security-studies", "label": "Institute for Security Studies", "labels": {"ar": "معهد الدراسات الأمنية"}},
  {"id": "body:working-group-on-trafficking-in-persons", "label": "Working Group on Trafficking in Persons",
   "labels": {"ar": "الفريق العامل المعني بالاتجار بالأشخاص"}}
]})"},
    {"programmes.json", R"({"type": "Programme", "entries": [
  {"id": "programme:global-programme-against-terrorism", "label": "Global Programme against Terrorism",
   "labels": {"ar": "البرنامج العالمي لمكافحة الإرهاب"}},
  {"id": "programme:container-control-programme", "label": "Container Control Programme",
   "labels": {"ar": "برنامج مراقبة الحاويات"}, "names": {"ar": ["البرنامج العالمي لمراقبة الحاويات"]}},
  {"id": "programme:global-firearms-programme", "label": "Global Firearms Programme",
   "labels": {"ar": "البرنامج العالمي المتعلق بالأسلحة النارية"}},
  {"id": "programme:global-maritime-crime-programme", "label": "Global Maritime Crime Programme",
   "labels": {"ar": "البرنامج العالمي لمكافحة الجرائم البحرية"}},
  {"id": "programme:united-nations-crime-prevention-and-criminal-justice-fund", "label": "United Nations Crime Prevention and Criminal Justice Fund",
   "labels": {"ar": "صندوق الأمم المتحدة لمنع الجريمة والعدالة الجنائية"}}
]})"},
    {"instruments.json", R"({"type": "Instrument", "entries": [
  {"id": "instrument:united-nations-convention-against-transnational-organized-crime",
   "label": "United Nations Convention against Transnational Organized Crime",
   "labels": {"ar": "اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية"},
   "short_forms": {"en": ["the Convention"], "ar": ["الاتفاقية"]}},
  {"id": "instrument:protocol-against-the-illicit-manufacturing-of-and-trafficking-in-firearms-their-parts-and-components-and-ammunition",
   "label": "Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition",
   "labels": {"ar": "بروتوكول مكافحة صنع الأسلحة النارية وأجزائها ومكوناتها والذخيرة والاتجار بها بصورة غير مشروعة"},
   "names": {"en": ["Firearms Protocol"], "ar": ["بروتوكول الأسلحة النارية"]}},
  {"id": "instrument:protocol-against-the-smuggling-of-migrants-by-land-sea-and-air",
   "label": "Protocol against the Smuggling of Migrants by Land, Sea and Air",
   "labels": {"ar": "بروتوكول مكافحة تهريب المهاجرين عن طريق البر والبحر والجو"}}
]})"},
    {"crimes.json", R"({"type": "CrimeType", "entries": [
  {"id": "crime:terrorism", "label": "terrorism", "labels": {"ar": "الإرهاب"}},
  {"id": "crime:trafficking-in-persons", "label": "trafficking in persons", "labels": {"ar": "الاتجار بالأشخاص"}},
  {"id": "crime:smuggling-of-migrants", "label": "smuggling of migrants", "labels": {"ar": "تهريب المهاجرين"}},
  {"id": "crime:money-laundering", "label": "money-laundering", "labels": {"ar": "غسل الأموال"}},
  {"id": "crime:organized-crime", "label": "organized crime", "labels": {"ar": "الجريمة المنظمة"},
   "names": {"en": ["transnational organized crime"], "ar": ["الجريمة المنظمة عبر الوطنية"]}},
  {"id": "crime:firearms-trafficking", "label": "firearms trafficking", "labels": {"ar": "الاتجار بالأسلحة النارية"},
   "names": {"en": ["trafficking in firearms"]}},
  {"id": "crime:piracy-and-maritime-crime", "label": "piracy and maritime crime", "labels": {"ar": "القرصنة والجرائم البحرية"},
   "names": {"en": ["maritime crime", "piracy"], "ar": ["الجرائم البحرية", "القرصنة"]}},
  {"id": "crime:corruption", "label": "corruption", "labels": {"ar": "الفساد"}}
]})"},
    {"places.json", R"({"type": "Place", "entries": [
  {"id": "place:vienna", "label": "Vienna", "labels": {"ar": "فيينا"}}
]})"},
    {"states.json", R"({"type": "State", "entries": [
  {"id": "state:qat", "label": "Qatar", "labels": {"ar": "قطر"}},
  {"id": "state:egy", "label": "Egypt", "labels": {"ar": "مصر"}},
  {"id": "state:mar", "label": "Morocco", "labels": {"ar": "المغرب"}},
  {"id": "state:svk", "label": "Slovakia", "labels": {"ar": "سلوفاكيا"}},
  {"id": "state:swe", "label": "Sweden", "labels": {"ar": "السويد"}},
  {"id": "state:ago", "label": "Angola", "labels": {"ar": "أنغولا"}},
  {"id": "state:ben", "label": "Benin", "labels": {"ar": "بنن"}},
  {"id": "state:tcd", "label": "Chad", "labels": {"ar": "تشاد"}},
  {"id": "state:aut", "label": "Austria", "labels": {"ar": "النمسا"}},
  {"id": "state:nor", "label": "Norway", "labels": {"ar": "النرويج"}},
  {"id": "state:dnk", "label": "Denmark", "labels": {"ar": "الدانمرك"}},
  {"id": "state:slv", "label": "El Salvador", "labels": {"ar": "السلفادور"}},
  {"id": "state:gtm", "label": "Guatemala", "labels": {"ar": "غواتيمالا"}},
  {"id": "state:cri", "label": "Costa Rica", "labels": {"ar": "كوستاريكا"}}
]})"},
};

inline const Pipeline& relate_pipeline() {
  static std::unique_ptr<Pipeline> pipeline = [] {
    namespace fs = std::filesystem;
    const fs::path folder =
        fs::temp_directory_path() / ("crimekg-relate-test-" + std::to_string(::getpid()));
    fs::remove_all(folder);
    fs::create_directories(folder / "lexicon");
    fs::create_directories(folder / "cues");
    for (const auto& [name, json] : kRelateTestLexicon)
      std::ofstream(folder / "lexicon" / name) << json;
    for (const auto& item : fs::directory_iterator(fs::path(CRIMEKG_SOURCE_DIR) / "data" / "cues"))
      if (item.path().extension() == ".json")
        fs::copy_file(item.path(), folder / "cues" / item.path().filename());
    Status status;
    auto p = Pipeline::create(folder.string(), status);
    fs::remove_all(folder);
    if (!p) FAIL("test data does not load: " << status.to_string());
    return p;
  }();
  return *pipeline;
}

// What the pipeline extracted from one text.
struct Extracted {
  Document document;
  DocumentAnalysis analysis;
  GraphFragment fragment;

  const EdgeRecord* edge(const std::string& source, const std::string& predicate,
                         const std::string& target) const {
    for (const auto& e : fragment.edges)
      if (e.source == source && e.predicate == predicate && e.target == target) return &e;
    return nullptr;
  }
  bool has(const std::string& source, const std::string& predicate,
           const std::string& target) const {
    return edge(source, predicate, target) != nullptr;
  }
  std::size_t count(const std::string& predicate) const {
    std::size_t n = 0;
    for (const auto& e : fragment.edges) n += e.predicate == predicate;
    return n;
  }
  std::vector<std::string> targets(const std::string& source, const std::string& predicate) const {
    std::vector<std::string> out;
    for (const auto& e : fragment.edges)
      if (e.source == source && e.predicate == predicate) out.push_back(e.target);
    std::sort(out.begin(), out.end());
    return out;
  }
  // Every typed edge has evidence, and every evidence item quotes exactly the
  // bytes it points at, in this document.
  bool evidence_holds() const {
    for (const auto& e : fragment.edges) {
      if (e.predicate == "mentions" || e.predicate == "mentionedWith") continue;
      if (e.evidence.empty() || e.weight != e.evidence.size()) return false;
      for (const auto& ev : e.evidence) {
        if (ev.document != analysis.id || ev.start >= ev.end || ev.end > document.text.size())
          return false;
        if (document.text.substr(ev.start, ev.end - ev.start) != ev.text) return false;
      }
    }
    return true;
  }
};

inline std::unique_ptr<Extracted> extract_text(const std::string& text,
                                               const std::string& name = "test.txt") {
  auto out = std::make_unique<Extracted>();
  std::vector<DocumentProblem> problems;
  REQUIRE(make_document(name, text, out->document, problems));
  Workspace workspace;
  out->fragment = relate_pipeline().extract(out->document, {}, workspace, out->analysis);
  CHECK(out->evidence_holds());
  return out;
}

}  // namespace crimekg::testing

#endif  // CRIMEKG_TESTS_EXTRACTORS_RELATE_TEST_SUPPORT_H_
