#include "exporters/dot_writer.h"

#include <graphviz/cgraph.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <set>

#include "exporters/escaping.h"
#include "exporters/node_style.h"

namespace crimekg {
namespace {

// cgraph takes char* everywhere but copies what it is given.
char* mut(const std::string& s) { return const_cast<char*>(s.c_str()); }
char* mut(const char* s) { return const_cast<char*>(s); }

// agwrite writes through the graph's I/O discipline; this one sends the text
// to the std::ostream passed as agwrite's channel.
int put_string(void* chan, const char* str) {
  auto* out = static_cast<std::ostream*>(chan);
  out->write(str, static_cast<std::streamsize>(std::strlen(str)));
  return *out ? 0 : EOF;
}

int flush_stream(void* chan) {
  static_cast<std::ostream*>(chan)->flush();
  return 0;
}

Agdisc_t* stream_discipline() {
  static Agiodisc_t io{AgIoDisc.afread, &put_string, &flush_stream};
  static Agdisc_t disc{&AgMemDisc, &AgIdDisc, &io};
  return &disc;
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// The first `limit` characters of `text` and "…" when it is longer.
std::string shorten(const std::string& text, std::size_t limit) {
  if (limit == 0 || code_points(text) <= limit) return text;
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && seen++ == limit - 1) {
      std::string cut = text.substr(0, i);
      while (!cut.empty() && cut.back() == ' ') cut.pop_back();
      return cut + "\u2026";
    }
  }
  return text;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
  return out;
}

void set(void* object, const char* name, const std::string& value, const char* fallback = "") {
  agsafeset(object, mut(name), mut(value), mut(fallback));
}

// Pen width grows with the logarithm of the evidence count: 1 piece of
// evidence draws a hairline, 100 a line about five times as thick.
std::string pen_width(std::uint64_t weight) {
  const double width =
      1.0 + 0.9 * std::log2(static_cast<double>(std::max<std::uint64_t>(weight, 1)));
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", std::min(width, 7.0));
  return buffer;
}

// The legend: one HTML-like table (XML, so escaped with xml_escape) listing
// the node types and predicates present, with their colours.
std::string legend_html(const std::vector<NodeType>& types,
                        const std::vector<std::string>& predicates) {
  std::string html =
      "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"2\">"
      "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Node types</B></TD></TR>";
  for (NodeType type : types) {
    const TypeStyle& style = type_style(type);
    html += "<TR><TD WIDTH=\"28\" HEIGHT=\"14\" FIXEDSIZE=\"TRUE\" BORDER=\"1\" COLOR=\"";
    html += style.outline;
    html += "\" BGCOLOR=\"";
    html += style.fill;
    html += "\"></TD><TD ALIGN=\"LEFT\">";
    html += detail::xml_escape(to_string(type));
    html += "</TD></TR>";
  }
  if (!predicates.empty()) {
    html += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Relations</B></TD></TR>";
    for (const auto& predicate : predicates) {
      html += "<TR><TD ALIGN=\"CENTER\"><FONT COLOR=\"";
      html += predicate_colour(predicate);
      html += "\" POINT-SIZE=\"14\"><B>\u2014\u2192</B></FONT></TD><TD ALIGN=\"LEFT\">";
      html += detail::xml_escape(detail::xml_safe(predicate));
      html += "</TD></TR>";
    }
  }
  html += "</TABLE>";
  return html;
}

void add_legend(Agraph_t* g, const KnowledgeGraph& graph) {
  std::set<NodeType> type_set;
  for (auto [it, end] = boost::vertices(graph.graph()); it != end; ++it) {
    type_set.insert(graph.node(*it).type);
  }
  std::set<std::string> predicate_set;
  for (auto [it, end] = boost::edges(graph.graph()); it != end; ++it) {
    predicate_set.insert(graph.edge(*it).predicate);
  }
  // Ontology order for the known predicates, then any others alphabetically.
  std::vector<std::string> predicates;
  for (auto p : typed_predicates()) {
    if (predicate_set.erase(std::string(p))) predicates.emplace_back(p);
  }
  for (auto p : {predicate::kMentionedWith, predicate::kMentions}) {
    if (predicate_set.erase(std::string(p))) predicates.emplace_back(p);
  }
  predicates.insert(predicates.end(), predicate_set.begin(), predicate_set.end());
  if (type_set.empty()) return;

  // A node name no canonical id can take: ids are "type:key".
  std::string name = "legend";
  while (graph.find(name)) name += "_";

  Agraph_t* cluster = agsubg(g, mut("cluster_legend"), 1);
  set(cluster, "label", "Legend");
  set(cluster, "style", "rounded");
  set(cluster, "color", "#9E9E9E");
  set(cluster, "fontsize", "12");
  Agnode_t* node = agnode(cluster, mut(name), 1);
  char* html = agstrdup_html(g, mut(legend_html({type_set.begin(), type_set.end()}, predicates)));
  agsafeset(node, mut("label"), html, mut("\\N"));
  agstrfree(g, html);
  set(node, "shape", "plain");
  set(node, "class", "legend");
  set(node, "tooltip", "Legend");
}

}  // namespace

