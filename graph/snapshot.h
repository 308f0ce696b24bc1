// Graph snapshots: crimekg's binary save format, for querying large graphs.
//
// Node-link JSON is the lossless interchange format, but reading a gigabyte
// of it takes seconds. A snapshot holds the same graph laid out to be mapped
// rather than parsed: nodes and edges are read at open, while the evidence
// sentences (most of the bytes) stay in the mapped file and are read per
// edge when a question needs them. A snapshot can also carry the folded
// form of every node name, so name lookups need not fold them again.
//
// Every section has a CRC-32, checked when it is read (the evidence of an
// edge when that edge's evidence is read), and every count and offset is
// checked against the file, so a damaged or truncated file is reported and
// never read out of bounds. The layout is described in snapshot.cc.
//
// Writing is deterministic: the same graph gives the same bytes, whatever
// order its nodes and edges were added in. crimekg replaces a snapshot by
// renaming a new file over it, so a reader's mapping keeps the old one;
// truncating a mapped file in place (another program) is outside what a
// mapping can guard against.
#ifndef CRIMEKG_GRAPH_SNAPSHOT_H_
#define CRIMEKG_GRAPH_SNAPSHOT_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/knowledge_graph.h"
#include "graph/status.h"

namespace crimekg {

// Names and their folded forms, as a name index folds them (the graph
// module does not fold: the writer's caller supplies them). `scheme` names
// the folding, so a reader folding differently ignores them.
struct FoldedNames {
  std::string scheme;
  std::vector<std::pair<std::string, std::string>> pairs;  // name -> folded key
};

// The file extension snapshots are written with and recognised by.
inline constexpr std::string_view kSnapshotExtension = ".crimekg";

// Writes `graph` as a snapshot (to `out`, binary). `names` may be null.
void write_snapshot(const KnowledgeGraph& graph, const FoldedNames* names, std::ostream& out);

// Whether the file starts with a snapshot's signature (false if it cannot
// be read).
bool is_snapshot_file(const std::string& path);

enum class EvidenceLoading {
  kInGraph,  // every edge's evidence is read into the graph (export, render)
  kLazy,     // evidence stays in the file until KnowledgeGraph::evidence() asks
};

class GraphSnapshot {
 public:
  // Maps the file and checks its structure and the checksums of everything
  // but the evidence. Returns null and lists the problems in `status` if the
  // file is not a readable snapshot.
  static std::shared_ptr<const GraphSnapshot> open(const std::string& path, Status& status);

  // Adds the snapshot's nodes and edges to an empty `graph`, vertex i being
  // the i-th node in id order (as when node-link JSON is read). With kLazy
  // the graph keeps this snapshot as its evidence store. Problems (a damaged
  // evidence block with kInGraph) are listed in the returned Status.
  Status load(KnowledgeGraph& graph, EvidenceLoading loading) const;

  const std::string& path() const;
  std::size_t node_count() const;
  std::size_t edge_count() const;

  // The folded names stored with the graph: their scheme ("" if none), how
  // many, the i-th pair in stored order, and the folded form of a name.
  std::string_view folded_scheme() const;
  std::size_t folded_count() const;
  std::pair<std::string_view, std::string_view> folded_at(std::size_t i) const;
  std::optional<std::string_view> folded(std::string_view name) const;

  ~GraphSnapshot();
  GraphSnapshot(const GraphSnapshot&) = delete;
  GraphSnapshot& operator=(const GraphSnapshot&) = delete;

  struct Impl;

 private:
  explicit GraphSnapshot(std::unique_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

// Opens and loads a snapshot file in one step; the opened snapshot is
// returned in `snapshot` if asked for.
Status load_snapshot_file(const std::string& path, KnowledgeGraph& graph, EvidenceLoading loading,
                          std::shared_ptr<const GraphSnapshot>* snapshot = nullptr);

// Reads a saved graph, a snapshot or node-link JSON, whichever the file is.
// The snapshot, if it was one, is returned so a caller can use its folded
// names; `loading` applies to snapshots only (JSON is read whole).
Status load_graph_file(const std::string& path, KnowledgeGraph& graph, EvidenceLoading loading,
                       std::shared_ptr<const GraphSnapshot>* snapshot = nullptr);

}  // namespace crimekg

#endif  // CRIMEKG_GRAPH_SNAPSHOT_H_
