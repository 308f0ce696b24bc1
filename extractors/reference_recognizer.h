// Resolution and decision references ("General Assembly resolution 58/136",
// "resolutions 56/88 of 12 December 2001, 57/170 and 57/173", «قرار الجمعية
// العامة 181/76», "Security Council resolution 1373 (2001)", "in its
// resolution 11/1, the Commission") and numbered sessions ("twelfth session
// of the Conference", «دورته الثانية عشرة»). Runs only at the trigger words
// the gazetteer pass found; adds Resolution, Decision and Meeting mentions
// and `adopted` edges.
#ifndef CRIMEKG_EXTRACTORS_REFERENCE_RECOGNIZER_H_
#define CRIMEKG_EXTRACTORS_REFERENCE_RECOGNIZER_H_

#include "extractors/analysis.h"
#include "extractors/recognise.h"

namespace crimekg {

class SentenceSplitter;

class ReferenceRecognizer {
 public:
  explicit ReferenceRecognizer(const Recognizer& knowledge) : knowledge_(knowledge) {}
  void recognise(DocumentAnalysis& analysis, SentenceSplitter& sentences) const;

 private:
  const Recognizer& knowledge_;
};

// The sentence of `analysis` holding `offset` (its paragraph when the offset
// is in none), computing the paragraph's sentences on first use.
Span sentence_at(DocumentAnalysis& analysis, SentenceSplitter& splitter, std::uint32_t offset);

// An evidence item for text[span] of the analysed document.
Evidence make_evidence(const DocumentAnalysis& analysis, Span span, std::string extractor,
                       double confidence);

}  // namespace crimekg

#endif  // CRIMEKG_EXTRACTORS_REFERENCE_RECOGNIZER_H_
