#include "exporters/kuzu_writer.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <set>
#include <string_view>

#include "exporters/escaping.h"
#include "exporters/property_columns.h"

namespace crimekg {
namespace {

using detail::append_csv_row;
using detail::csv_field;
using detail::csv_optional_field;

// How a column travels: as itself, or as a U+001E/U+001F-encoded string that
// the COPY turns back into a STRING[] (see kuzu_writer.h).
enum class Encoding { kPlain, kRequiredString, kStringList };

struct Column {
  std::string name;
  std::string type;  // the table's Kuzu type
  Encoding encoding = Encoding::kPlain;
};

std::string quoted(std::string_view name) { return "`" + std::string(name) + "`"; }

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string number(double value) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

std::string string_list_field(const std::vector<std::string>& elements) {
  return elements.empty() ? std::string() : csv_field(detail::kuzu_list(elements));
}

template <typename T>
std::string number_list_field(const std::vector<T>& values) {
  std::string text = "[";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) text += ',';
    if constexpr (std::is_floating_point_v<T>) {
      text += number(values[i]);
    } else {
      text += std::to_string(values[i]);
    }
  }
  return csv_field(text + "]");
}

std::string header_row(const std::vector<Column>& columns) {
  std::string row;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) row += ',';
    row += columns[i].name;
  }
  return row + '\n';
}

std::string column_list(const std::vector<Column>& columns, bool with_key) {
  std::string text;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) text += ", ";
    text += quoted(columns[i].name) + " " + columns[i].type;
    if (with_key && i == 0) text += " PRIMARY KEY";
  }
  return text;
}

// The dialect of the files, spelled out rather than left to Kuzu's defaults:
// every field quoted, quotes doubled, no backslash escapes; PARALLEL=false
// because parallel CSV reading cannot split rows at line breaks inside quotes.
constexpr std::string_view kCsvOptions =
    "HEADER=true, DELIM=',', QUOTE='\"', ESCAPE='\"', PARALLEL=false";

// COPY ... FROM (LOAD ... RETURN ...): string lists arrive as one STRING and
// are split back into lists; Kuzu reads an empty field as NULL, so strings
// every node has (the label) are turned back from NULL into ''.
std::string copy_source(const std::vector<Column>& columns, const std::string& file) {
  std::string load = "LOAD WITH HEADERS (";
  std::string ret;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const Column& c = columns[i];
    if (i > 0) {
      load += ", ";
      ret += ", ";
    }
    const std::string name = quoted(c.name);
    load += name + " " + (c.encoding == Encoding::kStringList ? "STRING" : c.type);
    switch (c.encoding) {
      case Encoding::kPlain:
        ret += name;
        break;
      case Encoding::kRequiredString:
        ret += "coalesce(" + name + ", '')";
        break;
      // Each element: the text after a U+001E up to the next U+001F. Not a
      // list lambda, which crashes Kuzu 0.11 on large tables (kuzu_writer.h).
      case Encoding::kStringList:
        ret += "CASE WHEN " + name + " IS NULL THEN CAST([] AS STRING[]) ELSE regexp_extract_all(" +
               name + ", '\\\\x1e([^\\\\x1f]*)', 1) END";
        break;
    }
  }
  return load + ") FROM '" + file + "' (" + std::string(kCsvOptions) + ") RETURN " + ret;
}

const std::vector<Column>& relationship_columns() {
  static const std::vector<Column> kColumns = {
      {"from", "STRING", Encoding::kPlain},
      {"to", "STRING", Encoding::kPlain},
      {"weight", "UINT64", Encoding::kPlain},
      {"evidence_count", "UINT64", Encoding::kPlain},
      {"evidence_documents", "STRING[]", Encoding::kStringList},
      {"evidence_paragraphs", "STRING[]", Encoding::kStringList},
      {"evidence_starts", "UINT64[]", Encoding::kPlain},
      {"evidence_ends", "UINT64[]", Encoding::kPlain},
      {"evidence_texts", "STRING[]", Encoding::kStringList},
      {"evidence_extractors", "STRING[]", Encoding::kStringList},
      {"evidence_confidences", "DOUBLE[]", Encoding::kPlain},
  };
  return kColumns;
}

struct RelationshipTable {
  std::string name;
  // (from type, to type) -> file name and contents
  std::map<std::pair<NodeType, NodeType>, detail::OutputFile> pairs;
};

}  // namespace

