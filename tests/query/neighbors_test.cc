#include "query/neighbors.h"

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <sstream>

#include "tests/query/fixture.h"

namespace crimekg::query {
namespace {

using testing::fixture_graph;
using testing::kInterpol;
using testing::kUnodc;
using testing::vertex;

// "predicate direction id weight" per row.
std::vector<std::string> rows(const NeighborResult& result) {
  const auto& g = fixture_graph().graph();
  std::vector<std::string> out;
  for (const auto& r : result.rows) {
    out.push_back(g[r.edge].predicate + " " + std::string(to_string(r.direction)) + " " +
                  g[r.other].id + " " + std::to_string(g[r.edge].weight));
  }
  return out;
}

}  // namespace

TEST_CASE("neighbors: which crimes a body addresses", "[query][neighbors]") {
  NeighborOptions options;
  options.predicates = PredicateSet::of({"addresses"});
  const auto result = neighbors(fixture_graph(), vertex(kUnodc), options);
  CHECK(rows(result) == std::vector<std::string>{
                            "addresses out crime:organized-crime 4",
                            "addresses out crime:terrorism 3",
                            "addresses out crime:drug-trafficking 2",
                            "addresses out crime:trafficking-in-persons 1",
                        });
  CHECK(result.total == 4);

  // CRIMJUST addresses drug trafficking.
  const auto crimjust = neighbors(fixture_graph(), vertex("programme:crimjust"), NeighborOptions{});
  CHECK(rows(crimjust) == std::vector<std::string>{
                              "addresses out crime:drug-trafficking 1",
                              "runs in body:united-nations-office-on-drugs-and-crime 1",
                          });
}

TEST_CASE("neighbors: direction, types, symmetric predicates, limit", "[query][neighbors]") {
  NeighborOptions options;
  options.direction = Direction::kIn;
  options.predicates = PredicateSet::of({"addresses"});
  auto result = neighbors(fixture_graph(), vertex("crime:terrorism"), options);
  CHECK(rows(result) == std::vector<std::string>{
                            "addresses in body:united-nations-office-on-drugs-and-crime 3",
                            "addresses in body:counter-terrorism-committee 2",
                            "addresses in programme:global-programme-against-terrorism 1",
                            "addresses in resolution:ga/58/136 1",
                        });
  options.types = {NodeType::kBody};
  CHECK(neighbors(fixture_graph(), vertex("crime:terrorism"), options).rows.size() == 2);

  // cooperatesWith and mentionedWith are stored both ways: one row each.
  options = {};
  options.types = {NodeType::kBody};
  result = neighbors(fixture_graph(), vertex(kInterpol), options);
  CHECK(rows(result) == std::vector<std::string>{
                            "cooperatesWith both body:united-nations-office-on-drugs-and-crime 1",
                            "mentionedWith both body:united-nations-office-on-drugs-and-crime 1",
                        });

  options = {};
  options.limit = 3;
  result = neighbors(fixture_graph(), vertex(kUnodc), options);
  CHECK(result.rows.size() == 3);
  CHECK(result.total == 12);
  options.direction = Direction::kOut;
  options.limit = 0;
  CHECK(neighbors(fixture_graph(), vertex(kUnodc), options).total == 10);
}

TEST_CASE("neighbors render with evidence", "[query][neighbors]") {
  NeighborOptions options;
  options.predicates = PredicateSet::of({"addresses"});
  options.with_evidence = true;
  const auto result = neighbors(fixture_graph(), vertex("programme:crimjust"), options);
  std::ostringstream text;
  render_neighbors(fixture_graph(), vertex("programme:crimjust"), result, options,
                   {OutputFormat::kText, "en", 0}, text);
  CHECK(text.str().find("CRIMJUST [programme:crimjust]: 1 neighbour over addresses\n") == 0);
  CHECK(text.str().find("    document:002_d76cc368b9f9cf3d.txt \u00b6 18: \u200E"
                        "برنامج كريمجست لمكافحة الاتجار بالمخدرات عبر الموانئ\u200E\n") !=
        std::string::npos);

  std::ostringstream csv;
  render_neighbors(fixture_graph(), vertex("programme:crimjust"), result, options,
                   {OutputFormat::kCsv, "ar", 0}, csv);
  CHECK(csv.str() ==
        "predicate,direction,id,type,label,weight,documents\r\n"
        "addresses,out,crime:drug-trafficking,CrimeType,الاتجار بالمخدرات,1,1\r\n");

  std::ostringstream json;
  render_neighbors(fixture_graph(), vertex("programme:crimjust"), result, options,
                   {OutputFormat::kJson, "en", 0}, json);
  rapidjson::Document doc;
  doc.Parse(json.str().c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(doc["total"].GetUint64() == 1);
  CHECK(std::string(doc["neighbors"][0]["node"]["id"].GetString()) == "crime:drug-trafficking");
  CHECK(std::string(doc["neighbors"][0]["evidence"][0]["paragraph"].GetString()) == "18");
}

}  // namespace crimekg::query
