// The small hand-made graph the query tests run on (fixtures/small_graph.json):
// UNODC with labels in four languages, INTERPOL, two bodies sharing the
// alias "CTC", a label ("Secretariat") that is also another body's alias,
// CRIMJUST, five crime types, two Documents (English and Arabic), evidence
// in both languages, symmetric cooperatesWith and mentionedWith pairs, and a
// small separate component (Qatar -> a meeting -> Vienna).
#ifndef CRIMEKG_TESTS_QUERY_FIXTURE_H_
#define CRIMEKG_TESTS_QUERY_FIXTURE_H_

#include <string>

#include "graph/knowledge_graph.h"
#include "graph/node_link.h"

namespace crimekg::query::testing {

inline std::string fixture_path() {
  return std::string(CRIMEKG_SOURCE_DIR) + "/tests/query/fixtures/small_graph.json";
}

// Loaded once per test binary; every test reads it, none changes it.
inline const KnowledgeGraph& fixture_graph() {
  static const KnowledgeGraph graph = [] {
    KnowledgeGraph g;
    const Status status = load_node_link_file(fixture_path(), g);
    if (!status.ok()) throw std::runtime_error("fixture: " + status.to_string());
    return g;
  }();
  return graph;
}

inline KnowledgeGraph::Vertex vertex(const std::string& id) {
  auto v = fixture_graph().find(id);
  if (!v) throw std::runtime_error("fixture has no node " + id);
  return *v;
}

inline constexpr const char* kUnodc = "body:united-nations-office-on-drugs-and-crime";
inline constexpr const char* kInterpol = "body:international-criminal-police-organization";

}  // namespace crimekg::query::testing

#endif  // CRIMEKG_TESTS_QUERY_FIXTURE_H_
