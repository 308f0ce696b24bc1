// Graph snapshots (graph/snapshot.h): a lossless, deterministic round trip
// of every feature of the model; lazy evidence; stored folded names; and
// damaged files (wrong kind, wrong version, truncated, any byte flipped)
// reported rather than read out of bounds.
#include "graph/snapshot.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "graph/node_link.h"
#include "tests/temp_folder.h"

using namespace crimekg;
using namespace std::string_literals;

namespace Catch {
template <>
struct StringMaker<Evidence> {
  static std::string convert(const Evidence& e) {
    std::ostringstream out;
    out << "{" << e.document << " #" << e.paragraph << " [" << e.start << "," << e.end << ") \""
        << e.text << "\" " << e.extractor << " " << e.confidence << "}";
    return out.str();
  }
};
}  // namespace Catch

namespace {

using crimekg::testing::TempFolder;

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  REQUIRE(out.good());
}

std::string snapshot_bytes(const KnowledgeGraph& graph, const FoldedNames* names = nullptr) {
  std::ostringstream out(std::ios::binary);
  write_snapshot(graph, names, out);
  return out.str();
}

std::string node_link_text(const KnowledgeGraph& graph) {
  std::ostringstream out;
  write_node_link(graph, out);
  return out.str();
}

// Where two texts or byte strings first differ (npos if they are equal), so
// a failure names a place rather than printing both whole.
std::size_t first_difference(const std::string& a, const std::string& b) {
  const auto [ia, ib] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  if (ia == a.end() && ib == b.end()) return std::string::npos;
  return static_cast<std::size_t>(ia - a.begin());
}

NodeData node(NodeType type, std::string name) {
  NodeData n;
  n.type = type;
  n.id = std::string(id_prefix(type)) + ":" + name;
  return n;
}

Evidence item(std::string document, std::string paragraph, std::uint64_t start, std::uint64_t end,
              std::string text, std::string extractor, double confidence) {
  return {std::move(document), std::move(paragraph), start,     end,
          std::move(text),     std::move(extractor), confidence};
}

// The strings below hold NUL bytes and bytes that are not UTF-8.
const std::string kDocumentA = "document:a.txt";
const std::string kDocumentB = "document:b"s + '\0' + ".txt";
const std::string kDocumentC = "document:c-\xff\xfe.txt";

