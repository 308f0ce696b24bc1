// crimekg: knowledge graphs of crime-policy entities from UN documents.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/huge_pages.h"
#include "graph/status.h"

namespace {

constexpr const char* kUsage =
    R"(crimekg — knowledge graphs of crime-policy entities from UN documents

Usage:
  crimekg build INPUT... -o OUT [options]     extract a graph from .txt files or folders
  crimekg export GRAPH.json -o OUT [options]  convert a saved graph to another format
  crimekg render GRAPH.json -o DIAGRAM        draw a diagram (svg, png, pdf)
  crimekg query GRAPH.json SUBCOMMAND ...     ask the graph (matrix, neighbors, path, show,
                                              search, stats)
  crimekg help COMMAND                        options of one command

Formats (by OUT's extension or -f): json (node-link, lossless), jsonld, graphml,
gexf, dot, neo4j (folder of CSV), kuzu (folder of CSV + schema.cypher),
snapshot (.crimekg: lossless and binary, mapped rather than parsed, for fast
queries on large graphs). export, render and query read json or snapshot.

Environment: CRIMEKG_HUGE_PAGES=0 stops crimekg from re-running itself with
glibc's huge-page heap (GLIBC_TUNABLES=glibc.malloc.hugetlb=1), e.g. under
valgrind.

Exit codes:
  0  success
  1  bad command line
  2  an input file was unreadable or malformed (the others were processed and
     the outputs written; the message names the file)
  3  an output could not be written (nothing partial is left behind)
  4  lexicon or cue data failed to load (every problem is listed)
  5  a query named nothing in the graph
)";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "-h" || args[0] == "--help") {
    std::cout << kUsage;
    return args.empty() ? crimekg::exit_code::kUsage : crimekg::exit_code::kOk;
  }
  std::string command = args[0];
  args.erase(args.begin());
  // The commands that read or build graphs, not help.
  const bool works =
      command == "build" || command == "export" || command == "render" || command == "query";
  const bool help = std::find(args.begin(), args.end(), "--help") != args.end() ||
                    std::find(args.begin(), args.end(), "-h") != args.end();
  if (works && !help) crimekg::cli::reexec_with_huge_pages(argv);
  if (command == "help") {
    if (args.empty()) {
      std::cout << kUsage;
      return crimekg::exit_code::kOk;
    }
    command = args[0];
    args = {"--help"};
  }
  if (command == "build") return crimekg::cli::run_build(args);
  if (command == "export") return crimekg::cli::run_export(args);
  if (command == "render") return crimekg::cli::run_render(args);
  if (command == "query") {
    return crimekg::cli::run_query(args, crimekg::cli::GraphTeardown::kLeaveToExit);
  }
  std::cerr << "crimekg: unknown command '" << command << "' (see crimekg --help)\n";
  return crimekg::exit_code::kUsage;
}
