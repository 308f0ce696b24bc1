#include "query/graph_stats.h"

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>
#include <cstdio>
#include <map>
#include <numeric>
#include <random>

#include "query/graph_views.h"
#include "query/json_writer.h"
#include "query/table_printer.h"

namespace crimekg::query {
namespace {

using Vertex = KnowledgeGraph::Vertex;

// Brandes' dependency accumulation from a sample of sources, over the same
// simple undirected graph Boost's exact version uses. Returns, per vertex,
// the sum over the sampled sources of its pair dependencies. The graph is
// first flattened into compressed rows (one offsets array, one neighbours
// array): each source is a full breadth-first search, and on 100k nodes the
// flat arrays make the sample several times larger for the same time.
std::vector<double> sampled_dependencies(const UndirectedGraph& g,
                                         const std::vector<std::size_t>& sources) {
  const std::size_t n = boost::num_vertices(g);
  std::vector<std::uint32_t> offsets(n + 1, 0), neighbours;
  neighbours.reserve(2 * boost::num_edges(g));
  for (std::size_t v = 0; v < n; ++v) {
    for (auto [it, end] = boost::adjacent_vertices(v, g); it != end; ++it) {
      neighbours.push_back(static_cast<std::uint32_t>(*it));
    }
    offsets[v + 1] = static_cast<std::uint32_t>(neighbours.size());
  }
  std::vector<double> centrality(n, 0.0), sigma(n, 0.0), delta(n, 0.0);
  std::vector<std::int32_t> dist(n, -1);
  std::vector<std::uint32_t> order;  // vertices in BFS order: the stack of the algorithm
  order.reserve(n);
  for (auto s : sources) {
    order.clear();
    sigma[s] = 1;
    dist[s] = 0;
    order.push_back(static_cast<std::uint32_t>(s));
    for (std::size_t head = 0; head < order.size(); ++head) {
      const auto v = order[head];
      const auto next = dist[v] + 1;
      for (auto i = offsets[v]; i < offsets[v + 1]; ++i) {
        const auto w = neighbours[i];
        if (dist[w] < 0) {
          dist[w] = next;
          order.push_back(w);
        }
        if (dist[w] == next) sigma[w] += sigma[v];
      }
    }
    // Predecessors are the neighbours one step closer: no lists to keep.
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      const auto w = *it;
      const double share = (1.0 + delta[w]) / sigma[w];
      const auto previous = dist[w] - 1;
      for (auto i = offsets[w]; i < offsets[w + 1]; ++i) {
        const auto v = neighbours[i];
        if (dist[v] == previous) delta[v] += sigma[v] * share;
      }
      if (w != s) centrality[w] += delta[w];
    }
    // Reset only what this source reached.
    for (auto v : order) {
      sigma[v] = 0;
      delta[v] = 0;
      dist[v] = -1;
    }
  }
  return centrality;
}

// Sources for the estimate: a partial Fisher-Yates shuffle driven by a
// fixed-seed mt19937_64 (whose output the standard fixes), so the sample
// and the answer are the same on every run and platform.
std::vector<std::size_t> sample_sources(std::size_t n, std::size_t k, std::uint64_t seed) {
  std::vector<std::size_t> all(n);
  std::iota(all.begin(), all.end(), 0);
  std::mt19937_64 random(seed);
  k = std::min(k, n);
  for (std::size_t i = 0; i < k; ++i) {
    const std::size_t j = i + static_cast<std::size_t>(random() % (n - i));
    std::swap(all[i], all[j]);
  }
  all.resize(k);
  std::sort(all.begin(), all.end());
  return all;
}

std::string format_score(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", value);
  return buffer;
}

}  // namespace

std::optional<BetweennessMode> betweenness_mode_from_name(std::string_view name) {
  if (name == "auto") return BetweennessMode::kAuto;
  if (name == "exact") return BetweennessMode::kExact;
  if (name == "sample" || name == "sampled") return BetweennessMode::kSampled;
  if (name == "none" || name == "off") return BetweennessMode::kNone;
  return std::nullopt;
}