CgraphGraph& CgraphGraph::operator=(CgraphGraph&& other) noexcept {
  if (this != &other) {
    if (graph_) agclose(graph_);
    graph_ = other.graph_;
    other.graph_ = nullptr;
  }
  return *this;
}

CgraphGraph::~CgraphGraph() {
  if (graph_) agclose(graph_);
}

std::string display_label(const NodeData& node, std::string_view language) {
  auto found = node.labels.find(std::string(language));
  if (found != node.labels.end() && !found->second.empty()) return found->second;
  if (!node.label.empty()) return node.label;
  return node.id;
}

std::string wrap_words(std::string_view text, std::size_t width) {
  if (width == 0) return std::string(text);
  std::string out;
  std::size_t line_start = 0;
  while (line_start <= text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    const std::string_view line = text.substr(line_start, line_end - line_start);
    std::size_t used = 0;
    std::size_t word_start = 0;
    bool first_word = true;
    while (word_start < line.size()) {
      std::size_t word_end = line.find(' ', word_start);
      if (word_end == std::string_view::npos) word_end = line.size();
      const std::string_view word = line.substr(word_start, word_end - word_start);
      if (!word.empty()) {
        const std::size_t length = code_points(word);
        if (!first_word && used + 1 + length > width) {
          out += '\n';
          used = 0;
        } else if (!first_word) {
          out += ' ';
          ++used;
        }
        out += word;
        used += length;
        first_word = false;
      }
      word_start = word_end + 1;
    }
    if (line_end == text.size()) break;
    out += '\n';
    line_start = line_end + 1;
  }
  return out;
}

