#include "exporters/gexf_writer.h"

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <catch2/catch.hpp>
#include <map>
#include <sstream>

#include "exporters/escaping.h"
#include "test_graphs.h"

using namespace crimekg;
using namespace crimekg::testing;
namespace pt = boost::property_tree;

namespace {

struct Element {
  std::map<std::string, std::string> attributes;  // XML attributes
  std::map<std::string, std::string> values;      // attvalues by title
  std::map<std::string, std::string> viz;         // viz:color r,g,b
};

struct ParsedGexf {
  std::string version, edge_type;
  std::map<std::string, std::pair<std::string, std::string>> node_attributes,
      edge_attributes;  // id -> title, type
  std::map<std::string, Element> nodes;
  std::vector<Element> edges;
};

std::map<std::string, std::string> xml_attributes(const pt::ptree& element) {
  std::map<std::string, std::string> out;
  if (auto attrs = element.get_child_optional("<xmlattr>")) {
    for (const auto& [name, value] : *attrs) out[name] = value.data();
  }
  return out;
}

ParsedGexf parse(const std::string& xml) {
  std::istringstream in(xml);
  pt::ptree tree;
  pt::read_xml(in, tree);
  ParsedGexf out;
  const pt::ptree& root = tree.get_child("gexf");
  out.version = root.get<std::string>("<xmlattr>.version");
  const pt::ptree& graph = root.get_child("graph");
  out.edge_type = graph.get<std::string>("<xmlattr>.defaultedgetype");
  for (const auto& [tag, child] : graph) {
    if (tag != "attributes") continue;
    auto& target = child.get<std::string>("<xmlattr>.class") == "node" ? out.node_attributes
                                                                       : out.edge_attributes;
    for (const auto& [attr_tag, attr] : child) {
      if (attr_tag == "attribute") {
        target[attr.get<std::string>("<xmlattr>.id")] = {attr.get<std::string>("<xmlattr>.title"),
                                                         attr.get<std::string>("<xmlattr>.type")};
      }
    }
  }
  auto element = [](const pt::ptree& e, const auto& declared) {
    Element out;
    out.attributes = xml_attributes(e);
    if (auto values = e.get_child_optional("attvalues")) {
      for (const auto& [tag, v] : *values) {
        out.values[declared.at(v.template get<std::string>("<xmlattr>.for")).first] =
            v.template get<std::string>("<xmlattr>.value");
      }
    }
    if (auto colour = e.get_child_optional("viz:color")) out.viz = xml_attributes(*colour);
    return out;
  };
  for (const auto& [tag, n] : graph.get_child("nodes")) {
    if (tag == "node")
      out.nodes[n.get<std::string>("<xmlattr>.id")] = element(n, out.node_attributes);
  }
  for (const auto& [tag, e] : graph.get_child("edges")) {
    if (tag == "edge") out.edges.push_back(element(e, out.edge_attributes));
  }
  return out;
}

}  // namespace

TEST_CASE("GEXF 1.3 with typed attributes, colours and weighted edges", "[gexf]") {
  const KnowledgeGraph graph = small_graph();
  const std::string xml = written([&](std::ostream& out) { write_gexf(graph, out); });
  CHECK(xml.find("xmlns=\"http://gexf.net/1.3\"") != std::string::npos);
  const ParsedGexf g = parse(xml);
  CHECK(g.version == "1.3");
  CHECK(g.edge_type == "directed");
  CHECK(g.nodes.size() == graph.node_count());
  CHECK(g.edges.size() == graph.edge_count());

  std::map<std::string, std::string> types;
  for (const auto& [id, attr] : g.node_attributes) types[attr.first] = attr.second;
  CHECK(types.at("aliases") == "liststring");
  CHECK(types.at("sameAs") == "liststring");
  CHECK(types.at("mentions") == "long");
  CHECK(types.at("label_ar") == "string");

  const Element& unodc = g.nodes.at("body:united-nations-office-on-drugs-and-crime");
  CHECK(unodc.attributes.at("label") == "United Nations Office on Drugs and Crime");
  CHECK(unodc.values.at("type") == "Body");
  CHECK(unodc.values.at("aliases") == "[\"UNODC\", \"the Office\"]");
  CHECK(unodc.values.at("mentions") == "12");
  CHECK(unodc.viz.at("r") == "255");  // Body's fill, #FFBE7D
  CHECK(unodc.viz.at("g") == "190");
  CHECK(unodc.viz.at("b") == "125");
  CHECK(g.nodes.at("state:qat").values.at("sameAs") == "[\"iso3166:QAT\", \"wikidata:Q846\"]");
  CHECK(g.nodes.at("crime:terrorism").values.count("aliases") == 0);  // no list, no value

  bool found = false;
  for (const Element& e : g.edges) {
    if (e.attributes.at("label") != "addresses" ||
        e.attributes.at("target") != "crime:trafficking-in-persons")
      continue;
    found = true;
    CHECK(e.attributes.at("kind") == "addresses");
    CHECK(e.attributes.at("weight") == "2");
    CHECK(e.values.at("predicate") == "addresses");
    CHECK(e.values.at("evidence_count") == "2");
    CHECK(e.values.at("evidence_text") == "UNODC works to combat trafficking in persons");
  }
  CHECK(found);
}

TEST_CASE("GEXF of hostile labels is valid XML and round-trips", "[gexf][hostile]") {
  const KnowledgeGraph graph = hostile_graph();
  const std::string xml = written([&](std::ostream& out) { write_gexf(graph, out); });
  CHECK_FALSE(has_xml_illegal_byte(xml));
  const ParsedGexf g = parse(xml);
  REQUIRE(g.nodes.size() == graph.node_count());
  const Element& body = g.nodes.at("body:hostile");
  CHECK(body.attributes.at("label") == detail::xml_safe(kHostileLabel));
  CHECK(body.values.at("label_ar") == "مكتب الأمم المتحدة المعني بالمخدرات والجريمة");
  CHECK(body.values.at("aliases") ==
        detail::xml_safe(detail::gephi_list(graph.node(*graph.find("body:hostile")).aliases)));
  CHECK(body.values.at("weird key!") == "nul\u2400inside");
  CHECK(g.nodes.count("body:odd \"id\" <&> \\ end\\") == 1);
  bool weird = false;
  for (const Element& e : g.edges) weird |= e.attributes.at("label") == "weird predicate/\"x\"";
  CHECK(weird);
}
