// Node-link JSON: crimekg's lossless save format, read by `export`, `render`
// and `query`, by ../shared/eval/score.py and by networkx's node_link_graph
// (directed multigraph, "links", the predicate as the edge "key").
#ifndef CRIMEKG_GRAPH_NODE_LINK_H_
#define CRIMEKG_GRAPH_NODE_LINK_H_

#include <ostream>
#include <string>

#include "graph/knowledge_graph.h"
#include "graph/status.h"

namespace crimekg {

// Nodes sorted by id, links by (source, predicate, target), two-space indent.
void write_node_link(const KnowledgeGraph& graph, std::ostream& out);

// Reads node-link JSON text; every malformed node or link is reported in the
// returned Status (with `source_name` as the file) and skipped.
Status read_node_link(const std::string& json, const std::string& source_name,
                      KnowledgeGraph& graph);

// Reads a node-link JSON file.
Status load_node_link_file(const std::string& path, KnowledgeGraph& graph);

}  // namespace crimekg

#endif  // CRIMEKG_GRAPH_NODE_LINK_H_
