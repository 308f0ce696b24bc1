#include "extractors/normalise.h"

#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <mutex>

namespace crimekg {
namespace detail {
namespace {

constexpr UChar32 kDrop = -1;

// Per-BMP-code-point folding applied after NFKC_Casefold: what the matcher
// treats as the same letter. Built once; immutable afterwards.
class FoldTable {
 public:
  static const FoldTable& get() {
    static const FoldTable table;
    return table;
  }
  UChar32 fold(UChar32 c) const { return c < 0x10000 ? map_[c] : c; }

 private:
  FoldTable() : map_(0x10000) {
    for (UChar32 c = 0; c < 0x10000; ++c) map_[c] = c;
    UErrorCode error = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(error);
    // Latin letters with diacritics -> their base letter.
    auto strip_latin = [&](UChar32 from, UChar32 to) {
      for (UChar32 c = from; c <= to; ++c) {
        icu::UnicodeString decomposition;
        if (U_SUCCESS(error) && nfd->getDecomposition(c, decomposition) &&
            decomposition.length() > 0) {
          UChar32 base = decomposition.char32At(0);
          if (base < 0x80) map_[c] = u_tolower(base);
        }
      }
    };
    strip_latin(0x00C0, 0x024F);
    strip_latin(0x1E00, 0x1EFF);
    map_[0x00F8] = 'o';  // ø
    map_[0x0111] = 'd';  // đ
    map_[0x0142] = 'l';  // ł
    map_[0x0131] = 'i';  // dotless i (Türkiye)
    // Arabic: harakat, Quranic marks, superscript alef and tatweel vanish.
    for (UChar32 c = 0x0610; c <= 0x061A; ++c) map_[c] = kDrop;
    for (UChar32 c = 0x064B; c <= 0x065F; ++c) map_[c] = kDrop;
    for (UChar32 c = 0x06D6; c <= 0x06ED; ++c) map_[c] = kDrop;
    map_[0x0670] = kDrop;
    map_[0x0640] = kDrop;
    // Letter variants folded for matching.
    for (UChar32 c : {0x0622, 0x0623, 0x0625, 0x0671}) map_[c] = 0x0627;  // alef forms
    map_[0x0649] = 0x064A;                                                // alef maqsura
    map_[0x0629] = 0x0647;                                                // ta marbuta
    map_[0x0624] = 0x0648;                                                // waw hamza
    map_[0x0626] = 0x064A;                                                // ya hamza
    map_[0x06CC] = 0x064A;                                                // Persian ya
    map_[0x06A9] = 0x0643;                                                // keheh
    map_[0x0451] = 0x0435;                                                // ё -> е
    // Zero-width characters and soft hyphens vanish inside words.
    for (UChar32 c : {0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF}) map_[c] = kDrop;
  }
  std::vector<UChar32> map_;
};

bool is_arabic(UChar32 c) {
  return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
         (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
         (c >= 0xFE70 && c <= 0xFEFF);
}

bool is_break_punctuation(UChar32 c) {
  switch (c) {
    case '.':
    case '!':
    case '?':
    case ';':
    case ':':
    case 0x061F:
    case 0x061B:
    case 0x06D4:
    case 0x3002:
    case 0xFF1B:
    case 0xFF1A:
    case 0xFF01:
    case 0xFF1F:
      return true;
    default:
      return false;
  }
}

bool is_hyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Arabic letters as UTF-8 byte pairs.
constexpr char kWaw[] = "\xD9\x88";
constexpr char kFa[] = "\xD9\x81";
constexpr char kBa[] = "\xD8\xA8";
constexpr char kKaf[] = "\xD9\x83";
constexpr char kLam[] = "\xD9\x84";
constexpr char kAlef[] = "\xD8\xA7";

bool letter_at(std::string_view s, std::size_t at, const char* letter) {
  return s.size() >= at + 2 && s[at] == letter[0] && s[at + 1] == letter[1];
}

// Letters a word keeps after its proclitics and article are taken off.
constexpr std::size_t kMinArabicStem = 2;

// One way of reading the start of an Arabic word (folded; every Arabic
// letter is two bytes): `strip` bytes of proclitics and article, `definite`
// when the article was among them.
struct ArabicReading {
  std::size_t strip;
  bool definite;
};

// Every valid proclitic sequence (و|ف)?(ب|ك|ل)?(ال)? and (و|ف)?لل (ل + the
// article whose alef the spelling drops) at the start of `word`, leaving at
// least kMinArabicStem letters, least stripped first. At most 3 x 4 x 2
// readings; `out` holds room for them. Bit i of `hamza_alef` marks letter i
// as printed أ إ or آ: the article is written with a bare alef, so «آلية»
// and «ألمانيا» carry none.
std::size_t arabic_readings(std::string_view word, ArabicReading* out,
                            std::uint32_t hamza_alef = 0) {
  std::size_t count = 0;
  const std::size_t size = word.size();
  auto add = [&](std::size_t strip, bool definite) {
    if (strip + 2 * kMinArabicStem > size) return;
    for (std::size_t k = 0; k < count; ++k)
      if (out[k].strip == strip) return;
    out[count++] = {strip, definite};
  };
  for (std::size_t conjunction : {0, 2}) {
    if (conjunction && !letter_at(word, 0, kWaw) && !letter_at(word, 0, kFa)) continue;
    for (std::size_t preposition : {0, 2}) {
      const std::size_t at = conjunction;
      if (preposition && !letter_at(word, at, kBa) && !letter_at(word, at, kKaf) &&
          !letter_at(word, at, kLam))
        continue;
      const std::size_t after = at + preposition;
      add(after, false);
      const bool bare_alef = after / 2 >= 32 || !(hamza_alef & (1u << (after / 2)));
      if (bare_alef && letter_at(word, after, kAlef) && letter_at(word, after + 2, kLam))
        add(after + 4, true);
      // لل: the preposition ل before the article, its alef dropped.
      if (preposition && letter_at(word, at, kLam) && letter_at(word, after, kLam))
        add(after + 2, true);
    }
  }
  std::sort(out, out + count,
            [](const ArabicReading& x, const ArabicReading& y) { return x.strip < y.strip; });
  return count;
}

// A name's Arabic word keeps its letters but for the article, alone or
// behind proclitics («الجمعية», «بالمخدرات», «للأمم»): names are written in
// their base form, and a letter that could be a proclitic (فرنسا, كينيا) is
// part of the name unless an article follows it.
ArabicReading arabic_name_reading(std::string_view word, std::uint32_t hamza_alef) {
  ArabicReading readings[24];
  const std::size_t count = arabic_readings(word, readings, hamza_alef);
  ArabicReading best{0, false};
  for (std::size_t k = 0; k < count; ++k)
    if (readings[k].definite) best = readings[k];
  return best;
}

// Russian case endings of nouns and adjectives, folded.
constexpr std::u16string_view kRussianEndings[] = {
    u"а",   u"я",  u"о",   u"е",   u"у",   u"ю",   u"ы",   u"и",  u"ь",  u"ом", u"ем",
    u"ой",  u"ей", u"ам",  u"ям",  u"ами", u"ями", u"ах",  u"ях", u"ов", u"ев", u"ью",
    u"ьми", u"ый", u"ая",  u"ое",  u"ые",  u"ого", u"ому", u"ым", u"ую", u"ых", u"ыми",
    u"яя",  u"ее", u"его", u"ему", u"юю",  u"ий",  u"ие",  u"их", u"им", u"ими"};
constexpr std::size_t kMinRussianStem = 3;
constexpr std::size_t kMaxRussianWord = 64;

bool russian_vowel(char16_t c) {
  return c == u'а' || c == u'е' || c == u'и' || c == u'о' || c == u'у' || c == u'ы' || c == u'э' ||
         c == u'ю' || c == u'я';
}

// After these letters Russian spells the adjective's ы as и.
bool russian_velar_or_sibilant(char16_t c) {
  return c == u'к' || c == u'г' || c == u'х' || c == u'ж' || c == u'ш' || c == u'щ' || c == u'ч';
}

// How many trailing letters each reading of the word takes off and whether
// it restores й, least stripped first; written to `out` (room for every
// ending plus one). Returns the count. A word longer than kMaxRussianWord or
// holding a letter outside the BMP has the one reading of itself.
struct RussianReading {
  std::size_t strip;  // letters taken off
  bool glide;         // й appended
};

std::size_t russian_readings(const char16_t* word, std::size_t length, RussianReading* out) {
  std::size_t count = 0;
  out[count++] = {0, false};
  for (const auto ending : kRussianEndings) {
    if (length < ending.size() + kMinRussianStem) continue;
    const std::size_t stem = length - ending.size();
    if (std::u16string_view(word + stem, ending.size()) != ending) continue;
    if (ending.size() > 1 && ending[0] == u'и' && !russian_velar_or_sibilant(word[stem - 1]))
      continue;
    out[count++] = {ending.size(), russian_vowel(word[stem - 1])};
  }
  std::stable_sort(out, out + count, [](const RussianReading& x, const RussianReading& y) {
    return x.strip < y.strip;
  });
  return count;
}

// The folded word as UTF-16 letters, if it fits; false otherwise.
bool to_letters(std::string_view word, char16_t* out, std::size_t& length) noexcept {
  length = 0;
  for (int32_t i = 0; i < static_cast<int32_t>(word.size());) {
    UChar32 c;
    U8_NEXT(word.data(), i, static_cast<int32_t>(word.size()), c);
    if (c < 0 || c > 0xFFFF || length == kMaxRussianWord) return false;
    out[length++] = static_cast<char16_t>(c);
  }
  return true;
}

constexpr char kShortI[] = "\xD0\xB9";  // й

}  // namespace

// Scratch shared by tokenise() calls of one Normaliser.
class NormaliserState {
 public:
  NormaliserState() {
    UErrorCode error = U_ZERO_ERROR;
    nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(error);
    if (U_FAILURE(error)) nfkc_cf = nullptr;
  }

