#include "exporters/graphml_writer.h"

#include "exporters/escaping.h"
#include "exporters/property_columns.h"

namespace crimekg {
namespace {

using detail::xml_escape;

struct Key {
  std::string id;
  std::string name;
  std::string type;  // GraphML attr.type
  std::string description;
};

void write_key(std::ostream& out, const char* domain, const Key& key) {
  out << "  <key id=\"" << xml_escape(key.id) << "\" for=\"" << domain << "\" attr.name=\""
      << xml_escape(key.name) << "\" attr.type=\"" << key.type << '"';
  if (key.description.empty()) {
    out << "/>\n";
  } else {
    out << ">\n    <desc>" << xml_escape(key.description) << "</desc>\n  </key>\n";
  }
}

void write_data(std::ostream& out, const std::string& key, std::string_view value) {
  out << "      <data key=\"" << xml_escape(key) << "\">" << xml_escape(value) << "</data>\n";
}

}  // namespace

void write_graphml(const KnowledgeGraph& graph, std::ostream& out) {
  const auto vertices = graph.sorted_vertices();
  const auto edges = graph.sorted_edges();
  const detail::NodeColumns columns = detail::node_columns(graph, vertices);

  // Fixed keys keep readable ids; per-language and per-property keys get
  // generated ones, since language codes and property names need not be
  // valid XML name tokens.
  std::vector<Key> node_keys = {
      {"type", "type", "string", "Node type of the crimekg ontology (State, Body, ...)"},
      {"label", "label", "string", "English canonical name"},
      {"aliases", "aliases", "string", "Other names: a JSON array of strings"},
      {"mentions", "mentions", "long", "Number of mentions in the corpus"},
      {"sameAs", "sameAs", "string", "External identifiers: a JSON array of strings"},
  };
  detail::UniqueNames names({"id", "type", "label", "aliases", "mentions", "sameAs"});
  std::vector<std::string> language_keys;
  for (std::size_t i = 0; i < columns.languages.size(); ++i) {
    const std::string& lang = columns.languages[i];
    language_keys.push_back("l" + std::to_string(i));
    node_keys.push_back({language_keys.back(), names.take("label_" + lang), "string",
                         "Name in language '" + lang + "'"});
  }
  std::vector<std::string> property_keys;
  for (std::size_t i = 0; i < columns.properties.size(); ++i) {
    property_keys.push_back("p" + std::to_string(i));
    node_keys.push_back({property_keys.back(), names.take(columns.properties[i]), "string", ""});
  }
  const std::vector<Key> edge_keys = {
      {"predicate", "predicate", "string", "Relation of the crimekg ontology"},
      {"weight", "weight", "long", "Number of pieces of evidence"},
      {"evidence_count", "evidence_count", "int", "Evidence items recorded"},
      {"evidence_document", "evidence_document", "string", "First evidence item: Document node id"},
      {"evidence_paragraph", "evidence_paragraph", "string", "First evidence item: paragraph"},
      {"evidence_start", "evidence_start", "long", "First evidence item: UTF-8 byte offset"},
      {"evidence_end", "evidence_end", "long", "First evidence item: end byte offset"},
      {"evidence_text", "evidence_text", "string", "First evidence item: supporting text"},
  };

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<!-- crimekg knowledge graph. Characters XML 1.0 cannot carry (C0 controls other than\n"
         "     tab, newline and CR) are written as Unicode Control Pictures, U+2400 + code. -->\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const auto& key : node_keys) write_key(out, "node", key);
  for (const auto& key : edge_keys) write_key(out, "edge", key);
  out << "  <graph id=\"crimekg\" edgedefault=\"directed\">\n";

  for (auto v : vertices) {
    const NodeData& node = graph.node(v);
    out << "    <node id=\"" << xml_escape(node.id) << "\">\n";
    write_data(out, "type", to_string(node.type));
    write_data(out, "label", node.label);
    write_data(out, "aliases", detail::json_string_array(node.aliases));
    write_data(out, "mentions", std::to_string(node.mentions));
    write_data(out, "sameAs", detail::json_string_array(node.same_as));
    for (std::size_t i = 0; i < columns.languages.size(); ++i) {
      auto found = node.labels.find(columns.languages[i]);
      if (found != node.labels.end()) write_data(out, language_keys[i], found->second);
    }
    for (std::size_t i = 0; i < columns.properties.size(); ++i) {
      auto found = node.properties.find(columns.properties[i]);
      if (found != node.properties.end()) write_data(out, property_keys[i], found->second);
    }
    out << "    </node>\n";
  }

  std::size_t index = 0;
  for (auto e : edges) {
    const EdgeData& edge = graph.edge(e);
    out << "    <edge id=\"e" << index++ << "\" source=\"" << xml_escape(graph.source_node(e).id)
        << "\" target=\"" << xml_escape(graph.target_node(e).id) << "\">\n";
    write_data(out, "predicate", edge.predicate);
    write_data(out, "weight", std::to_string(edge.weight));
    write_data(out, "evidence_count", std::to_string(edge.evidence.size()));
    if (!edge.evidence.empty()) {
      const Evidence& first = edge.evidence.front();
      write_data(out, "evidence_document", first.document);
      write_data(out, "evidence_paragraph", first.paragraph);
      write_data(out, "evidence_start", std::to_string(first.start));
      write_data(out, "evidence_end", std::to_string(first.end));
      write_data(out, "evidence_text", first.text);
    }
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace crimekg
