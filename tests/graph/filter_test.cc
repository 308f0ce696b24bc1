#include "graph/filter.h"

#include <catch2/catch.hpp>

using namespace crimekg;

namespace {

NodeData node(const std::string& id, NodeType type) {
  NodeData n;
  n.id = id;
  n.type = type;
  n.label = id;
  return n;
}

void edge(KnowledgeGraph& g, const std::string& source, const std::string& predicate,
          const std::string& target, std::uint64_t weight = 1) {
  Evidence e;
  e.document = "document:d";
  e.text = source + " " + predicate + " " + target;
  REQUIRE(g.upsert_edge({source, target, predicate, weight, {e}}));
}

// A chain a -> b -> c -> d with a hub h linked to a, b and c, a crime x
// addressed by a (weight 3) and b (weight 1), a document mentioning a and x,
// and mentionedWith between a and x.
KnowledgeGraph graph() {
  KnowledgeGraph g;
  for (const char* id : {"body:a", "body:b", "body:c", "body:d", "body:h"})
    g.upsert_node(node(id, NodeType::kBody));
  g.upsert_node(node("crime:x", NodeType::kCrimeType));
  g.upsert_node(node("document:d", NodeType::kDocument));
  edge(g, "body:a", "partOf", "body:b");
  edge(g, "body:b", "partOf", "body:c");
  edge(g, "body:c", "partOf", "body:d");
  edge(g, "body:h", "cooperatesWith", "body:a");
  edge(g, "body:h", "cooperatesWith", "body:b");
  edge(g, "body:c", "cooperatesWith", "body:h");
  edge(g, "body:a", "addresses", "crime:x", 3);
  edge(g, "body:b", "addresses", "crime:x", 1);
  edge(g, "document:d", "mentions", "body:a", 2);
  edge(g, "document:d", "mentions", "crime:x", 2);
  edge(g, "body:a", "mentionedWith", "crime:x", 4);
  return g;
}

std::vector<std::string> ids(const KnowledgeGraph& g) {
  std::vector<std::string> out;
  for (auto v : g.sorted_vertices()) out.push_back(g.node(v).id);
  return out;
}

KnowledgeGraph filtered(const GraphFilter& filter) {
  Status status;
  KnowledgeGraph out = apply_filter(graph(), filter, status);
  INFO(status.to_string());
  REQUIRE(status.ok());
  return out;
}

}  // namespace

TEST_CASE("the empty filter is the identity", "[filter]") {
  const GraphFilter filter;
  CHECK(filter.is_identity());
  const KnowledgeGraph out = filtered(filter);
  CHECK(out.node_count() == graph().node_count());
  CHECK(out.edge_count() == graph().edge_count());
  const auto e = out.find_edge("body:a", "addresses", "crime:x");
  REQUIRE(e);
  CHECK(out.edge(*e).weight == 3);
  CHECK(out.edge(*e).evidence.size() == 1);  // evidence travels with the edge
}

TEST_CASE("types keep nodes of those types and the edges between them", "[filter]") {
  GraphFilter filter;
  filter.types = {NodeType::kCrimeType, NodeType::kDocument};
  CHECK_FALSE(filter.is_identity());
  const KnowledgeGraph out = filtered(filter);
  CHECK(ids(out) == std::vector<std::string>{"crime:x", "document:d"});
  CHECK(out.edge_count() == 1);
  CHECK(out.find_edge("document:d", "mentions", "crime:x"));
}

TEST_CASE("without documents, Documents and mentions edges go", "[filter]") {
  GraphFilter filter;
  filter.include_documents = false;
  const KnowledgeGraph out = filtered(filter);
  CHECK_FALSE(out.find("document:d"));
  CHECK(out.node_count() == 6);
  CHECK(out.edge_count() == 9);
}

TEST_CASE("predicates keep those edges and drop nodes left without one", "[filter]") {
  GraphFilter filter;
  filter.predicates = {"addresses"};
  const KnowledgeGraph out = filtered(filter);
  CHECK(ids(out) == std::vector<std::string>{"body:a", "body:b", "crime:x"});
  CHECK(out.edge_count() == 2);
}

