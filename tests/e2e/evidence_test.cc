// The evidence invariant, end to end: every typed edge built from samples/
// has at least one evidence item, and each item leads back to the exact
// bytes of one input file: its document is the id of the Document node
// whose `file` is that input, and the file's bytes [start, end) are its text.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>

#include "extractors/document.h"
#include "extractors/pipeline.h"
#include "graph/knowledge_graph.h"
#include "graph/model.h"

using namespace crimekg;

namespace {

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("every typed edge built from samples/ quotes the exact bytes of its input file") {
  namespace fs = std::filesystem;
  Status status;
  auto pipeline = Pipeline::create(std::string(CRIMEKG_SOURCE_DIR) + "/data", status);
  REQUIRE(pipeline);

  std::vector<DocumentProblem> problems;
  const auto inputs = expand_inputs({std::string(CRIMEKG_SOURCE_DIR) + "/samples"}, problems);
  REQUIRE(inputs.size() >= 5);

  Workspace workspace;
  KnowledgeGraph graph;
  std::map<std::string, std::string> file_of;  // Document node id -> input path
  std::size_t typed = 0, items = 0;
  std::set<std::string> predicates;
  for (const auto& path : inputs) {
    Document document;
    REQUIRE(load_document(path, document, problems));
    const std::string bytes = read_bytes(path);
    const GraphFragment fragment = pipeline->extract(document, {}, workspace);
    REQUIRE(!fragment.nodes.empty());
    const NodeData& self = fragment.nodes.front();
    REQUIRE(self.type == NodeType::kDocument);
    REQUIRE(self.properties.count("file"));
    CHECK(self.properties.at("file") == path);
    file_of[self.id] = path;

    for (const auto& edge : fragment.edges) {
      if (!is_typed_predicate(edge.predicate)) continue;
      ++typed;
      predicates.insert(edge.predicate);
      INFO(path << ": " << edge.source << " " << edge.predicate << " " << edge.target);
      REQUIRE(!edge.evidence.empty());
      for (const auto& ev : edge.evidence) {
        ++items;
        CHECK(ev.document == self.id);
        REQUIRE(ev.start < ev.end);
        REQUIRE(ev.end <= bytes.size());
        CHECK(bytes.substr(ev.start, ev.end - ev.start) == ev.text);
        CHECK(!ev.extractor.empty());
        CHECK(ev.confidence > 0.0);
        CHECK(ev.confidence <= 1.0);
      }
    }
    graph.merge(fragment);
  }
  CHECK(typed > 500);
  CHECK(items >= typed);
  // Every predicate of the ontology is found somewhere in the samples.
  for (const auto& p : typed_predicates()) CHECK(predicates.count(std::string(p)) == 1);

  // Merged across documents, evidence still leads back to the right file.
  std::size_t checked = 0;
  for (const auto e : graph.sorted_edges()) {
    const auto& data = graph.edge(e);
    if (!is_typed_predicate(data.predicate)) continue;
    for (const auto& ev : data.evidence) {
      auto it = file_of.find(ev.document);
      REQUIRE(it != file_of.end());
      const std::string bytes = read_bytes(it->second);
      REQUIRE(ev.end <= bytes.size());
      CHECK(bytes.substr(ev.start, ev.end - ev.start) == ev.text);
      ++checked;
    }
  }
  CHECK(checked > 0);
  CHECK(checked <= items);  // identical items of one edge merge
}
