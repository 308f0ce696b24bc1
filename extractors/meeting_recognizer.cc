#include "extractors/meeting_recognizer.h"

#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
#include <set>

#include "extractors/reference_recognizer.h"
#include "extractors/segment.h"
#include "extractors/slug.h"

namespace crimekg {
namespace detail {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
// The longest title scanned, in words.
constexpr std::size_t kMaxTitleTokens = 30;
// How far after a meeting its place and date are looked for.
constexpr std::size_t kWindowTokens = 45;
// "meeting between ... in Vienna": a place this close needs no held cue.
constexpr std::size_t kNearTokens = 2;
// A date this close after the meeting or its place needs no held cue.
constexpr std::size_t kDateNearTokens = 3;
// The header: among the first lines, headings or lines this short.
constexpr int kHeaderLines = 20;
constexpr std::uint32_t kHeaderLineBytes = 400;

// ---------------------------------------------------------------------------
// Compiled "meetings" cues of one language.

using Phrase = std::vector<std::string>;  // folded keys

struct PhraseList {
  std::vector<Phrase> phrases;  // longest first
  bool empty() const { return phrases.empty(); }
};

struct DatePattern {
  std::unique_ptr<icu::RegexPattern> pattern;
  int32_t year_group = -1;
};

struct MeetingCues {
  PhraseList possessive_words, held_cues, place_links, premodifiers, determiners, title_links,
      topic_links, participant_links, later_topic_links, agent_links, topic_stops, conjunctions,
      report_cues, not_after, not_followed_by, list_words, issuer_links, months;
  std::vector<DatePattern> dates;
};

// What a language's compiled cues are built from.
struct CueSource {
  std::map<std::string, std::vector<std::string>> meetings;
  std::vector<std::string> issuer_links;
  std::map<std::string, int> ordinals;
};

struct CompiledCues {
  std::map<std::string, CueSource> source;  // by language: what this was built from
  std::map<std::string, MeetingCues> by_language;
  std::map<int, std::string> ordinal_words;  // English ordinals by number ("twelfth")
};

PhraseList phrase_list(Normaliser& normaliser, const std::vector<std::string>& words) {
  PhraseList list;
  for (const auto& w : words) {
    auto keys = normaliser.keys_of(w);
    if (!keys.empty()) list.phrases.push_back(std::move(keys));
  }
  std::stable_sort(list.phrases.begin(), list.phrases.end(),
                   [](const Phrase& x, const Phrase& y) { return x.size() > y.size(); });
  return list;
}

// Appends one code point of a month name as a regex: ASCII punctuation
// escaped, Arabic alef, ya and ta marbuta spellings folded.
void append_regex_char(UChar32 c, std::string& out) {
  auto utf8 = [&](UChar32 x) {
    char buffer[4];
    int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, x);
    out.append(buffer, static_cast<std::size_t>(length));
  };
  if (c == 0x0627 || c == 0x0623 || c == 0x0625 || c == 0x0622) {
    out += "[\u0627\u0623\u0625\u0622]";
  } else if (c == 0x064A || c == 0x0649) {
    out += "[\u064A\u0649]";
  } else if (c == 0x0629 || c == 0x0647) {
    out += "[\u0629\u0647]";
  } else if (c < 0x80 && !std::isalnum(static_cast<int>(c))) {
    out += '\\';
    out += static_cast<char>(c);
  } else {
    utf8(c);
  }
}

// "تشرين الأول/أكتوبر" -> a regex allowing any white space around "/" and
// between words.
std::string month_regex(const std::string& month) {
  std::string out;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(month.size());
  bool space = false;
  while (i < n) {
    UChar32 c;
    U8_NEXT(month.data(), i, n, c);
    if (c < 0) continue;
    if (u_isUWhiteSpace(c)) {
      space = true;
      continue;
    }
    if (c == '/') {
      out += "\\s*/\\s*";
      space = false;
      continue;
    }
    if (space && !out.empty() && out.back() != '*') out += "\\s+";
    space = false;
    append_regex_char(c, out);
  }
  return out;
}

// The "dates" patterns of one language with {month} replaced by its month
// names; a pattern that does not compile or names no group "year" is
// skipped, and reported in `status` when given.
std::vector<DatePattern> compile_dates(const LanguageCues& lang, Status* status) {
  std::vector<DatePattern> out;
  std::string months;
  if (auto it = lang.meetings.find("months"); it != lang.meetings.end()) {
    // Longest first, so "تشرين الأول/أكتوبر" is not cut short.
    std::vector<std::string> names = it->second;
    std::stable_sort(names.begin(), names.end(), [](const std::string& x, const std::string& y) {
      return x.size() > y.size();
    });
    for (const auto& m : names) months += (months.empty() ? "" : "|") + month_regex(m);
  }
  auto it = lang.meetings.find("dates");
  if (it == lang.meetings.end()) return out;
  for (const std::string& pattern : it->second) {
    std::string source = pattern;
    for (std::size_t at; (at = source.find("{month}")) != std::string::npos;)
      source.replace(at, 7, months);
    UErrorCode error = U_ZERO_ERROR;
    UParseError parse;
    DatePattern dp;
    dp.pattern.reset(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(source), 0, parse, error));
    if (U_FAILURE(error) || !dp.pattern) {
      if (status)
        status->add("cues/" + lang.language + ".json", 0, "meetings.dates",
                    "pattern \"" + pattern + "\" does not compile: " + u_errorName(error));
      continue;
    }
    dp.year_group = dp.pattern->groupNumberFromName(icu::UnicodeString("year"), error);
    if (U_FAILURE(error) || dp.year_group <= 0) {
      if (status)
        status->add("cues/" + lang.language + ".json", 0, "meetings.dates",
                    "pattern \"" + pattern + "\" has no group named year");
      continue;
    }
    out.push_back(std::move(dp));
  }
  return out;
}

const CompiledCues& compiled_cues(const Cues& cues) {
  thread_local std::unique_ptr<CompiledCues> cache;
  thread_local Normaliser normaliser;
  bool same = cache && cache->source.size() == cues.languages.size();
  if (same) {
    for (const auto& lang : cues.languages) {
      auto it = cache->source.find(lang.language);
      if (it == cache->source.end() || it->second.meetings != lang.meetings ||
          it->second.issuer_links != lang.issuer_links || it->second.ordinals != lang.ordinals) {
        same = false;
        break;
      }
    }
  }
  if (same) return *cache;
  auto fresh = std::make_unique<CompiledCues>();
  for (const auto& lang : cues.languages) {
    fresh->source[lang.language] = {lang.meetings, lang.issuer_links, lang.ordinals};
    if (lang.language == "en")
      for (const auto& [phrase, number] : lang.ordinals) {
        // One word per number; "twenty-first" over "21st".
        auto& word = fresh->ordinal_words[number];
        if (word.empty() || (std::isdigit(static_cast<unsigned char>(word[0])) &&
                             !std::isdigit(static_cast<unsigned char>(phrase[0]))))
          word = phrase;
      }
    MeetingCues& mc = fresh->by_language[lang.language];
    auto list = [&](const char* key) {
      auto it = lang.meetings.find(key);
      return it == lang.meetings.end() ? PhraseList{} : phrase_list(normaliser, it->second);
    };
    mc.possessive_words = list("possessive_words");
    mc.held_cues = list("held_cues");
    mc.place_links = list("place_links");
    mc.premodifiers = list("premodifiers");
    mc.determiners = list("determiners");
    mc.title_links = list("title_links");
    mc.topic_links = list("topic_links");
    mc.participant_links = list("participant_links");
    mc.later_topic_links = list("later_topic_links");
    mc.agent_links = list("agent_links");
    mc.topic_stops = list("topic_stops");
    mc.conjunctions = list("conjunctions");
    mc.report_cues = list("report_cues");
    mc.not_after = list("not_after");
    mc.not_followed_by = list("not_followed_by");
    mc.list_words = list("list_words");
    mc.months = list("months");
    mc.issuer_links = phrase_list(normaliser, lang.issuer_links);
    mc.dates = compile_dates(lang, nullptr);
  }
  cache = std::move(fresh);
  return *cache;
}

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// ---------------------------------------------------------------------------
// The document as tokens, with mentions and triggers by token.

enum class Gap { kSpace, kJoin, kComma, kColon, kStop };

struct Ordinal {
  std::size_t first, last;
  int value;
};

struct Head {
  std::size_t first, last;
  int flags = 0;
  std::string language;
};

