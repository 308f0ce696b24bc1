#include "exporters/neo4j_writer.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "csv_reader.h"
#include "test_graphs.h"

using namespace crimekg;
using namespace crimekg::testing;

namespace {

std::map<std::string, std::string> by_name(const std::vector<detail::OutputFile>& files) {
  std::map<std::string, std::string> out;
  for (const auto& f : files) out[f.name] = f.contents;
  return out;
}

}  // namespace

TEST_CASE("Neo4j files: one per label and per relationship type, and the command", "[neo4j]") {
  const auto files = by_name(neo4j_files(small_graph()));
  for (const char* name :
       {"nodes_Body.csv", "nodes_CrimeType.csv", "nodes_Document.csv", "nodes_State.csv",
        "relationships_addresses.csv", "relationships_mentions.csv", "README.md"}) {
    CHECK(files.count(name) == 1);
  }
  const std::string& readme = files.at("README.md");
  for (const auto& [name, contents] : files) {
    if (name == "README.md") continue;
    const std::string option = name.rfind("nodes_", 0) == 0 ? "--nodes=" : "--relationships=";
    CHECK(readme.find(option + name + " \\") != std::string::npos);
  }
  CHECK(readme.find("neo4j-admin database import full") != std::string::npos);
  CHECK(readme.find("--array-delimiter=U+001F") != std::string::npos);
  CHECK(readme.find("--multiline-fields=true") != std::string::npos);
  CHECK(readme.find("MATCH (b:Body)-[r:addresses]->(c:CrimeType)") != std::string::npos);
}

TEST_CASE("Neo4j node and relationship CSV", "[neo4j]") {
  const auto files = by_name(neo4j_files(small_graph()));
  const auto bodies = read_csv(files.at("nodes_Body.csv"));
  CHECK(*bodies[0][0] == "id:ID(crimekg)");
  CHECK(*bodies[0][1] == ":LABEL");
  const auto records = read_csv_records(files.at("nodes_Body.csv"));
  REQUIRE(records.size() == 2);
  const auto& unodc = records[1];
  CHECK(*unodc.at("id:ID(crimekg)") == "body:united-nations-office-on-drugs-and-crime");
  CHECK(*unodc.at(":LABEL") == "Body");
  CHECK(*unodc.at("label_ar") == "مكتب الأمم المتحدة المعني بالمخدرات والجريمة");
  CHECK(*unodc.at("aliases:string[]") == "UNODC\x1fthe Office");
  CHECK(*unodc.at("mentions:long") == "12");
  CHECK_FALSE(unodc.at("sameAs:string[]"));  // empty array: no property

  const auto documents = read_csv_records(files.at("nodes_Document.csv"));
  CHECK(*documents[0].at("symbol") == "A/59/150");

  const auto addresses = read_csv_records(files.at("relationships_addresses.csv"));
  REQUIRE(addresses.size() == 3);
  const auto& first = addresses[1];  // UNODC -> trafficking in persons, after -> terrorism
  CHECK(*first.at(":START_ID(crimekg)") == "body:united-nations-office-on-drugs-and-crime");
  CHECK(*first.at(":END_ID(crimekg)") == "crime:trafficking-in-persons");
  CHECK(*first.at(":TYPE") == "addresses");
  CHECK(*first.at("weight:long") == "2");
  CHECK(*first.at("evidence_count:int") == "2");
  CHECK(*first.at("evidence_paragraphs:string[]") ==
        "4\x1f"
        "9");
  CHECK(*first.at("evidence_starts:long[]") ==
        "200\x1f"
        "900");
  CHECK(*first.at("evidence_confidences:double[]") ==
        "0.9\x1f"
        "0.7");
}

TEST_CASE("Neo4j CSV of hostile labels", "[neo4j][hostile]") {
  const KnowledgeGraph graph = hostile_graph();
  const auto files = by_name(neo4j_files(graph));
  const auto bodies = read_csv_records(files.at("nodes_Body.csv"));
  const auto& body =
      bodies[0].at("id:ID(crimekg)") == std::string("body:hostile") ? bodies[0] : bodies[1];
  CHECK(*body.at("label") == kHostileLabel);  // CSV carries control characters as they are
  CHECK(*body.at("label_not_a_tag") == "odd language key");
  CHECK(*body.at("weird_key_") == "nul\u2400inside");
  CHECK(*body.at("aliases:string[]") ==
        std::string("\x1f spaces \x1fUNODC\x1f[bracket], comma\x1f"
                    "a,b;c|d\x1f"
                    "back\\slash\\\x1f"
                    "emoji \xF0\x9F\x9A\x94\x1fquote\"\x1ftab\there\x1fx\u241Fy"));
  CHECK(files.count("relationships_weird_predicate__x_.csv") == 1);
  const auto weird = read_csv_records(files.at("relationships_weird_predicate__x_.csv"));
  CHECK(*weird[0].at(":TYPE") == "weird predicate/\"x\"");
}

TEST_CASE("write_neo4j replaces its own folder but no other", "[neo4j][output]") {
  TempFolder folder("neo4j");
  const std::string out = folder / "graph-neo4j";
  REQUIRE(write_neo4j(small_graph(), out).empty());
  CHECK(std::filesystem::exists(out + "/README.md"));
  REQUIRE(write_neo4j(hostile_graph(), out).empty());  // a previous export is replaced
  CHECK_FALSE(std::filesystem::exists(out + "/nodes_State.csv"));
  CHECK(std::filesystem::exists(out + "/nodes_Document.csv"));

  std::ofstream(out + "/notes.txt") << "mine";
  const std::string error = write_neo4j(small_graph(), out);
  CHECK(error.find("notes.txt") != std::string::npos);
  CHECK(read_file(out + "/notes.txt") == "mine");  // untouched
  CHECK(write_neo4j(small_graph(), "-").find("standard output") != std::string::npos);
}
