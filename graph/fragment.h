// What extracting one document yields: its nodes and edges, independent of
// every other document, so documents can be extracted in parallel and merged
// into the KnowledgeGraph afterwards in a fixed order.
#ifndef CRIMEKG_GRAPH_FRAGMENT_H_
#define CRIMEKG_GRAPH_FRAGMENT_H_

#include <string>
#include <vector>

#include "graph/model.h"

namespace crimekg {

struct EdgeRecord {
  std::string source;
  std::string target;
  std::string predicate;
  std::uint64_t weight = 1;
  std::vector<Evidence> evidence;
};

struct GraphFragment {
  // Nodes in first-mention order; the Document node of the file comes first.
  std::vector<NodeData> nodes;
  std::vector<EdgeRecord> edges;
};

}  // namespace crimekg

#endif  // CRIMEKG_GRAPH_FRAGMENT_H_