  // Gives the Arabic word at out.keys[start..] its key: for a name the base
  // form; for a text word every reading becomes a variant and the key is the
  // most stripped one. Returns the flags of the key (kDefinite).
  std::uint16_t key_arabic(TokenStream& out, std::size_t start, bool name, std::uint32_t hamza_alef,
                           Token& t) {
    const std::string_view word = std::string_view(out.keys).substr(start);
    if (name) {
      const ArabicReading r = arabic_name_reading(word, hamza_alef);
      out.keys.erase(start, r.strip);
      return r.definite ? token_flag::kDefinite : 0;
    }
    ArabicReading readings[24];
    const std::size_t count = arabic_readings(word, readings, hamza_alef);
    if (count <= 1) {
      if (count == 1) out.keys.erase(start, readings[0].strip);
      return count == 1 && readings[0].definite ? token_flag::kDefinite : 0;
    }
    // The word itself is the first reading; the others are its suffixes.
    t.variant_begin = static_cast<std::uint32_t>(out.variants.size());
    t.variant_count = static_cast<std::uint16_t>(count);
    const std::size_t size = out.keys.size() - start;
    for (std::size_t k = 0; k < count; ++k)
      out.variants.push_back({static_cast<std::uint32_t>(start + readings[k].strip),
                              static_cast<std::uint32_t>(size - readings[k].strip),
                              readings[k].definite ? token_flag::kDefinite : std::uint16_t{0}});
    const auto& last = out.variants.back();
    t.key_offset = last.key_offset;
    t.key_size = last.key_size;
    return last.flags;
  }