// Every feature of the model: all node types; labels in several scripts;
// aliases, sameAs, properties, mentions; several predicates, a self-loop,
// both directions between two nodes, two predicates between one pair;
// edges with no, one and many pieces of evidence; empty paragraphs,
// confidences other than 1, offsets past 2^32, NUL and non-UTF-8 bytes.
// `reverse` adds the same nodes and edges in the opposite order.
KnowledgeGraph full_graph(bool reverse = false) {
  std::vector<NodeData> nodes;

  NodeData qatar = node(NodeType::kState, "qat");
  qatar.label = "Qatar";
  qatar.labels = {{"ar", "قطر"}, {"en", "Qatar"}, {"zh", "卡塔尔"}, {"ru", "Катар"}};
  qatar.aliases = {"Qatar", "State of Qatar"};
  qatar.same_as = {"iso3166:QAT", "wikidata:Q846"};
  qatar.mentions = 7;
  qatar.properties = {{"region", "Western Asia"}};
  nodes.push_back(qatar);

  NodeData unodc = node(NodeType::kBody, "united-nations-office-on-drugs-and-crime");
  unodc.label = "United Nations Office on Drugs and Crime";
  unodc.labels = {{"ar", "مكتب الأمم المتحدة المعني بالمخدرات والجريمة"},
                  {"fr", "Office des Nations Unies contre la drogue et le crime"},
                  {"ja", "国連薬物・犯罪事務所"},
                  {"zh", "联合国毒品和犯罪问题办公室"}};
  unodc.aliases = {"ONUDC", "UNODC", "مكتب المخدرات"};
  unodc.mentions = std::uint64_t{1} << 40;
  nodes.push_back(unodc);

  NodeData resolution = node(NodeType::kResolution, "a-res-70-1");
  resolution.label = "Transforming our world";
  resolution.properties = {{"symbol", "A/RES/70/1"}, {"year", "2015"}};
  resolution.mentions = 2;
  nodes.push_back(resolution);

  NodeData decision = node(NodeType::kDecision, "e-2019-101");
  decision.label = "Decision 2019/101";
  decision.properties = {{"symbol", "E/2019/101"}};
  nodes.push_back(decision);

  NodeData fraud = node(NodeType::kCrimeType, "fraud");
  fraud.label = "fr"s + '\0' + "aud \xff\xc3(";
  fraud.labels = {{"es", "fraude"}, {"x"s + '\0', "\x80\x81"}};
  fraud.aliases = {"", "fraud"s + '\0', "\xc0\xaf"};  // sorted as bytes
  fraud.mentions = std::numeric_limits<std::uint64_t>::max();
  fraud.properties = {{"empty", ""}, {"nul"s + '\0' + "key", "nul"s + '\0' + "value"}};
  nodes.push_back(fraud);

  NodeData programme = node(NodeType::kProgramme, "global-programme-against-money-laundering");
  programme.label = "Global Programme against Money-Laundering";
  programme.same_as = {"wikidata:Q0"};
  nodes.push_back(programme);

  NodeData untoc = node(NodeType::kInstrument, "untoc");
  untoc.label = "United Nations Convention against Transnational Organized Crime";
  untoc.labels = {{"ar", "اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية"},
                  {"zh", "联合国打击跨国有组织犯罪公约"}};
  untoc.aliases = {"Palermo Convention", "UNTOC"};
  nodes.push_back(untoc);

  for (const auto& id : {kDocumentA, kDocumentB, kDocumentC}) {
    NodeData document;
    document.id = id;
    document.type = NodeType::kDocument;
    document.properties = {{"file", id.substr(9)}, {"language", "en"}, {"title", ""}};
    nodes.push_back(document);
  }

  NodeData meeting = node(NodeType::kMeeting, "ccpcj-30");
  meeting.label = "thirtieth session of the Commission";
  meeting.properties = {{"ordinal", "30"}};
  nodes.push_back(meeting);

  NodeData doha = node(NodeType::kPlace, "doha");
  doha.label = "Doha";
  doha.labels = {{"ar", "الدوحة"}, {"zh", "多哈"}};
  nodes.push_back(doha);

  NodeData odd = node(NodeType::kPlace, "\xff\xfe");  // nothing but its id
  nodes.push_back(odd);

  std::vector<EdgeRecord> edges;
  // No evidence.
  edges.push_back({unodc.id, programme.id, "runs", 3, {}});
  // Many pieces, over three documents, in an order that is not sorted.
  {
    EdgeRecord many{unodc.id, fraud.id, "addresses", 40, {}};
    const std::string documents[] = {kDocumentC, kDocumentA, kDocumentB};
    for (int k = 0; k < 40; ++k) {
      const std::uint64_t base = (k % 5 == 0 ? std::uint64_t{1} << 33 : 0) + 1000 * (40 - k);
      std::string text = "sentence " + std::to_string(k);
      if (k % 4 == 0) text += "\0\xff"s + "\xfe" + "قطر";
      many.evidence.push_back(
          item(documents[(k * 2) % 3], k % 7 == 0 ? "" : std::to_string(k), base, base + 17 + k,
               text, k % 2 ? "relate_addresses" : "relate_cooccurrence", 1.0 - k / 64.0));
    }
    edges.push_back(std::move(many));
  }
  // A self-loop with one piece.
  edges.push_back(
      {resolution.id,
       resolution.id,
       "cites",
       1,
       {item(kDocumentA, "3", 10, 40, "recalling its resolution 70/1", "relate_cites", 1.0)}});
  // One piece: empty paragraph, an odd confidence, offsets past 2^32.
  edges.push_back(
      {resolution.id,
       untoc.id,
       "cites",
       2,
       {item(kDocumentB, "", std::uint64_t{5} << 30, std::numeric_limits<std::uint64_t>::max(),
             "the Convention"s + '\0', "relate_cites", 0.1 + 0.2)}});
  edges.push_back({qatar.id,
                   meeting.id,
                   "participatedIn",
                   1,
                   {item(kDocumentA, "1", 0, 5, "Qatar", "relate_meetings", 0.75),
                    item(kDocumentA, "2", 6, 11, "Qatar", "relate_meetings", 1e-300)}});
  edges.push_back({meeting.id,
                   doha.id,
                   "heldIn",
                   1,
                   {item(kDocumentC, "7", 100, 104, "Doha", "relate_meetings", 1.0)}});
  // Both ways between two nodes, and a second predicate between them.
  edges.push_back({qatar.id,
                   unodc.id,
                   "cooperatesWith",
                   1,
                   {item(kDocumentA, "9", 50, 90, "Qatar and UNODC", "relate_cooperation", 0.5)}});
  edges.push_back({unodc.id,
                   qatar.id,
                   "cooperatesWith",
                   1,
                   {item(kDocumentA, "9", 50, 90, "Qatar and UNODC", "relate_cooperation", 0.5)}});
  edges.push_back({qatar.id,
                   unodc.id,
                   "mentionedWith",
                   2,
                   {item(kDocumentB, "4", 1, 2, "", "", -0.0),
                    item("", "", 0, 0, "no document", "relate_cooccurrence", 0.0)}});
  edges.push_back({decision.id, meeting.id, "partOf", 1, {}});
  edges.push_back({odd.id, odd.id, "mentionedWith", std::uint64_t{1} << 50, {}});
  for (const auto& id : {qatar.id, unodc.id, fraud.id}) {
    edges.push_back({kDocumentA, id, "mentions", 1, {}});
  }

  if (reverse) {
    std::reverse(nodes.begin(), nodes.end());
    std::reverse(edges.begin(), edges.end());
  }
  KnowledgeGraph graph;
  for (const auto& n : nodes) graph.upsert_node(n);
  for (const auto& e : edges) REQUIRE(graph.upsert_edge(e));
  return graph;
}

