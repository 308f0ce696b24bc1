// `crimekg export` and `crimekg render`: a saved graph (node-link JSON or a snapshot) to
// another format or to a diagram, through the filters of graph/filter.h.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "exporters/diagram_renderer.h"
#include "exporters/export_format.h"
#include "graph/filter.h"
#include "graph/snapshot.h"
#include "graph/status.h"
#include "query/name_index.h"

namespace crimekg::cli {
namespace {

constexpr const char* kFilterHelp = R"(Filters (shared by export and render; applied in this order):
  --types T[,T...]       keep nodes of these types only: State, Body, Resolution,
                         Decision, CrimeType, Programme, Instrument, Document,
                         Meeting, Place
  --predicates P[,P...]  keep edges with these predicates only (adopted, addresses,
                         runs, partOf, cites, participatedIn, heldIn, cooperatesWith,
                         supports, fundedBy, assisted, mentionedWith, mentions);
                         nodes left without any edge are dropped
  --min-weight N         keep edges with at least N pieces of evidence; nodes left
                         without any edge are dropped
  --focus ID             keep the ego network of the node with this canonical id:
                         the nodes within --depth edges of it, either direction
  --depth N              radius of the ego network (default 1)
  --top N                keep the N nodes with most edges (ties broken by id)
)";

constexpr const char* kExportHelp = R"(Usage: crimekg export GRAPH.json -o OUT [-f FORMAT] [options]

Converts a graph saved by `crimekg build` (node-link JSON or a snapshot) to
another format, without extracting it again.

Options:
  -o, --output OUT       where to write: a file, "-" for standard output, or a
                         folder for neo4j and kuzu. Files are replaced whole or
                         not at all.
  -f, --format FORMAT    json      node-link JSON (lossless; networkx node_link_graph)
                         jsonld    JSON-LD 1.1 (RDF: SKOS, schema.org, Dublin Core,
                                   PROV-O, Web Annotation selectors)
                         graphml   GraphML (yEd, Gephi, networkx, igraph)
                         gexf      GEXF 1.3 (Gephi)
                         dot       Graphviz DOT, styled, with a legend
                         neo4j     folder of CSV for neo4j-admin database import,
                                   with the command in README.md
                         kuzu      folder of CSV with schema.cypher (DDL + COPY)
                         snapshot  crimekg's binary snapshot (.crimekg): lossless,
                                   mapped rather than parsed by query, export
                                   and render; names stored folded
                         Default: from OUT's extension (.json .jsonld .graphml
                         .gexf .dot .gv .crimekg), or a name ending in neo4j or
                         kuzu.
  --lang LANG            language of the DOT node labels (default en; a node
                         without a name in LANG shows its English name)
  --base IRI             prefix of the JSON-LD node IRIs, ending in / or #
                         (default https://w3id.org/crimekg/)
  -h, --help             this text

)";

constexpr const char* kRenderHelp = R"(Usage: crimekg render GRAPH.json -o DIAGRAM [options]

Draws a graph saved by `crimekg build` with Graphviz: node colours and shapes
by type, edges coloured by predicate, a legend.

Unless told otherwise it draws a readable overview: no Document nodes, only the
typed relations (not mentions or mentionedWith), the 60 nodes with most edges.
--types naming Document shows Documents, --predicates chooses the edges,
--top N changes the cap (--top 0: no cap), --all drops all three defaults.

Options:
  -o, --output DIAGRAM   the picture: .svg, .png or .pdf ("-": standard output,
                         with -f)
  -f, --format FORMAT    svg, png or pdf (default: from DIAGRAM's extension)
  --layout LAYOUT        dot    layered, left to right (default)
                         sfdp   force-directed, for large graphs
                         neato  force-directed (stress majorisation)
                         fdp    force-directed (springs)
                         circo  circular
                         twopi  radial, around the best-connected node
  --lang LANG            language of the node labels (default en)
  --all                  draw everything the filters keep, without the defaults
  -h, --help             this text

)";

