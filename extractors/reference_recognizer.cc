#include "extractors/reference_recognizer.h"

#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <set>

#include "extractors/cues.h"
#include "extractors/segment.h"
#include "extractors/slug.h"

namespace crimekg {
namespace detail {
namespace {

struct Number {
  long parts[3] = {0, 0, 0};
  int count = 0;
  long year = 0;  // "(2001)"
  Span span;
};

bool is_space_at(std::string_view text, std::uint32_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
         (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0);
}

std::uint32_t skip_spaces(std::string_view text, std::uint32_t i, std::uint32_t limit) {
  while (i < limit && is_space_at(text, i))
    i += (static_cast<unsigned char>(text[i]) == 0xC2) ? 2 : 1;
  return i;
}

// Reads a decimal digit (any script) at i; returns its value or -1.
int digit_at(std::string_view text, std::uint32_t i, std::uint32_t limit, std::uint32_t& next) {
  int32_t k = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(text.data(), k, static_cast<int32_t>(limit), c);
  if (c < 0 || !u_isdigit(c)) return -1;
  next = static_cast<std::uint32_t>(k);
  return u_charDigitValue(c);
}

std::optional<long> read_int(std::string_view text, std::uint32_t& i, std::uint32_t limit) {
  long value = 0;
  int digits = 0;
  std::uint32_t next = i;
  while (i < limit && digits < 5) {
    const int d = digit_at(text, i, limit, next);
    if (d < 0) break;
    value = value * 10 + d;
    ++digits;
    i = next;
  }
  if (digits == 0) return std::nullopt;
  return value;
}

// "58/136", "1373 (2001)", "2002/19", "E/RES/..." is not ours (letters).
std::optional<Number> read_number(std::string_view text, std::uint32_t i, std::uint32_t limit) {
  Number n;
  const std::uint32_t begin = i;
  auto first = read_int(text, i, limit);
  if (!first) return std::nullopt;
  n.parts[n.count++] = *first;
  while (n.count < 3 && i < limit && text[i] == '/') {
    std::uint32_t j = i + 1;
    auto more = read_int(text, j, limit);
    if (!more) break;
    n.parts[n.count++] = *more;
    i = j;
  }
  // A letter or digit glued on means this was not a reference number.
  if (i < limit) {
    int32_t k = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(text.data(), k, static_cast<int32_t>(limit), c);
    // (Chinese goes on right after the number: «第4/2、4/6和4/7号».)
    if (c >= 0 && ((u_isalpha(c) && !u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) ||
                   (c == '.' && k < static_cast<int32_t>(limit) &&
                    u_isdigit(static_cast<unsigned char>(text[k])))))
      return std::nullopt;
  }
  n.span = {begin, i};
  // "(2001)", full width «（2001）» in Chinese.
  constexpr std::string_view kOpen = "\xEF\xBC\x88", kClose = "\xEF\xBC\x89";
  std::uint32_t j = detail::skip_spaces(text, i, limit);
  const std::uint32_t open = j < limit && text[j] == '(' ? 1 : text.substr(j, 3) == kOpen ? 3 : 0;
  if (open) {
    std::uint32_t k = j + open;
    auto year = read_int(text, k, limit);
    const std::uint32_t close = k < limit && text[k] == ')'   ? 1
                                : text.substr(k, 3) == kClose ? 3
                                                              : 0;
    if (year && *year >= 1945 && *year <= 2100 && close) {
      n.year = *year;
      n.span.end = k + close;
    }
  }
  return n;
}

// Chinese list separators between reference numbers: 、 和 及 ， and ",".
std::uint32_t chinese_separator_at(std::string_view text, std::uint32_t i) {
  for (std::string_view sep : {"\xE3\x80\x81", "\xE5\x92\x8C", "\xE5\x8F\x8A", "\xEF\xBC\x8C", ","})
    if (text.substr(i, sep.size()) == sep) return static_cast<std::uint32_t>(sep.size());
  return 0;
}

// Whether the code point ending at byte `end` may sit between 第 and 号 in
// a Chinese reference: digits, "/", parentheses of a year, list separators.
bool chinese_number_char_before(std::string_view text, std::uint32_t head, std::uint32_t end,
                                std::uint32_t& begin) {
  int32_t k = static_cast<int32_t>(end);
  UChar32 c;
  U8_PREV(text.data(), static_cast<int32_t>(head), k, c);
  begin = static_cast<std::uint32_t>(k);
  if (c < 0) return false;
  if (u_isdigit(c) || c == '/' || c == '(' || c == ')' || c == 0xFF08 || c == 0xFF09 || c == ' ')
    return true;
  return chinese_separator_at(text, begin) == end - begin;
}

// Only white space between from and to.
bool only_spaces(std::string_view text, std::uint32_t from, std::uint32_t to) {
  return detail::skip_spaces(text, from, to) >= to;
}

bool is_year(long v) { return v >= 1946 && v <= 2100; }

// Whether a printed number has the shape the issuer numbers by.
bool fits(const ResolutionIssuer& issuer, const Number& n) {
  if (issuer.numbering == "single") return n.count == 1;
  if (n.count != 2) return false;
  const bool year = is_year(n.parts[0]) || is_year(n.parts[1]);
  if (issuer.numbering == "year") return year;
  if (year) return false;
  return issuer.max_session == 0 || std::min(n.parts[0], n.parts[1]) <= issuer.max_session;
}

std::string ordinal_word(long n) {
  static const char* kWords[] = {
      "",           "first",      "second",     "third",     "fourth",    "fifth",
      "sixth",      "seventh",    "eighth",     "ninth",     "tenth",     "eleventh",
      "twelfth",    "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
      "eighteenth", "nineteenth", "twentieth"};
  if (n > 0 && n <= 20) return kWords[n];
  return std::to_string(n) + (n % 10 == 1 && n % 100 != 11   ? "st"
                              : n % 10 == 2 && n % 100 != 12 ? "nd"
                              : n % 10 == 3 && n % 100 != 13 ? "rd"
                                                             : "th");
}

// Compiled number trailers of one language ("of 12 December 2001").
struct TrailerSet {
  std::vector<std::unique_ptr<icu::RegexPattern>> patterns;
};

}  // namespace
}  // namespace detail

Span sentence_at(DocumentAnalysis& a, SentenceSplitter& splitter, std::uint32_t offset) {
  const int p = a.segments.paragraph_at(offset);
  if (p < 0) {
    // Outside any paragraph (furniture): the line.
    const auto text = a.text();
    std::size_t b = text.rfind('\n', offset);
    b = (b == std::string_view::npos) ? 0 : b + 1;
    std::size_t e = text.find('\n', offset);
    if (e == std::string_view::npos) e = text.size();
    return trim_span(text, {static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)});
  }
  auto it = a.sentences.find(p);
  if (it == a.sentences.end()) {
    it = a.sentences
             .emplace(p, splitter.split(a.text(), a.segments.paragraphs[p].span,
                                        a.language_at(a.segments.paragraphs[p].span.begin)))
             .first;
  }
  for (const auto& s : it->second)
    if (offset >= s.begin && offset < s.end) return s;
  return a.segments.paragraphs[p].span;
}

