#include "extractors/recognise.h"

#include <algorithm>
#include <climits>
#include <filesystem>
#include <set>
#include <unordered_map>

#include "extractors/meeting_recognizer.h"  // meeting_head trigger values

namespace crimekg {
namespace detail {
namespace {

// A lexicon form's word case rules: an acronym (no lower-case letter) must
// be upper case in the text; a short form's capitalised words must be
// capitalised ("the Office", not "the office"); an Arabic short form's
// definite words must carry the article («المكتب», not «مكتب»).
std::vector<CaseRule> case_rules(const TokenStream& form, bool short_form) {
  std::vector<CaseRule> rules(form.tokens.size(), CaseRule::kAny);
  bool any_lower = false, any_upper = false;
  std::size_t letters = 0;
  for (const auto& t : form.tokens) {
    if (t.flags & token_flag::kDigits) continue;
    letters += t.key_size;
    if (t.flags & token_flag::kAllUpper) any_upper = true;
    else if (!(t.flags & (token_flag::kArabic | token_flag::kHan))) any_lower = true;
  }
  if (!short_form && any_upper && !any_lower && letters >= 2) {
    for (std::size_t i = 0; i < rules.size(); ++i) rules[i] = CaseRule::kAllUpper;
    return rules;
  }
  if (short_form) {
    for (std::size_t i = 0; i < rules.size(); ++i) {
      const auto flags = form.tokens[i].flags;
      if (flags & token_flag::kDefinite) rules[i] = CaseRule::kDefinite;
      else if (flags & token_flag::kCapitalized) rules[i] = CaseRule::kCapitalized;
    }
  }
  return rules;
}

struct Candidate {
  std::uint32_t pattern;
  std::uint32_t first, last;
};

}  // namespace
}  // namespace detail

std::unique_ptr<Recognizer> Recognizer::create(const std::string& data_folder, Status& status) {
  namespace fs = std::filesystem;
  Lexicon lexicon;
  Cues cues;
  status.merge(lexicon.load_folder((fs::path(data_folder) / "lexicon").string()));
  status.merge(lexicon.check_references());
  status.merge(cues.load_folder((fs::path(data_folder) / "cues").string()));
  if (!status.ok()) return nullptr;
  return compile(std::move(lexicon), std::move(cues), status);
}

std::unique_ptr<Recognizer> Recognizer::compile(Lexicon lexicon, Cues cues, Status& status) {
  std::unique_ptr<Recognizer> r(new Recognizer());
  r->lexicon_ = std::move(lexicon);
  r->cues_ = std::move(cues);
  Normaliser normaliser;
  Gazetteer::Builder builder;
  TokenStream form;
  auto add = [&](std::string_view text, PatternPayload payload, const std::string& file,
                 std::size_t line, const std::string& entry) {
    normaliser.tokenise(text, {}, {}, form);
    if (form.tokens.empty()) {
      status.add(file, line, entry, "name \"" + std::string(text) + "\" has no letters or digits");
      return;
    }
    std::vector<std::string> keys;
    for (const auto& t : form.tokens) keys.emplace_back(form.key(t));
    const bool short_form = payload.kind == PatternPayload::Kind::kShortForm ||
                            payload.kind == PatternPayload::Kind::kDefaultShortForm;
    const auto id = builder.add(keys, detail::case_rules(form, short_form));
    if (r->payloads_.size() <= id) r->payloads_.resize(id + 1);
    auto& list = r->payloads_[id];
    for (const auto& p : list)
      if (p.kind == payload.kind && p.target == payload.target) return;
    list.push_back(payload);
  };
  using Kind = PatternPayload::Kind;
  const auto& entries = r->lexicon_.entries();
  for (std::uint32_t e = 0; e < entries.size(); ++e) {
    const auto& entry = entries[e];
    // A guarded form stays guarded even where it is also a label ("مالي").
    std::set<std::vector<std::string>> guarded;
    for (const auto& [lang, list] : entry.guarded)
      for (const auto& text : list) guarded.insert(normaliser.keys_of(text));
    auto name = [&](const std::string& text) {
      if (!guarded.empty() && guarded.count(normaliser.keys_of(text))) return;
      add(text, {Kind::kName, e}, entry.file, entry.line, entry.id);
    };
    name(entry.label);
    for (const auto& [lang, text] : entry.labels) name(text);
    for (const auto& [lang, list] : entry.names)
      for (const auto& text : list) name(text);
    for (const auto& text : entry.aliases)
      if (guarded.empty() || !guarded.count(normaliser.keys_of(text)))
        add(text, {Kind::kAlias, e}, entry.file, entry.line, entry.id);
    for (const auto& [lang, list] : entry.short_forms)
      for (const auto& text : list) add(text, {Kind::kShortForm, e}, entry.file, entry.line, entry.id);
    for (const auto& [lang, list] : entry.default_short_forms)
      for (const auto& text : list) add(text, {Kind::kDefaultShortForm, e}, entry.file, entry.line, entry.id);
    for (const auto& [lang, list] : entry.guarded)
      for (const auto& text : list) add(text, {Kind::kGuarded, e}, entry.file, entry.line, entry.id);
  }
  auto trigger = [&](std::string_view phrase, TriggerKind kind, int value, const std::string& lang) {
    r->triggers_.push_back({kind, value, lang});
    add(phrase, {Kind::kTrigger, static_cast<std::uint32_t>(r->triggers_.size() - 1)},
        "cues/" + lang + ".json", 0, std::string(phrase));
  };
  static const std::pair<const char*, TriggerKind> kTriggerKinds[] = {
      {"resolution", TriggerKind::kResolution},
      {"decision", TriggerKind::kDecision},
      {"resolution_possessive", TriggerKind::kResolutionPossessive},
      {"decision_possessive", TriggerKind::kDecisionPossessive},
      {"session", TriggerKind::kSession},
      {"session_possessive", TriggerKind::kSessionPossessive},
  };
  for (const auto& lang : r->cues_.languages) {
    for (const auto& [key, kind] : kTriggerKinds) {
      auto it = lang.triggers.find(key);
      if (it == lang.triggers.end()) continue;
      for (const auto& word : it->second) trigger(word, kind, 0, lang.language);
    }
    for (const auto& [phrase, number] : lang.ordinals) trigger(phrase, TriggerKind::kOrdinal, number, lang.language);
    // Meeting recognizer (extractors/meeting_recognizer.h): head nouns, one
    // hit per list they are in, and held cues, from the "meetings" section.
    static const std::pair<const char*, std::pair<TriggerKind, int>> kMeetingTriggers[] = {
        {"heads", {TriggerKind::kMeetingHead, meeting_head::kTitle}},
        {"numbered_heads", {TriggerKind::kMeetingHead, meeting_head::kNumbered}},
        {"possessive_heads", {TriggerKind::kMeetingHead, meeting_head::kPossessive}},
        {"dual_possessive_heads", {TriggerKind::kMeetingHead, meeting_head::kDualPossessive}},
        {"session_heads", {TriggerKind::kMeetingHead, meeting_head::kSession}},
        {"held_cues", {TriggerKind::kMeetingHeld, 0}},
    };
    for (const auto& [key, kind_value] : kMeetingTriggers) {
      auto it = lang.meetings.find(key);
      if (it == lang.meetings.end()) continue;
      for (const auto& word : it->second) trigger(word, kind_value.first, kind_value.second, lang.language);
    }
    for (const auto& [predicate, phrases] : lang.relation_cues) {
      for (const auto& phrase : phrases) {
        r->relation_cues_.push_back({predicate, lang.language, phrase});
        trigger(phrase, TriggerKind::kRelationCue, static_cast<int>(r->relation_cues_.size() - 1),
                lang.language);
      }
    }
    std::vector<std::string> frequent;
    for (const auto& w : lang.frequent_words) {
      auto keys = normaliser.keys_of(w);
      if (keys.size() == 1) frequent.push_back(keys[0]);
    }
    std::sort(frequent.begin(), frequent.end());
    r->frequent_words_.emplace_back(lang.language, std::move(frequent));
  }
  for (const auto& series : r->cues_.symbol_series) {
    // Series letters are case-sensitive: "A/59/150", never the article "a".
    r->triggers_.push_back({TriggerKind::kSymbolSeries, 0, ""});
    normaliser.tokenise(series, {}, {}, form);
    std::vector<std::string> keys;
    for (const auto& t : form.tokens) keys.emplace_back(form.key(t));
    if (keys.empty()) continue;
    const auto id = builder.add(keys, std::vector<CaseRule>(keys.size(), CaseRule::kAllUpper));
    if (r->payloads_.size() <= id) r->payloads_.resize(id + 1);
    r->payloads_[id].push_back({Kind::kTrigger, static_cast<std::uint32_t>(r->triggers_.size() - 1)});
  }
  r->gazetteer_ = std::move(builder).build();

  // Folded labels and forms, for the relation stages.
  r->folded_labels_.resize(entries.size());
  r->folded_forms_.resize(entries.size());
  r->folded_aliases_.resize(entries.size());
  for (std::size_t e = 0; e < entries.size(); ++e) {
    const auto& entry = entries[e];
    r->folded_labels_[e] = fold_name(entry.label);
    // In the order the entry lists them (label, labels, names), once each.
    auto add_form = [](std::vector<std::string>& to, const std::string& text) {
      auto folded = fold_name(text);
      if (!folded.empty() && std::find(to.begin(), to.end(), folded) == to.end()) to.push_back(std::move(folded));
    };
    add_form(r->folded_forms_[e], entry.label);
    for (const auto& [lang, text] : entry.labels) add_form(r->folded_forms_[e], text);
    for (const auto& [lang, list] : entry.names)
      for (const auto& text : list) add_form(r->folded_forms_[e], text);
    for (const auto& text : entry.aliases) add_form(r->folded_aliases_[e], text);
  }

  // Crime types named inside each entry's own names.
  r->addresses_by_name_.resize(entries.size());
  std::vector<Unit> units;
  std::string scratch;
  for (std::uint32_t e = 0; e < entries.size(); ++e) {
    const auto& entry = entries[e];
    std::set<std::string> found(entry.addresses.begin(), entry.addresses.end());
    if (entry.type != NodeType::kCrimeType && entry.type != NodeType::kState &&
        entry.type != NodeType::kPlace) {
      normaliser.tokenise(entry.label, {}, {}, form);
      r->gazetteer_.encode(form, units, scratch);
      r->gazetteer_.scan(units, [&](Gazetteer::PatternId p, std::size_t, std::size_t) {
        for (const auto& payload : r->payloads_[p]) {
          if (payload.kind == Kind::kName && entries[payload.target].type == NodeType::kCrimeType)
            found.insert(entries[payload.target].id);
        }
      });
    }
    r->addresses_by_name_[e].assign(found.begin(), found.end());
  }
  return r;
}

void Recognizer::detect_language(DocumentAnalysis& a) const {
  std::size_t arabic = 0, cyrillic = 0, han = 0, latin = 0;
  std::unordered_map<std::string, std::size_t> votes;
  for (const auto& t : a.tokens.tokens) {
    if (t.flags & token_flag::kArabic) ++arabic;
    else if (t.flags & token_flag::kCyrillic) ++cyrillic;
    else if (t.flags & token_flag::kHan) ++han;
    else if (!(t.flags & token_flag::kDigits)) {
      ++latin;
      const auto key = a.tokens.key(t);
      for (const auto& [lang, words] : frequent_words_) {
        if (std::binary_search(words.begin(), words.end(), key)) ++votes[lang];
      }
    }
  }
  const std::size_t best = std::max({arabic, cyrillic, han, latin});
  if (best == 0) {
    a.language = "und";
  } else if (best == arabic) {
    a.language = "ar";
  } else if (best == cyrillic) {
    a.language = "ru";
  } else if (best == han) {
    a.language = "zh";
  } else {
    std::string language = "en";
    std::size_t most = 0;
    for (const auto& lang : {"en", "fr", "es"}) {
      auto it = votes.find(lang);
      if (it != votes.end() && it->second > most) {
        most = it->second;
        language = lang;
      }
    }
    a.language = language;
  }
}

void Recognizer::recognise(DocumentAnalysis& a, Normaliser& normaliser) const {
  using Kind = PatternPayload::Kind;
  normaliser.tokenise(a.text(), a.segments.furniture, a.segments.breaks, a.tokens);
  if (a.language.empty()) detect_language(a);
  std::string scratch;
  gazetteer_.encode(a.tokens, a.units, scratch);

  std::vector<detail::Candidate> candidates;
  gazetteer_.scan(a.units, [&](Gazetteer::PatternId p, std::size_t first, std::size_t last) {
    candidates.push_back({p, static_cast<std::uint32_t>(first), static_cast<std::uint32_t>(last)});
  });

  // Trigger hits: every occurrence, whatever the entity matches.
  std::set<std::tuple<std::uint32_t, std::uint32_t, int>> seen_triggers;
  for (const auto& c : candidates) {
    for (const auto& payload : payloads_[c.pattern]) {
      if (payload.kind != Kind::kTrigger) continue;
      if (!gazetteer_.case_matches(c.pattern, &a.units[c.first])) continue;
      const auto& info = triggers_[payload.target];
      // The same word in several cue files ("session" en/fr): keep the one of
      // the document's language, else the first.
      if (info.language != a.language && !info.language.empty()) {
        bool own_language_too = false;
        for (const auto& other : payloads_[c.pattern])
          if (other.kind == Kind::kTrigger && triggers_[other.target].kind == info.kind &&
              triggers_[other.target].language == a.language)
            own_language_too = true;
        if (own_language_too) continue;
      }
      if (!seen_triggers.insert({c.first, c.last, static_cast<int>(info.kind) * 100000 + info.value}).second)
        continue;
      a.triggers.push_back({info.kind, info.value, info.language, c.first, c.last,
                            {a.units[c.first].begin, a.units[c.last].end}});
    }
  }
  std::sort(a.triggers.begin(), a.triggers.end(), [](const TriggerHit& x, const TriggerHit& y) {
    return std::tie(x.span.begin, x.span.end) < std::tie(y.span.begin, y.span.end);
  });

  // Entity matches: longest first, then leftmost; no two overlap.
  std::vector<detail::Candidate> entity;
  for (const auto& c : candidates) {
    bool has_entity = false;
    for (const auto& payload : payloads_[c.pattern]) has_entity |= payload.kind != Kind::kTrigger;
    if (has_entity && gazetteer_.case_matches(c.pattern, &a.units[c.first])) entity.push_back(c);
  }
  // A pattern that is some entry's full name or alias beats a short form or
  // guarded form of the same length ("l'Assemblée générale": the name).
  auto is_full = [&](const detail::Candidate& c) {
    for (const auto& payload : payloads_[c.pattern])
      if (payload.kind == Kind::kName || payload.kind == Kind::kAlias) return true;
    return false;
  };
  std::stable_sort(entity.begin(), entity.end(), [&](const detail::Candidate& x, const detail::Candidate& y) {
    const auto lx = x.last - x.first, ly = y.last - y.first;
    if (lx != ly) return lx > ly;
    const bool fx = is_full(x), fy = is_full(y);
    if (fx != fy) return fx;
    return x.first < y.first;
  });
  std::vector<std::uint8_t> taken(a.units.size(), 0);
  std::vector<detail::Candidate> chosen;
  for (const auto& c : entity) {
    bool free = true;
    for (auto u = c.first; u <= c.last && free; ++u) free = !taken[u];
    if (!free) continue;
    for (auto u = c.first; u <= c.last; ++u) taken[u] = 1;
    chosen.push_back(c);
  }
  std::sort(chosen.begin(), chosen.end(),
            [](const detail::Candidate& x, const detail::Candidate& y) { return x.first < y.first; });

  const auto& entries = lexicon_.entries();
  // Names and aliases first: they are what short forms and guarded names lean on.
  std::unordered_map<std::size_t, std::uint32_t> last_full;  // entry -> last full mention's begin
  std::set<std::size_t> named;
  struct Pending {
    const detail::Candidate* c;
    Kind kind;
  };
  std::vector<Pending> pending;
  for (const auto& c : chosen) {
    const Span span{a.units[c.first].begin, a.units[c.last].end};
    const PatternPayload* full = nullptr;
    for (const auto& payload : payloads_[c.pattern])
      if (payload.kind == Kind::kName || payload.kind == Kind::kAlias) {
        full = &payload;
        break;
      }
    if (full) {
      const auto& entry = entries[full->target];
      a.mentions.push_back({span, entry.id, entry.type,
                            full->kind == Kind::kAlias ? MentionKind::kAlias : MentionKind::kName,
                            full->target, 1.0, a.segments.paragraph_at(span.begin)});
      named.insert(full->target);
      continue;
    }
    for (const auto& payload : payloads_[c.pattern]) {
      if (payload.kind == Kind::kShortForm || payload.kind == Kind::kDefaultShortForm ||
          payload.kind == Kind::kGuarded) {
        pending.push_back({&c, payload.kind});
        break;
      }
    }
  }
  std::sort(a.mentions.begin(), a.mentions.end(),
            [](const Mention& x, const Mention& y) { return x.span.begin < y.span.begin; });
  // The body the document is issued by or reports on: the first body named in
  // its header, before the first numbered paragraph. "The Conference" in a
  // report of the Conference of the Parties is that Conference.
  std::uint32_t header_end = static_cast<std::uint32_t>(a.text().size());
  for (const auto& p : a.segments.paragraphs)
    if (p.kind == BlockKind::kParagraph && !p.label.empty() &&
        p.label[0] >= '0' && p.label[0] <= '9') {
      header_end = p.span.begin;
      break;
    }
  for (const auto& m : a.mentions) {
    if (m.span.begin >= header_end) break;
    if (m.type == NodeType::kBody) {
      a.header_body = m.id;
      break;
    }
  }
  const std::size_t header_entry = a.header_body.empty() ? Lexicon::npos : lexicon_.index_of(a.header_body);
  auto last_full_before = [&](std::size_t entry, std::uint32_t offset) -> long {
    long best = -1;
    for (const auto& m : a.mentions) {
      if (m.span.begin >= offset) break;
      if (m.entry == entry && (m.kind == MentionKind::kName || m.kind == MentionKind::kAlias))
        best = m.span.begin;
    }
    return best;
  };
  std::vector<Mention> resolved;
  for (const auto& p : pending) {
    const Span span{a.units[p.c->first].begin, a.units[p.c->last].end};
    std::size_t pick = Lexicon::npos;
    if (p.kind == Kind::kShortForm || p.kind == Kind::kDefaultShortForm) {
      // The candidate the document named in full most recently; else the
      // entry the form means by convention.
      long best = -1;
      std::size_t fallback = Lexicon::npos;
      for (const auto& payload : payloads_[p.c->pattern]) {
        if (payload.kind == Kind::kDefaultShortForm && fallback == Lexicon::npos) fallback = payload.target;
        if (payload.kind != Kind::kShortForm && payload.kind != Kind::kDefaultShortForm) continue;
        long at = last_full_before(payload.target, span.begin);
        if (payload.target == header_entry && at >= 0) at = LONG_MAX;  // the document's own body
        if (at > best) {
          best = at;
          pick = payload.target;
        }
      }
      if (pick == Lexicon::npos) pick = fallback;
      if (pick == Lexicon::npos) continue;
      const auto& entry = entries[pick];
      resolved.push_back({span, entry.id, entry.type, MentionKind::kShortForm, pick, 0.8,
                          a.segments.paragraph_at(span.begin)});
    } else {
      for (const auto& payload : payloads_[p.c->pattern]) {
        if (payload.kind != Kind::kGuarded) continue;
        const auto& entry = entries[payload.target];
        bool confirmed = named.count(payload.target) > 0;
        if (!confirmed && entry.type == NodeType::kState) {
          // In a list of States: another State within a short distance.
          for (const auto& m : a.mentions) {
            if (m.type != NodeType::kState) continue;
            const std::uint32_t gap = m.span.begin > span.end ? m.span.begin - span.end
                                      : span.begin > m.span.end ? span.begin - m.span.end
                                                                : 0;
            if (gap <= 12) {
              confirmed = true;
              break;
            }
          }
        }
        if (confirmed) {
          resolved.push_back({span, entry.id, entry.type, MentionKind::kGuarded, payload.target,
                              0.7, a.segments.paragraph_at(span.begin)});
          break;
        }
      }
    }
  }
  // A State or an instrument named inside a longer name is mentioned too
  // ("Macao Special Administrative Region of China", "the Mechanism for the
  // Review of the Implementation of the United Nations Convention against
  // Corruption"); such mentions count but carry no relation cues. A word the
  // longer name's own entry guards is that entry's: «سلفادور» in
  // «سلفادور، البرازيل» is Salvador (Brazil), not El Salvador.
  std::vector<std::uint8_t> chosen_at(a.units.size(), 0);
  for (const auto& c : chosen)
    for (auto u = c.first; u <= c.last; ++u) chosen_at[u] = 1;
  std::set<std::pair<std::uint32_t, std::uint32_t>> nested_spans;
  for (const auto& c : entity) {
    if (!chosen_at[c.first]) continue;
    for (const auto& payload : payloads_[c.pattern]) {
      if (payload.kind != Kind::kName) continue;
      const auto& entry = entries[payload.target];
      if (entry.type != NodeType::kState && entry.type != NodeType::kInstrument) continue;
      const Span span{a.units[c.first].begin, a.units[c.last].end};
      bool inside_other = false;
      for (const auto& m : a.mentions) {
        if (m.span.begin > span.begin) break;
        if (m.span.begin <= span.begin && m.span.end >= span.end && m.span.size() > span.size() &&
            m.type != entry.type) {
          bool guarded_by_container = false;
          for (const auto& other : payloads_[c.pattern])
            if (other.kind == Kind::kGuarded && other.target == m.entry)
              guarded_by_container = true;
          if (!guarded_by_container) inside_other = true;
        }
      }
      if (inside_other && nested_spans.insert({span.begin, span.end}).second)
        resolved.push_back({span, entry.id, entry.type, MentionKind::kNested, payload.target, 0.9,
                            a.segments.paragraph_at(span.begin)});
      break;
    }
  }
  a.mentions.insert(a.mentions.end(), resolved.begin(), resolved.end());
  std::sort(a.mentions.begin(), a.mentions.end(),
            [](const Mention& x, const Mention& y) { return x.span.begin < y.span.begin; });
}

}  // namespace crimekg
