// `crimekg query` end to end: the real executable on the fixture graph,
// checking exit codes, streams and exact answers.
#include <rapidjson/document.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "query/table_printer.h"
#include "tests/query/fixture.h"

namespace crimekg::query {
namespace {

namespace fs = std::filesystem;

// The executable: $CRIMEKG_BIN (set by ctest), else the build tree's.
std::string binary() {
  if (const char* bin = std::getenv("CRIMEKG_BIN"); bin != nullptr && *bin != '\0') return bin;
  return std::string(CRIMEKG_BINARY_DIR) + "/cli/crimekg";
}

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

std::string quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

Run run(const std::vector<std::string>& args) {
  static const fs::path dir = [] {
    auto d = fs::temp_directory_path() / ("crimekg_query_cli_" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  std::string command = quote(binary());
  for (const auto& a : args) command += " " + quote(a);
  // No terminal and no COLUMNS: text output is not fitted to a width.
  command = "env -u COLUMNS " + command + " >" + quote((dir / "out").string()) + " 2>" +
            quote((dir / "err").string()) + " </dev/null";
  Run result;
  const int status = std::system(command.c_str());
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = slurp(dir / "out");
  result.err = slurp(dir / "err");
  return result;
}

bool have_binary() {
  if (fs::exists(binary())) return true;
  WARN("crimekg executable not found at " << binary() << "; set CRIMEKG_BIN");
  return false;
}

const std::string& graph() {
  static const std::string path = testing::fixture_path();
  return path;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("cli: help for the command and each subcommand", "[query][cli]") {
  if (!have_binary()) return;
  auto r = run({"query", "--help"});
  CHECK(r.code == 0);
  CHECK(contains(r.out, "crimekg query GRAPH.json SUBCOMMAND"));
  for (const char* sub : {"matrix", "neighbors", "path", "show", "search", "stats"}) {
    CHECK(contains(r.out, std::string("  ") + sub));
    auto help = run({"query", sub, "--help"});
    CHECK(help.code == 0);
    CHECK(contains(help.out, std::string("crimekg query GRAPH.json ") + sub));
    CHECK(contains(help.out, "Example:"));
    // The same with the graph given, and through `query help`.
    CHECK(run({"query", graph(), sub, "-h"}).out == help.out);
    CHECK(run({"query", "help", sub}).out == help.out);
  }
  CHECK(run({"help", "query"}).out == r.out);
  CHECK(contains(run({"query", "stats", "--help"}).out, "--no-betweenness"));
}

TEST_CASE("cli: usage errors exit 1 before the graph is read", "[query][cli]") {
  if (!have_binary()) return;
  CHECK(run({"query"}).code == 1);
  CHECK(run({"query", graph()}).code == 1);
  auto r = run({"query", graph(), "frobnicate"});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "unknown subcommand 'frobnicate'"));
  r = run({"query", graph(), "matrix", "--bogus"});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "unknown option --bogus"));
  // A bad option wins over a missing graph: nothing is read.
  r = run({"query", "/nonexistent/graph.json", "matrix", "--rows", "Bodies"});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "unknown node type 'Bodies'"));
  CHECK(run({"query", graph(), "matrix", "--format", "xml"}).code == 1);
  CHECK(run({"query", graph(), "matrix", "--limit", "-3"}).code == 1);
  CHECK(run({"query", graph(), "show"}).code == 1);
  r = run({"query", graph(), "path", "INTERPOL", "trafficking", "in", "persons"});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "quote names of several words"));
  r = run({"query", graph(), "neighbors", "UNODC", "--predicate", "adresses"});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "unknown predicate 'adresses'"));
  r = run({"query", "stats", graph()});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "the graph comes first"));
}

TEST_CASE("cli: an unreadable graph exits 2 naming the file", "[query][cli]") {
  if (!have_binary()) return;
  auto r = run({"query", "/nonexistent/graph.json", "stats"});
  CHECK(r.code == 2);
  CHECK(contains(r.err, "/nonexistent/graph.json"));
  CHECK(r.out.empty());

  const auto dir = fs::temp_directory_path() / ("crimekg_query_bad_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const auto bad = (dir / "bad.json").string();
  std::ofstream(bad) << "{\"nodes\": [ {\"id\": ";
  r = run({"query", bad, "stats"});
  CHECK(r.code == 2);
  CHECK(contains(r.err, bad));
  CHECK(contains(r.err, "not valid JSON"));

  // Partly damaged: answered from the rest, the problem listed, exit 2.
  const auto partial = (dir / "partial.json").string();
  std::ofstream(partial) << R"({"directed": true, "multigraph": true, "nodes": [
      {"id": "body:united-nations-office-on-drugs-and-crime", "type": "Body",
       "label": "United Nations Office on Drugs and Crime", "aliases": ["UNODC"]},
      {"id": "crime:terrorism", "type": "CrimeType", "label": "terrorism"}],
    "links": [
      {"source": "body:united-nations-office-on-drugs-and-crime", "target": "crime:terrorism",
       "key": "addresses", "predicate": "addresses", "weight": 2, "evidence": []},
      {"source": "body:nowhere", "target": "crime:terrorism", "predicate": "addresses"}]})";
  r = run({"query", partial, "matrix", "--format", "csv"});
  CHECK(r.code == 2);
  CHECK(contains(r.err, partial));
  CHECK(contains(r.err, "body:nowhere"));
  CHECK(contains(r.out,
                 "body:united-nations-office-on-drugs-and-crime,United Nations Office on "
                 "Drugs and Crime,2,2\r\n"));
  fs::remove_all(dir);
}