// A small graph for the damage tests: few bytes, every section present.
KnowledgeGraph small_graph() {
  KnowledgeGraph graph;
  NodeData a = node(NodeType::kState, "qat");
  a.label = "Qatar";
  a.labels = {{"ar", "قطر"}};
  a.aliases = {"QAT"};
  a.mentions = 3;
  NodeData b = node(NodeType::kBody, "unodc");
  b.label = "UNODC";
  b.properties = {{"k", "v"}};
  NodeData d = node(NodeType::kDocument, "a.txt");
  for (const auto& n : {a, b, d}) graph.upsert_node(n);
  graph.upsert_edge({a.id,
                     b.id,
                     "cooperatesWith",
                     2,
                     {item(d.id, "1", 0, 9, "Qatar and", "relate", 0.5),
                      item(d.id, "", 10, 15, "UNODC", "relate", 1.0)}});
  graph.upsert_edge({b.id, a.id, "supports", 1, {}});
  graph.upsert_edge({b.id, b.id, "mentionedWith", 1, {item(d.id, "2", 1, 2, "x", "relate", 1.0)}});
  return graph;
}

FoldedNames small_names() {
  return {"test-fold-1", {{"Qatar", "qatar"}, {"UNODC", "unodc"}, {"قطر", "قطر"}}};
}

// Checks that two graphs hold the same nodes and edges, in id order, with
// the same evidence in the same order (read through evidence(), so either
// may keep its evidence in a store).
void check_same_graph(const KnowledgeGraph& expected, const KnowledgeGraph& actual) {
  REQUIRE(actual.node_count() == expected.node_count());
  REQUIRE(actual.edge_count() == expected.edge_count());
  const auto ev = expected.sorted_vertices();
  const auto av = actual.sorted_vertices();
  for (std::size_t i = 0; i < ev.size(); ++i) {
    const NodeData& e = expected.node(ev[i]);
    const NodeData& a = actual.node(av[i]);
    INFO("node " << i << " " << e.id);
    CHECK(a.id == e.id);
    CHECK(a.type == e.type);
    CHECK(a.label == e.label);
    CHECK(a.labels == e.labels);
    CHECK(a.aliases == e.aliases);
    CHECK(a.mentions == e.mentions);
    CHECK(a.same_as == e.same_as);
    CHECK(a.properties == e.properties);
  }
  const auto ee = expected.sorted_edges();
  const auto ae = actual.sorted_edges();
  for (std::size_t i = 0; i < ee.size(); ++i) {
    INFO("edge " << i << " " << expected.source_node(ee[i]).id << " -"
                 << expected.edge(ee[i]).predicate << "-> " << expected.target_node(ee[i]).id);
    CHECK(actual.source_node(ae[i]).id == expected.source_node(ee[i]).id);
    CHECK(actual.target_node(ae[i]).id == expected.target_node(ee[i]).id);
    CHECK(actual.edge(ae[i]).predicate == expected.edge(ee[i]).predicate);
    CHECK(actual.edge(ae[i]).weight == expected.edge(ee[i]).weight);
    CHECK(actual.evidence(ae[i]) == expected.evidence(ee[i]));
  }
}

// The distinct documents of an edge's own evidence, sorted.
std::vector<std::string> sorted_documents(const std::vector<Evidence>& evidence) {
  std::vector<std::string> documents;
  for (const auto& e : evidence) documents.push_back(e.document);
  std::sort(documents.begin(), documents.end());
  documents.erase(std::unique(documents.begin(), documents.end()), documents.end());
  return documents;
}

std::vector<std::string> strings(const std::vector<std::string_view>& views) {
  return {views.begin(), views.end()};
}

// The layout of a snapshot's bytes, read as snapshot.cc describes it, so the
// damage tests know what each byte belongs to.
struct Layout {
  struct Range {
    std::string name;
    std::uint64_t begin = 0, end = 0;
  };
  std::vector<Range> sections;  // by tag, plus "header", "directory", "footer"
  std::vector<Range> blocks;    // the evidence block of each edge, in edge order

