// Which per-node columns a tabular or keyed format needs: the label languages
// and the further property keys that occur, in a fixed order, with names that
// do not collide with the fixed columns.
#ifndef CRIMEKG_EXPORTERS_PROPERTY_COLUMNS_H_
#define CRIMEKG_EXPORTERS_PROPERTY_COLUMNS_H_

#include <set>
#include <string>
#include <vector>

#include "graph/knowledge_graph.h"

namespace crimekg::detail {

struct NodeColumns {
  std::vector<std::string> languages;   // sorted language codes of `labels`
  std::vector<std::string> properties;  // sorted keys of `properties`
};

// The columns the given vertices need.
NodeColumns node_columns(const KnowledgeGraph& graph,
                         const std::vector<KnowledgeGraph::Vertex>& vertices);

// Hands out names that are unique among those already taken: `wanted`, else
// `wanted` prefixed with "property_" (again as needed). For property keys that
// happen to equal a fixed column such as "label_en".
class UniqueNames {
 public:
  explicit UniqueNames(std::set<std::string> taken = {}) : taken_(std::move(taken)) {}
  std::string take(std::string wanted);

 private:
  std::set<std::string> taken_;
};

}  // namespace crimekg::detail

#endif  // CRIMEKG_EXPORTERS_PROPERTY_COLUMNS_H_
