#include "query/name_index.h"

#include <catch2/catch.hpp>

#include "tests/query/fixture.h"

namespace crimekg::query {
namespace {

using testing::fixture_graph;
using testing::kInterpol;
using testing::kUnodc;
using Outcome = Resolution::Outcome;

const NameIndex& index() {
  static const NameIndex kIndex(fixture_graph());
  return kIndex;
}

std::string resolved_id(const std::string& name) {
  const auto r = index().resolve(name);
  if (r.outcome != Outcome::kFound) return "<" + std::to_string(static_cast<int>(r.outcome)) + ">";
  return fixture_graph().node(r.matches.front().vertex).id;
}

}  // namespace

TEST_CASE("names resolve by id, label, alias and acronym in any language", "[query][names]") {
  CHECK(resolved_id(kUnodc) == kUnodc);
  CHECK(resolved_id("United Nations Office on Drugs and Crime") == kUnodc);
  CHECK(resolved_id("UNODC") == kUnodc);
  CHECK(resolved_id("unodc") == kUnodc);
  CHECK(resolved_id("ONUDC") == kUnodc);
  CHECK(resolved_id("Office des Nations Unies contre la drogue et le crime") == kUnodc);
  CHECK(resolved_id("联合国毒品和犯罪问题办公室") == kUnodc);
  CHECK(resolved_id("مكتب الأمم المتحدة المعني بالمخدرات والجريمة") == kUnodc);
  CHECK(resolved_id("INTERPOL") == kInterpol);
  CHECK(resolved_id("Interpol") == kInterpol);
  CHECK(resolved_id("CRIMJUST") == "programme:crimjust");
  CHECK(resolved_id("trafficking in persons") == "crime:trafficking-in-persons");
  CHECK(resolved_id("Trafficking in Persons") == "crime:trafficking-in-persons");
  CHECK(resolved_id("human trafficking") == "crime:trafficking-in-persons");
  CHECK(resolved_id("الإرهاب") == "crime:terrorism");
}

TEST_CASE("names are folded as the matcher folds them", "[query][names]") {
  // Harakat, punctuation, hyphens, extra spaces and a leading "the".
  CHECK(resolved_id("مكتبُ الأممِ المتحدةِ المعني بالمخدراتِ والجريمةِ") == kUnodc);
  CHECK(resolved_id("the Counter-Terrorism Committee") == "body:counter-terrorism-committee");
  CHECK(resolved_id("counter terrorism committee") == "body:counter-terrorism-committee");
  CHECK(resolved_id("  General   Assembly ") == "body:general-assembly");
  CHECK(resolved_id("The General Assembly") == "body:general-assembly");
  // The key of the id, folded like a name.
  CHECK(resolved_id("crimes-that-affect-the-environment") ==
        "crime:crimes-that-affect-the-environment");
  // A Document by its symbol or its file name.
  CHECK(resolved_id("A/59/150") == "document:A/59/150");
  CHECK(resolved_id("002_d76cc368b9f9cf3d.txt") == "document:002_d76cc368b9f9cf3d.txt");
  CHECK(fold_for_lookup("The UNODC") == fold_for_lookup("unodc"));
  CHECK(fold_for_lookup("...").empty());
}

TEST_CASE("a node's own label wins over another node's alias", "[query][names]") {
  // "Secretariat" is body:secretariat's label and the UN Secretariat's alias.
  CHECK(resolved_id("Secretariat") == "body:secretariat");
  CHECK(resolved_id("the Secretariat") == "body:secretariat");
  CHECK(resolved_id("United Nations Secretariat") == "body:united-nations-secretariat");
}

TEST_CASE("an ambiguous name lists every candidate, most mentioned first", "[query][names]") {
  const auto r = index().resolve("CTC");
  REQUIRE(r.outcome == Outcome::kAmbiguous);
  REQUIRE(r.matches.size() == 2);
  CHECK(fixture_graph().node(r.matches[0].vertex).id == "body:counter-terrorism-committee");
  CHECK(fixture_graph().node(r.matches[1].vertex).id == "body:counter-terrorism-centre");
  CHECK(r.matches[0].kind == NameKind::kAlias);
  CHECK(r.matches[0].name == "CTC");
}

TEST_CASE("an unknown name finds nothing but suggests names containing it", "[query][names]") {
  auto r = index().resolve("Nonexistent Office of Things");
  CHECK(r.outcome == Outcome::kNotFound);
  CHECK(r.matches.empty());
  CHECK(r.suggestions.empty());
  r = index().resolve("Counter-Terrorism");
  CHECK(r.outcome == Outcome::kNotFound);
  REQUIRE(r.suggestions.size() == 2);
  CHECK(fixture_graph().node(r.suggestions[0].vertex).id == "body:counter-terrorism-committee");
  CHECK(index().resolve("").outcome == Outcome::kNotFound);
  CHECK(index().resolve("!!").outcome == Outcome::kNotFound);
}

TEST_CASE("search ranks whole names, prefixes, word starts, substrings, ids", "[query][names]") {
  auto ids = [](const std::vector<SearchHit>& hits) {
    std::vector<std::string> out;
    for (const auto& h : hits) out.push_back(fixture_graph().node(h.match.vertex).id);
    return out;
  };
  auto hits = index().search("trafficking", 0);
  // "trafficking in persons" starts with it (rank 1), "drug trafficking"
  // has it as a word (rank 2); so does "illicit drug trafficking" (an alias
  // of the same node, kept once).
  REQUIRE(hits.size() == 2);
  CHECK(ids(hits) ==
        std::vector<std::string>{"crime:trafficking-in-persons", "crime:drug-trafficking"});
  CHECK(hits[0].rank == 1);
  CHECK(hits[1].rank == 2);

  hits = index().search("terrorism", 0, {NodeType::kCrimeType});
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].rank == 0);

  // Arabic: the proclitic ب of بالمخدرات is stripped as the matcher does,
  // so the word المخدرات is found at a word start inside UNODC's label.
  hits = index().search("المخدرات", 0);
  CHECK(ids(hits) == std::vector<std::string>{kUnodc, "crime:drug-trafficking"});
  CHECK(hits[0].match.language == "ar");

  // Ids are searched too ("ga/58" is only in resolution:ga/58/136's id).
  hits = index().search("ga/58", 0);
  REQUIRE(hits.size() == 1);
  CHECK(ids(hits)[0] == "resolution:ga/58/136");

  CHECK(index().search("terror", 2).size() == 2);
  CHECK(index().search("zzzz", 0).empty());
}

}  // namespace crimekg::query

