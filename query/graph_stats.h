// `stats`: the graph's size by node type and predicate, and its structure —
// the most connected nodes by degree and by betweenness centrality, and its
// connected components.
//
// Betweenness is the costly part: Brandes' algorithm is one breadth-first
// search per node, O(V·E), minutes on 100k nodes. So it is exact (Boost's
// brandes_betweenness_centrality) only while V·(V+2E) stays within a work
// budget that keeps `stats` under a second; beyond it, it is estimated from
// a fixed-seed sample of source nodes (Brandes & Pich 2007), which ranks the
// top nodes reliably, and the output says so. --betweenness picks the mode.
#ifndef CRIMEKG_QUERY_GRAPH_STATS_H_
#define CRIMEKG_QUERY_GRAPH_STATS_H_

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.h"
#include "query/common.h"

namespace crimekg::query {

enum class BetweennessMode { kAuto, kExact, kSampled, kNone };
std::optional<BetweennessMode> betweenness_mode_from_name(std::string_view name);
std::string_view to_string(BetweennessMode mode);

struct StatsOptions {
  // The edges degree, betweenness and components are computed over. Typed
  // predicates by default: through `mentions` every node hangs off its
  // Documents and the whole corpus is one component with Documents at the
  // centre, which says nothing about the crime-policy network.
  PredicateSet structure = PredicateSet::typed();
  std::size_t top = 10;
  BetweennessMode betweenness = BetweennessMode::kAuto;
  std::size_t samples = 0;  // sampled mode: source nodes; 0: as many as the budget allows
  // Vertex and edge visits auto mode may spend on betweenness: 25 million,
  // some 0.1 to 0.3 s (4 to 10 ns a visit, measured for both Boost's exact
  // version and the sample; more on a busy machine). Exact while
  // V·(V+2E) fits, so up to about 2,000 nodes; a 100k-node corpus graph
  // (some 240k typed links) gets an estimate from about 40 sources, which
  // ranks its hubs reliably.
  std::uint64_t work_budget = 25'000'000;
  std::uint64_t seed = 20240611;  // fixed, so the same graph gives the same answer
};

struct TypeCount {
  NodeType type;
  std::size_t nodes = 0;
};

struct PredicateCount {
  std::string predicate;
  std::size_t edges = 0;
  std::uint64_t evidence = 0;
};

struct RankedNode {
  KnowledgeGraph::Vertex vertex = 0;
  std::size_t neighbours = 0;  // distinct nodes joined by the structure predicates
  std::size_t edges = 0;       // edges of the structure predicates, in and out
  // Normalised as networkx does for undirected graphs: the share of
  // shortest paths between other pairs that pass through the node.
  double betweenness = 0;
};

struct ComponentInfo {
  std::size_t size = 0;
  KnowledgeGraph::Vertex representative = 0;  // its most connected node
};

struct GraphStats {
  std::size_t nodes = 0;
  std::size_t edges = 0;
  std::uint64_t evidence = 0;
  std::vector<TypeCount> by_type;            // node type order, empty types left out
  std::vector<PredicateCount> by_predicate;  // predicate order

  std::size_t structure_edges = 0;  // node pairs joined by the structure predicates
  std::vector<RankedNode> top_degree;
  std::vector<RankedNode> top_betweenness;  // empty when betweenness was skipped
  BetweennessMode betweenness_used = BetweennessMode::kNone;
  std::size_t betweenness_sources = 0;  // source nodes the estimate used

  std::size_t components = 0;  // with at least one edge
  std::size_t isolated = 0;    // nodes without structure edges
  std::vector<ComponentInfo> largest_components;
};

GraphStats graph_stats(const KnowledgeGraph& graph, const StatsOptions& options);

void render_stats(const KnowledgeGraph& graph, const GraphStats& stats, const StatsOptions& options,
                  const RenderOptions& render, std::ostream& out);

}  // namespace crimekg::query

#endif  // CRIMEKG_QUERY_GRAPH_STATS_H_
