#include "extractors/relate_cooperation.h"

#include <set>

namespace crimekg {
namespace {

void both_ways(RelateContext& c, const std::string& x, const std::string& y, Span s,
               const char* extractor, double confidence) {
  if (x == y) return;
  c.emit(x, predicate::kCooperatesWith, y, s, extractor, confidence);
  c.emit(y, predicate::kCooperatesWith, x, s, extractor, confidence);
}

// Agents after `from` in the clause, without the bodies that only qualify
// the one before them ("of the Organization of American States").
std::vector<const Mention*> parties_after(RelateContext& c, const std::vector<const Mention*>& ms,
                                          std::uint32_t from, std::uint32_t to) {
  std::vector<const Mention*> out;
  const Mention* previous = nullptr;
  for (const Mention* m : ms) {
    if (m->span.begin < from || m->span.begin >= to) continue;
    if (!is_agent(*m)) {
      previous = m;
      continue;
    }
    bool qualifier = false;
    if (previous)
      for (const TriggerHit* of : c.cues_in({previous->span.end, m->span.begin}, cue_key::kOf))
        if (c.only_list_glue(previous->span.end, of->span.begin) &&
            c.only_punctuation(of->span.end, m->span.begin))
          qualifier = true;
    previous = m;
    if (!qualifier) out.push_back(m);
  }
  return out;
}

}  // namespace

void relate_cooperation(RelateContext& c) {
  const auto& ps = c.a.segments.paragraphs;
  for (std::size_t p = 0; p < ps.size(); ++p) {
    if (ps[p].kind == BlockKind::kTableRow || c.unit_at(ps[p].span.begin)) continue;
    for (const Span s : c.sentences_of(static_cast<int>(p))) {
      // Who spoke at a meeting is participation, not cooperation.
      if (c.has_cue(s, cue_key::kParticipation)) continue;
      const auto ms = c.mentions_in(s);
      // "jointly with", "in cooperation with".
      for (const TriggerHit* cue : c.cues_in(s, cue_key::kCooperates)) {
        const auto parties = parties_after(c, ms, cue->span.end, c.clause_end(cue->span.end, s));
        if (parties.empty()) continue;
        // The actor: the sentence's first agent before the cue, else the body
        // the document is about ("in Costa Rica, jointly with ...").
        std::string left =
            c.sentence_actor({c.clause_begin(cue->span.begin, s), s.end}, cue->span.begin);
        if (left.empty()) left = c.main_actor();
        for (const Mention* m : parties)
          if (m->id != left && !c.is_issuer(m->id))
            both_ways(c, left, m->id, s, "cooperation", 0.6);
      }
      // «يتعاون المكتب مع الإنتربول ...»: a verb, its subject, then the partners.
      for (const TriggerHit* cue : c.cues_in(s, cue_key::kCooperatesVerb)) {
        auto parties = parties_after(c, ms, cue->span.end, c.clause_end(cue->span.end, s));
        if (parties.empty()) continue;
        std::string left;
        if (parties.front()->span.begin - cue->span.end <= 2) {
          left = parties.front()->id;
          parties.erase(parties.begin());
        } else {
          left = c.sentence_actor(s, cue->span.begin);
          if (left.empty()) left = c.main_actor();
        }
        for (const Mention* m : parties)
          if (m->id != left && !c.is_issuer(m->id))
            both_ways(c, left, m->id, s, "cooperation", 0.6);
      }
      // "cooperation between A and B".
      for (const TriggerHit* cue : c.cues_in(s, cue_key::kBetween)) {
        std::size_t first = ms.size();
        for (std::size_t i = 0; i < ms.size(); ++i)
          if (ms[i]->span.begin >= cue->span.end) {
            first = i;
            break;
          }
        if (first == ms.size() || !is_agent(*ms[first]) ||
            ms[first]->span.begin - cue->span.end > 30)
          continue;
        const auto listed = c.list_from(ms, first, is_agent);
        for (std::size_t x : listed)
          for (std::size_t y : listed)
            if (x < y) both_ways(c, ms[x]->id, ms[y]->id, s, "cooperation-between", 0.6);
      }
      // "a key partner ... of the Committee", "have joined staff of the Branch".
      for (const TriggerHit* cue : c.cues_in(s, cue_key::kPartner)) {
        const Mention* before = nullptr;
        const Mention* after = nullptr;
        for (const Mention* m : ms) {
          if (m->span.end <= cue->span.begin && is_agent(*m)) before = m;
          if (!after && m->span.begin >= cue->span.end && is_agent(*m)) after = m;
        }
        if (before && after && !c.is_issuer(before->id) && !c.is_issuer(after->id))
          both_ways(c, before->id, after->id, s, "cooperation-pair", 0.5);
      }
      // "UNODC, ISISC and the Monitoring Centre organized ...": a joint subject.
      if (!ms.empty() && is_agent(*ms[0]) && ms[0]->span.begin - s.begin <= 8 &&
          !c.in_footnote(s.begin)) {
        const auto listed = c.list_from(ms, 0, is_agent);
        if (listed.size() >= 2) {
          // Only when the list is the subject: a verb follows, not more of a name.
          for (std::size_t x : listed)
            for (std::size_t y : listed)
              if (x < y && !c.is_issuer(ms[x]->id) && !c.is_issuer(ms[y]->id))
                both_ways(c, ms[x]->id, ms[y]->id, s, "cooperation-subjects", 0.4);
        }
      }
    }
  }
}

void relate_venues(RelateContext& c) {
  const auto& ps = c.a.segments.paragraphs;
  for (std::size_t p = 0; p < ps.size(); ++p) {
    if (ps[p].kind == BlockKind::kTableRow) continue;
    for (const Span s : c.sentences_of(static_cast<int>(p))) {
      const auto cues = c.cues_in(s, cue_key::kHeldIn);
      if (cues.empty()) continue;
      const auto ms = c.mentions_in(s);
      for (const TriggerHit* cue : cues) {
        const Mention* place = nullptr;
        for (const Mention* m : ms)
          if (m->span.begin >= cue->span.end) {
            if (m->type == NodeType::kPlace && m->span.begin - cue->span.end <= 24) place = m;
            if (m->type == NodeType::kPlace || m->type == NodeType::kState ||
                m->type == NodeType::kMeeting)
              break;
          }
        if (!place) continue;
        std::string meeting;
        for (const Mention* m : ms)
          if (m->span.end <= cue->span.begin && m->type == NodeType::kMeeting) meeting = m->id;
        if (meeting.empty() && !c.unit_at(s.begin)) meeting = c.a.report_meeting;
        if (meeting.empty()) continue;
        // The meeting recogniser may have read this sentence already: one
        // piece of evidence per sentence, or the weight would count it twice.
        bool known = false;
        for (const auto& e : c.a.edges)
          if (e.predicate == predicate::kHeldIn && e.source == meeting && e.target == place->id)
            for (const auto& ev : e.evidence) known |= ev.start < s.end && ev.end > s.begin;
        if (!known) c.emit(meeting, predicate::kHeldIn, place->id, s, "venue", 0.7);
      }
    }
  }
}

}  // namespace crimekg
