#include "query/node_report.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

#include "query/json_writer.h"
#include "query/table_printer.h"

namespace crimekg::query {
namespace {

// Languages in the order the UN lists its official ones; others follow
// alphabetically.
int language_rank(const std::string& code) {
  static const char* kOrder[] = {"en", "ar", "zh", "fr", "ru", "es"};
  for (int i = 0; i < 6; ++i) {
    if (code == kOrder[i]) return i;
  }
  return 6;
}

std::vector<std::pair<std::string, std::string>> ordered_labels(const NodeData& node) {
  std::vector<std::pair<std::string, std::string>> out(node.labels.begin(), node.labels.end());
  if (out.empty() && !node.label.empty()) out.emplace_back("en", node.label);
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return language_rank(a.first) < language_rank(b.first);
  });
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

std::string where(const Evidence& item) {
  std::string out = item.document;
  if (!item.paragraph.empty()) out += " \u00b6 " + item.paragraph;
  return out;
}

}  // namespace

NodeReport node_report(const KnowledgeGraph& graph, KnowledgeGraph::Vertex vertex,
                       const NodeReportOptions& options, std::string_view language) {
  const auto& g = graph.graph();
  NodeReport report;
  report.vertex = vertex;
  std::map<std::string, DegreeRow> degree;
  auto visit = [&](KnowledgeGraph::Edge e, KnowledgeGraph::Vertex other, bool outgoing) {
    const EdgeData& edge = g[e];
    DegreeRow& row = degree[edge.predicate];
    row.predicate = edge.predicate;
    (outgoing ? row.out_edges : row.in_edges) += 1;
    row.evidence += edge.weight;
    if (!options.evidence_predicates.contains(edge.predicate)) return;
    for (const auto& item : graph.evidence(e))
      report.evidence.push_back({e, other, outgoing, &item});
  };
  for (auto [it, end] = boost::out_edges(vertex, g); it != end; ++it) {
    visit(*it, boost::target(*it, g), true);
  }
  for (auto [it, end] = boost::in_edges(vertex, g); it != end; ++it) {
    // A loop's evidence was taken with its outgoing side.
    if (boost::source(*it, g) == vertex) continue;
    visit(*it, boost::source(*it, g), false);
  }
  for (auto& [predicate, row] : degree) report.degree.push_back(std::move(row));
  std::sort(report.degree.begin(), report.degree.end(), [](const DegreeRow& a, const DegreeRow& b) {
    return predicate_before(a.predicate, b.predicate);
  });
  std::stable_sort(report.evidence.begin(), report.evidence.end(),
                   [&](const EvidenceRow& a, const EvidenceRow& b) {
                     const auto& pa = g[a.edge].predicate;
                     const auto& pb = g[b.edge].predicate;
                     if (pa != pb) return predicate_before(pa, pb);
                     if (a.outgoing != b.outgoing) return a.outgoing;
                     // The best-supported relations first, as in `neighbors`.
                     if (g[a.edge].weight != g[b.edge].weight) {
                       return g[a.edge].weight > g[b.edge].weight;
                     }
                     const auto& la = display_label(g[a.other], language);
                     const auto& lb = display_label(g[b.other], language);
                     if (la != lb) return la < lb;
                     if (a.other != b.other) return g[a.other].id < g[b.other].id;
                     return std::tie(a.item->document, a.item->start) <
                            std::tie(b.item->document, b.item->start);
                   });
  report.evidence_total = report.evidence.size();
  if (options.evidence_limit > 0 && report.evidence.size() > options.evidence_limit) {
    report.evidence.resize(options.evidence_limit);
  }
  return report;
}

