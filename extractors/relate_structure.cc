#include "extractors/relate_structure.h"

#include <set>

#include "extractors/normalise.h"

namespace crimekg {
namespace {

// The "of" link between two adjacent mentions: X [(ALIAS)] of the Y.
const TriggerHit* of_link(const RelateContext& c, const Mention& x, const Mention& y) {
  if (y.span.begin <= x.span.end) return nullptr;
  for (const TriggerHit* of : c.cues_in({x.span.end, y.span.begin}, cue_key::kOf)) {
    if (c.only_list_glue(x.span.end, of->span.begin) &&
        c.only_punctuation(of->span.end, y.span.begin)) {
      // Glue before the link may be a parenthesised alias, not another list item.
      const auto gap = c.slice({x.span.end, of->span.begin});
      if (gap.find(" and ") != std::string_view::npos) continue;
      return of;
    }
  }
  return nullptr;
}

void part_of_and_runs(RelateContext& c, Span s) {
  const auto ms = c.mentions_in(s);
  for (std::size_t i = 0; i + 1 < ms.size(); ++i) {
    const Mention& x = *ms[i];
    const Mention& y = *ms[i + 1];
    if (!is_agent(x) && x.type != NodeType::kInstrument) continue;
    if (of_link(c, x, y)) {
      if (x.type == NodeType::kBody && y.type == NodeType::kBody) {
        c.emit(x.id, predicate::kPartOf, y.id, s, "structure-of", 0.7);
      } else if (x.type == NodeType::kProgramme && y.type == NodeType::kBody) {
        // "... of the Office and the World Customs Organization": every runner listed.
        for (std::size_t j :
             c.list_from(ms, i + 1, [](const Mention& m) { return m.type == NodeType::kBody; }))
          c.emit(ms[j]->id, predicate::kRuns, x.id, s, "structure-of", 0.7);
      } else if (x.type == NodeType::kInstrument && y.type == NodeType::kInstrument) {
        c.emit(x.id, predicate::kPartOf, y.id, s, "structure-of", 0.7);
      }
      continue;
    }
    // "the Council of the European Union Working Party on Terrorism": a body
    // named right before another, nothing between, qualifies it.
    const auto y_text = c.slice(y.span);
    if (x.type == NodeType::kBody && y.type == NodeType::kBody &&
        x.kind != MentionKind::kShortForm && y.span.begin > x.span.end &&
        c.slice({x.span.end, y.span.begin}).find_first_not_of(" ") == std::string_view::npos &&
        !y_text.empty() && y_text[0] >= 'A' && y_text[0] <= 'Z')
      c.emit(y.id, predicate::kPartOf, x.id, s, "structure-adjacent", 0.5);
  }
  // «مدير الوحدة المتخصصة ...، بمكتب المدعي العام»: a body, then (after a
  // comma, or right after it) a body written with a locative proclitic.
  for (std::size_t i = 1; i < ms.size(); ++i) {
    const Mention& y = *ms[i];
    if (y.type != NodeType::kBody) continue;
    const auto y_text = c.slice(y.span);
    bool prefixed = false;
    for (const auto& lang : c.knowledge.cues().languages) {
      if (lang.language != c.a.language) continue;
      auto it = lang.relation_cues.find(std::string(cue_key::kPrefix));
      if (it == lang.relation_cues.end()) continue;
      for (const auto& prefix : it->second)
        if (!prefix.empty() && y_text.substr(0, prefix.size()) == prefix &&
            c.a.folded(y.span).rfind(fold_name(prefix), 0) != 0)
          prefixed = true;
    }
    if (!prefixed) continue;
    const Mention* x = nullptr;
    for (std::size_t j = i; j-- > 0;)
      if (ms[j]->type == NodeType::kBody) {
        x = ms[j];
        break;
      } else if (is_agent(*ms[j]) || ms[j]->type == NodeType::kState) {
        break;
      }
    if (!x || x->kind == MentionKind::kShortForm || c.is_issuer(x->id)) continue;
    const auto gap = c.slice({x->span.end, y.span.begin});
    const bool adjacent = gap.find_first_not_of(" ") == std::string_view::npos;
    const bool after_comma =
        (gap.size() >= 2 && (gap.substr(gap.size() - 2) == ", " ||
                             (gap.size() >= 3 && gap.substr(gap.size() - 3) == "\xD8\x8C "))) &&
        gap.size() <= 120;
    if (adjacent || after_comma)
      c.emit(x->id, predicate::kPartOf, y.id, s, "structure-prefix", 0.5);
  }
  // "its Technical Assistance Team", "its Global Programme": the owner is the
  // nearest body named before, in the sentence.
  for (const TriggerHit* its : c.cues_in(s, cue_key::kPossessive)) {
    const Mention* owned = nullptr;
    for (const Mention* m : ms)
      if (m->span.begin >= its->span.end) {
        if (c.only_punctuation(its->span.end, m->span.begin) && is_agent(*m)) owned = m;
        break;
      }
    if (!owned) continue;
    const Mention* owner = nullptr;
    for (const Mention* m : ms)
      if (m->span.end <= its->span.begin && m->type == NodeType::kBody && m->id != owned->id)
        owner = m;
    if (!owner) continue;
    if (owned->type == NodeType::kProgramme)
      c.emit(owner->id, predicate::kRuns, owned->id, s, "structure-possessive", 0.6);
    else if (!c.is_issuer(owned->id))
      c.emit(owned->id, predicate::kPartOf, owner->id, s, "structure-possessive", 0.5);
  }
  // "launched", "designed by": a programme and the body that runs it.
  for (const TriggerHit* cue : c.cues_in(s, cue_key::kRuns)) {
    const Mention* before = nullptr;
    const Mention* after = nullptr;
    for (const Mention* m : ms) {
      if (m->span.end <= cue->span.begin && is_agent(*m)) before = m;
      if (!after && m->span.begin >= cue->span.end && is_agent(*m) &&
          m->span.begin - cue->span.end <= 60)
        after = m;
    }
    if (!before || !after) continue;
    if (before->type == NodeType::kBody && after->type == NodeType::kProgramme)
      c.emit(before->id, predicate::kRuns, after->id, s, "structure-runs", 0.6);
    else if (before->type == NodeType::kProgramme && after->type == NodeType::kBody)
      c.emit(after->id, predicate::kRuns, before->id, s, "structure-runs", 0.6);
  }
  // «مبادرة مشتركة بين المكتب والإنتربول», "implemented by a consortium of":
  // every body listed runs the sentence's programme and works with the others.
  for (const TriggerHit* cue : c.cues_in(s, cue_key::kRunsJoint)) {
    // The sentence's programme: its first one, else the one after the cue.
    const Mention* programme = nullptr;
    for (const Mention* m : ms)
      if (m->type == NodeType::kProgramme &&
          (!programme || programme->span.begin > cue->span.begin)) {
        if (!programme || m->span.end <= cue->span.begin) programme = m;
        if (programme->span.end <= cue->span.begin) break;
      }
    std::size_t first = ms.size();
    for (std::size_t i = 0; i < ms.size(); ++i)
      if (ms[i]->span.begin >= cue->span.end && is_agent(*ms[i])) {
        first = i;
        break;
      }
    if (first == ms.size() || ms[first]->span.begin - cue->span.end > 40) continue;
    const auto runners =
        c.list_from(ms, first, [](const Mention& m) { return m.type == NodeType::kBody; });
    for (std::size_t j : runners) {
      if (ms[j]->type != NodeType::kBody) continue;
      if (programme) c.emit(ms[j]->id, predicate::kRuns, programme->id, s, "structure-joint", 0.6);
      for (std::size_t k : runners)
        if (k != j && ms[k]->type == NodeType::kBody)
          c.emit(ms[j]->id, predicate::kCooperatesWith, ms[k]->id, s, "structure-joint", 0.5);
    }
  }
}

void supports(RelateContext& c, Span s) {
  const auto ms = c.mentions_in(s);
  for (const TriggerHit* cue : c.cues_in(s, cue_key::kSupports)) {
    const Mention* instrument = nullptr;
    for (const Mention* m : ms)
      if (m->span.begin >= cue->span.end && m->type == NodeType::kInstrument) {
        if (m->span.begin - cue->span.end <= 90 && c.clause_end(cue->span.end, s) > m->span.begin)
          instrument = m;
        break;
      }
    if (!instrument) continue;
    const Mention* programme = nullptr;
    for (const Mention* m : ms)
      if (m->type == NodeType::kProgramme && m->span.end <= cue->span.begin) programme = m;
    if (!programme)
      for (const Mention* m : ms)
        if (m->type == NodeType::kProgramme && m->span.begin >= instrument->span.end) {
          programme = m;
          break;
        }
    if (programme) c.emit(programme->id, predicate::kSupports, instrument->id, s, "supports", 0.6);
  }
}

}  // namespace

void relate_structure(RelateContext& c) {
  const auto& ps = c.a.segments.paragraphs;
  for (std::size_t p = 0; p < ps.size(); ++p) {
    if (ps[p].kind == BlockKind::kTableRow) continue;
    for (const Span s : c.sentences_of(static_cast<int>(p))) {
      part_of_and_runs(c, s);
      supports(c, s);
    }
  }

  // Programme names that say what they support: "Legislative guide for the
  // implementation of the Protocol against ...".
  const auto& entries = c.knowledge.lexicon().entries();
  std::vector<std::string> cue_forms;
  for (const auto& lang : c.knowledge.cues().languages) {
    if (lang.language != "en") continue;
    auto it = lang.relation_cues.find(std::string(cue_key::kSupports));
    if (it != lang.relation_cues.end())
      for (const auto& phrase : it->second) cue_forms.push_back(fold_name(phrase));
  }
  std::map<std::size_t, std::vector<std::string>> supported;  // entry -> instruments
  for (const Mention& m : c.a.mentions) {
    if (m.entry == Lexicon::npos || m.kind != MentionKind::kName) continue;
    if (m.type != NodeType::kProgramme) continue;
    auto [it, fresh] = supported.try_emplace(m.entry);
    if (fresh) {
      const std::string name = " " + c.knowledge.folded_label(m.entry) + " ";
      for (std::size_t e = 0; e < entries.size(); ++e) {
        if (entries[e].type != NodeType::kInstrument) continue;
        std::vector<std::string> forms{c.knowledge.folded_label(e)};
        for (const auto& alias : c.knowledge.folded_aliases(e)) forms.push_back(alias);
        for (const auto& form : forms) {
          const std::string folded = " " + form + " ";
          if (folded.size() < 6) continue;
          const auto at = name.find(folded);
          if (at == std::string::npos) continue;
          bool cued = false;
          for (const auto& cue : cue_forms)
            if (!cue.empty()) {
              const auto k = name.find(" " + cue + " ");
              if (k != std::string::npos && k < at) cued = true;
            }
          if (cued) {
            it->second.push_back(entries[e].id);
            break;
          }
        }
      }
    }
    for (const auto& instrument : it->second)
      c.emit(m.id, predicate::kSupports, instrument, c.sentence(m.span.begin), "supports-name",
             0.7);
  }
}

}  // namespace crimekg
