// `show NAME`: one node in full — its labels in every language, aliases,
// external ids and properties, its degree by predicate, and the sentences
// that support its edges with the document and paragraph of each.
#ifndef CRIMEKG_QUERY_NODE_REPORT_H_
#define CRIMEKG_QUERY_NODE_REPORT_H_

#include <ostream>
#include <string>
#include <vector>

#include "graph/knowledge_graph.h"
#include "query/common.h"

namespace crimekg::query {

struct NodeReportOptions {
  // Whose evidence is listed. Typed predicates by default: a `mentions`
  // edge's evidence is just every sentence naming the node.
  PredicateSet evidence_predicates = PredicateSet::typed();
  std::size_t evidence_limit = 20;  // 0: all
};

struct DegreeRow {
  std::string predicate;
  std::size_t out_edges = 0;
  std::size_t in_edges = 0;
  std::uint64_t evidence = 0;  // pieces of evidence on those edges
};

struct EvidenceRow {
  KnowledgeGraph::Edge edge;
  KnowledgeGraph::Vertex other = 0;
  bool outgoing = true;
  const Evidence* item = nullptr;  // points into the graph
};

struct NodeReport {
  KnowledgeGraph::Vertex vertex = 0;
  std::vector<DegreeRow> degree;      // predicate order
  std::vector<EvidenceRow> evidence;  // predicate, direction, heaviest edge, document, offset
  std::size_t evidence_total = 0;     // before the limit
};

NodeReport node_report(const KnowledgeGraph& graph, KnowledgeGraph::Vertex vertex,
                       const NodeReportOptions& options, std::string_view language = "en");

void render_node_report(const KnowledgeGraph& graph, const NodeReport& report,
                        const NodeReportOptions& options, const RenderOptions& render,
                        std::ostream& out);

}  // namespace crimekg::query

#endif  // CRIMEKG_QUERY_NODE_REPORT_H_