// Of token ranges [first, last] over n tokens: the longest first, none
// overlapping one already kept ("ninth" inside "fifty-ninth", "table" inside
// "round table"), returned in text order.
template <typename Range>
std::vector<Range> longest_apart(std::vector<Range> all, std::size_t n) {
  std::stable_sort(all.begin(), all.end(), [](const Range& x, const Range& y) {
    return x.last - x.first > y.last - y.first;
  });
  std::vector<std::uint8_t> used(n, 0);
  std::vector<Range> kept;
  for (auto& r : all) {
    bool free = true;
    for (std::size_t k = r.first; k <= r.last && free; ++k) free = !used[k];
    if (!free) continue;
    for (std::size_t k = r.first; k <= r.last; ++k) used[k] = 1;
    kept.push_back(std::move(r));
  }
  std::stable_sort(kept.begin(), kept.end(),
                   [](const Range& x, const Range& y) { return x.first < y.first; });
  return kept;
}

struct View {
  DocumentAnalysis& a;
  std::string_view text;
  const std::vector<Token>& t;
  std::size_t n;
  std::vector<int> starting;        // token -> longest mention starting there
  std::vector<int> entity_cover;    // token -> a non-meeting mention covering it
  std::vector<int> meeting_cover;   // token -> the longest Meeting mention covering it
  std::vector<int> ordinal_at;      // token -> index in ordinals starting there
  std::vector<int> ordinal_ending;  // token -> index in ordinals ending there
  std::vector<Ordinal> ordinals;
  std::vector<Head> heads;
  std::vector<int> head_at;        // token -> index in heads starting there
  std::vector<std::uint8_t> held;  // token -> a held cue starts there
  std::vector<std::uint8_t> hard;  // token -> a paragraph, cell or blank line before it

  explicit View(DocumentAnalysis& analysis)
      : a(analysis),
        text(analysis.text()),
        t(analysis.tokens.tokens),
        n(analysis.tokens.tokens.size()) {}

  std::string_view key(std::size_t i) const { return a.tokens.key(t[i]); }
  bool digits(std::size_t i) const { return i < n && (t[i].flags & token_flag::kDigits); }
  bool arabic(std::size_t i) const { return i < n && (t[i].flags & token_flag::kArabic); }
  bool capital(std::size_t i) const {
    return i < n && !digits(i) && (t[i].flags & (token_flag::kCapitalized | token_flag::kAllUpper));
  }
  // A paragraph, cell or blank-line boundary before token i. (The
  // tokeniser's kBreakBefore also marks sentence punctuation, which gap()
  // reads itself: a colon inside a title does not end it.)
  bool break_before(std::size_t i) const { return i < n && hard[i]; }

  void find_hard_breaks() {
    hard.assign(n, 0);
    const auto& breaks = a.segments.breaks;
    for (std::size_t i = 0; i < n; ++i) {
      if (!(t[i].flags & token_flag::kBreakBefore)) continue;
      if (i == 0) {
        hard[i] = 1;
        continue;
      }
      // A paragraph or row starts between the two tokens?
      auto it = std::upper_bound(breaks.begin(), breaks.end(), t[i - 1].end);
      if (it != breaks.end() && *it <= t[i].begin) {
        hard[i] = 1;
        continue;
      }
      int newlines = 0;
      for (std::uint32_t k = t[i - 1].end; k < t[i].begin; ++k) {
        if (in_furniture(k)) continue;
        if (text[k] == '\t') newlines = 2;
        if (text[k] == '\n') ++newlines;
      }
      hard[i] = newlines >= 2;
    }
  }

  // First token beginning at or after `offset`.
  std::size_t at(std::uint32_t offset) const {
    auto it = std::lower_bound(t.begin(), t.end(), offset,
                               [](const Token& x, std::uint32_t o) { return x.begin < o; });
    return static_cast<std::size_t>(it - t.begin());
  }
  // Last token beginning before `offset`.
  std::size_t last_before(std::uint32_t offset) const {
    const std::size_t i = at(offset);
    return i == 0 ? kNone : i - 1;
  }

  bool in_furniture(std::uint32_t offset) const {
    const auto& f = a.segments.furniture;
    auto it = std::upper_bound(f.begin(), f.end(), offset,
                               [](std::uint32_t o, const Span& s) { return o < s.begin; });
    return it != f.begin() && std::prev(it)->contains(offset);
  }

  // What separates token i from token i + 1 (a paragraph break stops,
  // unless `across_breaks`).
  Gap gap(std::size_t i, bool across_breaks = false) const {
    if (i + 1 >= n) return Gap::kStop;
    if (break_before(i + 1) && !across_breaks) return Gap::kStop;
    Gap g = Gap::kSpace;
    bool white = false;
    int32_t k = static_cast<int32_t>(t[i].end);
    const int32_t end = static_cast<int32_t>(t[i + 1].begin);
    while (k < end) {
      const int32_t at_k = k;
      UChar32 c;
      U8_NEXT(text.data(), k, end, c);
      if (in_furniture(static_cast<std::uint32_t>(at_k))) continue;
      if (c < 0 || u_isUWhiteSpace(c)) {
        white = true;
        continue;
      }
      if (c == ',' || c == 0x060C) {
        if (g == Gap::kSpace || g == Gap::kJoin)
          g = Gap::kComma;
        else
          return Gap::kStop;
      } else if (c == ':') {
        if (g == Gap::kSpace)
          g = Gap::kColon;
        else
          return Gap::kStop;
      } else if ((c == '-' || c == 0x2010 || c == 0x2011 || c == '\'' || c == 0x2019) && !white) {
        if (g == Gap::kSpace) g = Gap::kJoin;
      } else {
        return Gap::kStop;
      }
    }
    return g;
  }
  bool spaced(std::size_t i) const {
    const Gap g = gap(i);
    return g == Gap::kSpace || g == Gap::kJoin;
  }

  // Length in tokens of the longest phrase of `list` starting at token i
  // (words separated by spaces or hyphens only), 0 if none.
  std::size_t match(const PhraseList& list, std::size_t i) const {
    if (i >= n) return 0;
    for (const auto& p : list.phrases) {
      if (i + p.size() > n) continue;
      bool ok = true;
      for (std::size_t k = 0; k < p.size() && ok; ++k) {
        ok = key(i + k) == p[k] && (k == 0 || spaced(i + k - 1));
      }
      if (ok) return p.size();
    }
    return 0;
  }
  // Length of the longest phrase of `list` ending at token j, 0 if none.
  std::size_t match_ending(const PhraseList& list, std::size_t j) const {
    if (j == kNone || j >= n) return 0;
    for (const auto& p : list.phrases) {
      if (p.size() > j + 1) continue;
      const std::size_t i = j + 1 - p.size();
      bool ok = true;
      for (std::size_t k = 0; k < p.size() && ok; ++k)
        ok = key(i + k) == p[k] && (k == 0 || spaced(i + k - 1));
      if (ok) return p.size();
    }
    return 0;
  }
  bool word_in(const PhraseList& list, std::size_t i) const {
    if (i >= n) return false;
    for (const auto& p : list.phrases)
      if (p.size() == 1 && key(i) == p[0]) return true;
    return false;
  }

  // The first mention beginning at or after `offset` (mentions are sorted).
  std::vector<Mention>::const_iterator first_mention_at(std::uint32_t offset) const {
    return std::lower_bound(a.mentions.begin(), a.mentions.end(), offset,
                            [](const Mention& m, std::uint32_t o) { return m.span.begin < o; });
  }
  const Mention* mention_starting(std::size_t i) const {
    return i < n && starting[i] >= 0 ? &a.mentions[static_cast<std::size_t>(starting[i])] : nullptr;
  }
  std::size_t first_token(const Mention& m) const { return at(m.span.begin); }
  std::size_t last_token(const Mention& m) const { return last_before(m.span.end); }
  const Mention* mention_of_type_starting(std::size_t i, NodeType type) const {
    const Mention* m = mention_starting(i);
    if (m && m->type == type) return m;
    // A shorter mention of that type at the same place (a body inside a longer name).
    if (i >= n) return nullptr;
    const Mention* best = nullptr;
    for (auto it = first_mention_at(t[i].begin);
         it != a.mentions.end() && it->span.begin == t[i].begin; ++it)
      if (it->type == type && (!best || it->span.size() > best->span.size())) best = &*it;
    return best;
  }
};

bool is_place_like(const Mention* m) {
  return m && (m->type == NodeType::kPlace || m->type == NodeType::kState);
}

// ---------------------------------------------------------------------------
// Candidates.

enum class Shape { kNumbered, kBodyDated, kTitled, kDescriptive, kArabicTitled, kOther };

