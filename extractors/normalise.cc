#include "extractors/normalise.h"

#include <libstemmer.h>
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
    case '.': case '!': case '?': case ';': case ':':
    case 0x061F: case 0x061B: case 0x06D4: case 0x3002: case 0xFF1B: case 0xFF1A:
    case 0xFF01: case 0xFF1F:
      return true;
    default:
      return false;
  }
}

bool is_hyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Arabic letters as UTF-8 byte pairs, for stripping proclitics in place.
constexpr char kWaw[] = "\xD9\x88";
constexpr char kFa[] = "\xD9\x81";
constexpr char kBa[] = "\xD8\xA8";
constexpr char kKaf[] = "\xD9\x83";
constexpr char kLam[] = "\xD9\x84";
constexpr char kAlef[] = "\xD8\xA7";

bool starts_with_letter(std::string_view s, const char* letter) {
  return s.size() >= 2 && s[0] == letter[0] && s[1] == letter[1];
}

// Minimum letters a word keeps after a proclitic is stripped.
constexpr std::size_t kMinArabicStem = 2;

}  // namespace

// Scratch shared by tokenise() calls of one Normaliser.
class NormaliserState {
 public:
  NormaliserState() {
    UErrorCode error = U_ZERO_ERROR;
    nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(error);
    if (U_FAILURE(error)) nfkc_cf = nullptr;
    stemmer = sb_stemmer_new("russian", "UTF_8");
  }
  ~NormaliserState() {
    if (stemmer) sb_stemmer_delete(stemmer);
  }

  // Strips و/ف, then ب/ك/ل (ل followed by ل: the article's lam after the
  // preposition, or a doubled lam), then the article ال, from the Arabic word
  // in key[start..]. Returns true when the word carried the article.
  static bool strip_arabic_proclitics(std::string& key, std::size_t start) {
    auto word = [&] { return std::string_view(key).substr(start); };
    auto letters = [&] { return word().size() / 2; };
    bool definite = false;
    if ((starts_with_letter(word(), kWaw) || starts_with_letter(word(), kFa)) &&
        letters() - 1 >= kMinArabicStem + 1) {
      key.erase(start, 2);
    }
    if ((starts_with_letter(word(), kBa) || starts_with_letter(word(), kKaf) ||
         starts_with_letter(word(), kLam)) &&
        letters() - 1 >= kMinArabicStem) {
      const bool lam = starts_with_letter(word(), kLam);
      key.erase(start, 2);
      if (lam && starts_with_letter(word(), kLam) && letters() - 1 >= kMinArabicStem) {
        key.erase(start, 2);
        definite = true;
      }
    }
    if (starts_with_letter(word(), kAlef) && word().size() >= 4 && word()[2] == kLam[0] &&
        word()[3] == kLam[1] && letters() - 2 >= kMinArabicStem) {
      key.erase(start, 4);
      definite = true;
    }
    return definite;
  }

  void stem_russian(std::string& key, std::size_t start) {
    if (!stemmer) return;
    // Snowball keeps some dative endings it strips elsewhere ("Казахстану" ->
    // "казахстан" but "Казахстан" -> "казахста"): drop a final у/ю of a long
    // word first, in lexicons and text alike.
    if (key.size() - start > 8 && key.size() >= 2) {
      const std::string_view tail = std::string_view(key).substr(key.size() - 2);
      if (tail == "\xD1\x83" || tail == "\xD1\x8E") key.resize(key.size() - 2);
    }
    const sb_symbol* stem = sb_stemmer_stem(
        stemmer, reinterpret_cast<const sb_symbol*>(key.data() + start),
        static_cast<int>(key.size() - start));
    if (!stem) return;
    const int length = sb_stemmer_length(stemmer);
    if (length > 0) key.replace(start, std::string::npos, reinterpret_cast<const char*>(stem), length);
  }

  const icu::Normalizer2* nfkc_cf = nullptr;
  sb_stemmer* stemmer = nullptr;
  std::string normalised;
  icu::Edits edits;
  struct Segment {
    int32_t dest, src, dest_len, src_len;
    bool changed;
  };
  std::vector<Segment> segments;
};

}  // namespace detail

Normaliser::Normaliser() : state_(std::make_unique<detail::NormaliserState>()) {}
Normaliser::~Normaliser() = default;

void Normaliser::tokenise(std::string_view text, const std::vector<Span>& skip,
                          const std::vector<std::uint32_t>& breaks, TokenStream& out) {
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
    st.segments.push_back({0, 0, static_cast<int32_t>(text.size()),
                           static_cast<int32_t>(text.size()), false});
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
    if (flags & token_flag::kArabic) {
      if (detail::NormaliserState::strip_arabic_proclitics(out.keys, key_start))
        flags |= token_flag::kDefinite;
    } else if (flags & token_flag::kCyrillic) {
      st.stem_russian(out.keys, key_start);
    }
    t.key_offset = static_cast<std::uint32_t>(key_start);
    t.key_size = static_cast<std::uint32_t>(out.keys.size() - key_start);
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
      if (han) script_flags |= token_flag::kHan;
      else if (arabic) script_flags |= token_flag::kArabic;
      else if (f >= 0x0400 && f <= 0x04FF) script_flags |= token_flag::kCyrillic;
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

std::vector<std::string> Normaliser::keys_of(std::string_view name) {
  TokenStream stream;
  tokenise(name, {}, {}, stream);
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
