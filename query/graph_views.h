// A plain Boost graph derived from the knowledge graph for the algorithms
// of `stats` (Boost's Brandes betweenness and connected components): same
// vertex numbers, only the selected predicates' node pairs, no parallel
// edges and no loops. Collapsing the multigraph matters: Brandes would
// otherwise count a pair joined by `addresses` and `mentionedWith` as two
// shortest paths.
#ifndef CRIMEKG_QUERY_GRAPH_VIEWS_H_
#define CRIMEKG_QUERY_GRAPH_VIEWS_H_

#include <boost/graph/adjacency_list.hpp>
#include <utility>
#include <vector>

namespace crimekg::query {

using UndirectedGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// From node pairs the caller collected in its own pass over the edges:
// loops are dropped, pairs taken either way round and once. Neighbours are
// stored in ascending vertex order, so searches visit them in the order of
// the saved file (ids ascending) and answers are stable.
UndirectedGraph undirected_graph(std::size_t vertices,
                                 std::vector<std::pair<std::size_t, std::size_t>> pairs);

}  // namespace crimekg::query

#endif  // CRIMEKG_QUERY_GRAPH_VIEWS_H_
