#include "exporters/diagram_renderer.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cctype>

#include "exporters/dot_writer.h"
#include "graph/atomic_file.h"

namespace crimekg {
namespace {

char* mut(const char* s) { return const_cast<char*>(s); }
char* mut(const std::string& s) { return const_cast<char*>(s.c_str()); }

// Above this many edges, a label on each edge makes the predicates collide
// with each other and with node names; colours and the legend carry the
// predicate instead.
constexpr std::size_t kMaxLabelledEdges = 40;

// Graphviz reports problems through cgraph's global error function. While a
// diagram is drawn, errors are collected for the message render_diagram
// returns and warnings (labels wider than a shape, and the like) are dropped:
// they say nothing a user can act on.
std::string* g_collected_errors = nullptr;

int collect_graphviz_message(char* message) {
  if (g_collected_errors && message) {
    std::string text(message);
    if (text.rfind("Warning", 0) != 0) *g_collected_errors += text;
  }
  return 0;
}

class GraphvizErrorCapture {
 public:
  explicit GraphvizErrorCapture(std::string& sink)
      : previous_(agseterrf(collect_graphviz_message)) {
    g_collected_errors = &sink;
  }
  ~GraphvizErrorCapture() {
    agseterrf(previous_);
    g_collected_errors = nullptr;
  }
  GraphvizErrorCapture(const GraphvizErrorCapture&) = delete;
  GraphvizErrorCapture& operator=(const GraphvizErrorCapture&) = delete;

 private:
  agusererrf previous_;
};

// The process's gvc context, created on first use and kept: gvc is meant to
// have one long-lived context, and Graphviz 2.4x's pango plugin keeps a
// pointer to the last font name it measured, which gvFreeContext frees, so a
// second context in the same process reads freed memory.
GVC_t* shared_context() {
  static GVC_t* const context = gvContext();
  return context;
}

// The layout attached to one graph, freed with it.
class Gvc {
 public:
  Gvc() : context_(shared_context()) {}
  ~Gvc() {
    if (laid_out_) gvFreeLayout(context_, laid_out_);
  }
  Gvc(const Gvc&) = delete;
  Gvc& operator=(const Gvc&) = delete;

  bool layout(Agraph_t* g, const std::string& engine) {
    if (gvLayout(context_, g, engine.c_str()) != 0) return false;
    laid_out_ = g;
    return true;
  }
  GVC_t* get() const { return context_; }

