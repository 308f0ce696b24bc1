// KnowledgeGraph keeps an index of Boost edge descriptors, which point into
// the graph's own storage: a copied or moved graph must index its own edges.
#include <catch2/catch.hpp>
#include <utility>

#include "graph/knowledge_graph.h"

using namespace crimekg;

namespace {

KnowledgeGraph two_nodes() {
  KnowledgeGraph g;
  for (const char* id : {"body:a", "crime:x"}) {
    NodeData n;
    n.id = id;
    n.type = *node_type_from_id(id);
    g.upsert_node(n);
  }
  g.upsert_edge({"body:a", "crime:x", "addresses", 3, {}});
  return g;
}

}  // namespace

TEST_CASE("copies and moves of a graph index their own edges", "[knowledge_graph]") {
  KnowledgeGraph copy;
  {
    const KnowledgeGraph original = two_nodes();
    copy = original;
  }  // the original's storage is gone
  auto e = copy.find_edge("body:a", "addresses", "crime:x");
  REQUIRE(e);
  CHECK(copy.edge(*e).weight == 3);
  copy.upsert_edge({"body:a", "crime:x", "addresses", 2, {}});  // merges through the index
  CHECK(copy.edge_count() == 1);
  CHECK(copy.edge(*copy.find_edge("body:a", "addresses", "crime:x")).weight == 5);

  KnowledgeGraph moved(std::move(copy));
  e = moved.find_edge("body:a", "addresses", "crime:x");
  REQUIRE(e);
  CHECK(moved.edge(*e).weight == 5);
  KnowledgeGraph assigned;
  assigned = KnowledgeGraph(moved);
  CHECK(assigned.edge(*assigned.find_edge("body:a", "addresses", "crime:x")).weight == 5);
}
