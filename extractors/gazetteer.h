// A compiled multi-pattern matcher over normalised word tokens: an
// Aho-Corasick automaton whose alphabet is the vocabulary of the patterns.
// Compiled once from the lexicons and the cue files' trigger words,
// immutable afterwards and shared by all threads; the scan is noexcept,
// allocates nothing per match and reports (pattern id, first unit, last unit).
#ifndef CRIMEKG_EXTRACTORS_GAZETTEER_H_
#define CRIMEKG_EXTRACTORS_GAZETTEER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractors/normalise.h"
#include "graph/status.h"

namespace crimekg {

// A token of the text as the automaton sees it: its vocabulary id (0 when
// the word occurs in no pattern), its original bytes, its flags. Words split
// by a line-end hyphen or a stray space are joined here when the joined word
// is in the vocabulary.
struct Unit {
  std::uint32_t id = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint16_t flags = 0;
};

// Heterogeneous string hashing, so lookups by string_view allocate nothing.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};
using Vocabulary = std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>>;

// Case a pattern's word demands of the text.
enum class CaseRule : std::uint8_t { kAny, kAllUpper, kCapitalized, kDefinite };

class Gazetteer {
 public:
  using PatternId = std::uint32_t;

  class Builder {
   public:
    // Adds a pattern given as already folded keys (Normaliser::keys_of) with
    // one case rule per key. Returns its id; adding the same key sequence
    // again returns the same id.
    PatternId add(const std::vector<std::string>& keys, const std::vector<CaseRule>& cases);
    // Adds a word to the vocabulary only: a word other stages compare text
    // keys with (cue words), so that resolve() reads a text word as it.
    void add_word(std::string_view key);
    // Adds `key` as another spelling of the known word `same_as`: both get one
    // vocabulary id, so a pattern holding either matches a text holding either.
    void add_word_as(std::string_view key, std::string_view same_as);
    Gazetteer build() &&;

   private:
    friend class Gazetteer;
    std::uint32_t new_id(std::string_view key);
    Vocabulary vocabulary_;
    std::vector<std::string> spellings_;  // by id - 1: the first spelling of each word
    std::vector<std::vector<std::uint32_t>> patterns_;
    std::vector<std::vector<CaseRule>> cases_;
    std::unordered_map<std::string, PatternId> pattern_index_;
  };

  Gazetteer() = default;

  // Gives every text token that has key variants (Arabic proclitics,
  // Russian case endings) the first variant the vocabulary knows, least
  // stripped first, with that reading's flags (kDefinite); a token none of
  // whose variants is known keeps its most stripped key. The key becomes the
  // word's canonical spelling (add_word_as: «لمجلس» reads as مجلس), so that
  // stages comparing keys see one spelling per word. Run before encode() and
  // before any stage compares token keys.
  void resolve(TokenStream& tokens) const;

  // The canonical spelling of a known word (itself for a word added with
  // its own id), or `key` when the vocabulary does not know it.
  std::string_view canonical(std::string_view key) const noexcept;

  // Maps tokens to units, joining split words the vocabulary knows.
  void encode(const TokenStream& tokens, std::vector<Unit>& units, std::string& scratch) const;

  // Calls on_match(pattern, first, last) for every occurrence of every
  // pattern in units[first..last], in order of `last`. Matches never cross a
  // unit flagged kBreakBefore.
  template <typename OnMatch>
  void scan(const std::vector<Unit>& units, OnMatch&& on_match) const noexcept;

  // Whether the text's case at units[first..] satisfies the pattern's rules.
  bool case_matches(PatternId pattern, const Unit* first) const noexcept;

  std::size_t pattern_count() const { return pattern_lengths_.size(); }
  std::size_t state_count() const { return fail_.size(); }
  std::size_t pattern_length(PatternId p) const { return pattern_lengths_[p]; }

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  std::uint32_t next_state(std::uint32_t state, std::uint32_t token) const noexcept {
    if (state == 0) return token < root_.size() ? root_[token] : 0;
    auto it = goto_.find((static_cast<std::uint64_t>(state) << 32) | token);
    return it == goto_.end() ? kNone : it->second;
  }

  Vocabulary vocabulary_;
  std::vector<std::string> spellings_;                     // by id - 1
  std::vector<std::uint32_t> root_;                        // token -> state from the root (0: none)
  std::unordered_map<std::uint64_t, std::uint32_t> goto_;  // (state, token) -> state
  std::vector<std::uint32_t> fail_;
  std::vector<std::uint32_t> output_;     // pattern ending at this state, or kNone
  std::vector<std::uint32_t> dict_link_;  // nearest state on the fail chain with an output
  std::vector<std::uint16_t> pattern_lengths_;
  std::vector<std::vector<CaseRule>> pattern_cases_;
  std::vector<bool> pattern_has_case_rule_;
};

template <typename OnMatch>
void Gazetteer::scan(const std::vector<Unit>& units, OnMatch&& on_match) const noexcept {
  std::uint32_t state = 0;
  const std::size_t n = units.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Unit& u = units[i];
    if (u.flags & token_flag::kBreakBefore) state = 0;
    if (u.id == 0) {
      state = 0;
      continue;
    }
    std::uint32_t next = next_state(state, u.id);
    while (next == kNone) {
      state = fail_[state];
      next = next_state(state, u.id);
    }
    state = next;
    for (std::uint32_t s = output_[state] != kNone ? state : dict_link_[state]; s != kNone;
         s = dict_link_[s]) {
      const std::uint32_t pattern = output_[s];
      const std::size_t length = pattern_lengths_[pattern];
      on_match(pattern, i + 1 - length, i);
    }
  }
}

}  // namespace crimekg

#endif  // CRIMEKG_EXTRACTORS_GAZETTEER_H_
