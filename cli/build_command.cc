// crimekg build: extract one graph from many documents, in parallel, merged
// in input order.
#include <condition_variable>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "cli/commands.h"
#include "exporters/export_format.h"
#include "extractors/document.h"
#include "extractors/pipeline.h"
#include "graph/atomic_file.h"
#include "graph/knowledge_graph.h"
#include "graph/node_link.h"
#include "graph/status.h"
#include "query/name_index.h"

namespace crimekg::cli {
namespace {

constexpr const char* kBuildHelp = R"(Usage: crimekg build INPUT... -o OUT [-o OUT2 ...] [options]

Extracts entities and relations from UTF-8 plain-text UN documents and writes
one knowledge graph. INPUT is a file or a folder (its *.txt files, recursively);
documents are extracted in parallel and merged in sorted input order, so the
same corpus always gives byte-identical output.

Options:
  -o, --output OUT         where to write; the format follows the extension
                           (.json node-link, .jsonld, .graphml, .gexf, .dot,
                           .crimekg snapshot for fast queries; a path ending
                           in neo4j or kuzu is a folder of CSV).
                           "-" writes node-link JSON to standard output.
                           Repeat -o to write several formats in one run.
  -f, --format FORMAT      force the format of every -o (json, jsonld, graphml,
                           gexf, dot, neo4j, kuzu, snapshot)
  --per-document DIR       also write one node-link JSON per input document,
                           DIR/<input name without .txt>.json (what
                           ../shared/eval/score.py --system-dir reads)
  --lang CODE              treat every document as this language (en, ar, fr,
                           es, ru, zh); default: detect per document
  --data DIR               lexicons and cue files (default: the data/ folder
                           crimekg was built with, or $CRIMEKG_DATA)
  -j, --jobs N             worker threads (default: all cores)
  --base IRI               JSON-LD node IRI base
  -q, --quiet              no progress summary on standard error
  -h, --help               this text

Exit codes: 0 success; 1 bad command line; 2 an input could not be read or was
malformed (the message names it; the other inputs were still processed and the
outputs written); 3 an output could not be written; 4 the data folder failed to
load (every problem is listed with file, line and entry).
)";

struct BuildArgs {
  std::vector<std::string> inputs;
  std::vector<std::string> outputs;
  std::optional<ExportFormat> format;
  std::string per_document;
  std::string language;
  std::string data;
  std::string base;
  unsigned jobs = 0;
  bool quiet = false;
};

int usage_error(const std::string& message) {
  std::cerr << "crimekg build: " << message << " (see crimekg build --help)\n";
  return exit_code::kUsage;
}

}  // namespace

