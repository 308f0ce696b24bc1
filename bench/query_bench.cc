// How long `crimekg query` takes on a large graph, end to end as a user runs
// it: read the node-link JSON, build what the subcommand needs, answer, free.
//
//   build/bench/crimekg_query_bench [--nodes N] [--edges-per-node E]
//       [--write FILE] [--graph FILE] [--runs R] [--no-json]
//
// Each subcommand is timed on the node-link JSON and on the snapshot
// written beside it (FILE.crimekg, with folded names, as `crimekg build
// -o G.crimekg` writes it); --no-json times the snapshot only.
//
// Without --graph it synthesises a deterministic corpus-shaped graph (fixed
// seed; 100,000 nodes and about 10 edges a node by default) and saves it
// with the project's own writer to --write FILE (default: a file in the
// temporary folder, removed afterwards unless --write names it), so the
// same file can be timed through the executable:
//   /usr/bin/time -v build/cli/crimekg query FILE stats
// With --graph FILE it times an existing graph instead (names are then
// taken from that graph: its busiest Body and a CrimeType).
//
// Each subcommand runs through the CLI's own code (run_query, output to
// /dev/null) R times; the median is reported, split into load (read and
// parse the file), answer (indices, query, rendering) and free (the graph's
// teardown before the process would exit), as `--time` reports them.
//
// Not a test: numbers depend on the machine.
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "graph/knowledge_graph.h"
#include "graph/node_link.h"
#include "graph/snapshot.h"
#include "query/name_index.h"

