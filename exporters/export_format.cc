#include "exporters/export_format.h"

#include <algorithm>
#include <cctype>

#include "exporters/dot_writer.h"
#include "exporters/gexf_writer.h"
#include "exporters/graphml_writer.h"
#include "exporters/jsonld_writer.h"
#include "exporters/kuzu_writer.h"
#include "exporters/neo4j_writer.h"
#include "graph/atomic_file.h"
#include "graph/node_link.h"

namespace crimekg {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

std::optional<ExportFormat> export_format_from_name(std::string_view name) {
  const std::string n = lower(name);
  if (n == "json" || n == "node-link") return ExportFormat::kNodeLinkJson;
  if (n == "jsonld" || n == "json-ld") return ExportFormat::kJsonLd;
  if (n == "graphml") return ExportFormat::kGraphMl;
  if (n == "gexf") return ExportFormat::kGexf;
  if (n == "dot" || n == "gv") return ExportFormat::kDot;
  if (n == "neo4j") return ExportFormat::kNeo4j;
  if (n == "kuzu") return ExportFormat::kKuzu;
  if (n == "snapshot" || n == "crimekg") return ExportFormat::kSnapshot;
  return std::nullopt;
}

std::optional<ExportFormat> export_format_from_path(std::string_view path) {
  std::string p = lower(path);
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  if (ends_with(p, ".jsonld")) return ExportFormat::kJsonLd;
  if (ends_with(p, ".json")) return ExportFormat::kNodeLinkJson;
  if (ends_with(p, ".graphml")) return ExportFormat::kGraphMl;
  if (ends_with(p, ".gexf")) return ExportFormat::kGexf;
  if (ends_with(p, ".dot") || ends_with(p, ".gv")) return ExportFormat::kDot;
  if (ends_with(p, "neo4j")) return ExportFormat::kNeo4j;
  if (ends_with(p, "kuzu")) return ExportFormat::kKuzu;
  if (ends_with(p, kSnapshotExtension)) return ExportFormat::kSnapshot;
  return std::nullopt;
}

std::string_view export_format_name(ExportFormat format) {
  switch (format) {
    case ExportFormat::kNodeLinkJson:
      return "json";
    case ExportFormat::kJsonLd:
      return "jsonld";
    case ExportFormat::kGraphMl:
      return "graphml";
    case ExportFormat::kGexf:
      return "gexf";
    case ExportFormat::kDot:
      return "dot";
    case ExportFormat::kNeo4j:
      return "neo4j";
    case ExportFormat::kKuzu:
      return "kuzu";
    case ExportFormat::kSnapshot:
      return "snapshot";
  }
  return "json";
}

std::string write_export(const KnowledgeGraph& graph, ExportFormat format, const std::string& path,
                         const ExportOptions& options) {
  // The writers read each edge's evidence where it is stored in the graph;
  // a graph whose evidence is still in a snapshot is written from a copy
  // that holds it.
  if (graph.has_evidence_store()) {
    try {
      return write_export(graph.with_evidence_loaded(), format, path, options);
    } catch (const EvidenceReadError& e) {
      return e.what();
    }
  }
  switch (format) {
    case ExportFormat::kNodeLinkJson:
      return write_file_atomically(path, [&](std::ostream& out) { write_node_link(graph, out); });
    case ExportFormat::kJsonLd: {
      if (std::string problem = check_base_iri(options.base_iri); !problem.empty()) {
        return path + ": " + problem + " (got '" + options.base_iri + "')";
      }
      return write_file_atomically(
          path, [&](std::ostream& out) { write_jsonld(graph, options.base_iri, out); });
    }
    case ExportFormat::kGraphMl:
      return write_file_atomically(path, [&](std::ostream& out) { write_graphml(graph, out); });
    case ExportFormat::kGexf:
      return write_file_atomically(path, [&](std::ostream& out) { write_gexf(graph, out); });
    case ExportFormat::kDot: {
      DotOptions dot;
      dot.language = options.language;
      return write_file_atomically(path, [&](std::ostream& out) { write_dot(graph, dot, out); });
    }
    case ExportFormat::kNeo4j:
      return write_neo4j(graph, path);
    case ExportFormat::kKuzu:
      return write_kuzu(graph, path);
    case ExportFormat::kSnapshot: {
      std::optional<FoldedNames> names;
      if (options.fold_names) names = options.fold_names(graph);
      return write_file_atomically(
          path, [&](std::ostream& out) { write_snapshot(graph, names ? &*names : nullptr, out); });
    }
  }
  return path + ": unknown export format";
}

}  // namespace crimekg
