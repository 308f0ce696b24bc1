#include "query/node_report.h"

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <sstream>

#include "query/name_index.h"
#include "tests/query/fixture.h"

namespace crimekg::query {
namespace {

using testing::fixture_graph;
using testing::kUnodc;
using testing::vertex;

std::string render(const NodeReport& report, const NodeReportOptions& options,
                   OutputFormat format) {
  std::ostringstream out;
  render_node_report(fixture_graph(), report, options, {format, "en", 0}, out);
  return out.str();
}

}  // namespace

TEST_CASE("show: a node found by its Arabic name, in full", "[query][show]") {
  const NameIndex index(fixture_graph());
  const auto found = index.resolve("مكتب الأمم المتحدة المعني بالمخدرات والجريمة");
  REQUIRE(found.outcome == Resolution::Outcome::kFound);
  const NodeReportOptions options;
  const auto report = node_report(fixture_graph(), found.matches.front().vertex, options);
  CHECK(report.vertex == vertex(kUnodc));

  REQUIRE(report.degree.size() == 7);
  CHECK(report.degree[0].predicate == "addresses");
  CHECK(report.degree[0].out_edges == 4);
  CHECK(report.degree[0].evidence == 10);
  CHECK(report.degree[3].predicate == "cooperatesWith");
  CHECK(report.degree[3].out_edges == 1);
  CHECK(report.degree[3].in_edges == 1);
  CHECK(report.degree[6].predicate == "mentions");
  CHECK(report.degree[6].in_edges == 2);

  // Typed predicates' evidence only, heaviest edge first.
  CHECK(report.evidence_total == 15);
  const auto& first = report.evidence.front();
  CHECK(fixture_graph().node(first.other).id == "crime:organized-crime");
  CHECK(first.item->document == "document:002_d76cc368b9f9cf3d.txt");
  CHECK(first.item->paragraph == "3");

  const std::string text = render(report, options, OutputFormat::kText);
  CHECK(text.rfind("United Nations Office on Drugs and Crime\n"
                   "  id        body:united-nations-office-on-drugs-and-crime\n"
                   "  type      Body\n"
                   "  mentions  40\n"
                   "  label en  United Nations Office on Drugs and Crime\n"
                   "  label ar  \u200Eمكتب الأمم المتحدة المعني بالمخدرات والجريمة\u200E\n"
                   "  label zh  联合国毒品和犯罪问题办公室\n"
                   "  label fr  Office des Nations Unies contre la drogue et le crime\n"
                   "  aliases   ONUDC, UNODC\n"
                   "  sameAs    wikidata:Q1049415\n",
                   0) == 0);
  CHECK(text.find("  addresses\u00a0") == std::string::npos);
  CHECK(text.find("  addresses         4   0        10\n") != std::string::npos);
  CHECK(text.find("  addresses \u2192 terrorism [crime:terrorism]\n"
                  "    document:002_d76cc368b9f9cf3d.txt \u00b6 5: \u200E"
                  "ويعمل مكتب الأمم المتحدة المعني بالمخدرات والجريمة على مكافحة الإرهاب.\u200E\n"
                  "    document:A/59/150 \u00b6 2: UNODC works to counter terrorism, organized "
                  "crime and drug trafficking.\n") != std::string::npos);
}

TEST_CASE("show: evidence limit, predicates and formats", "[query][show]") {
  NodeReportOptions options;
  options.evidence_limit = 2;
  auto report = node_report(fixture_graph(), vertex(kUnodc), options);
  CHECK(report.evidence.size() == 2);
  CHECK(report.evidence_total == 15);
  CHECK(render(report, options, OutputFormat::kText).find("\u2026 13 more") != std::string::npos);

  options = {};
  options.evidence_predicates = PredicateSet::of({"runs"});
  report = node_report(fixture_graph(), vertex(kUnodc), options);
  CHECK(report.evidence_total == 2);
  CHECK(render(report, options, OutputFormat::kCsv) ==
        "predicate,direction,neighbor,neighbor_label,document,paragraph,start,end,text,"
        "extractor,confidence\r\n"
        "runs,out,programme:crimjust,CRIMJUST,document:002_d76cc368b9f9cf3d.txt,18,5000,5060,"
        "برنامج كريمجست الذي ينفذه المكتب,relate.cue,0.9\r\n"
        "runs,out,programme:global-programme-against-terrorism,Global Programme against "
        "Terrorism,document:A/59/150,4,900,975,The Office launched its Global Programme "
        "against Terrorism in October 2002.,relate.cue,0.9\r\n");

  rapidjson::Document doc;
  doc.Parse(render(report, options, OutputFormat::kJson).c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(std::string(doc["node"]["labels"]["ar"].GetString()) ==
        "مكتب الأمم المتحدة المعني بالمخدرات والجريمة");
  CHECK(doc["node"]["aliases"].Size() == 2);
  CHECK(doc["evidenceTotal"].GetUint64() == 2);
  CHECK(std::string(doc["evidence"][0]["evidence"]["text"].GetString()) ==
        "برنامج كريمجست الذي ينفذه المكتب");

  // A Document shows its properties.
  report = node_report(fixture_graph(), vertex("document:A/59/150"), NodeReportOptions{});
  const std::string text = render(report, NodeReportOptions{}, OutputFormat::kText);
  CHECK(text.find("  symbol    A/59/150\n") != std::string::npos);
  CHECK(text.find("Evidence (typed predicates)\n  (none)\n") != std::string::npos);
}

}  // namespace crimekg::query