std::vector<detail::OutputFile> kuzu_files(const KnowledgeGraph& graph) {
  std::vector<detail::OutputFile> files;
  std::string ddl;
  std::string copies;

  std::map<NodeType, std::vector<KnowledgeGraph::Vertex>> by_type;
  for (auto v : graph.sorted_vertices()) by_type[graph.node(v).type].push_back(v);
  std::set<std::string> table_names;  // lower case: Kuzu compares names without case
  for (const auto& [type, vertices] : by_type) {
    const std::string table(to_string(type));
    table_names.insert(lower(table));
    const detail::NodeColumns found = detail::node_columns(graph, vertices);
    detail::UniqueNames names({"id", "label", "aliases", "mentions", "sameAs"});
    std::vector<Column> columns = {{"id", "STRING", Encoding::kPlain},
                                   {"label", "STRING", Encoding::kRequiredString}};
    for (const auto& lang : found.languages) {
      columns.push_back(
          {names.take("label_" + detail::identifier(lang)), "STRING", Encoding::kPlain});
    }
    columns.push_back({"aliases", "STRING[]", Encoding::kStringList});
    columns.push_back({"mentions", "UINT64", Encoding::kPlain});
    columns.push_back({"sameAs", "STRING[]", Encoding::kStringList});
    for (const auto& key : found.properties) {
      columns.push_back({names.take(detail::identifier(key)), "STRING", Encoding::kPlain});
    }

    std::string csv = header_row(columns);
    for (auto v : vertices) {
      const NodeData& node = graph.node(v);
      std::vector<std::string> row = {csv_field(node.id), csv_field(node.label)};
      for (const auto& lang : found.languages) row.push_back(csv_optional_field(node.labels, lang));
      row.push_back(string_list_field(node.aliases));
      row.push_back(std::to_string(node.mentions));
      row.push_back(string_list_field(node.same_as));
      for (const auto& key : found.properties)
        row.push_back(csv_optional_field(node.properties, key));
      append_csv_row(csv, row);
    }
    const std::string file = table + ".csv";
    files.push_back({file, std::move(csv)});
    ddl += "CREATE NODE TABLE " + quoted(table) + "(" + column_list(columns, true) + ");\n";
    copies += "COPY " + quoted(table) + " FROM (" + copy_source(columns, file) + ");\n";
  }

  // Relationship tables by predicate, named in predicate order (so a name
  // does not depend on which edge comes first), one file per (from, to) pair.
  const auto edges = graph.sorted_edges();
  std::map<std::string, RelationshipTable> tables;
  for (auto e : edges) tables.emplace(graph.edge(e).predicate, RelationshipTable{});
  for (auto& [predicate, table] : tables) {
    table.name = detail::identifier(predicate);
    while (table_names.count(lower(table.name))) table.name += "_rel";
    table_names.insert(lower(table.name));
  }
  std::set<std::string> file_names;
  for (auto e : edges) {
    const EdgeData& edge = graph.edge(e);
    RelationshipTable& table = tables.at(edge.predicate);
    const NodeData& source = graph.source_node(e);
    const NodeData& target = graph.target_node(e);
    const auto pair = std::make_pair(source.type, target.type);
    auto file = table.pairs.find(pair);
    if (file == table.pairs.end()) {
      const std::string stem = table.name + "_" + std::string(to_string(source.type)) + "_" +
                               std::string(to_string(target.type));
      std::string name = stem + ".csv";
      for (int n = 2; file_names.count(name); ++n) name = stem + "_" + std::to_string(n) + ".csv";
      file_names.insert(name);
      file = table.pairs.emplace(pair, detail::OutputFile{name, header_row(relationship_columns())})
                 .first;
    }
    std::vector<std::string> documents, paragraphs, texts, extractors;
    std::vector<std::uint64_t> starts, ends;
    std::vector<double> confidences;
    for (const auto& item : edge.evidence) {
      documents.push_back(item.document);
      paragraphs.push_back(item.paragraph);
      texts.push_back(item.text);
      extractors.push_back(item.extractor);
      starts.push_back(item.start);
      ends.push_back(item.end);
      confidences.push_back(item.confidence);
    }
    append_csv_row(
        file->second.contents,
        {csv_field(source.id), csv_field(target.id), std::to_string(edge.weight),
         std::to_string(edge.evidence.size()), string_list_field(documents),
         string_list_field(paragraphs), number_list_field(starts), number_list_field(ends),
         string_list_field(texts), string_list_field(extractors), number_list_field(confidences)});
  }
  const std::vector<Column> properties(relationship_columns().begin() + 2,
                                       relationship_columns().end());
  for (auto& [predicate, table] : tables) {
    std::string pairs;
    for (const auto& [pair, file] : table.pairs) {
      pairs +=
          "FROM " + quoted(to_string(pair.first)) + " TO " + quoted(to_string(pair.second)) + ", ";
    }
    ddl += "CREATE REL TABLE " + quoted(table.name) + "(" + pairs + column_list(properties, false) +
           ");\n";
    for (auto& [pair, file] : table.pairs) {
      copies += "COPY " + quoted(table.name) + " FROM (" +
                copy_source(relationship_columns(), file.name) + ") (from='" +
                std::string(to_string(pair.first)) + "', to='" +
                std::string(to_string(pair.second)) + "');\n";
      files.push_back(std::move(file));
    }
  }

  std::string schema =
      "// crimekg knowledge graph for Kuzu, written by `crimekg export`.\n"
      "// Run from this folder (COPY paths are relative), e.g. in Node.js: for each line,\n"
      "// conn.query(line). One statement a line: tables, then the data.\n"
      "// String lists are stored in the CSV files as elements each preceded by U+001E and\n"
      "// separated by U+001F, because Kuzu's CSV list syntax has no escapes; the COPY\n"
      "// statements turn them back into STRING[] with regexp_extract_all (U+001F inside\n"
      "// an element is written U+241F).\n"
      "// Which bodies address which crimes:\n"
      "//   MATCH (b:Body)-[:addresses]->(c:CrimeType) RETURN b.id, c.id;\n";
  schema += ddl;
  schema += copies;
  files.push_back({"schema.cypher", std::move(schema)});
  return files;
}

std::string write_kuzu(const KnowledgeGraph& graph, const std::string& path) {
  return detail::write_folder_atomically(path, kuzu_files(graph), [](const std::string& name) {
    return name == "schema.cypher" ||
           (name.size() > 4 && name.compare(name.size() - 4, 4, ".csv") == 0);
  });
}

}  // namespace crimekg
