#include "exporters/diagram_renderer.h"

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <catch2/catch.hpp>
#include <sstream>

#include "test_graphs.h"

using namespace crimekg;
using namespace crimekg::testing;

namespace {

std::string render(const KnowledgeGraph& graph, DiagramFormat format,
                   const std::string& layout = "dot", const std::string& language = "en") {
  DiagramOptions options;
  options.format = format;
  options.layout = layout;
  options.language = language;
  options.title = "test diagram";
  std::string image;
  const std::string error = render_diagram(graph, options, image);
  INFO(error);
  REQUIRE(error.empty());
  return image;
}

void require_well_formed_xml(const std::string& svg) {
  std::istringstream in(svg);
  boost::property_tree::ptree tree;
  boost::property_tree::read_xml(in, tree);
  REQUIRE(static_cast<bool>(tree.get_child_optional("svg")));
}

}  // namespace

TEST_CASE("SVG diagrams have a legend, a title and one group per node", "[render]") {
  const KnowledgeGraph graph = small_graph();
  const std::string svg = render(graph, DiagramFormat::kSvg);
  require_well_formed_xml(svg);
  CHECK(svg.find(">Legend<") != std::string::npos);
  CHECK(svg.find(">test diagram<") != std::string::npos);
  CHECK(svg.find("class=\"node Body\"") != std::string::npos);
  CHECK(svg.find("class=\"edge addresses\"") != std::string::npos);
  std::size_t groups = 0;
  for (auto at = svg.find("class=\"node "); at != std::string::npos;
       at = svg.find("class=\"node ", at + 1))
    ++groups;
  CHECK(groups == graph.node_count() + 1);  // + the legend
}

TEST_CASE("PNG and PDF diagrams", "[render]") {
  const KnowledgeGraph graph = small_graph();
  CHECK(render(graph, DiagramFormat::kPng).rfind("\x89PNG\r\n\x1a\n", 0) == 0);
  CHECK(render(graph, DiagramFormat::kPdf).rfind("%PDF-", 0) == 0);
}

TEST_CASE("every layout draws hostile labels as well-formed SVG", "[render][hostile]") {
  const KnowledgeGraph graph = hostile_graph();
  for (auto layout : diagram_layouts()) {
    INFO(layout);
    const std::string svg = render(graph, DiagramFormat::kSvg, std::string(layout), "ar");
    CHECK_FALSE(has_xml_illegal_byte(svg));
    require_well_formed_xml(svg);
  }
}

TEST_CASE("unknown layouts are refused with the list of known ones", "[render]") {
  DiagramOptions options;
  options.layout = "spring";
  std::string image;
  const std::string error = render_diagram(small_graph(), options, image);
  CHECK(error.find("unknown layout 'spring'") != std::string::npos);
  CHECK(error.find("sfdp") != std::string::npos);
}

TEST_CASE("render_diagram_file writes the picture", "[render]") {
  TempFolder folder("render");
  DiagramOptions options;
  CHECK(render_diagram_file(small_graph(), options, folder / "diagram.svg").empty());
  CHECK(read_file(folder / "diagram.svg").find("<svg") != std::string::npos);
}

TEST_CASE("the default diagram filter and isolated nodes", "[render]") {
  const GraphFilter filter = default_diagram_filter();
  CHECK_FALSE(filter.include_documents);
  CHECK(filter.top == 60);
  CHECK(std::find(filter.predicates.begin(), filter.predicates.end(), "addresses") !=
        filter.predicates.end());
  CHECK(std::find(filter.predicates.begin(), filter.predicates.end(), "mentionedWith") ==
        filter.predicates.end());

  KnowledgeGraph graph = small_graph();
  graph.upsert_node(make_node("place:nowhere", NodeType::kPlace, "Nowhere"));
  const KnowledgeGraph connected = without_isolated_nodes(graph);
  CHECK(connected.node_count() == graph.node_count() - 1);
  CHECK(connected.edge_count() == graph.edge_count());
  CHECK_FALSE(connected.find("place:nowhere"));
}

TEST_CASE("diagram formats by name and extension", "[render]") {
  CHECK(diagram_format_from_path("out/diagram.svg") == DiagramFormat::kSvg);
  CHECK(diagram_format_from_path("diagram.PNG") == DiagramFormat::kPng);
  CHECK(diagram_format_from_path("a.b/diagram.pdf") == DiagramFormat::kPdf);
  CHECK_FALSE(diagram_format_from_path("a.svg/diagram"));
  CHECK_FALSE(diagram_format_from_path("diagram.gif"));
  CHECK(diagram_format_from_name("svg") == DiagramFormat::kSvg);
  CHECK(diagram_format_name(DiagramFormat::kPdf) == "pdf");
}
