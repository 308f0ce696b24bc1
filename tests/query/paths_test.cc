#include "query/paths.h"

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

std::vector<std::string> node_ids(const PathResult& path) {
  std::vector<std::string> out;
  for (auto v : path.nodes) out.push_back(fixture_graph().node(v).id);
  return out;
}

std::string render(const PathResult& path, const PathOptions& options, OutputFormat format) {
  std::ostringstream out;
  render_path(fixture_graph(), path, options, {format, "en", 0}, out);
  return out.str();
}

}  // namespace

TEST_CASE("path: from INTERPOL to a crime type", "[query][path]") {
  const PathOptions options;
  auto path = shortest_path(fixture_graph(), vertex(kInterpol),
                            vertex("crime:crimes-that-affect-the-environment"), options);
  REQUIRE(path.found);
  CHECK(node_ids(path) ==
        std::vector<std::string>{kInterpol, "crime:crimes-that-affect-the-environment"});
  REQUIRE(path.hops.size() == 1);
  REQUIRE(path.hops[0].edges.size() == 1);
  CHECK(fixture_graph().edge(path.hops[0].edges[0]).predicate == "addresses");

  // Two hops: INTERPOL cooperates with UNODC, which addresses terrorism.
  path = shortest_path(fixture_graph(), vertex(kInterpol), vertex("crime:terrorism"), options);
  REQUIRE(path.found);
  CHECK(node_ids(path) == std::vector<std::string>{kInterpol, kUnodc, "crime:terrorism"});
  // cooperatesWith is stored both ways but is one relation on the path.
  REQUIRE(path.hops[0].edges.size() == 1);
  CHECK(fixture_graph().edge(path.hops[0].edges[0]).predicate == "cooperatesWith");
  CHECK(fixture_graph().edge(path.hops[1].edges[0]).predicate == "addresses");

  const std::string text = render(path, options, OutputFormat::kText);
  CHECK(text ==
        "2 hops over typed predicates:\n"
        "\n"
        "  International Criminal Police Organization  "
        "[body:international-criminal-police-organization]\n"
        "      \u2194 cooperatesWith \u2194  (weight 1, 1 document)\n"
        "  United Nations Office on Drugs and Crime  "
        "[body:united-nations-office-on-drugs-and-crime]\n"
        "      \u2500 addresses \u2192  (weight 3, 2 documents)\n"
        "  terrorism  [crime:terrorism]\n");

  CHECK(render(path, options, OutputFormat::kCsv) ==
        "hop,source,predicate,target,weight,documents\r\n"
        "1,body:international-criminal-police-organization,cooperatesWith,"
        "body:united-nations-office-on-drugs-and-crime,1,1\r\n"
        "2,body:united-nations-office-on-drugs-and-crime,addresses,crime:terrorism,3,2\r\n");

  rapidjson::Document doc;
  doc.Parse(render(path, options, OutputFormat::kJson).c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(doc["found"].GetBool());
  CHECK(doc["length"].GetUint64() == 2);
  CHECK(std::string(doc["nodes"][2]["id"].GetString()) == "crime:terrorism");
  CHECK(std::string(doc["hops"][1]["edges"][0]["predicate"].GetString()) == "addresses");
}

TEST_CASE("path: edges are walked backwards unless --directed", "[query][path]") {
  PathOptions options;
  // terrorism <- addresses - UNODC - runs -> CRIMJUST
  auto path = shortest_path(fixture_graph(), vertex("crime:terrorism"),
                            vertex("programme:crimjust"), options);
  REQUIRE(path.found);
  CHECK(path.hops.size() == 2);
  const auto& first = path.hops[0].edges[0];
  CHECK(boost::source(first, fixture_graph().graph()) == vertex(kUnodc));  // walked backwards
  CHECK(render(path, options, OutputFormat::kText).find("\u2190 addresses \u2500") !=
        std::string::npos);

  options.directed = true;
  path = shortest_path(fixture_graph(), vertex("crime:terrorism"), vertex("programme:crimjust"),
                       options);
  CHECK_FALSE(path.found);
  path = shortest_path(fixture_graph(), vertex(kUnodc), vertex("crime:drug-trafficking"), options);
  REQUIRE(path.found);
  CHECK(path.hops.size() == 1);
}

TEST_CASE("path: predicates chosen, no path, same node", "[query][path]") {
  PathOptions options;
  // Qatar's component is not linked to the rest by typed predicates...
  auto path =
      shortest_path(fixture_graph(), vertex("state:qat"), vertex("crime:terrorism"), options);
  CHECK_FALSE(path.found);
  CHECK(path.nodes.empty());
  // ...but is through the Arabic document's mentions.
  options.predicates = PredicateSet::all();
  path = shortest_path(fixture_graph(), vertex("state:qat"), vertex("crime:terrorism"), options);
  REQUIRE(path.found);
  CHECK(node_ids(path).front() == "state:qat");
  CHECK(node_ids(path).back() == "crime:terrorism");

  options.predicates = PredicateSet::of({"addresses"});
  path = shortest_path(fixture_graph(), vertex(kInterpol), vertex("crime:terrorism"), options);
  CHECK_FALSE(path.found);

  path = shortest_path(fixture_graph(), vertex(kUnodc), vertex(kUnodc), PathOptions{});
  CHECK(path.found);
  CHECK(path.hops.empty());
  CHECK(node_ids(path) == std::vector<std::string>{kUnodc});
}

}  // namespace crimekg::query