std::string_view to_string(BetweennessMode mode) {
  switch (mode) {
    case BetweennessMode::kAuto:
      return "auto";
    case BetweennessMode::kExact:
      return "exact";
    case BetweennessMode::kSampled:
      return "sampled";
    case BetweennessMode::kNone:
      return "none";
  }
  return "";
}

GraphStats graph_stats(const KnowledgeGraph& graph, const StatsOptions& options) {
  const auto& g = graph.graph();
  GraphStats stats;
  stats.nodes = graph.node_count();
  stats.edges = graph.edge_count();

  std::vector<std::size_t> type_counts(kNodeTypeCount, 0);
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    ++type_counts[static_cast<int>(g[*it].type)];
  }
  for (int t = 0; t < kNodeTypeCount; ++t) {
    if (type_counts[t] > 0) stats.by_type.push_back({static_cast<NodeType>(t), type_counts[t]});
  }
  // One pass over the edges for every count and for the structure's node
  // pairs: on a million-edge graph reading an edge is a cache miss, and the
  // pass is most of the time `stats` takes without betweenness. Edges come
  // grouped by source and sorted by predicate, so the predicate of the
  // previous edge usually answers for the next one without a lookup.
  std::map<std::string, PredicateCount, std::less<>> predicates;
  std::vector<std::size_t> structure_edges(stats.nodes, 0);
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  const std::string* last_predicate = nullptr;
  PredicateCount* last_count = nullptr;
  bool last_in_structure = false;
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const EdgeData& edge = g[*it];
    if (last_predicate == nullptr || edge.predicate != *last_predicate) {
      auto found = predicates.find(edge.predicate);
      if (found == predicates.end()) {
        found = predicates.emplace(edge.predicate, PredicateCount{edge.predicate, 0, 0}).first;
      }
      last_count = &found->second;
      last_in_structure = options.structure.contains(edge.predicate);
    }
    last_predicate = &edge.predicate;
    ++last_count->edges;
    last_count->evidence += edge.weight;
    stats.evidence += edge.weight;
    if (last_in_structure) {
      const std::size_t s = boost::source(*it, g), t = boost::target(*it, g);
      ++structure_edges[s];
      ++structure_edges[t];
      pairs.emplace_back(s, t);
    }
  }
  for (auto& [name, count] : predicates) stats.by_predicate.push_back(std::move(count));
  std::sort(stats.by_predicate.begin(), stats.by_predicate.end(),
            [](const PredicateCount& a, const PredicateCount& b) {
              return predicate_before(a.predicate, b.predicate);
            });

  const UndirectedGraph view = undirected_graph(stats.nodes, std::move(pairs));
  stats.structure_edges = boost::num_edges(view);
  const std::size_t n = stats.nodes;
  std::vector<std::size_t> neighbours(n);
  for (std::size_t v = 0; v < n; ++v) neighbours[v] = boost::out_degree(v, view);
  // Most connected first; ties by edges, then id, so the order is stable.
  auto by_degree = [&](std::size_t a, std::size_t b) {
    if (neighbours[a] != neighbours[b]) return neighbours[a] > neighbours[b];
    if (structure_edges[a] != structure_edges[b]) return structure_edges[a] > structure_edges[b];
    return g[a].id < g[b].id;
  };
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  const std::size_t top = std::min(options.top, n);
  std::partial_sort(order.begin(), order.begin() + top, order.end(), by_degree);
  for (std::size_t i = 0; i < top && neighbours[order[i]] > 0; ++i) {
    stats.top_degree.push_back({order[i], neighbours[order[i]], structure_edges[order[i]], 0});
  }

  // Betweenness.
  const std::uint64_t per_source = n + 2 * stats.structure_edges;
  BetweennessMode mode = options.betweenness;
  if (mode == BetweennessMode::kAuto) {
    mode = static_cast<double>(n) * per_source <= static_cast<double>(options.work_budget)
               ? BetweennessMode::kExact
               : BetweennessMode::kSampled;
  }
  std::vector<double> centrality;
  if (n > 0 && mode == BetweennessMode::kExact) {
    centrality.assign(n, 0.0);
    boost::brandes_betweenness_centrality(
        view, boost::centrality_map(boost::make_iterator_property_map(
                  centrality.begin(), boost::get(boost::vertex_index, view))));
    // On an undirected graph Boost already counts each unordered pair once.
    stats.betweenness_sources = n;
  } else if (n > 0 && mode == BetweennessMode::kSampled) {
    std::size_t k = options.samples;
    if (k == 0)
      k = std::max<std::uint64_t>(32, options.work_budget / std::max<std::uint64_t>(per_source, 1));
    k = std::min(k, n);
    centrality = sampled_dependencies(view, sample_sources(n, k, options.seed));
    // Summed over all sources, each unordered pair is counted from both of
    // its ends: scale the sample up to n sources, then halve.
    const double scale = static_cast<double>(n) / static_cast<double>(k) / 2.0;
    for (auto& c : centrality) c *= scale;
    stats.betweenness_sources = k;
  } else {
    mode = BetweennessMode::kNone;
  }
  stats.betweenness_used = mode;
  if (!centrality.empty()) {
    const double norm =
        n > 2 ? 2.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2)) : 1.0;
    for (auto& c : centrality) c *= norm;
    std::iota(order.begin(), order.end(), 0);
    std::partial_sort(order.begin(), order.begin() + top, order.end(),
                      [&](std::size_t a, std::size_t b) {
                        if (centrality[a] != centrality[b]) return centrality[a] > centrality[b];
                        return by_degree(a, b);
                      });
    for (std::size_t i = 0; i < top && centrality[order[i]] > 0; ++i) {
      const auto v = order[i];
      stats.top_betweenness.push_back({v, neighbours[v], structure_edges[v], centrality[v]});
    }
  }

  // Components of the structure graph; lone nodes are counted apart, since
  // every node without a typed edge would otherwise be a "component".
  std::vector<std::size_t> component(n, 0);
  if (n > 0) {
    boost::connected_components(
        view, boost::make_iterator_property_map(component.begin(),
                                                boost::get(boost::vertex_index, view)));
  }
  std::map<std::size_t, ComponentInfo> components;
  for (std::size_t v = 0; v < n; ++v) {
    if (neighbours[v] == 0) {
      ++stats.isolated;
      continue;
    }
    auto& info = components[component[v]];
    if (info.size == 0 || by_degree(v, info.representative)) info.representative = v;
    ++info.size;
  }
  stats.components = components.size();
  for (auto& [id, info] : components) stats.largest_components.push_back(info);
  std::sort(stats.largest_components.begin(), stats.largest_components.end(),
            [&](const ComponentInfo& a, const ComponentInfo& b) {
              if (a.size != b.size) return a.size > b.size;
              return g[a.representative].id < g[b.representative].id;
            });
  if (stats.largest_components.size() > options.top) stats.largest_components.resize(options.top);
  return stats;
}

