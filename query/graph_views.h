// Plain Boost graphs derived from the knowledge graph for the algorithms of
// `path` and `stats`: same vertex numbers, only the selected predicates, no
// parallel edges and no loops. Collapsing the multigraph matters: Brandes
// would otherwise count a pair joined by `addresses` and `mentionedWith` as
// two shortest paths, and breadth-first search would scan both edges.
#ifndef CRIMEKG_QUERY_GRAPH_VIEWS_H_
#define CRIMEKG_QUERY_GRAPH_VIEWS_H_

#include <boost/graph/adjacency_list.hpp>
#include <utility>
#include <vector>

#include "graph/knowledge_graph.h"
#include "query/common.h"

namespace crimekg::query {

using UndirectedGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using DirectedGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

// Neighbours are stored in ascending vertex order, so searches visit them
// in the order of the saved file (ids ascending) and answers are stable.
UndirectedGraph undirected_view(const KnowledgeGraph& graph, const PredicateSet& predicates);
// The same from node pairs a caller collected itself (in its own pass over
// the edges): loops are dropped, pairs taken either way round and once.
UndirectedGraph undirected_graph(std::size_t vertices,
                                 std::vector<std::pair<std::size_t, std::size_t>> pairs);
DirectedGraph directed_view(const KnowledgeGraph& graph, const PredicateSet& predicates);

}  // namespace crimekg::query

#endif  // CRIMEKG_QUERY_GRAPH_VIEWS_H_
