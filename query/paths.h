// `path A B`: the fewest hops between two nodes, and for each hop every
// selected edge that joins the two nodes, with its predicate and direction.
#ifndef CRIMEKG_QUERY_PATHS_H_
#define CRIMEKG_QUERY_PATHS_H_

#include <optional>
#include <ostream>
#include <vector>

#include "graph/knowledge_graph.h"
#include "query/common.h"

namespace crimekg::query {

struct PathOptions {
  // By default only the ontology's typed predicates: through `mentions` and
  // `mentionedWith` almost everything is two hops from everything else via
  // a Document, which answers nothing.
  PredicateSet predicates = PredicateSet::typed();
  // Follow edges only from source to target. By default edges are followed
  // both ways: "INTERPOL addresses X, which Resolution Y addresses" links
  // INTERPOL to Y although no edge points from X to Y.
  bool directed = false;
};

struct PathHop {
  KnowledgeGraph::Vertex from = 0;
  KnowledgeGraph::Vertex to = 0;
  // Every selected edge between `from` and `to`, either way, in predicate
  // order; an edge whose source is `to` was walked backwards.
  std::vector<KnowledgeGraph::Edge> edges;
};

struct PathResult {
  bool found = false;
  std::vector<KnowledgeGraph::Vertex> nodes;  // from A to B, both included
  std::vector<PathHop> hops;                  // nodes.size() - 1 of them
};

// Breadth-first search (Boost) over the selected predicates.
PathResult shortest_path(const KnowledgeGraph& graph, KnowledgeGraph::Vertex from,
                         KnowledgeGraph::Vertex to, const PathOptions& options);

void render_path(const KnowledgeGraph& graph, const PathResult& path, const PathOptions& options,
                 const RenderOptions& render, std::ostream& out);

}  // namespace crimekg::query

#endif  // CRIMEKG_QUERY_PATHS_H_
