#include "query/neighbors.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "query/json_writer.h"
#include "query/table_printer.h"

namespace crimekg::query {
namespace {

std::string_view arrow(Direction direction) {
  switch (direction) {
    case Direction::kOut:
      return "\u2192";  // node → neighbour
    case Direction::kIn:
      return "\u2190";
    case Direction::kBoth:
      return "\u2194";
  }
  return "";
}

}  // namespace

NeighborResult neighbors(const KnowledgeGraph& graph, KnowledgeGraph::Vertex node,
                         const NeighborOptions& options) {
  const auto& g = graph.graph();
  auto wanted = [&](KnowledgeGraph::Edge e, KnowledgeGraph::Vertex other) {
    if (!options.predicates.contains(g[e].predicate)) return false;
    return options.types.empty() || std::find(options.types.begin(), options.types.end(),
                                              g[other].type) != options.types.end();
  };
  NeighborResult result;
  // A symmetric predicate stored both ways is one relation: keep the first
  // seen and mark it "both" when its mirror turns up.
  std::map<std::pair<KnowledgeGraph::Vertex, std::string_view>, std::size_t> symmetric;
  auto add = [&](KnowledgeGraph::Edge e, KnowledgeGraph::Vertex other, Direction direction) {
    const auto& predicate = g[e].predicate;
    if (is_symmetric_predicate(predicate)) {
      auto [it, inserted] =
          symmetric.emplace(std::make_pair(other, std::string_view(predicate)), result.rows.size());
      if (!inserted) {
        result.rows[it->second].direction = Direction::kBoth;
        return;
      }
    }
    result.rows.push_back({e, other, direction});
  };
  if (options.direction != Direction::kIn) {
    for (auto [it, end] = boost::out_edges(node, g); it != end; ++it) {
      const auto other = boost::target(*it, g);
      if (wanted(*it, other)) add(*it, other, Direction::kOut);
    }
  }
  if (options.direction != Direction::kOut) {
    for (auto [it, end] = boost::in_edges(node, g); it != end; ++it) {
      const auto other = boost::source(*it, g);
      // A loop was already listed as outgoing.
      if (other == node && options.direction == Direction::kBoth) continue;
      if (wanted(*it, other)) add(*it, other, Direction::kIn);
    }
  }
  std::sort(result.rows.begin(), result.rows.end(),
            [&](const NeighborRow& a, const NeighborRow& b) {
              const auto& pa = g[a.edge].predicate;
              const auto& pb = g[b.edge].predicate;
              if (pa != pb) return predicate_before(pa, pb);
              if (a.direction != b.direction) return a.direction < b.direction;
              if (g[a.edge].weight != g[b.edge].weight) return g[a.edge].weight > g[b.edge].weight;
              return g[a.other].id < g[b.other].id;
            });
  result.total = result.rows.size();
  if (options.limit > 0 && result.rows.size() > options.limit) result.rows.resize(options.limit);
  return result;
}

void render_neighbors(const KnowledgeGraph& graph, KnowledgeGraph::Vertex node,
                      const NeighborResult& result, const NeighborOptions& options,
                      const RenderOptions& render, std::ostream& out) {
  const auto& g = graph.graph();
  const auto& lang = render.language;
  if (render.format == OutputFormat::kJson) {
    json::Writer w(out);
    w->StartObject();
    json::key(*w, "node");
    json::node_ref(*w, g[node], lang);
    json::member(*w, "predicates", options.predicates.describe());
    json::member(*w, "direction", to_string(options.direction));
    json::key(*w, "total");
    w->Uint64(result.total);
    json::key(*w, "neighbors");
    w->StartArray();
    for (const auto& row : result.rows) {
      const auto& edge = g[row.edge];
      w->StartObject();
      json::member(*w, "predicate", edge.predicate);
      json::member(*w, "direction", to_string(row.direction));
      json::key(*w, "node");
      json::node_ref(*w, g[row.other], lang);
      json::key(*w, "weight");
      w->Uint64(edge.weight);
      json::key(*w, "documents");
      w->Uint64(document_count(graph, row.edge));
      if (options.with_evidence) {
        json::key(*w, "evidence");
        w->StartArray();
        for (const auto& item : graph.evidence(row.edge)) json::evidence(*w, item);
        w->EndArray();
      }
      w->EndObject();
    }
    w->EndArray();
    w->EndObject();
    w.finish();
    return;
  }
  const bool csv = render.format == OutputFormat::kCsv;
  Table table(csv ? std::vector<TableColumn>{{"predicate"},
                                             {"direction"},
                                             {"id"},
                                             {"type"},
                                             {"label"},
                                             {"weight"},
                                             {"documents"}}
                  : std::vector<TableColumn>{{"predicate"},
                                             {"", Align::kLeft},
                                             {"neighbour", Align::kLeft, 16, 60},
                                             {"type"},
                                             {"id", Align::kLeft, 12, 0},
                                             {"weight", Align::kRight},
                                             {"documents", Align::kRight}});
  for (const auto& row : result.rows) {
    const auto& edge = g[row.edge];
    const auto& other = g[row.other];
    if (csv) {
      table.add_row({edge.predicate, std::string(to_string(row.direction)), other.id,
                     std::string(to_string(other.type)), display_label(other, lang),
                     std::to_string(edge.weight), std::to_string(document_count(graph, row.edge))});
    } else {
      table.add_row({edge.predicate, std::string(arrow(row.direction)), display_label(other, lang),
                     std::string(to_string(other.type)), other.id, std::to_string(edge.weight),
                     std::to_string(document_count(graph, row.edge))});
    }
  }
  if (csv) {
    print_csv(table, out);
    return;
  }
  if (render.format == OutputFormat::kMarkdown) {
    print_markdown(table, out);
    return;
  }
  out << fence_rtl(display_label(g[node], lang)) << " [" << g[node].id << "]: " << result.total
      << (result.total == 1 ? " neighbour" : " neighbours") << " over "
      << options.predicates.describe();
  if (options.direction == Direction::kOut) out << ", outgoing";
  if (options.direction == Direction::kIn) out << ", incoming";
  out << '\n';
  if (result.rows.empty()) return;
  out << '\n';
  print_text(table, out, render.width, "  ");
  if (result.rows.size() < result.total) {
    out << "  \u2026 " << result.total - result.rows.size()
        << " more (raise --limit, or 0 for all)\n";
  }
  if (options.with_evidence) {
    out << '\n';
    for (const auto& row : result.rows) {
      const auto& edge = g[row.edge];
      out << "  " << edge.predicate << ' ' << arrow(row.direction) << ' '
          << fence_rtl(display_label(g[row.other], lang)) << '\n';
      for (const auto& item : graph.evidence(row.edge)) {
        out << "    " << item.document;
        if (!item.paragraph.empty()) out << " \u00b6 " << item.paragraph;
        out << ": " << fence_rtl(one_line(item.text)) << '\n';
      }
    }
  }
}

}  // namespace crimekg::query
