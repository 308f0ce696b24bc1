#include "query/matrix.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "query/json_writer.h"
#include "query/table_printer.h"

namespace crimekg::query {
namespace {

using Vertex = KnowledgeGraph::Vertex;

struct Cell {
  std::uint64_t evidence = 0;
  std::uint64_t edges = 0;
  std::vector<std::string_view> documents;  // sorted, unique once finished
};

bool has_type(const std::vector<NodeType>& types, NodeType type) {
  return std::find(types.begin(), types.end(), type) != types.end();
}

std::string type_list(const std::vector<NodeType>& types) {
  std::string out;
  for (auto t : types) {
    if (!out.empty()) out += ", ";
    out += to_string(t);
  }
  return out;
}

void sort_unique(std::vector<std::string_view>& docs) {
  std::sort(docs.begin(), docs.end());
  docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
}

}  // namespace

std::optional<MatrixMeasure> matrix_measure_from_name(std::string_view name) {
  if (name == "evidence") return MatrixMeasure::kEvidence;
  if (name == "edges") return MatrixMeasure::kEdges;
  if (name == "documents") return MatrixMeasure::kDocuments;
  return std::nullopt;
}

std::string_view to_string(MatrixMeasure measure) {
  switch (measure) {
    case MatrixMeasure::kEvidence:
      return "evidence";
    case MatrixMeasure::kEdges:
      return "edges";
    case MatrixMeasure::kDocuments:
      return "documents";
  }
  return "";
}

std::uint64_t Matrix::at(const KnowledgeGraph& graph, std::string_view row_id,
                         std::string_view column_id) const {
  auto r = graph.find(row_id);
  auto c = graph.find(column_id);
  if (!r || !c) return 0;
  auto ri = std::find(rows.begin(), rows.end(), *r);
  auto ci = std::find(columns.begin(), columns.end(), *c);
  if (ri == rows.end() || ci == columns.end()) return 0;
  return cells[ri - rows.begin()][ci - columns.begin()];
}

Matrix build_matrix(const KnowledgeGraph& graph, const MatrixOptions& options,
                    std::string_view language) {
  const auto& g = graph.graph();
  const bool by_documents = options.measure == MatrixMeasure::kDocuments;
  std::map<std::pair<Vertex, Vertex>, Cell> cells;
  auto contribute = [&](Vertex row, Vertex column, KnowledgeGraph::Edge e) {
    Cell& cell = cells[{row, column}];
    cell.evidence += g[e].weight;
    cell.edges += 1;
    if (by_documents) {
      for (auto document : graph.evidence_documents(e)) cell.documents.push_back(document);
    }
  };
  // Only edges touching the smaller side can count, so only its vertices'
  // edges are read: on a million-edge graph most edges join other types,
  // and reading an edge is a cache miss.
  std::vector<Vertex> row_side, column_side;
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    if (has_type(options.row_types, g[*it].type)) row_side.push_back(*it);
    if (has_type(options.column_types, g[*it].type)) column_side.push_back(*it);
  }
  const bool from_rows = row_side.size() <= column_side.size();
  const auto& side = from_rows ? row_side : column_side;
  // An edge s -> t counts forwards (row s, column t) unless direction is
  // In, backwards (row t, column s) unless it is Out; a loop counted
  // forwards would land in the same cell again.
  auto consider = [&](KnowledgeGraph::Edge e) {
    const EdgeData& edge = g[e];
    if (!options.predicates.contains(edge.predicate)) return;
    const Vertex s = boost::source(e, g);
    const Vertex t = boost::target(e, g);
    const bool forward = options.direction != Direction::kIn &&
                         has_type(options.row_types, g[s].type) &&
                         has_type(options.column_types, g[t].type);
    const bool backward = options.direction != Direction::kOut &&
                          has_type(options.row_types, g[t].type) &&
                          has_type(options.column_types, g[s].type);
    if (forward) contribute(s, t, e);
    if (backward && !(forward && s == t)) contribute(t, s, e);
  };
  const auto& side_types = from_rows ? options.row_types : options.column_types;
  for (const Vertex v : side) {
    // Each edge once: from v's out-edges, and from its in-edges unless the
    // source is on the same side too (then the source's out-edges had it).
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) consider(*it);
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
      if (!has_type(side_types, g[boost::source(*it, g)].type)) consider(*it);
    }
  }

  auto value = [&](const Cell& cell) -> std::uint64_t {
    switch (options.measure) {
      case MatrixMeasure::kEvidence:
        return cell.evidence;
      case MatrixMeasure::kEdges:
        return cell.edges;
      case MatrixMeasure::kDocuments:
        return cell.documents.size();
    }
    return 0;
  };
  // Totals. Documents do not add up (one document backs many cells), so
  // their totals count distinct documents along the row, column or table.
  std::unordered_map<Vertex, std::uint64_t> row_total, column_total;
  std::unordered_map<Vertex, std::vector<std::string_view>> row_docs, column_docs;
  std::vector<std::string_view> all_docs;
  Matrix m;
  for (auto& [key, cell] : cells) {
    if (by_documents) {
      sort_unique(cell.documents);
      auto& rd = row_docs[key.first];
      rd.insert(rd.end(), cell.documents.begin(), cell.documents.end());
      auto& cd = column_docs[key.second];
      cd.insert(cd.end(), cell.documents.begin(), cell.documents.end());
      all_docs.insert(all_docs.end(), cell.documents.begin(), cell.documents.end());
    } else {
      row_total[key.first] += value(cell);
      column_total[key.second] += value(cell);
      m.total += value(cell);
    }
  }
  if (by_documents) {
    for (auto& [v, docs] : row_docs) {
      sort_unique(docs);
      row_total[v] = docs.size();
    }
    for (auto& [v, docs] : column_docs) {
      sort_unique(docs);
      column_total[v] = docs.size();
    }
    sort_unique(all_docs);
    m.total = all_docs.size();
  }

  auto ranked = [&](const std::unordered_map<Vertex, std::uint64_t>& totals) {
    std::vector<Vertex> order;
    for (const auto& [v, total] : totals) {
      if (total > 0) order.push_back(v);
    }
    std::sort(order.begin(), order.end(), [&](Vertex a, Vertex b) {
      const auto ta = totals.at(a);
      const auto tb = totals.at(b);
      if (ta != tb) return ta > tb;
      const auto& la = display_label(g[a], language);
      const auto& lb = display_label(g[b], language);
      if (la != lb) return la < lb;
      return g[a].id < g[b].id;
    });
    return order;
  };
  m.rows = ranked(row_total);
  m.columns = ranked(column_total);
  m.all_rows = m.rows.size();
  m.all_columns = m.columns.size();
  if (options.max_rows > 0 && m.rows.size() > options.max_rows) m.rows.resize(options.max_rows);
  if (options.max_columns > 0 && m.columns.size() > options.max_columns) {
    m.columns.resize(options.max_columns);
  }
  for (auto v : m.rows) m.row_totals.push_back(row_total[v]);
  for (auto v : m.columns) m.column_totals.push_back(column_total[v]);
  m.cells.assign(m.rows.size(), std::vector<std::uint64_t>(m.columns.size(), 0));
  std::unordered_map<Vertex, std::size_t> column_index;
  for (std::size_t c = 0; c < m.columns.size(); ++c) column_index[m.columns[c]] = c;
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    for (auto it = cells.lower_bound({m.rows[r], 0});
         it != cells.end() && it->first.first == m.rows[r]; ++it) {
      auto c = column_index.find(it->first.second);
      if (c != column_index.end()) m.cells[r][c->second] = value(it->second);
    }
  }
  return m;
}

