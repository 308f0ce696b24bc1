#include "exporters/gexf_writer.h"

#include <cmath>
#include <cstdio>

#include "exporters/escaping.h"
#include "exporters/node_style.h"
#include "exporters/property_columns.h"

namespace crimekg {
namespace {

using detail::xml_escape;

struct Attribute {
  std::string id;
  std::string title;
  std::string type;  // GEXF attribute type
};

void write_attributes(std::ostream& out, const char* domain, const std::vector<Attribute>& attrs) {
  out << "    <attributes class=\"" << domain << "\">\n";
  for (const auto& a : attrs) {
    out << "      <attribute id=\"" << xml_escape(a.id) << "\" title=\"" << xml_escape(a.title)
        << "\" type=\"" << a.type << "\"/>\n";
  }
  out << "    </attributes>\n";
}

void write_value(std::ostream& out, const std::string& id, std::string_view value) {
  out << "          <attvalue for=\"" << xml_escape(id) << "\" value=\"" << xml_escape(value)
      << "\"/>\n";
}

// Gephi sizes nodes by this on import: 8 for a leaf, about 30 for a hub of 60.
std::string node_size(std::size_t degree) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", 8.0 + 5.0 * std::log2(1.0 + degree));
  return buffer;
}

}  // namespace

void write_gexf(const KnowledgeGraph& graph, std::ostream& out) {
  const auto vertices = graph.sorted_vertices();
  const auto edges = graph.sorted_edges();
  const detail::NodeColumns columns = detail::node_columns(graph, vertices);

  std::vector<Attribute> node_attrs = {
      {"type", "type", "string"},
      {"aliases", "aliases", "liststring"},
      {"mentions", "mentions", "long"},
      {"sameAs", "sameAs", "liststring"},
  };
  detail::UniqueNames names({"id", "label", "type", "aliases", "mentions", "sameAs"});
  std::vector<std::string> language_ids;
  for (std::size_t i = 0; i < columns.languages.size(); ++i) {
    language_ids.push_back("l" + std::to_string(i));
    node_attrs.push_back(
        {language_ids.back(), names.take("label_" + columns.languages[i]), "string"});
  }
  std::vector<std::string> property_ids;
  for (std::size_t i = 0; i < columns.properties.size(); ++i) {
    property_ids.push_back("p" + std::to_string(i));
    node_attrs.push_back({property_ids.back(), names.take(columns.properties[i]), "string"});
  }
  const std::vector<Attribute> edge_attrs = {
      {"predicate", "predicate", "string"},
      {"evidence_count", "evidence_count", "integer"},
      {"evidence_document", "evidence_document", "string"},
      {"evidence_paragraph", "evidence_paragraph", "string"},
      {"evidence_start", "evidence_start", "long"},
      {"evidence_end", "evidence_end", "long"},
      {"evidence_text", "evidence_text", "string"},
  };

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\"\n"
         "      xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "      xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\"\n"
         "      version=\"1.3\">\n"
         "  <meta>\n"
         "    <creator>crimekg</creator>\n"
         "    <description>Crime-policy knowledge graph. Characters XML 1.0 cannot carry (C0 "
         "controls other than tab, newline and CR) are written as Unicode Control Pictures, "
         "U+2400 + code.</description>\n"
         "  </meta>\n"
         "  <graph defaultedgetype=\"directed\" idtype=\"string\">\n";
  write_attributes(out, "node", node_attrs);
  write_attributes(out, "edge", edge_attrs);

  out << "    <nodes count=\"" << vertices.size() << "\">\n";
  const auto& g = graph.graph();
  for (auto v : vertices) {
    const NodeData& node = graph.node(v);
    out << "      <node id=\"" << xml_escape(node.id) << "\" label=\"" << xml_escape(node.label)
        << "\">\n        <attvalues>\n";
    write_value(out, "type", to_string(node.type));
    if (!node.aliases.empty()) write_value(out, "aliases", detail::gephi_list(node.aliases));
    write_value(out, "mentions", std::to_string(node.mentions));
    if (!node.same_as.empty()) write_value(out, "sameAs", detail::gephi_list(node.same_as));
    for (std::size_t i = 0; i < columns.languages.size(); ++i) {
      auto found = node.labels.find(columns.languages[i]);
      if (found != node.labels.end()) write_value(out, language_ids[i], found->second);
    }
    for (std::size_t i = 0; i < columns.properties.size(); ++i) {
      auto found = node.properties.find(columns.properties[i]);
      if (found != node.properties.end()) write_value(out, property_ids[i], found->second);
    }
    const Rgb colour = parse_hex_colour(type_style(node.type).fill);
    out << "        </attvalues>\n"
        << "        <viz:color r=\"" << int(colour.r) << "\" g=\"" << int(colour.g) << "\" b=\""
        << int(colour.b) << "\"/>\n"
        << "        <viz:size value=\""
        << node_size(boost::out_degree(v, g) + boost::in_degree(v, g)) << "\"/>\n"
        << "      </node>\n";
  }
  out << "    </nodes>\n";

  out << "    <edges count=\"" << edges.size() << "\">\n";
  std::size_t index = 0;
  for (auto e : edges) {
    const EdgeData& edge = graph.edge(e);
    out << "      <edge id=\"" << index++ << "\" source=\"" << xml_escape(graph.source_node(e).id)
        << "\" target=\"" << xml_escape(graph.target_node(e).id) << "\" label=\""
        << xml_escape(edge.predicate) << "\" kind=\"" << xml_escape(edge.predicate)
        << "\" weight=\"" << edge.weight << "\">\n        <attvalues>\n";
    write_value(out, "predicate", edge.predicate);
    write_value(out, "evidence_count", std::to_string(edge.evidence.size()));
    if (!edge.evidence.empty()) {
      const Evidence& first = edge.evidence.front();
      write_value(out, "evidence_document", first.document);
      write_value(out, "evidence_paragraph", first.paragraph);
      write_value(out, "evidence_start", std::to_string(first.start));
      write_value(out, "evidence_end", std::to_string(first.end));
      write_value(out, "evidence_text", first.text);
    }
    out << "        </attvalues>\n      </edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace crimekg
