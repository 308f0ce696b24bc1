#include "exporters/export_format.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

#include "exporters/kuzu_writer.h"
#include "exporters/neo4j_writer.h"
#include "graph/node_link.h"
#include "test_graphs.h"

using namespace crimekg;
using namespace crimekg::testing;

namespace {

const ExportFormat kAll[] = {ExportFormat::kNodeLinkJson, ExportFormat::kJsonLd,
                             ExportFormat::kGraphMl,      ExportFormat::kGexf,
                             ExportFormat::kDot,          ExportFormat::kNeo4j,
                             ExportFormat::kKuzu,         ExportFormat::kSnapshot};

// Every file of an export, concatenated with its name: folders included.
std::string exported(const KnowledgeGraph& graph, ExportFormat format, const TempFolder& folder,
                     const std::string& name) {
  const std::string path = folder / name;
  const std::string error = write_export(graph, format, path, ExportOptions{});
  INFO(error);
  REQUIRE(error.empty());
  if (!std::filesystem::is_directory(path)) return read_file(path);
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(path))
    names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  std::string all;
  for (const auto& n : names) all += "== " + n + "\n" + read_file(path + "/" + n);
  return all;
}

}  // namespace

TEST_CASE("format names and extensions", "[export]") {
  for (ExportFormat format : kAll) {
    CHECK(export_format_from_name(export_format_name(format)) == format);
  }
  CHECK(export_format_from_name("JSON-LD") == ExportFormat::kJsonLd);
  CHECK_FALSE(export_format_from_name("csv"));
  CHECK(export_format_from_path("out/graph.json") == ExportFormat::kNodeLinkJson);
  CHECK(export_format_from_path("out/graph.jsonld") == ExportFormat::kJsonLd);
  CHECK(export_format_from_path("graph.GraphML") == ExportFormat::kGraphMl);
  CHECK(export_format_from_path("graph.gexf") == ExportFormat::kGexf);
  CHECK(export_format_from_path("graph.gv") == ExportFormat::kDot);
  CHECK(export_format_from_path("out/samples-neo4j/") == ExportFormat::kNeo4j);
  CHECK(export_format_from_path("kuzu") == ExportFormat::kKuzu);
  CHECK(export_format_from_path("out/graph.crimekg") == ExportFormat::kSnapshot);
  CHECK(export_format_from_name("snapshot") == ExportFormat::kSnapshot);
  CHECK_FALSE(export_format_from_path("graph.txt"));
}

TEST_CASE("every format is written, and the node-link JSON reads back", "[export]") {
  TempFolder folder("export");
  const KnowledgeGraph graph = small_graph();
  for (ExportFormat format : kAll) {
    INFO(export_format_name(format));
    CHECK_FALSE(
        exported(graph, format, folder, "out." + std::string(export_format_name(format))).empty());
  }
  KnowledgeGraph back;
  CHECK(load_node_link_file(folder / "out.json", back).ok());
  CHECK(back.node_count() == graph.node_count());
  CHECK(back.edge_count() == graph.edge_count());
  // The snapshot reads back to the same graph: its node-link JSON is the same.
  KnowledgeGraph from_snapshot;
  CHECK(load_graph_file(folder / "out.snapshot", from_snapshot, EvidenceLoading::kInGraph).ok());
  std::ostringstream a, b;
  write_node_link(graph, a);
  write_node_link(from_snapshot, b);
  CHECK(a.str() == b.str());
}

TEST_CASE("a snapshot carries the folded names its options supply", "[export]") {
  TempFolder folder("snapshot");
  const KnowledgeGraph graph = small_graph();
  ExportOptions options;
  options.fold_names = [](const KnowledgeGraph& g) {
    FoldedNames names;
    names.scheme = "test scheme";
    for (auto v : g.sorted_vertices())
      names.pairs.emplace_back(g.node(v).id, "key of " + g.node(v).id);
    return names;
  };
  const std::string path = folder / "g.crimekg";
  REQUIRE(write_export(graph, ExportFormat::kSnapshot, path, options).empty());
  Status status;
  auto snapshot = GraphSnapshot::open(path, status);
  REQUIRE(snapshot);
  CHECK(snapshot->folded_scheme() == "test scheme");
  CHECK(snapshot->folded_count() == graph.node_count());
  for (auto v : graph.sorted_vertices()) {
    CHECK(snapshot->folded(graph.node(v).id) == "key of " + graph.node(v).id);
  }
}

TEST_CASE("the same graph gives byte-identical exports whatever its insertion order", "[export]") {
  TempFolder folder("determinism");
  for (const KnowledgeGraph& graph : {small_graph(), hostile_graph()}) {
    const KnowledgeGraph reversed = reversed_copy(graph);
    for (ExportFormat format : kAll) {
      INFO(export_format_name(format));
      CHECK(exported(graph, format, folder, "a") == exported(reversed, format, folder, "b"));
      std::filesystem::remove_all(folder / "a");
      std::filesystem::remove_all(folder / "b");
    }
  }
}

TEST_CASE("write_export reports what went wrong and leaves nothing half-written", "[export]") {
  TempFolder folder("errors");
  ExportOptions bad;
  bad.base_iri = "not an iri";
  CHECK(write_export(small_graph(), ExportFormat::kJsonLd, folder / "x.jsonld", bad)
            .find("base IRI") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(folder / "x.jsonld"));

  std::ofstream(folder / "file") << "x";
  const std::string error =
      write_export(small_graph(), ExportFormat::kGraphMl, folder / "file/out.graphml", {});
  CHECK(error.find(folder / "file/out.graphml") == 0);  // names the path
  CHECK(std::distance(std::filesystem::directory_iterator(folder.path()), {}) ==
        1);  // no temporary left
}
