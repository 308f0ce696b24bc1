#include "extractors/gazetteer.h"

#include <catch2/catch.hpp>

#include "extractors/normalise.h"

using namespace crimekg;

namespace {

struct Hit {
  Gazetteer::PatternId pattern;
  std::size_t first, last;
};

// Tokenises, encodes and scans `text`; with `resolve`, text words first
// take the reading the vocabulary knows (Gazetteer::resolve), as the
// pipeline does.
std::vector<Hit> run(const Gazetteer& g, Normaliser& n, std::string_view text,
                     std::vector<Unit>& units, bool resolve = false) {
  TokenStream s;
  std::string scratch;
  n.tokenise(text, {}, {}, s);
  if (resolve) g.resolve(s);
  g.encode(s, units, scratch);
  std::vector<Hit> hits;
  g.scan(units, [&](Gazetteer::PatternId p, std::size_t f, std::size_t l) {
    hits.push_back({p, f, l});
  });
  return hits;
}

}  // namespace

TEST_CASE("Aho-Corasick finds overlapping patterns and nested ones") {
  Normaliser n;
  Gazetteer::Builder b;
  const auto office = b.add(n.keys_of("United Nations Office on Drugs and Crime"), {});
  const auto un = b.add(n.keys_of("United Nations"), {});
  const auto drugs = b.add(n.keys_of("Drugs and Crime"), {});
  const auto again = b.add(n.keys_of("united   nations"), {});
  CHECK(again == un);
  const Gazetteer g = std::move(b).build();
  std::vector<Unit> units;
  const std::string text = "The United Nations Office on Drugs and Crime said";
  auto hits = run(g, n, text, units);
  REQUIRE(hits.size() == 3);
  CHECK(hits[0].pattern == un);
  CHECK(hits[1].pattern == office);
  CHECK(hits[2].pattern == drugs);
  CHECK(text.substr(units[hits[1].first].begin,
                    units[hits[1].last].end - units[hits[1].first].begin) ==
        "United Nations Office on Drugs and Crime");
}

TEST_CASE("offsets are exact on multi-byte text") {
  Normaliser n;
  Gazetteer::Builder b;
  const auto p = b.add(n.keys_of("مكتب الأمم المتحدة"), {});
  const auto q = b.add(n.keys_of("Côte d'Ivoire"), {});
  const Gazetteer g = std::move(b).build();
  std::vector<Unit> units;
  const std::string text = "قال لمكتبِ الأمم المتحدة إن «COTE D’IVOIRE» وافقت";
  auto hits = run(g, n, text, units);
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].pattern == p);
  CHECK(text.substr(units[hits[0].first].begin,
                    units[hits[0].last].end - units[hits[0].first].begin) == "لمكتبِ الأمم المتحدة");
  CHECK(hits[1].pattern == q);
  CHECK(text.substr(units[hits[1].first].begin,
                    units[hits[1].last].end - units[hits[1].first].begin) == "COTE D’IVOIRE");
}

TEST_CASE("whole words only, never across a sentence break") {
  Normaliser n;
  Gazetteer::Builder b;
  b.add(n.keys_of("Niger"), {});
  b.add(n.keys_of("Qatar Morocco"), {});
  const Gazetteer g = std::move(b).build();
  std::vector<Unit> units;
  CHECK(run(g, n, "Nigeria and Nigerien", units).empty());
  CHECK(run(g, n, "Qatar. Morocco", units).empty());
  CHECK(run(g, n, "Qatar, Morocco", units).size() == 1);
}

TEST_CASE("case rules: acronyms only in upper case") {
  Normaliser n;
  Gazetteer::Builder b;
  const auto au = b.add(n.keys_of("AU"), {CaseRule::kAllUpper});
  const Gazetteer g = std::move(b).build();
  std::vector<Unit> units;
  auto hits = run(g, n, "the AU and au revoir", units);
  REQUIRE(hits.size() == 2);
  CHECK(g.case_matches(au, &units[hits[0].first]));
  CHECK(!g.case_matches(au, &units[hits[1].first]));
}

