#include "query/table_printer.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <numeric>

namespace crimekg::query {
namespace {

constexpr std::string_view kEllipsis = "\u2026";
constexpr std::string_view kLrm = "\u200E";
constexpr std::string_view kRlm = "\u200F";
constexpr std::size_t kColumnGap = 2;
constexpr std::size_t kMaxHeaderLines = 3;

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

int code_point_width(UChar32 c) {
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
  const int8_t category = u_charType(c);
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR) {
    return 0;
  }
  // Hangul medial vowels and final consonants join the preceding syllable.
  if (c >= 0x1160 && c <= 0x11FF) return 0;
  const int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
}

// One grapheme cluster shows as one glyph: its width is that of its widest
// part, capped at two cells (emoji ZWJ sequences, Hangul jamo).
std::size_t cluster_width(std::string_view cluster) {
  int sum = 0;
  int32_t i = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(cluster.data());
  const auto size = static_cast<int32_t>(cluster.size());
  while (i < size) {
    UChar32 c;
    U8_NEXT(bytes, i, size, c);
    sum += c < 0 ? 1 : code_point_width(c);
  }
  return static_cast<std::size_t>(std::min(sum, 2));
}

// Calls visit(begin, end) for each grapheme cluster of `text` (byte offsets)
// until it returns false. One break iterator per thread: creating one costs
// far more than using it.
template <typename Visit>
void for_each_grapheme(std::string_view text, Visit visit) {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    return U_SUCCESS(status) ? std::move(it) : nullptr;
  }();
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (!iterator || U_FAILURE(status)) {
    // No ICU data: fall back to code points, still never splitting one.
    utext_close(utext);
    int32_t i = 0;
    const auto size = static_cast<int32_t>(text.size());
    while (i < size) {
      int32_t start = i;
      U8_FWD_1(reinterpret_cast<const uint8_t*>(text.data()), i, size);
      if (!visit(static_cast<std::size_t>(start), static_cast<std::size_t>(i))) return;
    }
    return;
  }
  iterator->setText(utext, status);
  // UTF-8 UText indices are byte offsets into `text`.
  int32_t start = iterator->first();
  for (int32_t end = iterator->next(); end != icu::BreakIterator::DONE;
       start = end, end = iterator->next()) {
    if (!visit(static_cast<std::size_t>(start), static_cast<std::size_t>(end))) break;
  }
  // Detach the iterator from the text before the UText goes away.
  iterator->setText(icu::UnicodeString());
  utext_close(utext);
}

// The last strong character of `text` is right-to-left.
bool ends_rtl(std::string_view text) {
  int32_t i = static_cast<int32_t>(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  while (i > 0) {
    UChar32 c;
    U8_PREV(bytes, 0, i, c);
    if (c < 0) continue;
    const auto dir = u_charDirection(c);
    if (dir == U_RIGHT_TO_LEFT || dir == U_RIGHT_TO_LEFT_ARABIC) return true;
    if (dir == U_LEFT_TO_RIGHT) return false;
  }
  return false;
}

std::string pad(std::string_view text, std::size_t width, Align align) {
  const std::size_t have = display_width(text);
  std::string fenced = fence_rtl(text);
  if (have >= width) return fenced;
  std::string spaces(width - have, ' ');
  return align == Align::kLeft ? fenced + spaces : spaces + fenced;
}

// Greedy word wrap of a header into at most kMaxHeaderLines lines of `width`
// cells; a word too long for a line, or what does not fit in the last line,
// is cut with an ellipsis.
std::vector<std::string> wrap_header(std::string_view header, std::size_t width) {
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < header.size()) {
    auto next = header.find(' ', pos);
    if (next == std::string_view::npos) next = header.size();
    if (next > pos) words.emplace_back(header.substr(pos, next - pos));
    pos = next + 1;
  }
  std::vector<std::string> lines;
  std::size_t i = 0;
  while (i < words.size()) {
    if (lines.size() + 1 == kMaxHeaderLines) {
      std::string rest = words[i];
      for (std::size_t j = i + 1; j < words.size(); ++j) rest += " " + words[j];
      lines.push_back(truncate_to_width(rest, width));
      break;
    }
    std::string line = words[i++];
    while (i < words.size() && display_width(line) + 1 + display_width(words[i]) <= width) {
      line += " " + words[i++];
    }
    lines.push_back(truncate_to_width(line, width));
  }
  if (lines.empty()) lines.emplace_back();
  return lines;
}