constexpr const char* kExitCodes = R"(
Exit codes:
  0  success
  1  bad command line
  2  GRAPH is unreadable or neither node-link JSON nor a snapshot (nothing is written), or some of
     its nodes or links are malformed (they are reported and skipped; the rest
     is written)
  3  OUT could not be written (nothing partial is left behind)
  5  --focus names no node of the graph, or (render) the filters keep no node
)";

struct Arguments {
  std::string input;
  std::string output;
  std::string format;
  std::string language = "en";
  std::string base_iri = ExportOptions().base_iri;
  std::string layout = "dot";
  bool all = false;
  GraphFilter filter;
  bool types_given = false;
  bool predicates_given = false;
  bool top_given = false;
};

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string item = text.substr(start, comma - start);
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) items.push_back(item);
    start = comma + 1;
  }
  return items;
}

template <typename T>
bool parse_number(const std::string& text, T& value) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

// The node type named `name`, in the ontology's spelling or any case.
std::optional<NodeType> type_named(const std::string& name) {
  if (auto type = node_type_from_string(name)) return type;
  for (int i = 0; i < kNodeTypeCount; ++i) {
    const auto type = static_cast<NodeType>(i);
    const std::string_view official = to_string(type);
    if (official.size() == name.size() &&
        std::equal(official.begin(), official.end(), name.begin(),
                   [](char a, char b) { return std::tolower(a) == std::tolower(b); })) {
      return type;
    }
  }
  return std::nullopt;
}

// Parses the arguments of `command`; on error prints a message and returns
// nullopt with `exit` set (0 after --help).
std::optional<Arguments> parse(const std::string& command, const std::vector<std::string>& args,
                               int& exit) {
  const bool render = command == "render";
  auto usage_error = [&](const std::string& message) {
    std::cerr << "crimekg " << command << ": " << message << " (see crimekg " << command
              << " --help)\n";
    exit = exit_code::kUsage;
    return std::nullopt;
  };
  Arguments a;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "-h" || arg == "--help") {
      std::cout << (render ? kRenderHelp : kExportHelp) << kFilterHelp << kExitCodes;
      exit = exit_code::kOk;
      return std::nullopt;
    }
    auto value = [&](std::string& into) {
      if (i + 1 >= args.size()) return false;
      into = args[++i];
      return true;
    };
    std::string text;
    if (arg == "-o" || arg == "--output") {
      if (!value(a.output)) return usage_error(arg + " needs a path");
    } else if (arg == "-f" || arg == "--format") {
      if (!value(a.format)) return usage_error(arg + " needs a format name");
    } else if (arg == "--lang") {
      if (!value(a.language) || a.language.empty())
        return usage_error("--lang needs a language code");
    } else if (arg == "--base" && !render) {
      if (!value(a.base_iri)) return usage_error("--base needs an IRI");
    } else if (arg == "--layout" && render) {
      if (!value(a.layout)) return usage_error("--layout needs a layout name");
    } else if (arg == "--all" && render) {
      a.all = true;
    } else if (arg == "--types") {
      if (!value(text)) return usage_error("--types needs a list of node types");
      for (const auto& name : split_list(text)) {
        auto type = type_named(name);
        if (!type) {
          return usage_error("unknown node type '" + name +
                             "' (State, Body, Resolution, Decision, CrimeType, Programme, "
                             "Instrument, Document, Meeting, Place)");
        }
        a.filter.types.push_back(*type);
      }
      a.types_given = true;
    } else if (arg == "--predicates") {
      if (!value(text)) return usage_error("--predicates needs a list of predicates");
      a.filter.predicates = split_list(text);
      if (a.filter.predicates.empty())
        return usage_error("--predicates needs at least one predicate");
      a.predicates_given = true;
    } else if (arg == "--min-weight") {
      if (!value(text) || !parse_number(text, a.filter.min_weight)) {
        return usage_error("--min-weight needs a whole number of 0 or more");
      }
    } else if (arg == "--focus") {
      if (!value(a.filter.focus) || a.filter.focus.empty())
        return usage_error("--focus needs a node id");
    } else if (arg == "--depth") {
      if (!value(text) || !parse_number(text, a.filter.depth) || a.filter.depth < 0) {
        return usage_error("--depth needs a whole number of 0 or more");
      }
    } else if (arg == "--top") {
      if (!value(text) || !parse_number(text, a.filter.top)) {
        return usage_error("--top needs a whole number of 0 or more");
      }
      a.top_given = true;
    } else if (!arg.empty() && arg[0] == '-' && arg != "-") {
      return usage_error("unknown option '" + arg + "'");
    } else if (a.input.empty()) {
      a.input = arg;
    } else {
      return usage_error("one GRAPH.json only; '" + arg + "' is extra");
    }
  }
  if (a.input.empty()) return usage_error("no GRAPH.json given");
  if (a.output.empty()) return usage_error("no output given: -o OUT");
  return a;
}

