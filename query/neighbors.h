// `neighbors NAME`: the nodes one edge away, with the predicate, the
// direction and how much evidence backs each edge.
#ifndef CRIMEKG_QUERY_NEIGHBORS_H_
#define CRIMEKG_QUERY_NEIGHBORS_H_

#include <ostream>
#include <vector>

#include "graph/knowledge_graph.h"
#include "query/common.h"

namespace crimekg::query {

struct NeighborOptions {
  PredicateSet predicates = PredicateSet::all();
  Direction direction = Direction::kBoth;
  std::vector<NodeType> types;  // of the neighbour; empty: all
  std::size_t limit = 0;        // 0: all
  bool with_evidence = false;   // json and text list each edge's evidence
};

struct NeighborRow {
  KnowledgeGraph::Edge edge;
  KnowledgeGraph::Vertex other = 0;
  // Out: the node is the edge's source. In: its target. Both: a symmetric
  // predicate (cooperatesWith, mentionedWith) stored in both directions,
  // shown once.
  Direction direction = Direction::kOut;
};

struct NeighborResult {
  std::vector<NeighborRow> rows;  // predicate order, then heaviest first, then id
  std::size_t total = 0;          // rows before the limit
};

NeighborResult neighbors(const KnowledgeGraph& graph, KnowledgeGraph::Vertex node,
                         const NeighborOptions& options);

void render_neighbors(const KnowledgeGraph& graph, KnowledgeGraph::Vertex node,
                      const NeighborResult& result, const NeighborOptions& options,
                      const RenderOptions& render, std::ostream& out);

}  // namespace crimekg::query

#endif  // CRIMEKG_QUERY_NEIGHBORS_H_
