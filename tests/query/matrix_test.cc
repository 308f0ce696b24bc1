#include "query/matrix.h"

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <sstream>

#include "tests/query/fixture.h"

namespace crimekg::query {
namespace {

using testing::fixture_graph;
using testing::kInterpol;
using testing::kUnodc;

std::vector<std::string> ids(const std::vector<KnowledgeGraph::Vertex>& vertices) {
  std::vector<std::string> out;
  for (auto v : vertices) out.push_back(fixture_graph().node(v).id);
  return out;
}

std::string render(const Matrix& m, const MatrixOptions& options, OutputFormat format,
                   std::size_t width = 0) {
  std::ostringstream out;
  render_matrix(fixture_graph(), m, options, {format, "en", width}, out);
  return out.str();
}

}  // namespace

TEST_CASE("matrix: which bodies address which crimes", "[query][matrix]") {
  const MatrixOptions options;  // Body x CrimeType by addresses, pieces of evidence
  const Matrix m = build_matrix(fixture_graph(), options);
  // Rows and columns by total, largest first; ties by label.
  CHECK(ids(m.rows) ==
        std::vector<std::string>{kUnodc, "body:counter-terrorism-committee", kInterpol});
  CHECK(ids(m.columns) == std::vector<std::string>{"crime:terrorism", "crime:organized-crime",
                                                   "crime:drug-trafficking",
                                                   "crime:crimes-that-affect-the-environment",
                                                   "crime:trafficking-in-persons"});
  CHECK(m.row_totals == std::vector<std::uint64_t>{10, 2, 1});
  CHECK(m.column_totals == std::vector<std::uint64_t>{5, 4, 2, 1, 1});
  CHECK(m.total == 13);
  CHECK(m.cells[0] == std::vector<std::uint64_t>{3, 4, 2, 0, 1});
  CHECK(m.at(fixture_graph(), kUnodc, "crime:terrorism") == 3);
  CHECK(m.at(fixture_graph(), kInterpol, "crime:crimes-that-affect-the-environment") == 1);
  CHECK(m.at(fixture_graph(), kInterpol, "crime:terrorism") == 0);
  // Programmes are not Bodies.
  CHECK(m.at(fixture_graph(), "programme:crimjust", "crime:drug-trafficking") == 0);
}

TEST_CASE("matrix: programmes, other measures, transposition and limits", "[query][matrix]") {
  MatrixOptions options;
  options.row_types = {NodeType::kBody, NodeType::kProgramme};
  Matrix m = build_matrix(fixture_graph(), options);
  CHECK(m.at(fixture_graph(), "programme:crimjust", "crime:drug-trafficking") == 1);
  CHECK(m.at(fixture_graph(), "programme:global-programme-against-terrorism", "crime:terrorism") ==
        1);
  CHECK(m.rows.size() == 5);

  options = {};
  options.measure = MatrixMeasure::kDocuments;
  m = build_matrix(fixture_graph(), options);
  CHECK(m.at(fixture_graph(), kUnodc, "crime:organized-crime") == 2);  // 4 pieces, 2 documents
  CHECK(m.row_totals[0] == 2);                                         // not 2+2+2+1
  CHECK(m.total == 2);

  options.measure = MatrixMeasure::kEdges;
  m = build_matrix(fixture_graph(), options);
  CHECK(m.at(fixture_graph(), kUnodc, "crime:organized-crime") == 1);
  CHECK(m.row_totals[0] == 4);

  // Swapping rows and columns transposes (direction both, the default).
  options = {};
  options.row_types = {NodeType::kCrimeType};
  options.column_types = {NodeType::kBody};
  m = build_matrix(fixture_graph(), options);
  CHECK(ids(m.rows).front() == "crime:terrorism");
  CHECK(m.at(fixture_graph(), "crime:terrorism", kUnodc) == 3);
  // ...unless only edges from row to column node are asked for.
  options.direction = Direction::kOut;
  CHECK(build_matrix(fixture_graph(), options).rows.empty());

  options = {};
  options.max_rows = 1;
  options.max_columns = 2;
  m = build_matrix(fixture_graph(), options);
  CHECK(ids(m.rows) == std::vector<std::string>{kUnodc});
  CHECK(m.cells == std::vector<std::vector<std::uint64_t>>{{3, 4}});
  CHECK(m.row_totals[0] == 10);  // the total still counts every column
  CHECK(m.all_rows == 3);
  CHECK(m.all_columns == 5);

  options = {};
  options.predicates = PredicateSet::of({"runs"});
  options.column_types = {NodeType::kProgramme};
  m = build_matrix(fixture_graph(), options);
  CHECK(m.at(fixture_graph(), kUnodc, "programme:crimjust") == 1);
}

TEST_CASE("matrix renders as text, CSV, Markdown and JSON", "[query][matrix]") {
  const MatrixOptions options;
  const Matrix m = build_matrix(fixture_graph(), options);

  const std::string text = render(m, options, OutputFormat::kText);
  CHECK(text.rfind("Body \u00d7 CrimeType by addresses: evidence (3 rows, 5 columns)\n", 0) == 0);
  CHECK(text.find("\nUnited Nations Office on Drugs and Crime       10          3          4"
                  "            2            \u00b7            1\n") != std::string::npos);
  CHECK(text.find("\ntotal                                          13          5          4") !=
        std::string::npos);

  // A narrow terminal drops the smallest columns and says so; the row
  // labels keep 28 cells at least.
  const std::string narrow = render(m, options, OutputFormat::kText, 60);
  CHECK(narrow.find("\n\u2026 not shown: 3 columns (--width 0 or --format csv shows all)\n") !=
        std::string::npos);
  CHECK(narrow.find("\nUnited Nations Office on Drugs\u2026     10          3          4\n") !=
        std::string::npos);
  std::istringstream lines(narrow);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("\u2026 not shown", 0) == 0 || line.rfind("Body \u00d7", 0) == 0) continue;
    CHECK(display_width(line) <= 60);
  }

  CHECK(render(m, options, OutputFormat::kCsv) ==
        "id,label,total,crime:terrorism,crime:organized-crime,crime:drug-trafficking,"
        "crime:crimes-that-affect-the-environment,crime:trafficking-in-persons\r\n"
        "body:united-nations-office-on-drugs-and-crime,United Nations Office on Drugs and "
        "Crime,10,3,4,2,0,1\r\n"
        "body:counter-terrorism-committee,Counter-Terrorism Committee,2,2,0,0,0,0\r\n"
        "body:international-criminal-police-organization,International Criminal Police "
        "Organization,1,0,0,0,1,0\r\n");

  const std::string markdown = render(m, options, OutputFormat::kMarkdown);
  CHECK(markdown.find("| Counter-Terrorism Committee | 2 | 2 | 0 | 0 | 0 | 0 |\n") !=
        std::string::npos);
  CHECK(markdown.find("| **total** | 13 | 5 | 4 | 2 | 1 | 1 |\n") != std::string::npos);

  rapidjson::Document doc;
  doc.Parse(render(m, options, OutputFormat::kJson).c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(std::string(doc["measure"].GetString()) == "evidence");
  CHECK(doc["total"].GetUint64() == 13);
  REQUIRE(doc["rows"].Size() == 3);
  CHECK(std::string(doc["rows"][0]["id"].GetString()) == kUnodc);
  CHECK(doc["rows"][0]["counts"][0].GetUint64() == 3);
  CHECK(std::string(doc["columns"][0]["id"].GetString()) == "crime:terrorism");
}

TEST_CASE("matrix labels follow --lang", "[query][matrix]") {
  const MatrixOptions options;
  const Matrix m = build_matrix(fixture_graph(), options, "ar");
  std::ostringstream out;
  render_matrix(fixture_graph(), m, options, {OutputFormat::kCsv, "ar", 0}, out);
  // Arabic labels where the graph has them, English otherwise; unchanged bytes.
  CHECK(out.str().find(",مكتب الأمم المتحدة المعني بالمخدرات والجريمة,10,") != std::string::npos);
  CHECK(out.str().find(",Counter-Terrorism Committee,2,") != std::string::npos);
}

}  // namespace crimekg::query