struct Dated {
  int year;
  Span span;
};

struct Anchor {
  Shape shape = Shape::kOther;
  std::string language;
  std::size_t first = 0, last = 0;  // tokens of the meeting's own words
  std::size_t after = 0;            // where its place and date are looked for
  std::vector<std::string> bodies;  // numbered and dated meetings of bodies
  std::vector<int> ordinals;
  std::string noun = "meeting";
  std::string premodifier;            // "special", "joint" (body meetings)
  std::string title;                  // printed title
  int title_ordinal = 0;              // "Fifteenth United Nations Congress ..."
  std::string title_rest;             // the title without its ordinal
  std::string series;                 // the lexicon meeting the title names (without its number)
  bool on_topic = false;              // a descriptive title with "on ..."
  bool needs_topic = false;           // "A meeting was held in X on Y": only with its "on Y"
  bool needs_occurrence = false;      // keep only if a date or place is found
  const Mention* existing = nullptr;  // an earlier stage's Meeting mention
  // Found after it.
  const Mention* place = nullptr;
  std::size_t place_last = kNone;  // incl. ", South Africa"
  bool place_needs_date = false;   // "Title, New York, 9-20 July 2001": a place only before a date
  std::vector<Dated> dates;
  std::size_t dates_last = kNone;
  int linked = -1;  // "in conjunction with" the meeting of that anchor
  Span clause;
};

std::string capitalise(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

}  // namespace
}  // namespace detail

Status MeetingRecognizer::check_cues(const Cues& cues) {
  Status status;
  for (const auto& lang : cues.languages) detail::compile_dates(lang, &status);
  return status;
}

