#include "extractors/segment.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <unordered_map>

namespace crimekg {
namespace detail {
namespace {

struct Line {
  Span span;  // without the newline
  std::string_view text;
};

bool is_space(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || u_isUWhiteSpace(c);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool all_of(std::string_view s, bool (*pred)(char)) {
  return !s.empty() && std::all_of(s.begin(), s.end(), pred);
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

// Page furniture by shape: job numbers ("V.20-04012", "V.04-56789 (E)"),
// page counters ("3/18", "- 4 -", "4"), barcodes ("*2004567*").
bool looks_like_furniture(std::string_view s) {
  s = trim(s);
  if (s.empty()) return false;
  std::size_t i = 0;
  // job number
  while (i < s.size() && i < 2 && is_upper_ascii(s[i])) ++i;
  if (i > 0 && i < s.size() && s[i] == '.') {
    std::size_t j = i + 1, digits = 0;
    while (j < s.size() && is_digit(s[j])) ++j, ++digits;
    if (digits == 2 && j < s.size() && s[j] == '-') {
      std::size_t k = j + 1, tail = 0;
      while (k < s.size() && is_digit(s[k])) ++k, ++tail;
      if (tail >= 4 && tail <= 6) {
        auto rest = trim(s.substr(k));
        if (rest.empty() || (rest.size() == 3 && rest[0] == '(' && rest[2] == ')')) return true;
      }
    }
  }
  // page x/y
  if (auto slash = s.find('/'); slash != std::string_view::npos && slash <= 3 &&
                                all_of(s.substr(0, slash), is_digit) &&
                                all_of(s.substr(slash + 1), is_digit) && s.size() - slash - 1 <= 3)
    return true;
  // lone page number, possibly dashed
  std::string_view core = s;
  if (core.size() >= 2 && core.front() == '-' && core.back() == '-')
    core = trim(core.substr(1, core.size() - 2));
  if (core.size() <= 3 && all_of(core, is_digit)) return true;
  // barcode
  if (s.size() >= 7 && s.front() == '*' && s.back() == '*' &&
      all_of(s.substr(1, s.size() - 2), is_digit))
    return true;
  return false;
}

// A UN document symbol alone on a line: "A/59/150", "CTOC/COP/2024/5".
bool looks_like_symbol_line(std::string_view s) {
  s = trim(s);
  if (s.size() < 3 || s.size() > 60 || s.find('/') == std::string_view::npos) return false;
  if (!is_upper_ascii(s[0])) return false;
  bool digit = false;
  for (char c : s) {
    if (is_digit(c))
      digit = true;
    else if (!(is_upper_ascii(c) || c == '/' || c == '.' || c == '-' || c == '(' || c == ')' ||
               (c >= 'a' && c <= 'z')))
      return false;
  }
  return digit;
}

// Superscript digits as footnote markers: "¹²" -> "12".
bool superscript_digit(UChar32 c, char& out) {
  switch (c) {
    case 0x2070:
      out = '0';
      return true;
    case 0x00B9:
      out = '1';
      return true;
    case 0x00B2:
      out = '2';
      return true;
    case 0x00B3:
      out = '3';
      return true;
    default:
      if (c >= 0x2074 && c <= 0x2079) {
        out = static_cast<char>('4' + (c - 0x2074));
        return true;
      }
      return false;
  }
}

// Strips Markdown-ish decoration that converters leave: "# ", "- ", "\*".
std::size_t skip_decoration(std::string_view s) {
  std::size_t i = 0;
  for (;;) {
    const std::size_t before = i;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    while (i < s.size() && s[i] == '#') ++i;
    if (i + 1 < s.size() && (s[i] == '-' || s[i] == '*' || s[i] == '>') && s[i + 1] == ' ') i += 2;
    if (i == before) break;
  }
  return i;
}

struct Numbering {
  enum Kind { kNone, kNumber, kSub, kRoman, kLetterHeading, kFootnote } kind = kNone;
  std::string label;
  std::size_t length = 0;  // bytes of the marker
};

bool is_roman(std::string_view s) {
  return !s.empty() && s.size() <= 6 && std::all_of(s.begin(), s.end(), [](char c) {
    return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C';
  });
}

Numbering parse_numbering(std::string_view line) {
  Numbering n;
  std::size_t i = skip_decoration(line);
  const std::string_view s = line.substr(i);
  // footnote: superscript digits, or "*" / "\*" followed by a space
  {
    std::string marker;
    int32_t k = 0;
    const int32_t len = static_cast<int32_t>(s.size());
    while (k < len) {
      int32_t at = k;
      UChar32 c;
      U8_NEXT(s.data(), k, len, c);
      char d;
      if (superscript_digit(c, d)) {
        marker += d;
      } else {
        k = at;
        break;
      }
    }
    if (!marker.empty() && k < len && (s[k] == ' ' || s[k] == '\t')) {
      n.kind = Numbering::kFootnote;
      n.label = marker;
      n.length = i + static_cast<std::size_t>(k);
      return n;
    }
    std::size_t star = 0;
    if (s.substr(0, 2) == "\\*")
      star = 2;
    else if (!s.empty() && s[0] == '*' && s.size() > 1 && s[1] == ' ')
      star = 1;
    if (star && s.size() > star && s[star] == ' ') {
      n.kind = Numbering::kFootnote;
      n.label = "*";
      n.length = i + star;
      return n;
    }
  }
  // "12." "12-" "12 -"
  std::size_t k = 0;
  while (k < s.size() && k < 3 && is_digit(s[k])) ++k;
  if (k > 0) {
    std::size_t j = k;
    while (j < s.size() && s[j] == ' ') ++j;
    if (j < s.size() &&
        (s[j] == '.' || s[j] == '-' || s.substr(j, 3) == "\xE2\x80\x93")) {  // en dash
      const std::size_t mark = s[j] == '.' || s[j] == '-' ? 1 : 3;
      if (j + mark >= s.size() || s[j + mark] == ' ' || s[j + mark] == '\t') {
        n.kind = Numbering::kNumber;
        n.label = std::string(s.substr(0, k));
        n.length = i + j + mark;
        return n;
      }
    }
  }
  // "(a)" "(iv)" "(أ)" "(12)"; and "a)" "iv)" «а)», as French, Spanish and
  // Russian UN texts print lettered sub-paragraphs: lower-case letters only
  // there, so that no sentence opening is taken for one. At most four
  // characters, then a space.
  const bool opened = !s.empty() && s[0] == '(';
  if (auto close = s.find(')'); close != std::string_view::npos && close <= 9 &&
                                close > (opened ? 1u : 0u) && close + 1 < s.size() &&
                                (s[close + 1] == ' ' || s[close + 1] == '\t')) {
    const auto inner = opened ? s.substr(1, close - 1) : s.substr(0, close);
    bool ok = true;
    int32_t q = 0, letters = 0;
    const int32_t len = static_cast<int32_t>(inner.size());
    while (q < len && ok) {
      UChar32 c;
      U8_NEXT(inner.data(), q, len, c);
      ok = c >= 0 && (opened ? (u_isalpha(c) || u_isdigit(c)) : u_islower(c));
      ++letters;
    }
    if (ok && letters <= 4) {
      n.kind = Numbering::kSub;
      n.label = std::string(inner);
      n.length = i + close + 1;
      return n;
    }
  }
  // "IV." headings, "A." headings
  auto dot = s.find('.');
  if (dot != std::string_view::npos && dot + 1 < s.size() && s[dot + 1] == ' ') {
    auto head = s.substr(0, dot);
    if (is_roman(head)) {
      n.kind = Numbering::kRoman;
      n.label = std::string(head);
      n.length = i + dot + 1;
      return n;
    }
    if (head.size() == 1 && is_upper_ascii(head[0])) {
      n.kind = Numbering::kLetterHeading;
      n.label = std::string(head);
      n.length = i + dot + 1;
      return n;
    }
  }
  return n;
}

bool ends_sentence(std::string_view s) {
  s = trim(s);
  if (s.empty()) return true;
  const char last = s.back();
  if (last == '.' || last == ':' || last == ';' || last == '!' || last == '?') return true;
  return s.size() >= 2 && (s.substr(s.size() - 2) == "\xD8\x9F" /* ؟ */ ||
                           s.substr(s.size() - 2) == "\xD8\x9B" /* ؛ */);
}

bool starts_lowercase_latin(std::string_view s) {
  s = trim(s);
  return !s.empty() && s[0] >= 'a' && s[0] <= 'z';
}

}  // namespace

class SentenceSplitterState {
 public:
  icu::BreakIterator* get(std::string_view language) {
    std::string key(language.empty() ? "en" : language);
    auto it = iterators.find(key);
    if (it != iterators.end()) return it->second.get();
    UErrorCode error = U_ZERO_ERROR;
    // "@ss=standard" adds CLDR's suppressions, so "No. 5" or "e.g." do not end a sentence.
    std::unique_ptr<icu::BreakIterator> iterator(icu::BreakIterator::createSentenceInstance(
        icu::Locale((key + "@ss=standard").c_str()), error));
    if (U_FAILURE(error)) {
      error = U_ZERO_ERROR;
      iterator.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), error));
    }
    if (U_FAILURE(error)) iterator.reset();
    auto* raw = iterator.get();
    iterators.emplace(key, std::move(iterator));
    return raw;
  }
  std::unordered_map<std::string, std::unique_ptr<icu::BreakIterator>> iterators;
  std::string scratch;
};

}  // namespace detail

