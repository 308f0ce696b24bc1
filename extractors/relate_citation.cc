#include "extractors/relate_citation.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <map>

#include "extractors/relate_addresses.h"

namespace crimekg {
namespace {

UChar32 char_at(std::string_view text, std::uint32_t i, std::uint32_t& next) {
  if (i >= text.size()) return -1;
  int32_t k = static_cast<int32_t>(i);
  UChar32 ch;
  U8_NEXT(text.data(), k, static_cast<int32_t>(text.size()), ch);
  next = static_cast<std::uint32_t>(k);
  return ch;
}

// The title after a cue: the quoted text when a quote opens it, else the
// rest of the clause.
Span title_after(RelateContext& c, std::uint32_t from, Span sentence) {
  const auto text = c.text();
  const int p = c.a.segments.paragraph_at(from);
  const std::uint32_t limit = p >= 0 ? c.a.segments.paragraphs[p].span.end : sentence.end;
  std::uint32_t i = from, next = from;
  while (i < limit) {
    const UChar32 ch = char_at(text, i, next);
    if (ch < 0 || !u_isUWhiteSpace(ch)) break;
    i = next;
  }
  const UChar32 open = char_at(text, i, next);
  if (open == '"' || open == 0x201C || open == 0x00AB || open == 0x201D) {
    // Closed by any closing quote; a title runs no further than its paragraph.
    const std::uint32_t start = next;
    const std::uint32_t stop = std::min<std::uint32_t>(limit, start + 600);
    std::uint32_t j = start;
    while (j < stop) {
      std::uint32_t after = j;
      const UChar32 ch = char_at(text, j, after);
      if (ch < 0) break;
      if (ch == '"' || ch == 0x201D || ch == 0x00BB) return {start, j};
      j = after;
    }
    return {start, start};  // unclosed: no title
  }
  return {i, c.clause_end(i, sentence)};
}

// The header's footnote ("* CTOC/COP/2024/1."): it belongs to the document,
// wherever the page break put it.
bool is_footnote_star(const RelateContext& c, std::uint32_t offset) {
  const int p = c.a.segments.paragraph_at(offset);
  if (p < 0) return false;
  const auto& par = c.a.segments.paragraphs[p];
  if (par.kind == BlockKind::kFootnote) return par.label == "footnote *";
  const auto body = c.slice(par.span);
  return body.rfind("* ", 0) == 0 || body.rfind("\\* ", 0) == 0;
}

void titles(RelateContext& c, Span s, const std::vector<const Mention*>& ms) {
  // Each title cue names the references before it (since the previous cue).
  std::uint32_t since = s.begin;
  for (const TriggerHit* cue : c.cues_in(s, cue_key::kTitle)) {
    std::vector<const Mention*> refs;
    for (const Mention* m : ms)
      if (is_reference(*m) && m->span.begin >= since && m->span.end <= cue->span.begin)
        refs.push_back(m);
    const bool plural = c.cue_of(*cue).phrase.find("ين") != std::string::npos ||
                        c.cue_of(*cue).phrase.find("respectively") != std::string::npos;
    since = cue->span.end;
    if (refs.empty()) continue;
    if (!plural) refs.erase(refs.begin(), refs.end() - 1);
    // The nearest reference must be close: "resolution 58/136 of 22 December 2003, entitled".
    if (cue->span.begin - refs.back()->span.end > 140) continue;
    const Span title = title_after(c, cue->span.end, s);
    if (title.end <= title.begin) continue;
    const auto crimes = crimes_in(c, title, true);
    for (const Mention* r : refs) {
      for (const Mention* m : c.mentions_in(title)) {
        if (m->type == NodeType::kInstrument)
          c.emit(r->id, predicate::kCites, m->id, s, "citation-title", 0.7);
        // «آلية استعراض تنفيذ اتفاقية ...»: the instrument a named body embeds.
        if (is_agent(*m))
          for (const auto& instrument : c.instruments_named_in(*m))
            c.emit(r->id, predicate::kCites, instrument, s, "citation-title", 0.6);
      }
      for (const auto& crime : crimes)
        c.emit(r->id, predicate::kAddresses, crime, s, "addresses-title", 0.7);
    }
  }
}

void annexes(RelateContext& c, Span s, const std::vector<const Mention*>& ms) {
  // "the Convention (General Assembly resolution 55/25, annex I)".
  for (std::size_t i = 0; i < ms.size(); ++i) {
    const Mention& r = *ms[i];
    if (!is_reference(r)) continue;
    if (!c.cue_after(r.span.end, cue_key::kAnnex, 4)) continue;
    const Mention* instrument = nullptr;
    for (std::size_t j = 0; j < i; ++j)
      if (ms[j]->type == NodeType::kInstrument) instrument = ms[j];
    if (instrument && r.span.begin - instrument->span.end <= 90)
      c.emit(r.id, predicate::kCites, instrument->id, s, "citation-annex", 0.8);
  }
  // «إعلان كيوتو ...: نحو تحقيق خطة التنمية المستدامة لعام 2030»: an
  // instrument whose title names another after a colon cites it.
  std::map<const Mention*, const Mention*> main_title;
  for (std::size_t i = 1; i < ms.size(); ++i) {
    const Mention& x = *ms[i - 1];
    const Mention& y = *ms[i];
    if (x.type != NodeType::kInstrument || y.type != NodeType::kInstrument ||
        y.span.begin <= x.span.end)
      continue;
    const auto gap = c.slice({x.span.end, y.span.begin});
    if (gap.find(':') == std::string_view::npos || gap.size() > 24) continue;
    bool words = false;
    for (char ch : gap) words |= ch != ':' && ch != ' ';
    if (words) continue;
    c.emit(x.id, predicate::kCites, y.id, s, "citation-title", 0.5);
    main_title[&y] = &x;
  }
  // The same through a footnote: «إعلان كيوتو ...⁽¹⁷⁾» + «(17) قرار الجمعية العامة 181/76، المرفق.»
  for (const Mention* m : ms) {
    if (m->type != NodeType::kInstrument) continue;
    const Mention* annexed = main_title.count(m) ? main_title[m] : m;
    const Span after{m->span.end, std::min<std::uint32_t>(m->span.end + 12, s.end)};
    for (const Span note : c.footnotes_in(after)) {
      for (const Mention* r : c.mentions_in(note))
        if (is_reference(*r) && c.cue_after(r->span.end, cue_key::kAnnex, 4))
          c.emit(r->id, predicate::kCites, annexed->id, note, "citation-annex", 0.7);
      break;
    }
  }
}

}  // namespace

void relate_citation(RelateContext& c) {
  auto& a = c.a;
  const auto& ps = a.segments.paragraphs;

  // Reproduced resolutions and decisions cite what their text names.
  for (const auto& unit : c.units()) {
    for (const Mention* m : c.mentions_in(unit.span)) {
      if (!is_citable(*m) || m->id == unit.id || m->span.begin < unit.heading.end) continue;
      if (is_footnote_star(c, m->span.begin)) continue;
      c.emit(unit.id, predicate::kCites, m->id, c.sentence(m->span.begin), "citation-unit", 0.7);
    }
    // Its title and section headings name the crimes it addresses.
    for (int q = unit.first_paragraph + 1; q <= unit.last_paragraph; ++q) {
      const auto& par = ps[q];
      const bool title = q == unit.first_paragraph + 1;
      if (!title && par.kind != BlockKind::kHeading) continue;
      for (const auto& crime : crimes_in(c, par.span, false))
        c.emit(unit.id, predicate::kAddresses, crime, par.span, "addresses-title", 0.6);
    }
  }

  for (std::size_t p = 0; p < ps.size(); ++p) {
    const auto& par = ps[p];
    if (par.kind == BlockKind::kTableRow) continue;
    const bool in_unit =
        c.unit_at(par.span.begin) != nullptr && !is_footnote_star(c, par.span.begin);
    for (const Span s : c.sentences_of(static_cast<int>(p))) {
      const auto ms = c.mentions_in(s);
      titles(c, s, ms);
      annexes(c, s, ms);
      if (in_unit) continue;
      for (const Mention* m : ms) {
        if (m->type == NodeType::kDocument) {
          c.emit(a.id, predicate::kCites, m->id, s, "citation-document", 0.6);
        } else if (is_reference(*m)) {
          const TriggerHit* cue = c.cue_before(m->span.begin, cue_key::kCites, 120);
          if (!cue) continue;
          std::string source = a.id;
          for (const Mention* d : ms)
            if (d->type == NodeType::kDocument && d->span.end <= cue->span.begin &&
                cue->span.begin - d->span.end <= 24)
              source = d->id;
          c.emit(source, predicate::kCites, m->id, s, "citation-cue", 0.6);
        } else if (m->type == NodeType::kInstrument) {
          if (c.cue_before(m->span.begin, cue_key::kCites, 40) ||
              c.cue_before(m->span.begin, cue_key::kCitesArticle, 60))
            c.emit(a.id, predicate::kCites, m->id, s, "citation-cue", 0.5);
        }
      }
    }
    // A heading that is an instrument's name: the chapter reviews it.
    if (!in_unit && par.kind == BlockKind::kHeading) {
      for (const Mention* m : c.mentions_in(par.span))
        if (m->type == NodeType::kInstrument && m->kind == MentionKind::kName &&
            (m->span.end - m->span.begin) * 10 >= (par.span.end - par.span.begin) * 7)
          c.emit(a.id, predicate::kCites, m->id, par.span, "citation-heading", 0.5);
    }
  }
}

}  // namespace crimekg