  const Range* section_at(std::uint64_t at) const {
    for (const auto& r : sections)
      if (at >= r.begin && at < r.end) return &r;
    return nullptr;
  }
  std::optional<std::size_t> block_at(std::uint64_t at) const {
    for (std::size_t i = 0; i < blocks.size(); ++i)
      if (at >= blocks[i].begin && at < blocks[i].end) return i;
    return std::nullopt;
  }
  const Range& section(const std::string& name) const {
    for (const auto& r : sections)
      if (r.name == name) return r;
    FAIL("no section " << name);
    return sections.front();
  }
};

std::uint64_t read_le(const std::string& bytes, std::uint64_t at, int size) {
  std::uint64_t v = 0;
  for (int i = 0; i < size; ++i)
    v |= std::uint64_t{static_cast<unsigned char>(bytes.at(at + i))} << (8 * i);
  return v;
}

Layout layout_of(const std::string& bytes) {
  Layout layout;
  const std::uint64_t footer = bytes.size() - 24;
  const std::uint64_t directory = read_le(bytes, footer, 8);
  layout.sections.push_back({"header", 0, 24});
  layout.sections.push_back({"directory", directory, footer});
  layout.sections.push_back({"footer", footer, bytes.size()});
  const auto count = read_le(bytes, directory, 4);
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::uint64_t entry = directory + 4 + 24 * i;
    std::string tag = bytes.substr(entry, 4);
    const auto offset = read_le(bytes, entry + 8, 8);
    const auto size = read_le(bytes, entry + 16, 8);
    layout.sections.push_back({tag, offset, offset + size});
  }
  const auto evidence = layout.section("EVID");
  const auto edges = layout.section("EDGE");
  const auto edge_count = read_le(bytes, edges.begin, 8);
  for (std::uint64_t i = 0; i < edge_count; ++i) {
    const auto begin = evidence.begin + read_le(bytes, edges.begin + 8 + 32 * i + 24, 8);
    const auto end = i + 1 < edge_count
                         ? evidence.begin + read_le(bytes, edges.begin + 8 + 32 * (i + 1) + 24, 8)
                         : evidence.end;
    layout.blocks.push_back({"EVID block " + std::to_string(i), begin, end});
  }
  // Every byte belongs to exactly one part: the sections tile the file.
  std::uint64_t covered = 0;
  for (const auto& r : layout.sections) covered += r.end - r.begin;
  REQUIRE(covered == bytes.size());
  return layout;
}

}  // namespace

TEST_CASE("a snapshot round-trips every feature of a graph exactly", "[snapshot]") {
  TempFolder folder("snapshot");
  const KnowledgeGraph original = full_graph();
  const std::string path = (folder / "full.crimekg");
  write_file(path, snapshot_bytes(original));
  CHECK(is_snapshot_file(path));

  Status status;
  const auto snapshot = GraphSnapshot::open(path, status);
  REQUIRE(status.ok());
  REQUIRE(snapshot);
  CHECK(snapshot->path() == path);
  CHECK(snapshot->node_count() == original.node_count());
  CHECK(snapshot->edge_count() == original.edge_count());

  KnowledgeGraph loaded;
  const Status loaded_status = snapshot->load(loaded, EvidenceLoading::kInGraph);
  INFO(loaded_status.to_string());
  REQUIRE(loaded_status.ok());
  CHECK_FALSE(loaded.has_evidence_store());
  check_same_graph(original, loaded);
  // Read into the graph: every edge holds its own evidence.
  for (auto e : loaded.sorted_edges()) CHECK(&loaded.evidence(e) == &loaded.edge(e).evidence);
  CHECK(first_difference(node_link_text(loaded), node_link_text(original)) == std::string::npos);

  // The loaded graph answers lookups by id and by triple.
  for (auto v : original.sorted_vertices()) CHECK(loaded.find(original.node(v).id));
  for (auto e : original.sorted_edges()) {
    CHECK(loaded.find_edge(original.source_node(e).id, original.edge(e).predicate,
                           original.target_node(e).id));
  }
  // And written again, gives the same bytes.
  CHECK(first_difference(snapshot_bytes(loaded), snapshot_bytes(original)) == std::string::npos);
}

TEST_CASE("an empty graph and a graph without edges round-trip", "[snapshot]") {
  TempFolder folder("snapshot");
  KnowledgeGraph empty;
  write_file((folder / "empty.crimekg"), snapshot_bytes(empty));
  KnowledgeGraph loaded;
  const Status status =
      load_snapshot_file((folder / "empty.crimekg"), loaded, EvidenceLoading::kLazy);
  INFO(status.to_string());
  CHECK(status.ok());
  CHECK(loaded.node_count() == 0);
  CHECK(loaded.edge_count() == 0);

  KnowledgeGraph nodes_only;
  nodes_only.upsert_node(node(NodeType::kState, "qat"));
  nodes_only.upsert_node(node(NodeType::kPlace, "doha"));
  write_file((folder / "nodes.crimekg"), snapshot_bytes(nodes_only));
  KnowledgeGraph back;
  REQUIRE(load_snapshot_file((folder / "nodes.crimekg"), back, EvidenceLoading::kInGraph).ok());
  check_same_graph(nodes_only, back);
}