void render_matrix(const KnowledgeGraph& graph, const Matrix& m, const MatrixOptions& options,
                   const RenderOptions& render, std::ostream& out) {
  const auto& g = graph.graph();
  const auto& lang = render.language;
  if (render.format == OutputFormat::kJson) {
    json::Writer w(out);
    w->StartObject();
    auto types = [&](const char* name, const std::vector<NodeType>& list) {
      json::key(*w, name);
      w->StartArray();
      for (auto t : list) json::string(*w, to_string(t));
      w->EndArray();
    };
    types("rowTypes", options.row_types);
    types("columnTypes", options.column_types);
    json::member(*w, "predicates", options.predicates.describe());
    json::member(*w, "direction", to_string(options.direction));
    json::member(*w, "measure", to_string(options.measure));
    json::key(*w, "total");
    w->Uint64(m.total);
    json::key(*w, "columns");
    w->StartArray();
    for (std::size_t c = 0; c < m.columns.size(); ++c) {
      w->StartObject();
      json::member(*w, "id", g[m.columns[c]].id);
      json::member(*w, "label", display_label(g[m.columns[c]], lang));
      json::key(*w, "total");
      w->Uint64(m.column_totals[c]);
      w->EndObject();
    }
    w->EndArray();
    json::key(*w, "rows");
    w->StartArray();
    for (std::size_t r = 0; r < m.rows.size(); ++r) {
      w->StartObject();
      json::member(*w, "id", g[m.rows[r]].id);
      json::member(*w, "label", display_label(g[m.rows[r]], lang));
      json::key(*w, "total");
      w->Uint64(m.row_totals[r]);
      // Counts in the order of "columns"; zeros kept so rows stay aligned.
      json::key(*w, "counts");
      w->StartArray();
      for (auto n : m.cells[r]) w->Uint64(n);
      w->EndArray();
      w->EndObject();
    }
    w->EndArray();
    json::key(*w, "omittedRows");
    w->Uint64(m.all_rows - m.rows.size());
    json::key(*w, "omittedColumns");
    w->Uint64(m.all_columns - m.columns.size());
    w->EndObject();
    w.finish();
    return;
  }

  if (render.format == OutputFormat::kCsv) {
    // One record per row node: its id, label and total, then the columns'
    // counts under their ids. No totals record: every record is data.
    std::vector<TableColumn> columns = {{"id"}, {"label"}, {"total"}};
    for (auto c : m.columns) columns.push_back({g[c].id});
    Table table(std::move(columns));
    for (std::size_t r = 0; r < m.rows.size(); ++r) {
      std::vector<std::string> row = {g[m.rows[r]].id, display_label(g[m.rows[r]], lang),
                                      std::to_string(m.row_totals[r])};
      for (auto n : m.cells[r]) row.push_back(std::to_string(n));
      table.add_row(std::move(row));
    }
    print_csv(table, out);
    return;
  }

  // Text and Markdown: labels as headers, the total right after the row
  // label (it is what rows are sorted by, and it survives when columns are
  // dropped to fit the terminal), zeros shown as "·" so the pattern shows.
  const bool text = render.format == OutputFormat::kText;
  // Row labels give way down to 28 cells, enough to tell bodies apart; past
  // that, columns are dropped instead.
  std::vector<TableColumn> columns = {{type_list(options.row_types), Align::kLeft, 28, 48},
                                      {"total", Align::kRight}};
  for (auto c : m.columns) {
    TableColumn column{display_label(g[c], lang), Align::kRight, 0, 12, true, true};
    columns.push_back(std::move(column));
  }
  Table table(std::move(columns));
  auto count = [&](std::uint64_t n) {
    return n == 0 && text ? std::string("\u00b7") : std::to_string(n);
  };
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    std::vector<std::string> row = {display_label(g[m.rows[r]], lang),
                                    std::to_string(m.row_totals[r])};
    for (auto n : m.cells[r]) row.push_back(count(n));
    table.add_row(std::move(row));
  }
  {
    std::vector<std::string> row = {text ? "total" : "**total**", std::to_string(m.total)};
    for (auto n : m.column_totals) row.push_back(std::to_string(n));
    if (!m.rows.empty()) table.add_row(std::move(row));
  }
  if (!text) {
    print_markdown(table, out);
    return;
  }
  out << type_list(options.row_types) << " \u00d7 " << type_list(options.column_types) << " by "
      << options.predicates.describe() << ": " << to_string(options.measure) << " (" << m.all_rows
      << (m.all_rows == 1 ? " row, " : " rows, ") << m.all_columns
      << (m.all_columns == 1 ? " column" : " columns") << ")\n";
  if (m.rows.empty()) return;
  out << '\n';
  const auto layout = print_text(table, out, render.width);
  const std::size_t hidden_rows = m.all_rows - m.rows.size();
  const std::size_t hidden_columns = m.all_columns - m.columns.size() + layout.dropped_columns;
  if (hidden_rows > 0 || hidden_columns > 0) {
    // Hidden rows and columns are always those with the smallest totals.
    out << "\u2026 not shown:";
    if (hidden_rows > 0) out << ' ' << hidden_rows << (hidden_rows == 1 ? " row" : " rows");
    if (hidden_rows > 0 && hidden_columns > 0) out << ',';
    if (hidden_columns > 0) {
      out << ' ' << hidden_columns << (hidden_columns == 1 ? " column" : " columns");
    }
    out << " (--width 0 or --format csv shows all)\n";
  }
}

}  // namespace crimekg::query