int run_build(const std::vector<std::string>& args) {
  BuildArgs opt;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) -> bool {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    std::string v;
    if (a == "-h" || a == "--help") {
      std::cout << kBuildHelp;
      return exit_code::kOk;
    } else if (a == "-o" || a == "--output") {
      if (!value(v)) return usage_error(a + " needs a path");
      opt.outputs.push_back(v);
    } else if (a == "-f" || a == "--format") {
      if (!value(v)) return usage_error(a + " needs a format");
      opt.format = export_format_from_name(v);
      if (!opt.format) return usage_error("unknown format '" + v + "'");
    } else if (a == "--per-document") {
      if (!value(opt.per_document)) return usage_error(a + " needs a folder");
    } else if (a == "--lang") {
      if (!value(opt.language)) return usage_error(a + " needs a language code");
    } else if (a == "--data") {
      if (!value(opt.data)) return usage_error(a + " needs a folder");
    } else if (a == "--base") {
      if (!value(opt.base)) return usage_error(a + " needs an IRI");
    } else if (a == "-j" || a == "--jobs") {
      if (!value(v)) return usage_error(a + " needs a number");
      try {
        opt.jobs = static_cast<unsigned>(std::stoul(v));
      } catch (...) {
        return usage_error("bad --jobs value '" + v + "'");
      }
    } else if (a == "-q" || a == "--quiet") {
      opt.quiet = true;
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      return usage_error("unknown option " + a);
    } else {
      opt.inputs.push_back(a);
    }
  }
  if (opt.inputs.empty()) return usage_error("no INPUT given");
  if (opt.outputs.empty() && opt.per_document.empty()) return usage_error("no -o OUT given");
  std::vector<ExportFormat> formats;
  for (const auto& out : opt.outputs) {
    auto f = opt.format ? opt.format
                        : (out == "-" ? std::optional(ExportFormat::kNodeLinkJson)
                                      : export_format_from_path(out));
    if (!f)
      return usage_error("cannot tell the format of '" + out + "' from its extension; use -f");
    formats.push_back(*f);
  }

  Status data_status;
  auto pipeline =
      Pipeline::create(opt.data.empty() ? Pipeline::default_data_folder() : opt.data, data_status);
  if (!pipeline) {
    std::cerr << data_status.to_string();
    std::cerr << "crimekg build: the data folder failed to load (" << data_status.problems().size()
              << " problems)\n";
    return exit_code::kDataError;
  }

  std::vector<DocumentProblem> problems;
  const auto files = expand_inputs(opt.inputs, problems);
  // Documents stream through memory: workers extract ahead of the merge by
  // at most `window` documents, and the main thread merges each fragment in
  // input order (so the graph is the same whatever the thread count), writes
  // its per-document graph, and frees it.
  std::vector<GraphFragment> fragments(files.size());
  std::vector<std::vector<DocumentProblem>> file_problems(files.size());
  std::vector<char> loaded(files.size(), 0), done(files.size(), 0);
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t next = 0, merged = 0;
  const ExtractOptions extract_options{opt.language};
  unsigned jobs = opt.jobs ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, std::max<std::size_t>(files.size(), 1));
  const std::size_t window = 4 * static_cast<std::size_t>(jobs);
  auto worker = [&] {
    Workspace workspace;
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return next >= files.size() || next < merged + window; });
        if (next >= files.size()) return;
        i = next++;
      }
      Document document;
      GraphFragment fragment;
      std::vector<DocumentProblem> found;
      bool ok = false;
      if (load_document(files[i], document, found)) {
        try {
          fragment = pipeline->extract(document, extract_options, workspace);
          ok = true;
        } catch (const std::exception& e) {
          found.push_back({true, files[i] + ": extraction failed: " + e.what()});
        }
      }
      {
        std::lock_guard lock(mutex);
        fragments[i] = std::move(fragment);
        file_problems[i] = std::move(found);
        loaded[i] = ok;
        done[i] = 1;
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);

  KnowledgeGraph graph;
  std::size_t ok = 0;
  int code = exit_code::kOk;
  bool input_problem = false;
  // Problems with the inputs themselves (missing files, unreadable folders).
  for (const auto& p : problems) {
    std::cerr << "crimekg build: " << (p.fatal ? "" : "warning: ") << p.message << "\n";
    input_problem = true;
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    GraphFragment fragment;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return done[i] != 0; });
      fragment = std::move(fragments[i]);
    }
    for (auto& p : file_problems[i]) {
      std::cerr << "crimekg build: " << (p.fatal ? "" : "warning: ") << p.message << "\n";
      input_problem = true;
    }
    if (loaded[i]) {
      graph.merge(fragment);
      ++ok;
      if (!opt.per_document.empty()) {
        KnowledgeGraph one;
        one.merge(fragment);
        const std::string stem = std::filesystem::path(files[i]).stem().string();
        const std::string path =
            (std::filesystem::path(opt.per_document) / (stem + ".json")).string();
        if (auto error =
                write_file_atomically(path, [&](std::ostream& out) { write_node_link(one, out); });
            !error.empty()) {
          std::cerr << "crimekg build: " << error << "\n";
          code = exit_code::kOutputError;
        }
      }
    }
    {
      std::lock_guard lock(mutex);
      merged = i + 1;
    }
    changed.notify_all();
  }
  for (auto& t : threads) t.join();
  if (input_problem && code == exit_code::kOk) code = exit_code::kInputProblem;
  ExportOptions export_options;
  if (!opt.base.empty()) export_options.base_iri = opt.base;
  export_options.fold_names = query::folded_names;
  for (std::size_t k = 0; k < opt.outputs.size(); ++k) {
    std::string error =
        (opt.outputs[k] == "-" && formats[k] == ExportFormat::kNodeLinkJson)
            ? write_file_atomically("-", [&](std::ostream& out) { write_node_link(graph, out); })
            : write_export(graph, formats[k], opt.outputs[k], export_options);
    if (!error.empty()) {
      std::cerr << "crimekg build: " << error << "\n";
      code = exit_code::kOutputError;
    }
  }
  if (!opt.quiet) {
    std::cerr << "crimekg build: " << ok << " of " << files.size() << " documents, "
              << graph.node_count() << " nodes, " << graph.edge_count() << " edges\n";
  }
  return code;
}

}  // namespace crimekg::cli
