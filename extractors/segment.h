// Document structure: page furniture to ignore, paragraphs with their UN
// numbering, footnotes, table rows; sentences on demand. Every span is a byte
// range of the original file.
#ifndef CRIMEKG_EXTRACTORS_SEGMENT_H_
#define CRIMEKG_EXTRACTORS_SEGMENT_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/normalise.h"

namespace crimekg {

enum class BlockKind { kParagraph, kHeading, kListItem, kFootnote, kTableRow };

struct Paragraph {
  Span span;          // trimmed; may run across page breaks and furniture
  std::string label;  // "12", "18 (c)", "II", "line 40"
  BlockKind kind = BlockKind::kParagraph;
  std::uint32_t line = 0;  // 1-based line where it starts
};

struct Footnote {
  std::string marker;  // "3", "*"
  Span span;           // the footnote's text after the marker
};

struct Segmentation {
  std::vector<Span> furniture;        // running headers/footers, page numbers, job numbers
  std::vector<Paragraph> paragraphs;  // in text order
  std::vector<std::uint32_t> breaks;  // offsets where a paragraph or row starts
  std::map<std::string, Footnote> footnotes;
  std::string symbol;  // the document's own symbol, when its header prints one

  // Index of the paragraph holding `offset`, or -1.
  int paragraph_at(std::uint32_t offset) const;
};

Segmentation segment(std::string_view text);

namespace detail {
class SentenceSplitterState;
}

// Sentence boundaries with ICU's BreakIterator (with the CLDR abbreviation
// suppressions: "No.", "e.g."). Line breaks inside a paragraph do not end a
// sentence. One per thread.
class SentenceSplitter {
 public:
  SentenceSplitter();
  ~SentenceSplitter();
  // Sentences of text[span], trimmed, as spans of `text`.
  std::vector<Span> split(std::string_view text, Span span, std::string_view language);

 private:
  std::unique_ptr<detail::SentenceSplitterState> state_;
};

// Trims ASCII and Unicode white space from both ends of text[span].
Span trim_span(std::string_view text, Span span);

}  // namespace crimekg

#endif  // CRIMEKG_EXTRACTORS_SEGMENT_H_