std::string graphviz_escape(std::string_view text) {
  const std::string safe = detail::xml_safe(text);
  std::string out;
  out.reserve(safe.size());
  for (std::size_t i = 0; i < safe.size(); ++i) {
    const char c = safe[i];
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      if (i + 1 < safe.size() && safe[i + 1] == '\n') continue;  // CRLF is one break
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string graphviz_label(std::string_view text) {
  const std::string escaped = graphviz_escape(text);
  std::string out;
  out.reserve(escaped.size());
  for (char c : escaped) {
    if (c == '&') {
      out += "&amp;";
    } else {
      out += c;
    }
  }
  return out;
}

CgraphGraph build_cgraph(const KnowledgeGraph& graph, const DotOptions& options) {
  CgraphGraph owned(agopen(mut("crimekg"), Agdirected, stream_discipline()));
  Agraph_t* g = owned.get();

  // Defaults for the whole drawing: left-to-right reads best with long names.
  agattr(g, AGRAPH, mut("rankdir"), mut("LR"));
  agattr(g, AGRAPH, mut("fontname"), mut("Helvetica"));
  agattr(g, AGNODE, mut("fontname"), mut("Helvetica"));
  agattr(g, AGNODE, mut("fontsize"), mut("11"));
  agattr(g, AGNODE, mut("margin"), mut("0.12,0.05"));
  agattr(g, AGEDGE, mut("fontname"), mut("Helvetica"));
  agattr(g, AGEDGE, mut("fontsize"), mut("9"));
  agattr(g, AGEDGE, mut("arrowsize"), mut("0.7"));

  std::vector<std::string> languages;
  for (auto v : graph.sorted_vertices()) {
    for (const auto& [lang, text] : graph.node(v).labels) {
      if (std::find(languages.begin(), languages.end(), lang) == languages.end()) {
        languages.push_back(lang);
      }
    }
  }
  std::sort(languages.begin(), languages.end());

  for (auto v : graph.sorted_vertices()) {
    const NodeData& node = graph.node(v);
    const TypeStyle& style = type_style(node.type);
    Agnode_t* n = agnode(g, mut(graphviz_escape(node.id)), 1);
    const std::string shown =
        wrap_words(shorten(display_label(node, options.language), options.max_label_chars),
                   options.wrap_width);
    set(n, "label", graphviz_label(shown), "\\N");
    set(n, "shape", std::string(style.shape));
    set(n, "style", std::string(style.style));
    set(n, "fillcolor", std::string(style.fill));
    set(n, "color", std::string(style.outline));
    set(n, "id", graphviz_escape(node.id));
    set(n, "class", std::string(to_string(node.type)));
    std::string tooltip =
        std::string(to_string(node.type)) + ": " + display_label(node, "en") + "\n" + node.id;
    if (!node.aliases.empty()) tooltip += "\nalso: " + join(node.aliases, "; ");
    set(n, "tooltip", graphviz_escape(tooltip));
    // Data for programs that read DOT as a graph file.
    set(n, "type", std::string(to_string(node.type)));
    set(n, "mentions", std::to_string(node.mentions));
    if (!node.aliases.empty()) set(n, "aliases", graphviz_escape(join(node.aliases, "; ")));
    for (const auto& lang : languages) {
      auto found = node.labels.find(lang);
      if (found != node.labels.end()) {
        set(n, mut("label_" + detail::identifier(lang)), graphviz_escape(found->second));
      }
    }
  }

  for (auto e : graph.sorted_edges()) {
    const EdgeData& edge = graph.edge(e);
    const NodeData& source = graph.source_node(e);
    const NodeData& target = graph.target_node(e);
    const bool symmetric = is_symmetric_predicate(edge.predicate);
    if (options.merge_symmetric && symmetric && target.id < source.id &&
        graph.find_edge(target.id, edge.predicate, source.id)) {
      continue;  // drawn once, from the other end
    }
    Agnode_t* tail = agnode(g, mut(graphviz_escape(source.id)), 0);
    Agnode_t* head = agnode(g, mut(graphviz_escape(target.id)), 0);
    Agedge_t* a = agedge(g, tail, head, mut(graphviz_escape(edge.predicate)), 1);
    const std::string colour(predicate_colour(edge.predicate));
    if (options.edge_labels) set(a, "label", graphviz_label(edge.predicate));
    set(a, "color", colour);
    set(a, "fontcolor", colour);
    set(a, "penwidth", pen_width(edge.weight));
    // Graphviz's layout weight (an int for dot): heavier edges are kept
    // shorter and straighter, which is what more evidence should mean.
    set(a, "weight", std::to_string(std::min<std::uint64_t>(edge.weight, INT_MAX)));
    if (options.merge_symmetric && symmetric) set(a, "dir", "none");
    set(a, "tooltip",
        graphviz_escape(display_label(source, "en") + " " + edge.predicate + " " +
                        display_label(target, "en") + " (" + std::to_string(edge.weight) +
                        (edge.weight == 1 ? " piece" : " pieces") + " of evidence)"));
    set(a, "class", graphviz_escape(edge.predicate));  // SVG: <g class="edge addresses">
    set(a, "predicate", graphviz_escape(edge.predicate));
    set(a, "evidence_count", std::to_string(edge.evidence.size()));
  }

  if (options.legend) add_legend(g, graph);
  return owned;
}

void write_dot(const KnowledgeGraph& graph, const DotOptions& options, std::ostream& out) {
  CgraphGraph g = build_cgraph(graph, options);
  agwrite(g.get(), &out);
}

}  // namespace crimekg