Evidence make_evidence(const DocumentAnalysis& a, Span span, std::string extractor,
                       double confidence) {
  Evidence e;
  e.document = a.id;
  const int p = a.segments.paragraph_at(span.begin);
  e.paragraph = p >= 0 ? a.segments.paragraphs[p].label : "";
  e.start = span.begin;
  e.end = span.end;
  e.text = std::string(a.slice(span));
  e.extractor = std::move(extractor);
  e.confidence = confidence;
  return e;
}

void ReferenceRecognizer::recognise(DocumentAnalysis& a, SentenceSplitter& splitter) const {
  const auto text = a.text();
  const Cues& cues = knowledge_.cues();
  const auto& entries = knowledge_.lexicon().entries();

  // Mentions of bodies that issue resolutions, by position.
  auto issuer_of = [&](const Mention& m) -> const ResolutionIssuer* {
    return m.type == NodeType::kBody ? cues.issuer_by_body(m.id) : nullptr;
  };
  // The recogniser's mentions are sorted by start; references and sessions
  // found below are appended after them. Lookups start from a binary search
  // in the sorted part, so a long document costs no quadratic time.
  const std::size_t sorted_mentions = a.mentions.size();
  auto first_from = [&](std::uint32_t offset) -> std::size_t {
    auto end = a.mentions.begin() + static_cast<std::ptrdiff_t>(sorted_mentions);
    return static_cast<std::size_t>(
        std::lower_bound(a.mentions.begin(), end, offset,
                         [](const Mention& m, std::uint32_t o) { return m.span.begin < o; }) -
        a.mentions.begin());
  };
  auto mention_at = [&](std::uint32_t begin, std::uint32_t slack) -> const Mention* {
    for (std::size_t k = first_from(begin); k < a.mentions.size(); ++k) {
      const Mention& m = a.mentions[k];
      if (m.span.begin > begin + slack) break;
      if (m.span.begin >= begin) return &m;
    }
    return nullptr;
  };
  // (No name is longer than 1,000 bytes: the search starts that far back.)
  auto mention_ending_at = [&](std::uint32_t end) -> const Mention* {
    const Mention* found = nullptr;
    for (std::size_t k = first_from(end > 1000 ? end - 1000 : 0); k < a.mentions.size(); ++k) {
      const Mention& m = a.mentions[k];
      if (m.span.begin >= end) break;
      if (m.span.end <= end && detail::only_spaces(text, m.span.end, end)) found = &m;
    }
    return found;
  };
  // The recogniser's mentions starting inside span (issuers, bodies: the
  // appended references and sessions are neither).
  auto recognised_in = [&](Span span) {
    const std::size_t first = first_from(span.begin);
    std::size_t last = first;
    while (last < sorted_mentions && a.mentions[last].span.begin < span.end) ++last;
    return std::pair<std::size_t, std::size_t>{first, last};
  };
  (void)entries;

  const ResolutionIssuer* default_issuer =
      a.header_body.empty() ? nullptr : cues.issuer_by_body(a.header_body);

  // Issuers already seen for a printed number in this document.
  std::map<std::string, const ResolutionIssuer*> seen;
  const LanguageCues* doc_cues = cues.language(a.language);

  // One UText over the document and one matcher per trailer pattern, made
  // once per document and only when a reference needs them.
  UErrorCode text_error = U_ZERO_ERROR;
  std::unique_ptr<UText, decltype(&utext_close)> utext(
      utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &text_error),
      &utext_close);
  std::map<const LanguageCues*, std::vector<std::unique_ptr<icu::RegexMatcher>>> matchers;
  auto trailer_matchers = [&](const LanguageCues& lc) {
    auto [it, inserted] = matchers.try_emplace(&lc);
    if (inserted && U_SUCCESS(text_error)) {
      for (const auto& pattern : lc.compiled_trailers) {
        UErrorCode error = U_ZERO_ERROR;
        std::unique_ptr<icu::RegexMatcher> m(pattern->matcher(error));
        if (U_FAILURE(error)) continue;
        m->reset(utext.get());
        it->second.push_back(std::move(m));
      }
    }
    std::vector<icu::RegexMatcher*> out;
    for (auto& m : it->second) out.push_back(m.get());
    return out;
  };
  std::set<std::uint32_t> done_numbers;  // a number read once, from its widest trigger
  Span last_sentence{0, 0};
  const ResolutionIssuer* last_sentence_issuer = nullptr;
  for (const auto& trigger : a.triggers) {
    const bool resolution = trigger.kind == TriggerKind::kResolution ||
                            trigger.kind == TriggerKind::kResolutionPossessive;
    const bool decision =
        trigger.kind == TriggerKind::kDecision || trigger.kind == TriggerKind::kDecisionPossessive;
    if (!resolution && !decision) continue;
    const bool possessive = trigger.kind == TriggerKind::kResolutionPossessive ||
                            trigger.kind == TriggerKind::kDecisionPossessive;
    const LanguageCues* lc = cues.language(trigger.language);
    if (!lc) lc = doc_cues;
    const int p = a.segments.paragraph_at(trigger.span.begin);
    const std::uint32_t limit =
        p >= 0 ? a.segments.paragraphs[p].span.end : static_cast<std::uint32_t>(text.size());

    const ResolutionIssuer* explicit_issuer = nullptr;
    std::string issuer_body;
    // "General Assembly resolution", "Conference of the Parties decision".
    if (const Mention* before = mention_ending_at(trigger.span.begin);
        before && issuer_of(*before)) {
      explicit_issuer = issuer_of(*before);
      issuer_body = before->id;
    }
    std::uint32_t pos = detail::skip_spaces(text, trigger.span.end, limit);
    // «قرار الجمعية العامة 181/76»: the body between the word and the number,
    // possibly followed by an instrument («مؤتمر الأطراف في الاتفاقية»).
    for (int hop = 0; hop < 2; ++hop) {
      const Mention* inside = mention_at(pos, 0);
      // "las resoluciones del Consejo de Seguridad 1373 (2001)": a link word first.
      if (!inside && hop == 0 && lc) {
        for (const auto& word : lc->issuer_links) {
          if (word.empty() || text.substr(pos, word.size()) != word) continue;
          const std::uint32_t r =
              detail::skip_spaces(text, pos + static_cast<std::uint32_t>(word.size()), limit);
          if (r == pos + word.size()) continue;  // a whole word only
          if (const Mention* m = mention_at(r, 0); m && issuer_of(*m)) {
            inside = m;
            pos = r;
            break;
          }
        }
      }
      if (!inside || (inside->type != NodeType::kBody && inside->type != NodeType::kInstrument))
        break;
      if (!explicit_issuer && issuer_of(*inside)) {
        explicit_issuer = issuer_of(*inside);
        issuer_body = inside->id;
      }
      pos = detail::skip_spaces(text, inside->span.end, limit);
      // a short linking word («في») before an instrument
      if (const Mention* next = mention_at(pos, 8);
          next && next->type == NodeType::kInstrument && hop == 0) {
        pos = next->span.begin;
      }
    }
    if (pos + 3 < limit && text.substr(pos, 3) == "No.")
      pos = detail::skip_spaces(text, pos + 3, limit);

    // The list of numbers.
    std::vector<detail::Number> numbers;
    // Chinese prints the number before the word: «大会第58/136号决议».
    if (trigger.language == "zh") {
      // «大会第58/136号决议», «安全理事会第2498(2019)号决议», «其第4/2、4/6和4/7号决定»:
      // back from 号 to the 第 the list starts with, then the numbers forward.
      constexpr std::string_view kHao = "\xE5\x8F\xB7", kDi = "\xE7\xAC\xAC";  // 号 第
      const std::uint32_t head = p >= 0 ? a.segments.paragraphs[p].span.begin : 0;
      const std::uint32_t q = trigger.span.begin;
      if (q >= head + 3 && text.substr(q - 3, 3) == kHao) {
        const std::uint32_t hao = q - 3;
        std::uint32_t start = hao, di = 0;
        bool has_di = false;
        constexpr std::uint32_t kMaxList = 160;
        while (start > head && hao - start < kMaxList) {
          if (start >= head + 3 && text.substr(start - 3, 3) == kDi) {
            di = start - 3;
            has_di = true;
            // «第4/2、第4/6号», «第1373（2001）号和第2482（2019）号»: a 第 after a
            // separator (and a 号) starts a later item.
            std::uint32_t before = 0;
            if (di > head && detail::chinese_number_char_before(text, head, di, before) &&
                detail::chinese_separator_at(text, before) == di - before) {
              start = before;
              if (start >= head + 3 && text.substr(start - 3, 3) == kHao) start -= 3;
              continue;
            }
            break;
          }
          std::uint32_t before = 0;
          if (!detail::chinese_number_char_before(text, head, start, before)) break;
          start = before;
        }
        for (std::uint32_t r = has_di ? di + 3 : hao; r < hao;) {
          r = detail::skip_spaces(text, r, hao);
          if (text.substr(r, 3) == kDi) r += 3;
          auto number = detail::read_number(text, r, hao);
          if (!number) break;
          numbers.push_back(*number);
          r = detail::skip_spaces(text, number->span.end, hao);
          if (text.substr(r, 3) == kHao) r += 3;
          const std::uint32_t sep = detail::chinese_separator_at(text, r);
          if (!sep) break;
          r += sep;
        }
        if (!numbers.empty()) {
          if (const Mention* before = mention_ending_at(di); before && issuer_of(*before)) {
            explicit_issuer = issuer_of(*before);
            issuer_body = before->id;
          }
        }
      }
      pos = trigger.span.end;
    }
    for (; trigger.language != "zh";) {
      auto number = detail::read_number(text, pos, limit);
      if (!number) break;
      numbers.push_back(*number);
      std::uint32_t after = number->span.end;
      // Trailing clauses: dates.
      if (lc) {
        for (icu::RegexMatcher* matcher : trailer_matchers(*lc)) {
          UErrorCode error = U_ZERO_ERROR;
          if (matcher->lookingAt(static_cast<int64_t>(after), error) && U_SUCCESS(error)) {
            const auto end = matcher->end64(error);
            if (U_SUCCESS(error) && end > after && end <= limit)
              after = static_cast<std::uint32_t>(end);
          }
        }
      }
      // A separator, then another number?
      std::uint32_t q = detail::skip_spaces(text, after, limit);
      bool separated = false;
      if (q < limit && text[q] == ',') {
        q = detail::skip_spaces(text, q + 1, limit);
        separated = true;
      } else if (q + 1 < limit && text.substr(q, 2) == "\xD8\x8C") {  // Arabic comma
        q = detail::skip_spaces(text, q + 2, limit);
        separated = true;
      }
      if (lc) {
        for (const auto& word : lc->list_words) {
          if (text.substr(q, word.size()) == word) {
            std::uint32_t r = q + static_cast<std::uint32_t>(word.size());
            // Arabic «و» is written onto the number: «و5/10».
            std::uint32_t dummy;
            if (r < limit &&
                (detail::is_space_at(text, r) || detail::digit_at(text, r, limit, dummy) >= 0)) {
              q = detail::skip_spaces(text, r, limit);
              separated = true;
              break;
            }
          }
        }
      }
      std::uint32_t dummy;
      if (!separated || detail::digit_at(text, q, limit, dummy) < 0) {
        pos = after;
        break;
      }
      pos = q;
    }
    if (numbers.empty() || done_numbers.count(numbers.front().span.begin)) continue;
    for (const auto& n : numbers) done_numbers.insert(n.span.begin);
    const Span sentence = sentence_at(a, splitter, trigger.span.begin);
    if (sentence.begin != last_sentence.begin) last_sentence_issuer = nullptr;
    last_sentence = sentence;

    // "resolution 58/136 of the General Assembly", "décision 2/6 de la Conférence",
    // «المقرر 6/2 الصادر عن مؤتمر الأطراف».
    if (!explicit_issuer && lc) {
      std::uint32_t q = detail::skip_spaces(text, pos, limit);
      {
        for (const auto& word : lc->issuer_links) {
          if (text.substr(q, word.size()) != word) continue;
          const std::uint32_t r =
              detail::skip_spaces(text, q + static_cast<std::uint32_t>(word.size()), limit);
          if (const Mention* after = mention_at(r, 0); after && issuer_of(*after)) {
            explicit_issuer = issuer_of(*after);
            issuer_body = after->id;
            break;
          }
        }
      }
    }
    // "in its resolution 11/1, the Commission", "by the General Assembly in its
    // resolutions 56/88 ...": the issuing body in the sentence whose numbering
    // fits the numbers; after the word when the sentence opens with it, else
    // before (Arabic «وطلب المؤتمر ... في قراره»: before).
    if (!explicit_issuer && possessive) {
      const bool opens_sentence = trigger.span.begin < sentence.begin + 12;
      const bool prefer_before = a.language_at(trigger.span.begin) == "ar" || !opens_sentence;
      const Mention* best = nullptr;
      std::uint32_t best_distance = UINT32_MAX;
      for (auto [k, last] = recognised_in(sentence); k < last; ++k) {
        const Mention& m = a.mentions[k];
        if (m.span.begin < sentence.begin || m.span.end > sentence.end || !issuer_of(m)) continue;
        if (!detail::fits(*issuer_of(m), numbers.front())) continue;
        const bool before = m.span.end <= trigger.span.begin;
        std::uint32_t distance = before ? trigger.span.begin - m.span.end : m.span.begin - pos;
        if (before != prefer_before) distance += 100000;
        if (distance < best_distance) {
          best_distance = distance;
          best = &m;
        }
      }
      if (best) {
        explicit_issuer = issuer_of(*best);
        issuer_body = best->id;
      }
    }

    const ResolutionIssuer* list_issuer = nullptr;
    for (const auto& number : numbers) {
      const std::string printed = std::string(a.slice(number.span));
      const ResolutionIssuer* issuer = explicit_issuer;
      long session = 0, serial = 0;
      if (!issuer && number.count == 1 && number.year) issuer = cues.issuer_by_code("sc");
      if (!issuer && number.count == 2 &&
          (detail::is_year(number.parts[0]) || detail::is_year(number.parts[1])))
        issuer = cues.issuer_by_code("ecosoc");
      if (!issuer) {
        auto it = seen.find((resolution ? "r:" : "d:") + printed);
        if (it != seen.end()) issuer = it->second;
      }
      if (!issuer && list_issuer && detail::fits(*list_issuer, number)) issuer = list_issuer;
      // "recalling resolutions 56/88 ..." after "General Assembly resolution 58/136"
      // in the same sentence.
      if (!issuer && last_sentence_issuer && detail::fits(*last_sentence_issuer, number))
        issuer = last_sentence_issuer;
      // "The Conference adopted resolution 12/1": an issuing body in the sentence,
      // on the language's subject side first.
      if (!issuer && number.count == 2) {
        const Mention* best = nullptr;
        std::uint32_t best_distance = UINT32_MAX;
        for (auto [k, last] = recognised_in(sentence); k < last; ++k) {
          const Mention& m = a.mentions[k];
          if (m.span.begin < sentence.begin || m.span.end > sentence.end || !issuer_of(m)) continue;
          if (m.type != NodeType::kBody || !detail::fits(*issuer_of(m), number)) continue;
          const bool before = m.span.end <= trigger.span.begin;
          std::uint32_t distance =
              before ? trigger.span.begin - m.span.end : m.span.begin - trigger.span.end;
          if (!before) distance += 1000;
          if (distance < best_distance) {
            best_distance = distance;
            best = &m;
          }
        }
        if (best) issuer = issuer_of(*best);
      }
      if (!issuer && default_issuer && detail::fits(*default_issuer, number))
        issuer = default_issuer;
      if (!issuer) continue;
      if (issuer->numbering == "single") {
        if (number.count != 1) continue;
        serial = number.parts[0];
      } else if (number.count != 2) {
        continue;
      } else if (issuer->numbering == "year") {
        const bool first_is_year = detail::is_year(number.parts[0]);
        if (!first_is_year && !detail::is_year(number.parts[1])) continue;
        session = first_is_year ? number.parts[0] : number.parts[1];
        serial = first_is_year ? number.parts[1] : number.parts[0];
      } else {
        const bool number_first = lc ? lc->number_first : false;
        session = number_first ? number.parts[1] : number.parts[0];
        serial = number_first ? number.parts[0] : number.parts[1];
        // Read the other way round when only that order is plausible.
        if (issuer->max_session > 0 && session > issuer->max_session &&
            serial <= issuer->max_session)
          std::swap(session, serial);
        if (issuer->max_session > 0 && session > issuer->max_session) continue;
      }
      list_issuer = issuer;
      last_sentence_issuer = issuer;
      seen[(resolution ? "r:" : "d:") + printed] = issuer;
      const NodeType type = resolution ? NodeType::kResolution : NodeType::kDecision;
      const std::string key = issuer->numbering == "single"
                                  ? std::to_string(serial)
                                  : std::to_string(session) + "/" + std::to_string(serial);
      const std::string id = std::string(id_prefix(type)) + ":" + issuer->code + "/" + key;
      const Span span{trigger.span.begin, number.span.end};
      // «و5/10»: the conjunction written onto the number is part of the word.
      Span word = number.span;
      if (word.begin >= 2 && text.substr(word.begin - 2, 2) == "\xD9\x88" &&
          (word.begin == 2 || detail::is_space_at(text, word.begin - 3) ||
           text[word.begin - 3] == '\x8C'))
        word.begin -= 2;
      a.mentions.push_back({word, id, type, MentionKind::kReference, Lexicon::npos, 0.95, p});
      auto& node = a.extra_nodes[id];
      if (node.id.empty()) {
        node.id = id;
        node.type = type;
        const std::string noun = resolution ? "resolution" : "decision";
        node.label =
            issuer->label + " " + noun + " " + key +
            (issuer->numbering == "single" && number.year ? " (" + std::to_string(number.year) + ")"
                                                          : "");
        node.labels["en"] = node.label;
        node.properties["issuer"] = issuer->code;
      }
      const std::string surface(a.slice(span));
      if (const std::string& language = a.language_at(span.begin); language != "en") {
        node.labels.emplace(language, surface);
      }
      node.mentions += 1;
      // The body adopted it.
      EdgeRecord edge;
      edge.source = issuer->body_id;
      edge.target = id;
      edge.predicate = std::string(predicate::kAdopted);
      edge.evidence.push_back(
          make_evidence(a, sentence, "reference", explicit_issuer ? 0.95 : 0.8));
      a.edges.push_back(std::move(edge));
    }
  }

  // Numbered sessions: an ordinal next to a session word.
  for (std::size_t t = 0; t < a.triggers.size(); ++t) {
    const auto& ordinal = a.triggers[t];
    if (ordinal.kind != TriggerKind::kOrdinal) continue;
    // "thirty-second" holds "second": only the longest ordinal counts.
    // Triggers are sorted by start: only neighbours can hold or touch it.
    const std::size_t near_first = t > 16 ? t - 16 : 0;
    const std::size_t near_last = std::min(a.triggers.size(), t + 17);
    bool inside_longer = false;
    for (std::size_t o = near_first; o < near_last; ++o)
      if (const auto& other = a.triggers[o];
          other.kind == TriggerKind::kOrdinal && &other != &ordinal &&
          other.span.begin <= ordinal.span.begin && other.span.end >= ordinal.span.end &&
          other.span.size() > ordinal.span.size())
        inside_longer = true;
    if (inside_longer) continue;
    const TriggerHit* session = nullptr;
    for (std::size_t u = near_first; u < near_last; ++u) {
      const auto& s = a.triggers[u];
      if (s.kind != TriggerKind::kSession && s.kind != TriggerKind::kSessionPossessive) continue;
      // "twelfth session" (ordinal first) or «الدورة الثانية عشرة» (session word first).
      if (s.first_unit == ordinal.last_unit + 1 || s.last_unit + 1 == ordinal.first_unit) {
        session = &s;
        break;
      }
    }
    const Span span{
        std::min(ordinal.span.begin, session ? session->span.begin : ordinal.span.begin),
        std::max(ordinal.span.end, session ? session->span.end : ordinal.span.end)};
    const int p = a.segments.paragraph_at(span.begin);
    const std::uint32_t limit =
        p >= 0 ? a.segments.paragraphs[p].span.end : static_cast<std::uint32_t>(text.size());
    std::string series;  // the id the number is appended to
    std::string label;
    Span mention_span = span;
    if (!session) {
      // "Fifteenth United Nations Congress on ...": an ordinal before a meeting series.
      const Mention* next = mention_at(detail::skip_spaces(text, ordinal.span.end, limit), 0);
      if (!next || next->type != NodeType::kMeeting || next->entry == Lexicon::npos) continue;
      series = next->id;
      label = std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(
                                 detail::ordinal_word(ordinal.value)[0])))) +
              detail::ordinal_word(ordinal.value).substr(1) + " " +
              knowledge_.lexicon().entries()[next->entry].label;
      mention_span = {ordinal.span.begin, next->span.end};
      // The series mention becomes this numbered meeting.
      for (auto& m : a.mentions)
        if (&m == next) {
          m.id = series + "/" + std::to_string(ordinal.value);
          m.span = mention_span;
          m.entry = Lexicon::npos;
          m.kind = MentionKind::kMeeting;
        }
    } else {
      std::string body;
      const std::uint32_t after = detail::skip_spaces(text, span.end, limit);
      const LanguageCues* lc = cues.language(ordinal.language);
      // "session of the Conference", «دورة مؤتمر الأطراف»: a body right after.
      if (const Mention* m = mention_at(after, 0); m && m->type == NodeType::kBody) body = m->id;
      if (body.empty() && lc) {
        for (const auto& word : lc->issuer_links)
          if (text.substr(after, word.size()) == word)
            if (const Mention* m =
                    mention_at(detail::skip_spaces(
                                   text, after + static_cast<std::uint32_t>(word.size()), limit),
                               0);
                m && m->type == NodeType::kBody) {
              body = m->id;
              break;
            }
      }
      if (body.empty()) {
        // «دورته», "at its": the nearest body before, in the sentence.
        const Span sentence = sentence_at(a, splitter, span.begin);
        // Only a body that meets in sessions: "the official languages of
        // the United Nations" before «الدورة الثالثة عشرة» is not its owner.
        for (auto [k, last] = recognised_in({sentence.begin, span.begin}); k < last; ++k) {
          const Mention& m = a.mentions[k];
          if (m.span.begin >= span.begin) break;
          if (m.span.begin < sentence.begin || m.type != NodeType::kBody) continue;
          const LexiconEntry* owner = knowledge_.lexicon().find(m.id);
          if (cues.holds_sessions(m.id,
                                  owner ? std::string_view(owner->label) : std::string_view()))
            body = m.id;
        }
      }
      if (body.empty()) body = a.header_body;
      if (body.empty()) continue;
      const LexiconEntry* entry = knowledge_.lexicon().find(body);
      series = "meeting:" + body.substr(body.find(':') + 1);
      label =
          detail::ordinal_word(ordinal.value) + " session of the " + (entry ? entry->label : body);
    }
    const std::string id = series + "/" + std::to_string(ordinal.value);
    if (session)
      a.mentions.push_back(
          {mention_span, id, NodeType::kMeeting, MentionKind::kMeeting, Lexicon::npos, 0.85, p});
    auto& node = a.extra_nodes[id];
    if (node.id.empty()) {
      node.id = id;
      node.type = NodeType::kMeeting;
      node.label = label;
      node.labels["en"] = label;
      node.properties["ordinal"] = std::to_string(ordinal.value);
    }
    if (const std::string& language = a.language_at(mention_span.begin); language != "en")
      node.labels.emplace(language, std::string(a.slice(mention_span)));
    node.mentions += 1;
  }
  std::sort(a.mentions.begin(), a.mentions.end(),
            [](const Mention& x, const Mention& y) { return x.span.begin < y.span.begin; });
}

}  // namespace crimekg