  // The same for a Russian word: a name loses its longest ending; a text
  // word's readings follow the word as variants.
  void key_russian(TokenStream& out, std::size_t start, bool name, Token& t) {
    std::size_t length = 0;
    if (!to_letters(std::string_view(out.keys).substr(start), letters, length)) return;
    RussianReading readings[std::size(kRussianEndings) + 1];
    const std::size_t count = russian_readings(letters, length, readings);
    auto append_key = [&](const RussianReading& r) {
      for (std::size_t k = 0; k + r.strip < length; ++k) {
        char buffer[4];
        int32_t size = 0;
        U8_APPEND_UNSAFE(buffer, size, letters[k]);
        out.keys.append(buffer, static_cast<std::size_t>(size));
      }
      if (r.glide) out.keys += kShortI;
    };
    if (name || count == 1) {
      out.keys.resize(start);
      append_key(readings[count - 1]);
      return;
    }
    // The first reading is the word itself, already in place.
    t.variant_begin = static_cast<std::uint32_t>(out.variants.size());
    out.variants.push_back({static_cast<std::uint32_t>(start),
                            static_cast<std::uint32_t>(out.keys.size() - start), 0});
    for (std::size_t k = 1; k < count; ++k) {
      const std::size_t from = out.keys.size();
      append_key(readings[k]);
      const std::string_view key = std::string_view(out.keys).substr(from);
      bool seen = false;
      for (std::size_t v = t.variant_begin; v < out.variants.size() && !seen; ++v)
        seen = out.key(out.variants[v]) == key;
      if (seen) {
        out.keys.resize(from);
        continue;
      }
      out.variants.push_back(
          {static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(key.size()), 0});
    }
    t.variant_count = static_cast<std::uint16_t>(out.variants.size() - t.variant_begin);
    const auto& last = out.variants.back();
    t.key_offset = last.key_offset;
    t.key_size = last.key_size;
  }

