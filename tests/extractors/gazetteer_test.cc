#include <catch2/catch.hpp>

#include "extractors/gazetteer.h"
#include "extractors/normalise.h"

using namespace crimekg;

namespace {

struct Hit {
  Gazetteer::PatternId pattern;
  std::size_t first, last;
};

std::vector<Hit> run(const Gazetteer& g, Normaliser& n, std::string_view text,
                     std::vector<Unit>& units) {
  TokenStream s;
  std::string scratch;
  n.tokenise(text, {}, {}, s);
  g.encode(s, units, scratch);
  std::vector<Hit> hits;
  g.scan(units, [&](Gazetteer::PatternId p, std::size_t f, std::size_t l) { hits.push_back({p, f, l}); });
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
  CHECK(text.substr(units[hits[1].first].begin, units[hits[1].last].end - units[hits[1].first].begin) ==
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
  CHECK(text.substr(units[hits[0].first].begin, units[hits[0].last].end - units[hits[0].first].begin) ==
        "لمكتبِ الأمم المتحدة");
  CHECK(hits[1].pattern == q);
  CHECK(text.substr(units[hits[1].first].begin, units[hits[1].last].end - units[hits[1].first].begin) ==
        "COTE D’IVOIRE");
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
