#include "exporters/kuzu_writer.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

#include "csv_reader.h"
#include "exporters/escaping.h"
#include "test_graphs.h"

using namespace crimekg;
using namespace crimekg::testing;

namespace {

std::map<std::string, std::string> by_name(const std::vector<detail::OutputFile>& files) {
  std::map<std::string, std::string> out;
  for (const auto& f : files) out[f.name] = f.contents;
  return out;
}

std::vector<std::string> statements(const std::string& schema) {
  std::vector<std::string> out;
  std::istringstream in(schema);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.rfind("//", 0) != 0) out.push_back(line);
  }
  return out;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// What the COPY statements' regexp_extract_all(field, '\x1e([^\x1f]*)', 1)
// makes of a list field: every run after a U+001E up to the next U+001F.
std::vector<std::string> extract_list(const std::string& field) {
  std::vector<std::string> elements;
  std::size_t at = field.find('\x1e');
  while (at != std::string::npos) {
    const std::size_t end = std::min(field.find('\x1f', at + 1), field.size());
    elements.push_back(field.substr(at + 1, end - at - 1));
    at = end < field.size() ? field.find('\x1e', end) : std::string::npos;
  }
  return elements;
}

}  // namespace

TEST_CASE("Kuzu schema: node tables, relationship tables with every pair, COPY", "[kuzu]") {
  const auto files = by_name(kuzu_files(small_graph()));
  const auto lines = statements(files.at("schema.cypher"));
  REQUIRE_FALSE(lines.empty());
  for (const auto& line : lines) CHECK(line.back() == ';');

  auto find = [&](const std::string& start) {
    for (const auto& line : lines) {
      if (line.rfind(start, 0) == 0) return line;
    }
    return std::string();
  };
  const std::string body = find("CREATE NODE TABLE `Body`(");
  CHECK(contains(body, "`id` STRING PRIMARY KEY"));
  CHECK(contains(body, "`label_ar` STRING"));
  CHECK(contains(body, "`aliases` STRING[]"));
  CHECK(contains(body, "`mentions` UINT64"));
  const std::string addresses = find("CREATE REL TABLE `addresses`(");
  CHECK(contains(addresses, "FROM `Body` TO `CrimeType`"));
  CHECK(contains(addresses, "FROM `Resolution` TO `CrimeType`"));
  CHECK(contains(addresses, "`evidence_texts` STRING[]"));
  CHECK(contains(addresses, "`evidence_starts` UINT64[]"));
  CHECK(contains(
      find("COPY `Body` FROM"),
      "FROM 'Body.csv' (HEADER=true, DELIM=',', QUOTE='\"', ESCAPE='\"', PARALLEL=false)"));
  CHECK(contains(find("COPY `addresses` FROM (LOAD WITH HEADERS (`from` STRING"),
                 ") (from='Body', to='CrimeType');"));
  // Every CSV file is loaded by a COPY, every COPY names an existing file.
  for (const auto& [name, contents] : files) {
    if (name != "schema.cypher") CHECK(contains(files.at("schema.cypher"), "'" + name + "'"));
  }
  // Tables come before the data.
  std::size_t last_create = 0, first_copy = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("CREATE", 0) == 0) last_create = i;
    if (lines[i].rfind("COPY", 0) == 0) first_copy = std::min(first_copy, i);
  }
  CHECK(last_create < first_copy);
}

TEST_CASE("Kuzu CSV rows and list encoding", "[kuzu]") {
  const auto files = by_name(kuzu_files(small_graph()));
  const auto bodies = read_csv_records(files.at("Body.csv"));
  const auto& unodc = bodies[1];
  CHECK(*unodc.at("id") == "body:united-nations-office-on-drugs-and-crime");
  CHECK(*unodc.at("aliases") == "\x1eUNODC\x1f\x1ethe Office");
  CHECK_FALSE(unodc.at("sameAs"));
  CHECK(*unodc.at("mentions") == "12");
  const auto addresses = read_csv_records(files.at("addresses_Body_CrimeType.csv"));
  REQUIRE(addresses.size() == 2);
  CHECK(*addresses[1].at("from") == "body:united-nations-office-on-drugs-and-crime");
  CHECK(*addresses[1].at("to") == "crime:trafficking-in-persons");
  CHECK(*addresses[1].at("evidence_starts") == "[200,900]");
  CHECK(*addresses[1].at("evidence_confidences") == "[0.9,0.7]");
  CHECK(*addresses[1].at("evidence_paragraphs") ==
        "\x1e"
        "4\x1f\x1e"
        "9");
}

