// Shared state of the relation extractors of one document: the analysis,
// sentence lookup, relation cue hits by key, mention lookup by span, list
// and clause helpers, footnote binding, the document's embedded resolution
// and decision texts ("units"), and the edge sink that keeps one edge per
// (source, predicate, target) with every piece of evidence.
//
// Relation cues come from data/cues/<lang>.json `relation_cues`: a key is a
// predicate ("cooperatesWith") or a predicate and a role ("addresses.after",
// "cites.title"); the phrases are compiled into the gazetteer as
// TriggerKind::kRelationCue hits, so nothing here scans the whole text.
#ifndef CRIMEKG_EXTRACTORS_RELATE_CONTEXT_H_
#define CRIMEKG_EXTRACTORS_RELATE_CONTEXT_H_

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "extractors/analysis.h"
#include "extractors/recognise.h"
#include "extractors/relate_name_phrases.h"

namespace crimekg {

class SentenceSplitter;

// Cue keys: the predicate names of the ontology, plus these roles.
namespace cue_key {
inline constexpr std::string_view kAddresses = "addresses";             // "to combat" + crime
inline constexpr std::string_view kAddressesAfter = "addresses.after";  // crime + "prevention"
inline constexpr std::string_view kAgenda = "addresses.agenda";         // "agenda item"
inline constexpr std::string_view kRuns = "runs";                       // "launched", "run by"
inline constexpr std::string_view kRunsJoint = "runs.joint";            // "joint initiative of"
inline constexpr std::string_view kOf = "partOf";              // "of the", «التابع»
inline constexpr std::string_view kPrefix = "partOf.prefix";   // «ب» written on a parent's name
inline constexpr std::string_view kPossessive = "possessive";  // "its Global Programme"
inline constexpr std::string_view kCites = "cites";            // "pursuant to"
inline constexpr std::string_view kCitesArticle = "cites.article";  // "article", «المادة»
inline constexpr std::string_view kTitle = "cites.title";  // "entitled", «المعنون»
inline constexpr std::string_view kAnnex = "cites.annex";  // "annex", «المرفق»
inline constexpr std::string_view kParticipation = "participatedIn";  // "statements were made by"
inline constexpr std::string_view kNotParticipant = "participatedIn.except";  // "to the", «لدى»
inline constexpr std::string_view kHeldIn = "heldIn";  // "held in", «المعقودة في»
inline constexpr std::string_view kCooperates = "cooperatesWith";       // "jointly with"
inline constexpr std::string_view kBetween = "cooperatesWith.between";  // "cooperation between"
inline constexpr std::string_view kCooperatesVerb =
    "cooperatesWith.verb";  // «يتعاون» + subject + «مع»
inline constexpr std::string_view kPartner = "cooperatesWith.pair";  // "partner", "joined"
inline constexpr std::string_view kSupports = "supports";            // "implementation of"
inline constexpr std::string_view kFunded = "fundedBy";              // "funded by", «تموله»
inline constexpr std::string_view kDonors = "fundedBy.table";        // "contributions", "donor"
inline constexpr std::string_view kAssisted = "assisted";            // "assistance", «دعم»
inline constexpr std::string_view kList = "list";  // "and", "as well as", «كل من»
}  // namespace cue_key

// An embedded text the document adopts or reproduces: "Resolution 12/1"
// followed by its title, preamble, operative paragraphs and annexes.
struct TextUnit {
  std::string id;  // resolution:... or decision:...
  Span heading;    // the paragraph naming it
  Span span;       // heading to the next unit or chapter heading
  int first_paragraph = -1, last_paragraph = -1;
};

class RelateContext {
 public:
  RelateContext(DocumentAnalysis& analysis, SentenceSplitter& splitter, const Recognizer& knowledge,
                const NamePhraseIndex& name_phrases);

  DocumentAnalysis& a;
  SentenceSplitter& splitter;
  const Recognizer& knowledge;
  const NamePhraseIndex& name_phrases;

  std::string_view text() const { return a.text(); }
  std::string_view slice(Span s) const { return a.slice(s); }

  // Sentences of paragraph p (cached in the analysis).
  const std::vector<Span>& sentences_of(int paragraph);
  // The sentence holding offset.
  Span sentence(std::uint32_t offset);

  // Mentions starting inside span, in text order.
  std::vector<const Mention*> mentions_in(Span span) const;
  // Relation cue hits with this key, of the document's language, inside span
  // and not inside a name ("against" in "Global Programme against Terrorism").
  std::vector<const TriggerHit*> cues_in(Span span, std::string_view key) const;
  bool has_cue(Span span, std::string_view key) const { return !cues_in(span, key).empty(); }
  // The cue hit with this key ending closest before offset, at most
  // `max_gap` bytes before it with no clause punctuation between, or nullptr.
  const TriggerHit* cue_before(std::uint32_t offset, std::string_view key,
                               std::uint32_t max_gap) const;
  // The cue hit with this key starting right after offset (within max_gap).
  const TriggerHit* cue_after(std::uint32_t offset, std::string_view key,
                              std::uint32_t max_gap) const;
  const RelationCue& cue_of(const TriggerHit& hit) const {
    return knowledge.relation_cues()[hit.value];
  }