void MeetingRecognizer::recognise(DocumentAnalysis& a, SentenceSplitter& splitter) const {
  using namespace detail;
  if (!a.document || a.tokens.tokens.empty()) return;
  const Cues& cues = knowledge_.cues();
  const CompiledCues& cc = compiled_cues(cues);
  const auto& entries = knowledge_.lexicon().entries();
  View v(a);
  v.find_hard_breaks();
  const std::size_t n = v.n;
  const auto text = v.text;

  auto cues_for = [&](const std::string& language) -> const MeetingCues& {
    static const MeetingCues kEmpty;
    for (const std::string& l : {language, a.language, std::string("en")}) {
      auto it = cc.by_language.find(l);
      if (it != cc.by_language.end()) return it->second;
    }
    return kEmpty;
  };

  // ---- index mentions, ordinals, heads and held cues by token ----
  std::stable_sort(a.mentions.begin(), a.mentions.end(),
                   [](const Mention& x, const Mention& y) { return x.span.begin < y.span.begin; });
  v.starting.assign(n, -1);
  v.entity_cover.assign(n, -1);
  v.meeting_cover.assign(n, -1);
  for (std::size_t m = 0; m < a.mentions.size(); ++m) {
    const Mention& x = a.mentions[m];
    const std::size_t f = v.first_token(x), l = v.last_token(x);
    if (f >= n || l == kNone || l < f) continue;
    if (v.t[f].begin == x.span.begin &&
        (v.starting[f] < 0 ||
         a.mentions[static_cast<std::size_t>(v.starting[f])].span.size() < x.span.size()))
      v.starting[f] = static_cast<int>(m);
    auto& cover = x.type == NodeType::kMeeting ? v.meeting_cover : v.entity_cover;
    for (std::size_t k = f; k <= l && k < n; ++k)
      if (cover[k] < 0 ||
          a.mentions[static_cast<std::size_t>(cover[k])].span.size() < x.span.size())
        cover[k] = static_cast<int>(m);
  }
  {
    std::vector<Ordinal> all;
    for (const auto& trig : a.triggers) {
      if (trig.kind != TriggerKind::kOrdinal) continue;
      const std::size_t f = v.at(trig.span.begin), l = v.last_before(trig.span.end);
      if (f < n && l != kNone && l >= f) all.push_back({f, l, trig.value});
    }
    // Longest first; an ordinal inside a longer one ("ninth" in "fifty-ninth",
    // «الثانية» in «الثانية عشرة») is not one.
    v.ordinals = longest_apart(std::move(all), n);
    v.ordinal_at.assign(n, -1);
    v.ordinal_ending.assign(n, -1);
    for (std::size_t i = 0; i < v.ordinals.size(); ++i) {
      v.ordinal_at[v.ordinals[i].first] = static_cast<int>(i);
      v.ordinal_ending[v.ordinals[i].last] = static_cast<int>(i);
    }
  }
  v.held.assign(n, 0);
  {
    std::map<std::pair<std::size_t, std::size_t>, Head> by_span;
    for (const auto& trig : a.triggers) {
      if (trig.kind != TriggerKind::kMeetingHead && trig.kind != TriggerKind::kMeetingHeld)
        continue;
      const std::size_t f = v.at(trig.span.begin), l = v.last_before(trig.span.end);
      if (f >= n || l == kNone || l < f) continue;
      if (trig.kind == TriggerKind::kMeetingHeld) {
        v.held[f] = 1;
        continue;
      }
      auto& h = by_span[{f, l}];
      h.first = f;
      h.last = l;
      h.flags |= trig.value;
      if (h.language.empty()) h.language = trig.language;
    }
    // Longest head wins where two overlap ("round table" over "table").
    std::vector<Head> all;
    for (auto& [span, h] : by_span) all.push_back(h);
    v.heads = longest_apart(std::move(all), n);
    // A held cue inside a name is none ("organized crime").
    for (std::size_t k = 0; k < n; ++k)
      if (v.entity_cover[k] >= 0) v.held[k] = 0;
    v.head_at.assign(n, -1);
    for (std::size_t i = 0; i < v.heads.size(); ++i)
      v.head_at[v.heads[i].first] = static_cast<int>(i);
  }

  // ---- helpers ----
  auto sentence_of = [&](std::size_t token) { return sentence_at(a, splitter, v.t[token].begin); };
  auto body_label = [&](const std::string& id) {
    const LexiconEntry* e = knowledge_.lexicon().find(id);
    return e ? e->label : id.substr(id.find(':') + 1);
  };
  auto key_of = [](const std::string& id) { return id.substr(id.find(':') + 1); };
  auto ordinal_word = [&](int value) {
    auto it = cc.ordinal_words.find(value);
    if (it != cc.ordinal_words.end()) return it->second;
    const int r = value % 100;
    const char* suffix = (r >= 11 && r <= 13) ? "th"
                         : value % 10 == 1    ? "st"
                         : value % 10 == 2    ? "nd"
                         : value % 10 == 3    ? "rd"
                                              : "th";
    return std::to_string(value) + suffix;
  };
  auto slice_tokens = [&](std::size_t f, std::size_t l) {
    return std::string(text.substr(v.t[f].begin, v.t[l].end - v.t[f].begin));
  };
  // Bodies whose numbered units are sessions: their "meetings" are sittings.
  auto sitting_body = [&](const std::string& id) {
    const ResolutionIssuer* issuer = cues.issuer_by_body(id);
    return issuer && issuer->numbering == "session";
  };
  // A list of ordinals starting at token k ("tenth and eleventh",
  // «الثامن والتاسع والعاشر»); returns the last token, or kNone.
  auto ordinals_from = [&](std::size_t k, const MeetingCues& mc,
                           std::vector<int>& values) -> std::size_t {
    std::size_t last = kNone;
    while (k < n && v.ordinal_at[k] >= 0) {
      const Ordinal& o = v.ordinals[static_cast<std::size_t>(v.ordinal_at[k])];
      values.push_back(o.value);
      last = o.last;
      std::size_t next = o.last + 1;
      const Gap g = v.gap(o.last);
      if (g == Gap::kStop || g == Gap::kColon) break;
      if (const std::size_t lw = v.match(mc.list_words, next); lw && v.spaced(next + lw - 1))
        next += lw;
      k = next;
    }
    return last;
  };
  // Ordinals ending at token j, read backwards ("the tenth and eleventh meetings").
  auto ordinals_ending = [&](std::size_t j, const MeetingCues& mc,
                             std::vector<int>& values) -> std::size_t {
    std::size_t first = kNone;
    std::vector<int> found;
    while (j != kNone && j < n) {
      const Ordinal* o = v.ordinal_ending[j] >= 0
                             ? &v.ordinals[static_cast<std::size_t>(v.ordinal_ending[j])]
                             : nullptr;
      if (!o || (o->last + 1 < n && !(v.spaced(o->last) || v.gap(o->last) == Gap::kComma))) break;
      found.push_back(o->value);
      first = o->first;
      if (o->first == 0) break;
      std::size_t p = o->first - 1;
      if (const std::size_t lw = v.match_ending(mc.list_words, p)) {
        if (p + 1 < lw) break;
        p -= lw;
      } else if (v.gap(p) != Gap::kComma) {
        break;
      }
      j = p;
    }
    values.assign(found.rbegin(), found.rend());
    return first;
  };
  // The bodies named before token `before` in its sentence, nearest last.
  auto bodies_before = [&](std::size_t before, std::size_t count) {
    std::vector<std::string> out;
    const Span s = sentence_of(before);
    for (auto it = v.first_mention_at(s.begin); it != a.mentions.end(); ++it) {
      const Mention& m = *it;
      if (m.span.begin >= v.t[before].begin) break;
      if (m.type != NodeType::kBody) continue;
      if (!out.empty() && out.back() == m.id) continue;
      out.push_back(m.id);
    }
    if (out.size() > count) out.erase(out.begin(), out.end() - static_cast<long>(count));
    return out;
  };
  // "A and B in their joint meeting", «أ وب في اجتماعهما»: two bodies joined
  // by a list word, ending a few words before the head.
  auto joined_bodies_before = [&](std::size_t head_first, const MeetingCues& mc) {
    std::vector<const Mention*> ms;
    for (auto it = v.first_mention_at(sentence_of(head_first).begin); it != a.mentions.end();
         ++it) {
      const Mention& m = *it;
      if (m.span.begin >= v.t[head_first].begin) break;
      if (m.type != NodeType::kBody) continue;
      if (!ms.empty() && ms.back()->span.end > m.span.begin) {  // nested: keep the longer
        if (m.span.size() > ms.back()->span.size()) ms.back() = &m;
        continue;
      }
      ms.push_back(&m);
    }
    std::vector<std::string> out;
    if (ms.size() < 2) return out;
    const Mention& second = *ms.back();
    const Mention& first = *ms[ms.size() - 2];
    const std::size_t second_last = v.last_token(second);
    if (second_last == kNone || second_last + 3 < head_first) return out;
    const std::size_t first_last = v.last_token(first), second_first = v.first_token(second);
    const bool joined =
        first_last + 1 == second_first ||
        (first_last + 2 == second_first && v.word_in(mc.list_words, first_last + 1));
    if (joined && first.id != second.id) out = {first.id, second.id};
    return out;
  };
  // A body right at token k, after an optional "of the" / «الصادر عن».
  auto body_at = [&](std::size_t k, const MeetingCues& mc) -> const Mention* {
    if (k >= n) return nullptr;
    if (const Mention* m = v.mention_of_type_starting(k, NodeType::kBody)) return m;
    // "of the Conference", "of the Commission" (a short form holding "the").
    for (const auto& link : mc.issuer_links.phrases) {
      const std::size_t l = link.size();
      if (k + l >= n || !v.spaced(k + l - 1)) continue;
      bool same = true;
      for (std::size_t j = 0; j < l && same; ++j)
        same = v.key(k + j) == link[j] && (j == 0 || v.spaced(k + j - 1));
      if (!same) continue;
      if (const Mention* m = v.mention_of_type_starting(k + l, NodeType::kBody)) return m;
    }
    return nullptr;
  };
  // Whether a meeting's words end before token k: the title goes no further.
  auto ends_here = [&](std::size_t k, const MeetingCues& mc) {
    if (k >= n || v.break_before(k)) return true;
    const Gap g = v.gap(k - 1);
    if (g == Gap::kComma || g == Gap::kStop || g == Gap::kColon) return true;
    if (v.digits(k) || v.held[k] || v.match(mc.topic_stops, k) || v.match(mc.conjunctions, k))
      return true;
    if (const std::size_t l = v.match(mc.place_links, k);
        l && (is_place_like(v.mention_starting(k + l)) || v.digits(k + l)))
      return true;
    if (is_place_like(v.mention_starting(k))) return true;
    return false;
  };
  // The last token of a name (not a place) starting at token i, else i.
  auto past_name = [&](std::size_t i) {
    const Mention* m = v.mention_starting(i);
    if (!m || is_place_like(m) || m->type == NodeType::kMeeting) return i;
    return std::max(i, v.last_token(*m));
  };
  // A list of words ahead of a comma that ends in "and X": the comma is inside a title.
  auto comma_in_list = [&](std::size_t i, const MeetingCues& mc, bool capitalised) {
    for (std::size_t j = i, steps = 0; j < n && steps < 12; ++j, ++steps) {
      if (v.break_before(j) && j != i) return false;
      if (const std::size_t e = past_name(j); e > j && !capitalised) {
        j = e;
        continue;
      }
      if (v.digits(j) || v.match(mc.topic_stops, j)) return false;
      if (v.word_in(mc.list_words, j)) return j > i;
      if (capitalised && !v.capital(j)) return false;
      const Gap g = v.gap(j);
      if (g == Gap::kStop || g == Gap::kColon) return false;
    }
    return false;
  };
  // A descriptive title's words from token k: the last token, or k - 1.
  auto topic_end = [&](std::size_t k, const MeetingCues& mc) -> std::size_t {
    std::size_t i = k;
    for (; i < n && i - k < kMaxTitleTokens; ++i) {
      if (i > k) {
        const Gap g = v.gap(i - 1);
        if (g == Gap::kStop || g == Gap::kColon) break;
        if (g == Gap::kComma && !comma_in_list(i, mc, false)) break;
      }
      if (v.break_before(i) && i > k) break;
      if (const std::size_t e = past_name(i);
          e > i) {  // "organized crime", "Office on Drugs and Crime"
        i = e;
        continue;
      }
      if (v.digits(i) || v.held[i] || v.match(mc.topic_stops, i) || v.match(mc.conjunctions, i))
        break;
      if (const std::size_t l = v.match(mc.place_links, i);
          l && (is_place_like(v.mention_starting(i + l)) || v.digits(i + l) ||
                v.match(mc.months, i + l)))
        break;
      if (is_place_like(v.mention_starting(i))) break;
      if (v.digits(i + 1) && (v.word_in(mc.topic_links, i) || v.word_in(mc.place_links, i))) break;
    }
    std::size_t end = i;  // one past
    while (end > k) {
      const std::size_t last = end - 1;
      if (v.word_in(mc.determiners, last) || v.word_in(mc.topic_links, last) ||
          v.word_in(mc.title_links, last) || v.word_in(mc.list_words, last))
        --end;
      else
        break;
    }
    return end - 1;  // k - 1 when nothing
  };

  std::vector<Anchor> anchors;
  std::vector<std::uint8_t> consumed(v.heads.size(), 0);

  // ---- 1. numbered meetings and dated meetings of bodies ----
  for (std::size_t h = 0; h < v.heads.size(); ++h) {
    const Head& head = v.heads[h];
    if (v.meeting_cover[head.first] >= 0) continue;  // an earlier stage's meeting
    if (v.entity_cover[head.first] >= 0) continue;   // inside a body's or instrument's name
    const MeetingCues& mc = cues_for(head.language);
    if (head.first > 0 && v.match_ending(mc.not_after, head.first - 1)) continue;
    if (v.match(mc.not_followed_by, head.last + 1) && v.spaced(head.last)) continue;
    const bool numbered_kind =
        head.flags & (meeting_head::kNumbered | meeting_head::kPossessive |
                      meeting_head::kDualPossessive | meeting_head::kSession);
    if (!numbered_kind) continue;
    Anchor an;
    an.language = head.language;
    an.first = head.first;
    an.last = head.last;
    an.noun = (head.flags & meeting_head::kSession) && !(head.flags & meeting_head::kNumbered)
                  ? "session"
                  : "meeting";
    std::vector<int> values;
    std::string body;
    std::size_t after = head.last + 1;
    // «الاجتماعين العاشر والحادي عشر»: ordinals after the head.
    if (const std::size_t l = ordinals_from(head.last + 1, mc, values);
        l != kNone && v.spaced(head.last)) {
      an.last = l;
      after = l + 1;
    } else {
      values.clear();
      // "the tenth and eleventh meetings": ordinals before it.
      if (head.first > 0 && v.spaced(head.first - 1)) {
        const std::size_t f = ordinals_ending(head.first - 1, mc, values);
        if (f != kNone)
          an.first = f;
        else
          values.clear();
      }
    }
    if (const Mention* b = body_at(after, mc)) {
      body = b->id;
      const std::size_t bl = v.last_token(*b);
      // «اجتماعي الفريق العامل ... العاشر والحادي عشر»: ordinals after the body.
      if (values.empty() && v.spaced(bl)) {
        if (const std::size_t l = ordinals_from(bl + 1, mc, values); l != kNone) {
          an.last = l;
          after = l + 1;
        } else {
          values.clear();
          after = bl + 1;
        }
      } else {
        after = bl + 1;
      }
    }
    const bool possessive_word =
        an.first > 0 && v.match_ending(mc.possessive_words, an.first - 1) && v.spaced(an.first - 1);
    if (!values.empty()) {
      if (body.empty() && ((head.flags & meeting_head::kPossessive) || possessive_word)) {
        const auto before = bodies_before(an.first, 1);
        if (!before.empty()) body = before.back();
      }
      if (body.empty() || sitting_body(body) != (an.noun == "session")) continue;
      an.shape = Shape::kNumbered;
      an.bodies = {body};
      an.ordinals = values;
      an.after = after;
      anchors.push_back(std::move(an));
      consumed[h] = 1;
      continue;
    }
    // No number: a dated meeting of one body, or the joint meeting of two.
    if (an.noun == "session") continue;
    std::vector<std::string> bodies;
    if (head.flags & meeting_head::kDualPossessive)
      bodies = joined_bodies_before(head.first, mc);
    else if ((head.flags & meeting_head::kPossessive) || possessive_word)
      bodies = bodies_before(head.first, 1);
    else if (!body.empty() && ends_here(after, mc))
      bodies = {body};
    if (bodies.empty() || ((head.flags & meeting_head::kDualPossessive) && bodies.size() != 2))
      continue;
    if (bodies.size() == 1 && sitting_body(bodies[0])) continue;
    // "special meeting of the ...": its premodifiers.
    std::size_t f = head.first;
    while (f > 0 && v.spaced(f - 1)) {
      const std::size_t l = v.match_ending(mc.premodifiers, f - 1);
      if (!l || l > f) break;
      f -= l;
    }
    if (f < head.first) an.premodifier = slice_tokens(f, head.first - 1);
    an.first = f;
    an.shape = Shape::kBodyDated;
    an.bodies = bodies;
    an.last = (bodies.size() == 1 && !body.empty()) ? after - 1 : head.last;
    an.after = after;
    an.needs_occurrence = true;
    anchors.push_back(std::move(an));
    consumed[h] = 1;
  }

  // ---- 2. titled meetings ----
  for (std::size_t h = 0; h < v.heads.size(); ++h) {
    if (consumed[h]) continue;
    const Head& head = v.heads[h];
    if (!(head.flags & meeting_head::kTitle)) continue;
    if (v.entity_cover[head.first] >= 0) {
      // The head word alone taken for a short form («مؤتمر» for the
      // Conference) may still open a title; a longer name may not.
      const Mention& m = a.mentions[static_cast<std::size_t>(v.entity_cover[head.first])];
      if (m.kind != MentionKind::kShortForm || v.first_token(m) != head.first ||
          v.last_token(m) != head.last)
        continue;
    }
    if (v.meeting_cover[head.first] >= 0) {
      // Inside an earlier stage's meeting: only a second meeting named in its
      // title ("... Preparatory Meeting for the Fifteenth United Nations Congress").
      const Mention& outer = a.mentions[static_cast<std::size_t>(v.meeting_cover[head.first])];
      bool earlier_head = false;
      for (std::size_t k = v.first_token(outer); k < head.first; ++k)
        earlier_head |= v.head_at[k] >= 0;
      if (!earlier_head) continue;
    }
    const MeetingCues& mc = cues_for(head.language);
    if (head.first > 0 && v.match_ending(mc.not_after, head.first - 1)) continue;
    if (v.match(mc.not_followed_by, head.last + 1) && v.spaced(head.last)) continue;
    Anchor an;
    an.language = head.language;
    bool titled = false;
    if (v.arabic(head.first)) {
      // «ندوة حول ...», «مؤتمر الأمم المتحدة الرابع لاستعراض ...»: the words up
      // to a stop. A definite head («المؤتمر», «الاجتماع») refers back to a
      // meeting named before; it opens no title.
      if (!v.spaced(head.last) || (v.t[head.first].flags & token_flag::kDefinite)) continue;
      std::size_t i = head.last + 1;
      for (; i < n && i - head.last <= kMaxTitleTokens; ++i) {
        if (i > head.last + 1 && !v.spaced(i - 1)) break;
        if (v.break_before(i) || v.digits(i) || v.held[i] || v.match(mc.topic_stops, i) ||
            v.match(mc.conjunctions, i))
          break;
        if (const std::size_t l = v.match(mc.place_links, i);
            l && (is_place_like(v.mention_starting(i + l)) || v.digits(i + l) ||
                  v.match(mc.months, i + l)))
          break;
        if (is_place_like(v.mention_starting(i))) break;
      }
      std::size_t last = i - 1;
      while (last > head.last && v.word_in(mc.topic_links, last))
        --last;  // «حول» before a quoted title
      if (last <= head.last) continue;
      // A body's own name is no title.
      if (const Mention* b = v.mention_of_type_starting(head.last + 1, NodeType::kBody);
          b && v.last_token(*b) == last)
        continue;
      an.shape = Shape::kArabicTitled;
      an.first = head.first;
      an.last = last;
      an.after = last + 1;
      an.needs_occurrence = true;
      titled = true;
    } else if (v.capital(head.first)) {
      // A capitalised title: capitalised words before the head, capitalised
      // words and title links after it.
      std::size_t l = head.first;
      while (l > 0 && v.spaced(l - 1) && !v.break_before(l)) {
        const std::size_t j = l - 1;
        if (v.digits(j)) break;
        if (v.capital(j) && !v.word_in(mc.title_links, j) && !v.word_in(mc.determiners, j)) {
          l = j;
          continue;
        }
        // "High-level": a lower-case part of a hyphenated capitalised word.
        if (j > 0 && v.gap(j - 1) == Gap::kJoin && v.capital(j - 1)) {
          l = j;
          continue;
        }
        break;
      }
      std::size_t r = head.last;
      for (std::size_t k = head.last + 1; k < n && k - head.last <= kMaxTitleTokens; ++k) {
        if (v.break_before(k)) break;
        const Gap g = v.gap(k - 1);
        if (g == Gap::kStop) break;
        if (g == Gap::kComma && !comma_in_list(k, mc, true)) break;
        if (v.digits(k)) break;
        if (v.capital(k) || (g == Gap::kJoin && v.capital(k - 1))) {  // "Follow-up"
          r = k;
          continue;
        }
        if (v.word_in(mc.title_links, k)) continue;
        break;
      }
      std::size_t capitals = 0;
      bool link_within = false;
      for (std::size_t k = l; k <= r; ++k) {
        capitals += v.capital(k);
        link_within |= v.word_in(mc.title_links, k);
      }
      if (r > l && (link_within || capitals >= 3)) {
        // A publication's title in italics ("*Forum on Crime and Society*").
        if (v.t[l].begin > 0 && text[v.t[l].begin - 1] == '*' && v.t[r].end < text.size() &&
            text[v.t[r].end] == '*')
          continue;
        an.shape = Shape::kTitled;
        an.first = l;
        an.last = r;
        an.after = r + 1;
        if (v.ordinal_at[l] >= 0) {
          const Ordinal& o = v.ordinals[static_cast<std::size_t>(v.ordinal_at[l])];
          if (o.last < r) {
            an.title_ordinal = o.value;
            an.title_rest = slice_tokens(o.last + 1, r);
          }
        }
        titled = true;
      }
    }
    if (!titled && !v.arabic(head.first)) {
      // "an expert group meeting on the preparation of model legislation on
      // extradition", "a meeting between ...", "the special meeting organized
      // by the Counter-Terrorism Committee", "A meeting was held in X on Y".
      std::size_t f = head.first;
      while (f > 0 && v.spaced(f - 1)) {
        const std::size_t l = v.match_ending(mc.premodifiers, f - 1);
        if (!l || l > f) break;
        f -= l;
      }
      std::size_t end = head.last;
      const std::size_t k = head.last + 1;
      bool described = false;
      if (k < n && v.spaced(head.last)) {
        if (std::size_t l = v.match(mc.agent_links, k); l) {
          while (k + l < n && v.word_in(mc.determiners, k + l) && v.spaced(k + l)) ++l;
          if (const Mention* b = v.mention_of_type_starting(k + l, NodeType::kBody)) {
            end = v.last_token(*b);
            described = true;
          }
        } else if (v.word_in(mc.topic_links, k)) {
          const std::size_t e = topic_end(k + 1, mc);
          if (e != kNone && e >= k + 1) {
            end = e;
            described = true;
            an.on_topic = !v.word_in(mc.participant_links, k);
          }
        } else if (v.held[k] || (k + 1 < n && v.held[k + 1] && v.spaced(k))) {
          // "A meeting was held ...": kept only if an "on ..." follows its place or date.
          described = true;
          an.needs_topic = true;
        }
      }
      if (!described) continue;
      an.shape = Shape::kDescriptive;
      an.first = f;
      an.last = end;
      an.after = end + 1;
      an.needs_occurrence = true;
    }
    an.title = slice_tokens(an.first, an.last);
    // A title naming a meeting series of the lexicon, without its number.
    std::string rest_folded;
    if (an.shape == Shape::kTitled && an.title_ordinal) {
      rest_folded = fold_name(an.title_rest);
    } else if (an.shape == Shape::kArabicTitled) {
      std::vector<int> inner;
      std::string folded;
      for (std::size_t k = an.first; k <= an.last; ++k) {
        if (v.ordinal_at[k] >= 0 && inner.empty()) {
          const Ordinal& o = v.ordinals[static_cast<std::size_t>(v.ordinal_at[k])];
          inner.push_back(o.value);
          k = o.last;
          continue;
        }
        if (!folded.empty()) folded += ' ';
        folded += v.key(k);
      }
      if (!inner.empty()) {
        an.title_ordinal = inner[0];
        rest_folded = folded;
      }
    }
    if (!rest_folded.empty()) {
      // The series' names folded as resolved text keys are (canonical spellings).
      for (std::size_t e = 0; e < entries.size() && an.series.empty(); ++e) {
        if (entries[e].type != NodeType::kMeeting) continue;
        for (const auto& name : knowledge_.folded_forms(e))
          if (name == rest_folded) {
            an.series = entries[e].id;
            break;
          }
      }
    }
    consumed[h] = 1;
    anchors.push_back(std::move(an));
  }

  // Meetings of earlier stages (numbered sessions, the meetings lexicon):
  // only their place and date are looked for. Where several start at one
  // place, the longest.
  {
    std::map<std::uint32_t, const Mention*> longest;
    for (const auto& m : a.mentions) {
      if (m.type != NodeType::kMeeting) continue;
      auto& slot = longest[m.span.begin];
      if (!slot || slot->span.size() < m.span.size()) slot = &m;
    }
    for (const auto& [begin, m] : longest) {
      Anchor an;
      an.shape = Shape::kOther;
      an.existing = m;
      an.language = a.language;
      an.first = v.first_token(*m);
      an.last = v.last_token(*m);
      if (an.first >= n || an.last == kNone) continue;
      an.after = an.last + 1;
      // "twelfth session of the Conference", «الدورة الثامنة والعشرين للجنة ...»: its body.
      if (const Mention* b = body_at(an.after, cues_for(a.language)); b && v.spaced(an.last))
        an.after = v.last_token(*b) + 1;
      anchors.push_back(std::move(an));
    }
  }
  std::stable_sort(anchors.begin(), anchors.end(),
                   [](const Anchor& x, const Anchor& y) { return x.first < y.first; });
  std::map<std::size_t, std::size_t> anchor_at;  // first token -> anchor
  for (std::size_t i = 0; i < anchors.size(); ++i) anchor_at.emplace(anchors[i].first, i);

  // ---- 3. place and date after each meeting ----
  for (std::size_t ai = 0; ai < anchors.size(); ++ai) {
    Anchor& an = anchors[ai];
    const MeetingCues& mc = cues_for(an.language);
    const std::size_t s = an.after;
    Span sentence = sentence_of(an.first);
    std::uint32_t limit = sentence.end;
    // A title wrapped over lines, or ending in a comma before the next line's
    // place and date: the following paragraph continues it.
    const int p = a.segments.paragraph_at(v.t[an.first].begin);
    if (p >= 0 && static_cast<std::size_t>(p) + 1 < a.segments.paragraphs.size() &&
        limit >= a.segments.paragraphs[static_cast<std::size_t>(p)].span.end) {
      const Span ps = a.segments.paragraphs[static_cast<std::size_t>(p)].span;
      const std::string_view tail = text.substr(ps.begin, ps.size());
      if (tail.ends_with(",") || tail.ends_with("\xD8\x8C"))
        limit = a.segments.paragraphs[static_cast<std::size_t>(p) + 1].span.end;
    }
    if (s >= n || v.t[s].begin >= limit) {
      an.clause = {v.t[an.first].begin, v.t[an.last].end};
      continue;
    }
    bool held = false, conj = false;
    std::size_t end = s;  // one past the window
    for (std::size_t i = s; i < n && v.t[i].begin < limit && i - s < kWindowTokens; ++i) {
      end = i + 1;
      // Another meeting: the window ends, unless "in conjunction with" links them.
      if (i > s && (v.head_at[i] >= 0 || v.meeting_cover[i] >= 0)) {
        // The linked meeting's anchor may start before its head ("a training workshop").
        if (conj) {
          auto it = anchor_at.upper_bound(i);
          for (int back = 0; back < 4 && it != anchor_at.begin(); ++back) {
            --it;
            if (it->second != ai && anchors[it->second].last >= i) {
              an.linked = static_cast<int>(it->second);
              break;
            }
          }
        }
        end = i;
        break;
      }
      if (const std::size_t l = v.match(mc.conjunctions, i)) {
        conj = true;
        i += l - 1;
        continue;
      }
      if (v.held[i]) held = true;
      if (!an.place) {
        const Mention* m = v.mention_starting(i);
        if (m && m->type == NodeType::kPlace) {
          const std::size_t link =
              i > 0 && v.spaced(i - 1) ? v.match_ending(mc.place_links, i - 1) : 0;
          // "in Vienna" right after the meeting, or after a held cue.
          const bool linked = link > 0 && (held || i - link < s + kNearTokens);
          // "Title, New York, 9-20 July 2001" (also over a line break).
          const bool comma_form = link == 0 && i == s && s > 0 && v.gap(s - 1, true) == Gap::kComma;
          if (linked || comma_form) {
            an.place = m;
            std::size_t last = v.last_token(*m);
            // "Cape Town, South Africa": the country after the city.
            if (v.gap(last) == Gap::kComma)
              if (const Mention* st = v.mention_starting(last + 1);
                  st && st->type == NodeType::kState)
                last = v.last_token(*st);
            an.place_last = last;
            an.place_needs_date = comma_form;
          }
        }
      }
    }
    // Dates in the window.
    const std::uint32_t from = v.t[s].begin;
    const std::uint32_t to =
        std::min<std::uint32_t>(limit, end > s ? v.t[end - 1].end : v.t[s].end);
    std::vector<std::pair<Span, int>> found;
    if (to > from) {
      for (const auto& dp : mc.dates) {
        UErrorCode error = U_ZERO_ERROR;
        UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(to), &error);
        std::unique_ptr<icu::RegexMatcher> matcher(dp.pattern->matcher(error));
        if (U_FAILURE(error)) {
          utext_close(ut);
          continue;
        }
        matcher->reset(ut);
        matcher->region(static_cast<int64_t>(from), static_cast<int64_t>(to), error);
        while (U_SUCCESS(error) && matcher->find(error)) {
          const auto b = static_cast<std::uint32_t>(matcher->start64(error));
          const auto e = static_cast<std::uint32_t>(matcher->end64(error));
          int year = 0;
          if (dp.year_group > 0) {
            const auto yb = matcher->start64(dp.year_group, error),
                       ye = matcher->end64(dp.year_group, error);
            if (U_SUCCESS(error) && yb >= 0) {
              int32_t k = static_cast<int32_t>(yb);
              while (k < static_cast<int32_t>(ye)) {
                UChar32 c;
                U8_NEXT(text.data(), k, static_cast<int32_t>(ye), c);
                if (c >= 0 && u_isdigit(c)) year = year * 10 + u_charDigitValue(c);
              }
            }
          }
          if (year >= 1900 && year <= 2100 && e > b) found.push_back({{b, e}, year});
        }
        utext_close(ut);
      }
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& x, const auto& y) {
      if (x.first.begin != y.first.begin) return x.first.begin < y.first.begin;
      return x.first.end > y.first.end;
    });
    std::vector<std::pair<Span, int>> dates;
    for (const auto& d : found)
      if (dates.empty() || d.first.begin >= dates.back().first.end) dates.push_back(d);
    for (std::size_t d = 0; d < dates.size(); ++d) {
      const std::size_t tok = v.at(dates[d].first.begin);
      if (an.dates.empty()) {
        bool held_before = false;
        for (std::size_t k = s; k < tok && k < n; ++k) held_before |= v.held[k] != 0;
        const bool near_start = tok <= s + kDateNearTokens;
        const bool near_place =
            an.place && an.place_last != kNone && tok <= an.place_last + 1 + kDateNearTokens;
        if (!(held_before || near_start || near_place)) break;
        an.dates.push_back({dates[d].second, dates[d].first});
      } else {
        // "يومي 11 و12 أيلول/سبتمبر 2023 ويومي 5 و6 حزيران/يونيه 2024": chained dates.
        const Span prev = an.dates.back().span;
        const std::size_t between = dates[d].first.begin - prev.end;
        const std::size_t tokens_between = tok - v.at(prev.end);
        bool clean = between <= 24 && tokens_between <= 3;
        for (std::uint32_t k = prev.end; k < dates[d].first.begin && clean; ++k) {
          const char c = text[k];
          clean = !(c == '.' || c == ';' || c == '(' || c == ')' || c == ':');
        }
        if (!clean) break;
        an.dates.push_back({dates[d].second, dates[d].first});
      }
    }
    if (!an.dates.empty()) an.dates_last = v.last_before(an.dates.back().span.end);
    if (an.place && an.place_needs_date &&
        (an.dates.empty() ||
         v.at(an.dates.front().span.begin) > an.place_last + 1 + kDateNearTokens))
      an.place = nullptr;
    // "A meeting was held in Vienna from 10 to 13 February 2004 on X": the
    // topic after the place and date.
    if (an.shape == Shape::kDescriptive && !an.on_topic && (an.place || !an.dates.empty())) {
      std::size_t q = std::max(an.place ? an.place_last : 0, an.dates.empty() ? 0 : an.dates_last);
      q = q + 1;
      if (q < n && v.t[q].begin < limit && v.match(mc.later_topic_links, q) == 1 &&
          !v.digits(q + 1) && !v.match(mc.months, q + 1)) {
        const std::size_t e = topic_end(q + 1, mc);
        if (e != kNone && e >= q + 1) {
          an.title += " " + slice_tokens(q, e);
          an.on_topic = true;
        }
      }
    }
    std::uint32_t clause_end = v.t[an.last].end;
    if (an.place) clause_end = std::max(clause_end, v.t[an.place_last].end);
    if (!an.dates.empty() && an.place) clause_end = std::max(clause_end, an.dates.back().span.end);
    an.clause = {v.t[an.first].begin, clause_end};
  }
  // "an expert group meeting on X in conjunction with a training workshop on
  // Y in Siracusa, from 2 to 6 December 2003": both there, then.
  for (std::size_t ai = anchors.size(); ai-- > 0;) {
    Anchor& an = anchors[ai];
    if (an.linked < 0) continue;
    const Anchor& other = anchors[static_cast<std::size_t>(an.linked)];
    if (!an.place && other.place) {
      an.place = other.place;
      an.place_last = other.place_last;
      an.clause = {an.clause.begin, std::max(an.clause.end, other.clause.end)};
    }
    if (an.dates.empty() && !other.dates.empty()) an.dates = other.dates;
  }

  // ---- 4. ids ----
  // Numbered meetings the document also dates: (body, year) -> number.
  std::map<std::pair<std::string, int>, int> number_of;
  std::set<std::pair<std::string, int>> ambiguous;
  for (const auto& an : anchors) {
    if (an.shape != Shape::kNumbered || an.dates.empty()) continue;
    std::vector<std::pair<int, int>> pairs;  // year, number
    if (an.ordinals.size() == an.dates.size())
      for (std::size_t k = 0; k < an.ordinals.size(); ++k)
        pairs.push_back({an.dates[k].year, an.ordinals[k]});
    else if (an.ordinals.size() == 1)
      pairs.push_back({an.dates[0].year, an.ordinals[0]});
    for (const auto& [year, number] : pairs) {
      const auto k = std::make_pair(an.bodies[0], year);
      auto [it, inserted] = number_of.emplace(k, number);
      if (!inserted && it->second != number) ambiguous.insert(k);
    }
  }
  for (const auto& k : ambiguous) number_of.erase(k);
  // "its meetings held on 5 and 6 October 2023 and 11 and 12 July 2024" where
  // the document also names "its tenth and eleventh meetings" and dates
  // neither: the years, in order, are those numbers, in order, when the
  // undated numbers of that body are exactly one consecutive run that long.
  {
    std::map<std::string, std::set<int>> undated;
    for (const auto& an : anchors)
      if (an.shape == Shape::kNumbered)
        for (int number : an.ordinals) undated[an.bodies[0]].insert(number);
    for (const auto& [key, number] : number_of) undated[key.first].erase(number);
    for (const auto& an : anchors) {
      if (an.shape != Shape::kBodyDated || an.bodies.size() != 1) continue;
      std::set<int> years;
      for (const auto& d : an.dates) years.insert(d.year);
      if (years.size() < 2) continue;
      bool unresolved = true;
      for (int y : years) unresolved &= !number_of.count({an.bodies[0], y});
      const auto it = undated.find(an.bodies[0]);
      if (!unresolved || it == undated.end() || it->second.size() != years.size()) continue;
      if (*it->second.rbegin() - *it->second.begin() + 1 != static_cast<int>(it->second.size()))
        continue;
      auto number = it->second.begin();
      for (int y : years) number_of[{an.bodies[0], y}] = *number++;
      undated.erase(it);
    }
  }

  struct Found {
    std::string id, label, surface;
    std::map<std::string, std::string> properties;
    Span span;
    double confidence;
    std::string place;  // id, or empty
    Span clause;
  };
  std::vector<Found> found;
  // Titled meetings: one id per title, dated where any mention dates it.
  std::map<std::string, std::set<int>> years_of_title;
  auto title_base = [&](const Anchor& an) -> std::string {
    if (an.title_ordinal && !an.series.empty())
      return an.series + "/" + std::to_string(an.title_ordinal);
    if (an.shape == Shape::kArabicTitled) {
      char buffer[20];
      std::snprintf(
          buffer, sizeof buffer, "%012llx",
          static_cast<unsigned long long>(fnv1a(fold_name(an.title)) & 0xFFFFFFFFFFFFull));
      return "meeting:ar-" + std::string(buffer);
    }
    if (an.title_ordinal)
      return "meeting:" + slugify(an.title_rest) + "/" + std::to_string(an.title_ordinal);
    return "meeting:" + slugify(an.title);
  };
  for (const auto& an : anchors)
    if ((an.shape == Shape::kTitled || an.shape == Shape::kDescriptive ||
         an.shape == Shape::kArabicTitled) &&
        !an.dates.empty() && !an.title_ordinal)
      years_of_title[title_base(an)].insert(an.dates[0].year);

  for (auto& an : anchors) {
    if (an.shape == Shape::kOther) continue;
    if (an.needs_occurrence && !an.place && an.dates.empty()) continue;
    if (an.needs_topic && !an.on_topic) continue;
    const Span span{v.t[an.first].begin, v.t[an.last].end};
    const std::string surface(text.substr(span.begin, span.size()));
    const bool english = !v.arabic(an.first);
    if (an.shape == Shape::kNumbered) {
      for (std::size_t k = 0; k < an.ordinals.size(); ++k) {
        const int number = an.ordinals[k];
        Found f;
        f.id = "meeting:" + key_of(an.bodies[0]) + "/" + std::to_string(number);
        f.label = ordinal_word(number) + " " + an.noun + " of the " + body_label(an.bodies[0]);
        f.surface = surface;
        f.properties["ordinal"] = std::to_string(number);
        f.properties["body"] = an.bodies[0];
        f.span = span;
        f.confidence = 0.85;
        f.place = an.place ? an.place->id : "";
        f.clause = an.clause;
        found.push_back(std::move(f));
      }
      continue;
    }
    if (an.shape == Shape::kBodyDated) {
      if (an.dates.empty()) continue;
      std::set<int> seen;
      for (const auto& d : an.dates) {
        if (!seen.insert(d.year).second) continue;
        Found f;
        if (an.bodies.size() == 2) {
          const std::string title = "joint meeting of the " + body_label(an.bodies[0]) +
                                    " and the " + body_label(an.bodies[1]);
          f.id = "meeting:" + slugify(title) + "/" + std::to_string(d.year);
          f.label = title + " (" + std::to_string(d.year) + ")";
        } else if (auto it = number_of.find({an.bodies[0], d.year}); it != number_of.end()) {
          f.id = "meeting:" + key_of(an.bodies[0]) + "/" + std::to_string(it->second);
          f.label = ordinal_word(it->second) + " meeting of the " + body_label(an.bodies[0]);
          f.properties["ordinal"] = std::to_string(it->second);
        } else {
          f.id = "meeting:" + key_of(an.bodies[0]) + "/" + std::to_string(d.year);
          f.label = (an.premodifier.empty() || !english ? "" : an.premodifier + " ") +
                    "meeting of the " + body_label(an.bodies[0]) + " (" + std::to_string(d.year) +
                    ")";
        }
        f.properties["year"] = std::to_string(d.year);
        f.properties["body"] = an.bodies[0];
        f.surface = surface;
        f.span = span;
        f.confidence = 0.8;
        f.place = an.place ? an.place->id : "";
        f.clause = an.clause;
        found.push_back(std::move(f));
      }
      continue;
    }
    Found f;
    std::string base = title_base(an);
    int year = an.dates.empty() ? 0 : an.dates[0].year;
    if (!year && !an.title_ordinal) {
      auto it = years_of_title.find(base);
      if (it != years_of_title.end() && it->second.size() == 1) year = *it->second.begin();
    }
    f.id = base + (year && !an.title_ordinal ? "/" + std::to_string(year) : "");
    if (an.title_ordinal && !an.series.empty()) {
      const LexiconEntry* series = knowledge_.lexicon().find(an.series);
      f.label = english ? an.title
                        : capitalise(ordinal_word(an.title_ordinal)) + " " +
                              (series ? series->label : an.title);
    } else {
      f.label = an.title;
    }
    if (an.title_ordinal) f.properties["ordinal"] = std::to_string(an.title_ordinal);
    if (year) f.properties["year"] = std::to_string(year);
    f.surface = an.title;
    f.span = span;
    f.confidence = an.shape == Shape::kTitled ? 0.85 : 0.75;
    f.place = an.place ? an.place->id : "";
    f.clause = an.clause;
    found.push_back(std::move(f));
  }

  // ---- 5. mentions, nodes, heldIn ----
  std::set<std::tuple<std::string, std::string, std::uint32_t>> emitted;
  // (Takes ids: a.mentions grows below, so no pointers into it are kept.)
  auto held_in = [&](const std::string& meeting, const std::string& place, Span clause,
                     double confidence) {
    if (place.empty() || !emitted.insert({meeting, place, clause.begin}).second) return;
    EdgeRecord edge;
    edge.source = meeting;
    edge.target = place;
    edge.predicate = std::string(predicate::kHeldIn);
    edge.evidence.push_back(make_evidence(a, trim_span(text, clause), "meeting", confidence));
    a.edges.push_back(std::move(edge));
  };
  for (const auto& an : anchors)
    if (an.shape == Shape::kOther && an.place)
      held_in(an.existing->id, an.place->id, an.clause, 0.8);
  for (const auto& f : found) {
    const int p = a.segments.paragraph_at(f.span.begin);
    a.mentions.push_back(
        {f.span, f.id, NodeType::kMeeting, MentionKind::kMeeting, Lexicon::npos, f.confidence, p});
    auto& node = a.extra_nodes[f.id];
    if (node.id.empty()) {
      node.id = f.id;
      node.type = NodeType::kMeeting;
      node.label = f.label;
      const bool english_label = !f.label.empty() && static_cast<unsigned char>(f.label[0]) < 0x80;
      if (english_label) node.labels["en"] = f.label;
      node.properties = f.properties;
    }
    if (const std::string& language = a.language_at(f.span.begin);
        language != "en" && !language.empty())
      node.labels.emplace(language, f.surface);
    node.mentions += 1;
    held_in(f.id, f.place, f.clause, 0.8);
  }
  anchors.clear();  // their mention pointers are stale from here on
  std::stable_sort(a.mentions.begin(), a.mentions.end(),
                   [](const Mention& x, const Mention& y) { return x.span.begin < y.span.begin; });

  // ---- 6. the meeting the document reports on ----
  std::uint32_t header_end = static_cast<std::uint32_t>(text.size());
  for (const auto& par : a.segments.paragraphs)
    if (par.kind == BlockKind::kParagraph && !par.label.empty() &&
        std::isdigit(static_cast<unsigned char>(par.label[0]))) {
      header_end = par.span.begin;
      break;
    }
  // A line of the header: before the first numbered paragraph, among the
  // first lines, a heading or a short paragraph, no table row.
  auto header_line = [&](int p) {
    if (p < 0 || p >= kHeaderLines) return false;
    const auto& par = a.segments.paragraphs[static_cast<std::size_t>(p)];
    return par.span.begin < header_end && par.kind != BlockKind::kTableRow &&
           (par.kind == BlockKind::kHeading || par.span.size() <= kHeaderLineBytes);
  };
  // Header meetings, by paragraph: the longest at each start.
  std::map<int, std::vector<const Mention*>> header_meetings;
  {
    std::map<std::uint32_t, const Mention*> longest;
    for (const auto& m : a.mentions) {
      if (m.type != NodeType::kMeeting || m.span.begin >= header_end) continue;
      auto& slot = longest[m.span.begin];
      if (!slot || slot->span.size() < m.span.size()) slot = &m;
    }
    for (const auto& [begin, m] : longest) {
      const int p = a.segments.paragraph_at(begin);
      if (header_line(p)) header_meetings[p].push_back(m);
    }
  }
  if (header_meetings.empty()) return;
  std::string report;
  // (a) A title that says where its meeting was held: «تقرير عن اجتماع ... المعقود في فيينا».
  for (const auto& e : a.edges) {
    if (e.predicate != predicate::kHeldIn || e.evidence.empty() ||
        e.evidence[0].start >= header_end)
      continue;
    const int p = a.segments.paragraph_at(static_cast<std::uint32_t>(e.evidence[0].start));
    if (header_meetings.count(p)) {
      // The outermost meeting of that line holding this edge.
      for (const Mention* m : header_meetings[p])
        if (m->id == e.source) {
          report = m->id;
          break;
        }
      if (!report.empty()) break;
    }
  }
  // (b) A "Place, Country, dates" line under the meeting's title or session line.
  for (std::size_t p = 0; p < a.segments.paragraphs.size(); ++p) {
    const auto& par = a.segments.paragraphs[p];
    if (par.span.begin >= header_end) break;
    if (!header_line(static_cast<int>(p))) continue;
    const Mention* place = nullptr;
    for (const auto& m : a.mentions) {
      if (m.span.begin > par.span.begin) break;
      if (m.span.begin == par.span.begin && m.type == NodeType::kPlace) place = &m;
    }
    if (!place) continue;
    const MeetingCues& mc = cues_for(a.language);
    bool dated = false;
    for (const auto& dp : mc.dates) {
      UErrorCode error = U_ZERO_ERROR;
      UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(par.span.end), &error);
      std::unique_ptr<icu::RegexMatcher> matcher(dp.pattern->matcher(error));
      if (U_SUCCESS(error)) {
        matcher->reset(ut);
        matcher->region(static_cast<int64_t>(place->span.end), static_cast<int64_t>(par.span.end),
                        error);
        dated = U_SUCCESS(error) && matcher->find(error);
      }
      utext_close(ut);
      if (dated) break;
    }
    if (!dated) continue;
    // The nearest header line above with a meeting; its outermost one.
    const Mention* meeting = nullptr;
    for (auto it = header_meetings.begin(); it != header_meetings.end(); ++it)
      if (it->first < static_cast<int>(p)) {
        const Mention* outer = nullptr;
        for (const Mention* m : it->second)
          if (!outer || m->span.begin < outer->span.begin ||
              (m->span.begin == outer->span.begin && m->span.size() > outer->span.size()))
            outer = m;
        // Prefer a meeting that is not inside another one on that line.
        for (const Mention* m : it->second)
          if (m->span.begin <= outer->span.begin && m->span.end >= outer->span.end) outer = m;
        meeting = outer;
      }
    if (!meeting) continue;
    if (report.empty()) report = meeting->id;
    if (report == meeting->id) held_in(meeting->id, place->id, par.span, 0.9);
    break;
  }
  // (c) A header line opening with "Report of/on" that names a meeting.
  if (report.empty()) {
    for (const auto& [p, list] : header_meetings) {
      const auto& par = a.segments.paragraphs[static_cast<std::size_t>(p)];
      const std::size_t f = v.at(par.span.begin);
      if (f < n && v.match(cues_for(a.language).report_cues, f)) {
        report = list.front()->id;
        break;
      }
    }
  }
  a.report_meeting = report;
}

}  // namespace crimekg
