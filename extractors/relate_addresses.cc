#include "extractors/relate_addresses.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "extractors/normalise.h"

namespace crimekg {
namespace {

constexpr const char* kExtractor = "addresses";

// Crime mentions of the sentence that a cue governs: a crime right after an
// addresses cue, the crimes listed with it, and a crime right before an
// "after" cue ("terrorism prevention").
// Crime mentions of the sentence that a cue governs, with the cue's
// position: a crime right after an addresses cue, the crimes listed with it,
// and a crime right before an "after" cue ("terrorism prevention").
std::vector<std::pair<const Mention*, std::uint32_t>> cued_crimes(
    RelateContext& c, const std::vector<const Mention*>& ms) {
  std::vector<std::pair<const Mention*, std::uint32_t>> out;
  std::set<const Mention*> seen;
  auto is_crime = [](const Mention& m) { return m.type == NodeType::kCrimeType; };
  for (std::size_t i = 0; i < ms.size(); ++i) {
    const Mention& m = *ms[i];
    if (!is_crime(m) || seen.count(&m)) continue;
    std::uint32_t at = m.span.begin;
    if (const TriggerHit* cue = c.cue_before(m.span.begin, cue_key::kAddresses, 24))
      at = cue->span.begin;
    else if (!c.cue_after(m.span.end, cue_key::kAddressesAfter, 4))
      continue;
    for (std::size_t j : c.list_from(ms, i, is_crime))
      if (seen.insert(ms[j]).second) out.emplace_back(ms[j], at);
  }
  return out;
}

// Whether an instrument is the one the document's own body belongs to (the
// Convention of its Conference of the Parties): naming it says nothing.
bool framework_instrument(const RelateContext& c, const Mention& m) {
  if (c.a.header_body.empty() || m.entry == Lexicon::npos) return false;
  const std::size_t body = c.knowledge.lexicon().index_of(c.a.header_body);
  if (body == Lexicon::npos) return false;
  const std::string host = " " + c.knowledge.folded_label(body) + " ";
  const std::string name = " " + c.knowledge.folded_label(m.entry) + " ";
  return name.size() > 6 && host.find(name) != std::string::npos;
}

}  // namespace

std::vector<std::string> crimes_in(const RelateContext& c, Span span, bool through_names) {
  std::vector<std::string> out;
  for (const Mention* m : c.mentions_in(span)) {
    if (m->type != NodeType::kCrimeType &&
        !(through_names && (m->type == NodeType::kInstrument || m->type == NodeType::kProgramme) &&
          m->kind == MentionKind::kName && !framework_instrument(c, *m)))
      continue;
    for (const auto& crime : c.crimes_named_by(*m))
      if (std::find(out.begin(), out.end(), crime) == out.end()) out.push_back(crime);
  }
  return out;
}

void relate_addresses(RelateContext& c) {
  auto& a = c.a;
  const auto& ps = a.segments.paragraphs;
  for (std::size_t p = 0; p < ps.size(); ++p) {
    if (ps[p].kind == BlockKind::kTableRow) continue;
    for (const Span s : c.sentences_of(static_cast<int>(p))) {
      const auto ms = c.mentions_in(s);
      bool any_crime = false;
      for (const Mention* m : ms) any_crime |= m->type == NodeType::kCrimeType;
      if (!any_crime) continue;

      // Resolution-scoped: "in its resolution(s) X, Y ..." / «في قراره 2/11».
      std::vector<std::string> scoped;
      for (auto t = std::lower_bound(
               a.triggers.begin(), a.triggers.end(), s.begin,
               [](const TriggerHit&x, std::uint32_t o) { return x.span.begin < o; });
           t != a.triggers.end() && t->span.begin < s.end; ++t) {
        if (t->kind != TriggerKind::kResolutionPossessive &&
            t->kind != TriggerKind::kDecisionPossessive)
          continue;
        // The references read after the possessive word, up to the clause end.
        const std::uint32_t end = c.clause_end(t->span.end, s);
        for (const Mention* m : ms) {
          if (m->span.begin < t->span.end || m->span.begin >= end || !is_reference(*m)) continue;
          if (std::find(scoped.begin(), scoped.end(), m->id) == scoped.end())
            scoped.push_back(m->id);
        }
      }
      if (!scoped.empty() && !c.unit_at(s.begin)) {
        for (const Mention* m : ms) {
          if (m->type != NodeType::kCrimeType) continue;
          for (const auto& r : scoped)
            c.emit(r, predicate::kAddresses, m->id, s, "addresses-resolution", 0.7);
        }
      }

      // A sentence about a programme ("The Education for Justice initiative
      // ... focusing, inter alia, on organized crime, smuggling of migrants
      // ..."): its subject programme addresses every crime it lists.
      if (!c.unit_at(s.begin) && c.has_cue(s, cue_key::kAddresses) &&
          !c.has_cue(s, cue_key::kParticipation)) {
        const Mention* subject = nullptr;
        for (const Mention* m : ms)
          if (is_agent(*m) && !c.is_issuer(m->id)) {
            subject = m;
            break;
          }
        if (subject && subject->type == NodeType::kProgramme)
          for (const Mention* m : ms)
            if (m->type == NodeType::kCrimeType)
              c.emit(subject->id, predicate::kAddresses, m->id, s, "addresses-subject", 0.5);
      }

      // Clause cues: the agents the clause is about address the crimes.
      const auto crimes = cued_crimes(c, ms);
      if (crimes.empty()) continue;
      std::set<std::string> issuing;
      for (const Mention* m : ms)
        if (is_reference(*m)) {
          const auto colon = m->id.find(':'), slash = m->id.find('/');
          if (auto* issuer =
                  c.knowledge.cues().issuer_by_code(m->id.substr(colon + 1, slash - colon - 1)))
            issuing.insert(issuer->body_id);
        }
      const TextUnit* unit = c.unit_at(s.begin);
      for (const auto& [crime, at] : crimes) {
        std::vector<std::string> sources;
        for (const Mention* m : c.agents_near(ms, at))
          if (!issuing.count(m->id) && !c.is_ancestor_of_named(m->id)) sources.push_back(m->id);
        double confidence = 0.6;
        if (sources.empty() && scoped.empty()) {
          // No agent: the text the sentence belongs to (a reproduced
          // resolution), or the meeting the report covers (its debate and
          // recommendations).
          // (not when the sentence quotes another resolution: its title names them)
          bool quotes = false;
          for (const Mention* m : ms) quotes |= is_reference(*m) && (!unit || m->id != unit->id);
          if (unit && !quotes)
            sources.push_back(unit->id);
          else if (c.is_meeting_report())
            sources.push_back(c.a.report_meeting);
          confidence = 0.5;
        }
        for (const auto& source : sources)
          c.emit(source, predicate::kAddresses, crime->id, s, kExtractor, confidence);
      }
    }
  }

  // Agenda items: the meeting addresses the crimes of the item's title.
  for (std::size_t p = 0; p < ps.size(); ++p) {
    const auto& par = ps[p];
    if (par.kind == BlockKind::kTableRow || par.kind == BlockKind::kFootnote) continue;
    for (const Span s : c.sentences_of(static_cast<int>(p))) {
      const auto agenda = c.cues_in(s, cue_key::kAgenda);
      if (agenda.empty()) continue;
      // The title: quoted after "entitled", else the whole heading or sentence.
      Span title = s;
      for (const TriggerHit* t : c.cues_in(s, cue_key::kTitle)) {
        title = {t->span.end, s.end};
        break;
      }
      if (c.unit_at(s.begin)) continue;
      const std::string meeting = c.meeting_for(s.begin);
      if (meeting.empty()) continue;
      for (const auto& crime : crimes_in(c, title, true))
        c.emit(meeting, predicate::kAddresses, crime, s, "addresses-agenda", 0.6);
      // "adopted the following agenda:" and its items, numbered from 1 again
      // ("1. Organizational matters: (a) ...; 2. ...").
      const auto body = c.slice(par.span);
      if (!body.empty() && body.back() == ':') {
        int next = 1;
        for (std::size_t q = p + 1; q < ps.size(); ++q) {
          const auto& item = ps[q];
          if (item.kind == BlockKind::kParagraph) {
            if (item.label.empty() || !std::isdigit(static_cast<unsigned char>(item.label[0])))
              break;
            if (std::stoi(item.label) != next) break;
            ++next;
          } else if (item.kind != BlockKind::kListItem) {
            break;
          }
          for (const auto& crime : crimes_in(c, item.span, true))
            c.emit(meeting, predicate::kAddresses, crime, item.span, "addresses-agenda", 0.5);
        }
      }
    }
  }

  // A provisional agenda adopted as a decision: its title names the meeting.
  for (const auto& unit : c.units()) {
    if (unit.first_paragraph + 1 > unit.last_paragraph) continue;
    const Span title = ps[unit.first_paragraph + 1].span;
    if (!c.has_cue(title, cue_key::kAgenda)) continue;
    std::string meeting;
    for (const Mention* m : c.mentions_in(title))
      if (m->type == NodeType::kMeeting) meeting = m->id;
    if (meeting.empty()) continue;
    for (int q = unit.first_paragraph + 2; q <= unit.last_paragraph; ++q)
      for (const auto& crime : crimes_in(c, ps[q].span, true))
        c.emit(meeting, predicate::kAddresses, crime, ps[q].span, "addresses-agenda", 0.5);
  }
}

}  // namespace crimekg
