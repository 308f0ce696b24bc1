#include "extractors/recognise.h"

#include <algorithm>
#include <climits>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

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
    if (t.flags & token_flag::kAllUpper)
      any_upper = true;
    else if (!(t.flags & (token_flag::kArabic | token_flag::kHan)))
      any_lower = true;
  }
  if (!short_form && any_upper && !any_lower && letters >= 2) {
    for (std::size_t i = 0; i < rules.size(); ++i) rules[i] = CaseRule::kAllUpper;
    return rules;
  }
  if (short_form) {
    for (std::size_t i = 0; i < rules.size(); ++i) {
      const auto flags = form.tokens[i].flags;
      if (flags & token_flag::kDefinite)
        rules[i] = CaseRule::kDefinite;
      else if (flags & token_flag::kCapitalized)
        rules[i] = CaseRule::kCapitalized;
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
  // Every form is keyed once all are known (see arabic_base_keys below).
  struct Form {
    std::string text;
    PatternPayload payload;
    std::string file;
    std::size_t line;
    std::string entry;
    std::string language;  // empty: any (aliases)
  };
  std::vector<Form> forms;
  std::vector<std::string> vocabulary_texts;
  auto add = [&](std::string_view text, PatternPayload payload, const std::string& file,
                 std::size_t line, const std::string& entry, const std::string& language) {
    forms.push_back({std::string(text), payload, file, line, entry, language});
  };
  using Kind = PatternPayload::Kind;
  const auto& entries = r->lexicon_.entries();
  for (std::uint32_t e = 0; e < entries.size(); ++e) {
    const auto& entry = entries[e];
    // A guarded form stays guarded even where it is also a label ("مالي").
    std::set<std::vector<std::string>> guarded;
    for (const auto& [lang, list] : entry.guarded)
      for (const auto& text : list) guarded.insert(normaliser.keys_of(text));
    auto name = [&](const std::string& text, const std::string& lang) {
      if (!guarded.empty() && guarded.count(normaliser.keys_of(text))) return;
      add(text, {Kind::kName, e}, entry.file, entry.line, entry.id, lang);
    };
    name(entry.label, "en");
    for (const auto& [lang, text] : entry.labels) name(text, lang);
    for (const auto& [lang, list] : entry.names)
      for (const auto& text : list) name(text, lang);
    for (const auto& text : entry.aliases)
      if (guarded.empty() || !guarded.count(normaliser.keys_of(text)))
        add(text, {Kind::kAlias, e}, entry.file, entry.line, entry.id, "");
    for (const auto& [lang, list] : entry.short_forms)
      for (const auto& text : list)
        add(text, {Kind::kShortForm, e}, entry.file, entry.line, entry.id, lang);
    for (const auto& [lang, list] : entry.default_short_forms)
      for (const auto& text : list)
        add(text, {Kind::kDefaultShortForm, e}, entry.file, entry.line, entry.id, lang);
    for (const auto& [lang, list] : entry.guarded)
      for (const auto& text : list)
        add(text, {Kind::kGuarded, e}, entry.file, entry.line, entry.id, lang);
  }
  auto trigger = [&](std::string_view phrase, TriggerKind kind, int value,
                     const std::string& lang) {
    r->triggers_.push_back({kind, value, lang});
    add(phrase, {Kind::kTrigger, static_cast<std::uint32_t>(r->triggers_.size() - 1)},
        "cues/" + lang + ".json", 0, std::string(phrase), lang);
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
    for (const auto& [phrase, number] : lang.ordinals)
      trigger(phrase, TriggerKind::kOrdinal, number, lang.language);
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
      for (const auto& word : it->second)
        trigger(word, kind_value.first, kind_value.second, lang.language);
    }
    for (const auto& [predicate, phrases] : lang.relation_cues) {
      for (const auto& phrase : phrases) {
        r->relation_cues_.push_back({predicate, lang.language, phrase});
        trigger(phrase, TriggerKind::kRelationCue, static_cast<int>(r->relation_cues_.size() - 1),
                lang.language);
      }
    }
    // Words the later stages compare token keys with: a text word must be
    // read as them (Gazetteer::resolve only picks readings it knows).
    auto vocabulary_words = [&](const std::vector<std::string>& phrases) {
      vocabulary_texts.insert(vocabulary_texts.end(), phrases.begin(), phrases.end());
    };
    vocabulary_words(lang.list_words);
    vocabulary_words(lang.issuer_links);
    vocabulary_words(lang.frequent_words);
    for (const auto& [key, list] : lang.meetings) vocabulary_words(list);
    std::vector<std::string> frequent;
    for (const auto& w : lang.frequent_words) {
      auto keys = normaliser.keys_of(w);
      if (keys.size() == 1) frequent.push_back(keys[0]);
    }
    std::sort(frequent.begin(), frequent.end());
    r->frequent_words_.emplace_back(lang.language, std::move(frequent));
  }
  // An Arabic name word that is a proclitic (و ف ب ك ل) plus another name
  // word («وتهريب» in one name, «تهريب المهاجرين» in another) shares that
  // word's vocabulary id: a text word resolves to the least stripped reading
  // the vocabulary knows, and must then fit both names. A word whose letters
  // only look like a proclitic (فرنسا, كينيا) keeps its own id: no name word
  // is its rest. Words that carried the article are left alone (الفلبين).
  {
    std::unordered_set<std::string> name_words, bare_words;
    for (const auto& f : forms) {
      normaliser.tokenise_name(f.text, form);
      for (const auto& t : form.tokens) {
        if (!(t.flags & token_flag::kArabic)) continue;
        name_words.emplace(form.key(t));
        if (!(t.flags & token_flag::kDefinite)) bare_words.emplace(form.key(t));
      }
    }
    std::map<std::string, std::string> same_as;  // sorted: deterministic ids
    for (const auto& word : bare_words)
      for (const auto rest : arabic_proclitic_remainders(word))
        if (name_words.count(std::string(rest))) {
          same_as.emplace(word, rest);
          break;
        }
    auto root_of = [&](std::string key) {
      for (auto it = same_as.find(key); it != same_as.end(); it = same_as.find(key))
        key = it->second;
      return key;
    };
    for (const auto& [word, rest] : same_as) builder.add_word(root_of(rest));
    for (const auto& [word, rest] : same_as) builder.add_word_as(word, root_of(rest));
  }
  auto keys_of_form = [&](std::string_view text) {
    normaliser.tokenise_name(text, form);
    std::vector<std::string> keys;
    for (const auto& t : form.tokens) keys.emplace_back(form.key(t));
    return keys;
  };
  // Article contractions per language (French du/au for le, des/aux for
  // les; Spanish del/al for el), folded: a form that starts with the article
  // is also found after the contraction, its span starting there.
  std::map<std::string, std::map<std::string, std::vector<std::string>>> contractions;
  for (const auto& lang : r->cues_.languages)
    for (const auto& [article, forms_of_article] : lang.article_contractions) {
      const auto article_keys = normaliser.keys_of(article);
      if (article_keys.size() != 1) continue;
      for (const auto& contracted : forms_of_article) {
        const auto keys = normaliser.keys_of(contracted);
        if (keys.size() == 1) contractions[lang.language][article_keys[0]].push_back(keys[0]);
      }
    }
  for (const auto& f : forms) {
    auto keys = keys_of_form(f.text);
    if (keys.empty()) {
      status.add(f.file, f.line, f.entry, "name \"" + f.text + "\" has no letters or digits");
      continue;
    }
    const bool short_form = f.payload.kind == PatternPayload::Kind::kShortForm ||
                            f.payload.kind == PatternPayload::Kind::kDefaultShortForm;
    const auto rules = detail::case_rules(form, short_form);
    auto add_pattern = [&](const std::vector<std::string>& pattern_keys, bool contracted) {
      auto pattern_rules = rules;
      if (contracted && !pattern_rules.empty()) pattern_rules[0] = CaseRule::kAny;
      const auto id = builder.add(pattern_keys, pattern_rules);
      if (r->payloads_.size() <= id) r->payloads_.resize(id + 1);
      auto& list = r->payloads_[id];
      bool known = false;
      for (const auto& p : list) known |= p.kind == f.payload.kind && p.target == f.payload.target;
      if (!known) list.push_back(f.payload);
    };
    add_pattern(keys, false);
    if (keys.size() < 2) continue;
    if (auto lang = contractions.find(f.language); lang != contractions.end())
      if (auto article = lang->second.find(keys[0]); article != lang->second.end())
        for (const auto& contracted : article->second) {
          keys[0] = contracted;
          add_pattern(keys, true);
        }
  }
  for (const auto& text : vocabulary_texts)
    for (const auto& key : keys_of_form(text)) builder.add_word(key);
  for (const auto& series : r->cues_.symbol_series) {
    // Series letters are case-sensitive: "A/59/150", never the article "a".
    r->triggers_.push_back({TriggerKind::kSymbolSeries, 0, ""});
    normaliser.tokenise_name(series, form);
    std::vector<std::string> keys;
    for (const auto& t : form.tokens) keys.emplace_back(form.key(t));
    if (keys.empty()) continue;
    const auto id = builder.add(keys, std::vector<CaseRule>(keys.size(), CaseRule::kAllUpper));
    if (r->payloads_.size() <= id) r->payloads_.resize(id + 1);
    r->payloads_[id].push_back(
        {Kind::kTrigger, static_cast<std::uint32_t>(r->triggers_.size() - 1)});
  }
  r->gazetteer_ = std::move(builder).build();

  // Folded labels and forms, for the relation stages: as fold_name() folds
  // them, each word in its canonical spelling, as resolved text keys are
  // (DocumentAnalysis::folded).
  auto canonical_fold = [&](const std::string& text) {
    std::string out;
    const auto words = normaliser.keys_of(text);
    for (std::size_t k = words.size() > 1 && words[0] == "the" ? 1 : 0; k < words.size(); ++k) {
      if (!out.empty()) out += ' ';
      out += r->gazetteer_.canonical(words[k]);
    }
    return out;
  };
  r->folded_labels_.resize(entries.size());
  r->folded_forms_.resize(entries.size());
  r->folded_aliases_.resize(entries.size());
  for (std::size_t e = 0; e < entries.size(); ++e) {
    const auto& entry = entries[e];
    r->folded_labels_[e] = canonical_fold(entry.label);
    // In the order the entry lists them (label, labels, names), once each.
    auto add_form = [&](std::vector<std::string>& to, const std::string& text) {
      auto folded = canonical_fold(text);
      if (!folded.empty() && std::find(to.begin(), to.end(), folded) == to.end())
        to.push_back(std::move(folded));
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
      normaliser.tokenise_name(entry.label, form);
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

std::string Recognizer::language_of(const DocumentAnalysis& a, std::size_t first, std::size_t last,
                                    std::size_t& letters) const {
  std::size_t arabic = 0, cyrillic = 0, han = 0, latin = 0, symbol_letters = 0;
  std::unordered_map<std::string, std::size_t> votes;
  const std::string_view text = a.text();
  // Letters of a document symbol ("E/CN.15/2023/CRP.3", "Corr") or an
  // acronym are written the same in every language: they do not vote.
  auto in_symbol = [&](const Token& t) {
    if (t.flags & token_flag::kAllUpper) return true;
    return (t.begin > 0 && text[t.begin - 1] == '/') || (t.end < text.size() && text[t.end] == '/');
  };
  for (std::size_t k = first; k < last; ++k) {
    const Token& t = a.tokens.tokens[k];
    if (t.flags & token_flag::kArabic)
      ++arabic;
    else if (t.flags & token_flag::kCyrillic)
      ++cyrillic;
    else if (t.flags & token_flag::kHan)
      ++han;
    else if (!(t.flags & token_flag::kDigits) && in_symbol(t))
      ++symbol_letters;
    else if (!(t.flags & token_flag::kDigits)) {
      ++latin;
      const auto key = a.tokens.key(t);
      for (const auto& [lang, words] : frequent_words_) {
        if (std::binary_search(words.begin(), words.end(), key)) ++votes[lang];
      }
    }
  }
  letters = arabic + cyrillic + han + latin;
  // A text of symbols and acronyms only is read as Latin script.
  if (letters == 0) latin = symbol_letters;
  const std::size_t best = std::max({arabic, cyrillic, han, latin});
  if (best == 0) return "und";
  if (best == arabic) return "ar";
  if (best == cyrillic) return "ru";
  if (best == han) return "zh";
  std::string language = "en";
  std::size_t most = 0;
  for (const auto& lang : {"en", "fr", "es"}) {
    auto it = votes.find(lang);
    if (it != votes.end() && it->second > most) {
      most = it->second;
      language = lang;
    }
  }
  return language;
}

void Recognizer::detect_language(DocumentAnalysis& a) const {
  std::size_t letters = 0;
  a.language = language_of(a, 0, a.tokens.tokens.size(), letters);
}

namespace detail {
namespace {
// The script a language code is written in, for comparing paragraphs.
char script_of(std::string_view language) {
  if (language == "ar") return 'a';
  if (language == "ru") return 'c';
  if (language == "zh") return 'h';
  if (language == "und" || language.empty()) return '?';
  return 'l';
}
}  // namespace
}  // namespace detail

void Recognizer::detect_paragraph_languages(DocumentAnalysis& a) const {
  const auto& paragraphs = a.segments.paragraphs;
  a.paragraph_languages.assign(paragraphs.size(), std::string());
  const auto& tokens = a.tokens.tokens;
  const char document_script = detail::script_of(a.language);
  std::size_t k = 0;
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    const Span span = paragraphs[p].span;
    while (k < tokens.size() && tokens[k].begin < span.begin) ++k;
    std::size_t end = k;
    while (end < tokens.size() && tokens[end].end <= span.end) ++end;
    // Most paragraphs hold no word of another script: no second vote there.
    bool foreign = false;
    for (std::size_t t = k; t < end && !foreign; ++t) {
      const auto flags = tokens[t].flags;
      const char script = (flags & token_flag::kArabic)     ? 'a'
                          : (flags & token_flag::kCyrillic) ? 'c'
                          : (flags & token_flag::kHan)      ? 'h'
                          : (flags & token_flag::kDigits)   ? document_script
                                                            : 'l';
      foreign = script != document_script;
    }
    if (!foreign) {
      k = end;
      continue;
    }
    std::size_t letters = 0;
    const std::string language = language_of(a, k, end, letters);
    // A few foreign words (a quoted title, a name) do not make a paragraph
    // of another language: it needs three words of its own script.
    if (letters >= 3 && detail::script_of(language) != document_script &&
        detail::script_of(language) != '?')
      a.paragraph_languages[p] = language;
    k = end;
  }
}

void Recognizer::recognise(DocumentAnalysis& a, Normaliser& normaliser) const {
  using Kind = PatternPayload::Kind;
  normaliser.tokenise(a.text(), a.segments.furniture, a.segments.breaks, a.tokens);
  gazetteer_.resolve(a.tokens);
  if (a.language.empty()) detect_language(a);
  detect_paragraph_languages(a);
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
      // the paragraph's language, else the first.
      const std::string& here = a.language_at(a.units[c.first].begin);
      if (info.language != here && !info.language.empty()) {
        bool own_language_too = false;
        for (const auto& other : payloads_[c.pattern])
          if (other.kind == Kind::kTrigger && triggers_[other.target].kind == info.kind &&
              triggers_[other.target].language == here)
            own_language_too = true;
        if (own_language_too) continue;
      }
      if (!seen_triggers
               .insert({c.first, c.last, static_cast<int>(info.kind) * 100000 + info.value})
               .second)
        continue;
      a.triggers.push_back({info.kind,
                            info.value,
                            info.language,
                            c.first,
                            c.last,
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
  std::stable_sort(entity.begin(), entity.end(),
                   [&](const detail::Candidate& x, const detail::Candidate& y) {
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
  std::sort(
      chosen.begin(), chosen.end(),
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
    if (p.kind == BlockKind::kParagraph && !p.label.empty() && p.label[0] >= '0' &&
        p.label[0] <= '9') {
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
  const std::size_t header_entry =
      a.header_body.empty() ? Lexicon::npos : lexicon_.index_of(a.header_body);
  // Starts of each entry's full mentions, in text order (a.mentions holds
  // only names and aliases here), so a short form finds its antecedent by
  // binary search.
  std::unordered_map<std::size_t, std::vector<std::uint32_t>> full_starts;
  for (const auto& m : a.mentions)
    if (m.kind == MentionKind::kName || m.kind == MentionKind::kAlias)
      full_starts[m.entry].push_back(m.span.begin);
  auto last_full_before = [&](std::size_t entry, std::uint32_t offset) -> long {
    auto it = full_starts.find(entry);
    if (it == full_starts.end()) return -1;
    auto after = std::lower_bound(it->second.begin(), it->second.end(), offset);
    return after == it->second.begin() ? -1 : static_cast<long>(*std::prev(after));
  };
  // Mentions starting in [from, to), from the sorted a.mentions.
  auto mentions_between = [&](std::uint32_t from, std::uint32_t to) {
    auto first =
        std::lower_bound(a.mentions.begin(), a.mentions.end(), from,
                         [](const Mention& m, std::uint32_t o) { return m.span.begin < o; });
    auto last = first;
    while (last != a.mentions.end() && last->span.begin < to) ++last;
    return std::pair{first, last};
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
        if (payload.kind == Kind::kDefaultShortForm && fallback == Lexicon::npos)
          fallback = payload.target;
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
        if (!confirmed && (entry.type == NodeType::kState || entry.type == NodeType::kPlace)) {
          // In a list of States or of places («à Vienne, à New York et au
          // Cap»): another of its type within a short distance.
          // Names are shorter than 1,000 bytes: a mention 12 bytes away
          // starts within that distance.
          auto [first, last] =
              mentions_between(span.begin > 1012 ? span.begin - 1012 : 0, span.end + 13);
          for (auto it = first; it != last; ++it) {
            const Mention& m = *it;
            if (m.type != entry.type) continue;
            const std::uint32_t gap = m.span.begin > span.end   ? m.span.begin - span.end
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
      auto [first, last] =
          mentions_between(span.begin > 1000 ? span.begin - 1000 : 0, span.begin + 1);
      for (auto it = first; it != last; ++it) {
        const Mention& m = *it;
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
