// Subgraph selection shared by `export` and `render`: node types, predicates,
// minimum weight, an ego network around one node, the top N nodes by degree.
#ifndef CRIMEKG_GRAPH_FILTER_H_
#define CRIMEKG_GRAPH_FILTER_H_

#include <optional>
#include <string>
#include <vector>

#include "graph/knowledge_graph.h"
#include "graph/status.h"

namespace crimekg {

struct GraphFilter {
  std::vector<NodeType> types;          // empty: all types
  std::vector<std::string> predicates;  // empty: all predicates
  std::uint64_t min_weight = 0;
  std::string focus;              // node id; empty: no ego network
  int depth = 1;                  // ego network radius, in edges either way
  std::size_t top = 0;            // keep the N nodes of highest degree; 0: all
  bool include_documents = true;  // keep Document nodes and `mentions` edges

  bool is_identity() const;
};

// Returns a new graph holding the selected nodes and the edges between them.
// Problems (an unknown focus id) are reported in `status`.
KnowledgeGraph apply_filter(const KnowledgeGraph& graph, const GraphFilter& filter, Status& status);

}  // namespace crimekg

#endif  // CRIMEKG_GRAPH_FILTER_H_
