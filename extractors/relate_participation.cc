#include "extractors/relate_participation.h"

namespace crimekg {
namespace {

// The body whose numbered session the meeting is: "meeting:X/12" -> "body:X".
std::string owner_of(const std::string& meeting) {
  const auto colon = meeting.find(':');
  const auto slash = meeting.rfind('/');
  if (colon == std::string::npos || slash == std::string::npos || slash <= colon) return "";
  return "body:" + meeting.substr(colon + 1, slash - colon - 1);
}

bool is_participant(const RelateContext& c, const Mention& m, const std::string& owner) {
  if (m.type != NodeType::kState && m.type != NodeType::kBody) return false;
  if (m.id == owner || c.is_issuer(m.id) || m.id == c.a.header_body) return false;
  if (c.is_ancestor_of_named(m.id)) return false;  // the United Nations itself
  // "Permanent Representative to the United Nations", «لدى الأمم المتحدة».
  if (c.cue_before(m.span.begin, cue_key::kNotParticipant, 2)) return false;
  return true;
}

}  // namespace

void relate_participation(RelateContext& c) {
  const auto& ps = c.a.segments.paragraphs;
  for (std::size_t p = 0; p < ps.size(); ++p) {
    const auto& par = ps[p];
    if (par.kind == BlockKind::kTableRow || par.kind == BlockKind::kFootnote) continue;
    if (c.unit_at(par.span.begin) || c.in_footnote(par.span.begin)) continue;
    const auto& sentences = c.sentences_of(static_cast<int>(p));
    for (std::size_t k = 0; k < sentences.size(); ++k) {
      const Span s = sentences[k];
      if (!c.has_cue(s, cue_key::kParticipation)) continue;
      const std::string meeting = c.meeting_for(s.begin);
      if (meeting.empty()) continue;
      const std::string owner = owner_of(meeting);
      for (const Mention* m : c.mentions_in(s))
        if (is_participant(c, *m, owner))
          c.emit(m->id, predicate::kParticipatedIn, meeting, s, "participation", 0.7);
      // "... the following officers:" and the lines listing them.
      const auto text = c.slice(s);
      if (k + 1 == sentences.size() && !text.empty() && text.back() == ':') {
        for (std::size_t q = p + 1; q < ps.size(); ++q) {
          const auto& item = ps[q];
          if (item.kind == BlockKind::kTableRow || item.kind == BlockKind::kFootnote) break;
          if (item.kind == BlockKind::kParagraph && !item.label.empty() &&
              item.label.rfind("line ", 0) != 0)
            break;
          if (item.kind == BlockKind::kHeading && item.label.rfind("line ", 0) != 0) break;
          if (item.span.size() > 300) break;
          // A chapter heading («جيم - إقرار جدول الأعمال») ends the list.
          const auto body = c.slice(item.span);
          const auto dash = body.find(" - ");
          if (dash != std::string_view::npos && dash < 20) break;
          for (const Mention* m : c.mentions_in(item.span))
            if (is_participant(c, *m, owner))
              c.emit(m->id, predicate::kParticipatedIn, meeting, item.span, "participation-list",
                     0.6);
        }
      }
    }
  }
}

}  // namespace crimekg