TEST_CASE("words split at a line-end hyphen or by a stray space are joined when known") {
  Normaliser n;
  Gazetteer::Builder b;
  const auto tip = b.add(n.keys_of("trafficking in persons"), {});
  const auto ml = b.add(n.keys_of("money laundering"), {});
  const auto terror = b.add(n.keys_of("terrorism"), {});
  const Gazetteer g = std::move(b).build();
  std::vector<Unit> units;
  auto hits = run(g, n, "combat traffick-\ning in persons", units);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].pattern == tip);
  hits = run(g, n, "money-\nlaundering", units);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].pattern == ml);
  hits = run(g, n, "acts of terror ism", units);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].pattern == terror);
}

namespace {
std::vector<Hit> run_resolved(const Gazetteer& g, Normaliser& n, std::string_view text,
                              std::vector<Unit>& units) {
  return run(g, n, text, units, true);
}
}  // namespace

TEST_CASE("resolve: a text word takes the least stripped reading the vocabulary knows") {
  Normaliser n;
  Gazetteer::Builder b;
  const auto france = b.add(n.keys_of("فرنسا"), {});
  const auto finland = b.add(n.keys_of("فنلندا"), {});
  const auto kenya = b.add(n.keys_of("كينيا"), {});
  const auto lebanon = b.add(n.keys_of("لبنان"), {});
  const auto office = b.add(n.keys_of("المكتب"), {CaseRule::kDefinite});
  const auto china = b.add(n.keys_of("Китай"), {});
  const auto quito = b.add(n.keys_of("Кито"), {});
  const auto nigeria = b.add(n.keys_of("Нигерия"), {});
  const auto niger = b.add(n.keys_of("Нигер"), {});
  const Gazetteer g = std::move(b).build();
  std::vector<Unit> units;
  struct Case {
    const char* text;
    Gazetteer::PatternId pattern;
  };
  for (const Case& c :
       {Case{"فرنسا", france}, Case{"وفرنسا", france}, Case{"وفنلندا", finland},
        Case{"لكينيا", kenya}, Case{"للبنان", lebanon}, Case{"ولبنان", lebanon},
        Case{"وللمكتب", office}, Case{"Китая", china}, Case{"Китаю", china}, Case{"Кито", quito},
        Case{"Нигерии", nigeria}, Case{"Нигерией", nigeria}, Case{"Нигера", niger}}) {
    INFO(c.text);
    const auto hits = run_resolved(g, n, c.text, units);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].pattern == c.pattern);
    // The unit spans the whole surface word, proclitics and ending included.
    CHECK(units[0].begin == 0);
    CHECK(units[0].end == std::string_view(c.text).size());
  }
  // The article's reading carries kDefinite; a bare «مكتب» fails the rule.
  CHECK(run_resolved(g, n, "وللمكتب", units).size() == 1);
  CHECK(g.case_matches(office, units.data()));
  run_resolved(g, n, "مكتب", units);
  CHECK(!g.case_matches(office, units.data()));
  // Never inside a word: «رنسا» alone is no reading of anything known.
  CHECK(run_resolved(g, n, "رنسا", units).empty());
}

TEST_CASE("add_word_as: two spellings of one word make one pattern and both match") {
  Normaliser n;
  Gazetteer::Builder b;
  b.add_word("تهريب");
  b.add_word_as("وتهريب", "تهريب");
  const auto smuggling = b.add(n.keys_of("تهريب المهاجرين"), {});
  CHECK(b.add(n.keys_of("وتهريب المهاجرين"), {}) == smuggling);
  const Gazetteer g = std::move(b).build();
  std::vector<Unit> units;
  for (const char* text : {"تهريب المهاجرين", "وتهريب المهاجرين"}) {
    INFO(text);
    const auto hits = run_resolved(g, n, text, units);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].pattern == smuggling);
  }
}
