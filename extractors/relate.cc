#include "extractors/relate.h"

#include <algorithm>
#include <set>

#include "extractors/reference_recognizer.h"
#include "extractors/segment.h"

namespace crimekg {

void RelationExtractor::relate(DocumentAnalysis& a, SentenceSplitter& sentences) const {
  relate_from_lexicon(a, sentences);
  relate_from_cues(a, sentences);
  relate_cooccurrence(a);
}

void RelationExtractor::relate_from_lexicon(DocumentAnalysis& a, SentenceSplitter& splitter) const {
  const auto& entries = knowledge_.lexicon().entries();
  std::set<std::tuple<std::string, std::string, std::string, std::uint32_t>> emitted;
  auto emit = [&](const std::string& source, std::string_view predicate, const std::string& target,
                  Span sentence, const char* extractor, double confidence) {
    if (source == target) return;
    if (!emitted.insert({source, std::string(predicate), target, sentence.begin}).second) return;
    EdgeRecord edge;
    edge.source = source;
    edge.target = target;
    edge.predicate = std::string(predicate);
    edge.evidence.push_back(make_evidence(a, sentence, extractor, confidence));
    a.edges.push_back(std::move(edge));
  };
  for (const auto& m : a.mentions) {
    if (m.entry == Lexicon::npos) continue;
    const auto& entry = entries[m.entry];
    const Span sentence = sentence_at(a, splitter, m.span.begin);
    // Crimes the entity's name states: the printed full name is the evidence.
    if (m.kind == MentionKind::kName) {
      for (const auto& crime : knowledge_.addresses_by_name(m.entry))
        emit(entry.id, predicate::kAddresses, crime, sentence, "lexicon-name", 0.9);
    }
    // Structural facts, where the sentence names both ends.
    auto in_sentence = [&](const std::string& id) {
      for (const auto& other : a.mentions) {
        if (other.span.begin >= sentence.end) break;
        if (other.span.begin >= sentence.begin && other.id == id) return true;
      }
      return false;
    };
    for (const auto& parent : entry.part_of)
      if (in_sentence(parent)) emit(entry.id, predicate::kPartOf, parent, sentence, "lexicon-cooccurrence", 0.8);
    for (const auto& runner : entry.run_by)
      if (in_sentence(runner)) emit(runner, predicate::kRuns, entry.id, sentence, "lexicon-cooccurrence", 0.8);
    for (const auto& instrument : entry.supports)
      if (in_sentence(instrument)) emit(entry.id, predicate::kSupports, instrument, sentence, "lexicon-cooccurrence", 0.7);
  }
}

void RelationExtractor::relate_from_cues(DocumentAnalysis&, SentenceSplitter&) const {}

void RelationExtractor::relate_cooccurrence(DocumentAnalysis& a) const {
  // mentions: Document -> everything it names, weight = count, every span as evidence.
  std::map<std::string, EdgeRecord> mentions;
  std::vector<std::string> order;
  for (const auto& m : a.mentions) {
    auto [it, inserted] = mentions.try_emplace(m.id);
    if (inserted) {
      it->second.source = a.id;
      it->second.target = m.id;
      it->second.predicate = std::string(predicate::kMentions);
      it->second.weight = 0;
      order.push_back(m.id);
    }
    it->second.weight += 1;
    it->second.evidence.push_back(make_evidence(a, m.span, "gazetteer", m.confidence));
  }
  for (const auto& id : order) a.edges.push_back(std::move(mentions[id]));

  // mentionedWith: pairs of distinct entities in one paragraph; weight = paragraphs.
  constexpr std::size_t kEvidencePerPair = 3;
  std::map<std::pair<std::string, std::string>, EdgeRecord> pairs;
  std::size_t i = 0;
  while (i < a.mentions.size()) {
    const int p = a.mentions[i].paragraph;
    std::set<std::string> ids;
    std::size_t j = i;
    for (; j < a.mentions.size() && a.mentions[j].paragraph == p; ++j) ids.insert(a.mentions[j].id);
    if (p >= 0 && ids.size() > 1) {
      const Span span = a.segments.paragraphs[p].span;
      for (auto x = ids.begin(); x != ids.end(); ++x) {
        for (auto y = std::next(x); y != ids.end(); ++y) {
          auto& edge = pairs[{*x, *y}];
          if (edge.source.empty()) {
            edge.source = *x;
            edge.target = *y;
            edge.predicate = std::string(predicate::kMentionedWith);
            edge.weight = 0;
          }
          edge.weight += 1;
          if (edge.evidence.size() < kEvidencePerPair)
            edge.evidence.push_back(make_evidence(a, span, "cooccurrence", 0.5));
        }
      }
    }
    i = j;
  }
  for (auto& [key, edge] : pairs) a.edges.push_back(std::move(edge));
}

}  // namespace crimekg
