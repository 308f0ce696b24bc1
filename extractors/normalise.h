// Normalisation and tokenisation: the one pass over a document's text that
// turns it into word tokens with folded keys and exact byte offsets into the
// original bytes.
//
// Folding: ICU NFKC_Casefold (normalizeUTF8 with Edits, so every folded byte
// maps back to the original), then per code point: Latin diacritics removed,
// Arabic harakat, superscript alef and tatweel removed, alef forms, alef
// maqsura, ta marbuta, waw/ya hamza folded, Persian/Arabic-Indic digits to
// ASCII. Tokens are runs of letters or of digits; every Han ideograph is a
// token of its own (Chinese has no spaces).
//
// Morphology: a word of a name (lexicon, cue file) gets one key; a word of a
// text may be read several ways and gets its key variants, least stripped
// first, of which the matcher keeps the first its vocabulary knows
// (Gazetteer::resolve). Arabic names keep their letters but for the article
// (ال, also behind و ف ب ك ل: «بالمخدرات» → مخدرات); a text word also tries
// every proclitic sequence (و|ف)?(ب|ك|ل)?(ال)? and لل, so «وفرنسا» finds
// فرنسا while the name فرنسا keeps its ف. Russian words lose one noun or
// adjective case ending (see russian_key_variants); a name word loses the
// longest, a text word tries each, so «Китая» finds Китай and «Нигерии»
// Нигерия, and neither is read as Кито or Нигер.
#ifndef CRIMEKG_EXTRACTORS_NORMALISE_H_
#define CRIMEKG_EXTRACTORS_NORMALISE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace crimekg {

// A byte range [begin, end) of the original file.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool contains(std::uint32_t offset) const { return offset >= begin && offset < end; }
  std::uint32_t size() const { return end - begin; }
};

namespace token_flag {
inline constexpr std::uint16_t kBreakBefore = 1;  // sentence, cell or paragraph boundary before
inline constexpr std::uint16_t kAllUpper = 2;     // no lower-case letter in the original
inline constexpr std::uint16_t kCapitalized = 4;  // first letter upper case in the original
inline constexpr std::uint16_t kHyphenBreak = 8;  // ends in "-" at a line break ("traffick-\ning")
inline constexpr std::uint16_t kDigits = 16;      // a run of digits
inline constexpr std::uint16_t kArabic = 32;      // Arabic script
inline constexpr std::uint16_t kHan = 64;         // one Han ideograph
inline constexpr std::uint16_t kCyrillic = 128;   // Cyrillic script
inline constexpr std::uint16_t kDefinite = 256;   // Arabic word that carried the article ال
}  // namespace token_flag

// One reading of a text word: its key in TokenStream::keys and the flags
// that reading implies (kDefinite when it took off an article).
struct KeyVariant {
  std::uint32_t key_offset = 0;
  std::uint32_t key_size = 0;
  std::uint16_t flags = 0;
};

struct Token {
  std::uint32_t begin = 0;  // original byte offsets of the whole surface word
  std::uint32_t end = 0;
  // The folded key, in TokenStream::keys: for a text word the most stripped
  // reading until Gazetteer::resolve picks the one its vocabulary knows.
  std::uint32_t key_offset = 0;
  std::uint32_t key_size = 0;
  // The word's readings, least stripped first: TokenStream::variants
  // [variant_begin, variant_begin + variant_count); none for a name word or a
  // word with one reading.
  std::uint32_t variant_begin = 0;
  std::uint16_t variant_count = 0;
  std::uint16_t flags = 0;
};

struct TokenStream {
  std::string keys;
  std::vector<Token> tokens;
  std::vector<KeyVariant> variants;
  std::string_view key(const Token& t) const { return {keys.data() + t.key_offset, t.key_size}; }
  std::string_view key(const KeyVariant& v) const {
    return {keys.data() + v.key_offset, v.key_size};
  }
  void clear() {
    keys.clear();
    tokens.clear();
    variants.clear();
  }
};

namespace detail {
class NormaliserState;
}

// Not thread-safe (it owns scratch buffers): one per thread.
class Normaliser {
 public:
  Normaliser();
  ~Normaliser();
  Normaliser(const Normaliser&) = delete;
  Normaliser& operator=(const Normaliser&) = delete;

  // Tokenises `text` (valid UTF-8) as running text: Arabic and Russian words
  // get their key variants. Bytes inside `skip` (sorted, disjoint: page
  // headers and footers) yield no tokens; a token starting at or after an
  // offset in `breaks` (sorted: paragraph and cell starts) gets
  // kBreakBefore. Offsets are relative to `text`.
  void tokenise(std::string_view text, const std::vector<Span>& skip,
                const std::vector<std::uint32_t>& breaks, TokenStream& out);

  // Tokenises a name (a lexicon form, a cue phrase): one key per word, the
  // base form a text word's variants are matched against.
  void tokenise_name(std::string_view name, TokenStream& out);

  // The folded keys of a name, as tokenise_name() produces them.
  std::vector<std::string> keys_of(std::string_view name);

 private:
  void tokenise(std::string_view text, const std::vector<Span>& skip,
                const std::vector<std::uint32_t>& breaks, bool name, TokenStream& out);
  std::unique_ptr<detail::NormaliserState> state_;
};

// The readings of one Russian word (folded, lower case, ё as е) as the keys
// they give, least stripped first: the word itself, then the word without
// each noun or adjective case ending it may carry, longest ending last. A
// stem left ending in a vowel gets й back, the glide the ending's letter
// spelled (Китая = китай + а → "китай", Нигерии → "нигерий"), so the six
// cases of a name share one key. Endings starting with и are adjectival only
// after к г х ж ш щ ч (Африканский); elsewhere и belongs to the stem
// (Нигерия, Наций, Управление). A stem keeps at least three letters.
std::vector<std::string> russian_key_variants(std::string_view word);

// What an Arabic name word's key leaves when leading proclitics (و ف ب ك ل,
// no article) are taken off, least stripped first, at least three letters
// each; views into `key`. Used to key «وتهريب» as تهريب where both are
// name words.
std::vector<std::string_view> arabic_proclitic_remainders(std::string_view key);

// A name folded as the matcher folds it: its token keys joined by single
// spaces ("the" dropped at the start). For name lookups outside the matcher.
std::string fold_name(std::string_view name);

}  // namespace crimekg

#endif  // CRIMEKG_EXTRACTORS_NORMALISE_H_