namespace {

using crimekg::EdgeRecord;
using crimekg::Evidence;
using crimekg::KnowledgeGraph;
using crimekg::NodeData;
using crimekg::NodeType;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Node types as a large UN corpus has them. The samples graph (549 nodes
// from five documents) is 30% States, 4% CrimeTypes; but there are only so
// many States (some 200) and crime types (the lexicon's few dozen), so in
// a 100k-node corpus those are capped and the open-ended types —
// Documents, Resolutions, Decisions, Meetings, Bodies, Programmes — grow.
struct TypeShare {
  NodeType type;
  const char* prefix;
  double share;         // of the nodes left after the capped types
  std::size_t cap = 0;  // 0: no cap
};
constexpr TypeShare kShares[] = {
    {NodeType::kState, "state:", 0, 250},         {NodeType::kCrimeType, "crime:", 0, 60},
    {NodeType::kPlace, "place:", 0, 1500},        {NodeType::kDocument, "document:", 0.26},
    {NodeType::kResolution, "resolution:", 0.24}, {NodeType::kDecision, "decision:", 0.08},
    {NodeType::kMeeting, "meeting:", 0.12},       {NodeType::kBody, "body:", 0.14},
    {NodeType::kProgramme, "programme:", 0.11},   {NodeType::kInstrument, "instrument:", 0.05},
};

const char* kEnglish[] = {
    "international", "regional",   "office",      "committee",   "programme",     "justice",
    "crime",         "prevention", "cooperation", "network",     "global",        "centre",
    "council",       "working",    "group",       "drugs",       "criminal",      "united",
    "nations",       "convention", "protocol",    "trafficking", "persons",       "against",
    "transnational", "organized",  "assistance",  "technical",   "legal",         "states",
    "parties",       "conference", "secretariat", "member",      "implementation"};
const char* kArabic[] = {"مكتب",    "لجنة",   "برنامج",  "العدالة", "الجريمة",   "منع",
                         "التعاون", "الشبكة", "العالمي", "مركز",    "مجلس",      "الفريق",
                         "العامل",  "الأمم",  "المتحدة", "المعني",  "بالمخدرات", "والجريمة"};
const char* kFrench[] = {"office",      "comité", "programme", "justice", "crime",   "prévention",
                         "coopération", "réseau", "mondial",   "centre",  "conseil", "groupe"};
const char* kChinese[] = {"联合国", "毒品", "犯罪", "问题", "办公室", "委员会", "方案", "司法"};

std::string words(std::mt19937_64& random, const char* const* list, std::size_t size, int count) {
  std::string out;
  for (int k = 0; k < count; ++k) {
    if (!out.empty()) out += ' ';
    out += list[random() % size];
  }
  return out;
}

// An index in [0, n) drawn with a power-law skew: a few nodes (UNODC, the
// General Assembly, organized crime) take most edges, as in real corpora.
std::size_t skewed(std::mt19937_64& random, std::size_t n) {
  const double u = std::uniform_real_distribution<double>(0, 1)(random);
  return std::min(n - 1, static_cast<std::size_t>(u * u * u * static_cast<double>(n)));
}

struct Synthetic {
  KnowledgeGraph graph;
  std::vector<std::vector<std::string>> ids;  // by node type
};

Synthetic synthesise(std::size_t nodes, double edges_per_node) {
  std::mt19937_64 random(20240611);
  Synthetic out;
  out.ids.resize(crimekg::kNodeTypeCount);
  std::size_t capped = 0;
  for (const auto& share : kShares) capped += std::min(share.cap, nodes / 20);
  for (const auto& share : kShares) {
    const auto count = std::max<std::size_t>(
        2, share.cap ? std::min(share.cap, nodes / 20)
                     : static_cast<std::size_t>(share.share * static_cast<double>(nodes - capped)));
    auto& ids = out.ids[static_cast<int>(share.type)];
    for (std::size_t i = 0; i < count; ++i) {
      NodeData n;
      n.type = share.type;
      n.label = words(random, kEnglish, std::size(kEnglish), 2 + static_cast<int>(random() % 5)) +
                " " + std::to_string(i);
      std::string slug = n.label;
      std::replace(slug.begin(), slug.end(), ' ', '-');
      n.id = std::string(share.prefix) + slug;
      n.labels["en"] = n.label;
      if (i % 3 == 0) {
        n.labels["ar"] =
            words(random, kArabic, std::size(kArabic), 3 + static_cast<int>(random() % 3)) + " " +
            std::to_string(i);
      }
      if (i % 5 == 0)
        n.labels["fr"] = words(random, kFrench, std::size(kFrench), 4) + " " + std::to_string(i);
      if (i % 7 == 0)
        n.labels["zh"] = words(random, kChinese, std::size(kChinese), 4) + std::to_string(i);
      if (i % 2 == 0) {
        std::string acronym;
        for (std::size_t p = 0; p < n.label.size(); ++p) {
          if (p == 0 || n.label[p - 1] == ' ')
            acronym += static_cast<char>(std::toupper(n.label[p]));
        }
        n.aliases.push_back(acronym + std::to_string(i));
      }
      n.mentions = 1 + (i < 50 ? 2000 / (i + 1) : random() % 20);
      if (share.type == NodeType::kDocument) {
        n.properties["file"] = "corpus/" + std::to_string(i) + ".txt";
        n.properties["language"] = i % 6 == 0 ? "ar" : "en";
        n.properties["symbol"] = "A/" + std::to_string(50 + i % 30) + "/" + std::to_string(i);
      }
      out.graph.upsert_node(n);
      ids.push_back(n.id);
    }
  }

  auto of = [&](NodeType t) -> const std::vector<std::string>& {
    return out.ids[static_cast<int>(t)];
  };
  const auto& documents = of(NodeType::kDocument);
  auto evidence_text = [&](bool arabic) {
    const int length = 12 + static_cast<int>(random() % 30);
    return arabic ? words(random, kArabic, std::size(kArabic), length)
                  : words(random, kEnglish, std::size(kEnglish), length) + ".";
  };
  auto edge = [&](const std::string& s, std::string_view p, const std::string& t,
                  const char* extractor) {
    if (s == t) return;
    EdgeRecord e{s, t, std::string(p), 0, {}};
    // Mostly one sentence, a few edges many: 1 + a geometric tail.
    std::size_t items = 1;
    while (items < 12 && random() % 10 < 3) ++items;
    for (std::size_t k = 0; k < items; ++k) {
      const std::size_t d = skewed(random, documents.size());
      const std::uint64_t start = random() % 200000;
      e.evidence.push_back(Evidence{documents[d], std::to_string(1 + random() % 120), start,
                                    start + 100 + random() % 300, evidence_text(d % 6 == 0),
                                    extractor, 0.5 + static_cast<double>(random() % 50) / 100});
    }
    e.weight = e.evidence.size();
    out.graph.upsert_edge(e);
  };
  auto pick = [&](NodeType t) -> const std::string& {
    const auto& ids = of(t);
    return ids[skewed(random, ids.size())];
  };
  using crimekg::NodeType;
  namespace p = crimekg::predicate;
  // Typed edges, about a quarter of all, following the ontology's domains
  // and ranges; then `mentions` from Documents; the rest mentionedWith
  // (co-occurrence in a paragraph), the bulk of a real graph.
  const auto total = static_cast<std::size_t>(edges_per_node * static_cast<double>(nodes));
  const std::size_t typed = total / 4, mentions = total / 8;
  for (std::size_t i = 0; i < typed; ++i) {
    switch (random() % 12) {
      case 0:
        edge(pick(NodeType::kBody), p::kAdopted,
             pick(random() % 5 ? NodeType::kResolution : NodeType::kDecision), "reference");
        break;
      case 1: {
        constexpr NodeType kFrom[] = {NodeType::kBody, NodeType::kProgramme, NodeType::kResolution,
                                      NodeType::kInstrument, NodeType::kMeeting};
        edge(pick(kFrom[random() % 5]), p::kAddresses, pick(NodeType::kCrimeType), "addresses");
        break;
      }
      case 2:
        edge(pick(NodeType::kBody), p::kRuns, pick(NodeType::kProgramme), "lexicon-structure");
        break;
      case 3:
        edge(pick(NodeType::kBody), p::kPartOf, pick(NodeType::kBody), "lexicon-structure");
        break;
      case 4:
      case 5: {
        constexpr NodeType kCiting[] = {NodeType::kResolution, NodeType::kDecision,
                                        NodeType::kDocument, NodeType::kInstrument};
        edge(pick(kCiting[random() % 4]), p::kCites, pick(kCiting[random() % 4]), "citation-cue");
        break;
      }
      case 6:
      case 7:
        edge(pick(random() % 4 ? NodeType::kState : NodeType::kBody), p::kParticipatedIn,
             pick(NodeType::kMeeting), "participation");
        break;
      case 8:
        edge(pick(NodeType::kMeeting), p::kHeldIn, pick(NodeType::kPlace), "venue");
        break;
      case 9:
        edge(pick(NodeType::kBody), p::kCooperatesWith,
             pick(random() % 2 ? NodeType::kBody : NodeType::kProgramme), "cooperation");
        break;
      case 10:
        edge(pick(random() % 2 ? NodeType::kBody : NodeType::kProgramme),
             random() % 3 ? p::kAssisted : p::kFundedBy, pick(NodeType::kState), "assistance");
        break;
      default:
        edge(pick(NodeType::kProgramme), p::kSupports, pick(NodeType::kInstrument), "supports");
    }
  }
  auto any_node = [&]() -> const std::string& {
    // Co-occurrence favours the named entities a paragraph is about:
    // States, crime types and bodies come up far beyond their numbers.
    constexpr NodeType kMentioned[] = {
        NodeType::kState,     NodeType::kState,     NodeType::kState,   NodeType::kCrimeType,
        NodeType::kCrimeType, NodeType::kBody,      NodeType::kBody,    NodeType::kResolution,
        NodeType::kDocument,  NodeType::kProgramme, NodeType::kMeeting, NodeType::kInstrument,
        NodeType::kDecision,  NodeType::kPlace};
    return pick(kMentioned[random() % std::size(kMentioned)]);
  };
  for (std::size_t i = 0; i < mentions; ++i) {
    edge(documents[random() % documents.size()], p::kMentions, any_node(), "gazetteer");
  }
  for (std::size_t i = typed + mentions; i < total; ++i) {
    const std::string& a = any_node();
    const std::string& b = any_node();
    // Stored once per pair, lower id first, as the extractor stores it.
    if (a < b)
      edge(a, p::kMentionedWith, b, "cooccurrence");
    else
      edge(b, p::kMentionedWith, a, "cooccurrence");
  }
  return out;
}

// The busiest node of a type (most edges), for names that exercise the
// largest answers.
KnowledgeGraph::Vertex busiest(const KnowledgeGraph& graph, NodeType type) {
  const auto& g = graph.graph();
  KnowledgeGraph::Vertex best = 0;
  std::size_t best_degree = 0;
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    if (g[*it].type != type) continue;
    const std::size_t degree = boost::out_degree(*it, g) + boost::in_degree(*it, g);
    if (degree > best_degree) {
      best = *it;
      best_degree = degree;
    }
  }
  return best;
}

// A name for the node a user would type: an alias if it has one, else its
// label; `arabic` prefers the Arabic label.
std::string name_of(const NodeData& node, bool arabic) {
  if (arabic && node.labels.count("ar")) return node.labels.at("ar");
  if (!arabic && !node.aliases.empty()) return node.aliases.front();
  return node.label;
}

struct Timing {
  double load = 0, answer = 0, total = 0;
  double cpu = 0;  // user + system time of the process, all threads
  int code = 0;
};

// One `crimekg query FILE ARGS... --time` run in this process, stdout to
// /dev/null, stderr captured for the --time laps.
Timing run_once(const std::string& file, const std::vector<std::string>& args,
                const std::string& stderr_path) {
  std::vector<std::string> argv = {file};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.push_back("--time");
  std::fflush(stdout);
  std::fflush(stderr);
  const int saved_out = ::dup(1), saved_err = ::dup(2);
  const int null_fd = ::open("/dev/null", O_WRONLY);
  const int err_fd = ::open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ::dup2(null_fd, 1);
  ::dup2(err_fd, 2);
  Timing t;
  auto cpu_ms = [] {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
  };
  const double cpu_start = cpu_ms();
  const auto start = Clock::now();
  t.code = crimekg::cli::run_query(argv);
  t.total = ms_since(start);
  t.cpu = cpu_ms() - cpu_start;
  std::cout.flush();
  std::cerr.flush();
  std::fflush(stdout);
  ::dup2(saved_out, 1);
  ::dup2(saved_err, 2);
  for (int fd : {saved_out, saved_err, null_fd, err_fd}) ::close(fd);
  std::ifstream laps(stderr_path);
  std::string line;
  while (std::getline(laps, line)) {
    auto value = [&](const char* what) {
      const auto at = line.find(what);
      return at == std::string::npos ? -1.0 : std::atof(line.c_str() + at + std::strlen(what));
    };
    if (double v = value("graph loaded in "); v >= 0) t.load = v;
    if (double v = value("answered in "); v >= 0) t.answer += v;
    if (double v = value("name index built in "); v >= 0) t.answer += v;
  }
  return t;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t nodes = 100000;
  double edges_per_node = 10;
  std::string write_path, graph_path;
  int runs = 3;
  bool time_json = true;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", arg.c_str());
        std::exit(1);
      }
      return argv[++i];
    };
    if (arg == "--nodes")
      nodes = std::strtoull(value().c_str(), nullptr, 10);
    else if (arg == "--edges-per-node")
      edges_per_node = std::atof(value().c_str());
    else if (arg == "--write")
      write_path = value();
    else if (arg == "--graph")
      graph_path = value();
    else if (arg == "--runs")
      runs = std::max(1, std::atoi(value().c_str()));
    else if (arg == "--no-json")
      time_json = false;
    else {
      std::fprintf(stderr,
                   "usage: crimekg_query_bench [--nodes N] [--edges-per-node E] [--write FILE] "
                   "[--graph FILE] [--runs R] [--no-json]\n");
      return 1;
    }
  }
  nodes = std::max<std::size_t>(nodes, 200);
  const auto temp = std::filesystem::temp_directory_path();
  const std::string stderr_path =
      (temp / ("crimekg_query_bench." + std::to_string(::getpid()) + ".err")).string();
  bool remove_file = false;

  // The names the subcommands are asked about.
  std::string body, body_arabic, crime, folded;
  std::string file = graph_path;
  std::string snapshot;
  {
    KnowledgeGraph graph;
    if (graph_path.empty()) {
      auto start = Clock::now();
      Synthetic synthetic = synthesise(nodes, edges_per_node);
      std::printf("synthesised in %.0f ms\n", ms_since(start));
      if (write_path.empty()) {
        write_path =
            (temp / ("crimekg_query_bench." + std::to_string(::getpid()) + ".json")).string();
        remove_file = true;
      }
      start = Clock::now();
      {
        std::ofstream out(write_path, std::ios::binary);
        crimekg::write_node_link(synthetic.graph, out);
      }
      std::printf("written with write_node_link in %.0f ms: %s\n", ms_since(start),
                  write_path.c_str());
      file = write_path;
      graph = std::move(synthetic.graph);
    } else {
      const auto status = crimekg::load_node_link_file(graph_path, graph);
      if (graph.node_count() == 0) {
        std::fprintf(stderr, "%s", status.to_string().c_str());
        return 2;
      }
    }
    snapshot = file + std::string(crimekg::kSnapshotExtension);
    const auto start = Clock::now();
    {
      const auto names = crimekg::query::folded_names(graph);
      std::ofstream out(snapshot, std::ios::binary);
      crimekg::write_snapshot(graph, &names, out);
    }
    std::printf("snapshot written in %.0f ms: %s (%.1f MB)\n", ms_since(start), snapshot.c_str(),
                std::filesystem::file_size(snapshot) / 1e6);
    const auto b = busiest(graph, NodeType::kBody);
    body = name_of(graph.node(b), false);
    body_arabic = name_of(graph.node(b), true);
    // A folded spelling: upper-cased English label, found only by folding.
    folded = graph.node(b).label;
    for (char& c : folded) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    crime = graph.node(busiest(graph, NodeType::kCrimeType)).label;
    std::printf("names asked about: \"%s\", \"%s\", \"%s\", \"%s\"\n", body.c_str(),
                body_arabic.c_str(), folded.c_str(), crime.c_str());
    std::printf("graph: %zu nodes, %zu edges, %.1f MB of node-link JSON\n", graph.node_count(),
                graph.edge_count(), std::filesystem::file_size(file) / 1e6);
  }

  struct Case {
    const char* what;
    std::vector<std::string> args;
  };
  // The body's Body x CrimeType row, its neighbours, a path to a crime type
  // and its report: the questions of the issue, on the busiest nodes.
  const std::vector<Case> cases = {
      {"matrix", {"matrix"}},
      {"matrix --count documents", {"matrix", "--count", "documents"}},
      {"neighbors BODY", {"neighbors", body}},
      {"path BODY CRIME", {"path", body, crime}},
      {"show BODY (Arabic label)", {"show", body_arabic}},
      {"show BODY (folded label)", {"show", folded}},
      {"search", {"search", "justice crime"}},
      {"stats", {"stats"}},
      {"stats --no-betweenness", {"stats", "--no-betweenness"}},
  };
  // Wall-clock milliseconds; cpu is the process's user + system time, which
  // on a shared machine says more than wall time does.
  std::vector<std::pair<const char*, std::string>> files;
  if (time_json) files.emplace_back("node-link JSON", file);
  files.emplace_back("snapshot", snapshot);
  for (const auto& [format, path] : files) {
    std::printf("\n%s: median of %d runs, ms  load   answer     free    total      cpu  exit\n",
                format, runs);
    for (const auto& c : cases) {
      std::vector<double> load, answer, total, cpu;
      int code = 0;
      for (int r = 0; r < runs; ++r) {
        const Timing t = run_once(path, c.args, stderr_path);
        load.push_back(t.load);
        answer.push_back(t.answer);
        total.push_back(t.total);
        cpu.push_back(t.cpu);
        code = t.code;
      }
      const double l = median(load), a = median(answer), t = median(total);
      std::printf("  %-26s %8.1f %8.1f %8.1f %8.1f %8.1f  %4d\n", c.what, l, a,
                  std::max(0.0, t - l - a), t, median(cpu), code);
    }
  }
  std::filesystem::remove(stderr_path);
  if (remove_file) std::filesystem::remove(file);
  if (remove_file) std::filesystem::remove(snapshot);
  return 0;
}
