// Recognition: the compiled knowledge (lexicons + cue files -> one
// gazetteer) and the entity pass over a document: one automaton scan finds
// lexicon names and the trigger words of every rule; longest matches win;
// short forms and guarded names are resolved against what the document has
// named in full.
#ifndef CRIMEKG_EXTRACTORS_RECOGNISE_H_
#define CRIMEKG_EXTRACTORS_RECOGNISE_H_

#include <memory>
#include <string>
#include <vector>

#include "extractors/analysis.h"
#include "extractors/cues.h"
#include "extractors/gazetteer.h"
#include "extractors/lexicon.h"

namespace crimekg {

// What a gazetteer pattern stands for; several payloads may share a pattern.
struct PatternPayload {
  enum class Kind : std::uint8_t {
    kName,
    kAlias,
    kShortForm,
    kDefaultShortForm,
    kGuarded,
    kTrigger
  };
  Kind kind;
  std::uint32_t target;  // lexicon entry index, or trigger index
};

struct TriggerInfo {
  TriggerKind kind;
  int value = 0;
  std::string language;
};

// A relation cue phrase from a cue file, as triggers refer to it.
struct RelationCue {
  std::string predicate;  // the key under relation_cues
  std::string language;
  std::string phrase;
};

class Recognizer {
 public:
  // Loads data/lexicon and data/cues under `data_folder` and compiles them.
  // Returns nullptr with every problem in `status` when they do not load.
  static std::unique_ptr<Recognizer> create(const std::string& data_folder, Status& status);
  // From already loaded knowledge (tests).
  static std::unique_ptr<Recognizer> compile(Lexicon lexicon, Cues cues, Status& status);

  // Tokens -> units -> one scan -> mentions and trigger hits (sorted).
  // Detects the language unless analysis.language is set.
  void recognise(DocumentAnalysis& analysis, Normaliser& normaliser) const;

  const Lexicon& lexicon() const { return lexicon_; }
  const Cues& cues() const { return cues_; }
  const Gazetteer& gazetteer() const { return gazetteer_; }
  const std::vector<RelationCue>& relation_cues() const { return relation_cues_; }
  // Crime types an entry's own names state ("Global Programme against
  // Terrorism" -> crime:terrorism), plus its lexicon `addresses`.
  const std::vector<std::string>& addresses_by_name(std::size_t entry) const {
    return addresses_by_name_[entry];
  }
  // An entry's English label, its names (label, labels, names) and its
  // aliases, folded as fold_name() folds them; computed once at compile time
  // so the per-document stages never re-normalise lexicon text.
  const std::string& folded_label(std::size_t entry) const { return folded_labels_[entry]; }
  const std::vector<std::string>& folded_forms(std::size_t entry) const {
    return folded_forms_[entry];
  }
  const std::vector<std::string>& folded_aliases(std::size_t entry) const {
    return folded_aliases_[entry];
  }

 private:
  Recognizer() = default;
  void detect_language(DocumentAnalysis& analysis) const;
  // The language of the tokens [first, last): script first, then frequent
  // words among Latin-script languages; `letters` gets the number of tokens
  // that voted.
  std::string language_of(const DocumentAnalysis& analysis, std::size_t first, std::size_t last,
                          std::size_t& letters) const;
  // Paragraphs written in another script than the document get their own
  // language (DocumentAnalysis::paragraph_languages).
  void detect_paragraph_languages(DocumentAnalysis& analysis) const;

  Lexicon lexicon_;
  Cues cues_;
  Gazetteer gazetteer_;
  std::vector<std::vector<PatternPayload>> payloads_;  // by pattern id
  std::vector<TriggerInfo> triggers_;
  std::vector<RelationCue> relation_cues_;
  std::vector<std::vector<std::string>> addresses_by_name_;
  std::vector<std::string> folded_labels_;
  std::vector<std::vector<std::string>> folded_forms_;
  std::vector<std::vector<std::string>> folded_aliases_;
  // Folded frequent words per Latin-script language, for detection.
  std::vector<std::pair<std::string, std::vector<std::string>>> frequent_words_;
};

}  // namespace crimekg

#endif  // CRIMEKG_EXTRACTORS_RECOGNISE_H_
