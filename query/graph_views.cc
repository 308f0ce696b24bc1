#include "query/graph_views.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace crimekg::query {
namespace {

using Pair = std::pair<std::size_t, std::size_t>;

std::vector<Pair> selected_pairs(const KnowledgeGraph& graph, const PredicateSet& predicates,
                                 bool undirected) {
  const auto& g = graph.graph();
  std::vector<Pair> pairs;
  pairs.reserve(boost::num_edges(g));
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    if (!predicates.contains(g[*it].predicate)) continue;
    std::size_t s = boost::source(*it, g);
    std::size_t t = boost::target(*it, g);
    if (s == t) continue;
    if (undirected && t < s) std::swap(s, t);
    pairs.emplace_back(s, t);
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

}  // namespace

UndirectedGraph undirected_view(const KnowledgeGraph& graph, const PredicateSet& predicates) {
  return undirected_graph(graph.node_count(), selected_pairs(graph, predicates, true));
}

UndirectedGraph undirected_graph(std::size_t vertices, std::vector<Pair> pairs) {
  for (auto& [s, t] : pairs) {
    if (t < s) std::swap(s, t);
  }
  pairs.erase(
      std::remove_if(pairs.begin(), pairs.end(), [](const Pair& p) { return p.first == p.second; }),
      pairs.end());
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  UndirectedGraph view(vertices);
  // Pairs sorted by (lower, higher) reach every vertex's lower neighbours in
  // ascending order before its higher ones: adjacency comes out sorted.
  for (const auto& [s, t] : pairs) boost::add_edge(s, t, view);
  return view;
}

DirectedGraph directed_view(const KnowledgeGraph& graph, const PredicateSet& predicates) {
  const auto pairs = selected_pairs(graph, predicates, false);
  return DirectedGraph(pairs.begin(), pairs.end(), graph.node_count());
}

}  // namespace crimekg::query