TEST_CASE("min-weight keeps the edges with enough evidence", "[filter]") {
  GraphFilter filter;
  filter.min_weight = 3;
  const KnowledgeGraph out = filtered(filter);
  CHECK(ids(out) == std::vector<std::string>{"body:a", "crime:x"});
  CHECK(out.find_edge("body:a", "addresses", "crime:x"));
  CHECK(out.find_edge("body:a", "mentionedWith", "crime:x"));
  CHECK(out.edge_count() == 2);
}

TEST_CASE("the ego network follows edges both ways up to depth", "[filter]") {
  GraphFilter filter;
  filter.focus = "body:c";
  filter.depth = 1;
  // c: partOf d (out), partOf from b (in), cooperatesWith h (out).
  CHECK(ids(filtered(filter)) == std::vector<std::string>{"body:b", "body:c", "body:d", "body:h"});
  filter.depth = 2;
  CHECK(ids(filtered(filter)) ==
        std::vector<std::string>{"body:a", "body:b", "body:c", "body:d", "body:h", "crime:x"});
  filter.depth = 0;
  const KnowledgeGraph alone = filtered(filter);
  CHECK(ids(alone) == std::vector<std::string>{"body:c"});
  CHECK(alone.edge_count() == 0);
}

TEST_CASE("the ego network is taken after the type and predicate filters", "[filter]") {
  GraphFilter filter;
  filter.focus = "crime:x";
  filter.predicates = {"addresses"};
  filter.depth = 3;
  // Only addresses edges are followed: a and b, not the partOf chain.
  CHECK(ids(filtered(filter)) == std::vector<std::string>{"body:a", "body:b", "crime:x"});
  filter.predicates.clear();
  filter.types = {
      NodeType::kCrimeType};  // the focus stays although its neighbours' type is excluded
  filter.focus = "body:a";
  CHECK(ids(filtered(filter)) == std::vector<std::string>{"body:a", "crime:x"});
}

TEST_CASE("an unknown focus is reported", "[filter]") {
  GraphFilter filter;
  filter.focus = "body:nobody";
  Status status;
  const KnowledgeGraph out = apply_filter(graph(), filter, status);
  REQUIRE_FALSE(status.ok());
  CHECK(status.problems()[0].entry == "body:nobody");
  CHECK(out.node_count() == 0);
}

TEST_CASE("top keeps the best-connected nodes, ties broken by id", "[filter]") {
  GraphFilter filter;
  filter.top = 2;
  // Degrees: a 5 (partOf, coop, addresses, mentions, mentionedWith), b 4, x 4, c 3, h 3, ...
  CHECK(ids(filtered(filter)) == std::vector<std::string>{"body:a", "body:b"});
  filter.top = 3;
  CHECK(ids(filtered(filter)) == std::vector<std::string>{"body:a", "body:b", "crime:x"});
  // Degree is counted on what the other filters left: among partOf edges, b
  // and c have two, a and d one; a wins the tie on its id.
  filter.predicates = {"partOf"};
  CHECK(ids(filtered(filter)) == std::vector<std::string>{"body:a", "body:b", "body:c"});
  filter.top = 100;
  CHECK(filtered(filter).node_count() == 4);
}

TEST_CASE("top always keeps the focus", "[filter]") {
  GraphFilter filter;
  filter.focus = "body:d";
  filter.depth = 3;
  filter.top = 2;
  const KnowledgeGraph out = filtered(filter);
  CHECK(ids(out) == std::vector<std::string>{"body:a", "body:d"});
}

TEST_CASE("filtering does not depend on insertion order", "[filter]") {
  const KnowledgeGraph g = graph();
  KnowledgeGraph reversed;
  const auto vertices = g.sorted_vertices();
  for (auto it = vertices.rbegin(); it != vertices.rend(); ++it) reversed.upsert_node(g.node(*it));
  const auto edges = g.sorted_edges();
  for (auto it = edges.rbegin(); it != edges.rend(); ++it) {
    const EdgeData& d = g.edge(*it);
    reversed.upsert_edge(
        {g.source_node(*it).id, g.target_node(*it).id, d.predicate, d.weight, d.evidence});
  }
  GraphFilter filter;
  filter.top = 3;
  Status s1, s2;
  CHECK(ids(apply_filter(g, filter, s1)) == ids(apply_filter(reversed, filter, s2)));
}