TEST_CASE("a snapshot's bytes do not depend on insertion order", "[snapshot]") {
  const KnowledgeGraph forward = full_graph(false);
  const KnowledgeGraph backward = full_graph(true);
  // The two graphs really were built differently.
  REQUIRE(forward.node(0).id != backward.node(0).id);
  const std::string bytes = snapshot_bytes(forward);
  CHECK(first_difference(snapshot_bytes(backward), bytes) == std::string::npos);
  CHECK(first_difference(snapshot_bytes(forward), bytes) == std::string::npos);  // twice

  FoldedNames names{"scheme", {{"b", "B"}, {"a", "A"}, {"c", "C"}}};
  FoldedNames shuffled{"scheme", {{"c", "C"}, {"a", "A"}, {"b", "B"}, {"a", "A"}}};
  CHECK(first_difference(snapshot_bytes(backward, &shuffled), snapshot_bytes(forward, &names)) ==
        std::string::npos);

  // Any difference in content is a difference in bytes.
  KnowledgeGraph changed = full_graph(false);
  auto e = changed.find_edge("resolution:a-res-70-1", "cites", "instrument:untoc");
  REQUIRE(e);
  changed.mutable_graph()[*e].evidence[0].confidence = 0.3;
  CHECK(first_difference(snapshot_bytes(changed), bytes) != std::string::npos);
}

