// Printing what name lookups find: `search` results, and the candidates of
// an ambiguous name or the near misses of an unknown one.
#ifndef CRIMEKG_QUERY_NAME_REPORT_H_
#define CRIMEKG_QUERY_NAME_REPORT_H_

#include <ostream>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.h"
#include "query/common.h"
#include "query/name_index.h"

namespace crimekg::query {

void render_search(const KnowledgeGraph& graph, std::string_view text,
                   const std::vector<SearchHit>& hits, std::size_t total,
                   const RenderOptions& render, std::ostream& out);

// A name that resolved to no single node: "'X' matches N nodes:" and the
// candidates, or "nothing is called 'X'" and suggestions. Text goes to
// `out` (the caller passes stderr); with --format json it is one JSON object
// {"error": "ambiguous"|"not found", "name", "candidates"} meant for stdout,
// so a program can pick a candidate's id and ask again.
void render_resolution_problem(const KnowledgeGraph& graph, std::string_view name,
                               const Resolution& resolution, const RenderOptions& render,
                               std::ostream& out);

}  // namespace crimekg::query

#endif  // CRIMEKG_QUERY_NAME_REPORT_H_