TEST_CASE("Kuzu COPY: the CSV dialect spelled out, lists rebuilt without list lambdas", "[kuzu]") {
  const auto files = by_name(kuzu_files(hostile_graph()));
  std::size_t copies = 0;
  for (const auto& line : statements(files.at("schema.cypher"))) {
    if (line.rfind("COPY", 0) != 0) continue;
    ++copies;
    CHECK(contains(line, "(HEADER=true, DELIM=',', QUOTE='\"', ESCAPE='\"', PARALLEL=false)"));
    // Kuzu 0.11 crashes evaluating list lambdas over more elements than a
    // vector holds (kuzudb/kuzu#4811): none may appear.
    CHECK_FALSE(contains(line, "list_transform"));
    CHECK_FALSE(contains(line, "->"));
  }
  CHECK(copies == files.size() - 1);
  const std::string body_copy = [&] {
    for (const auto& line : statements(files.at("schema.cypher"))) {
      if (line.rfind("COPY `Body`", 0) == 0) return line;
    }
    return std::string();
  }();
  CHECK(contains(body_copy,
                 "CASE WHEN `aliases` IS NULL THEN CAST([] AS STRING[]) ELSE "
                 "regexp_extract_all(`aliases`, '\\\\x1e([^\\\\x1f]*)', 1) END"));
  CHECK(contains(body_copy, "coalesce(`label`, '')"));
}

TEST_CASE("Kuzu list fields: what the COPY extracts is the list", "[kuzu][hostile]") {
  using Lists = std::vector<std::vector<std::string>>;
  for (const auto& list :
       Lists{{""},
             {"", ""},
             {"a", "", "b", ""},
             {"record\x1eseparator", "\x1e", "line\nbreak\r\n", "quote\"", "back\\slash\\"},
             {"[bracket], comma", " spaces ", "emoji \xF0\x9F\x9A\x94", "\xD9\x86\xD8\xB5"}}) {
    CHECK(extract_list(detail::kuzu_list(list)) == list);
  }
  // U+001F cannot survive as itself: it is the separator, written U+241F.
  CHECK(extract_list(detail::kuzu_list({"x\x1fy"})) == std::vector<std::string>{"x\u241Fy"});

  // Through the CSV file: no list is an empty unquoted field (NULL, turned
  // into []), a list of one empty string is not.
  KnowledgeGraph graph;
  graph.upsert_node(make_node("body:none", NodeType::kBody, "None", {}, {}));
  graph.upsert_node(make_node("body:empty-alias", NodeType::kBody, "Empty alias", {}, {""}));
  graph.upsert_node(make_node("body:hostile-aliases", NodeType::kBody, "Hostile", {},
                              {"", "\x1e", "say \"hi\"", "two\nlines"}));
  const auto bodies = read_csv_records(by_name(kuzu_files(graph)).at("Body.csv"));
  REQUIRE(bodies.size() == 3);
  for (const auto& row : bodies) {
    const std::string id = *row.at("id");
    if (id == "body:none") {
      CHECK_FALSE(row.at("aliases"));
    } else if (id == "body:empty-alias") {
      REQUIRE(row.at("aliases"));
      CHECK(extract_list(*row.at("aliases")) == std::vector<std::string>{""});
    } else {
      REQUIRE(row.at("aliases"));
      CHECK(extract_list(*row.at("aliases")) ==
            std::vector<std::string>{"", "\x1e", "say \"hi\"", "two\nlines"});
    }
  }
}

TEST_CASE("Kuzu names: identifiers, and no clash with node tables", "[kuzu][hostile]") {
  KnowledgeGraph graph = hostile_graph();
  graph.upsert_edge(
      {"body:hostile", "crime:hostile", "Body", 1, {}});  // a predicate named like a table
  const auto files = by_name(kuzu_files(graph));
  const std::string& schema = files.at("schema.cypher");
  CHECK(contains(schema, "CREATE REL TABLE `Body_rel`(FROM `Body` TO `CrimeType`"));
  CHECK(contains(schema, "CREATE REL TABLE `weird_predicate__x_`("));
  CHECK(contains(schema, "`label_not_a_tag` STRING"));
  CHECK(contains(schema, "`weird_key_` STRING"));
  const auto bodies = read_csv_records(files.at("Body.csv"));
  const auto& body = *bodies[0].at("id") == "body:hostile" ? bodies[0] : bodies[1];
  CHECK(*body.at("label") == kHostileLabel);
  CHECK(*body.at("aliases") ==
        std::string("\x1e\x1f\x1e spaces \x1f\x1eUNODC\x1f\x1e[bracket], comma\x1f\x1e"
                    "a,b;c|d\x1f\x1e"
                    "back\\slash\\\x1f\x1e"
                    "emoji \xF0\x9F\x9A\x94\x1f\x1equote\"\x1f\x1etab\there\x1f\x1ex\u241Fy"));
}

TEST_CASE("write_kuzu writes the folder", "[kuzu][output]") {
  TempFolder folder("kuzu");
  REQUIRE(write_kuzu(small_graph(), folder / "kuzu").empty());
  CHECK(std::filesystem::exists(folder / "kuzu/schema.cypher"));
  CHECK(std::filesystem::exists(folder / "kuzu/Body.csv"));
  std::ofstream(folder / "plain-file") << "x";
  CHECK(contains(write_kuzu(small_graph(), folder / "plain-file"), "not a folder"));
}
