#include "graph/knowledge_graph.h"

#include <algorithm>
#include <type_traits>

namespace crimekg {

// A copy keeps the evidence store (vertex indices are copied as they are)
// but reads evidence again rather than copying what was read.
KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& other)
    : graph_(other.graph_), index_(other.index_), evidence_store_(other.evidence_store_) {
  rebuild_edge_index();
}

KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& other) {
  if (this != &other) {
    graph_ = other.graph_;
    index_ = other.index_;
    evidence_store_ = other.evidence_store_;
    loaded_evidence_.clear();
    rebuild_edge_index();
  }
  return *this;
}

std::size_t KnowledgeGraph::EdgeKeyHash::operator()(const EdgeKey& key) const {
  std::size_t h = std::hash<std::string>{}(std::get<1>(key));
  h ^= std::get<0>(key) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h ^= std::get<2>(key) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h;
}

void KnowledgeGraph::rebuild_edge_index() const {
  edge_index_stale_ = false;
  edge_index_.clear();
  edge_index_.reserve(boost::num_edges(graph_));
  for (auto [it, end] = boost::edges(graph_); it != end; ++it) {
    edge_index_.emplace(std::make_tuple(boost::source(*it, graph_), graph_[*it].predicate,
                                        boost::target(*it, graph_)),
                        *it);
  }
}

void KnowledgeGraph::ensure_edge_index() const {
  std::lock_guard lock(edge_index_mutex_);
  if (edge_index_stale_) rebuild_edge_index();
}

KnowledgeGraph::Edge KnowledgeGraph::add_new_edge(Vertex source, Vertex target, EdgeData&& data) {
  edge_index_stale_ = true;
  return boost::add_edge(source, target, std::move(data), graph_).first;
}

// Boost's adjacency_list has no reserve; its vertex storage is a public
// member (m_vertices), each vertex holding its out- and in-edge vectors.
void KnowledgeGraph::add_vertices(std::size_t count) {
  graph_.m_vertices.resize(graph_.m_vertices.size() + count);
}

void KnowledgeGraph::reserve_degree(Vertex v, std::size_t out, std::size_t in) {
  graph_.m_vertices[v].m_out_edges.reserve(out);
  graph_.m_vertices[v].m_in_edges.reserve(in);
}

void KnowledgeGraph::set_nodes(std::vector<NodeData>&& nodes) {
  const std::size_t count = std::min(nodes.size(), node_count());
  index_.reserve(index_.size() + count);
  for (std::size_t v = 0; v < count; ++v) {
    graph_[v] = std::move(nodes[v]);
    index_.emplace(graph_[v].id, v);
  }
}

void KnowledgeGraph::attach_evidence_store(std::shared_ptr<const EvidenceStore> store) {
  std::lock_guard lock(evidence_mutex_);
  evidence_store_ = std::move(store);
  loaded_evidence_.clear();
}

const std::vector<Evidence>& KnowledgeGraph::evidence(Edge e) const {
  const EdgeData& data = graph_[e];
  if (!evidence_store_ || !data.evidence.empty()) return data.evidence;
  std::lock_guard lock(evidence_mutex_);
  auto [it, inserted] = loaded_evidence_.try_emplace(&data);
  if (inserted) {
    try {
      it->second = evidence_store_->evidence(boost::source(e, graph_), data.predicate,
                                             boost::target(e, graph_));
    } catch (...) {
      loaded_evidence_.erase(it);
      throw;
    }
  }
  return it->second;
}

std::vector<std::string_view> KnowledgeGraph::evidence_documents(Edge e) const {
  const EdgeData& data = graph_[e];
  if (evidence_store_ && data.evidence.empty()) {
    return evidence_store_->documents(boost::source(e, graph_), data.predicate,
                                      boost::target(e, graph_));
  }
  std::vector<std::string_view> documents;
  documents.reserve(data.evidence.size());
  for (const auto& item : data.evidence) documents.push_back(item.document);
  std::sort(documents.begin(), documents.end());
  documents.erase(std::unique(documents.begin(), documents.end()), documents.end());
  return documents;
}

KnowledgeGraph KnowledgeGraph::with_evidence_loaded() const {
  KnowledgeGraph copy(*this);
  if (!copy.evidence_store_) return copy;
  for (auto [it, end] = boost::edges(copy.graph_); it != end; ++it) {
    EdgeData& data = copy.graph_[*it];
    if (!data.evidence.empty()) continue;
    data.evidence = copy.evidence_store_->evidence(boost::source(*it, copy.graph_), data.predicate,
                                                   boost::target(*it, copy.graph_));
  }
  copy.evidence_store_.reset();
  return copy;
}

