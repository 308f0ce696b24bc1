// Normalisation and tokenisation: the one pass over a document's text that
// turns it into word tokens with folded keys and exact byte offsets into the
// original bytes.
//
// Folding: ICU NFKC_Casefold (normalizeUTF8 with Edits, so every folded byte
// maps back to the original), then per code point: Latin diacritics removed,
// Arabic harakat, superscript alef and tatweel removed, alef forms, alef
// maqsura, ta marbuta, waw/ya hamza folded, Persian/Arabic-Indic digits to
// ASCII. Tokens are runs of letters or of digits; every Han ideograph is a
// token of its own (Chinese has no spaces). Arabic tokens lose their
// proclitics (و ف, then ب ك ل, لل → ال) and Russian tokens are stemmed, the
// same way in lexicons and in text, so matching needs no morphology tables.
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
inline constexpr std::uint16_t kBreakBefore = 1;     // sentence, cell or paragraph boundary before
inline constexpr std::uint16_t kAllUpper = 2;        // no lower-case letter in the original
inline constexpr std::uint16_t kCapitalized = 4;     // first letter upper case in the original
inline constexpr std::uint16_t kHyphenBreak = 8;     // ends in "-" at a line break ("traffick-\ning")
inline constexpr std::uint16_t kDigits = 16;         // a run of digits
inline constexpr std::uint16_t kArabic = 32;         // Arabic script
inline constexpr std::uint16_t kHan = 64;            // one Han ideograph
inline constexpr std::uint16_t kCyrillic = 128;      // Cyrillic script
inline constexpr std::uint16_t kDefinite = 256;      // Arabic word that carried the article ال
}  // namespace token_flag

struct Token {
  std::uint32_t begin = 0;  // original byte offsets of the whole surface word
  std::uint32_t end = 0;
  std::uint32_t key_offset = 0;  // the folded key, in TokenStream::keys
  std::uint32_t key_size = 0;
  std::uint16_t flags = 0;
};

struct TokenStream {
  std::string keys;
  std::vector<Token> tokens;
  std::string_view key(const Token& t) const { return {keys.data() + t.key_offset, t.key_size}; }
  void clear() {
    keys.clear();
    tokens.clear();
  }
};

namespace detail {
class NormaliserState;
}

// Not thread-safe (it owns a stemmer and scratch buffers): one per thread.
class Normaliser {
 public:
  Normaliser();
  ~Normaliser();
  Normaliser(const Normaliser&) = delete;
  Normaliser& operator=(const Normaliser&) = delete;

  // Tokenises `text` (valid UTF-8). Bytes inside `skip` (sorted, disjoint:
  // page headers and footers) yield no tokens; a token starting at or after
  // an offset in `breaks` (sorted: paragraph and cell starts) gets
  // kBreakBefore. Offsets are relative to `text`.
  void tokenise(std::string_view text, const std::vector<Span>& skip,
                const std::vector<std::uint32_t>& breaks, TokenStream& out);

  // The folded keys of a name, as tokenise() would produce them.
  std::vector<std::string> keys_of(std::string_view name);

 private:
  std::unique_ptr<detail::NormaliserState> state_;
};

// A name folded as the matcher folds it: its token keys joined by single
// spaces ("the" dropped at the start). For name lookups outside the matcher.
std::string fold_name(std::string_view name);

}  // namespace crimekg

#endif  // CRIMEKG_EXTRACTORS_NORMALISE_H_
