// Tables for people and for programs: aligned text that fits a terminal,
// RFC 4180 CSV and Markdown, all from the same rows.
//
// Text output measures what a terminal shows, not bytes: East Asian wide and
// fullwidth characters take two cells, combining marks (Arabic harakat,
// Latin accents) and format characters none. Cells are cut only between
// grapheme clusters, and text in a right-to-left script is cut between words
// where it can, because a cut Arabic word changes the shape of its last
// letter and reads as another word. Right-to-left text is never reordered:
// the bytes stay in logical order and the terminal's bidi algorithm shows
// them; cells holding it are fenced with LEFT-TO-RIGHT MARKs so the columns
// after them (numbers especially) stay in place. CSV and Markdown carry the
// values unchanged, with no marks and no truncation.
#ifndef CRIMEKG_QUERY_TABLE_PRINTER_H_
#define CRIMEKG_QUERY_TABLE_PRINTER_H_

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace crimekg::query {

// Terminal cells `utf8` occupies (invalid UTF-8 counts one cell a byte).
std::size_t display_width(std::string_view utf8);

// `utf8` cut to at most `width` cells, ending in "…" when anything was cut.
// Right-to-left text gets a RIGHT-TO-LEFT MARK after the ellipsis so the
// ellipsis shows at the visual end of the Arabic run, on its left.
std::string truncate_to_width(std::string_view utf8, std::size_t width);

// True if `utf8` holds a strong right-to-left character (Arabic, Hebrew, ...).
bool has_rtl(std::string_view utf8);

// Control characters (newlines, tabs) replaced by single spaces, so one value
// stays on one line of a table.
std::string one_line(std::string_view utf8);

// `utf8` fenced with LEFT-TO-RIGHT MARKs if it holds right-to-left text,
// otherwise unchanged. For text output placed next to other text.
std::string fence_rtl(std::string_view utf8);

// Output formats every query subcommand offers.
enum class OutputFormat { kText, kCsv, kMarkdown, kJson };
std::optional<OutputFormat> output_format_from_name(std::string_view name);

enum class Align { kLeft, kRight };

struct TableColumn {
  std::string header;
  Align align = Align::kLeft;
  // Text output may shrink the column down to min_width (with "…") to fit
  // the terminal; 0 keeps it at its natural width.
  std::size_t min_width = 0;
  // Never wider than this (0: no cap), so one long value cannot push the
  // other columns off the screen.
  std::size_t max_width = 0;
  // The header may wrap over up to three lines, so a column of small numbers
  // under a long label stays narrow (matrix columns).
  bool wrap_header = false;
  // When the table still does not fit, droppable columns are dropped from
  // the right (a matrix's least frequent columns).
  bool droppable = false;
};

class Table {
 public:
  explicit Table(std::vector<TableColumn> columns) : columns_(std::move(columns)) {}

  // Rows shorter than the header are padded with empty cells.
  void add_row(std::vector<std::string> cells);

  const std::vector<TableColumn>& columns() const { return columns_; }
  const std::vector<std::vector<std::string>>& rows() const { return rows_; }
  bool empty() const { return rows_.empty(); }

 private:
  std::vector<TableColumn> columns_;
  std::vector<std::vector<std::string>> rows_;
};

struct TextLayout {
  std::size_t dropped_columns = 0;  // droppable columns left out to fit
};

// Aligned columns separated by two spaces, a dashed rule under the header,
// each line prefixed by `indent`. `width` is the terminal width (0: no
// limit); the table is shrunk, then thinned, to fit it.
TextLayout print_text(const Table& table, std::ostream& out, std::size_t width,
                      std::string_view indent = "");

// RFC 4180: a header record, CRLF line ends, fields quoted when they hold a
// comma, a quote, CR or LF, quotes doubled.
void print_csv(const Table& table, std::ostream& out);
void write_csv_record(std::ostream& out, const std::vector<std::string>& fields);

// A GitHub-flavoured Markdown pipe table; "|" is escaped, line breaks become
// spaces.
void print_markdown(const Table& table, std::ostream& out);

}  // namespace crimekg::query

#endif  // CRIMEKG_QUERY_TABLE_PRINTER_H_