// Loads the graph; prints the problems found. Returns nullopt (exit code 2)
// when nothing could be read, else the graph and whether problems occurred.
std::optional<KnowledgeGraph> load(const std::string& command, const std::string& path,
                                   bool& had_problems) {
  KnowledgeGraph graph;
  const Status status = load_graph_file(path, graph, EvidenceLoading::kInGraph);
  had_problems = !status.ok();
  if (!status.ok()) {
    for (const auto& problem : status.problems()) {
      std::cerr << "crimekg " << command << ": " << problem.file;
      if (problem.line > 0) std::cerr << ':' << problem.line;
      std::cerr << ": " << (problem.entry.empty() ? "" : problem.entry + ": ") << problem.message
                << '\n';
    }
    if (graph.node_count() == 0) {
      std::cerr << "crimekg " << command << ": " << path
                << ": no graph could be read; nothing written\n";
      return std::nullopt;
    }
  }
  return graph;
}

std::optional<KnowledgeGraph> filtered(const std::string& command, const KnowledgeGraph& graph,
                                       const GraphFilter& filter, int& exit) {
  if (filter.is_identity()) return std::nullopt;
  Status status;
  KnowledgeGraph out = apply_filter(graph, filter, status);
  if (!status.ok()) {
    for (const auto& problem : status.problems()) {
      std::cerr << "crimekg " << command << ": " << problem.file << ' ' << problem.entry << ": "
                << problem.message << '\n';
    }
    exit = exit_code::kNotFound;
  }
  return out;
}

}  // namespace

int run_export(const std::vector<std::string>& args) {
  int exit = exit_code::kOk;
  auto parsed = parse("export", args, exit);
  if (!parsed) return exit;
  Arguments& a = *parsed;

  std::optional<ExportFormat> format;
  if (!a.format.empty()) {
    format = export_format_from_name(a.format);
    if (!format) {
      std::cerr << "crimekg export: unknown format '" << a.format
                << "' (json, jsonld, graphml, gexf, dot, neo4j, kuzu, snapshot)\n";
      return exit_code::kUsage;
    }
  } else {
    format = export_format_from_path(a.output);
    if (!format) {
      std::cerr << "crimekg export: cannot tell the format from '" << a.output
                << "'; give it with -f (json, jsonld, graphml, gexf, dot, neo4j, kuzu, snapshot)\n";
      return exit_code::kUsage;
    }
  }
  ExportOptions options;
  options.language = a.language;
  options.base_iri = a.base_iri;
  options.fold_names = query::folded_names;

  bool had_problems = false;
  auto graph = load("export", a.input, had_problems);
  if (!graph) return exit_code::kInputProblem;
  auto selection = filtered("export", *graph, a.filter, exit);
  if (exit != exit_code::kOk) return exit;
  const KnowledgeGraph& out = selection ? *selection : *graph;

  if (std::string error = write_export(out, *format, a.output, options); !error.empty()) {
    std::cerr << "crimekg export: " << error << '\n';
    return exit_code::kOutputError;
  }
  std::cerr << "crimekg export: wrote " << a.output << " (" << export_format_name(*format)
            << "): " << out.node_count() << " nodes, " << out.edge_count() << " edges\n";
  return had_problems ? exit_code::kInputProblem : exit_code::kOk;
}

