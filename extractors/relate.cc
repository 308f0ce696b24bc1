#include "extractors/relate.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <unordered_map>

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
  RelateContext context(a, sentences, knowledge_, name_phrases_);
  relate_from_lexicon(context);
  relate_from_cues(context);
  context.flush();
  relate_cooccurrence(a);
}

void RelationExtractor::relate_from_lexicon(RelateContext& c) const {
  const auto& a = c.a;
  const auto& entries = knowledge_.lexicon().entries();
  // Mentions of the current sentence: consecutive mentions mostly share one.
  Span sentence_of_mentions{UINT32_MAX, 0};
  std::vector<const Mention*> sentence_mentions;
  for (const auto& m : a.mentions) {
    if (m.entry == Lexicon::npos) continue;
    const auto& entry = entries[m.entry];
    const bool stated = m.kind == MentionKind::kName ||
                        (m.kind == MentionKind::kAlias && m.type == NodeType::kInstrument);
    const bool structural =
        !entry.part_of.empty() || !entry.run_by.empty() || !entry.supports.empty();
    if (!stated && !structural) continue;
    const Span sentence = c.sentence(m.span.begin);
    // Crimes the entity's name states: the printed full name is the evidence.
    if (stated) {
      for (const auto& crime : c.crimes_named_by(m))
        c.emit(entry.id, predicate::kAddresses, crime, sentence, "lexicon-name", 0.9);
    }
    if (!structural) continue;
    if (sentence.begin != sentence_of_mentions.begin || sentence.end != sentence_of_mentions.end) {
      sentence_mentions = c.mentions_in(sentence);
      sentence_of_mentions = sentence;
    }
    // Structural facts, where the text names both ends: the other end close
    // by in the sentence (80 bytes), or inside this name («القوة البحرية التابعة للاتحاد
    // الأوروبي», "INTERPOL Stolen Works of Art Database").
    auto near = [&](const std::string& id) {
      for (const Mention* other : sentence_mentions) {
        if (other->id != id) continue;
        const std::uint32_t gap = other->span.begin >= m.span.end   ? other->span.begin - m.span.end
                                  : m.span.begin >= other->span.end ? m.span.begin - other->span.end
                                                                    : 0;
        if (gap <= 80) return true;
      }
      return false;
    };
    std::string surface;  // folded on first use
    auto inside_name = [&](const std::string& id) {
      if (m.kind != MentionKind::kName) return false;
      const std::size_t other = knowledge_.lexicon().index_of(id);
      if (other == Lexicon::npos) return false;
      if (surface.empty()) surface = a.folded(m.span);
      for (const auto* forms : {&knowledge_.folded_forms(other), &knowledge_.folded_aliases(other)})
        for (const auto& f : *forms)
          if (f.size() >= 3 && contains_phrase(surface, f)) return true;
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
  // Ids are interned once: `rank` orders them as strings, so pairs come out
  // in the order of their ids, whatever order the text names them in.
  std::unordered_map<std::string_view, std::uint32_t> intern;
  std::vector<std::string_view> ids;  // by first mention
  std::vector<std::uint32_t> of_mention(a.mentions.size());
  for (std::size_t k = 0; k < a.mentions.size(); ++k) {
    auto [it, inserted] =
        intern.try_emplace(a.mentions[k].id, static_cast<std::uint32_t>(ids.size()));
    if (inserted) ids.push_back(a.mentions[k].id);
    of_mention[k] = it->second;
  }
  std::vector<std::uint32_t> by_id(ids.size());
  for (std::uint32_t k = 0; k < by_id.size(); ++k) by_id[k] = k;
  std::sort(by_id.begin(), by_id.end(),
            [&](std::uint32_t x, std::uint32_t y) { return ids[x] < ids[y]; });
  std::vector<std::uint32_t> rank(ids.size());
  for (std::uint32_t r = 0; r < by_id.size(); ++r) rank[by_id[r]] = r;

  // mentions: Document -> everything it names, weight = count, every span as
  // evidence, in the order of first mention.
  std::vector<EdgeRecord> mentions(ids.size());
  for (std::size_t k = 0; k < a.mentions.size(); ++k) {
    EdgeRecord& edge = mentions[of_mention[k]];
    if (edge.source.empty()) {
      edge.source = a.id;
      edge.target = a.mentions[k].id;
      edge.predicate = std::string(predicate::kMentions);
      edge.weight = 0;
    }
    edge.weight += 1;
    edge.evidence.push_back(
        make_evidence(a, a.mentions[k].span, "gazetteer", a.mentions[k].confidence));
  }

  // mentionedWith: pairs of distinct entities in one paragraph; weight = the
  // paragraphs they share. One evidence item per pair, the first paragraph's
  // shortest stretch holding both (the whole paragraph per pair would make
  // the graph grow with the square of its paragraphs' lengths).
  struct PairEdge {
    std::uint32_t weight = 0;
    Span evidence;
  };
  std::unordered_map<std::uint64_t, PairEdge> pairs;  // (rank x << 32 | rank y), x < y
  std::vector<std::pair<std::uint32_t, Span>> spans;  // (rank, span) in a paragraph
  std::size_t i = 0;
  while (i < a.mentions.size()) {
    const int p = a.mentions[i].paragraph;
    std::size_t j = i;
    spans.clear();
    for (; j < a.mentions.size() && a.mentions[j].paragraph == p; ++j)
      spans.emplace_back(rank[of_mention[j]], a.mentions[j].span);
    i = j;
    if (p < 0) continue;
    std::stable_sort(spans.begin(), spans.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    // Groups of one id: [group_begin[g], group_begin[g + 1]).
    std::vector<std::size_t> group_begin;
    for (std::size_t k = 0; k < spans.size(); ++k)
      if (k == 0 || spans[k].first != spans[k - 1].first) group_begin.push_back(k);
    if (group_begin.size() < 2) continue;
    group_begin.push_back(spans.size());
    for (std::size_t gx = 0; gx + 1 < group_begin.size(); ++gx) {
      for (std::size_t gy = gx + 1; gy + 1 < group_begin.size(); ++gy) {
        const std::uint64_t key =
            (std::uint64_t{spans[group_begin[gx]].first} << 32) | spans[group_begin[gy]].first;
        PairEdge& edge = pairs[key];
        if (edge.weight++ > 0) continue;
        Span best{0, UINT32_MAX};
        for (std::size_t x = group_begin[gx]; x < group_begin[gx + 1]; ++x)
          for (std::size_t y = group_begin[gy]; y < group_begin[gy + 1]; ++y) {
            const Span both{std::min(spans[x].second.begin, spans[y].second.begin),
                            std::max(spans[x].second.end, spans[y].second.end)};
            if (both.size() < best.size()) best = both;
          }
        edge.evidence = best;
      }
    }
  }
  for (auto& edge : mentions) a.edges.push_back(std::move(edge));
  std::vector<std::uint64_t> keys;
  keys.reserve(pairs.size());
  for (const auto& [key, edge] : pairs) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  a.edges.reserve(a.edges.size() + keys.size());
  for (std::uint64_t key : keys) {
    const PairEdge& pair = pairs[key];
    EdgeRecord edge;
    edge.source = std::string(ids[by_id[key >> 32]]);
    edge.target = std::string(ids[by_id[key & 0xFFFFFFFFu]]);
    edge.predicate = std::string(predicate::kMentionedWith);
    edge.weight = pair.weight;
    edge.evidence.push_back(make_evidence(a, pair.evidence, "cooccurrence", 0.5));
    a.edges.push_back(std::move(edge));
  }
}

}  // namespace crimekg
