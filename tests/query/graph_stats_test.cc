#include "query/graph_stats.h"

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <sstream>

#include "tests/query/fixture.h"

namespace crimekg::query {
namespace {

using testing::fixture_graph;
using testing::kInterpol;
using testing::kUnodc;

std::string id(KnowledgeGraph::Vertex v) { return fixture_graph().node(v).id; }

}  // namespace

TEST_CASE("stats: counts by type and predicate", "[query][stats]") {
  const auto stats = graph_stats(fixture_graph(), StatsOptions{});
  CHECK(stats.nodes == 21);
  CHECK(stats.edges == 26);
  CHECK(stats.evidence == 54);
  REQUIRE(stats.by_type.size() == 9);  // no Decision
  CHECK(stats.by_type[1].type == NodeType::kBody);
  CHECK(stats.by_type[1].nodes == 7);
  REQUIRE(stats.by_predicate.size() == 10);
  CHECK(stats.by_predicate[1].predicate == "addresses");
  CHECK(stats.by_predicate[1].edges == 10);
  CHECK(stats.by_predicate[1].evidence == 17);
  CHECK(stats.by_predicate.back().predicate == "mentions");
}

TEST_CASE("stats: degree, betweenness (checked against networkx) and components",
          "[query][stats]") {
  StatsOptions options;
  options.top = 3;
  const auto stats = graph_stats(fixture_graph(), options);
  CHECK(stats.structure_edges == 18);
  REQUIRE(stats.top_degree.size() == 3);
  CHECK(id(stats.top_degree[0].vertex) == kUnodc);
  CHECK(stats.top_degree[0].neighbours == 9);
  CHECK(stats.top_degree[0].edges == 10);  // cooperatesWith both ways: two edges, one neighbour
  CHECK(id(stats.top_degree[1].vertex) == "crime:terrorism");

  CHECK(stats.betweenness_used == BetweennessMode::kExact);
  REQUIRE(stats.top_betweenness.size() == 3);
  // networkx.betweenness_centrality on the same undirected typed graph:
  // UNODC 0.342105, terrorism 0.168421, INTERPOL 0.063158.
  CHECK(id(stats.top_betweenness[0].vertex) == kUnodc);
  CHECK(stats.top_betweenness[0].betweenness == Approx(0.342105).epsilon(1e-4));
  CHECK(stats.top_betweenness[1].betweenness == Approx(0.168421).epsilon(1e-4));
  CHECK(id(stats.top_betweenness[2].vertex) == kInterpol);
  CHECK(stats.top_betweenness[2].betweenness == Approx(0.063158).epsilon(1e-4));

  // UNODC's component, Qatar's meeting component, and four lone nodes.
  CHECK(stats.components == 2);
  CHECK(stats.isolated == 4);
  REQUIRE(stats.largest_components.size() == 2);
  CHECK(stats.largest_components[0].size == 14);
  CHECK(id(stats.largest_components[0].representative) == kUnodc);
  CHECK(stats.largest_components[1].size == 3);
}

TEST_CASE("stats: the betweenness estimate and its modes", "[query][stats]") {
  StatsOptions options;
  options.top = 3;
  // Sampling every node reproduces the exact values.
  options.betweenness = BetweennessMode::kSampled;
  options.samples = 21;
  auto stats = graph_stats(fixture_graph(), options);
  CHECK(stats.betweenness_used == BetweennessMode::kSampled);
  CHECK(stats.betweenness_sources == 21);
  CHECK(stats.top_betweenness[0].betweenness == Approx(0.342105).epsilon(1e-4));
  // A budget too small for the exact count makes auto estimate.
  options = {};
  options.work_budget = 100;
  stats = graph_stats(fixture_graph(), options);
  CHECK(stats.betweenness_used == BetweennessMode::kSampled);
  CHECK(stats.betweenness_sources == 21);  // at least 32, capped at n
  options.samples = 5;
  const auto a = graph_stats(fixture_graph(), options);
  const auto b = graph_stats(fixture_graph(), options);
  CHECK(a.betweenness_sources == 5);
  // The sample has a fixed seed: same answer every run.
  REQUIRE(a.top_betweenness.size() == b.top_betweenness.size());
  for (std::size_t i = 0; i < a.top_betweenness.size(); ++i) {
    CHECK(a.top_betweenness[i].vertex == b.top_betweenness[i].vertex);
    CHECK(a.top_betweenness[i].betweenness == b.top_betweenness[i].betweenness);
  }
  options = {};
  options.betweenness = BetweennessMode::kNone;
  stats = graph_stats(fixture_graph(), options);
  CHECK(stats.betweenness_used == BetweennessMode::kNone);
  CHECK(stats.top_betweenness.empty());
  CHECK_FALSE(stats.top_degree.empty());

  // Over every predicate the Documents join everything but two lone nodes.
  options = {};
  options.structure = PredicateSet::all();
  stats = graph_stats(fixture_graph(), options);
  CHECK(stats.components == 1);
  CHECK(stats.isolated == 2);  // the Counter-Terrorism Centre and the Secretariat
}

TEST_CASE("stats render as text, CSV and JSON", "[query][stats]") {
  StatsOptions options;
  options.top = 2;
  const auto stats = graph_stats(fixture_graph(), options);
  std::ostringstream text, csv, json;
  render_stats(fixture_graph(), stats, options, {OutputFormat::kText, "en", 0}, text);
  CHECK(text.str().rfind("21 nodes, 26 edges, 54 pieces of evidence\n", 0) == 0);
  CHECK(text.str().find("  18 linked node pairs, 2 connected components, 4 nodes without such "
                        "edges\n") != std::string::npos);
  CHECK(text.str().find("Top nodes by betweenness centrality (exact)\n") != std::string::npos);

  render_stats(fixture_graph(), stats, options, {OutputFormat::kCsv, "en", 0}, csv);
  CHECK(csv.str().rfind("section,key,label,metric,value\r\ngraph,,,nodes,21\r\n", 0) == 0);
  CHECK(csv.str().find("\r\nbetweenness,body:united-nations-office-on-drugs-and-crime,United "
                       "Nations Office on Drugs and Crime,exact,0.342105\r\n") !=
        std::string::npos);

  render_stats(fixture_graph(), stats, options, {OutputFormat::kJson, "en", 0}, json);
  rapidjson::Document doc;
  doc.Parse(json.str().c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(doc["nodesByType"]["Body"].GetUint64() == 7);
  CHECK(doc["structure"]["components"].GetUint64() == 2);
  CHECK(std::string(doc["topByBetweenness"][0]["node"]["id"].GetString()) == kUnodc);
}

}  // namespace crimekg::query

namespace crimekg::query {
namespace {

// A small random multigraph of corpus shape, fixed by `seed`: typed and
// untyped predicates, parallel edges, loops, symmetric pairs stored both
// ways, and usually more than one component.
KnowledgeGraph random_graph(std::uint64_t seed, std::size_t nodes, std::size_t edges) {
  std::mt19937_64 random(seed);
  KnowledgeGraph graph;
  const NodeType types[] = {NodeType::kBody, NodeType::kCrimeType, NodeType::kState,
                            NodeType::kMeeting};
  for (std::size_t i = 0; i < nodes; ++i) {
    NodeData n;
    n.type = types[i % 4];
    n.id = std::string(id_prefix(n.type)) + ":n" + std::to_string(i);
    n.label = "node " + std::to_string(i);
    graph.upsert_node(n);
  }
  const char* predicates[] = {"addresses", "cooperatesWith", "participatedIn", "mentionedWith"};
  for (std::size_t i = 0; i < edges; ++i) {
    // Skewed towards low numbers, so a few hubs carry many paths.
    const std::size_t a = random() % (1 + random() % nodes);
    const std::size_t b = random() % nodes;
    const std::string p = predicates[random() % 4];
    auto id = [&](std::size_t k) { return graph.node(k).id; };
    graph.upsert_edge(EdgeRecord{id(a), id(b), p, 1, {}});
    if (p == "cooperatesWith") graph.upsert_edge(EdgeRecord{id(b), id(a), p, 1, {}});
  }
  return graph;
}

// Every node's betweenness, from a ranking as long as the graph.
std::map<KnowledgeGraph::Vertex, double> all_betweenness(const KnowledgeGraph& graph,
                                                         StatsOptions options) {
  options.top = graph.node_count();
  std::map<KnowledgeGraph::Vertex, double> out;
  for (const auto& r : graph_stats(graph, options).top_betweenness) out[r.vertex] = r.betweenness;
  return out;
}

}  // namespace
}  // namespace crimekg::query

TEST_CASE("stats: the estimate from every node as a pivot is Boost's exact betweenness",
          "[query][stats]") {
  using namespace crimekg::query;
  for (std::uint64_t seed : {1, 2, 3, 4, 5}) {
    const auto graph = random_graph(seed, 12 + 9 * seed, 30 + 25 * seed);
    for (const auto& structure : {PredicateSet::typed(), PredicateSet::all()}) {
      StatsOptions exact;
      exact.structure = structure;
      exact.betweenness = BetweennessMode::kExact;
      StatsOptions sampled = exact;
      sampled.betweenness = BetweennessMode::kSampled;
      sampled.samples = graph.node_count();
      const auto want = all_betweenness(graph, exact);
      const auto got = all_betweenness(graph, sampled);
      INFO("seed " << seed << ", " << structure.describe());
      REQUIRE_FALSE(want.empty());
      REQUIRE(got.size() == want.size());
      for (const auto& [v, value] : want) {
        REQUIRE(got.count(v) == 1);
        CHECK(got.at(v) == Approx(value).epsilon(1e-9));
      }
    }
  }
  // The same on the fixture, node by node.
  StatsOptions exact;
  exact.betweenness = BetweennessMode::kExact;
  StatsOptions sampled;
  sampled.betweenness = BetweennessMode::kSampled;
  sampled.samples = fixture_graph().node_count();
  const auto want = all_betweenness(fixture_graph(), exact);
  const auto got = all_betweenness(fixture_graph(), sampled);
  REQUIRE(got.size() == want.size());
  for (const auto& [v, value] : want) CHECK(got.at(v) == Approx(value).epsilon(1e-9));
}

TEST_CASE("stats: a partial sample is deterministic, scaled, and labelled as an estimate",
          "[query][stats]") {
  using namespace crimekg::query;
  const auto graph = random_graph(7, 200, 600);
  StatsOptions options;
  options.structure = PredicateSet::all();
  options.betweenness = BetweennessMode::kSampled;
  options.samples = 40;
  options.top = 5;
  const auto a = graph_stats(graph, options);
  CHECK(a.betweenness_used == BetweennessMode::kSampled);
  CHECK(a.betweenness_sources == 40);
  REQUIRE_FALSE(a.top_betweenness.empty());
  // Same graph, same options: byte-identical answers, run after run.
  std::ostringstream first, second, text;
  RenderOptions json;
  json.format = OutputFormat::kJson;
  render_stats(graph, a, options, json, first);
  render_stats(graph, graph_stats(graph, options), options, json, second);
  CHECK(first.str() == second.str());
  rapidjson::Document doc;
  doc.Parse(first.str().c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(std::string(doc["betweenness"]["mode"].GetString()) == "sampled");
  CHECK(doc["betweenness"]["sources"].GetUint64() == 40);
  render_stats(graph, a, options, RenderOptions{}, text);
  CHECK(text.str().find("betweenness centrality (estimated from 40 of 200 source nodes)") !=
        std::string::npos);

  // Scaled by n/k, the estimate is of the exact values' size, and finds the
  // same most central node on this hub-shaped graph.
  StatsOptions exact = options;
  exact.betweenness = BetweennessMode::kExact;
  const auto e = graph_stats(graph, exact);
  CHECK(a.top_betweenness[0].vertex == e.top_betweenness[0].vertex);
  CHECK(a.top_betweenness[0].betweenness == Approx(e.top_betweenness[0].betweenness).epsilon(0.25));
  // A different seed draws another sample (and usually another estimate).
  options.seed += 1;
  CHECK(graph_stats(graph, options).betweenness_sources == 40);
}