int run_render(const std::vector<std::string>& args) {
  int exit = exit_code::kOk;
  auto parsed = parse("render", args, exit);
  if (!parsed) return exit;
  Arguments& a = *parsed;

  DiagramOptions options;
  options.language = a.language;
  options.layout = a.layout;
  const auto& layouts = diagram_layouts();
  if (std::find(layouts.begin(), layouts.end(), a.layout) == layouts.end()) {
    std::cerr << "crimekg render: unknown layout '" << a.layout
              << "' (dot, sfdp, neato, fdp, circo, twopi)\n";
    return exit_code::kUsage;
  }
  std::optional<DiagramFormat> format =
      a.format.empty() ? diagram_format_from_path(a.output) : diagram_format_from_name(a.format);
  if (!format) {
    std::cerr << "crimekg render: "
              << (a.format.empty() ? "cannot tell the format from '" + a.output + "'; use -f"
                                   : "unknown format '" + a.format + "'")
              << " (svg, png, pdf)\n";
    return exit_code::kUsage;
  }
  options.format = *format;

  // The overview defaults, each dropped when the user chose for themselves.
  GraphFilter filter = a.filter;
  const bool documents_hidden = !a.all && std::find(filter.types.begin(), filter.types.end(),
                                                    NodeType::kDocument) == filter.types.end();
  const bool typed_only = !a.all && !a.predicates_given;
  const bool capped = !a.all && !a.top_given;
  const GraphFilter overview = default_diagram_filter();
  if (documents_hidden) filter.include_documents = false;
  if (typed_only) filter.predicates = overview.predicates;
  if (capped) filter.top = overview.top;

  bool had_problems = false;
  auto graph = load("render", a.input, had_problems);
  if (!graph) return exit_code::kInputProblem;
  auto selection = filtered("render", *graph, filter, exit);
  if (exit != exit_code::kOk) return exit;
  // Whether --top (given or the default) left nodes out: the title says so
  // only then.
  bool cut_to_top = false;
  if (filter.top > 0) {
    GraphFilter uncapped = filter;
    uncapped.top = 0;
    Status ignored;
    const std::size_t kept = uncapped.is_identity()
                                 ? graph->node_count()
                                 : apply_filter(*graph, uncapped, ignored).node_count();
    cut_to_top = kept > filter.top;
  }
  // A hub whose neighbours missed the cut would stand alone; the focus of an
  // ego network is kept even so.
  if (capped && filter.focus.empty() && selection) selection = without_isolated_nodes(*selection);
  const KnowledgeGraph& drawn = selection ? *selection : *graph;

  // Say what the picture leaves out, so nobody takes the overview for the graph.
  const std::string name = a.input.substr(a.input.find_last_of('/') + 1);
  options.title = name + ": " + std::to_string(drawn.node_count()) + " of " +
                  std::to_string(graph->node_count()) + " nodes";
  if (cut_to_top) options.title += ", the best connected";
  if (typed_only) options.title += "; typed relations only";
  if (documents_hidden) options.title += "; Documents hidden";
  if (drawn.node_count() == 0) {
    std::cerr << "crimekg render: the filters keep no node of " << a.input << "; nothing to draw\n";
    return exit_code::kNotFound;
  }

  if (std::string error = render_diagram_file(drawn, options, a.output); !error.empty()) {
    std::cerr << "crimekg render: " << error << '\n';
    return exit_code::kOutputError;
  }
  std::cerr << "crimekg render: wrote " << a.output << " (" << diagram_format_name(options.format)
            << ", " << options.layout << "): " << drawn.node_count() << " of "
            << graph->node_count() << " nodes, " << drawn.edge_count() << " edges\n";
  return had_problems ? exit_code::kInputProblem : exit_code::kOk;
}

}  // namespace crimekg::cli
