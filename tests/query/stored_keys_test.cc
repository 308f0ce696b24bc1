// A snapshot's stored folded names stand in for folding only when they are
// what this build would fold; names then resolve and search exactly as
// without them. A snapshot that lies about its keys is caught by the sample
// check and folded afresh.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "graph/snapshot.h"
#include "query/name_index.h"
#include "tests/query/fixture.h"

namespace crimekg::query {
namespace {

using testing::fixture_graph;

// The fixture written as a snapshot carrying `names`, and read back lazily.
struct SnapshotGraph {
  explicit SnapshotGraph(const FoldedNames* names) {
    static int counter = 0;
    path = std::filesystem::temp_directory_path() /
           ("crimekg_stored_keys_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) +
            ".crimekg");
    {
      std::ofstream out(path, std::ios::binary);
      write_snapshot(fixture_graph(), names, out);
    }
    Status status;
    snapshot = GraphSnapshot::open(path.string(), status);
    REQUIRE(snapshot);
    REQUIRE(snapshot->load(graph, EvidenceLoading::kLazy).ok());
  }
  ~SnapshotGraph() { std::filesystem::remove(path); }

  std::filesystem::path path;
  std::shared_ptr<const GraphSnapshot> snapshot;
  KnowledgeGraph graph;
};

// What a name resolves to, by id, or how it failed.
std::string answer(const KnowledgeGraph& graph, const NameIndex& index, const std::string& name) {
  const auto r = index.resolve(name);
  std::string out = std::to_string(static_cast<int>(r.outcome));
  for (const auto& m : r.matches) out += " " + graph.node(m.vertex).id;
  for (const auto& m : r.suggestions) out += " ~" + graph.node(m.vertex).id;
  return out;
}

std::string hits(const KnowledgeGraph& graph, const NameIndex& index, const std::string& text) {
  std::string out;
  for (const auto& hit : index.search(text, 0)) {
    out += graph.node(hit.match.vertex).id + ":" + std::to_string(hit.rank) + " ";
  }
  return out;
}

const std::vector<std::string>& probes();

// Every probe resolves and is searched in `stored` (the snapshot graph,
// indexed with its stored keys) exactly as the fixture's own folding index
// answers it.
void check_same_answers(const SnapshotGraph& stored) {
  NameIndex folding(fixture_graph());
  NameIndex from_snapshot(stored.graph);
  from_snapshot.use_stored_keys(stored.snapshot);
  for (const auto& probe : probes()) {
    INFO(probe);
    CHECK(answer(stored.graph, from_snapshot, probe) == answer(fixture_graph(), folding, probe));
    CHECK(hits(stored.graph, from_snapshot, probe) == hits(fixture_graph(), folding, probe));
  }
}

const std::vector<std::string>& probes() {
  static const std::vector<std::string> kProbes = {
      "UNODC",
      "unodc",
      "the Counter-Terrorism Committee",
      "counter terrorism committee",
      "مكتبُ الأممِ المتحدةِ المعني بالمخدراتِ والجريمةِ",
      "联合国毒品和犯罪问题办公室",
      "CTC",
      "Secretariat",
      "human trafficking",
      "crimes-that-affect-the-environment",
      "A/59/150",
      "no such thing",
      "trafficking",
      "committee",
      "الإرهاب",
  };
  return kProbes;
}

}  // namespace

TEST_CASE("folded_names pairs every indexed name with fold_for_lookup's key", "[query][names]") {
  const FoldedNames names = folded_names(fixture_graph());
  CHECK(names.scheme == fold_scheme());
  std::set<std::string> distinct;
  for (const auto& [name, key] : names.pairs) {
    CHECK(key == fold_for_lookup(name));
    distinct.insert(name);
  }
  CHECK(distinct.size() == names.pairs.size());
  // Every label and alias of every node is among them.
  const auto& g = fixture_graph();
  for (auto v : g.sorted_vertices()) {
    CHECK(distinct.count(g.node(v).label) == 1);
    for (const auto& [language, label] : g.node(v).labels) CHECK(distinct.count(label) == 1);
    for (const auto& alias : g.node(v).aliases) CHECK(distinct.count(alias) == 1);
  }
}

TEST_CASE("stored keys give the same resolutions and searches as folding", "[query][names]") {
  const FoldedNames names = folded_names(fixture_graph());
  SnapshotGraph stored(&names);
  REQUIRE(stored.snapshot->folded_count() == names.pairs.size());
  check_same_answers(stored);
}

TEST_CASE("an index of just the names a text can match answers as the whole one",
          "[query][names]") {
  const FoldedNames names = folded_names(fixture_graph());
  SnapshotGraph stored(&names);
  NameIndex folding(fixture_graph());
  for (const auto& probe : probes()) {
    INFO(probe);
    auto partial = NameIndex::for_text(stored.graph, stored.snapshot, probe);
    REQUIRE(partial);
    CHECK(partial->name_count() < folding.name_count());
    CHECK(answer(stored.graph, *partial, probe) == answer(fixture_graph(), folding, probe));
    CHECK(hits(stored.graph, *partial, probe) == hits(fixture_graph(), folding, probe));
  }
  // Text that folds to nothing, or a snapshot without stored names: the
  // whole index is needed.
  CHECK_FALSE(NameIndex::for_text(stored.graph, stored.snapshot, "..."));
  SnapshotGraph bare(nullptr);
  CHECK_FALSE(NameIndex::for_text(bare.graph, bare.snapshot, "UNODC"));
}

TEST_CASE("stored keys that this build would not fold so are not used", "[query][names]") {
  FoldedNames wrong = folded_names(fixture_graph());
  for (auto& [name, key] : wrong.pairs) key = "zz " + key;
  SECTION("same scheme, but the sample disagrees") {}
  SECTION("another scheme") { wrong.scheme = "fold_for_lookup 0; ICU 1.0"; }
  SnapshotGraph stored(&wrong);
  check_same_answers(stored);
  // Had the keys been used, "zz" would find every name.
  NameIndex from_snapshot(stored.graph);
  from_snapshot.use_stored_keys(stored.snapshot);
  CHECK(from_snapshot.search("zz", 0).empty());
  CHECK_FALSE(NameIndex::for_text(stored.graph, stored.snapshot, "zz"));
}

TEST_CASE("a snapshot without stored keys is folded as usual", "[query][names]") {
  SnapshotGraph stored(nullptr);
  CHECK(stored.snapshot->folded_scheme().empty());
  check_same_answers(stored);
}

}  // namespace crimekg::query
