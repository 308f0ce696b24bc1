// What the pipeline knows about one document as it goes: structure, tokens,
// mentions, trigger hits, and the nodes and edges found so far. Each stage
// (recognise, references, symbols, relate) reads and adds to it.
#ifndef CRIMEKG_EXTRACTORS_ANALYSIS_H_
#define CRIMEKG_EXTRACTORS_ANALYSIS_H_

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "extractors/document.h"
#include "extractors/gazetteer.h"
#include "extractors/normalise.h"
#include "extractors/segment.h"
#include "graph/fragment.h"

namespace crimekg {

enum class MentionKind : std::uint8_t {
  kName,       // a full official name or listed variant
  kAlias,      // an acronym
  kShortForm,  // "the Office", resolved to the entity named in full before
  kGuarded,    // a name that is also a common word, confirmed by context
  kNested,     // a State or instrument named inside a longer name ("... Region of China")
  kReference,  // a resolution or decision reference
  kSymbol,     // a document symbol
  kMeeting,    // a numbered session or a meeting title
};

struct Mention {
  Span span;
  std::string id;
  NodeType type = NodeType::kBody;
  MentionKind kind = MentionKind::kName;
  std::size_t entry = static_cast<std::size_t>(-1);  // lexicon entry, if any
  double confidence = 1.0;
  int paragraph = -1;
};

enum class TriggerKind : std::uint8_t {
  kResolution,
  kDecision,
  kResolutionPossessive,
  kDecisionPossessive,
  kSession,
  kSessionPossessive,
  kOrdinal,
  kSymbolSeries,
  kRelationCue,
  kMeetingHead,  // a meeting head noun (cues "meetings"); value: meeting_head bits
                 // (meeting_recognizer.h)
  kMeetingHeld,  // a held cue: "held", "convened", «المعقودة» (cues "meetings.held_cues")
};

struct TriggerHit {
  TriggerKind kind;
  int value = 0;         // the ordinal's number; the relation cue's index
  std::string language;  // of the cue file the trigger came from
  std::size_t first_unit = 0, last_unit = 0;
  Span span;
};

struct DocumentAnalysis {
  const Document* document = nullptr;
  std::string id;        // the Document node's id
  std::string language;  // detected or forced
  // Per paragraph (by index): the language of a paragraph written in another
  // script than the document (an English paragraph in an Arabic report), or
  // "" where it is the document's.
  std::vector<std::string> paragraph_languages;
  Segmentation segments;
  TokenStream tokens;
  std::vector<Unit> units;
  std::vector<Mention> mentions;  // sorted by span.begin once recognition is done
  std::vector<TriggerHit> triggers;
  // Nodes not from the lexicon (resolutions, documents, meetings), by id.
  std::map<std::string, NodeData> extra_nodes;
  std::vector<EdgeRecord> edges;
  // The body the document is issued by or reports on (its header), if known.
  std::string header_body;
  // The id of the Meeting the document reports on (its title or header
  // meeting), set by the meeting recognizer when the document is the report
  // of a meeting; empty otherwise. Relation extractors attach participation
  // ("Statements were made by ...") to it.
  std::string report_meeting;
  // Sentences of paragraphs, computed on demand.
  std::map<int, std::vector<Span>> sentences;

  std::string_view text() const { return document->text; }
  // The language of the paragraph holding offset.
  const std::string& language_at(std::uint32_t offset) const {
    const int p = segments.paragraph_at(offset);
    if (p >= 0 && static_cast<std::size_t>(p) < paragraph_languages.size() &&
        !paragraph_languages[p].empty())
      return paragraph_languages[p];
    return language;
  }
  // The folded keys of the tokens inside `span`, joined by single spaces: what
  // fold_name() would give for the slice, without normalising it again.
  std::string folded(Span span) const {
    std::string out;
    auto it =
        std::lower_bound(tokens.tokens.begin(), tokens.tokens.end(), span.begin,
                         [](const Token& t, std::uint32_t offset) { return t.begin < offset; });
    for (; it != tokens.tokens.end() && it->end <= span.end; ++it) {
      if (!out.empty()) out += ' ';
      out += tokens.key(*it);
    }
    return out;
  }
  std::string_view slice(Span s) const { return text().substr(s.begin, s.size()); }
};

}  // namespace crimekg

#endif  // CRIMEKG_EXTRACTORS_ANALYSIS_H_