int Segmentation::paragraph_at(std::uint32_t offset) const {
  auto it = std::upper_bound(paragraphs.begin(), paragraphs.end(), offset,
                             [](std::uint32_t o, const Paragraph& p) { return o < p.span.begin; });
  if (it == paragraphs.begin()) return -1;
  --it;
  if (offset < it->span.end) return static_cast<int>(it - paragraphs.begin());
  return -1;
}

Span trim_span(std::string_view text, Span span) {
  int32_t b = static_cast<int32_t>(span.begin), e = static_cast<int32_t>(span.end);
  while (b < e) {
    int32_t next = b;
    UChar32 c;
    U8_NEXT(text.data(), next, e, c);
    if (c < 0 || !detail::is_space(c)) break;
    b = next;
  }
  while (e > b) {
    int32_t prev = e;
    UChar32 c;
    U8_PREV(text.data(), b, prev, c);
    if (c < 0 || !detail::is_space(c)) break;
    e = prev;
  }
  return {static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
}

Segmentation segment(std::string_view text) {
  using detail::Line;
  Segmentation out;
  std::vector<Line> lines;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back({{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)},
                     text.substr(start, end - start)});
    start = end + 1;
  }

  // Running headers and footers: furniture shapes, and short lines with a
  // digit or slash repeated three times or more (a symbol printed on every page).
  std::unordered_map<std::string_view, int> repeats;
  for (const auto& l : lines) {
    auto t = detail::trim(l.text);
    if (!t.empty() && t.size() <= 60 && t.find('\t') == std::string_view::npos) ++repeats[t];
  }
  std::vector<bool> furniture(lines.size(), false);
  std::unordered_map<std::string_view, bool> first_seen;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto t = detail::trim(lines[i].text);
    if (t.empty() || t.find('\t') != std::string_view::npos) continue;
    bool is_furniture = detail::looks_like_furniture(t);
    if (!is_furniture && repeats[t] >= 3 &&
        t.find_first_of("0123456789/") != std::string_view::npos &&
        detail::parse_numbering(t).kind == detail::Numbering::kNone) {
      // The first occurrence in the header is the document's own symbol.
      is_furniture = !(i < 25 && !first_seen[t]);
      first_seen[t] = true;
    }
    if (is_furniture) {
      furniture[i] = true;
      out.furniture.push_back(lines[i].span);
    }
  }

  // The document's symbol: a symbol alone on a line in the header, before
  // the first numbered paragraph.
  for (std::size_t i = 0; i < lines.size() && i < 25; ++i) {
    auto t = detail::trim(lines[i].text);
    if (detail::parse_numbering(t).kind == detail::Numbering::kNumber) break;
    if (!furniture[i] && detail::looks_like_symbol_line(t) &&
        t.find(' ') == std::string_view::npos) {
      out.symbol = std::string(t);
      break;
    }
  }

  std::string last_number;  // the numbered paragraph sub-items belong to
  bool blank_before = true;
  bool page_break = false;  // furniture seen since the last text line
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    if (furniture[i]) {
      page_break = true;
      continue;
    }
    auto t = detail::trim(l.text);
    if (t.empty()) {
      blank_before = true;
      continue;
    }
    const Span span = trim_span(text, l.span);
    const auto numbering = detail::parse_numbering(l.text);
    const bool table_row = t.find('\t') != std::string_view::npos;
    Paragraph* previous = out.paragraphs.empty() ? nullptr : &out.paragraphs.back();

    if (numbering.kind == detail::Numbering::kFootnote) {
      Span body = trim_span(
          text, {l.span.begin + static_cast<std::uint32_t>(numbering.length), l.span.end});
      out.footnotes[numbering.label] = {numbering.label, body};
      out.paragraphs.push_back({span, "footnote " + numbering.label, BlockKind::kFootnote,
                                static_cast<std::uint32_t>(i + 1)});
      out.breaks.push_back(span.begin);
      blank_before = false;
      continue;
    }
    if (table_row) {
      out.paragraphs.push_back({span, "table, line " + std::to_string(i + 1), BlockKind::kTableRow,
                                static_cast<std::uint32_t>(i + 1)});
      out.breaks.push_back(span.begin);
      blank_before = false;
      continue;
    }
    // A line continues the previous paragraph when nothing marks a new one:
    // no blank line and no numbering; or, across a blank line (a page break),
    // when the previous paragraph stopped mid-sentence and this one starts in
    // lower case.
    const bool continues =
        previous && previous->kind != BlockKind::kTableRow &&
        previous->kind != BlockKind::kFootnote && numbering.kind == detail::Numbering::kNone &&
        ((!blank_before && previous->kind != BlockKind::kHeading) ||
         (blank_before && (detail::starts_lowercase_latin(t) || page_break) &&
          !detail::ends_sentence(
              text.substr(previous->span.begin, previous->span.end - previous->span.begin))));
    page_break = false;
    if (continues) {
      previous->span.end = span.end;
      blank_before = false;
      continue;
    }
    Paragraph p;
    p.span = span;
    p.line = static_cast<std::uint32_t>(i + 1);
    switch (numbering.kind) {
      case detail::Numbering::kNumber:
        last_number = numbering.label;
        p.label = numbering.label;
        p.kind = BlockKind::kParagraph;
        break;
      case detail::Numbering::kSub:
        p.label = last_number.empty() ? "(" + numbering.label + ")"
                                      : last_number + " (" + numbering.label + ")";
        p.kind = BlockKind::kListItem;
        break;
      case detail::Numbering::kRoman:
      case detail::Numbering::kLetterHeading:
        p.label = numbering.label;
        p.kind = BlockKind::kHeading;
        break;
      default:
        p.label = "line " + std::to_string(i + 1);
        p.kind = (t.size() < 160 && !detail::ends_sentence(t)) ? BlockKind::kHeading
                                                               : BlockKind::kParagraph;
        break;
    }
    out.paragraphs.push_back(std::move(p));
    out.breaks.push_back(span.begin);
    blank_before = false;
  }
  return out;
}

