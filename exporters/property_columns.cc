#include "exporters/property_columns.h"

namespace crimekg::detail {

NodeColumns node_columns(const KnowledgeGraph& graph,
                         const std::vector<KnowledgeGraph::Vertex>& vertices) {
  std::set<std::string> languages;
  std::set<std::string> properties;
  for (auto v : vertices) {
    const NodeData& node = graph.node(v);
    for (const auto& [lang, text] : node.labels) languages.insert(lang);
    for (const auto& [key, value] : node.properties) properties.insert(key);
  }
  return {{languages.begin(), languages.end()}, {properties.begin(), properties.end()}};
}

std::string UniqueNames::take(std::string wanted) {
  while (taken_.count(wanted)) wanted = "property_" + wanted;
  taken_.insert(wanted);
  return wanted;
}

}  // namespace crimekg::detail
