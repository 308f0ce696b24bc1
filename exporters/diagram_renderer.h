// Diagrams (SVG, PNG, PDF) laid out and drawn by Graphviz's gvc library from
// the cgraph graph of dot_writer.h.
//
// A whole corpus graph drawn at once is unreadable: Document nodes link to
// everything and mentionedWith edges outnumber the typed ones. Unless the
// user filters it themselves, `crimekg render` therefore draws
// default_diagram_filter()'s selection: no Documents, typed predicates only,
// the 60 best-connected nodes.
#ifndef CRIMEKG_EXPORTERS_DIAGRAM_RENDERER_H_
#define CRIMEKG_EXPORTERS_DIAGRAM_RENDERER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/filter.h"
#include "graph/knowledge_graph.h"

namespace crimekg {

enum class DiagramFormat { kSvg, kPng, kPdf };

// "svg", "png", "pdf".
std::optional<DiagramFormat> diagram_format_from_name(std::string_view name);
// By the path's extension (.svg, .png, .pdf).
std::optional<DiagramFormat> diagram_format_from_path(std::string_view path);
std::string_view diagram_format_name(DiagramFormat format);

// The Graphviz layout engines `render` accepts, best first for these graphs.
const std::vector<std::string_view>& diagram_layouts();

struct DiagramOptions {
  DiagramFormat format = DiagramFormat::kSvg;
  std::string layout = "dot";  // one of diagram_layouts()
  std::string language = "en";
  std::string title;  // drawn above the diagram when not empty
};

// Documents and mentions/mentionedWith edges hidden, the top 60 nodes by degree.
GraphFilter default_diagram_filter();

// `graph` without the nodes that have no edge. The overview's top-60 cut can
// strand a hub whose neighbours did not make the cut; drawn alone it only
// puzzles the reader.
KnowledgeGraph without_isolated_nodes(const KnowledgeGraph& graph);

// Lays out and draws `graph`. Returns "" and fills `image` on success, else a
// message (Graphviz's own errors included).
std::string render_diagram(const KnowledgeGraph& graph, const DiagramOptions& options,
                           std::string& image);

// render_diagram written atomically to `path` ("-": stdout). Returns "" or a
// message naming the path.
std::string render_diagram_file(const KnowledgeGraph& graph, const DiagramOptions& options,
                                const std::string& path);

}  // namespace crimekg

#endif  // CRIMEKG_EXPORTERS_DIAGRAM_RENDERER_H_