void render_stats(const KnowledgeGraph& graph, const GraphStats& stats, const StatsOptions& options,
                  const RenderOptions& render, std::ostream& out) {
  const auto& g = graph.graph();
  const auto& lang = render.language;
  const std::string structure = options.structure.describe();
  std::string betweenness_note;
  switch (stats.betweenness_used) {
    case BetweennessMode::kExact:
      betweenness_note = "exact";
      break;
    case BetweennessMode::kSampled:
      betweenness_note = "estimated from " + std::to_string(stats.betweenness_sources) + " of " +
                         std::to_string(stats.nodes) + " source nodes";
      break;
    default:
      betweenness_note = "not computed";
  }

  if (render.format == OutputFormat::kJson) {
    json::Writer w(out);
    w->StartObject();
    json::key(*w, "nodes");
    w->Uint64(stats.nodes);
    json::key(*w, "edges");
    w->Uint64(stats.edges);
    json::key(*w, "evidence");
    w->Uint64(stats.evidence);
    json::key(*w, "nodesByType");
    w->StartObject();
    for (const auto& t : stats.by_type) {
      json::key(*w, to_string(t.type));
      w->Uint64(t.nodes);
    }
    w->EndObject();
    json::key(*w, "edgesByPredicate");
    w->StartArray();
    for (const auto& p : stats.by_predicate) {
      w->StartObject();
      json::member(*w, "predicate", p.predicate);
      json::key(*w, "edges");
      w->Uint64(p.edges);
      json::key(*w, "evidence");
      w->Uint64(p.evidence);
      w->EndObject();
    }
    w->EndArray();
    json::key(*w, "structure");
    w->StartObject();
    json::member(*w, "predicates", structure);
    json::key(*w, "linkedPairs");
    w->Uint64(stats.structure_edges);
    json::key(*w, "components");
    w->Uint64(stats.components);
    json::key(*w, "isolatedNodes");
    w->Uint64(stats.isolated);
    json::key(*w, "largestComponents");
    w->StartArray();
    for (const auto& c : stats.largest_components) {
      w->StartObject();
      json::key(*w, "size");
      w->Uint64(c.size);
      json::key(*w, "representative");
      json::node_ref(*w, g[c.representative], lang);
      w->EndObject();
    }
    w->EndArray();
    w->EndObject();
    auto ranked = [&](const char* name, const std::vector<RankedNode>& nodes) {
      json::key(*w, name);
      w->StartArray();
      for (const auto& r : nodes) {
        w->StartObject();
        json::key(*w, "node");
        json::node_ref(*w, g[r.vertex], lang);
        json::key(*w, "neighbours");
        w->Uint64(r.neighbours);
        json::key(*w, "edges");
        w->Uint64(r.edges);
        json::key(*w, "betweenness");
        w->Double(r.betweenness);
        w->EndObject();
      }
      w->EndArray();
    };
    ranked("topByDegree", stats.top_degree);
    json::key(*w, "betweenness");
    w->StartObject();
    json::member(*w, "mode", to_string(stats.betweenness_used));
    json::key(*w, "sources");
    w->Uint64(stats.betweenness_sources);
    w->EndObject();
    ranked("topByBetweenness", stats.top_betweenness);
    w->EndObject();
    w.finish();
    return;
  }

  if (render.format == OutputFormat::kCsv) {
    // Tidy long format: one measurement per record, whatever the section.
    Table table({{"section"}, {"key"}, {"label"}, {"metric"}, {"value"}});
    auto add = [&](std::string section, std::string key, std::string label, std::string metric,
                   std::string value) {
      table.add_row({std::move(section), std::move(key), std::move(label), std::move(metric),
                     std::move(value)});
    };
    add("graph", "", "", "nodes", std::to_string(stats.nodes));
    add("graph", "", "", "edges", std::to_string(stats.edges));
    add("graph", "", "", "evidence", std::to_string(stats.evidence));
    for (const auto& t : stats.by_type) {
      add("type", std::string(to_string(t.type)), "", "nodes", std::to_string(t.nodes));
    }
    for (const auto& p : stats.by_predicate) {
      add("predicate", p.predicate, "", "edges", std::to_string(p.edges));
      add("predicate", p.predicate, "", "evidence", std::to_string(p.evidence));
    }
    add("structure", "", structure, "linked_pairs", std::to_string(stats.structure_edges));
    add("structure", "", structure, "components", std::to_string(stats.components));
    add("structure", "", structure, "isolated_nodes", std::to_string(stats.isolated));
    for (const auto& r : stats.top_degree) {
      add("degree", g[r.vertex].id, display_label(g[r.vertex], lang), "neighbours",
          std::to_string(r.neighbours));
      add("degree", g[r.vertex].id, display_label(g[r.vertex], lang), "edges",
          std::to_string(r.edges));
    }
    for (const auto& r : stats.top_betweenness) {
      char value[32];
      std::snprintf(value, sizeof value, "%.6g", r.betweenness);
      add("betweenness", g[r.vertex].id, display_label(g[r.vertex], lang),
          std::string(to_string(stats.betweenness_used)), value);
    }
    for (std::size_t i = 0; i < stats.largest_components.size(); ++i) {
      const auto& c = stats.largest_components[i];
      add("component", std::to_string(i + 1), display_label(g[c.representative], lang), "nodes",
          std::to_string(c.size));
    }
    print_csv(table, out);
    return;
  }

  const bool markdown = render.format == OutputFormat::kMarkdown;
  auto heading = [&](const std::string& text) {
    out << (markdown ? "\n#### " : "\n") << text << (markdown ? "\n\n" : "\n");
  };
  auto print = [&](const Table& table) {
    if (markdown) {
      print_markdown(table, out);
    } else {
      print_text(table, out, render.width, "  ");
    }
  };
  out << (markdown ? "### " : "") << stats.nodes << " nodes, " << stats.edges << " edges, "
      << stats.evidence << " pieces of evidence\n";

  Table types({{"type"}, {"nodes", Align::kRight}});
  for (const auto& t : stats.by_type)
    types.add_row({std::string(to_string(t.type)), std::to_string(t.nodes)});
  heading("Nodes by type");
  print(types);

  Table preds({{"predicate"}, {"edges", Align::kRight}, {"evidence", Align::kRight}});
  for (const auto& p : stats.by_predicate) {
    preds.add_row({p.predicate, std::to_string(p.edges), std::to_string(p.evidence)});
  }
  heading("Edges by predicate");
  print(preds);

  heading("Structure over " + structure);
  out << (markdown ? "" : "  ") << stats.structure_edges << " linked node pairs, "
      << stats.components
      << (stats.components == 1 ? " connected component" : " connected components") << ", "
      << stats.isolated << (stats.isolated == 1 ? " node" : " nodes") << " without such edges\n";

  auto ranked_table = [&](const std::vector<RankedNode>& nodes, bool with_betweenness) {
    std::vector<TableColumn> columns = {
        {"#", Align::kRight},        {"node", Align::kLeft, 16, 48}, {"type"},
        {"id", Align::kLeft, 12, 0}, {"neighbours", Align::kRight},  {"edges", Align::kRight}};
    if (with_betweenness) columns.push_back({"betweenness", Align::kRight});
    Table table(std::move(columns));
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      const auto& r = nodes[i];
      std::vector<std::string> row = {std::to_string(i + 1),
                                      display_label(g[r.vertex], lang),
                                      std::string(to_string(g[r.vertex].type)),
                                      g[r.vertex].id,
                                      std::to_string(r.neighbours),
                                      std::to_string(r.edges)};
      if (with_betweenness) row.push_back(format_score(r.betweenness));
      table.add_row(std::move(row));
    }
    return table;
  };
  heading("Top nodes by degree");
  if (stats.top_degree.empty()) {
    out << (markdown ? "(none)\n" : "  (none)\n");
  } else {
    print(ranked_table(stats.top_degree, false));
  }
  heading("Top nodes by betweenness centrality (" + betweenness_note + ")");
  if (stats.betweenness_used == BetweennessMode::kNone) {
    out << (markdown ? "" : "  ") << "(skipped: --betweenness none)\n";
  } else if (stats.top_betweenness.empty()) {
    out << (markdown ? "(none)\n" : "  (none)\n");
  } else {
    print(ranked_table(stats.top_betweenness, true));
  }
  heading("Largest connected components");
  if (stats.largest_components.empty()) {
    out << (markdown ? "(none)\n" : "  (none)\n");
  } else {
    Table comps({{"#", Align::kRight},
                 {"nodes", Align::kRight},
                 {"most connected node", Align::kLeft, 16, 0}});
    for (std::size_t i = 0; i < stats.largest_components.size(); ++i) {
      const auto& c = stats.largest_components[i];
      comps.add_row(
          {std::to_string(i + 1), std::to_string(c.size),
           display_label(g[c.representative], lang) + " [" + g[c.representative].id + "]"});
    }
    print(comps);
  }
}

}  // namespace crimekg::query
