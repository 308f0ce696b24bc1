#include "query/table_printer.h"

#include <catch2/catch.hpp>
#include <sstream>

namespace crimekg::query {
namespace {

std::string text_of(const Table& table, std::size_t width, TextLayout* layout = nullptr) {
  std::ostringstream out;
  auto l = print_text(table, out, width);
  if (layout) *layout = l;
  return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("display width counts terminal cells", "[query][table]") {
  CHECK(display_width("") == 0);
  CHECK(display_width("UNODC") == 5);
  CHECK(display_width("tab\there") == 7);  // a control character takes no cell
  // CJK ideographs are wide.
  CHECK(display_width("联合国毒品和犯罪问题办公室") == 26);
  CHECK(display_width("UN 联合国") == 9);
  // Combining marks take none: e + COMBINING ACUTE, Arabic harakat.
  CHECK(display_width("Cafe\u0301") == 4);
  CHECK(display_width("مكتبُ") == 4);
  CHECK(display_width("مكتب") == 4);
  // Format characters (bidi marks) take none.
  CHECK(display_width("\u200Eقطر\u200E") == 3);
  // Fullwidth forms are wide.
  CHECK(display_width("ＵＮ") == 4);
}

TEST_CASE("truncation cuts between grapheme clusters and ends in an ellipsis", "[query][table]") {
  CHECK(truncate_to_width("terrorism", 20) == "terrorism");
  CHECK(truncate_to_width("terrorism", 9) == "terrorism");
  CHECK(truncate_to_width("terrorism", 6) == "terro\u2026");
  CHECK(truncate_to_width("terrorism", 1) == "\u2026");
  CHECK(truncate_to_width("terrorism", 0).empty());
  // No trailing space before the ellipsis.
  CHECK(truncate_to_width("drug trafficking", 6) == "drug\u2026");
  // A wide character that does not fit is left out whole.
  CHECK(truncate_to_width("联合国毒品", 6) == "联合\u2026");
  CHECK(display_width(truncate_to_width("联合国毒品", 6)) == 5);
  // An accent stays with its letter.
  CHECK(truncate_to_width("Cafe\u0301s du monde", 5) == "Cafe\u0301\u2026");
}

TEST_CASE("Arabic is cut between words, never reordered, ellipsis on its left", "[query][table]") {
  const std::string unodc_ar = "مكتب الأمم المتحدة المعني بالمخدرات والجريمة";
  const std::string cut = truncate_to_width(unodc_ar, 20);
  // Whole words, in logical order, followed by the ellipsis and a
  // RIGHT-TO-LEFT MARK so bidi shows the ellipsis at the end of the run.
  CHECK(cut == "مكتب الأمم المتحدة\u2026\u200F");
  CHECK(display_width(cut) <= 20);
  CHECK(unodc_ar.rfind("مكتب الأمم المتحدة", 0) == 0);
  // Harakat stay on their letter even when the cut falls mid-word.
  CHECK(truncate_to_width("مُكْتَبٌ", 3) == "مُكْ\u2026\u200F");
  CHECK(has_rtl(unodc_ar));
  CHECK_FALSE(has_rtl("UNODC 联合国"));
  CHECK(fence_rtl("قطر") == "\u200Eقطر\u200E");
  CHECK(fence_rtl("Qatar") == "Qatar");
}

TEST_CASE("one_line removes line breaks and tabs", "[query][table]") {
  CHECK(one_line("a\nb\r\n\tc") == "a b c");
  CHECK(one_line("\nlead") == "lead");
}

TEST_CASE("text tables align by display width", "[query][table]") {
  Table table({{"name"}, {"count", Align::kRight}});
  table.add_row({"联合国", "1"});
  table.add_row({"UNODC", "12"});
  table.add_row({"قطر", "3"});
  const auto lines = lines_of(text_of(table, 0));
  REQUIRE(lines.size() == 5);
  CHECK(lines[0] == "name    count");
  CHECK(lines[1] == "------  -----");
  CHECK(lines[2] == "联合国      1");
  CHECK(lines[3] == "UNODC      12");
  // The Arabic cell is fenced with LRMs and padded to the same width.
  CHECK(lines[4] == "\u200Eقطر\u200E         3");
  for (const auto& line : lines) CHECK(display_width(line) == 13);
}

TEST_CASE("text tables shrink the widest column, then drop droppable ones", "[query][table]") {
  Table table({{"body", Align::kLeft, 10, 0},
               {"total", Align::kRight},
               {"terrorism", Align::kRight, 0, 12, true, true},
               {"organized crime", Align::kRight, 0, 12, true, true}});
  table.add_row({"United Nations Office on Drugs and Crime", "7", "3", "4"});
  TextLayout layout;
  auto lines = lines_of(text_of(table, 40, &layout));
  CHECK(layout.dropped_columns == 0);
  // The long header wraps over two lines instead of widening its column.
  REQUIRE(lines.size() == 4);
  // The label column gives way (to 11 cells) so the numbers keep theirs.
  CHECK(lines[0] == "                               organized");
  CHECK(lines[1] == "body         total  terrorism      crime");
  CHECK(lines[3] == "United Nat\u2026      7          3          4");
  for (const auto& line : lines) CHECK(display_width(line) <= 40);

  lines = lines_of(text_of(table, 30, &layout));
  CHECK(layout.dropped_columns == 1);
  CHECK(lines[0] == "body          total  terrorism");
  for (const auto& line : lines) CHECK(display_width(line) <= 30);
  // No limit: everything at natural width.
  lines = lines_of(text_of(table, 0, &layout));
  CHECK(layout.dropped_columns == 0);
  CHECK(lines.back() == "United Nations Office on Drugs and Crime      7          3          4");
}

TEST_CASE("CSV follows RFC 4180", "[query][table]") {
  Table table({{"id"}, {"text"}});
  table.add_row({"a", "plain"});
  table.add_row({"b", "comma, inside"});
  table.add_row({"c", "say \"terrorism\""});
  table.add_row({"d", "two\nlines"});
  table.add_row({"e", "مكتب"});
  std::ostringstream out;
  print_csv(table, out);
  CHECK(out.str() ==
        "id,text\r\n"
        "a,plain\r\n"
        "b,\"comma, inside\"\r\n"
        "c,\"say \"\"terrorism\"\"\"\r\n"
        "d,\"two\nlines\"\r\n"
        "e,مكتب\r\n");
}

TEST_CASE("Markdown escapes pipes and keeps values whole", "[query][table]") {
  Table table({{"name"}, {"n", Align::kRight}});
  table.add_row({"a | b", "1"});
  table.add_row({"line\nbreak", "2"});
  std::ostringstream out;
  print_markdown(table, out);
  CHECK(out.str() ==
        "| name | n |\n"
        "| --- | ---: |\n"
        "| a \\| b | 1 |\n"
        "| line break | 2 |\n");
}

TEST_CASE("output formats by name", "[query][table]") {
  CHECK(output_format_from_name("text") == OutputFormat::kText);
  CHECK(output_format_from_name("csv") == OutputFormat::kCsv);
  CHECK(output_format_from_name("markdown") == OutputFormat::kMarkdown);
  CHECK(output_format_from_name("md") == OutputFormat::kMarkdown);
  CHECK(output_format_from_name("json") == OutputFormat::kJson);
  CHECK_FALSE(output_format_from_name("xml"));
}

}  // namespace crimekg::query
