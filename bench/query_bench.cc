// How long `crimekg query` takes on a large graph: a synthetic corpus graph of
// N nodes (default 100,000) shaped like the real ones — bodies, programmes,
// resolutions and documents citing each other, Documents mentioning
// everything, labels in English and Arabic, aliases — saved as node-link
// JSON, read back, then each query step timed on its own.
//
//   build/bench/crimekg_query_bench [NODES] [--keep FILE]
//
// Not a test: numbers depend on the machine. The target to aim for is every
// answer "well under a second" after loading.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <random>
#include <sstream>
#include <string>

#include "graph/knowledge_graph.h"
#include "graph/node_link.h"
#include "query/graph_stats.h"
#include "query/matrix.h"
#include "query/name_index.h"
#include "query/neighbors.h"
#include "query/node_report.h"
#include "query/paths.h"

namespace {

using crimekg::EdgeRecord;
using crimekg::Evidence;
using crimekg::KnowledgeGraph;
using crimekg::NodeData;
using crimekg::NodeType;

double time_ms(const std::function<void()>& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

void report(const char* what, double ms) { std::printf("  %-44s %9.1f ms\n", what, ms); }

const char* kCrimes[] = {"terrorism",        "drug trafficking", "trafficking in persons",
                         "money laundering", "corruption",       "cybercrime",
                         "organized crime",  "fraud",            "smuggling of migrants",
                         "firearms trafficking"};
const char* kWords[] = {"international", "regional", "office",     "committee",   "programme",
                        "justice",       "crime",    "prevention", "cooperation", "network",
                        "global",        "centre",   "council",    "working",     "group"};
const char* kArabicWords[] = {"مكتب", "لجنة", "برنامج", "العدالة", "الجريمة", "منع", "التعاون",
                              "الشبكة", "العالمي", "مركز", "مجلس", "الفريق", "العامل"};

// A random name of 3-6 words; `i` keeps it unique.
std::string name(std::mt19937_64& random, const char* const* words, std::size_t count,
                 std::size_t i) {
  std::string out;
  const int n = 3 + static_cast<int>(random() % 4);
  for (int k = 0; k < n; ++k) {
    if (!out.empty()) out += ' ';
    out += words[random() % count];
  }
  return out + " " + std::to_string(i);
}

KnowledgeGraph synthetic_graph(std::size_t nodes) {
  std::mt19937_64 random(42);
  KnowledgeGraph graph;
  std::vector<std::string> crimes, bodies, programmes, resolutions, documents;
  for (const char* crime : kCrimes) {
    NodeData n;
    n.type = NodeType::kCrimeType;
    n.label = crime;
    n.id = "crime:" + std::string(crime);
    for (char& c : n.id) c = c == ' ' ? '-' : c;
    n.labels["en"] = crime;
    graph.upsert_node(n);
    crimes.push_back(n.id);
  }
  // Shares of the node types, roughly as in a large UN corpus graph.
  const std::size_t rest = nodes - crimes.size();
  const std::size_t n_docs = rest / 10, n_bodies = rest / 20, n_programmes = rest / 20;
  const std::size_t n_resolutions = rest - n_docs - n_bodies - n_programmes;
  auto add = [&](NodeType type, const char* prefix, std::size_t i, std::vector<std::string>& ids) {
    NodeData n;
    n.type = type;
    n.id = std::string(prefix) + std::to_string(i);
    n.label = name(random, kWords, std::size(kWords), i);
    n.labels["en"] = n.label;
    if (i % 3 == 0) n.labels["ar"] = name(random, kArabicWords, std::size(kArabicWords), i);
    if (i % 2 == 0) n.aliases.push_back("ACR" + std::to_string(i));
    n.mentions = 1 + random() % 50;
    if (type == NodeType::kDocument) n.properties["file"] = "corpus/" + std::to_string(i) + ".txt";
    graph.upsert_node(n);
    ids.push_back(n.id);
  };
  for (std::size_t i = 0; i < n_docs; ++i) add(NodeType::kDocument, "document:D/", i, documents);
  for (std::size_t i = 0; i < n_bodies; ++i) add(NodeType::kBody, "body:b", i, bodies);
  for (std::size_t i = 0; i < n_programmes; ++i) add(NodeType::kProgramme, "programme:p", i, programmes);
  for (std::size_t i = 0; i < n_resolutions; ++i) {
    add(NodeType::kResolution, "resolution:r/", i, resolutions);
  }
  auto pick = [&](const std::vector<std::string>& ids) -> const std::string& {
    // Skewed: a few nodes get most edges, as UNODC or the General Assembly do.
    const double u = std::uniform_real_distribution<double>(0, 1)(random);
    return ids[static_cast<std::size_t>(u * u * u * ids.size())];
  };
  auto edge = [&](const std::string& s, const char* p, const std::string& t) {
    EdgeRecord e{s, t, p, 1, {}};
    const std::string& doc = pick(documents);
    e.evidence.push_back(Evidence{doc, std::to_string(random() % 90), random() % 100000, 0,
                                  "A sentence of evidence that names both ends of the edge.",
                                  "bench", 0.9});
    graph.upsert_edge(e);
  };
  for (const auto& b : bodies) {
    for (int k = 0; k < 3; ++k) edge(b, "addresses", crimes[random() % crimes.size()]);
    edge(b, "runs", pick(programmes));
    edge(b, "adopted", pick(resolutions));
    if (random() % 4 == 0) edge(b, "cooperatesWith", pick(bodies));
  }
  for (const auto& p : programmes) edge(p, "addresses", crimes[random() % crimes.size()]);
  for (const auto& r : resolutions) {
    edge(r, "cites", pick(resolutions));
    if (random() % 3 == 0) edge(r, "addresses", crimes[random() % crimes.size()]);
  }
  for (const auto& d : documents) {
    for (int k = 0; k < 8; ++k) edge(d, "mentions", pick(random() % 2 ? bodies : resolutions));
  }
  return graph;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t nodes = 100000;
  std::string keep;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--keep" && i + 1 < argc) {
      keep = argv[++i];
    } else {
      nodes = std::strtoull(argv[i], nullptr, 10);
    }
  }
  if (nodes < 100) nodes = 100;

