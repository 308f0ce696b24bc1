#include "exporters/graphml_writer.h"

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

struct ParsedGraphml {
  std::map<std::string, std::pair<std::string, std::string>> keys;  // id -> (name, type)
  std::map<std::string, std::map<std::string, std::string>> nodes;  // id -> name -> value
  std::vector<std::map<std::string, std::string>> edges;  // name -> value, + source, target
  std::string edgedefault;
};

ParsedGraphml parse(const std::string& xml) {
  std::istringstream in(xml);
  pt::ptree tree;
  pt::read_xml(in, tree);  // throws on malformed XML
  ParsedGraphml out;
  const pt::ptree& root = tree.get_child("graphml");
  for (const auto& [tag, child] : root) {
    if (tag == "key") {
      // "attr.name" holds the path separator: look it up with '/' paths.
      out.keys[child.get<std::string>("<xmlattr>.id")] = {
          child.get<std::string>(pt::ptree::path_type("<xmlattr>/attr.name", '/')),
          child.get<std::string>(pt::ptree::path_type("<xmlattr>/attr.type", '/'))};
    }
  }
  const pt::ptree& graph = root.get_child("graph");
  out.edgedefault = graph.get<std::string>("<xmlattr>.edgedefault");
  for (const auto& [tag, child] : graph) {
    if (tag != "node" && tag != "edge") continue;
    std::map<std::string, std::string> values;
    for (const auto& [data_tag, data] : child) {
      if (data_tag == "data")
        values[out.keys.at(data.get<std::string>("<xmlattr>.key")).first] = data.data();
    }
    if (tag == "node") {
      out.nodes[child.get<std::string>("<xmlattr>.id")] = values;
    } else {
      values["source"] = child.get<std::string>("<xmlattr>.source");
      values["target"] = child.get<std::string>("<xmlattr>.target");
      out.edges.push_back(values);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("GraphML declares typed keys and holds every node and edge", "[graphml]") {
  const KnowledgeGraph graph = small_graph();
  const ParsedGraphml g = parse(written([&](std::ostream& out) { write_graphml(graph, out); }));
  CHECK(g.edgedefault == "directed");
  CHECK(g.nodes.size() == graph.node_count());
  CHECK(g.edges.size() == graph.edge_count());

  std::map<std::string, std::string> types;
  for (const auto& [id, key] : g.keys) types[key.first] = key.second;
  CHECK(types.at("mentions") == "long");
  CHECK(types.at("weight") == "long");
  CHECK(types.at("evidence_count") == "int");
  CHECK(types.at("label_en") == "string");
  CHECK(types.at("label_ar") == "string");  // one key per language
  CHECK(types.at("symbol") == "string");    // further properties get keys too

  const auto& unodc = g.nodes.at("body:united-nations-office-on-drugs-and-crime");
  CHECK(unodc.at("type") == "Body");
  CHECK(unodc.at("label") == "United Nations Office on Drugs and Crime");
  CHECK(unodc.at("label_ar") == "مكتب الأمم المتحدة المعني بالمخدرات والجريمة");
  CHECK(unodc.at("aliases") == "[\"UNODC\",\"the Office\"]");
  CHECK(unodc.at("mentions") == "12");
  CHECK(g.nodes.at("document:A/59/150").at("file") == "samples/a59150.txt");

  bool found = false;
  for (const auto& e : g.edges) {
    if (e.at("predicate") != "addresses" || e.at("target") != "crime:trafficking-in-persons")
      continue;
    found = true;
    CHECK(e.at("source") == "body:united-nations-office-on-drugs-and-crime");
    CHECK(e.at("weight") == "2");
    CHECK(e.at("evidence_count") == "2");
    CHECK(e.at("evidence_document") == "document:A/59/150");
    CHECK(e.at("evidence_paragraph") == "4");
    CHECK(e.at("evidence_start") == "200");
    CHECK(e.at("evidence_text") == "UNODC works to combat trafficking in persons");
  }
  CHECK(found);
}

TEST_CASE("GraphML of hostile labels is valid XML and round-trips", "[graphml][hostile]") {
  const KnowledgeGraph graph = hostile_graph();
  const std::string xml = written([&](std::ostream& out) { write_graphml(graph, out); });
  CHECK_FALSE(has_xml_illegal_byte(xml));
  const ParsedGraphml g = parse(xml);
  REQUIRE(g.nodes.size() == graph.node_count());
  CHECK(g.edges.size() == graph.edge_count());

  const auto& body = g.nodes.at("body:hostile");
  CHECK(body.at("label") == detail::xml_safe(kHostileLabel));
  CHECK(body.at("label_en") == detail::xml_safe(kHostileLabel));
  CHECK(body.at("label_fr") == "Office \"ONUDC\" l'été");
  CHECK(body.at("label_not a tag") == "odd language key");
  CHECK(body.at("note") == "form\u240Cfeed & <b>bold</b>");
  CHECK(body.at("weird key!") == "nul\u2400inside");
  // Lists are JSON, which escapes controls: exact.
  CHECK(body.at("aliases") ==
        detail::json_string_array(graph.node(*graph.find("body:hostile")).aliases));
  CHECK(g.nodes.count("body:odd \"id\" <&> \\ end\\") == 1);
}
