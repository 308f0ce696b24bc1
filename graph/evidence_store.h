// Evidence that stays outside a graph's edges until it is asked for. Most of
// a large graph's bytes are evidence sentences, and most questions need none
// of them: a graph read from a snapshot for querying (graph/snapshot.h)
// leaves its evidence in the mapped file, and KnowledgeGraph::evidence()
// reads an edge's pieces from here the first time they are needed.
#ifndef CRIMEKG_GRAPH_EVIDENCE_STORE_H_
#define CRIMEKG_GRAPH_EVIDENCE_STORE_H_

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"

namespace crimekg {

// A stored edge's evidence could not be read (the file was damaged after it
// was opened, or its checksum does not match). The message names the file
// and the edge.
class EvidenceReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class EvidenceStore {
 public:
  virtual ~EvidenceStore() = default;

  // The evidence of the edge (source, predicate, target), the vertices given
  // by index, in stored order; empty if the store holds no such edge.
  // Throws EvidenceReadError.
  virtual std::vector<Evidence> evidence(std::size_t source, std::string_view predicate,
                                         std::size_t target) const = 0;

  // The distinct documents of that evidence, sorted, without reading the
  // sentences. The views live as long as the store. Throws
  // EvidenceReadError.
  virtual std::vector<std::string_view> documents(std::size_t source, std::string_view predicate,
                                                  std::size_t target) const = 0;
};

}  // namespace crimekg

#endif  // CRIMEKG_GRAPH_EVIDENCE_STORE_H_