  const icu::Normalizer2* nfkc_cf = nullptr;
  std::string normalised;
  icu::Edits edits;
  struct Segment {
    int32_t dest, src, dest_len, src_len;
    bool changed;
  };
  std::vector<Segment> segments;
  char16_t letters[kMaxRussianWord];
};

}  // namespace detail

Normaliser::Normaliser() : state_(std::make_unique<detail::NormaliserState>()) {}
Normaliser::~Normaliser() = default;

void Normaliser::tokenise(std::string_view text, const std::vector<Span>& skip,
                          const std::vector<std::uint32_t>& breaks, TokenStream& out) {
  tokenise(text, skip, breaks, false, out);
}

void Normaliser::tokenise_name(std::string_view name, TokenStream& out) {
  tokenise(name, {}, {}, true, out);
}

void Normaliser::tokenise(std::string_view text, const std::vector<Span>& skip,
                          const std::vector<std::uint32_t>& breaks, bool name, TokenStream& out) {
  using detail::kDrop;
  auto& st = *state_;
  out.clear();
  const auto& fold_table = detail::FoldTable::get();

  // 1. NFKC_Casefold the whole text, keeping the edits that map back.
  st.normalised.clear();
  st.edits.reset();
  st.segments.clear();
  UErrorCode error = U_ZERO_ERROR;
  if (st.nfkc_cf && text.size() < static_cast<std::size_t>(INT32_MAX)) {
    icu::StringByteSink<std::string> sink(&st.normalised);
    st.nfkc_cf->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())),
                              sink, &st.edits, error);
  } else {
    error = U_UNSUPPORTED_ERROR;
  }
  if (U_FAILURE(error)) {
    // Fall back to the text itself: matching is then case-sensitive, but
    // offsets stay exact.
    st.normalised.assign(text);
    st.segments.push_back(
        {0, 0, static_cast<int32_t>(text.size()), static_cast<int32_t>(text.size()), false});
  } else {
    auto it = st.edits.getFineIterator();
    UErrorCode iter_error = U_ZERO_ERROR;
    while (it.next(iter_error)) {
      if (it.newLength() == 0) continue;
      st.segments.push_back({it.destinationIndex(), it.sourceIndex(), it.newLength(),
                             it.oldLength(), static_cast<bool>(it.hasChange())});
    }
  }
  const std::string& norm = st.normalised;
  const auto& segments = st.segments;
  std::size_t seg = 0;
  auto seek = [&](int32_t d) {
    while (seg + 1 < segments.size() && segments[seg].dest + segments[seg].dest_len <= d) ++seg;
  };
  auto map_begin = [&](int32_t d) -> std::uint32_t {
    seek(d);
    const auto& s = segments[seg];
    return static_cast<std::uint32_t>(s.changed ? s.src : s.src + (d - s.dest));
  };
  auto map_end = [&](int32_t d_end) -> std::uint32_t {
    seek(d_end - 1);
    const auto& s = segments[seg];
    return static_cast<std::uint32_t>(s.changed ? s.src + s.src_len : s.src + (d_end - s.dest));
  };

  std::size_t skip_index = 0;
  std::size_t break_index = 0;
  bool pending_break = true;
  enum class Kind { kNone, kLetters, kDigits };
  Kind kind = Kind::kNone;
  int32_t token_dest_begin = 0, token_dest_end = 0;
  std::size_t key_start = 0;
  std::uint16_t script_flags = 0;
  std::uint32_t hamza_alef = 0;  // letters of the token printed أ إ آ (bit per letter)
  std::uint32_t letters = 0;
  int newlines_in_gap = 0;

  auto finish = [&](bool hyphen_break) {
    if (kind == Kind::kNone) return;
    Token t;
    t.begin = map_begin(token_dest_begin);
    t.end = map_end(token_dest_end);
    while (skip_index < skip.size() && skip[skip_index].end <= t.begin) ++skip_index;
    const bool skipped = skip_index < skip.size() && skip[skip_index].contains(t.begin);
    while (break_index < breaks.size() && breaks[break_index] <= t.begin) {
      ++break_index;
      pending_break = true;
    }
    if (skipped || out.keys.size() == key_start) {
      out.keys.resize(key_start);
      kind = Kind::kNone;
      return;
    }
    std::uint16_t flags = script_flags;
    if (kind == Kind::kDigits) flags |= token_flag::kDigits;
    if (pending_break) flags |= token_flag::kBreakBefore;
    if (hyphen_break) flags |= token_flag::kHyphenBreak;
    // Case comes from the original bytes (the key is case-folded).
    bool any_upper = false, any_lower = false, first_upper = false, first_seen = false;
    for (int32_t i = static_cast<int32_t>(t.begin); i < static_cast<int32_t>(t.end);) {
      UChar32 c;
      U8_NEXT(text.data(), i, static_cast<int32_t>(t.end), c);
      if (c < 0) continue;
      const bool upper = u_isUUppercase(c) || u_istitle(c);
      const bool lower = u_isULowercase(c);
      if (!first_seen && (upper || lower)) {
        first_seen = true;
        first_upper = upper;
      }
      any_upper |= upper;
      any_lower |= lower;
    }
    if (any_upper && !any_lower) flags |= token_flag::kAllUpper;
    if (first_upper) flags |= token_flag::kCapitalized;
    t.key_offset = static_cast<std::uint32_t>(key_start);
    t.key_size = static_cast<std::uint32_t>(out.keys.size() - key_start);
    if (flags & token_flag::kArabic) {
      flags |= st.key_arabic(out, key_start, name, hamza_alef, t);
    } else if (flags & token_flag::kCyrillic) {
      st.key_russian(out, key_start, name, t);
    }
    if (t.variant_count == 0) t.key_size = static_cast<std::uint32_t>(out.keys.size() - key_start);
    t.flags = flags;
    out.tokens.push_back(t);
    pending_break = false;
    kind = Kind::kNone;
  };

  auto start = [&](Kind k, int32_t at) {
    kind = k;
    token_dest_begin = at;
    key_start = out.keys.size();
    script_flags = 0;
    hamza_alef = 0;
    letters = 0;
  };

  const int32_t n = static_cast<int32_t>(norm.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(norm.data(), i, n, c);
    if (c < 0) {
      finish(false);
      continue;
    }
    UChar32 f = fold_table.fold(c);
    if (f == kDrop) {
      if (kind != Kind::kNone) token_dest_end = i;  // marks stay inside the word's span
      continue;
    }
    const int8_t category = u_charType(f);
    const bool mark = category == U_NON_SPACING_MARK || category == U_COMBINING_SPACING_MARK ||
                      category == U_ENCLOSING_MARK;
    if (mark) {
      if (kind != Kind::kNone) token_dest_end = i;
      continue;
    }
    if (u_isdigit(f)) {
      if (kind != Kind::kDigits) {
        finish(false);
        start(Kind::kDigits, at);
      }
      out.keys += static_cast<char>('0' + u_charDigitValue(f));
      token_dest_end = i;
      newlines_in_gap = 0;
      continue;
    }
    if (u_isalpha(f)) {
      const bool han = u_hasBinaryProperty(f, UCHAR_IDEOGRAPHIC);
      // A change of script ends a word: «وCTOC/COP» is «و» and "CTOC".
      const bool arabic = detail::is_arabic(f);
      const bool script_change = kind == Kind::kLetters && out.keys.size() > key_start &&
                                 (arabic != ((script_flags & token_flag::kArabic) != 0));
      if (kind != Kind::kLetters || han || (script_flags & token_flag::kHan) || script_change) {
        finish(false);
        start(Kind::kLetters, at);
      }
      if (han)
        script_flags |= token_flag::kHan;
      else if (arabic)
        script_flags |= token_flag::kArabic;
      else if (f >= 0x0400 && f <= 0x04FF)
        script_flags |= token_flag::kCyrillic;
      if ((c == 0x0622 || c == 0x0623 || c == 0x0625) && letters < 32) hamza_alef |= 1u << letters;
      ++letters;
      char buffer[4];
      int32_t length = 0;
      U8_APPEND_UNSAFE(buffer, length, f);
      out.keys.append(buffer, static_cast<std::size_t>(length));
      token_dest_end = i;
      newlines_in_gap = 0;
      continue;
    }
    // A separator. A hyphen right after a word and before a line break may
    // split the word: note it; the gazetteer decides whether to join.
    bool hyphen_break = false;
    if (detail::is_hyphen(f) && kind == Kind::kLetters) {
      int32_t j = i;
      while (j < n && (norm[j] == ' ' || norm[j] == '\t' || norm[j] == '\r')) ++j;
      hyphen_break = j < n && norm[j] == '\n';
    }
    finish(hyphen_break);
    if (f == '\n') {
      if (++newlines_in_gap >= 2) pending_break = true;
    } else if (f == '\t') {
      pending_break = true;
    } else if (detail::is_break_punctuation(f)) {
      UChar32 next = 0;
      if (i < n) {
        int32_t j = i;
        U8_NEXT(norm.data(), j, n, next);
      }
      if (i >= n || next == ' ' || next == '\n' || next == '\t' || next == '\r' || next == 0xA0 ||
          f == 0x3002 || f == 0x061F || f == 0x061B)
        pending_break = true;
    } else if (f != ' ' && f != '\r') {
      newlines_in_gap = 0;
    }
  }
  finish(false);
}

