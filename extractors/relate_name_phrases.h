// Lexicon names printed inside another name: the crime types a body's,
// programme's or meeting's name states ("Global Programme against
// Terrorism") and the instruments it embeds ("Conference of the Parties to
// the United Nations Convention against Transnational Organized Crime").
//
// Names are compared as fold_name() folds them (keys joined by single
// spaces), phrase by phrase at word boundaries. The index is built once per
// pipeline and only read afterwards, so threads share it; a lookup walks the
// words of the name and tries only the phrases that start with each word.
#ifndef CRIMEKG_EXTRACTORS_RELATE_NAME_PHRASES_H_
#define CRIMEKG_EXTRACTORS_RELATE_NAME_PHRASES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractors/gazetteer.h"
#include "extractors/recognise.h"

namespace crimekg {

// Whether `folded` holds `phrase` as whole words (both folded).
bool contains_phrase(std::string_view folded, std::string_view phrase) noexcept;

class NamePhraseIndex {
 public:
  explicit NamePhraseIndex(const Recognizer& knowledge);

  // Crime type ids the folded name states, sorted and unique: every crime
  // name printed outside the names of instruments it embeds (other than
  // `own_entry`, the entry the name belongs to); a crime printed inside a
  // longer crime's name ("terrorism" in "financing of terrorism") is that
  // longer crime only.
  std::vector<std::string> crimes_stated(std::string_view folded, std::size_t own_entry) const;
  // The crimes the canonical (English) label of a lexicon entry states,
  // computed once: what a name says does not depend on the language it is
  // printed in («Контртеррористический комитет» addresses terrorism too).
  const std::vector<std::string>& crimes_of_entry(std::size_t entry) const {
    return by_entry_[entry];
  }
  // Instrument ids whose names the folded name embeds, `own_entry` aside, in
  // lexicon order.
  std::vector<std::string> instruments_embedded(std::string_view folded,
                                                std::size_t own_entry) const;

 private:
  struct Phrase {
    std::string text;   // folded
    std::size_t entry;  // lexicon index
  };
  struct Hit {
    std::size_t entry;
    std::size_t begin, end;  // byte range in the folded name
  };
  // Phrases by their first word.
  using ByFirstWord =
      std::unordered_map<std::string, std::vector<std::uint32_t>, StringHash, std::equal_to<>>;

  void add(std::vector<Phrase>& phrases, ByFirstWord& index, std::string_view text,
           std::size_t entry);
  template <typename Visit>
  static void find(std::string_view folded, const std::vector<Phrase>& phrases,
                   const ByFirstWord& index, Visit&& visit);

  const Recognizer& knowledge_;
  std::vector<Phrase> crime_phrases_, instrument_phrases_;
  ByFirstWord crimes_by_word_, instruments_by_word_;
  std::vector<std::vector<std::string>> by_entry_;
};

}  // namespace crimekg

#endif  // CRIMEKG_EXTRACTORS_RELATE_NAME_PHRASES_H_