TEST_CASE("lazily loaded evidence is read from the snapshot per edge", "[snapshot]") {
  TempFolder folder("snapshot");
  const KnowledgeGraph original = full_graph(true);
  const std::string path = (folder / "lazy.crimekg");
  write_file(path, snapshot_bytes(original));

  KnowledgeGraph lazy;
  {
    Status status;
    auto snapshot = GraphSnapshot::open(path, status);
    REQUIRE(snapshot);
    REQUIRE(snapshot->load(lazy, EvidenceLoading::kLazy).ok());
  }  // the graph keeps the mapping
  std::filesystem::remove(path);
  CHECK(lazy.has_evidence_store());

  // Vertex i is the i-th node in id order.
  const auto ids = original.sorted_vertices();
  for (std::size_t i = 0; i < ids.size(); ++i) CHECK(lazy.node(i).id == original.node(ids[i]).id);

  const auto expected_edges = original.sorted_edges();
  const auto edges = lazy.sorted_edges();
  REQUIRE(edges.size() == expected_edges.size());
  std::size_t pieces = 0;
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const auto& expected = original.edge(expected_edges[i]).evidence;
    INFO("edge " << i << " " << lazy.source_node(edges[i]).id << " -"
                 << lazy.edge(edges[i]).predicate << "-> " << lazy.target_node(edges[i]).id);
    CHECK(lazy.edge(edges[i]).evidence.empty());
    CHECK(strings(lazy.evidence_documents(edges[i])) == sorted_documents(expected));
    CHECK(lazy.evidence(edges[i]) == expected);
    // Read once and kept: the same vector on a second call.
    CHECK(&lazy.evidence(edges[i]) == &lazy.evidence(edges[i]));
    pieces += expected.size();
  }
  CHECK(pieces == 40 + 1 + 1 + 2 + 1 + 1 + 1 + 2);
  check_same_graph(original, lazy);

  // A copy keeps the store; several threads may read evidence at once.
  const KnowledgeGraph copy = lazy;
  std::vector<std::vector<std::vector<Evidence>>> read(4);
  std::vector<std::thread> threads;
  for (auto& out : read) {
    threads.emplace_back([&copy, &out] {
      for (auto e : copy.sorted_edges()) out.push_back(copy.evidence(e));
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& out : read) {
    REQUIRE(out.size() == expected_edges.size());
    for (std::size_t i = 0; i < out.size(); ++i)
      CHECK(out[i] == original.edge(expected_edges[i]).evidence);
  }
}

TEST_CASE("folded names are stored sorted and found by name", "[snapshot]") {
  TempFolder folder("snapshot");
  const KnowledgeGraph graph = small_graph();

  FoldedNames names;
  names.scheme = "icu-casefold-nfkc-1";
  names.pairs = {{"UNODC", "unodc"}, {"Qatar", "qatar"},
                 {"قطر", "قطر"},     {"联合国毒品和犯罪问题办公室", "联合国毒品和犯罪问题办公室"},
                 {"Qatar", "qatar"},  // given twice
                 {"", ""},           {"nul"s + '\0' + "name", "nul"s + '\0' + "key"},
                 {"État", "etat"}};
  // Enough more to need a table of many slots, with collisions.
  for (int i = 999; i >= 0; --i)
    names.pairs.push_back({"Name " + std::to_string(i), "name " + std::to_string(i)});
  std::vector<std::pair<std::string, std::string>> expected = names.pairs;
  std::sort(expected.begin(), expected.end());
  expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
  REQUIRE(expected.size() == names.pairs.size() - 1);

  const std::string path = (folder / "names.crimekg");
  write_file(path, snapshot_bytes(graph, &names));
  Status status;
  auto snapshot = GraphSnapshot::open(path, status);
  REQUIRE(snapshot);
  CHECK(snapshot->folded_scheme() == names.scheme);
  REQUIRE(snapshot->folded_count() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto [name, key] = snapshot->folded_at(i);
    CHECK(std::string(name) == expected[i].first);
    CHECK(std::string(key) == expected[i].second);
  }
  CHECK(snapshot->folded_at(expected.size()) == std::pair<std::string_view, std::string_view>{});
  for (const auto& [name, key] : expected) {
    INFO(name);
    const auto found = snapshot->folded(name);
    REQUIRE(found);
    CHECK(std::string(*found) == key);
  }
  CHECK_FALSE(snapshot->folded("absent"));
  CHECK_FALSE(snapshot->folded("Qata"));
  CHECK_FALSE(snapshot->folded("Name 1000"));
  CHECK_FALSE(snapshot->folded("nul"));

  // The names do not change the graph.
  KnowledgeGraph loaded;
  REQUIRE(snapshot->load(loaded, EvidenceLoading::kInGraph).ok());
  check_same_graph(graph, loaded);

  // Without names: no scheme, none stored.
  write_file((folder / "none.crimekg"), snapshot_bytes(graph));
  auto bare = GraphSnapshot::open((folder / "none.crimekg"), status);
  REQUIRE(bare);
  CHECK(bare->folded_scheme().empty());
  CHECK(bare->folded_count() == 0);
  CHECK_FALSE(bare->folded("Qatar"));
  CHECK(bare->folded_at(0) == std::pair<std::string_view, std::string_view>{});

  // A scheme with no names.
  FoldedNames no_pairs{"scheme-only", {}};
  write_file((folder / "scheme.crimekg"), snapshot_bytes(graph, &no_pairs));
  auto scheme_only = GraphSnapshot::open((folder / "scheme.crimekg"), status);
  REQUIRE(scheme_only);
  CHECK(scheme_only->folded_scheme() == "scheme-only");
  CHECK(scheme_only->folded_count() == 0);
  CHECK_FALSE(scheme_only->folded(""));
  CHECK(status.ok());
}

TEST_CASE("files that are not snapshots are refused, naming the file", "[snapshot]") {
  TempFolder folder("snapshot");
  auto check_refused = [](const std::string& path, const std::string& message_part) {
    INFO(path);
    Status status;
    CHECK_FALSE(GraphSnapshot::open(path, status));
    REQUIRE_FALSE(status.ok());
    CHECK(status.problems().front().file == path);
    CHECK(status.to_string().find(message_part) != std::string::npos);
    KnowledgeGraph graph;
    CHECK_FALSE(load_snapshot_file(path, graph, EvidenceLoading::kLazy).ok());
    CHECK(graph.node_count() == 0);
  };

  const std::string json = (folder / "graph.json");
  write_file(json, node_link_text(small_graph()));
  CHECK_FALSE(is_snapshot_file(json));
  check_refused(json, "not a crimekg snapshot");

  const std::string empty = (folder / "empty.crimekg");
  write_file(empty, "");
  CHECK_FALSE(is_snapshot_file(empty));
  check_refused(empty, "not a crimekg snapshot");

  CHECK_FALSE(is_snapshot_file((folder / "missing.crimekg")));
  check_refused((folder / "missing.crimekg"), "No such file");
  std::filesystem::create_directories((folder / "folder.crimekg"));
  check_refused((folder / "folder.crimekg"), "not a regular file");

  // Random bytes; random bytes behind a signature; and behind a signature
  // and version, before an end mark.
  std::mt19937 random(20240611);
  const std::string valid = snapshot_bytes(small_graph());
  for (std::size_t size : {1u, 47u, 48u, 100u, 4096u}) {
    std::string bytes(size, '\0');
    for (auto& c : bytes) c = static_cast<char>(random());
    const std::string path = (folder / "random.crimekg");
    write_file(path, bytes);
    check_refused(path, path);
    std::string signed_bytes = valid.substr(0, 16) + bytes;
    write_file(path, signed_bytes);
    check_refused(path, path);
    std::string framed = valid.substr(0, 24) + bytes + valid.substr(valid.size() - 8);
    write_file(path, framed);
    check_refused(path, path);
  }
}

TEST_CASE("a snapshot of another version is refused, saying so", "[snapshot]") {
  TempFolder folder("snapshot");
  const std::string bytes = snapshot_bytes(small_graph());
  const std::size_t footer_version = bytes.size() - 12;
  for (std::size_t at : {std::size_t{16}, footer_version}) {
    for (std::uint32_t version : {0u, 2u, 0xFFFFFFFFu}) {
      std::string changed = bytes;
      for (int i = 0; i < 4; ++i) changed[at + i] = static_cast<char>((version >> (8 * i)) & 0xFF);
      const std::string path = (folder / "version.crimekg");
      write_file(path, changed);
      INFO("version " << version << " at " << at);
      CHECK(is_snapshot_file(path));
      Status status;
      CHECK_FALSE(GraphSnapshot::open(path, status));
      REQUIRE_FALSE(status.ok());
      CHECK(status.problems().front().file == path);
      CHECK(status.to_string().find("version") != std::string::npos);
    }
  }
}

TEST_CASE("a snapshot cut short at any length is refused", "[snapshot]") {
  TempFolder folder("snapshot");
  FoldedNames names = small_names();
  const std::string bytes = snapshot_bytes(small_graph(), &names);
  const std::string path = (folder / "cut.crimekg");
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    write_file(path, bytes.substr(0, size));
    Status status;
    const auto snapshot = GraphSnapshot::open(path, status);
    if (snapshot || status.ok() || status.problems().front().file != path)
      FAIL_CHECK("cut to " << size << " of " << bytes.size() << " bytes: not refused");
  }
  // Nor is anything after the end mark taken for a snapshot.
  write_file(path, bytes + '\n');
  Status status;
  CHECK_FALSE(GraphSnapshot::open(path, status));
}