 private:
  GVC_t* context_;
  Agraph_t* laid_out_ = nullptr;
};

void set_graph(Agraph_t* g, const char* name, const std::string& value) {
  agattr(g, AGRAPH, mut(name), mut(value));
}

// Layout settings that keep each engine's drawing legible: room between
// nodes, no overlaps, edges routed around nodes.
void tune_layout(Agraph_t* g, const std::string& layout, std::size_t nodes) {
  set_graph(g, "bgcolor", "white");
  set_graph(g, "pad", "0.3");
  set_graph(g, "dpi", "96");
  set_graph(g, "outputorder", "edgesfirst");  // lines under nodes, never across names
  if (layout == "dot") {
    set_graph(g, "rankdir", "LR");
    set_graph(g, "nodesep", "0.18");
    set_graph(g, "ranksep", "0.9");
    set_graph(g, "newrank", "true");
  } else {
    set_graph(g, "overlap", layout == "sfdp" ? "prism" : "false");
    set_graph(g, "sep", "+8");
    set_graph(g, "splines", nodes <= 150 ? "true" : "line");
    if (layout == "sfdp") set_graph(g, "K", "1.1");
    if (layout == "neato" || layout == "fdp") set_graph(g, "len", "1.6");
    if (layout == "circo") set_graph(g, "mindist", "0.6");
    if (layout == "twopi") set_graph(g, "ranksep", "1.6");
  }
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::optional<DiagramFormat> diagram_format_from_name(std::string_view name) {
  const std::string n = lower(name);
  if (n == "svg") return DiagramFormat::kSvg;
  if (n == "png") return DiagramFormat::kPng;
  if (n == "pdf") return DiagramFormat::kPdf;
  return std::nullopt;
}

std::optional<DiagramFormat> diagram_format_from_path(std::string_view path) {
  const auto dot = path.rfind('.');
  const auto slash = path.find_last_of('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return std::nullopt;
  }
  return diagram_format_from_name(path.substr(dot + 1));
}

std::string_view diagram_format_name(DiagramFormat format) {
  switch (format) {
    case DiagramFormat::kSvg:
      return "svg";
    case DiagramFormat::kPng:
      return "png";
    case DiagramFormat::kPdf:
      return "pdf";
  }
  return "svg";
}

const std::vector<std::string_view>& diagram_layouts() {
  static const std::vector<std::string_view> kLayouts = {"dot", "sfdp",  "neato",
                                                         "fdp", "circo", "twopi"};
  return kLayouts;
}

KnowledgeGraph without_isolated_nodes(const KnowledgeGraph& graph) {
  KnowledgeGraph out;
  const auto& g = graph.graph();
  for (auto v : graph.sorted_vertices()) {
    if (boost::out_degree(v, g) + boost::in_degree(v, g) > 0) out.upsert_node(graph.node(v));
  }
  for (auto e : graph.sorted_edges()) {
    const EdgeData& d = graph.edge(e);
    out.upsert_edge(EdgeRecord{graph.source_node(e).id, graph.target_node(e).id, d.predicate,
                               d.weight, d.evidence});
  }
  return out;
}

GraphFilter default_diagram_filter() {
  GraphFilter filter;
  filter.include_documents = false;
  for (auto p : typed_predicates()) filter.predicates.emplace_back(p);
  filter.top = 60;
  return filter;
}

std::string render_diagram(const KnowledgeGraph& graph, const DiagramOptions& options,
                           std::string& image) {
  const auto& layouts = diagram_layouts();
  if (std::find(layouts.begin(), layouts.end(), options.layout) == layouts.end()) {
    return "unknown layout '" + options.layout + "' (use dot, sfdp, neato, fdp, circo or twopi)";
  }
  DotOptions dot;
  dot.language = options.language;
  dot.legend = true;
  dot.merge_symmetric = true;
  dot.edge_labels = graph.edge_count() <= kMaxLabelledEdges;
  dot.wrap_width = 22;
  dot.max_label_chars = 70;

  std::string errors;
  GraphvizErrorCapture capture(errors);
  CgraphGraph g = build_cgraph(graph, dot);
  tune_layout(g.get(), options.layout, graph.node_count());
  if (!options.title.empty()) {
    set_graph(g.get(), "label", graphviz_label(options.title));
    set_graph(g.get(), "labelloc", "t");
    set_graph(g.get(), "labeljust", "l");
    set_graph(g.get(), "fontsize", "16");
  }

  Gvc gvc;
  if (!gvc.layout(g.get(), options.layout)) {
    return "Graphviz could not lay out the graph with '" + options.layout + "'" +
           (errors.empty() ? std::string() : ": " + errors);
  }
  char* data = nullptr;
  unsigned int length = 0;
  const std::string format(diagram_format_name(options.format));
  if (gvRenderData(gvc.get(), g.get(), format.c_str(), &data, &length) != 0 || !data) {
    if (data) gvFreeRenderData(data);
    return "Graphviz could not draw " + format +
           (errors.empty() ? std::string(" (is its cairo plugin installed?)") : ": " + errors);
  }
  image.assign(data, length);
  gvFreeRenderData(data);
  return "";
}

std::string render_diagram_file(const KnowledgeGraph& graph, const DiagramOptions& options,
                                const std::string& path) {
  std::string image;
  std::string error = render_diagram(graph, options, image);
  if (!error.empty()) return path + ": " + error;
  return write_file_atomically(path, [&image](std::ostream& out) {
    out.write(image.data(), static_cast<std::streamsize>(image.size()));
  });
}

}  // namespace crimekg