TEST_CASE("cli: matrix rows (UNODC addresses terrorism)", "[query][cli]") {
  if (!have_binary()) return;
  auto r =
      run({"query", graph(), "matrix", "--rows", "Body", "--cols", "CrimeType", "--format", "csv"});
  REQUIRE(r.code == 0);
  CHECK(r.out ==
        "id,label,total,crime:terrorism,crime:organized-crime,crime:drug-trafficking,"
        "crime:crimes-that-affect-the-environment,crime:trafficking-in-persons\r\n"
        "body:united-nations-office-on-drugs-and-crime,United Nations Office on Drugs and "
        "Crime,10,3,4,2,0,1\r\n"
        "body:counter-terrorism-committee,Counter-Terrorism Committee,2,2,0,0,0,0\r\n"
        "body:international-criminal-police-organization,International Criminal Police "
        "Organization,1,0,0,0,1,0\r\n");
  r = run({"query", graph(), "matrix", "--rows", "body,programme", "--predicate", "addresses",
           "--format", "json"});
  REQUIRE(r.code == 0);
  rapidjson::Document doc;
  doc.Parse(r.out.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(doc["rows"].Size() == 5);
  // Text fits the width asked for.
  r = run({"query", graph(), "matrix", "--width", "50"});
  REQUIRE(r.code == 0);
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("\u2026", 0) == 0 || line.rfind("Body \u00d7", 0) == 0) continue;
    CHECK(display_width(line) <= 50);
  }
}

TEST_CASE("cli: neighbors, path, search and stats", "[query][cli]") {
  if (!have_binary()) return;
  // CRIMJUST addresses drug trafficking.
  auto r =
      run({"query", graph(), "neighbors", "CRIMJUST", "--predicate", "addresses", "-f", "csv"});
  REQUIRE(r.code == 0);
  CHECK(r.out ==
        "predicate,direction,id,type,label,weight,documents\r\n"
        "addresses,out,crime:drug-trafficking,CrimeType,drug trafficking,1,1\r\n");
  // Several words form one name without quotes.
  r = run({"query", graph(), "neighbors", "trafficking", "in", "persons", "--format=csv"});
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "addresses,in,body:united-nations-office-on-drugs-and-crime,"));

  // A path from INTERPOL to a crime type.
  r = run({"query", graph(), "path", "INTERPOL", "terrorism", "--format", "csv"});
  REQUIRE(r.code == 0);
  CHECK(r.out ==
        "hop,source,predicate,target,weight,documents\r\n"
        "1,body:international-criminal-police-organization,cooperatesWith,"
        "body:united-nations-office-on-drugs-and-crime,1,1\r\n"
        "2,body:united-nations-office-on-drugs-and-crime,addresses,crime:terrorism,3,2\r\n");
  r = run({"query", graph(), "path", "Qatar", "terrorism"});
  CHECK(r.code == 5);
  CHECK(contains(r.err, "no path from Qatar [state:qat] to terrorism [crime:terrorism]"));
  CHECK(run({"query", graph(), "path", "Qatar", "terrorism", "--predicate", "all"}).code == 0);

  r = run({"query", graph(), "search", "traffick", "--format", "csv"});
  REQUIRE(r.code == 0);
  CHECK(r.out ==
        "id,type,label,matched,match,mentions,rank\r\n"
        "crime:trafficking-in-persons,CrimeType,trafficking in persons,trafficking in "
        "persons,label en,7,1\r\n"
        "crime:drug-trafficking,CrimeType,drug trafficking,drug trafficking,label en,9,2\r\n");
  CHECK(run({"query", graph(), "search", "zzzz"}).code == 5);

  r = run({"query", graph(), "stats", "--format", "json", "--top", "3"});
  REQUIRE(r.code == 0);
  rapidjson::Document doc;
  doc.Parse(r.out.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(doc["nodes"].GetUint64() == 21);
  CHECK(std::string(doc["betweenness"]["mode"].GetString()) == "exact");
  r = run({"query", graph(), "stats", "--no-betweenness"});
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "(skipped: --betweenness none)"));
}

TEST_CASE("cli: show by an Arabic name; ambiguous and unknown names exit 5", "[query][cli]") {
  if (!have_binary()) return;
  auto r = run({"query", graph(), "show", "مكتب الأمم المتحدة المعني بالمخدرات والجريمة"});
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("United Nations Office on Drugs and Crime\n"
                    "  id        body:united-nations-office-on-drugs-and-crime\n",
                    0) == 0);
  // Labels in Arabic on request.
  r = run({"query", graph(), "show", "UNODC", "--lang", "ar", "--evidence", "1"});
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("\u200Eمكتب الأمم المتحدة المعني بالمخدرات والجريمة\u200E\n", 0) == 0);

  r = run({"query", graph(), "show", "CTC"});
  CHECK(r.code == 5);
  CHECK(r.out.empty());
  CHECK(contains(r.err, "\u201cCTC\u201d names 2 nodes"));
  CHECK(contains(r.err, "body:counter-terrorism-committee"));
  CHECK(contains(r.err, "body:counter-terrorism-centre"));
  // JSON: the candidates on stdout for a program to choose from.
  r = run({"query", graph(), "show", "CTC", "--format", "json"});
  CHECK(r.code == 5);
  rapidjson::Document doc;
  doc.Parse(r.out.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(std::string(doc["error"].GetString()) == "ambiguous");
  CHECK(doc["candidates"].Size() == 2);

  r = run({"query", graph(), "neighbors", "Counter-Terrorism"});
  CHECK(r.code == 5);
  CHECK(contains(r.err, "nothing in the graph is called \u201cCounter-Terrorism\u201d"));
  CHECK(contains(r.err, "body:counter-terrorism-committee"));  // suggested
  CHECK(run({"query", graph(), "show", "body:no-such-body"}).code == 5);
}

}  // namespace crimekg::query
