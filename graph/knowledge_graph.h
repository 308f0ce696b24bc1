// One Boost adjacency_list over the whole corpus: one vertex per canonical id,
// one edge per (source, predicate, target) carrying all its evidence.
#ifndef CRIMEKG_GRAPH_KNOWLEDGE_GRAPH_H_
#define CRIMEKG_GRAPH_KNOWLEDGE_GRAPH_H_

#include <boost/graph/adjacency_list.hpp>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "graph/evidence_store.h"
#include "graph/fragment.h"
#include "graph/model.h"

namespace crimekg {

class KnowledgeGraph {
 public:
  using Graph =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeData, EdgeData>;
  using Vertex = Graph::vertex_descriptor;
  using Edge = Graph::edge_descriptor;

  KnowledgeGraph() = default;
  // edge_index_ holds edge descriptors, which point into graph_'s storage.
  // Boost's adjacency_list can only be copied (it has no move constructor and
  // its swap copies), so the implicit copy and move would leave them pointing
  // into the source graph. Copying and moving both copy the graph and rebuild
  // the index.
  KnowledgeGraph(const KnowledgeGraph& other);
  KnowledgeGraph(KnowledgeGraph&& other)
      : KnowledgeGraph(static_cast<const KnowledgeGraph&>(other)) {}
  KnowledgeGraph& operator=(const KnowledgeGraph& other);
  KnowledgeGraph& operator=(KnowledgeGraph&& other) {
    return *this = static_cast<const KnowledgeGraph&>(other);
  }
  ~KnowledgeGraph() = default;

  // Adds the node or merges it into the one with the same id: labels fill
  // missing languages, aliases and sameAs are unioned, mentions add up,
  // properties fill missing keys.
  Vertex upsert_node(const NodeData& node);
  // The same, moving the node's strings into the graph when it is new.
  Vertex upsert_node(NodeData&& node);

  // Adds the edge or merges it into the one with the same (source, predicate,
  // target): weights add up and evidence items are appended (an identical item
  // is kept once). Both endpoints must exist; returns nullopt otherwise.
  std::optional<Edge> upsert_edge(const EdgeRecord& edge);
  // The same, moving the evidence into the graph when the edge is new (or
  // appended to an existing one). Returning nullopt, it leaves `edge` whole.
  std::optional<Edge> upsert_edge(EdgeRecord&& edge);

  // Merges one document's fragment: nodes first, then edges, in their order.
  void merge(const GraphFragment& fragment);

  // Adds an edge known to be new between existing vertices without looking
  // it up: for readers of saved graphs, whose (source, predicate, target)
  // triples are distinct by construction. The triple index is built when it
  // is next needed (an upsert or find_edge), not per edge.
  Edge add_new_edge(Vertex source, Vertex target, EdgeData&& data);

  // Bulk loading, for readers of saved graphs (distinct ids, new edges):
  // add_vertices gives an empty graph `count` vertices with empty nodes;
  // edges can then be added with add_new_edge while the nodes are decoded
  // elsewhere, and set_nodes fills them in, vertex i taking nodes[i].
  // reserve_degree makes room for a vertex's out- and in-edges, so adding
  // them regrows (and moves) nothing.
  void add_vertices(std::size_t count);
  void reserve_degree(Vertex v, std::size_t out, std::size_t in);
  void set_nodes(std::vector<NodeData>&& nodes);

  // Leaves the evidence of edges that hold none in `store`, keyed by vertex
  // index: a graph read from a snapshot for querying. The graph must then
  // not change (its vertex indices are the store's keys).
  void attach_evidence_store(std::shared_ptr<const EvidenceStore> store);
  bool has_evidence_store() const { return evidence_store_ != nullptr; }

  // An edge's evidence: its own, or, with an evidence store attached, read
  // from the store on first use and kept. Safe to call from several threads.
  // Throws EvidenceReadError if the store cannot read it.
  const std::vector<Evidence>& evidence(Edge e) const;
  // The distinct documents of an edge's evidence, sorted; from a store
  // without reading its sentences. Views live as long as the graph.
  std::vector<std::string_view> evidence_documents(Edge e) const;
  // A copy whose edges hold all their evidence and no store: what writers
  // that read EdgeData::evidence directly are given. Throws
  // EvidenceReadError.
  KnowledgeGraph with_evidence_loaded() const;

  std::optional<Vertex> find(std::string_view id) const;
  std::optional<Edge> find_edge(std::string_view source, std::string_view predicate,
                                std::string_view target) const;

  const Graph& graph() const { return graph_; }
  Graph& mutable_graph() { return graph_; }
  std::size_t node_count() const { return boost::num_vertices(graph_); }
  std::size_t edge_count() const { return boost::num_edges(graph_); }

  const NodeData& node(Vertex v) const { return graph_[v]; }
  const EdgeData& edge(Edge e) const { return graph_[e]; }
  const NodeData& source_node(Edge e) const { return graph_[boost::source(e, graph_)]; }
  const NodeData& target_node(Edge e) const { return graph_[boost::target(e, graph_)]; }

  // Vertices in ascending id order and edges in ascending (source, predicate,
  // target) order: the order every export writes, so output is byte-stable
  // whatever the insertion history.
  std::vector<Vertex> sorted_vertices() const;
  std::vector<Edge> sorted_edges() const;

 private:
  // Touches only the mutable index members.
  void rebuild_edge_index() const;
  // Builds the triple index if add_new_edge left it behind.
  void ensure_edge_index() const;
  template <typename Record>
  std::optional<Edge> upsert_edge_from(Record&& record);

  // Lookups by string_view without building a std::string.
  struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
  };
  using EdgeKey = std::tuple<Vertex, std::string, Vertex>;
  struct EdgeKeyHash {
    std::size_t operator()(const EdgeKey& key) const;
  };

  Graph graph_;
  std::unordered_map<std::string, Vertex, IdHash, std::equal_to<>> index_;
  // Hashed, not ordered: a large corpus graph has a million edges, and
  // exports order edges by ids themselves (sorted_edges).
  // Built lazily after add_new_edge (readers of saved graphs rarely need
  // it), under edge_index_mutex_ so const lookups may run in parallel.
  mutable std::unordered_map<EdgeKey, Edge, EdgeKeyHash> edge_index_;
  mutable bool edge_index_stale_ = false;
  mutable std::mutex edge_index_mutex_;

  std::shared_ptr<const EvidenceStore> evidence_store_;
  // Evidence read from the store, by edge: node-based, so references handed
  // out stay valid as more is read.
  mutable std::unordered_map<const EdgeData*, std::vector<Evidence>> loaded_evidence_;
  mutable std::mutex evidence_mutex_;
};

}  // namespace crimekg

#endif  // CRIMEKG_GRAPH_KNOWLEDGE_GRAPH_H_
