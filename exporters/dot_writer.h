// DOT for Graphviz, built with Graphviz's own cgraph library (agopen, agnode,
// agedge, agsafeset, agwrite) so quoting is Graphviz's and the file always
// parses. The same cgraph graph feeds the diagram renderer.
//
// Nodes are named by canonical id and drawn with the shape and colours of
// their type (node_style.h); the label is the name in the chosen language,
// wrapped. Edges are keyed by predicate (parallel edges of different
// predicates stay apart), labelled with it, coloured by it, and drawn thicker
// the more evidence they have. A cluster "cluster_legend" explains the
// colours. Data travel along as extra attributes: type, mentions, aliases,
// label_<lang> on nodes; predicate, weight, evidence_count on edges.
//
// Every string value is a Graphviz escString: a backslash is written "\\",
// a line break "\n", and characters that SVG (XML) cannot hold are written as
// Control Pictures (exporters/escaping.h), so `dot -Tsvg` output is
// well-formed whatever the labels contain. Labels also have "&" written as
// "&amp;", since Graphviz decodes entities in them: "&amp;" in a name shows
// as "&amp;". (Graphviz's SVG writer still shows entity-like text in node
// names and tooltips decoded; labels, what a reader sees, are exact.)
#ifndef CRIMEKG_EXPORTERS_DOT_WRITER_H_
#define CRIMEKG_EXPORTERS_DOT_WRITER_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "graph/knowledge_graph.h"

struct Agraph_s;  // Graphviz's graph; <graphviz/cgraph.h> stays out of this header.

namespace crimekg {

struct DotOptions {
  std::string language = "en";  // labels[language], else the English label
  bool legend = true;           // the cluster_legend explaining colours
  bool edge_labels = true;      // predicate written on each edge
  // Draw a symmetric predicate (cooperatesWith, mentionedWith) stored both
  // ways as one undirected line instead of two arrows.
  bool merge_symmetric = false;
  std::size_t wrap_width = 24;      // break labels at spaces; 0: never
  std::size_t max_label_chars = 0;  // shorten longer labels with "…"; 0: never
};

// Owns a cgraph graph; closes it on destruction.
class CgraphGraph {
 public:
  explicit CgraphGraph(Agraph_s* graph) : graph_(graph) {}
  CgraphGraph(CgraphGraph&& other) noexcept : graph_(other.graph_) { other.graph_ = nullptr; }
  CgraphGraph& operator=(CgraphGraph&& other) noexcept;
  CgraphGraph(const CgraphGraph&) = delete;
  CgraphGraph& operator=(const CgraphGraph&) = delete;
  ~CgraphGraph();

  Agraph_s* get() const { return graph_; }

 private:
  Agraph_s* graph_;
};

// The styled cgraph graph of `graph`.
CgraphGraph build_cgraph(const KnowledgeGraph& graph, const DotOptions& options);

// Writes `graph` as DOT with agwrite.
void write_dot(const KnowledgeGraph& graph, const DotOptions& options, std::ostream& out);

// The name `node` is shown with in `language`: labels[language], else the
// English label, else the id.
std::string display_label(const NodeData& node, std::string_view language);

// `text` broken at spaces into lines of at most `width` characters (a longer
// word keeps a line to itself); existing line breaks are kept.
std::string wrap_words(std::string_view text, std::size_t width);

// `text` as a Graphviz escString (see above).
std::string graphviz_escape(std::string_view text);
// `text` as a Graphviz label: graphviz_escape with "&" as "&amp;".
std::string graphviz_label(std::string_view text);

}  // namespace crimekg

#endif  // CRIMEKG_EXPORTERS_DOT_WRITER_H_