SentenceSplitter::SentenceSplitter() : state_(std::make_unique<detail::SentenceSplitterState>()) {}
SentenceSplitter::~SentenceSplitter() = default;

std::vector<Span> SentenceSplitter::split(std::string_view text, Span span,
                                          std::string_view language) {
  std::vector<Span> out;
  icu::BreakIterator* iterator = state_->get(language);
  if (!iterator || span.size() == 0) {
    out.push_back(span);
    return out;
  }
  // Same length copy with line breaks as spaces: offsets stay those of the file.
  std::string& copy = state_->scratch;
  copy.assign(text.substr(span.begin, span.size()));
  for (char& c : copy) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  UErrorCode error = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, copy.data(), static_cast<int64_t>(copy.size()), &error);
  if (U_FAILURE(error)) {
    out.push_back(span);
    return out;
  }
  iterator->setText(ut, error);
  int32_t begin = iterator->first();
  for (int32_t end = iterator->next(); end != icu::BreakIterator::DONE; end = iterator->next()) {
    Span s = trim_span(text, {span.begin + static_cast<std::uint32_t>(begin),
                              span.begin + static_cast<std::uint32_t>(end)});
    if (s.size() > 0) out.push_back(s);
    begin = end;
  }
  utext_close(ut);
  if (out.empty()) out.push_back(span);
  return out;
}

}  // namespace crimekg
