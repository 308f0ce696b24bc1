#include "query/paths.h"

#include <algorithm>
#include <limits>

#include "query/json_writer.h"
#include "query/table_printer.h"

namespace crimekg::query {
namespace {

using Vertex = KnowledgeGraph::Vertex;
using Edge = KnowledgeGraph::Edge;

// Breadth-first search from `from` until `to` is reached, walking the
// stored graph itself: a Boost search would need a view of the selected
// predicates built first (a scan and sort of every edge, most of the time
// on a million-edge graph), and an undirected walk over a bidirectional
// graph must follow in-edges too, which Boost's search does not. Each
// vertex's neighbours are visited in ascending order, as in the views, so
// the path found is the same whichever way it is computed.
std::vector<std::size_t> bfs_parents(const KnowledgeGraph& graph, std::size_t from, std::size_t to,
                                     const PathOptions& options) {
  constexpr auto kNone = std::numeric_limits<std::size_t>::max();
  const auto& g = graph.graph();
  std::vector<std::size_t> parent(boost::num_vertices(g), kNone);
  parent[from] = from;
  std::vector<std::size_t> queue = {from}, next;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const std::size_t u = queue[head];
    next.clear();
    for (auto [it, end] = boost::out_edges(u, g); it != end; ++it) {
      if (options.predicates.contains(g[*it].predicate)) next.push_back(boost::target(*it, g));
    }
    if (!options.directed) {
      for (auto [it, end] = boost::in_edges(u, g); it != end; ++it) {
        if (options.predicates.contains(g[*it].predicate)) next.push_back(boost::source(*it, g));
      }
    }
    std::sort(next.begin(), next.end());
    next.erase(std::unique(next.begin(), next.end()), next.end());
    for (auto w : next) {
      if (parent[w] != kNone) continue;
      parent[w] = u;
      if (w == to) return parent;
      queue.push_back(w);
    }
  }
  return parent;
}

// The selected edges joining u and v, either way, in a stable order.
std::vector<Edge> edges_between(const KnowledgeGraph& graph, Vertex u, Vertex v,
                                const PathOptions& options) {
  const auto& g = graph.graph();
  std::vector<Edge> out;
  for (auto [it, end] = boost::out_edges(u, g); it != end; ++it) {
    if (boost::target(*it, g) == v && options.predicates.contains(g[*it].predicate)) {
      out.push_back(*it);
    }
  }
  if (!options.directed) {
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
      if (boost::target(*it, g) == u && options.predicates.contains(g[*it].predicate)) {
        out.push_back(*it);
      }
    }
  }
  std::sort(out.begin(), out.end(), [&](Edge a, Edge b) {
    if (g[a].predicate != g[b].predicate) return predicate_before(g[a].predicate, g[b].predicate);
    return boost::source(a, g) == u && boost::source(b, g) != u;
  });
  // A symmetric predicate stored both ways is one relation: keep the copy
  // pointing along the walk (sorted first).
  out.erase(std::unique(out.begin(), out.end(),
                        [&](Edge a, Edge b) {
                          return g[a].predicate == g[b].predicate &&
                                 is_symmetric_predicate(g[a].predicate);
                        }),
            out.end());
  return out;
}

// "addresses →" for an edge walked forwards, "← partOf" backwards.
std::string arrow(const KnowledgeGraph& graph, const PathHop& hop, Edge e) {
  const auto& g = graph.graph();
  const auto& predicate = g[e].predicate;
  if (is_symmetric_predicate(predicate)) return "\u2194 " + predicate + " \u2194";
  return boost::source(e, g) == hop.from ? "\u2500 " + predicate + " \u2192"
                                         : "\u2190 " + predicate + " \u2500";
}

}  // namespace

PathResult shortest_path(const KnowledgeGraph& graph, Vertex from, Vertex to,
                         const PathOptions& options) {
  PathResult result;
  if (from == to) {
    result.found = true;
    result.nodes.push_back(from);
    return result;
  }
  const auto parent = bfs_parents(graph, from, to, options);
  if (parent[to] == std::numeric_limits<std::size_t>::max()) return result;
  result.found = true;
  for (std::size_t v = to; v != from; v = parent[v]) result.nodes.push_back(v);
  result.nodes.push_back(from);
  std::reverse(result.nodes.begin(), result.nodes.end());
  for (std::size_t i = 0; i + 1 < result.nodes.size(); ++i) {
    PathHop hop{result.nodes[i], result.nodes[i + 1], {}};
    hop.edges = edges_between(graph, hop.from, hop.to, options);
    result.hops.push_back(std::move(hop));
  }
  return result;
}

