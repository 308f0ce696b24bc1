// Every output format crimekg writes, chosen by name or by the output path's
// extension, written atomically.
#ifndef CRIMEKG_EXPORTERS_EXPORT_FORMAT_H_
#define CRIMEKG_EXPORTERS_EXPORT_FORMAT_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "graph/knowledge_graph.h"
#include "graph/snapshot.h"

namespace crimekg {

enum class ExportFormat {
  kNodeLinkJson,
  kJsonLd,
  kGraphMl,
  kGexf,
  kDot,
  kNeo4j,
  kKuzu,
  kSnapshot,
};

// "json", "jsonld", "graphml", "gexf", "dot", "neo4j", "kuzu", "snapshot".
std::optional<ExportFormat> export_format_from_name(std::string_view name);
// By extension: .json .jsonld .graphml .gexf .dot/.gv .crimekg; a path ending in
// "neo4j" or "kuzu" (a folder) names those formats.
std::optional<ExportFormat> export_format_from_path(std::string_view path);
std::string_view export_format_name(ExportFormat format);

struct ExportOptions {
  std::string language = "en";                         // label language for DOT
  std::string base_iri = "https://w3id.org/crimekg/";  // JSON-LD node IRIs
  // The folded node names a snapshot carries, so queries need not fold
  // them (the query module supplies this: exporters know no ICU). Unset:
  // the snapshot carries none.
  std::function<FoldedNames(const KnowledgeGraph&)> fold_names;
};

// Writes `graph` to `path` ("-" is stdout for single-file formats; neo4j and
// kuzu write a folder). Returns "" on success, else a message naming the path.
std::string write_export(const KnowledgeGraph& graph, ExportFormat format, const std::string& path,
                         const ExportOptions& options);

}  // namespace crimekg

#endif  // CRIMEKG_EXPORTERS_EXPORT_FORMAT_H_