void render_node_report(const KnowledgeGraph& graph, const NodeReport& report,
                        const NodeReportOptions& options, const RenderOptions& render,
                        std::ostream& out) {
  const auto& g = graph.graph();
  const NodeData& node = g[report.vertex];
  const auto& lang = render.language;

  if (render.format == OutputFormat::kJson) {
    json::Writer w(out);
    w->StartObject();
    json::key(*w, "node");
    json::node_full(*w, node);
    json::key(*w, "degree");
    w->StartArray();
    for (const auto& row : report.degree) {
      w->StartObject();
      json::member(*w, "predicate", row.predicate);
      json::key(*w, "out");
      w->Uint64(row.out_edges);
      json::key(*w, "in");
      w->Uint64(row.in_edges);
      json::key(*w, "evidence");
      w->Uint64(row.evidence);
      w->EndObject();
    }
    w->EndArray();
    json::member(*w, "evidencePredicates", options.evidence_predicates.describe());
    json::key(*w, "evidenceTotal");
    w->Uint64(report.evidence_total);
    json::key(*w, "evidence");
    w->StartArray();
    for (const auto& row : report.evidence) {
      w->StartObject();
      json::member(*w, "predicate", g[row.edge].predicate);
      json::member(*w, "direction", row.outgoing ? "out" : "in");
      json::key(*w, "node");
      json::node_ref(*w, g[row.other], lang);
      json::key(*w, "evidence");
      json::evidence(*w, *row.item);
      w->EndObject();
    }
    w->EndArray();
    w->EndObject();
    w.finish();
    return;
  }

  if (render.format == OutputFormat::kCsv) {
    // The one table of a node that stands alone: its evidence, one record
    // per sentence. The rest is in --format json.
    Table table({{"predicate"},
                 {"direction"},
                 {"neighbor"},
                 {"neighbor_label"},
                 {"document"},
                 {"paragraph"},
                 {"start"},
                 {"end"},
                 {"text"},
                 {"extractor"},
                 {"confidence"}});
    for (const auto& row : report.evidence) {
      const Evidence& e = *row.item;
      char confidence[32];
      std::snprintf(confidence, sizeof confidence, "%g", e.confidence);
      table.add_row({g[row.edge].predicate, row.outgoing ? "out" : "in", g[row.other].id,
                     display_label(g[row.other], lang), e.document, e.paragraph,
                     std::to_string(e.start), std::to_string(e.end), e.text, e.extractor,
                     confidence});
    }
    print_csv(table, out);
    return;
  }

  const bool markdown = render.format == OutputFormat::kMarkdown;
  // Fields: text shows them as an aligned two-column list, Markdown as a
  // table, both from the same rows.
  Table fields({{"field"}, {"value", Align::kLeft, 20, 0}});
  fields.add_row({"id", node.id});
  fields.add_row({"type", std::string(to_string(node.type))});
  fields.add_row({"mentions", std::to_string(node.mentions)});
  for (const auto& [code, text] : ordered_labels(node)) fields.add_row({"label " + code, text});
  if (!node.aliases.empty()) fields.add_row({"aliases", joined(node.aliases)});
  if (!node.same_as.empty()) fields.add_row({"sameAs", joined(node.same_as)});
  for (const auto& [name, value] : node.properties) fields.add_row({name, value});

  Table degree(
      {{"predicate"}, {"out", Align::kRight}, {"in", Align::kRight}, {"evidence", Align::kRight}});
  for (const auto& row : report.degree) {
    degree.add_row({row.predicate, std::to_string(row.out_edges), std::to_string(row.in_edges),
                    std::to_string(row.evidence)});
  }

  const std::string& title = display_label(node, lang);
  if (markdown) {
    out << "### " << title << "\n\n";
    print_markdown(fields, out);
    out << "\n#### Degree by predicate\n\n";
    print_markdown(degree, out);
    out << "\n#### Evidence (" << options.evidence_predicates.describe() << ")\n\n";
    for (const auto& row : report.evidence) {
      out << "- **" << g[row.edge].predicate << "** " << (row.outgoing ? "\u2192 " : "\u2190 ")
          << display_label(g[row.other], lang) << " (`" << g[row.other].id << "`) \u2014 "
          << where(*row.item) << ": \u201c" << one_line(row.item->text) << "\u201d\n";
    }
  } else {
    out << fence_rtl(title) << '\n';
    // Field names as a left column; values are printed whole (a label is
    // never cut), wrapped by the terminal if need be.
    std::size_t name_width = 0;
    for (const auto& row : fields.rows()) name_width = std::max(name_width, display_width(row[0]));
    for (const auto& row : fields.rows()) {
      out << "  " << row[0] << std::string(name_width - display_width(row[0]) + 2, ' ')
          << fence_rtl(one_line(row[1])) << '\n';
    }
    out << "\nDegree by predicate\n";
    if (degree.empty()) {
      out << "  (no edges)\n";
    } else {
      print_text(degree, out, render.width, "  ");
    }
    out << "\nEvidence (" << options.evidence_predicates.describe() << ")\n";
    const EdgeData* last_edge = nullptr;
    for (const auto& row : report.evidence) {
      // One heading per edge, then its sentences.
      if (last_edge != &g[row.edge]) {
        last_edge = &g[row.edge];
        out << "  " << g[row.edge].predicate << (row.outgoing ? " \u2192 " : " \u2190 ")
            << fence_rtl(display_label(g[row.other], lang)) << " [" << g[row.other].id << "]\n";
      }
      // The sentence is printed whole: it is the evidence. Its place first,
      // so a long right-to-left sentence cannot push it out of sight.
      out << "    " << where(*row.item) << ": " << fence_rtl(one_line(row.item->text)) << '\n';
    }
  }
  if (report.evidence.empty()) {
    out << (markdown ? "(none)\n" : "  (none)\n");
  } else if (report.evidence.size() < report.evidence_total) {
    out << (markdown ? "\n" : "  ") << "\u2026 " << report.evidence_total - report.evidence.size()
        << " more (--evidence all, or --predicate to choose)\n";
  }
}

}  // namespace crimekg::query