void render_path(const KnowledgeGraph& graph, const PathResult& path, const PathOptions& options,
                 const RenderOptions& render, std::ostream& out) {
  const auto& g = graph.graph();
  const auto& lang = render.language;
  if (render.format == OutputFormat::kJson) {
    json::Writer w(out);
    w->StartObject();
    json::key(*w, "found");
    w->Bool(path.found);
    json::key(*w, "directed");
    w->Bool(options.directed);
    json::member(*w, "predicates", options.predicates.describe());
    json::key(*w, "length");
    if (path.found) {
      w->Uint64(path.hops.size());
    } else {
      w->Null();
    }
    json::key(*w, "nodes");
    w->StartArray();
    for (auto v : path.nodes) json::node_ref(*w, g[v], lang);
    w->EndArray();
    json::key(*w, "hops");
    w->StartArray();
    for (const auto& hop : path.hops) {
      w->StartObject();
      json::member(*w, "from", g[hop.from].id);
      json::member(*w, "to", g[hop.to].id);
      json::key(*w, "edges");
      w->StartArray();
      for (auto e : hop.edges) {
        w->StartObject();
        json::member(*w, "source", g[boost::source(e, g)].id);
        json::member(*w, "predicate", g[e].predicate);
        json::member(*w, "target", g[boost::target(e, g)].id);
        json::key(*w, "forward");
        w->Bool(boost::source(e, g) == hop.from);
        json::key(*w, "weight");
        w->Uint64(g[e].weight);
        json::key(*w, "documents");
        w->Uint64(document_count(graph, e));
        w->EndObject();
      }
      w->EndArray();
      w->EndObject();
    }
    w->EndArray();
    w->EndObject();
    w.finish();
    return;
  }

  if (render.format == OutputFormat::kCsv) {
    // Machine-readable: each edge as stored, source to target, whichever
    // way the path walked it.
    Table table({{"hop"}, {"source"}, {"predicate"}, {"target"}, {"weight"}, {"documents"}});
    for (std::size_t i = 0; i < path.hops.size(); ++i) {
      for (auto e : path.hops[i].edges) {
        table.add_row({std::to_string(i + 1), g[boost::source(e, g)].id, g[e].predicate,
                       g[boost::target(e, g)].id, std::to_string(g[e].weight),
                       std::to_string(document_count(graph, e))});
      }
    }
    print_csv(table, out);
    return;
  }

  // For people: one row per edge of each hop, in walking order, the arrow
  // showing which way the edge points.
  Table table({{"hop", Align::kRight},
               {"from", Align::kLeft, 16, 48},
               {"predicate", Align::kLeft},
               {"to", Align::kLeft, 16, 48},
               {"weight", Align::kRight},
               {"documents", Align::kRight}});
  auto name = [&](Vertex v) { return display_label(g[v], lang) + " [" + g[v].id + "]"; };
  for (std::size_t i = 0; i < path.hops.size(); ++i) {
    const auto& hop = path.hops[i];
    for (auto e : hop.edges) {
      table.add_row({std::to_string(i + 1), name(hop.from), arrow(graph, hop, e), name(hop.to),
                     std::to_string(g[e].weight), std::to_string(document_count(graph, e))});
    }
  }
  if (render.format == OutputFormat::kMarkdown) {
    print_markdown(table, out);
    return;
  }
  if (!path.found) return;  // the caller says there is no path
  if (path.hops.empty()) {
    out << fence_rtl(display_label(g[path.nodes.front()], lang)) << " [" << g[path.nodes.front()].id
        << "] is the node itself: 0 hops\n";
    return;
  }
  out << path.hops.size() << (path.hops.size() == 1 ? " hop" : " hops") << " over "
      << options.predicates.describe() << (options.directed ? ", following edge direction" : "")
      << ":\n\n";
  // Vertically, node by node with the edges of each hop between them: it
  // fits any terminal, and a right-to-left label sits alone on its line.
  auto node_line = [&](Vertex v) {
    out << "  " << fence_rtl(display_label(g[v], lang)) << "  [" << g[v].id << "]\n";
  };
  node_line(path.nodes.front());
  for (const auto& hop : path.hops) {
    for (auto e : hop.edges) {
      const auto documents = document_count(graph, e);
      out << "      " << arrow(graph, hop, e) << "  (weight " << g[e].weight << ", " << documents
          << (documents == 1 ? " document)" : " documents)") << '\n';
    }
    node_line(hop.to);
  }
}

}  // namespace crimekg::query
