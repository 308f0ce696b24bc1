#include "extractors/relate_assistance.h"

#include <algorithm>
#include <cctype>

namespace crimekg {

void relate_assistance(RelateContext& c) {
  const auto& ps = c.a.segments.paragraphs;
  for (std::size_t p = 0; p < ps.size(); ++p) {
    const auto& par = ps[p];
    if (par.kind == BlockKind::kTableRow || par.kind == BlockKind::kFootnote) continue;
    if (c.unit_at(par.span.begin) || c.in_footnote(par.span.begin)) continue;
    std::string paragraph_actor;
    for (const Span s : c.sentences_of(static_cast<int>(p))) {
      if (paragraph_actor.empty()) paragraph_actor = c.sentence_actor(s);  // the paragraph's topic
      const auto cues = c.cues_in(s, cue_key::kAssisted);
      if (cues.empty() || c.has_cue(s, cue_key::kParticipation)) continue;
      // The helper: an agent before the cue, or right after a cue verb
      // («ودعم المكتب ...»); not one the help goes to ("support to a new
      // network"), nor one it comes from later in the sentence ("assistance
      // from the Office": the paragraph's actor).
      std::string own = c.sentence_actor(s, cues.front()->span.begin);
      if (own.empty()) {
        for (const Mention* m : c.mentions_in({cues.front()->span.end, s.end})) {
          if (is_agent(*m) && m->span.begin - cues.front()->span.end <= 2 && !c.is_issuer(m->id))
            own = m->id;
          break;
        }
      }
      std::string actor = own.empty() ? paragraph_actor : own;
      if (actor.empty()) actor = c.main_actor();
      if (actor.empty()) continue;
      for (const Mention* m : c.mentions_in(s)) {
        if (m->type != NodeType::kState) continue;
        // "funded by Denmark": a donor, not a beneficiary.
        if (c.cue_before(m->span.begin, cue_key::kFunded, 40)) continue;
        c.emit(actor, predicate::kAssisted, m->id, s, "assistance", 0.6);
      }
      for (const Span note : c.footnotes_in(s))
        for (const Mention* m : c.mentions_in(note))
          if (m->type == NodeType::kState)
            c.emit(actor, predicate::kAssisted, m->id, s, "assistance-footnote", 0.7);
    }
  }
}

void relate_funding(RelateContext& c) {
  const auto& ps = c.a.segments.paragraphs;
  // Donor tables.
  std::string fund;
  int since_caption = 1000;
  for (std::size_t p = 0; p < ps.size(); ++p) {
    const auto& par = ps[p];
    if (par.kind != BlockKind::kTableRow) {
      ++since_caption;
      if (c.has_cue(par.span, cue_key::kDonors)) {
        // The fund: the first programme or body after the cue, else the paragraph's actor.
        const auto cue = c.cues_in(par.span, cue_key::kDonors).front();
        fund.clear();
        for (const Mention* m : c.mentions_in({cue->span.end, par.span.end}))
          if (is_agent(*m)) {
            fund = m->id;
            break;
          }
        if (fund.empty()) fund = c.sentence_actor(par.span);
        since_caption = 0;
      }
      continue;
    }
    if (fund.empty() || since_caption > 2) continue;
    const auto row = c.slice(par.span);
    const auto tab = row.find('\t');
    if (tab == std::string_view::npos) continue;
    const auto rest = row.substr(tab + 1);
    if (std::none_of(rest.begin(), rest.end(),
                     [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }))
      continue;
    for (const Mention* m :
         c.mentions_in({par.span.begin, par.span.begin + static_cast<std::uint32_t>(tab)}))
      if (m->type == NodeType::kState)
        c.emit(fund, predicate::kFundedBy, m->id, par.span, "funding-table", 0.8);
  }

  // "funded by Norway", «الذي تموله مبادرة النرويج».
  for (std::size_t p = 0; p < ps.size(); ++p) {
    if (ps[p].kind == BlockKind::kTableRow || c.unit_at(ps[p].span.begin)) continue;
    for (const Span s : c.sentences_of(static_cast<int>(p))) {
      for (const TriggerHit* cue : c.cues_in(s, cue_key::kFunded)) {
        const auto ms = c.mentions_in(s);
        std::string source;
        for (const Mention* m : ms)
          if (m->span.end <= cue->span.begin && is_agent(*m) && !c.is_issuer(m->id)) source = m->id;
        if (source.empty()) continue;
        const std::uint32_t end = c.clause_end(cue->span.end, s);
        for (const Mention* m : ms)
          if (m->type == NodeType::kState && m->span.begin >= cue->span.end &&
              m->span.begin < end && m->span.begin - cue->span.end <= 80)
            c.emit(source, predicate::kFundedBy, m->id, s, "funding", 0.6);
      }
    }
  }
}

}  // namespace crimekg
