// Subgraph selection in four steps, each on the result of the one before:
//
//  1. node types (and Document nodes unless include_documents);
//  2. edges by predicate, minimum weight and `mentions` (dropped with the
//     Documents); when an edge criterion is given, nodes left without any edge
//     go too, since "--predicates addresses" asks for the addresses subgraph,
//     not for every node with its other edges hidden;
//  3. the ego network: nodes within `depth` edges of `focus`, edges followed
//     either way (breadth-first search on an undirected copy);
//  4. the `top` nodes by degree in what is left, ties broken by id so the
//     selection is the same on every run.
//
// The focus node is kept whatever its type and counts towards `top`: the user
// asked for it by name.
#include "graph/filter.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/visitors.hpp>
#include <limits>

namespace crimekg {
namespace {

using Graph = KnowledgeGraph::Graph;
using Vertex = KnowledgeGraph::Vertex;
using Edge = KnowledgeGraph::Edge;

// What survives so far, read by the filtered_graph predicates below. Vertex
// descriptors of a vecS adjacency_list are indices, so a vector is the map.
struct Selection {
  const Graph* graph = nullptr;
  const GraphFilter* filter = nullptr;
  std::vector<char> keep_vertex;

  bool edge_passes(const Edge& e) const {
    const Graph& g = *graph;
    if (!keep_vertex[boost::source(e, g)] || !keep_vertex[boost::target(e, g)]) return false;
    const EdgeData& d = g[e];
    if (d.weight < filter->min_weight) return false;
    if (!filter->include_documents && d.predicate == predicate::kMentions) return false;
    if (!filter->predicates.empty() &&
        std::find(filter->predicates.begin(), filter->predicates.end(), d.predicate) ==
            filter->predicates.end()) {
      return false;
    }
    return true;
  }
};

struct KeepVertex {
  const Selection* selection = nullptr;
  bool operator()(Vertex v) const { return selection->keep_vertex[v] != 0; }
};

struct KeepEdge {
  const Selection* selection = nullptr;
  bool operator()(const Edge& e) const { return selection->edge_passes(e); }
};

using View = boost::filtered_graph<Graph, KeepEdge, KeepVertex>;

bool type_passes(const GraphFilter& filter, NodeType type) {
  if (type == NodeType::kDocument && !filter.include_documents) return false;
  return filter.types.empty() ||
         std::find(filter.types.begin(), filter.types.end(), type) != filter.types.end();
}

// Degree in the current view: edges either way, as a reader of the diagram
// counts the lines touching a node.
std::size_t view_degree(const View& view, Vertex v) {
  return boost::out_degree(v, view) + boost::in_degree(v, view);
}

// Step 3: breadth-first search from `focus` over the view's edges taken as
// undirected. Boost has no undirected adaptor for a bidirectional graph, so
// the view is copied into an undirected adjacency_list with compact indices.
void keep_ego_network(const View& view, Selection& selection, Vertex focus, int depth) {
  const Graph& g = *selection.graph;
  const std::size_t n = boost::num_vertices(g);
  constexpr std::size_t kAbsent = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> compact(n, kAbsent);
  std::vector<Vertex> original;
  for (auto [it, end] = boost::vertices(view); it != end; ++it) {
    compact[*it] = original.size();
    original.push_back(*it);
  }
  using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  Undirected undirected(original.size());
  for (auto [it, end] = boost::edges(view); it != end; ++it) {
    boost::add_edge(compact[boost::source(*it, g)], compact[boost::target(*it, g)], undirected);
  }
  const std::size_t unreached = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> distance(original.size(), unreached);
  distance[compact[focus]] = 0;
  boost::breadth_first_search(undirected, boost::vertex(compact[focus], undirected),
                              boost::visitor(boost::make_bfs_visitor(boost::record_distances(
                                  distance.data(), boost::on_tree_edge()))));
  std::fill(selection.keep_vertex.begin(), selection.keep_vertex.end(), 0);
  for (std::size_t i = 0; i < original.size(); ++i) {
    if (distance[i] != unreached && distance[i] <= static_cast<std::size_t>(depth)) {
      selection.keep_vertex[original[i]] = 1;
    }
  }
}

// Step 4: the `top` nodes of highest degree; equal degrees in id order.
void keep_top_by_degree(const View& view, Selection& selection, std::size_t top,
                        std::optional<Vertex> focus) {
  const Graph& g = *selection.graph;
  std::vector<std::pair<std::size_t, Vertex>> ranked;
  for (auto [it, end] = boost::vertices(view); it != end; ++it) {
    if (focus && *it == *focus) continue;
    ranked.emplace_back(view_degree(view, *it), *it);
  }
  std::sort(ranked.begin(), ranked.end(), [&g](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    return g[a.second].id < g[b.second].id;
  });
  std::size_t room = top;
  std::fill(selection.keep_vertex.begin(), selection.keep_vertex.end(), 0);
  if (focus) {
    selection.keep_vertex[*focus] = 1;
    --room;
  }
  for (std::size_t i = 0; i < ranked.size() && i < room; ++i) {
    selection.keep_vertex[ranked[i].second] = 1;
  }
}

}  // namespace

bool GraphFilter::is_identity() const {
  return types.empty() && predicates.empty() && min_weight == 0 && focus.empty() && top == 0 &&
         include_documents;
}

KnowledgeGraph apply_filter(const KnowledgeGraph& graph, const GraphFilter& filter,
                            Status& status) {
  const Graph& g = graph.graph();
  std::optional<Vertex> focus;
  if (!filter.focus.empty()) {
    focus = graph.find(filter.focus);
    if (!focus) {
      status.add("--focus", 0, filter.focus, "no node with this id in the graph");
      return KnowledgeGraph();
    }
  }

  Selection selection;
  selection.graph = &g;
  selection.filter = &filter;
  selection.keep_vertex.assign(boost::num_vertices(g), 0);
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    selection.keep_vertex[*it] = type_passes(filter, g[*it].type) ? 1 : 0;
  }
  if (focus) selection.keep_vertex[*focus] = 1;

  // The predicates hold a pointer to `selection`, so narrowing keep_vertex
  // narrows the view: one view serves every step.
  const View view(g, KeepEdge{&selection}, KeepVertex{&selection});

  if (!filter.predicates.empty() || filter.min_weight > 0) {
    std::vector<char> touched(selection.keep_vertex.size(), 0);
    for (auto [it, end] = boost::edges(view); it != end; ++it) {
      touched[boost::source(*it, g)] = 1;
      touched[boost::target(*it, g)] = 1;
    }
    if (focus) touched[*focus] = 1;
    for (std::size_t v = 0; v < touched.size(); ++v) {
      if (!touched[v]) selection.keep_vertex[v] = 0;
    }
  }

  if (focus) keep_ego_network(view, selection, *focus, std::max(filter.depth, 0));
  if (filter.top > 0) keep_top_by_degree(view, selection, filter.top, focus);

  KnowledgeGraph out;
  for (Vertex v : graph.sorted_vertices()) {
    if (selection.keep_vertex[v]) out.upsert_node(g[v]);
  }
  for (const Edge& e : graph.sorted_edges()) {
    if (!selection.edge_passes(e)) continue;
    const EdgeData& d = g[e];
    out.upsert_edge(EdgeRecord{g[boost::source(e, g)].id, g[boost::target(e, g)].id, d.predicate,
                               d.weight, d.evidence});
  }
  return out;
}

}  // namespace crimekg