TEST_CASE("a flipped byte anywhere is detected when its part is read", "[snapshot]") {
  TempFolder folder("snapshot");
  const KnowledgeGraph original = small_graph();
  const FoldedNames names = small_names();
  const std::string bytes = snapshot_bytes(original, &names);
  const Layout layout = layout_of(bytes);
  REQUIRE(layout.blocks.size() == original.edge_count());
  const auto original_edges = original.sorted_edges();
  const std::string original_text = node_link_text(original);
  const std::string path = (folder / "flipped.crimekg");

  auto edge_name = [&](std::size_t i) {
    const auto e = original_edges[i];
    return std::make_tuple(original.source_node(e).id, original.edge(e).predicate,
                           original.target_node(e).id);
  };

  std::size_t detected_at_open = 0, detected_in_evidence = 0, folded_ignored = 0, harmless = 0;
  for (const unsigned char mask : {0xFF, 0x01, 0x80}) {
    for (std::size_t at = 0; at < bytes.size(); ++at) {
      std::string damaged = bytes;
      damaged[at] = static_cast<char>(damaged[at] ^ mask);
      write_file(path, damaged);
      const Layout::Range* part = layout.section_at(at);
      REQUIRE(part);
      const std::string& where = part->name;
      INFO("byte " << at << " (" << where << ") xor " << int{mask});

      Status status;
      const auto snapshot = GraphSnapshot::open(path, status);
      CHECK(!snapshot == !status.ok());
      const bool header_reserved = where == "header" && at >= 20;
      if (where != "EVID" && where != "FOLD" && !header_reserved) {
        // Structure: checked when the file is opened.
        CHECK_FALSE(snapshot);
        if (!status.ok()) CHECK(status.problems().front().file == path);
        if (!snapshot) ++detected_at_open;
        continue;
      }
      REQUIRE(snapshot);

      KnowledgeGraph in_graph, lazy;
      const Status in_graph_status = snapshot->load(in_graph, EvidenceLoading::kInGraph);
      REQUIRE(snapshot->load(lazy, EvidenceLoading::kLazy).ok());
      const auto edges = lazy.sorted_edges();
      REQUIRE(edges.size() == original_edges.size());

      if (where == "EVID") {
        // Only the edge whose block holds the byte is damaged.
        const auto block = layout.block_at(at);
        REQUIRE(block);
        REQUIRE(in_graph_status.problems().size() == 1);
        const Problem& problem = in_graph_status.problems().front();
        CHECK(problem.file == path);
        const auto [source, predicate, target] = edge_name(*block);
        CHECK(problem.message.find(source) != std::string::npos);
        CHECK(problem.message.find(predicate) != std::string::npos);
        CHECK(problem.message.find(target) != std::string::npos);
        for (std::size_t i = 0; i < edges.size(); ++i) {
          if (i == *block) {
            CHECK_THROWS_AS(lazy.evidence(edges[i]), EvidenceReadError);
            CHECK_THROWS_AS(lazy.evidence_documents(edges[i]), EvidenceReadError);
            CHECK(in_graph.edge(in_graph.sorted_edges()[i]).evidence.empty());
          } else {
            CHECK(lazy.evidence(edges[i]) == original.edge(original_edges[i]).evidence);
          }
        }
        ++detected_in_evidence;
      } else {
        // Folded names only save time: damaged, they are not used. The
        // graph itself is whole.
        CHECK(in_graph_status.ok());
        CHECK(first_difference(node_link_text(in_graph), original_text) == std::string::npos);
        for (std::size_t i = 0; i < edges.size(); ++i)
          CHECK(lazy.evidence(edges[i]) == original.edge(original_edges[i]).evidence);
        if (where == "FOLD") {
          CHECK(snapshot->folded_scheme().empty());
          CHECK(snapshot->folded_count() == 0);
          for (const auto& [name, key] : names.pairs) CHECK_FALSE(snapshot->folded(name));
          ++folded_ignored;
        } else {
          CHECK(snapshot->folded_scheme() == names.scheme);
          CHECK(snapshot->folded("Qatar") == std::optional<std::string_view>("qatar"));
          ++harmless;
        }
      }
    }
  }
  // Every part of the file was exercised.
  CHECK(detected_at_open > 0);
  CHECK(detected_in_evidence > 0);
  CHECK(folded_ignored > 0);
  CHECK(harmless == 3 * 4);  // the header's reserved u32, unchecked
}

