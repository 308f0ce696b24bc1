#include "query/name_report.h"

#include "query/json_writer.h"
#include "query/table_printer.h"

namespace crimekg::query {
namespace {

std::string how(const NameMatch& match) {
  std::string out(to_string(match.kind));
  if (!match.language.empty()) out += " " + match.language;
  return out;
}

Table matches_table(const KnowledgeGraph& graph, const std::vector<NameMatch>& matches,
                    const std::vector<int>* ranks, const RenderOptions& render) {
  const auto& g = graph.graph();
  const bool csv = render.format == OutputFormat::kCsv;
  std::vector<TableColumn> columns =
      csv ? std::vector<TableColumn>{{"id"},      {"type"},  {"label"},
                                     {"matched"}, {"match"}, {"mentions"}}
          : std::vector<TableColumn>{{"id", Align::kLeft, 16, 0},
                                     {"type"},
                                     {"label", Align::kLeft, 16, 48},
                                     {"matched name", Align::kLeft, 12, 40},
                                     {"as"},
                                     {"mentions", Align::kRight}};
  if (ranks != nullptr) columns.push_back({"rank", Align::kRight});
  Table table(std::move(columns));
  for (std::size_t i = 0; i < matches.size(); ++i) {
    const auto& m = matches[i];
    const NodeData& node = g[m.vertex];
    std::vector<std::string> row = {
        node.id, std::string(to_string(node.type)), display_label(node, render.language), m.name,
        how(m),  std::to_string(node.mentions)};
    if (ranks != nullptr) row.push_back(std::to_string((*ranks)[i]));
    table.add_row(std::move(row));
  }
  return table;
}

void print_table(const Table& table, const RenderOptions& render, std::ostream& out) {
  switch (render.format) {
    case OutputFormat::kCsv:
      print_csv(table, out);
      break;
    case OutputFormat::kMarkdown:
      print_markdown(table, out);
      break;
    default:
      print_text(table, out, render.width, "  ");
  }
}

void json_matches(json::RawWriter& w, const KnowledgeGraph& graph,
                  const std::vector<NameMatch>& matches, const std::vector<int>* ranks,
                  std::string_view language) {
  const auto& g = graph.graph();
  w.StartArray();
  for (std::size_t i = 0; i < matches.size(); ++i) {
    const auto& m = matches[i];
    w.StartObject();
    json::key(w, "node");
    json::node_ref(w, g[m.vertex], language);
    json::member(w, "matched", m.name);
    json::member(w, "as", to_string(m.kind));
    if (!m.language.empty()) json::member(w, "language", m.language);
    json::key(w, "mentions");
    w.Uint64(g[m.vertex].mentions);
    if (ranks != nullptr) {
      json::key(w, "rank");
      w.Int((*ranks)[i]);
    }
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

void render_search(const KnowledgeGraph& graph, std::string_view text,
                   const std::vector<SearchHit>& hits, std::size_t total,
                   const RenderOptions& render, std::ostream& out) {
  std::vector<NameMatch> matches;
  std::vector<int> ranks;
  for (const auto& hit : hits) {
    matches.push_back(hit.match);
    ranks.push_back(hit.rank);
  }
  if (render.format == OutputFormat::kJson) {
    json::Writer w(out);
    w->StartObject();
    json::member(*w, "query", text);
    json::member(*w, "folded", fold_for_lookup(text));
    json::key(*w, "total");
    w->Uint64(total);
    json::key(*w, "results");
    json_matches(*w, graph, matches, &ranks, render.language);
    w->EndObject();
    w.finish();
    return;
  }
  const Table table = matches_table(graph, matches, &ranks, render);
  if (render.format == OutputFormat::kText) {
    out << total << (total == 1 ? " node matches " : " nodes match ") << "\u201c" << fence_rtl(text)
        << "\u201d";
    const std::string folded = fold_for_lookup(text);
    if (folded != text) out << " (folded: " << fence_rtl(folded) << ")";
    out << '\n';
    if (hits.empty()) return;
    out << '\n';
  }
  print_table(table, render, out);
  if (render.format == OutputFormat::kText && hits.size() < total) {
    out << "  \u2026 " << total - hits.size() << " more (raise --limit, or 0 for all)\n";
  }
}

void render_resolution_problem(const KnowledgeGraph& graph, std::string_view name,
                               const Resolution& resolution, const RenderOptions& render,
                               std::ostream& out) {
  const bool ambiguous = resolution.outcome == Resolution::Outcome::kAmbiguous;
  const auto& listed = ambiguous ? resolution.matches : resolution.suggestions;
  if (render.format == OutputFormat::kJson) {
    json::Writer w(out);
    w->StartObject();
    json::member(*w, "error", ambiguous ? "ambiguous" : "not found");
    json::member(*w, "name", name);
    json::key(*w, ambiguous ? "candidates" : "suggestions");
    json_matches(*w, graph, listed, nullptr, render.language);
    w->EndObject();
    w.finish();
    return;
  }
  // For people, always as text: this goes to stderr next to the error.
  RenderOptions text = render;
  text.format = OutputFormat::kText;
  if (ambiguous) {
    out << "crimekg query: \u201c" << fence_rtl(name) << "\u201d names " << listed.size()
        << " nodes; give one of their ids:\n";
  } else {
    out << "crimekg query: nothing in the graph is called \u201c" << fence_rtl(name) << "\u201d";
    const std::string folded = fold_for_lookup(name);
    if (folded != name) out << " (folded: " << fence_rtl(folded) << ")";
    out << (listed.empty() ? "\n" : "; names containing it:\n");
  }
  if (!listed.empty()) print_table(matches_table(graph, listed, nullptr, text), text, out);
}

}  // namespace crimekg::query
