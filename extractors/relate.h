// Relations between the entities a document mentions, each with the
// sentence that states it as evidence (RelateContext keeps one edge per
// source, predicate and target, with every piece of evidence):
//  - knowledge the lexicon holds (a programme's runner, a protocol's
//    convention, the crimes an entity's name states), emitted where the text
//    names both ends in one sentence, or, for crimes in a name, where the name
//    is printed;
//  - cue-phrase relations, one sub-extractor per family (relate_*.h), with
//    the cue phrases of data/cues/<lang>.json `relation_cues`;
//  - `mentions` from the Document node and paragraph-level `mentionedWith`,
//    kept apart from the typed predicates.
#ifndef CRIMEKG_EXTRACTORS_RELATE_H_
#define CRIMEKG_EXTRACTORS_RELATE_H_

#include "extractors/analysis.h"
#include "extractors/recognise.h"
#include "extractors/relate_name_phrases.h"

namespace crimekg {

class SentenceSplitter;
class RelateContext;

class RelationExtractor {
 public:
  explicit RelationExtractor(const Recognizer& knowledge)
      : knowledge_(knowledge), name_phrases_(knowledge) {}
  void relate(DocumentAnalysis& analysis, SentenceSplitter& sentences) const;

 private:
  void relate_from_lexicon(RelateContext& context) const;
  void relate_from_cues(RelateContext& context) const;
  void relate_cooccurrence(DocumentAnalysis& analysis) const;

  const Recognizer& knowledge_;
  NamePhraseIndex name_phrases_;
};

}  // namespace crimekg

#endif  // CRIMEKG_EXTRACTORS_RELATE_H_
