#include "query/graph_views.h"

#include <algorithm>

namespace crimekg::query {

UndirectedGraph undirected_graph(std::size_t vertices,
                                 std::vector<std::pair<std::size_t, std::size_t>> pairs) {
  for (auto& [s, t] : pairs) {
    if (t < s) std::swap(s, t);
  }
  pairs.erase(
      std::remove_if(pairs.begin(), pairs.end(), [](const auto& p) { return p.first == p.second; }),
      pairs.end());
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  UndirectedGraph view(vertices);
  // Pairs sorted by (lower, higher) reach every vertex's lower neighbours in
  // ascending order before its higher ones: adjacency comes out sorted.
  for (const auto& [s, t] : pairs) boost::add_edge(s, t, view);
  return view;
}

}  // namespace crimekg::query
