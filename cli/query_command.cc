// crimekg query GRAPH.json SUBCOMMAND ...: questions over a saved graph.
//
// The command line is parsed and checked before the graph is read, so a
// typo costs nothing; the graph is read once and each index (names, the
// undirected view) is built only by the subcommands that need it.
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "graph/knowledge_graph.h"
#include "graph/snapshot.h"
#include "graph/status.h"
#include "query/common.h"
#include "query/graph_stats.h"
#include "query/matrix.h"
#include "query/name_index.h"
#include "query/name_report.h"
#include "query/neighbors.h"
#include "query/node_report.h"
#include "query/paths.h"
#include "query/table_printer.h"

namespace crimekg::cli {
namespace {

using query::OutputFormat;

constexpr const char* kQueryUsage = R"(crimekg query — ask a saved graph

Usage:
  crimekg query GRAPH.json SUBCOMMAND [ARGUMENTS] [OPTIONS]
  crimekg query help SUBCOMMAND        (or: crimekg query SUBCOMMAND --help)

Subcommands:
  matrix               counts of edges between two sets of node types
                       (default: which Body addresses which CrimeType)
  neighbors NAME       the nodes one edge away from NAME
  path A B             the shortest path between two nodes, with its predicates
  show NAME            a node: labels in every language, aliases, degree by
                       predicate, evidence sentences with document and paragraph
  search TEXT          nodes by any name or alias in any language
  stats                counts by type and predicate, top nodes by degree and
                       betweenness, connected components

GRAPH is a graph saved by `crimekg build`: node-link JSON, or a snapshot
(GRAPH.crimekg, from `build -o` or `export -o`), which is mapped rather than
parsed and keeps its evidence on disk until an answer shows it, so a large
graph answers in a fraction of a second instead of seconds.

NAME is a node id ("body:general-assembly"), or a label, alias or acronym in
any language ("UNODC", "trafficking in persons",
"مكتب الأمم المتحدة المعني بالمخدرات والجريمة"), matched after folding case,
diacritics, harakat, Arabic letter variants and punctuation as the extractor
does, with or without a leading "the". A name typed exactly as stored wins
over one that only folds the same; a node's own label wins over another
node's alias; a name still shared by several nodes is ambiguous and its
candidates are listed. For `neighbors`, `show` and `search` the words after
the subcommand form one name, so quotes are optional.

Options of every subcommand:
  -f, --format FORMAT  text (default), csv (RFC 4180), markdown, json
      --lang CODE      label language to show: en (default), ar, fr, es, ru, zh;
                       nodes without a label in it show their English label
      --width N        text only: fit tables to N columns (0: no limit).
                       Default: the terminal's width when writing to one,
                       else $COLUMNS, else no limit
      --time           report load, index and query times on stderr
  -h, --help           this help, or a subcommand's with its name

Exit codes:
  0  answered
  1  bad command line (unknown subcommand, option, node type or predicate)
  2  the graph file was unreadable, or neither node-link JSON nor a snapshot
     (the message names it); if only some nodes or links were malformed the
     query is still answered from the rest, the problems listed, and the exit
     code is 2; a snapshot whose evidence turns out damaged when an answer
     reads it stops the answer with code 2
  3  the answer could not be written to standard output
  5  a name matched nothing, or matched several nodes equally well (the
     candidates are listed: on stderr, or as JSON on stdout with --format
     json); also `path` with no path and `search` with no result
)";

struct SubcommandSpec {
  std::string name;
  std::size_t min_positionals;
  std::size_t max_positionals;          // SIZE_MAX: the words form one name
  std::map<std::string, bool> options;  // option -> takes a value
  const char* help;
};

const std::vector<SubcommandSpec>& subcommands() {
  static const std::vector<SubcommandSpec> kSpecs = {
      {"matrix",
       0,
       0,
       {{"--rows", true},
        {"--cols", true},
        {"--predicate", true},
        {"--direction", true},
        {"--count", true},
        {"--limit", true},
        {"--top-cols", true}},
       R"(crimekg query GRAPH.json matrix [OPTIONS]

The table of counts between row nodes and column nodes joined by the given
predicates: by default, for every Body and CrimeType, the pieces of evidence
that the body addresses the crime. Rows and columns are sorted by their
totals, largest first; a row or column with nothing in it is left out.

Options:
      --rows TYPES       row node types, comma-separated (default: Body).
                         Body,Programme adds the programmes bodies run
      --cols TYPES       column node types (default: CrimeType)
      --predicate P      predicates counted, repeatable or comma-separated;
                         "typed" for all typed predicates, "all" for every
                         one (default: addresses)
      --direction D      out: edges from row to column node; in: from column
                         to row node; both (default): either, so swapping
                         --rows and --cols transposes the table
      --count WHAT       evidence (default): pieces of evidence, the sum of
                         edge weights; edges: one per predicate and pair;
                         documents: distinct documents behind the evidence
      --limit N          show only the N rows with the largest totals
      --top-cols N       show only the N columns with the largest totals

Node types: State, Body, Resolution, Decision, CrimeType, Programme,
Instrument, Document, Meeting, Place (or their id prefixes: body, crime, ...).

Text output puts each row's total first; columns that do not fit the
terminal are dropped from the right (the smallest) and counted in a note.
CSV has one record per row node: id, label, total, then one field per
column node, headed by its id. JSON carries ids, labels, totals and counts.

Example:
  crimekg query out.json matrix --rows Body --cols CrimeType
  crimekg query out.json matrix --rows Programme --format csv
)"},
      {"neighbors",
       1,
       SIZE_MAX,
       {{"--predicate", true},
        {"--direction", true},
        {"--type", true},
        {"--limit", true},
        {"--evidence", false}},
       R"(crimekg query GRAPH.json neighbors NAME [OPTIONS]

The nodes one edge away from NAME: predicate, direction (→ NAME is the
source, ← the target, ↔ a symmetric predicate stored both ways), the
neighbour, the edge's weight (pieces of evidence) and its documents. Sorted
by predicate, then direction, then heaviest edge first.

Options:
      --predicate P      only these predicates, repeatable or comma-separated;
                         "typed" for all typed predicates (default: all)
      --direction D      out, in or both (default)
      --type TYPES       only neighbours of these node types
      --limit N          at most N rows (default: all)
      --evidence         also list each edge's evidence sentences (text, json)

Example:
  crimekg query out.json neighbors UNODC --predicate addresses
  crimekg query out.json neighbors CRIMJUST --direction out
)"},
      {"path",
       2,
       2,
       {{"--predicate", true}, {"--directed", false}},
       R"(crimekg query GRAPH.json path A B [OPTIONS]

The shortest path (fewest edges) from A to B, found by breadth-first search,
with every edge along it: its predicate, which way it points, its weight.
Quote names of several words: path INTERPOL "trafficking in persons".

Options:
      --predicate P      edges that may be walked, repeatable or
                         comma-separated (default: typed, the ontology's
                         typed predicates; "all" adds mentions and
                         mentionedWith, through which nearly every pair is two
                         hops apart via a Document)
      --directed         walk edges only from source to target (default:
                         either way)

Exits 5 when there is no path.

Example:
  crimekg query out.json path INTERPOL terrorism
)"},
      {"show",
       1,
       SIZE_MAX,
       {{"--predicate", true}, {"--evidence", true}},
       R"(crimekg query GRAPH.json show NAME [OPTIONS]

One node: id, type, mentions, its label in every language, aliases, sameAs
and other properties; its degree by predicate (edges out, in, evidence);
and the evidence for its edges: each sentence with its document and
paragraph, grouped by edge. Sentences are printed whole.

Options:
      --predicate P      whose evidence to list (default: typed; "all" adds
                         mentions and mentionedWith)
      --evidence N       at most N sentences (default 20; "all" or 0: all)

CSV output is the evidence table (one record per sentence); JSON has it all.

Example:
  crimekg query out.json show "مكتب الأمم المتحدة المعني بالمخدرات والجريمة"
  crimekg query out.json show UNODC --evidence all --format json
)"},
      {"search",
       1,
       SIZE_MAX,
       {{"--type", true}, {"--limit", true}},
       R"(crimekg query GRAPH.json search TEXT [OPTIONS]

Nodes any of whose names — label, labels in every language, aliases,
a Document's symbol or file, the id — contain TEXT once both are folded
as the extractor folds them. Best first: the whole name, then names
starting with it, then a word starting with it, then anywhere in a name,
then in the id; ties by mentions.

Options:
      --type TYPES       only these node types
      --limit N          at most N results (default 20; 0: all)

Exits 5 when nothing matches.

Example:
  crimekg query out.json search trafficking --type CrimeType
  crimekg query out.json search المخدرات
)"},
      {"stats",
       0,
       0,
       {{"--predicate", true},
        {"--top", true},
        {"--betweenness", true},
        {"--samples", true},
        {"--no-betweenness", false}},
       R"(crimekg query GRAPH.json stats [OPTIONS]

Nodes by type, edges and evidence by predicate; then, over the chosen
predicates seen as an undirected graph: the top nodes by degree (distinct
neighbours) and by betweenness centrality (normalised as networkx does),
and the connected components (nodes with no such edge counted apart).

Options:
      --predicate P      edges of the structure measures (default: typed;
                         "all" makes Documents the hubs of everything)
      --top N            length of the top lists (default 10)
      --betweenness M    auto (default): exact (Boost's Brandes algorithm)
                         while that stays within a fraction of a second
                         (graphs up to about 2,000 nodes), otherwise
                         estimated from a fixed sample of source nodes;
                         exact, sample, or none
      --samples K        source nodes for the estimate (default: as many as
                         fit in the time budget)
      --no-betweenness   same as --betweenness none

Example:
  crimekg query out.json stats --top 5
)"},
  };
  return kSpecs;
}

const SubcommandSpec* find_subcommand(const std::string& name) {
  for (const auto& spec : subcommands()) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

struct ParsedArgs {
  std::vector<std::string> positionals;
  std::map<std::string, std::vector<std::string>> values;  // option -> values given
  bool has(const std::string& option) const { return values.count(option) > 0; }
  const std::string* last(const std::string& option) const {
    auto it = values.find(option);
    return it == values.end() || it->second.empty() ? nullptr : &it->second.back();
  }
};

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Options of every subcommand.
const std::map<std::string, bool>& common_options() {
  static const std::map<std::string, bool> kCommon = {
      {"--format", true}, {"--lang", true}, {"--width", true}, {"--time", false}};
  return kCommon;
}

ParsedArgs parse_args(const SubcommandSpec& spec, const std::vector<std::string>& args) {
  ParsedArgs parsed;
  bool options_done = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string arg = args[i];
    if (options_done || arg.size() < 2 || arg[0] != '-' || (arg[1] != '-' && arg != "-f")) {
      // A lone "-" or a negative-looking word is a positional, not an option.
      parsed.positionals.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    if (arg == "-f") arg = "--format";
    std::optional<std::string> inline_value;
    if (auto eq = arg.find('='); eq != std::string::npos) {
      inline_value = arg.substr(eq + 1);
      arg.resize(eq);
    }
    bool takes_value;
    if (auto it = spec.options.find(arg); it != spec.options.end()) {
      takes_value = it->second;
    } else if (auto c = common_options().find(arg); c != common_options().end()) {
      takes_value = c->second;
    } else {
      throw UsageError("unknown option " + arg + " for '" + spec.name + "' (see crimekg query " +
                       spec.name + " --help)");
    }
    if (!takes_value) {
      if (inline_value) throw UsageError(arg + " takes no value");
      parsed.values[arg];
      continue;
    }
    if (!inline_value) {
      if (i + 1 >= args.size()) throw UsageError(arg + " needs a value");
      inline_value = args[++i];
    }
    parsed.values[arg].push_back(*inline_value);
  }
  return parsed;
}

std::size_t parse_count(const std::string& option, const std::string& text, bool allow_all) {
  if (allow_all && text == "all") return 0;
  char* end = nullptr;
  errno = 0;
  const unsigned long long value = std::strtoull(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || errno != 0 || text[0] == '-') {
    throw UsageError(option + " needs a whole number" + (allow_all ? " or \"all\"" : "") +
                     ", not '" + text + "'");
  }
  return static_cast<std::size_t>(value);
}

std::vector<NodeType> parse_types(const std::string& option, const std::string& spec) {
  std::vector<NodeType> types;
  std::string error;
  if (!query::parse_node_types(spec, types, error)) throw UsageError(option + ": " + error);
  return types;
}

query::Direction parse_direction(const std::string& text) {
  auto direction = query::direction_from_name(text);
  if (!direction) throw UsageError("--direction is in, out or both, not '" + text + "'");
  return *direction;
}

// Predicates named on the command line must be the ontology's or the
// graph's: "adresses" is a typo, not an empty answer.
void check_predicates(const query::PredicateSet& set, const KnowledgeGraph& graph) {
  auto known = [](const std::string& name) {
    return is_typed_predicate(name) || name == predicate::kMentions ||
           name == predicate::kMentionedWith;
  };
  // The ontology's names need no look at the graph, whose million edges
  // would otherwise be scanned for their predicates on every query.
  if (std::all_of(set.names().begin(), set.names().end(), known)) return;
  const auto present = query::predicates_in(graph);
  for (const auto& name : set.names()) {
    if (present.count(name) || known(name)) continue;
    std::string known;
    for (auto p : typed_predicates())
      known += std::string(known.empty() ? "" : ", ") + std::string(p);
    known += ", mentions, mentionedWith";
    for (const auto& p : present) {
      if (!is_typed_predicate(p) && p != predicate::kMentions && p != predicate::kMentionedWith) {
        known += ", " + p;
      }
    }
    throw UsageError("unknown predicate '" + name + "' (known: " + known + "; or typed, all)");
  }
}

std::size_t terminal_width() {
  if (::isatty(STDOUT_FILENO)) {
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  }
  if (const char* columns = std::getenv("COLUMNS")) {
    char* end = nullptr;
    const long value = std::strtol(columns, &end, 10);
    if (end != columns && *end == '\0' && value > 0) return static_cast<std::size_t>(value);
  }
  return 0;
}

class Timer {
 public:
  explicit Timer(bool enabled) : enabled_(enabled), start_(Clock::now()) {}
  void lap(const char* what) {
    if (!enabled_) return;
    const auto now = Clock::now();
    std::cerr << "crimekg query: " << what << ' '
              << std::chrono::duration<double, std::milli>(now - start_).count() << " ms\n";
    start_ = now;
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  Clock::time_point start_;
};

// Everything one run needs: the graph, options, and the indices built on
// first use.
class Session {
 public:
  Session(const KnowledgeGraph& graph, std::shared_ptr<const GraphSnapshot> snapshot,
          query::RenderOptions render, Timer& timer)
      : graph_(graph), snapshot_(std::move(snapshot)), render_(std::move(render)), timer_(timer) {}

  const query::RenderOptions& render() const { return render_; }

  // The node NAME stands for; on failure reports it and returns nullopt.
  std::optional<KnowledgeGraph::Vertex> resolve(const std::string& name) {
    // An exact id or spelling needs no index: `show UNODC` answers without
    // collecting, let alone folding, every name of a large graph.
    if (auto v = query::NameIndex::find_exact(graph_, name)) return v;
    const auto resolution = index_for(name).resolve(name);
    if (resolution.outcome == query::Resolution::Outcome::kFound) {
      return resolution.matches.front().vertex;
    }
    if (render_.format == OutputFormat::kJson) {
      query::render_resolution_problem(graph_, name, resolution, render_, std::cout);
      std::cerr << "crimekg query: "
                << (resolution.outcome == query::Resolution::Outcome::kAmbiguous
                        ? "ambiguous name: "
                        : "no node is called: ")
                << name << '\n';
    } else {
      query::render_resolution_problem(graph_, name, resolution, render_, std::cerr);
    }
    return std::nullopt;
  }

  // The index to look `text` up in: from a snapshot with stored folded
  // names, one of just the names that can match it; else the whole one.
  const query::NameIndex& index_for(const std::string& text) {
    if (snapshot_) {
      if (auto names = query::NameIndex::for_text(graph_, snapshot_, text)) {
        partial_ = std::move(names);
        timer_.lap("name index built in");
        return *partial_;
      }
    }
    return index();
  }

  const query::NameIndex& index() {
    if (!index_) {
      index_ = std::make_unique<query::NameIndex>(graph_);
      // A snapshot written by crimekg carries every name folded.
      if (snapshot_) index_->use_stored_keys(snapshot_);
      timer_.lap("name index built in");
    }
    return *index_;
  }

 private:
  const KnowledgeGraph& graph_;
  std::shared_ptr<const GraphSnapshot> snapshot_;
  query::RenderOptions render_;
  Timer& timer_;
  std::unique_ptr<query::NameIndex> index_;
  std::unique_ptr<query::NameIndex> partial_;  // the last index_for's
};

std::string joined_name(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

query::PredicateSet predicates_option(const ParsedArgs& args, query::PredicateSet fallback) {
  auto it = args.values.find("--predicate");
  if (it == args.values.end()) return fallback;
  return query::PredicateSet::parse(it->second);
}

// A subcommand's options are all checked before the graph is read (a typo
// costs nothing on a large graph); what is left runs once it is loaded.
using Plan = std::function<int(Session&, const KnowledgeGraph&)>;

Plan plan_matrix(const ParsedArgs& args) {
  query::MatrixOptions options;
  if (auto v = args.last("--rows")) options.row_types = parse_types("--rows", *v);
  if (auto v = args.last("--cols")) options.column_types = parse_types("--cols", *v);
  options.predicates = predicates_option(args, options.predicates);
  if (auto v = args.last("--direction")) options.direction = parse_direction(*v);
  if (auto v = args.last("--count")) {
    auto measure = query::matrix_measure_from_name(*v);
    if (!measure) throw UsageError("--count is evidence, edges or documents, not '" + *v + "'");
    options.measure = *measure;
  }
  if (auto v = args.last("--limit")) options.max_rows = parse_count("--limit", *v, false);
  if (auto v = args.last("--top-cols")) options.max_columns = parse_count("--top-cols", *v, false);
  return [options](Session& session, const KnowledgeGraph& graph) {
    check_predicates(options.predicates, graph);
    const auto matrix = query::build_matrix(graph, options, session.render().language);
    query::render_matrix(graph, matrix, options, session.render(), std::cout);
    return exit_code::kOk;
  };
}

Plan plan_neighbors(const ParsedArgs& args) {
  query::NeighborOptions options;
  options.predicates = predicates_option(args, options.predicates);
  if (auto v = args.last("--direction")) options.direction = parse_direction(*v);
  if (auto v = args.last("--type")) options.types = parse_types("--type", *v);
  if (auto v = args.last("--limit")) options.limit = parse_count("--limit", *v, false);
  options.with_evidence = args.has("--evidence");
  return [options, name = joined_name(args.positionals)](Session& session,
                                                         const KnowledgeGraph& graph) {
    check_predicates(options.predicates, graph);
    const auto node = session.resolve(name);
    if (!node) return exit_code::kNotFound;
    const auto result = query::neighbors(graph, *node, options);
    query::render_neighbors(graph, *node, result, options, session.render(), std::cout);
    return exit_code::kOk;
  };
}

Plan plan_path(const ParsedArgs& args) {
  query::PathOptions options;
  options.predicates = predicates_option(args, options.predicates);
  options.directed = args.has("--directed");
  return [options, a = args.positionals[0], b = args.positionals[1]](Session& session,
                                                                     const KnowledgeGraph& graph) {
    check_predicates(options.predicates, graph);
    const auto from = session.resolve(a);
    if (!from) return exit_code::kNotFound;
    const auto to = session.resolve(b);
    if (!to) return exit_code::kNotFound;
    const auto path = query::shortest_path(graph, *from, *to, options);
    query::render_path(graph, path, options, session.render(), std::cout);
    if (path.found) return exit_code::kOk;
    const auto& lang = session.render().language;
    auto name = [&](KnowledgeGraph::Vertex v) {
      return query::display_label(graph.node(v), lang) + " [" + graph.node(v).id + "]";
    };
    std::cerr << "crimekg query: no path from " << name(*from) << " to " << name(*to) << " over "
              << options.predicates.describe()
              << (options.directed ? ", following edge direction" : "") << '\n';
    return exit_code::kNotFound;
  };
}

Plan plan_show(const ParsedArgs& args) {
  query::NodeReportOptions options;
  options.evidence_predicates = predicates_option(args, options.evidence_predicates);
  if (auto v = args.last("--evidence"))
    options.evidence_limit = parse_count("--evidence", *v, true);
  return [options, name = joined_name(args.positionals)](Session& session,
                                                         const KnowledgeGraph& graph) {
    check_predicates(options.evidence_predicates, graph);
    const auto node = session.resolve(name);
    if (!node) return exit_code::kNotFound;
    const auto report = query::node_report(graph, *node, options, session.render().language);
    query::render_node_report(graph, report, options, session.render(), std::cout);
    return exit_code::kOk;
  };
}

Plan plan_search(const ParsedArgs& args) {
  std::vector<NodeType> types;
  if (auto v = args.last("--type")) types = parse_types("--type", *v);
  std::size_t limit = 20;
  if (auto v = args.last("--limit")) limit = parse_count("--limit", *v, true);
  const std::string text = joined_name(args.positionals);
  if (text.find_first_not_of(' ') == std::string::npos) throw UsageError("search needs some text");
  return [types, limit, text](Session& session, const KnowledgeGraph& graph) {
    auto hits = session.index_for(text).search(text, 0, types);
    const std::size_t total = hits.size();
    if (limit > 0 && hits.size() > limit) hits.resize(limit);
    query::render_search(graph, text, hits, total, session.render(), std::cout);
    return total == 0 ? exit_code::kNotFound : exit_code::kOk;
  };
}

Plan plan_stats(const ParsedArgs& args) {
  query::StatsOptions options;
  options.structure = predicates_option(args, options.structure);
  if (auto v = args.last("--top")) options.top = parse_count("--top", *v, false);
  if (auto v = args.last("--betweenness")) {
    auto mode = query::betweenness_mode_from_name(*v);
    if (!mode) throw UsageError("--betweenness is auto, exact, sample or none, not '" + *v + "'");
    options.betweenness = *mode;
  }
  if (args.has("--no-betweenness")) options.betweenness = query::BetweennessMode::kNone;
  if (auto v = args.last("--samples")) {
    options.samples = parse_count("--samples", *v, false);
    if (options.samples == 0) throw UsageError("--samples needs at least one source node");
    // Asking for a sample size means asking for the estimate.
    if (options.betweenness == query::BetweennessMode::kAuto) {
      options.betweenness = query::BetweennessMode::kSampled;
    }
  }
  return [options](Session& session, const KnowledgeGraph& graph) {
    check_predicates(options.structure, graph);
    const auto stats = query::graph_stats(graph, options);
    query::render_stats(graph, stats, options, session.render(), std::cout);
    return exit_code::kOk;
  };
}

Plan plan_for(const std::string& name, const ParsedArgs& args) {
  if (name == "matrix") return plan_matrix(args);
  if (name == "neighbors") return plan_neighbors(args);
  if (name == "path") return plan_path(args);
  if (name == "show") return plan_show(args);
  if (name == "search") return plan_search(args);
  return plan_stats(args);
}

bool is_help(const std::string& arg) { return arg == "-h" || arg == "--help"; }

int usage_error(const std::string& message) {
  std::cerr << "crimekg query: " << message << '\n';
  return exit_code::kUsage;
}

// Owns the loaded graph; see GraphTeardown.
struct LoadedGraph {
  explicit LoadedGraph(GraphTeardown how) : teardown(how) {}
  LoadedGraph(const LoadedGraph&) = delete;
  LoadedGraph& operator=(const LoadedGraph&) = delete;
  ~LoadedGraph() {
    if (teardown != GraphTeardown::kLeaveToExit) return;
    // Still reachable from here, so leak checkers do not report it.
    [[maybe_unused]] static KnowledgeGraph* left_to_exit = nullptr;
    left_to_exit = graph.release();
  }
  std::unique_ptr<KnowledgeGraph> graph = std::make_unique<KnowledgeGraph>();
  GraphTeardown teardown;
};

}  // namespace

int run_query(const std::vector<std::string>& args, GraphTeardown teardown) {
  // Help first, wherever it is asked for: `query --help`, `query help path`,
  // `query path --help`, `query GRAPH path --help`.
  const auto options_end = std::find(args.begin(), args.end(), "--");
  if (std::any_of(args.begin(), options_end, is_help) || (!args.empty() && args[0] == "help")) {
    for (auto it = args.begin(); it != options_end; ++it) {
      if (const auto* spec = find_subcommand(*it)) {
        std::cout << spec->help;
        return exit_code::kOk;
      }
    }
    if (!args.empty() && args[0] == "help" && args.size() > 1 && !is_help(args[1])) {
      return usage_error("no subcommand '" + args[1] + "' (see crimekg query --help)");
    }
    std::cout << kQueryUsage;
    return exit_code::kOk;
  }
  if (args.empty()) {
    std::cerr << kQueryUsage;
    return exit_code::kUsage;
  }
  const std::string& graph_path = args[0];
  if (args.size() < 2) {
    if (find_subcommand(graph_path)) {
      return usage_error("the graph comes first: crimekg query GRAPH.json " + graph_path);
    }
    return usage_error("no subcommand after " + graph_path +
                       " (matrix, neighbors, path, show, search, stats; see --help)");
  }
  const SubcommandSpec* spec = find_subcommand(args[1]);
  if (!spec) {
    std::error_code ec;
    if (find_subcommand(graph_path) && !std::filesystem::exists(graph_path, ec)) {
      return usage_error("the graph comes first: crimekg query " + args[1] + " " + graph_path +
                         " ...");
    }
    return usage_error("unknown subcommand '" + args[1] +
                       "' (matrix, neighbors, path, show, search, stats; see --help)");
  }

  ParsedArgs parsed;
  query::RenderOptions render;
  Plan plan;
  try {
    parsed = parse_args(*spec, std::vector<std::string>(args.begin() + 2, args.end()));
    if (parsed.positionals.size() < spec->min_positionals) {
      throw UsageError(
          spec->name + " needs " +
          (spec->min_positionals == 2 ? std::string("two names, A and B") : std::string("a name")) +
          " (see crimekg query " + spec->name + " --help)");
    }
    if (spec->max_positionals != SIZE_MAX && parsed.positionals.size() > spec->max_positionals) {
      throw UsageError(spec->name + ": unexpected argument '" +
                       parsed.positionals[spec->max_positionals] + "'" +
                       (spec->name == "path" ? " (quote names of several words)" : ""));
    }
    if (auto v = parsed.last("--format")) {
      auto format = query::output_format_from_name(*v);
      if (!format) throw UsageError("--format is text, csv, markdown or json, not '" + *v + "'");
      render.format = *format;
    }
    if (auto v = parsed.last("--lang")) render.language = *v;
    render.width = parsed.has("--width") ? parse_count("--width", *parsed.last("--width"), false)
                                         : terminal_width();
    plan = plan_for(spec->name, parsed);
  } catch (const UsageError& e) {
    return usage_error(e.what());
  }

  Timer timer(parsed.has("--time"));
  LoadedGraph loaded(teardown);
  KnowledgeGraph& graph = *loaded.graph;
  // A snapshot's evidence stays in the file until an answer shows it.
  std::shared_ptr<const GraphSnapshot> snapshot;
  const Status status = load_graph_file(graph_path, graph, EvidenceLoading::kLazy, &snapshot);
  timer.lap("graph loaded in");
  int load_code = exit_code::kOk;
  if (!status.ok()) {
    std::cerr << status.to_string();
    // Nothing usable: the file could not be read or is not node-link JSON.
    // Otherwise the damaged entries were skipped and the rest is answered.
    if (graph.node_count() == 0) {
      std::cerr << "crimekg query: cannot query " << graph_path << '\n';
      return exit_code::kInputProblem;
    }
    load_code = exit_code::kInputProblem;
  }

  Session session(graph, snapshot, render, timer);
  int code;
  try {
    code = plan(session, graph);
  } catch (const UsageError& e) {
    return usage_error(e.what());
  } catch (const EvidenceReadError& e) {
    // A snapshot damaged where the checksums of its tables do not reach.
    std::cout.flush();
    std::cerr << "crimekg query: " << e.what() << '\n';
    return exit_code::kInputProblem;
  }
  timer.lap("answered in");
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "crimekg query: cannot write to standard output\n";
    return exit_code::kOutputError;
  }
  return code != exit_code::kOk ? code : load_code;
}

}  // namespace crimekg::cli
