#include "exporters/dot_writer.h"

#include <graphviz/cgraph.h>

#include <catch2/catch.hpp>

#include "exporters/node_style.h"
#include "test_graphs.h"

using namespace crimekg;
using namespace crimekg::testing;

namespace {

// DOT read back by Graphviz's own parser.
class ParsedDot {
 public:
  explicit ParsedDot(const std::string& text) : graph_(agmemread(text.c_str())) {}
  ~ParsedDot() {
    if (graph_) agclose(graph_);
  }
  ParsedDot(const ParsedDot&) = delete;
  ParsedDot& operator=(const ParsedDot&) = delete;

  Agraph_t* get() const { return graph_; }
  Agnode_t* node(const std::string& name) const {
    return agnode(graph_, const_cast<char*>(name.c_str()), 0);
  }
  static std::string get(void* object, const char* attribute) {
    const char* value = agget(object, const_cast<char*>(attribute));
    return value ? value : "";
  }

 private:
  Agraph_t* graph_;
};

std::string dot_of(const KnowledgeGraph& graph, const DotOptions& options = {}) {
  return written([&](std::ostream& out) { write_dot(graph, options, out); });
}

}  // namespace

TEST_CASE("DOT parses back with the same nodes, edges and styles", "[dot]") {
  const KnowledgeGraph graph = small_graph();
  ParsedDot dot(dot_of(graph));
  REQUIRE(dot.get() != nullptr);
  CHECK(agisdirected(dot.get()));
  CHECK(static_cast<std::size_t>(agnnodes(dot.get())) == graph.node_count() + 1);  // + the legend
  CHECK(static_cast<std::size_t>(agnedges(dot.get())) == graph.edge_count());

  Agnode_t* unodc = dot.node("body:united-nations-office-on-drugs-and-crime");
  REQUIRE(unodc != nullptr);
  CHECK(ParsedDot::get(unodc, "label") == "United Nations Office on\\nDrugs and Crime");
  CHECK(ParsedDot::get(unodc, "shape") == type_style(NodeType::kBody).shape);
  CHECK(ParsedDot::get(unodc, "fillcolor") == type_style(NodeType::kBody).fill);
  CHECK(ParsedDot::get(unodc, "type") == "Body");
  CHECK(ParsedDot::get(unodc, "aliases") == "UNODC; the Office");
  CHECK(ParsedDot::get(unodc, "label_ar") == "مكتب الأمم المتحدة المعني بالمخدرات والجريمة");

  Agnode_t* crime = dot.node("crime:trafficking-in-persons");
  REQUIRE(crime != nullptr);
  Agedge_t* edge = agedge(dot.get(), unodc, crime, const_cast<char*>("addresses"), 0);
  REQUIRE(edge != nullptr);
  CHECK(ParsedDot::get(edge, "label") == "addresses");
  CHECK(ParsedDot::get(edge, "color") == predicate_colour("addresses"));
  CHECK(ParsedDot::get(edge, "weight") == "2");
  CHECK(std::stod(ParsedDot::get(edge, "penwidth")) > 1.0);

  Agraph_t* legend = agsubg(dot.get(), const_cast<char*>("cluster_legend"), 0);
  REQUIRE(legend != nullptr);
  CHECK(agnnodes(legend) == 1);
}

TEST_CASE("DOT labels in the chosen language, English otherwise", "[dot]") {
  const KnowledgeGraph graph = small_graph();
  DotOptions options;
  options.language = "ar";
  ParsedDot dot(dot_of(graph, options));
  CHECK(ParsedDot::get(dot.node("state:qat"), "label") == "قطر");
  CHECK(ParsedDot::get(dot.node("place:vienna"), "label") == "Vienna");  // no Arabic name
}

TEST_CASE("DOT of hostile labels parses and keeps every string", "[dot][hostile]") {
  const KnowledgeGraph graph = hostile_graph();
  const std::string text = dot_of(graph);
  CHECK_FALSE(has_xml_illegal_byte(text));
  ParsedDot dot(text);
  REQUIRE(dot.get() != nullptr);
  CHECK(static_cast<std::size_t>(agnnodes(dot.get())) == graph.node_count() + 1);
  CHECK(static_cast<std::size_t>(agnedges(dot.get())) == graph.edge_count());
  for (auto v : graph.sorted_vertices()) {
    const NodeData& node = graph.node(v);
    Agnode_t* n = dot.node(graphviz_escape(node.id));
    REQUIRE(n != nullptr);
    CHECK(ParsedDot::get(n, "label") == graphviz_label(wrap_words(display_label(node, "en"), 24)));
  }
  Agnode_t* body = dot.node("body:hostile");
  CHECK(ParsedDot::get(body, "label_en") == graphviz_escape(kHostileLabel));
}

TEST_CASE("merge_symmetric draws a two-way relation once", "[dot]") {
  DotOptions options;
  options.merge_symmetric = true;
  const KnowledgeGraph graph = small_graph();
  ParsedDot dot(dot_of(graph, options));
  // cooperatesWith and mentionedWith are stored both ways: one line each.
  CHECK(static_cast<std::size_t>(agnedges(dot.get())) == graph.edge_count() - 2);
  Agnode_t* ga = dot.node("body:general-assembly");
  Agnode_t* unodc = dot.node("body:united-nations-office-on-drugs-and-crime");
  Agedge_t* edge = agedge(dot.get(), ga, unodc, const_cast<char*>("cooperatesWith"), 0);
  REQUIRE(edge != nullptr);
  CHECK(ParsedDot::get(edge, "dir") == "none");
}

TEST_CASE("graphviz_escape and graphviz_label", "[dot]") {
  CHECK(graphviz_escape("a\\b") == "a\\\\b");
  CHECK(graphviz_escape("ends\\") == "ends\\\\");
  CHECK(graphviz_escape("two\nlines\r\nthree\rfour") == "two\\nlines\\nthree\\nfour");
  CHECK(graphviz_escape("form\ffeed") == "form\u240Cfeed");
  CHECK(graphviz_escape("\\N \\G") == "\\\\N \\\\G");  // no Graphviz substitution
  CHECK(graphviz_label("a & b &amp;") == "a &amp; b &amp;amp;");
}

TEST_CASE("wrap_words and display_label", "[dot]") {
  CHECK(wrap_words("United Nations Office on Drugs and Crime", 24) ==
        "United Nations Office on\nDrugs and Crime");
  CHECK(wrap_words("short", 24) == "short");
  CHECK(wrap_words("averyveryverylongwordthatdoesnotfit here", 10) ==
        "averyveryverylongwordthatdoesnotfit\nhere");
  CHECK(wrap_words("كلمة كلمة كلمة", 9) == "كلمة كلمة\nكلمة");  // counts characters, not bytes
  CHECK(wrap_words("keep\nbreaks", 24) == "keep\nbreaks");
  CHECK(wrap_words("no wrap at all", 0) == "no wrap at all");

  NodeData node = make_node("body:x", NodeType::kBody, "English", {{"ar", "عربي"}});
  CHECK(display_label(node, "ar") == "عربي");
  CHECK(display_label(node, "fr") == "English");
  node.label.clear();
  CHECK(display_label(node, "fr") == "body:x");
}