KnowledgeGraph::Vertex KnowledgeGraph::upsert_node(const NodeData& node) {
  auto found = index_.find(node.id);
  if (found == index_.end()) {
    Vertex v = boost::add_vertex(node, graph_);
    index_.emplace(node.id, v);
    return v;
  }
  NodeData& have = graph_[found->second];
  if (have.label.empty()) have.label = node.label;
  for (const auto& [lang, text] : node.labels) have.labels.emplace(lang, text);
  for (const auto& alias : node.aliases) insert_sorted_unique(have.aliases, alias);
  for (const auto& same : node.same_as) insert_sorted_unique(have.same_as, same);
  for (const auto& [key, value] : node.properties) have.properties.emplace(key, value);
  have.mentions += node.mentions;
  return found->second;
}

KnowledgeGraph::Vertex KnowledgeGraph::upsert_node(NodeData&& node) {
  if (index_.find(node.id) != index_.end()) return upsert_node(static_cast<const NodeData&>(node));
  std::string id = node.id;
  Vertex v = boost::add_vertex(std::move(node), graph_);
  index_.emplace(std::move(id), v);
  return v;
}

template <typename Record>
std::optional<KnowledgeGraph::Edge> KnowledgeGraph::upsert_edge_from(Record&& record) {
  constexpr bool kMove = !std::is_lvalue_reference_v<Record>;
  auto source = find(record.source);
  auto target = find(record.target);
  if (!source || !target) return std::nullopt;
  ensure_edge_index();
  auto key = std::make_tuple(*source, record.predicate, *target);
  auto found = edge_index_.find(key);
  if (found == edge_index_.end()) {
    EdgeData data{record.predicate, record.weight, {}};
    if constexpr (kMove) {
      data.evidence = std::move(record.evidence);
    } else {
      data.evidence = record.evidence;
    }
    Edge e = boost::add_edge(*source, *target, std::move(data), graph_).first;
    edge_index_.emplace(std::move(key), e);
    return e;
  }
  EdgeData& have = graph_[found->second];
  have.weight += record.weight;
  for (auto& item : record.evidence) {
    if (std::find(have.evidence.begin(), have.evidence.end(), item) == have.evidence.end()) {
      if constexpr (kMove) {
        have.evidence.push_back(std::move(item));
      } else {
        have.evidence.push_back(item);
      }
    }
  }
  return found->second;
}

std::optional<KnowledgeGraph::Edge> KnowledgeGraph::upsert_edge(const EdgeRecord& record) {
  return upsert_edge_from(record);
}

std::optional<KnowledgeGraph::Edge> KnowledgeGraph::upsert_edge(EdgeRecord&& record) {
  return upsert_edge_from(std::move(record));
}

void KnowledgeGraph::merge(const GraphFragment& fragment) {
  for (const auto& node : fragment.nodes) upsert_node(node);
  for (const auto& edge : fragment.edges) upsert_edge(edge);
}

std::optional<KnowledgeGraph::Vertex> KnowledgeGraph::find(std::string_view id) const {
  auto found = index_.find(id);
  if (found == index_.end()) return std::nullopt;
  return found->second;
}

std::optional<KnowledgeGraph::Edge> KnowledgeGraph::find_edge(std::string_view source,
                                                              std::string_view predicate,
                                                              std::string_view target) const {
  auto s = find(source);
  auto t = find(target);
  if (!s || !t) return std::nullopt;
  ensure_edge_index();
  auto found = edge_index_.find(std::make_tuple(*s, std::string(predicate), *t));
  if (found == edge_index_.end()) return std::nullopt;
  return found->second;
}

std::vector<KnowledgeGraph::Vertex> KnowledgeGraph::sorted_vertices() const {
  std::vector<Vertex> out;
  out.reserve(node_count());
  for (auto [it, end] = boost::vertices(graph_); it != end; ++it) out.push_back(*it);
  std::sort(out.begin(), out.end(),
            [this](Vertex a, Vertex b) { return graph_[a].id < graph_[b].id; });
  return out;
}

std::vector<KnowledgeGraph::Edge> KnowledgeGraph::sorted_edges() const {
  std::vector<Edge> out;
  out.reserve(edge_count());
  for (auto [it, end] = boost::edges(graph_); it != end; ++it) out.push_back(*it);
  auto key = [this](Edge e) {
    return std::tie(graph_[boost::source(e, graph_)].id, graph_[e].predicate,
                    graph_[boost::target(e, graph_)].id);
  };
  std::sort(out.begin(), out.end(), [&](Edge a, Edge b) { return key(a) < key(b); });
  return out;
}

}  // namespace crimekg
