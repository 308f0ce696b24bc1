#include "extractors/relate_name_phrases.h"

#include <catch2/catch.hpp>

#include "extractors/normalise.h"
#include "tests/extractors/test_support.h"

using namespace crimekg;
using crimekg::testing::entry;

namespace {

const Recognizer& phrase_knowledge() {
  static const std::unique_ptr<Recognizer> recognizer = [] {
    Lexicon lex;
    lex.add(entry("crime:terrorism", NodeType::kCrimeType, "terrorism", {{"ar", "الإرهاب"}}));
    lex.add(entry("crime:financing-of-terrorism", NodeType::kCrimeType, "financing of terrorism",
                  {{"ar", "تمويل الإرهاب"}}));
    lex.add(entry("crime:organized-crime", NodeType::kCrimeType, "organized crime",
                  {{"ar", "الجريمة المنظمة"}}));
    lex.add(entry("instrument:untoc", NodeType::kInstrument,
                  "United Nations Convention against Transnational Organized Crime",
                  {{"ar", "اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية"}},
                  {"UNTOC"}));
    lex.add(entry("instrument:terrorist-financing-convention", NodeType::kInstrument,
                  "International Convention for the Suppression of the Financing of Terrorism"));
    lex.add(entry("programme:gpt", NodeType::kProgramme, "Global Programme against Terrorism"));
    Cues cues;
    Status status = cues.load_folder(std::string(CRIMEKG_SOURCE_DIR) + "/data/cues");
    if (!status.ok()) throw std::runtime_error(status.to_string());
    return Recognizer::compile(std::move(lex), std::move(cues), status);
  }();
  return *recognizer;
}

}  // namespace

TEST_CASE("contains_phrase matches whole words only", "[relate][phrases]") {
  CHECK(contains_phrase("global programme against terrorism", "terrorism"));
  CHECK(contains_phrase("terrorism prevention branch", "terrorism"));
  CHECK(contains_phrase("terrorism", "terrorism"));
  CHECK_FALSE(contains_phrase("counterterrorism committee", "terrorism"));
  CHECK_FALSE(contains_phrase("terrorisms", "terrorism"));
  CHECK_FALSE(contains_phrase("anything", ""));
  // A later occurrence at a word boundary still counts.
  CHECK(contains_phrase("antiterrorism and terrorism", "terrorism"));
}

TEST_CASE("NamePhraseIndex: crimes a name states", "[relate][phrases]") {
  const Recognizer& k = phrase_knowledge();
  const NamePhraseIndex index(k);
  const std::size_t npos = Lexicon::npos;
  CHECK(index.crimes_stated(fold_name("Global Programme against Terrorism"), npos) ==
        std::vector<std::string>{"crime:terrorism"});
  // A crime inside a longer crime's name is that longer crime only.
  CHECK(index.crimes_stated(fold_name("Working Group on the Financing of Terrorism"), npos) ==
        std::vector<std::string>{"crime:financing-of-terrorism"});
  // Crimes printed inside an embedded instrument's name are the instrument's.
  CHECK(index
            .crimes_stated(fold_name("Conference of the Parties to the United Nations Convention "
                                     "against Transnational Organized Crime"),
                           npos)
            .empty());
  // ... but an instrument's own name states its crimes.
  const std::size_t untoc = k.lexicon().index_of("instrument:untoc");
  CHECK(index.crimes_stated(k.folded_label(untoc), untoc) ==
        std::vector<std::string>{"crime:organized-crime"});
  // Two crimes, sorted; Arabic names fold as the matcher folds them.
  CHECK(index.crimes_stated(fold_name("Unit on organized crime and terrorism"), npos) ==
        std::vector<std::string>{"crime:organized-crime", "crime:terrorism"});
  CHECK(index.crimes_stated(fold_name("البرنامج العالمي لمكافحة الإرهاب"), npos) ==
        std::vector<std::string>{"crime:terrorism"});
  CHECK(index.crimes_stated(fold_name("Counter-Narcotics Unit"), npos).empty());
}

TEST_CASE("NamePhraseIndex: instruments a name embeds", "[relate][phrases]") {
  const Recognizer& k = phrase_knowledge();
  const NamePhraseIndex index(k);
  CHECK(index.instruments_embedded(
            fold_name("Conference of the Parties to the United Nations Convention "
                      "against Transnational Organized Crime"),
            Lexicon::npos) == std::vector<std::string>{"instrument:untoc"});
  const std::size_t untoc = k.lexicon().index_of("instrument:untoc");
  CHECK(index.instruments_embedded(k.folded_label(untoc), untoc).empty());
  CHECK(index.instruments_embedded(fold_name("Global Programme against Terrorism"), Lexicon::npos)
            .empty());
}