TEST_CASE("a snapshot loads into an empty graph only", "[snapshot]") {
  TempFolder folder("snapshot");
  const std::string path = (folder / "graph.crimekg");
  write_file(path, snapshot_bytes(small_graph()));
  Status status;
  auto snapshot = GraphSnapshot::open(path, status);
  REQUIRE(snapshot);

  KnowledgeGraph busy;
  busy.upsert_node(node(NodeType::kState, "fra"));
  const Status refused = snapshot->load(busy, EvidenceLoading::kInGraph);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.problems().front().file == path);
  CHECK(busy.node_count() == 1);
  CHECK(busy.edge_count() == 0);
  CHECK_FALSE(snapshot->load(busy, EvidenceLoading::kLazy).ok());
  CHECK_FALSE(busy.has_evidence_store());

  // One snapshot loads into several graphs.
  KnowledgeGraph first, second;
  REQUIRE(snapshot->load(first, EvidenceLoading::kLazy).ok());
  REQUIRE(snapshot->load(second, EvidenceLoading::kInGraph).ok());
  check_same_graph(first, second);
}

TEST_CASE("load_graph_file reads node-link JSON and snapshots alike", "[snapshot]") {
  TempFolder folder("snapshot");
  const KnowledgeGraph original = full_graph();
  const std::string json = (folder / "graph.json");
  const std::string snapshot_path = (folder / "graph.crimekg");
  write_file(json, node_link_text(original));
  FoldedNames names = small_names();
  write_file(snapshot_path, snapshot_bytes(original, &names));

  KnowledgeGraph from_json, from_snapshot, from_snapshot_lazily;
  std::shared_ptr<const GraphSnapshot> none, snapshot, lazy_snapshot;
  Status status = load_graph_file(json, from_json, EvidenceLoading::kInGraph, &none);
  INFO(status.to_string());
  REQUIRE(status.ok());
  CHECK_FALSE(none);
  status = load_graph_file(snapshot_path, from_snapshot, EvidenceLoading::kInGraph, &snapshot);
  REQUIRE(status.ok());
  REQUIRE(snapshot);
  CHECK(snapshot->folded("Qatar") == std::optional<std::string_view>("qatar"));
  status =
      load_graph_file(snapshot_path, from_snapshot_lazily, EvidenceLoading::kLazy, &lazy_snapshot);
  REQUIRE(status.ok());
  REQUIRE(lazy_snapshot);

  check_same_graph(original, from_json);
  check_same_graph(from_json, from_snapshot);
  check_same_graph(from_json, from_snapshot_lazily);
  CHECK(first_difference(node_link_text(from_snapshot), node_link_text(from_json)) ==
        std::string::npos);
  // Both number vertices in id order.
  for (std::size_t v = 0; v < from_json.node_count(); ++v)
    CHECK(from_snapshot.node(v).id == from_json.node(v).id);

  // A damaged snapshot is reported, not read as JSON.
  std::string cut = snapshot_bytes(original);
  cut.resize(cut.size() / 2);
  write_file(snapshot_path, cut);
  KnowledgeGraph damaged;
  std::shared_ptr<const GraphSnapshot> nothing;
  status = load_graph_file(snapshot_path, damaged, EvidenceLoading::kLazy, &nothing);
  REQUIRE_FALSE(status.ok());
  CHECK(status.problems().front().file == snapshot_path);
  CHECK(status.to_string().find("snapshot") != std::string::npos);
  CHECK_FALSE(nothing);
}