// The widest single word of a header: a wrapped header column is at least
// that wide (up to its cap) so words are not cut needlessly.
std::size_t longest_word(std::string_view header) {
  std::size_t best = 0;
  std::size_t pos = 0;
  while (pos <= header.size()) {
    auto next = header.find(' ', pos);
    if (next == std::string_view::npos) next = header.size();
    best = std::max(best, display_width(header.substr(pos, next - pos)));
    pos = next + 1;
  }
  return best;
}

std::string escape_markdown(std::string_view text) {
  std::string out;
  for (char c : one_line(text)) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::size_t display_width(std::string_view utf8) {
  if (is_ascii(utf8)) {
    return static_cast<std::size_t>(
        std::count_if(utf8.begin(), utf8.end(), [](char c) { return c >= 0x20 && c != 0x7F; }));
  }
  std::size_t width = 0;
  for_each_grapheme(utf8, [&](std::size_t begin, std::size_t end) {
    width += cluster_width(utf8.substr(begin, end - begin));
    return true;
  });
  return width;
}

bool has_rtl(std::string_view utf8) {
  int32_t i = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto size = static_cast<int32_t>(utf8.size());
  while (i < size) {
    UChar32 c;
    U8_NEXT(bytes, i, size, c);
    if (c < 0x590) continue;  // nothing below Hebrew is strong right-to-left
    const auto dir = u_charDirection(c);
    if (dir == U_RIGHT_TO_LEFT || dir == U_RIGHT_TO_LEFT_ARABIC) return true;
  }
  return false;
}

std::string truncate_to_width(std::string_view utf8, std::size_t width) {
  if (display_width(utf8) <= width) return std::string(utf8);
  if (width == 0) return "";
  const std::size_t budget = width - 1;  // one cell for the ellipsis
  std::size_t cut = 0;
  if (is_ascii(utf8)) {
    cut = std::min(budget, utf8.size());
  } else {
    std::size_t used = 0;
    for_each_grapheme(utf8, [&](std::size_t begin, std::size_t end) {
      const std::size_t w = cluster_width(utf8.substr(begin, end - begin));
      if (used + w > budget) return false;
      used += w;
      cut = end;
      return true;
    });
  }
  std::string_view kept = utf8.substr(0, cut);
  const bool rtl = has_rtl(utf8);
  if (rtl) {
    // Keep whole words: a cut Arabic word takes another shape and meaning.
    // Only when not even the first word fits is it cut between graphemes.
    const auto space = kept.find_last_of(' ');
    if (space != std::string_view::npos && space > 0 && utf8[cut] != ' ')
      kept = kept.substr(0, space);
  }
  while (!kept.empty() && kept.back() == ' ') kept.remove_suffix(1);
  std::string out(kept);
  out += kEllipsis;
  if (rtl && ends_rtl(kept)) out += kRlm;
  return out;
}

std::string one_line(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool space = false;
  for (char c : utf8) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string fence_rtl(std::string_view utf8) {
  if (!has_rtl(utf8)) return std::string(utf8);
  std::string out(kLrm);
  out += utf8;
  out += kLrm;
  return out;
}

std::optional<OutputFormat> output_format_from_name(std::string_view name) {
  if (name == "text") return OutputFormat::kText;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "markdown" || name == "md") return OutputFormat::kMarkdown;
  if (name == "json") return OutputFormat::kJson;
  return std::nullopt;
}

void Table::add_row(std::vector<std::string> cells) {
  cells.resize(std::max(cells.size(), columns_.size()));
  rows_.push_back(std::move(cells));
}

TextLayout print_text(const Table& table, std::ostream& out, std::size_t width,
                      std::string_view indent) {
  const auto& columns = table.columns();
  // Cells once made single-line; widths measured once.
  std::vector<std::vector<std::string>> cells;
  cells.reserve(table.rows().size());
  for (const auto& row : table.rows()) {
    std::vector<std::string> line;
    line.reserve(columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) line.push_back(one_line(row[c]));
    cells.push_back(std::move(line));
  }
  std::vector<std::size_t> natural(columns.size(), 0);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const auto& col = columns[c];
    std::size_t w = col.wrap_header ? longest_word(col.header) : display_width(col.header);
    for (const auto& row : cells) w = std::max(w, display_width(row[c]));
    if (col.max_width > 0) w = std::min(w, col.max_width);
    natural[c] = w;
  }

  // Columns kept (all but dropped droppable ones) and their widths.
  std::vector<std::size_t> kept(columns.size());
  std::iota(kept.begin(), kept.end(), 0);
  std::vector<std::size_t> widths;
  auto total = [&] {
    std::size_t sum = indent.size();
    for (auto w : widths) sum += w;
    return sum + (widths.empty() ? 0 : kColumnGap * (widths.size() - 1));
  };
  TextLayout layout;
  while (true) {
    widths.clear();
    for (auto c : kept) widths.push_back(natural[c]);
    if (width == 0) break;
    // Shrink the widest shrinkable column one cell at a time: the cut falls
    // on whatever is most generous, never on narrow columns.
    while (total() > width) {
      std::size_t widest = widths.size();
      for (std::size_t i = 0; i < widths.size(); ++i) {
        const auto& col = columns[kept[i]];
        if (col.min_width == 0 || widths[i] <= col.min_width) continue;
        if (widest == widths.size() || widths[i] > widths[widest]) widest = i;
      }
      if (widest == widths.size()) break;
      --widths[widest];
    }
    if (total() <= width) break;
    // Still too wide: drop the rightmost droppable column and start over.
    auto last = std::find_if(kept.rbegin(), kept.rend(),
                             [&](std::size_t c) { return columns[c].droppable; });
    if (last == kept.rend()) break;  // nothing more to drop: let it overflow
    kept.erase(std::next(last).base());
    ++layout.dropped_columns;
  }

  auto emit_line = [&](const std::vector<std::string>& parts) {
    std::string line(indent);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) line.append(kColumnGap, ' ');
      line += parts[i];
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  };

  // Header, wrapped where allowed, bottom-aligned so labels sit on the rule.
  std::vector<std::vector<std::string>> header_lines;
  std::size_t header_height = 1;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const auto& col = columns[kept[i]];
    header_lines.push_back(col.wrap_header ? wrap_header(col.header, widths[i])
                                           : std::vector{truncate_to_width(col.header, widths[i])});
    header_height = std::max(header_height, header_lines.back().size());
  }
  for (std::size_t line = 0; line < header_height; ++line) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < kept.size(); ++i) {
      const auto& lines = header_lines[i];
      const std::size_t offset = header_height - lines.size();
      const std::string text = line >= offset ? lines[line - offset] : "";
      parts.push_back(pad(text, widths[i], columns[kept[i]].align));
    }
    emit_line(parts);
  }
  {
    std::vector<std::string> rule;
    for (auto w : widths) rule.emplace_back(w, '-');
    emit_line(rule);
  }
  for (const auto& row : cells) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < kept.size(); ++i) {
      parts.push_back(
          pad(truncate_to_width(row[kept[i]], widths[i]), widths[i], columns[kept[i]].align));
    }
    emit_line(parts);
  }
  return layout;
}

void write_csv_record(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out << ',';
    const std::string& f = fields[i];
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      out << f;
      continue;
    }
    out << '"';
    for (char c : f) {
      if (c == '"') out << '"';
      out << c;
    }
    out << '"';
  }
  out << "\r\n";
}

void print_csv(const Table& table, std::ostream& out) {
  std::vector<std::string> header;
  for (const auto& col : table.columns()) header.push_back(col.header);
  write_csv_record(out, header);
  for (const auto& row : table.rows()) write_csv_record(out, row);
}

void print_markdown(const Table& table, std::ostream& out) {
  const auto& columns = table.columns();
  out << '|';
  for (const auto& col : columns) out << ' ' << escape_markdown(col.header) << " |";
  out << "\n|";
  for (const auto& col : columns) out << (col.align == Align::kRight ? " ---: |" : " --- |");
  out << '\n';
  for (const auto& row : table.rows()) {
    out << '|';
    for (std::size_t c = 0; c < columns.size(); ++c) out << ' ' << escape_markdown(row[c]) << " |";
    out << '\n';
  }
}

}  // namespace crimekg::query
