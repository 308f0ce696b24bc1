// `crimekg query` on the real samples graph: built from samples/ exactly as
// `crimekg build samples -o out.json` builds it (documents in sorted order,
// fragments merged), saved as node-link JSON and read back, since queries
// always run on a saved graph. Checks the rows the issue asks for: UNODC
// addresses terrorism, CRIMJUST addresses drug trafficking, a path from
// INTERPOL to a crime type, `show` by an Arabic name; then every subcommand
// through the executable.
#include <rapidjson/document.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "extractors/document.h"
#include "extractors/pipeline.h"
#include "graph/knowledge_graph.h"
#include "graph/node_link.h"
#include "query/graph_stats.h"
#include "query/matrix.h"
#include "query/name_index.h"
#include "query/neighbors.h"
#include "query/node_report.h"
#include "query/paths.h"

using namespace crimekg;
using namespace crimekg::query;

namespace {

namespace fs = std::filesystem;

constexpr const char* kUnodc = "body:united-nations-office-on-drugs-and-crime";
constexpr const char* kInterpol = "body:international-criminal-police-organization";
constexpr const char* kCrimjust = "programme:crimjust";
constexpr const char* kUnodcArabic = "مكتب الأمم المتحدة المعني بالمخدرات والجريمة";

const fs::path& work_dir() {
  static const fs::path dir = [] {
    auto d = fs::temp_directory_path() / ("crimekg_query_samples_" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

// The saved samples graph (a file, for the executable) and the graph read
// back from it (for the library).
struct Samples {
  std::string path;
  KnowledgeGraph graph;
};

const Samples& samples() {
  static const Samples built = [] {
    Status status;
    auto pipeline = Pipeline::create(std::string(CRIMEKG_SOURCE_DIR) + "/data", status);
    if (!pipeline) throw std::runtime_error("data did not load:\n" + status.to_string());
    std::vector<DocumentProblem> problems;
    const auto inputs = expand_inputs({std::string(CRIMEKG_SOURCE_DIR) + "/samples"}, problems);
    Workspace workspace;
    KnowledgeGraph graph;
    for (const auto& path : inputs) {
      Document document;
      if (!load_document(path, document, problems)) continue;
      graph.merge(pipeline->extract(document, {}, workspace));
    }
    Samples out;
    out.path = (work_dir() / "samples.json").string();
    {
      std::ofstream file(out.path, std::ios::binary);
      write_node_link(graph, file);
    }
    const Status loaded = load_node_link_file(out.path, out.graph);
    if (!loaded.ok()) throw std::runtime_error(loaded.to_string());
    return out;
  }();
  return built;
}

const KnowledgeGraph& graph() { return samples().graph; }

KnowledgeGraph::Vertex vertex(const std::string& id) {
  auto v = graph().find(id);
  if (!v) throw std::runtime_error("the samples graph has no node " + id);
  return *v;
}

std::string id_of(KnowledgeGraph::Vertex v) { return graph().node(v).id; }

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

std::string quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string binary() {
  if (const char* bin = std::getenv("CRIMEKG_BIN"); bin != nullptr && *bin != '\0') return bin;
  return std::string(CRIMEKG_BINARY_DIR) + "/cli/crimekg";
}

// `crimekg query SAMPLES ARGS...`
Run crimekg_query(const std::vector<std::string>& args) {
  std::string command = "env -u COLUMNS " + quote(binary()) + " query " + quote(samples().path);
  for (const auto& a : args) command += " " + quote(a);
  command += " >" + quote((work_dir() / "out").string()) + " 2>" +
             quote((work_dir() / "err").string()) + " </dev/null";
  Run run;
  const int status = std::system(command.c_str());
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = slurp(work_dir() / "out");
  run.err = slurp(work_dir() / "err");
  return run;
}

// The fields of one CSV record without quotes (the values checked here
// hold no comma).
std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, ',')) fields.push_back(field);
  return fields;
}

// The record of `row_id` from a matrix CSV, as column id -> count.
std::map<std::string, long> matrix_row(const std::string& csv, const std::string& row_id) {
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  const auto header = split_csv(line);
  std::map<std::string, long> out;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind(row_id + ",", 0) != 0) continue;
    const auto fields = split_csv(line);
    // id, label, total, then one count per column; labels have no comma here.
    for (std::size_t i = 2; i < fields.size() && i < header.size(); ++i) {
      out[header[i]] = std::strtol(fields[i].c_str(), nullptr, 10);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("samples: which bodies address which crimes", "[e2e][query]") {
  const MatrixOptions options;  // Body x CrimeType by addresses
  const Matrix m = build_matrix(graph(), options);
  REQUIRE_FALSE(m.rows.empty());
  // UNODC addresses terrorism, and is the body with the most evidence; the
  // cell counts exactly the evidence of that edge.
  const auto edge = graph().find_edge(kUnodc, "addresses", "crime:terrorism");
  REQUIRE(edge);
  CHECK(m.at(graph(), kUnodc, "crime:terrorism") == graph().edge(*edge).weight);
  CHECK(m.at(graph(), kUnodc, "crime:terrorism") >= 1);
  CHECK(id_of(m.rows.front()) == kUnodc);
  CHECK(m.at(graph(), kUnodc, "crime:drug-trafficking") >= 1);
  CHECK(m.at(graph(), kUnodc, "crime:organized-crime") >= 1);
  // Rows and columns come sorted by their totals.
  for (std::size_t i = 1; i < m.rows.size(); ++i) CHECK(m.row_totals[i - 1] >= m.row_totals[i]);
  for (std::size_t i = 1; i < m.columns.size(); ++i) {
    CHECK(m.column_totals[i - 1] >= m.column_totals[i]);
  }
  for (auto v : m.rows) CHECK(graph().node(v).type == NodeType::kBody);
  for (auto v : m.columns) CHECK(graph().node(v).type == NodeType::kCrimeType);

  // CRIMJUST (a Programme) addresses drug trafficking.
  MatrixOptions programmes;
  programmes.row_types = {NodeType::kProgramme};
  CHECK(build_matrix(graph(), programmes).at(graph(), kCrimjust, "crime:drug-trafficking") >= 1);
}

TEST_CASE("samples: CRIMJUST's neighbours and a path from INTERPOL to a crime", "[e2e][query]") {
  NeighborOptions addresses;
  addresses.predicates = PredicateSet::of({"addresses"});
  addresses.direction = Direction::kOut;
  const auto result = neighbors(graph(), vertex(kCrimjust), addresses);
  bool drugs = false;
  for (const auto& row : result.rows) drugs |= id_of(row.other) == "crime:drug-trafficking";
  CHECK(drugs);

  // INTERPOL is linked to a crime type by typed predicates, within two hops.
  const NameIndex index(graph());
  const auto interpol = index.resolve("INTERPOL");
  REQUIRE(interpol.outcome == Resolution::Outcome::kFound);
  CHECK(id_of(interpol.matches.front().vertex) == kInterpol);
  const auto environment = index.resolve("crimes that affect the environment");
  REQUIRE(environment.outcome == Resolution::Outcome::kFound);
  const auto path = shortest_path(graph(), interpol.matches.front().vertex,
                                  environment.matches.front().vertex, PathOptions{});
  REQUIRE(path.found);
  CHECK(path.hops.size() <= 2);
  CHECK(graph().node(path.nodes.back()).type == NodeType::kCrimeType);
  for (const auto& hop : path.hops) {
    REQUIRE_FALSE(hop.edges.empty());
    for (auto e : hop.edges) CHECK(is_typed_predicate(graph().edge(e).predicate));
  }
}

TEST_CASE("samples: show by an Arabic name", "[e2e][query]") {
  const NameIndex index(graph());
  const auto found = index.resolve(kUnodcArabic);
  REQUIRE(found.outcome == Resolution::Outcome::kFound);
  CHECK(id_of(found.matches.front().vertex) == kUnodc);
  // With harakat and without the article's spelling variants, too.
  const auto vowelled = index.resolve("مكتبُ الأممِ المتحدةِ المعنيُّ بالمخدراتِ والجريمةِ");
  REQUIRE(vowelled.outcome == Resolution::Outcome::kFound);
  CHECK(id_of(vowelled.matches.front().vertex) == kUnodc);

  NodeReportOptions options;
  options.evidence_limit = 0;
  const auto report = node_report(graph(), vertex(kUnodc), options);
  CHECK(graph().node(report.vertex).labels.count("ar") == 1);
  bool addresses = false, arabic_evidence = false;
  for (const auto& row : report.degree)
    addresses |= row.predicate == "addresses" && row.out_edges > 0;
  CHECK(addresses);
  // Evidence from the Arabic documents, with document and paragraph.
  for (const auto& row : report.evidence) {
    CHECK_FALSE(row.item->document.empty());
    const auto doc = graph().find(row.item->document);
    REQUIRE(doc);
    const auto& language = graph().node(*doc).properties;
    if (language.count("language") && language.at("language") == "ar") arabic_evidence = true;
  }
  CHECK(arabic_evidence);
}

TEST_CASE("samples: search and stats", "[e2e][query]") {
  const NameIndex index(graph());
  const auto hits = index.search("trafficking in persons", 5, {NodeType::kCrimeType});
  REQUIRE_FALSE(hits.empty());
  CHECK(id_of(hits.front().match.vertex) == "crime:trafficking-in-persons");
  CHECK(hits.front().rank == 0);

  StatsOptions options;
  const auto stats = graph_stats(graph(), options);
  CHECK(stats.nodes == graph().node_count());
  REQUIRE_FALSE(stats.top_degree.empty());
  bool unodc_on_top = false;
  for (std::size_t i = 0; i < std::min<std::size_t>(3, stats.top_degree.size()); ++i) {
    unodc_on_top |= id_of(stats.top_degree[i].vertex) == kUnodc;
  }
  CHECK(unodc_on_top);
  CHECK(stats.betweenness_used == BetweennessMode::kExact);  // small enough for exact
  CHECK(stats.components >= 1);
}

TEST_CASE("samples: every subcommand through the executable", "[e2e][query]") {
  if (!fs::exists(binary())) {
    WARN("crimekg executable not found at " << binary() << "; set CRIMEKG_BIN");
    return;
  }
  auto r = crimekg_query({"matrix", "--rows", "Body", "--cols", "CrimeType", "--format", "csv"});
  REQUIRE(r.code == 0);
  auto unodc = matrix_row(r.out, kUnodc);
  CHECK(unodc["crime:terrorism"] >= 1);
  // The same table as the library's.
  CHECK(unodc["crime:terrorism"] ==
        static_cast<long>(
            build_matrix(graph(), MatrixOptions{}).at(graph(), kUnodc, "crime:terrorism")));

  // As a terminal shows it: 100 columns wide, UNODC's row first with its
  // label cut by an ellipsis, and its terrorism cell under "terrorism".
  r = crimekg_query({"matrix", "--width", "100"});
  REQUIRE(r.code == 0);
  {
    std::istringstream lines(r.out);
    std::string line, header, unodc_line;
    std::size_t widest = 0;
    while (std::getline(lines, line)) {
      // Code points: these lines hold no wide or combining characters.
      std::size_t cells = 0;
      for (unsigned char c : line) cells += (c & 0xC0) != 0x80;
      widest = std::max(widest, cells);
      if (line.rfind("Body ", 0) == 0) header = line;
      if (unodc_line.empty() && line.rfind("United Nations Office on Drugs", 0) == 0)
        unodc_line = line;
    }
    CHECK(widest <= 100);
    REQUIRE_FALSE(header.empty());
    REQUIRE_FALSE(unodc_line.empty());
    CHECK(unodc_line.find("\u2026") != std::string::npos);  // the label was cut
    // The UNODC row is the first below the rule.
    CHECK(r.out.find("-\n" + unodc_line) != std::string::npos);
    // Its cell under the terrorism column holds the library's count.
    const auto column_end = header.find("terrorism") + std::string("terrorism").size();
    REQUIRE(header.find("terrorism") != std::string::npos);
    const std::string terrorism = std::to_string(unodc["crime:terrorism"]);
    const auto cell = unodc_line.find(" " + terrorism + " ");
    REQUIRE(cell != std::string::npos);
    // Right-aligned: the number ends where the header's word ends (the
    // ellipsis before it is 3 bytes for one cell, hence the offset).
    CHECK(cell + 1 + terrorism.size() == column_end + 2);
  }

  r = crimekg_query({"matrix", "--rows", "Programme", "--format", "csv"});
  REQUIRE(r.code == 0);
  CHECK(matrix_row(r.out, kCrimjust)["crime:drug-trafficking"] >= 1);

  r = crimekg_query({"neighbors", "CRIMJUST", "--predicate", "addresses", "--format", "csv"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("\r\naddresses,out,crime:drug-trafficking,CrimeType,drug trafficking,") !=
        std::string::npos);

  r = crimekg_query({"path", "INTERPOL", "crimes that affect the environment", "--format", "json"});
  REQUIRE(r.code == 0);
  rapidjson::Document doc;
  doc.Parse(r.out.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(doc["found"].GetBool());
  CHECK(std::string(doc["nodes"][0]["id"].GetString()) == kInterpol);

  r = crimekg_query({"show", kUnodcArabic});
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind(
            "United Nations Office on Drugs and Crime\n  id        " + std::string(kUnodc) + "\n",
            0) == 0);
  CHECK(r.out.find("\u200E" + std::string(kUnodcArabic) + "\u200E") != std::string::npos);

  r = crimekg_query({"search", "UNODC", "--format", "csv"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("\r\n" + std::string(kUnodc) + ",Body,") != std::string::npos);

  // Search in Arabic: UNODC and drug trafficking by their Arabic labels.
  r = crimekg_query({"search", "المخدرات", "--format", "csv"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("\r\n" + std::string(kUnodc) + ",Body,") != std::string::npos);
  CHECK(r.out.find("\r\ncrime:drug-trafficking,CrimeType,drug trafficking,") != std::string::npos);

  r = crimekg_query({"stats", "--format", "json"});
  REQUIRE(r.code == 0);
  doc.Parse(r.out.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(doc["nodesByType"]["Body"].GetUint64() > 0);

  r = crimekg_query({"show", "no such body anywhere"});
  CHECK(r.code == 5);
}
