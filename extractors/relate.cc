#include "extractors/relate.h"

#include <algorithm>
#include <cstdint>
#include <set>

#include "extractors/normalise.h"
#include "extractors/reference_recognizer.h"
#include "extractors/relate_addresses.h"
#include "extractors/relate_assistance.h"
#include "extractors/relate_citation.h"
#include "extractors/relate_context.h"
#include "extractors/relate_cooperation.h"
#include "extractors/relate_participation.h"
#include "extractors/relate_structure.h"
#include "extractors/segment.h"

namespace crimekg {

void RelationExtractor::relate(DocumentAnalysis& a, SentenceSplitter& sentences) const {
  RelateContext context(a, sentences, knowledge_);
  relate_from_lexicon(context);
  relate_from_cues(context);
  context.flush();
  relate_cooccurrence(a);
}

void RelationExtractor::relate_from_lexicon(RelateContext& c) const {
  const auto& a = c.a;
  const auto& entries = knowledge_.lexicon().entries();
  for (const auto& m : a.mentions) {
    if (m.entry == Lexicon::npos) continue;
    const auto& entry = entries[m.entry];
    const Span sentence = c.sentence(m.span.begin);
    // Crimes the entity's name states: the printed full name is the evidence.
    if (m.kind == MentionKind::kName || (m.kind == MentionKind::kAlias && m.type == NodeType::kInstrument)) {
      for (const auto& crime : c.crimes_named_by(m))
        c.emit(entry.id, predicate::kAddresses, crime, sentence, "lexicon-name", 0.9);
    }
    // Structural facts, where the text names both ends: the other end close
    // by in the sentence (80 bytes), or inside this name («القوة البحرية التابعة للاتحاد
    // الأوروبي», "INTERPOL Stolen Works of Art Database").
    auto near = [&](const std::string& id) {
      for (const Mention* other : c.mentions_in(sentence)) {
        if (other->id != id) continue;
        const std::uint32_t gap = other->span.begin >= m.span.end ? other->span.begin - m.span.end
                                  : m.span.begin >= other->span.end ? m.span.begin - other->span.end
                                                                    : 0;
        if (gap <= 80) return true;
      }
      return false;
    };
    const std::string surface = " " + a.folded(m.span) + " ";
    auto inside_name = [&](const std::string& id) {
      if (m.kind != MentionKind::kName) return false;
      const std::size_t other = knowledge_.lexicon().index_of(id);
      if (other == Lexicon::npos) return false;
      for (const auto* forms : {&knowledge_.folded_forms(other), &knowledge_.folded_aliases(other)})
        for (const auto& f : *forms)
          if (f.size() >= 3 && surface.find(" " + f + " ") != std::string::npos) return true;
      return false;
    };
    for (const auto& parent : entry.part_of)
      if (near(parent) || inside_name(parent))
        c.emit(entry.id, predicate::kPartOf, parent, sentence, "lexicon-structure", 0.8);
    for (const auto& runner : entry.run_by)
      if (near(runner) || inside_name(runner))
        c.emit(runner, predicate::kRuns, entry.id, sentence, "lexicon-structure", 0.8);
    for (const auto& instrument : entry.supports)
      if (near(instrument))
        c.emit(entry.id, predicate::kSupports, instrument, sentence, "lexicon-cooccurrence", 0.7);
  }
}

void RelationExtractor::relate_from_cues(RelateContext& c) const {
  relate_citation(c);
  relate_addresses(c);
  relate_structure(c);
  relate_cooperation(c);
  relate_venues(c);
  relate_participation(c);
  relate_assistance(c);
  relate_funding(c);
}

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

  // mentionedWith: pairs of distinct entities in one paragraph; weight = the
  // paragraphs they share. One evidence item per pair, the first paragraph's
  // shortest stretch holding both (the whole paragraph per pair would make
  // the graph grow with the square of its paragraphs' lengths).
  std::map<std::pair<std::string, std::string>, EdgeRecord> pairs;
  std::size_t i = 0;
  while (i < a.mentions.size()) {
    const int p = a.mentions[i].paragraph;
    std::map<std::string, std::vector<Span>> spans;  // id -> its mentions in the paragraph
    std::size_t j = i;
    for (; j < a.mentions.size() && a.mentions[j].paragraph == p; ++j)
      spans[a.mentions[j].id].push_back(a.mentions[j].span);
    if (p >= 0 && spans.size() > 1) {
      for (auto x = spans.begin(); x != spans.end(); ++x) {
        for (auto y = std::next(x); y != spans.end(); ++y) {
          auto& edge = pairs[{x->first, y->first}];
          if (!edge.source.empty()) {
            edge.weight += 1;
            continue;
          }
          edge.weight = 1;
          edge.source = x->first;
          edge.target = y->first;
          edge.predicate = std::string(predicate::kMentionedWith);
          Span best{0, UINT32_MAX};
          for (const Span& sx : x->second)
            for (const Span& sy : y->second) {
              const Span both{std::min(sx.begin, sy.begin), std::max(sx.end, sy.end)};
              if (both.size() < best.size()) best = both;
            }
          edge.evidence.push_back(make_evidence(a, best, "cooccurrence", 0.5));
        }
      }
    }
    i = j;
  }
  for (auto& [key, edge] : pairs) a.edges.push_back(std::move(edge));
}

}  // namespace crimekg