  KnowledgeGraph built;
  report("synthesise graph", time_ms([&] { built = synthetic_graph(nodes); }));
  std::string json;
  report("write node-link JSON", time_ms([&] {
           std::ostringstream out;
           crimekg::write_node_link(built, out);
           json = std::move(out).str();
         }));
  if (!keep.empty()) std::ofstream(keep, std::ios::binary) << json;
  KnowledgeGraph graph;
  report("read node-link JSON", time_ms([&] { crimekg::read_node_link(json, "bench", graph); }));
  std::printf("  graph: %zu nodes, %zu edges, %.1f MB of JSON\n\n", graph.node_count(),
              graph.edge_count(), json.size() / 1e6);

  namespace q = crimekg::query;
  std::unique_ptr<q::NameIndex> index;
  report("name index (folds every name)", time_ms([&] { index = std::make_unique<q::NameIndex>(graph); }));
  std::printf("  (%zu names)\n", index->name_count());
  report("resolve 1000 names", time_ms([&] {
           for (int i = 0; i < 1000; ++i) index->resolve("ACR" + std::to_string(2 * i));
         }));
  report("search \"justice crime\"", time_ms([&] { index->search("justice crime", 20); }));
  report("matrix Body x CrimeType", time_ms([&] { q::build_matrix(graph, q::MatrixOptions{}); }));
  const auto hub = *graph.find("body:b0");
  report("neighbors of the busiest body", time_ms([&] { q::neighbors(graph, hub, q::NeighborOptions{}); }));
  report("show the busiest body", time_ms([&] { q::node_report(graph, hub, q::NodeReportOptions{}); }));
  const auto far = *graph.find("resolution:r/" + std::to_string(nodes / 2));
  report("path body -> resolution (typed)", time_ms([&] {
           q::shortest_path(graph, hub, far, q::PathOptions{});
         }));
  q::StatsOptions stats_options;
  q::GraphStats stats;
  report("stats, auto betweenness", time_ms([&] { stats = q::graph_stats(graph, stats_options); }));
  std::printf("  (betweenness %s from %zu sources)\n",
              std::string(q::to_string(stats.betweenness_used)).c_str(), stats.betweenness_sources);
  stats_options.betweenness = q::BetweennessMode::kNone;
  report("stats, no betweenness", time_ms([&] { q::graph_stats(graph, stats_options); }));
  return 0;
}