namespace crimekg::query {

TEST_CASE("an exact spelling is found before folding, folded names by kind", "[query][names]") {
  // Two nodes whose names fold alike: one's label "unodc", the other's
  // alias "UNODC".
  KnowledgeGraph graph;
  NodeData label_node;
  label_node.id = "body:lower";
  label_node.label = "unodc";
  graph.upsert_node(label_node);
  NodeData alias_node;
  alias_node.id = "body:upper";
  alias_node.label = "Upper";
  alias_node.aliases = {"UNODC"};
  graph.upsert_node(alias_node);
  const NameIndex index(graph);
  auto id = [&](const std::string& name) {
    const auto r = index.resolve(name);
    return r.outcome == Resolution::Outcome::kFound ? graph.node(r.matches.front().vertex).id
                                                    : std::string("<none>");
  };
  CHECK(id("UNODC") == "body:upper");  // spelled exactly as the alias
  CHECK(id("unodc") == "body:lower");  // spelled exactly as the label
  CHECK(id("Unodc") == "body:lower");  // folded: a label beats an alias
  CHECK(id("body:upper") == "body:upper");
}

}  // namespace crimekg::query

namespace crimekg::query {

TEST_CASE("an exact spelling is found without an index, as resolve finds it", "[query][names]") {
  // Every name as stored, plus folded and ambiguous ones: find_exact either
  // agrees with resolve or declines (nullopt) and leaves it to the index.
  const std::vector<std::string> names = {kUnodc,
                                          "UNODC",
                                          "ONUDC",
                                          "United Nations Office on Drugs and Crime",
                                          "联合国毒品和犯罪问题办公室",
                                          "مكتب الأمم المتحدة المعني بالمخدرات والجريمة",
                                          "Secretariat",
                                          "CTC",
                                          "A/59/150",
                                          "002_d76cc368b9f9cf3d.txt",
                                          "crimes-that-affect-the-environment",
                                          "unodc",
                                          "the Secretariat",
                                          "  UNODC  ",
                                          "Nonexistent Office of Things",
                                          ""};
  std::size_t answered = 0;
  for (const auto& name : names) {
    INFO(name);
    const auto exact = NameIndex::find_exact(fixture_graph(), name);
    if (!exact) continue;
    ++answered;
    const auto r = index().resolve(name);
    REQUIRE(r.outcome == Outcome::kFound);
    CHECK(r.matches.front().vertex == *exact);
  }
  CHECK(answered == 11);  // all but the folded, ambiguous and unknown ones
  // A label wins over another node's alias, as in resolve.
  CHECK(fixture_graph().node(*NameIndex::find_exact(fixture_graph(), "Secretariat")).id ==
        "body:secretariat");
  // Needs folding, ambiguous, unknown: declined.
  CHECK_FALSE(NameIndex::find_exact(fixture_graph(), "unodc"));
  CHECK_FALSE(NameIndex::find_exact(fixture_graph(), "CTC"));
  CHECK_FALSE(NameIndex::find_exact(fixture_graph(), "Nonexistent Office of Things"));
}

}  // namespace crimekg::query
