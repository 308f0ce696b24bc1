// The extraction pipeline of one document: document -> segment -> normalise
// -> recognise (entities, references, symbols) -> relate -> GraphFragment.
// A Pipeline is immutable and shared by threads; each thread brings its own
// Workspace. Documents are extracted independently of each other.
#ifndef CRIMEKG_EXTRACTORS_PIPELINE_H_
#define CRIMEKG_EXTRACTORS_PIPELINE_H_

#include <memory>
#include <string>

#include "extractors/document.h"
#include "extractors/normalise.h"
#include "extractors/recognise.h"
#include "extractors/segment.h"
#include "graph/fragment.h"
#include "graph/status.h"

namespace crimekg {

struct ExtractOptions {
  std::string language;  // forced language code; empty: detect per document
};

// Per-thread scratch: tokeniser and sentence splitter state.
struct Workspace {
  Normaliser normaliser;
  SentenceSplitter sentences;
};

struct DocumentAnalysis;
class RelationExtractor;

class Pipeline {
 public:
  // Loads and compiles data/ (lexicons and cues); nullptr and every problem
  // in `status` when it does not load.
  static std::unique_ptr<Pipeline> create(const std::string& data_folder, Status& status);
  static std::string default_data_folder();

  GraphFragment extract(const Document& document, const ExtractOptions& options,
                        Workspace& workspace) const;
  // The same, keeping the analysis (mentions, segments) for inspection and tests.
  GraphFragment extract(const Document& document, const ExtractOptions& options,
                        Workspace& workspace, DocumentAnalysis& analysis) const;

  const Recognizer& recognizer() const { return *recognizer_; }
  ~Pipeline();

 private:
  std::unique_ptr<Recognizer> recognizer_;
  // Built once from the recognizer's lexicon, shared by every document.
  std::unique_ptr<RelationExtractor> relations_;
};

}  // namespace crimekg

#endif  // CRIMEKG_EXTRACTORS_PIPELINE_H_
