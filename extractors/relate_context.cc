#include "extractors/relate_context.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>

#include "extractors/normalise.h"
#include "extractors/reference_recognizer.h"
#include "extractors/segment.h"

namespace crimekg {
namespace detail {
namespace {

// Next code point of text at i (advancing i), or -1 at the end.
UChar32 next_char(std::string_view text, std::uint32_t& i, std::uint32_t limit) {
  if (i >= limit) return -1;
  int32_t k = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(text.data(), k, static_cast<int32_t>(limit), c);
  i = static_cast<std::uint32_t>(k);
  return c;
}

bool is_superscript_digit(UChar32 c) {
  return c == 0x00B9 || c == 0x00B2 || c == 0x00B3 || c == 0x2070 || (c >= 0x2074 && c <= 0x2079);
}

char superscript_value(UChar32 c) {
  switch (c) {
    case 0x00B9:
      return '1';
    case 0x00B2:
      return '2';
    case 0x00B3:
      return '3';
    case 0x2070:
      return '0';
    default:
      return static_cast<char>('4' + (c - 0x2074));
  }
}

bool is_quote(UChar32 c) {
  return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
         c == 0x00AB || c == 0x00BB;
}

// Separators a list may hold between items.
bool is_list_punct(UChar32 c) {
  return c == ',' || c == 0x060C /* ، */ || c == '*' || c == '\\' || c == '[' || c == ']' ||
         c == '#';
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace
}  // namespace detail

RelateContext::RelateContext(DocumentAnalysis& analysis, SentenceSplitter& s, const Recognizer& k,
                             const NamePhraseIndex& phrases)
    : a(analysis), splitter(s), knowledge(k), name_phrases(phrases) {
  for (const auto& issuer : knowledge.cues().issuers) issuers_.insert(issuer.body_id);
  // List words of the document's language.
  list_words_.clear();
  for (const auto& lang : knowledge.cues().languages) {
    if (lang.language != a.language) continue;
    std::vector<std::string> words;
    auto it = lang.relation_cues.find(std::string(cue_key::kList));
    if (it != lang.relation_cues.end())
      for (const auto& w : it->second) words.push_back(detail::lower_ascii(w));
    for (const auto& w : lang.list_words) words.push_back(detail::lower_ascii(w));
    list_words_.push_back(std::move(words));
  }
  find_units();
  find_main_actor();
}

const std::vector<Span>& RelateContext::sentences_of(int p) {
  auto it = a.sentences.find(p);
  if (it == a.sentences.end())
    it = a.sentences
             .emplace(p, splitter.split(a.text(), a.segments.paragraphs[p].span,
                                        a.language_at(a.segments.paragraphs[p].span.begin)))
             .first;
  return it->second;
}

Span RelateContext::sentence(std::uint32_t offset) { return sentence_at(a, splitter, offset); }

std::vector<const Mention*> RelateContext::mentions_in(Span span) const {
  std::vector<const Mention*> out;
  auto it = std::lower_bound(a.mentions.begin(), a.mentions.end(), span.begin,
                             [](const Mention& m, std::uint32_t o) { return m.span.begin < o; });
  // A mention inside a longer one (a body inside a meeting's title) is part of that name.
  std::uint32_t covered = 0;
  for (auto back = it; back != a.mentions.begin();) {
    --back;
    if (span.begin - back->span.begin > 400) break;
    covered = std::max(covered, back->span.end);
  }
  for (; it != a.mentions.end() && it->span.begin < span.end; ++it) {
    if (it->span.end <= covered && it->span.begin < covered) continue;
    out.push_back(&*it);
    covered = std::max(covered, it->span.end);
  }
  return out;
}

std::vector<const TriggerHit*> RelateContext::cues_in(Span span, std::string_view key) const {
  std::vector<const TriggerHit*> out;
  auto it = std::lower_bound(a.triggers.begin(), a.triggers.end(), span.begin,
                             [](const TriggerHit& t, std::uint32_t o) { return t.span.begin < o; });
  for (; it != a.triggers.end() && it->span.begin < span.end; ++it) {
    if (it->kind != TriggerKind::kRelationCue || it->span.end > span.end) continue;
    if (it->language != a.language_at(it->span.begin)) continue;
    if (cue_of(*it).predicate != key) continue;
    // A cue word inside a name ("against" in "Global Programme against
    // Terrorism", «المساعدة التقنية» in a working group's name) is no cue.
    auto m = std::upper_bound(a.mentions.begin(), a.mentions.end(), it->span.begin,
                              [](std::uint32_t o, const Mention& x) { return o < x.span.begin; });
    bool inside = false;
    for (int back = 0; m != a.mentions.begin() && back < 8 && !inside; ++back) {
      --m;
      inside = m->span.begin <= it->span.begin && it->span.end <= m->span.end &&
               m->kind != MentionKind::kReference && m->kind != MentionKind::kSymbol;
    }
    if (!inside) out.push_back(&*it);
  }
  return out;
}

const TriggerHit* RelateContext::cue_before(std::uint32_t offset, std::string_view key,
                                            std::uint32_t max_gap) const {
  const std::uint32_t from = offset > max_gap + 64 ? offset - max_gap - 64 : 0;
  const TriggerHit* best = nullptr;
  for (const TriggerHit* hit : cues_in({from, offset}, key)) {
    if (hit->span.end > offset || offset - hit->span.end > max_gap) continue;
    // Between cue and offset: white space, quotes, articles; no clause punctuation.
    bool clean = true;
    std::uint32_t i = hit->span.end;
    while (i < offset && clean) {
      const UChar32 c = detail::next_char(text(), i, offset);
      if (c == '.' || c == ';' || c == ':' || c == ',' || c == 0x060C || c == 0x061B || c == '(' ||
          c == ')')
        clean = false;
    }
    if (!clean) continue;
    if (!best || hit->span.end > best->span.end ||
        (hit->span.end == best->span.end && hit->span.begin < best->span.begin))
      best = hit;
  }
  return best;
}

const TriggerHit* RelateContext::cue_after(std::uint32_t offset, std::string_view key,
                                           std::uint32_t max_gap) const {
  for (const TriggerHit* hit : cues_in({offset, offset + max_gap + 64}, key)) {
    if (hit->span.begin < offset || hit->span.begin - offset > max_gap) continue;
    if (only_punctuation(offset, hit->span.begin)) return hit;
  }
  return nullptr;
}

bool RelateContext::only_punctuation(std::uint32_t from, std::uint32_t to) const {
  std::uint32_t i = from;
  while (i < to) {
    const UChar32 c = detail::next_char(text(), i, to);
    if (c < 0) return false;
    if (u_isUWhiteSpace(c) || detail::is_quote(c) || detail::is_superscript_digit(c) ||
        c == 0x207D || c == 0x207E || c == ',' || c == 0x060C || c == '*' || c == '\\')
      continue;
    return false;
  }
  return true;
}

bool RelateContext::only_list_glue(std::uint32_t from, std::uint32_t to) const {
  if (from > to) return false;
  std::uint32_t i = from;
  std::string word;
  auto word_ok = [&]() {
    if (word.empty()) return true;
    const std::string w = detail::lower_ascii(word);
    word.clear();
    if (w == "the") return true;
    for (const auto& words : list_words_)
      for (const auto& lw : words)
        if (lw == w) return true;
    return false;
  };
  int depth = 0;
  std::uint32_t paren_start = 0;
  while (i < to) {
    const std::uint32_t at = i;
    const UChar32 c = detail::next_char(text(), i, to);
    if (c < 0) return false;
    if (depth > 0) {
      if (c == '(') ++depth;
      if (c == ')') --depth;
      if (at - paren_start > 80) return false;
      continue;
    }
    if (c == '(') {
      if (!word_ok()) return false;
      depth = 1;
      paren_start = at;
      continue;
    }
    if (c == ')') {  // closes an aside opened before `from` ("(CICTE) of the OAS")
      if (!word_ok()) return false;
      continue;
    }
    if (u_isUWhiteSpace(c) || detail::is_quote(c) || detail::is_superscript_digit(c) ||
        c == 0x207D || c == 0x207E || detail::is_list_punct(c)) {
      if (!word_ok()) return false;
      continue;
    }
    if (u_isalpha(c) || c == '-') {
      word += std::string(text().substr(at, i - at));
      continue;
    }
    return false;
  }
  return depth == 0 && word_ok();
}

std::vector<std::size_t> RelateContext::list_from(
    const std::vector<const Mention*>& ms, std::size_t i,
    const std::function<bool(const Mention&)>& accept) const {
  std::vector<std::size_t> out{i};
  std::uint32_t end = ms[i]->span.end;
  for (std::size_t j = i + 1; j < ms.size(); ++j) {
    const Mention& m = *ms[j];
    if (m.span.begin < end) continue;  // nested
    if (only_list_glue(end, m.span.begin)) {
      if (!accept(m)) break;
      out.push_back(j);
      end = m.span.end;
      continue;
    }
    // "X of the Y": Y qualifies X; the list goes on after it.
    bool attached = false;
    for (const TriggerHit* of : cues_in({end, m.span.begin}, cue_key::kOf))
      if (only_punctuation(end, of->span.begin) && only_punctuation(of->span.end, m.span.begin))
        attached = true;
    if (attached && is_agent(m)) {
      end = m.span.end;
      continue;
    }
    break;
  }
  return out;
}

std::uint32_t RelateContext::clause_end(std::uint32_t offset, Span s) const {
  std::uint32_t i = offset;
  while (i < s.end) {
    const std::uint32_t at = i;
    const UChar32 c = detail::next_char(text(), i, s.end);
    if (c == ';' || c == 0x061B || c == ':') return at;
  }
  return s.end;
}

std::uint32_t RelateContext::clause_begin(std::uint32_t offset, Span s) const {
  std::uint32_t best = s.begin;
  std::uint32_t i = s.begin;
  while (i < offset) {
    const UChar32 c = detail::next_char(text(), i, offset);
    if (c == ';' || c == 0x061B || c == ':') best = i;
  }
  return best;
}

std::vector<Span> RelateContext::footnotes_in(Span span) const {
  std::vector<Span> out;
  // Markers printed right after the sentence's full stop ("2004.³") belong to it.
  for (std::uint32_t j = span.end; j < text().size();) {
    const UChar32 c = detail::next_char(text(), j, static_cast<std::uint32_t>(text().size()));
    if (!(detail::is_superscript_digit(c) || c == 0x207D || c == 0x207E)) break;
    span.end = j;
  }
  std::uint32_t i = span.begin;
  std::string label;
  auto close = [&](std::uint32_t at) {
    if (label.empty()) return;
    auto it = a.segments.footnotes.find(label);
    if (it != a.segments.footnotes.end()) {
      out.push_back(it->second.span);
    } else {
      // «(17) ...»: a paragraph after the marker opening with the number in parentheses.
      const std::string opener = "(" + label + ")";
      const int from = a.segments.paragraph_at(at);
      for (std::size_t p = from < 0 ? 0 : static_cast<std::size_t>(from);
           p < a.segments.paragraphs.size(); ++p) {
        const auto& par = a.segments.paragraphs[p];
        if (par.span.begin < at) continue;
        const auto body = a.slice(par.span);
        std::size_t k = 0;
        while (k < body.size() && (body[k] == '-' || body[k] == ' ' || body[k] == '*')) ++k;
        if (body.substr(k, opener.size()) == opener) {
          out.push_back(trim_span(
              text(),
              {par.span.begin + static_cast<std::uint32_t>(k + opener.size()), par.span.end}));
          break;
        }
      }
    }
    label.clear();
  };
  while (i < span.end) {
    const std::uint32_t at = i;
    const UChar32 c = detail::next_char(text(), i, span.end);
    if (c < 0) break;
    if (detail::is_superscript_digit(c)) {
      label += detail::superscript_value(c);
      continue;
    }
    if ((c == 0x207D || c == 0x207E) && (c == 0x207D || !label.empty())) {
      if (c == 0x207E) close(at);
      continue;
    }
    close(at);
  }
  close(span.end);
  return out;
}

bool RelateContext::in_footnote(std::uint32_t offset) const {
  const int p = a.segments.paragraph_at(offset);
  if (p < 0) return false;
  const auto& par = a.segments.paragraphs[p];
  if (par.kind == BlockKind::kFootnote) return true;
  const auto body = a.slice(par.span);
  std::size_t k = 0;
  while (k < body.size() && (body[k] == '-' || body[k] == ' ')) ++k;
  if (k >= body.size() || body[k] != '(') return false;
  std::size_t d = k + 1;
  while (d < body.size() && std::isdigit(static_cast<unsigned char>(body[d]))) ++d;
  return d > k + 1 && d < body.size() && body[d] == ')';
}

bool RelateContext::heading_starts_chapter(const Paragraph& p) const {
  if (p.kind != BlockKind::kHeading) return false;
  if (!p.label.empty() && p.label.rfind("line ", 0) != 0) return true;  // "II.", "B."
  // «ثانياً - المسائل التنظيمية», «باء- المقررات»: a one- or two-word marker and a dash.
  const auto body = a.slice(p.span);
  std::uint32_t i = 0;
  int words = 0;
  bool in_word = false;
  while (i < body.size()) {
    const std::uint32_t at = i;
    const UChar32 c = detail::next_char(body, i, static_cast<std::uint32_t>(body.size()));
    if (c < 0) return false;
    if (c == '-' || c == 0x2013 || c == 0x2014) return words >= 1 && words <= 2 && at <= 24;
    if (u_isdigit(c)) return false;
    if (u_isUWhiteSpace(c)) {
      in_word = false;
      continue;
    }
    if (!in_word) {
      ++words;
      in_word = true;
      if (words > 2) return false;
    }
  }
  return false;
}

void RelateContext::find_units() {
  const auto& ps = a.segments.paragraphs;
  for (std::size_t p = 0; p < ps.size(); ++p) {
    const auto& par = ps[p];
    if (par.kind == BlockKind::kTableRow || par.kind == BlockKind::kFootnote) continue;
    if (par.span.size() > 80) continue;
    // The paragraph is a reference and nothing else: "Resolution 12/1", «القرار 1/12».
    const Mention* ref = nullptr;
    for (const Mention* m : mentions_in(par.span))
      if (is_reference(*m)) ref = ref ? nullptr : m;
    if (!ref) continue;
    const TriggerHit* word = nullptr;
    for (auto t =
             std::lower_bound(a.triggers.begin(), a.triggers.end(), par.span.begin,
                              [](const TriggerHit&x, std::uint32_t o) { return x.span.begin < o; });
         t != a.triggers.end() && t->span.begin < par.span.end; ++t)
      if (t->kind == TriggerKind::kResolution || t->kind == TriggerKind::kDecision) word = &*t;
    if (!word || word->span.end > ref->span.begin) continue;
    if (!only_punctuation(par.span.begin, word->span.begin) ||
        !only_punctuation(word->span.end, ref->span.begin))
      continue;
    // Trailing text after the number: only punctuation.
    if (!only_punctuation(ref->span.end, par.span.end)) {
      const auto rest = a.slice({ref->span.end, par.span.end});
      if (rest.find_first_not_of(" .\t") != std::string_view::npos) continue;
    }
    TextUnit unit;
    unit.id = ref->id;
    unit.heading = par.span;
    unit.first_paragraph = static_cast<int>(p);
    units_.push_back(unit);
  }
  // Each unit runs to the next unit or chapter heading.
  for (std::size_t u = 0; u < units_.size(); ++u) {
    auto& unit = units_[u];
    const int stop =
        u + 1 < units_.size() ? units_[u + 1].first_paragraph : static_cast<int>(ps.size());
    int last = unit.first_paragraph;
    for (int p = unit.first_paragraph + 1; p < stop; ++p) {
      if (heading_starts_chapter(ps[p])) break;
      last = p;
    }
    unit.last_paragraph = last;
    unit.span = {ps[unit.first_paragraph].span.begin, ps[last].span.end};
  }
}

const TextUnit* RelateContext::unit_at(std::uint32_t offset) const {
  for (const auto& u : units_)
    if (offset >= u.span.begin && offset < u.span.end) return &u;
  return nullptr;
}

void RelateContext::find_main_actor() {
  // Ancestors (partOf, transitively) of the bodies the document names.
  const auto& lexicon = knowledge.lexicon();
  std::set<std::string> named;
  for (const auto& m : a.mentions)
    if (m.type == NodeType::kBody) named.insert(m.id);
  // Only the roots of the hierarchy (the United Nations above UNODC above
  // its branches) are too general to act: a parent office still acts.
  for (const auto& id : named) {
    std::vector<std::string> todo{id};
    std::set<std::string> seen;
    for (int guard = 0; !todo.empty() && guard < 64; ++guard) {
      const std::string cur = todo.back();
      todo.pop_back();
      if (const LexiconEntry* e = lexicon.find(cur)) {
        if (e->part_of.empty() && cur != id) ancestors_.insert(cur);
        for (const auto& parent : e->part_of)
          if (seen.insert(parent).second) todo.push_back(parent);
      }
    }
  }
  std::map<std::string, std::pair<int, std::uint32_t>> counts;  // id -> (count, first)
  for (const auto& m : a.mentions) {
    if (!is_agent(m) || is_issuer(m.id) || m.id == a.header_body || ancestors_.count(m.id))
      continue;
    auto [it, inserted] = counts.try_emplace(m.id, 0, m.span.begin);
    it->second.first += 1;
  }
  int best = 0;
  std::uint32_t first = UINT32_MAX;
  for (const auto& [id, c] : counts) {
    if (c.first > best || (c.first == best && c.second < first)) {
      best = c.first;
      first = c.second;
      main_actor_ = id;
    }
  }
}

bool RelateContext::is_issuer(const std::string& body_id) const {
  return issuers_.count(body_id) > 0;
}

namespace {
bool numbered_meeting(const std::string& id) {
  const auto slash = id.rfind('/');
  return slash != std::string::npos && slash + 1 < id.size() && id.size() - slash - 1 <= 3 &&
         std::all_of(id.begin() + static_cast<long>(slash) + 1, id.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}
}  // namespace

std::string RelateContext::meeting_for(std::uint32_t offset) const {
  if (!a.report_meeting.empty()) return a.report_meeting;
  const auto& ps = a.segments.paragraphs;
  // A chapter about a body ("VI. Commission on Crime Prevention and Criminal
  // Justice") is about the session of it the document names.
  const int here = a.segments.paragraph_at(offset);
  for (int p = here; p >= 0; --p) {
    if (!heading_starts_chapter(ps[p])) continue;
    for (const Mention* body : mentions_in(ps[p].span)) {
      if (body->type != NodeType::kBody) continue;
      const std::string prefix = "meeting:" + body->id.substr(body->id.find(':') + 1) + "/";
      for (const auto& m : a.mentions)
        if (m.type == NodeType::kMeeting && m.id.rfind(prefix, 0) == 0 && numbered_meeting(m.id))
          return m.id;
    }
    break;
  }
  return "";
}

bool RelateContext::is_meeting_report() const {
  if (meeting_report_ >= 0) return meeting_report_ == 1;
  int statements = 0;
  if (!a.report_meeting.empty()) {
    for (const TriggerHit* cue :
         cues_in({0, static_cast<std::uint32_t>(text().size())}, cue_key::kParticipation)) {
      if (unit_at(cue->span.begin)) continue;
      const int p = a.segments.paragraph_at(cue->span.begin);
      if (p < 0) continue;
      for (const Mention* m : mentions_in(a.segments.paragraphs[p].span))
        if (m->type == NodeType::kState || m->type == NodeType::kBody) {
          ++statements;
          break;
        }
      if (statements >= 2) break;
    }
  }
  meeting_report_ = statements >= 2 ? 1 : 0;
  return meeting_report_ == 1;
}

std::string RelateContext::sentence_actor(Span s, std::uint32_t before) const {
  const auto ms = mentions_in(s);
  std::set<std::string> issuing;
  for (const Mention* m : ms)
    if (is_reference(*m)) {
      if (auto* issuer = knowledge.cues().issuer_by_code(
              m->id.substr(m->id.find(':') + 1, m->id.find('/') - m->id.find(':') - 1)))
        issuing.insert(issuer->body_id);
    }
  for (const Mention* m : ms) {
    if (m->span.begin >= before || !is_agent(*m)) continue;
    if (m->type == NodeType::kBody && (is_issuer(m->id) || issuing.count(m->id) ||
                                       m->id == a.header_body || ancestors_.count(m->id)))
      continue;
    return m->id;
  }
  return "";
}

std::vector<std::string> RelateContext::crimes_named_by(const Mention& m) const {
  if (m.type == NodeType::kCrimeType) return {m.id};
  if (m.entry == Lexicon::npos && m.type != NodeType::kMeeting) return {};
  if (m.type == NodeType::kState || m.type == NodeType::kPlace) return {};
  if (m.type != NodeType::kInstrument &&
      (m.kind == MentionKind::kShortForm || m.kind == MentionKind::kGuarded))
    return {};
  // A lexicon entry's name is read from its canonical label, whatever
  // language and form it is printed in (short forms and acronyms of
  // instruments print no crime, but name the instrument); a meeting the
  // lexicon does not hold, as printed, in the keys the matcher resolved.
  if (m.entry != Lexicon::npos) return name_phrases.crimes_of_entry(m.entry);
  return name_phrases.crimes_stated(a.folded(m.span), m.entry);
}

std::vector<std::string> RelateContext::instruments_named_in(const Mention& m) const {
  if (m.kind != MentionKind::kName && m.kind != MentionKind::kAlias) return {};
  return name_phrases.instruments_embedded(a.folded(m.span), m.entry);
}

std::vector<const Mention*> RelateContext::agents_near(const std::vector<const Mention*>& ms,
                                                       std::uint32_t offset,
                                                       bool instruments) const {
  auto actor = [&](const Mention& m) {
    if (m.type == NodeType::kInstrument) return instruments && m.kind == MentionKind::kName;
    return is_agent(m) && !is_issuer(m.id);
  };
  std::size_t nearest = ms.size();
  for (std::size_t i = 0; i < ms.size(); ++i)
    if (ms[i]->span.end <= offset && actor(*ms[i])) nearest = i;
  if (nearest == ms.size()) return {};
  // Back to the start of the list holding it.
  std::size_t first = nearest;
  while (first > 0 && actor(*ms[first - 1]) &&
         only_list_glue(ms[first - 1]->span.end, ms[first]->span.begin))
    --first;
  std::vector<const Mention*> out;
  for (std::size_t j : list_from(ms, first, actor)) out.push_back(ms[j]);
  return out;
}

void RelateContext::emit(const std::string& source, std::string_view predicate,
                         const std::string& target, Span evidence, std::string_view extractor,
                         double confidence) {
  if (source.empty() || target.empty() || source == target) return;
  auto key = std::make_tuple(source, std::string(predicate), target);
  auto [it, inserted] = index_.try_emplace(key, edges_.size());
  if (inserted) {
    EdgeRecord edge;
    edge.source = source;
    edge.target = target;
    edge.predicate = std::string(predicate);
    edge.weight = 0;
    edges_.push_back(std::move(edge));
  }
  EdgeRecord& edge = edges_[it->second];
  for (const auto& e : edge.evidence)
    if (e.start == evidence.begin && e.end == evidence.end) return;
  edge.evidence.push_back(make_evidence(a, evidence, std::string(extractor), confidence));
  edge.weight = edge.evidence.size();
}

void RelateContext::flush() {
  for (auto& e : edges_) a.edges.push_back(std::move(e));
  edges_.clear();
  index_.clear();
}

}  // namespace crimekg
