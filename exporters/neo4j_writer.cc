#include "exporters/neo4j_writer.h"

#include <charconv>
#include <map>
#include <set>

#include "exporters/escaping.h"
#include "exporters/property_columns.h"

namespace crimekg {
namespace {

using detail::append_csv_row;
using detail::csv_field;
using detail::csv_optional_field;

constexpr const char* kIdGroup = "crimekg";

// Shortest text that reads back as the same double.
std::string number(double value) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

// An array field: empty and unquoted (no property) for an empty array.
std::string array_field(const std::vector<std::string>& elements) {
  return elements.empty() ? std::string() : csv_field(detail::neo4j_array(elements));
}

detail::OutputFile node_file(const KnowledgeGraph& graph, NodeType type,
                             const std::vector<KnowledgeGraph::Vertex>& vertices) {
  const detail::NodeColumns columns = detail::node_columns(graph, vertices);
  detail::UniqueNames names({"id", "label", "aliases", "mentions", "sameAs"});
  std::vector<std::string> header = {std::string("id:ID(") + kIdGroup + ")", ":LABEL", "label"};
  for (const auto& lang : columns.languages)
    header.push_back(names.take("label_" + detail::identifier(lang)));
  header.insert(header.end(), {"aliases:string[]", "mentions:long", "sameAs:string[]"});
  for (const auto& key : columns.properties) header.push_back(names.take(detail::identifier(key)));

  std::string csv;
  append_csv_row(csv, header);
  for (auto v : vertices) {
    const NodeData& node = graph.node(v);
    std::vector<std::string> row = {csv_field(node.id), csv_field(to_string(node.type)),
                                    csv_field(node.label)};
    for (const auto& lang : columns.languages) row.push_back(csv_optional_field(node.labels, lang));
    row.push_back(array_field(node.aliases));
    row.push_back(std::to_string(node.mentions));
    row.push_back(array_field(node.same_as));
    for (const auto& key : columns.properties)
      row.push_back(csv_optional_field(node.properties, key));
    append_csv_row(csv, row);
  }
  return {"nodes_" + std::string(to_string(type)) + ".csv", std::move(csv)};
}

std::string relationship_header() {
  return std::string(":START_ID(") + kIdGroup + "),:END_ID(" + kIdGroup +
         "),:TYPE,weight:long,evidence_count:int,evidence_documents:string[],"
         "evidence_paragraphs:string[],evidence_starts:long[],evidence_ends:long[],"
         "evidence_texts:string[],evidence_extractors:string[],evidence_confidences:double[]\n";
}

void append_relationship(std::string& csv, const KnowledgeGraph& graph, KnowledgeGraph::Edge e) {
  const EdgeData& edge = graph.edge(e);
  std::vector<std::string> documents, paragraphs, starts, ends, texts, extractors, confidences;
  for (const auto& item : edge.evidence) {
    documents.push_back(item.document);
    paragraphs.push_back(item.paragraph);
    starts.push_back(std::to_string(item.start));
    ends.push_back(std::to_string(item.end));
    texts.push_back(item.text);
    extractors.push_back(item.extractor);
    confidences.push_back(number(item.confidence));
  }
  append_csv_row(csv, {csv_field(graph.source_node(e).id), csv_field(graph.target_node(e).id),
                       csv_field(edge.predicate), std::to_string(edge.weight),
                       std::to_string(edge.evidence.size()), array_field(documents),
                       array_field(paragraphs), array_field(starts), array_field(ends),
                       array_field(texts), array_field(extractors), array_field(confidences)});
}

std::string readme(const std::vector<std::string>& node_files,
                   const std::vector<std::string>& relationship_files) {
  std::string text =
      "# crimekg knowledge graph for Neo4j\n"
      "\n"
      "CSV files for `neo4j-admin database import full` (Neo4j 5), written by `crimekg export`.\n"
      "\n"
      "## Import\n"
      "\n"
      "Stop the DBMS, then run this from this folder (the file names are relative to it).\n"
      "`--overwrite-destination=true` replaces the database named `neo4j`; drop it to import\n"
      "into a database that does not exist yet, or change the last word to another name.\n"
      "\n"
      "```sh\n"
      "neo4j-admin database import full \\\n";
  for (const auto& file : node_files) text += "  --nodes=" + file + " \\\n";
  for (const auto& file : relationship_files) text += "  --relationships=" + file + " \\\n";
  text +=
      "  --id-type=string \\\n"
      "  --array-delimiter=U+001F \\\n"
      "  --multiline-fields=true \\\n"
      "  --overwrite-destination=true \\\n"
      "  neo4j\n"
      "```\n"
      "\n"
      "Then start the DBMS and ask, for instance, which bodies address which crimes:\n"
      "\n"
      "```cypher\n"
      "MATCH (b:Body)-[r:addresses]->(c:CrimeType)\n"
      "RETURN b.label, c.label, r.weight ORDER BY r.weight DESC;\n"
      "```\n"
      "\n"
      "## Contents\n"
      "\n"
      "- `nodes_<Type>.csv`: one file per node type; the type is the node label. `id` is the\n"
      "  canonical id (one ID group, `crimekg`, for all types), `label` the English name,\n"
      "  `label_<lang>` the name in each language, `aliases` and `sameAs` string arrays,\n"
      "  `mentions` the number of mentions, and further properties (a Document's `file`,\n"
      "  `language`, `title`, `symbol`) as strings.\n"
      "- `relationships_<predicate>.csv`: one file per predicate, the relationship type. `weight`\n"
      "  is the number of pieces of evidence; the evidence itself is in parallel arrays: item i "
      "is\n"
      "  `evidence_documents[i]` (a Document node id), `evidence_paragraphs[i]`,\n"
      "  `evidence_starts[i]`..`evidence_ends[i]` (UTF-8 byte offsets into that document's file),\n"
      "  `evidence_texts[i]`, `evidence_extractors[i]` and `evidence_confidences[i]`.\n"
      "\n"
      "Array elements are separated by U+001F (INFORMATION SEPARATOR ONE), hence\n"
      "`--array-delimiter=U+001F`: names and quotations contain `;` and `,` but not that. An\n"
      "element that does contain U+001F has it written as U+241F. Every text field is quoted with\n"
      "`\"` (doubled inside), so commas, quotes and line breaks load as they are; line breaks are\n"
      "why `--multiline-fields=true` is needed. An empty array is an empty field: no property.\n";
  return text;
}

}  // namespace

std::vector<detail::OutputFile> neo4j_files(const KnowledgeGraph& graph) {
  std::vector<detail::OutputFile> files;
  std::map<NodeType, std::vector<KnowledgeGraph::Vertex>> by_type;
  for (auto v : graph.sorted_vertices()) by_type[graph.node(v).type].push_back(v);
  std::vector<std::string> node_names;
  for (const auto& [type, vertices] : by_type) {
    files.push_back(node_file(graph, type, vertices));
    node_names.push_back(files.back().name);
  }

  // One file per predicate, named by its identifier form; two predicates
  // with the same identifier form get numbered names.
  std::map<std::string, std::string> file_of_predicate;
  std::set<std::string> taken;
  std::map<std::string, std::string> contents;
  for (auto e : graph.sorted_edges()) {
    const std::string& predicate = graph.edge(e).predicate;
    auto found = file_of_predicate.find(predicate);
    if (found == file_of_predicate.end()) {
      const std::string stem = "relationships_" + detail::identifier(predicate);
      std::string name = stem + ".csv";
      for (int n = 2; taken.count(name); ++n) name = stem + "_" + std::to_string(n) + ".csv";
      taken.insert(name);
      found = file_of_predicate.emplace(predicate, name).first;
      contents[name] = relationship_header();
    }
    append_relationship(contents[found->second], graph, e);
  }
  std::vector<std::string> relationship_names;
  for (auto& [name, csv] : contents) {
    files.push_back({name, std::move(csv)});
    relationship_names.push_back(name);
  }
  files.push_back({"README.md", readme(node_names, relationship_names)});
  return files;
}

std::string write_neo4j(const KnowledgeGraph& graph, const std::string& path) {
  return detail::write_folder_atomically(path, neo4j_files(graph), [](const std::string& name) {
    return name == "README.md" ||
           (name.size() > 4 && name.compare(name.size() - 4, 4, ".csv") == 0 &&
            (name.rfind("nodes_", 0) == 0 || name.rfind("relationships_", 0) == 0));
  });
}

}  // namespace crimekg