  // Mentions coordinated with mentions[i] in a list ("A, B and C", «أ وب وج»):
  // i and the following mentions of an accepted type joined only by
  // separators, list words, articles and parentheses. Returns indices.
  std::vector<std::size_t> list_from(const std::vector<const Mention*>& mentions, std::size_t i,
                                     const std::function<bool(const Mention&)>& accept) const;
  // Whether text[from, to) holds only separators, list words, articles,
  // parenthesised asides and footnote markers.
  bool only_list_glue(std::uint32_t from, std::uint32_t to) const;
  // Whether text[from, to) holds only white space, punctuation and footnote markers.
  bool only_punctuation(std::uint32_t from, std::uint32_t to) const;
  // Where the clause holding offset ends inside span (";", ":", a sentence end).
  std::uint32_t clause_end(std::uint32_t offset, Span sentence) const;
  std::uint32_t clause_begin(std::uint32_t offset, Span sentence) const;

  // Footnotes whose markers appear in span ("... 23 July 2004.³", «⁽¹⁷⁾»), as spans.
  std::vector<Span> footnotes_in(Span span) const;
  // Whether offset lies inside a footnote's text.
  bool in_footnote(std::uint32_t offset) const;

  // The embedded resolutions and decisions, and the one holding offset.
  const std::vector<TextUnit>& units() const { return units_; }
  const TextUnit* unit_at(std::uint32_t offset) const;

  // The meeting participation in this sentence is about: the meeting the
  // report covers, else, in a chapter about a body ("VI. Commission on
  // Crime Prevention and Criminal Justice"), the session of it the document
  // names; else none.
  std::string meeting_for(std::uint32_t offset) const;
  // Whether the document reports on a meeting it records statements of: it
  // names a meeting it covers and has sentences saying who spoke or attended.
  bool is_meeting_report() const;
  // The body or programme the document is mostly about (most mentioned,
  // issuers of resolutions aside), for sentences that name no actor.
  const std::string& main_actor() const { return main_actor_; }
  // The actor of a sentence (before `before`): its first programme or body
  // that issues no reference of the sentence and is not the document's own
  // body or a root of the hierarchy ("the United Nations"), else "" (none).
  std::string sentence_actor(Span sentence, std::uint32_t before = UINT32_MAX) const;

  bool is_issuer(const std::string& body_id) const;
  // Crime types a mention names: a CrimeType itself; the crimes the
  // canonical label of its lexicon entry states (the same in every
  // language); for a meeting outside the lexicon, the crimes its printed
  // name states; never inside the names of instruments a name embeds
  // ("Conference of the Parties to the Convention against Transnational
  // Organized Crime" is not about organized crime; "Global Programme against
  // Terrorism" is about terrorism).
  std::vector<std::string> crimes_named_by(const Mention& m) const;
  // Instruments whose names a body's or programme's printed name embeds
  // ("Mechanism for the Review of the Implementation of the Convention
  // against Transnational Organized Crime ...").
  std::vector<std::string> instruments_named_in(const Mention& m) const;
  // Agents the clause at `offset` is about: the list holding the agent named
  // nearest before offset in the sentence (none if there is none). With
  // `instruments`, an instrument can be that agent ("the Kyoto
  // Declaration, in which States committed to prevent and combat ...").
  std::vector<const Mention*> agents_near(const std::vector<const Mention*>& sentence_mentions,
                                          std::uint32_t offset, bool instruments = false) const;
  // Roots of the lexicon's hierarchy above a body the document names ("United
  // Nations" above UNODC): too general to be a sentence's actor.
  bool is_ancestor_of_named(const std::string& body_id) const {
    return ancestors_.count(body_id) > 0;
  }

  void emit(const std::string& source, std::string_view predicate, const std::string& target,
            Span evidence, std::string_view extractor, double confidence);
  // Moves the collected edges into the analysis, in first-emitted order.
  void flush();

 private:
  void find_units();
  void find_main_actor();
  bool heading_starts_chapter(const Paragraph& p) const;

  std::vector<TextUnit> units_;
  std::string main_actor_;
  std::set<std::string> ancestors_;
  mutable int meeting_report_ = -1;
  std::set<std::string> issuers_;
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> index_;
  std::vector<EdgeRecord> edges_;
  std::vector<std::vector<std::string>>
      list_words_;  // the document language's list words, lower case
};

// Type tests used by several extractors.
inline bool is_agent(const Mention& m) {
  return m.type == NodeType::kBody || m.type == NodeType::kProgramme;
}
inline bool is_reference(const Mention& m) {
  return m.type == NodeType::kResolution || m.type == NodeType::kDecision;
}
inline bool is_citable(const Mention& m) {
  return is_reference(m) || m.type == NodeType::kDocument || m.type == NodeType::kInstrument;
}

}  // namespace crimekg

#endif  // CRIMEKG_EXTRACTORS_RELATE_CONTEXT_H_