std::vector<std::string> russian_key_variants(std::string_view word) {
  char16_t letters[detail::kMaxRussianWord];
  std::size_t length = 0;
  if (!detail::to_letters(word, letters, length)) return {std::string(word)};
  detail::RussianReading readings[std::size(detail::kRussianEndings) + 1];
  const std::size_t count = detail::russian_readings(letters, length, readings);
  std::vector<std::string> out;
  for (std::size_t k = 0; k < count; ++k) {
    std::string key;
    for (std::size_t i = 0; i + readings[k].strip < length; ++i) {
      char buffer[4];
      int32_t size = 0;
      U8_APPEND_UNSAFE(buffer, size, letters[i]);
      key.append(buffer, static_cast<std::size_t>(size));
    }
    if (readings[k].glide) key += detail::kShortI;
    if (std::find(out.begin(), out.end(), key) == out.end()) out.push_back(std::move(key));
  }
  return out;
}

std::vector<std::string_view> arabic_proclitic_remainders(std::string_view key) {
  detail::ArabicReading readings[24];
  const std::size_t count = detail::arabic_readings(key, readings);
  std::vector<std::string_view> out;
  for (std::size_t k = 0; k < count; ++k)
    if (readings[k].strip > 0 && !readings[k].definite && key.size() - readings[k].strip >= 6)
      out.push_back(key.substr(readings[k].strip));
  return out;
}

std::vector<std::string> Normaliser::keys_of(std::string_view name) {
  TokenStream stream;
  tokenise_name(name, stream);
  std::vector<std::string> keys;
  keys.reserve(stream.tokens.size());
  for (const auto& t : stream.tokens) keys.emplace_back(stream.key(t));
  return keys;
}

std::string fold_name(std::string_view name) {
  // A per-thread normaliser: fold_name is called from query code on any thread.
  thread_local Normaliser normaliser;
  auto keys = normaliser.keys_of(name);
  std::string out;
  std::size_t first = (!keys.empty() && keys.size() > 1 && keys[0] == "the") ? 1 : 0;
  for (std::size_t k = first; k < keys.size(); ++k) {
    if (!out.empty()) out += ' ';
    out += keys[k];
  }
  return out;
}

}  // namespace crimekg
