// `crimekg export` and `crimekg render` as a user runs them: options, exit
// codes, messages. Runs the binary ctest names in CRIMEKG_BIN.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "graph/node_link.h"
#include "test_graphs.h"

using namespace crimekg;
using namespace crimekg::testing;

namespace {

std::string binary() {
  if (const char* bin = std::getenv("CRIMEKG_BIN")) return bin;
  const std::string built = std::string(CRIMEKG_BINARY_DIR) + "/cli/crimekg";
  return std::filesystem::exists(built) ? built : "";
}

std::string quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct Run {
  int code = -1;
  std::string err;
};

Run run(const TempFolder& folder, const std::vector<std::string>& args) {
  const std::string bin = binary();
  REQUIRE_FALSE(bin.empty());  // set CRIMEKG_BIN to the crimekg executable (ctest does)
  std::string command = quote(bin);
  for (const auto& a : args) command += " " + quote(a);
  command += " >" + quote(folder / "stdout") + " 2>" + quote(folder / "stderr");
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(folder / "stderr")};
}

std::string saved_graph(const TempFolder& folder) {
  const std::string path = folder / "graph.json";
  std::ofstream out(path);
  write_node_link(small_graph(), out);
  return path;
}

}  // namespace

TEST_CASE("crimekg export converts by extension or -f", "[cli]") {
  TempFolder folder("cli-export");
  const std::string graph = saved_graph(folder);
  CHECK(run(folder, {"export", graph, "-o", folder / "g.graphml"}).code == 0);
  CHECK(read_file(folder / "g.graphml").find("<graphml") != std::string::npos);
  CHECK(run(folder, {"export", graph, "-o", folder / "g.out", "-f", "gexf"}).code == 0);
  CHECK(run(folder, {"export", graph, "-o", folder / "neo4j"}).code == 0);
  CHECK(std::filesystem::exists(folder / "neo4j/README.md"));
  CHECK(run(folder, {"export", graph, "-o", "-", "-f", "dot"}).code == 0);
  CHECK(read_file(folder / "stdout").rfind("digraph crimekg", 0) == 0);
}

TEST_CASE("crimekg export filters", "[cli]") {
  TempFolder folder("cli-filter");
  const std::string graph = saved_graph(folder);
  REQUIRE(run(folder,
              {"export", graph, "-o", folder / "ego.json", "--focus", "state:qat", "--depth", "1"})
              .code == 0);
  KnowledgeGraph ego;
  REQUIRE(load_node_link_file(folder / "ego.json", ego).ok());
  CHECK(ego.node_count() == 3);  // Qatar, its meeting, the document mentioning Qatar
  REQUIRE(run(folder, {"export", graph, "-o", folder / "typed.json", "--types", "body,CrimeType",
                       "--predicates", "addresses"})
              .code == 0);
  KnowledgeGraph typed;
  REQUIRE(load_node_link_file(folder / "typed.json", typed).ok());
  CHECK(typed.node_count() == 3);
  CHECK(typed.edge_count() == 2);
}

TEST_CASE("crimekg export exit codes", "[cli]") {
  TempFolder folder("cli-codes");
  const std::string graph = saved_graph(folder);
  Run r = run(folder, {"export", graph});
  CHECK(r.code == 1);
  CHECK(r.err.find("-o OUT") != std::string::npos);
  CHECK(run(folder, {"export", graph, "-o", folder / "x.txt"}).code == 1);  // format unknown
  CHECK(run(folder, {"export", graph, "-o", folder / "x.json", "--top", "many"}).code == 1);
  CHECK(run(folder, {"export", graph, "-o", folder / "x.json", "--types", "Person"}).code == 1);
  CHECK(run(folder, {"export", graph, "-o", folder / "x.json", "--frobnicate"}).code == 1);

  r = run(folder, {"export", folder / "missing.json", "-o", folder / "x.json"});
  CHECK(r.code == 2);
  CHECK(r.err.find("missing.json") != std::string::npos);
  std::ofstream(folder / "bad.json") << "{ not json";
  r = run(folder, {"export", folder / "bad.json", "-o", folder / "x.json"});
  CHECK(r.code == 2);
  CHECK(r.err.find("bad.json") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(folder / "x.json"));

  std::ofstream(folder / "file") << "x";
  r = run(folder, {"export", graph, "-o", folder / "file/x.json"});
  CHECK(r.code == 3);
  r = run(folder, {"export", graph, "-o", folder / "x.json", "--focus", "body:nobody"});
  CHECK(r.code == 5);
  CHECK(r.err.find("body:nobody") != std::string::npos);
  CHECK(run(folder, {"export", "--help"}).code == 0);
  CHECK(read_file(folder / "stdout").find("--min-weight") != std::string::npos);
}

TEST_CASE("crimekg render", "[cli]") {
  TempFolder folder("cli-render");
  const std::string graph = saved_graph(folder);
  Run r = run(folder, {"render", graph, "-o", folder / "d.svg"});
  CHECK(r.code == 0);
  const std::string svg = read_file(folder / "d.svg");
  CHECK(svg.find("Legend") != std::string::npos);
  CHECK(svg.find("class=\"node Document\"") == std::string::npos);  // hidden by default
  // The title says what the picture leaves out, and only that.
  CHECK(svg.find("Documents hidden") != std::string::npos);
  CHECK(svg.find("typed relations only") != std::string::npos);
  CHECK(svg.find("best connected") == std::string::npos);  // fewer nodes than the default cap
  CHECK(run(folder, {"render", graph, "-o", folder / "top.svg", "--top", "3"}).code == 0);
  const std::string top = read_file(folder / "top.svg");
  CHECK(top.find(", the best connected") != std::string::npos);
  CHECK(top.find("typed relations only") != std::string::npos);
  CHECK(run(folder, {"render", graph, "-o", folder / "all.svg", "--all"}).code == 0);
  const std::string all = read_file(folder / "all.svg");
  CHECK(all.find("class=\"node Document\"") != std::string::npos);
  CHECK(all.find("Documents hidden") == std::string::npos);
  CHECK(all.find("typed relations only") == std::string::npos);
  CHECK(run(folder, {"render", graph, "-o", folder / "d.png", "--layout", "sfdp"}).code == 0);
  CHECK(run(folder, {"render", graph, "-o", folder / "d.svg", "--layout", "spring"}).code == 1);
  CHECK(run(folder, {"render", graph, "-o", folder / "d.gif"}).code == 1);
  CHECK(run(folder,
            {"render", graph, "-o", folder / "d.svg", "--types", "Place", "--predicates", "runs"})
            .code == 5);
  CHECK(run(folder, {"render", "--help"}).code == 0);
  CHECK(read_file(folder / "stdout").find("--layout") != std::string::npos);
}
