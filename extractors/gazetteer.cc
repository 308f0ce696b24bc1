#include "extractors/gazetteer.h"

#include <deque>

namespace crimekg {

Gazetteer::PatternId Gazetteer::Builder::add(const std::vector<std::string>& keys,
                                             const std::vector<CaseRule>& cases) {
  // Patterns are told apart by their word ids: two spellings of one word
  // (add_word_as) make one pattern.
  std::vector<std::uint32_t> ids;
  ids.reserve(keys.size());
  for (const auto& k : keys) {
    auto it = vocabulary_.find(k);
    ids.push_back(it != vocabulary_.end() ? it->second : new_id(k));
  }
  std::string joined(reinterpret_cast<const char*>(ids.data()), ids.size() * sizeof(std::uint32_t));
  auto found = pattern_index_.find(joined);
  if (found != pattern_index_.end()) {
    // Same words: keep the stricter case rule per word only if both agree;
    // a case-insensitive reading wins (it is the broader one).
    auto& have = cases_[found->second];
    for (std::size_t i = 0; i < have.size() && i < cases.size(); ++i)
      if (have[i] != cases[i]) have[i] = CaseRule::kAny;
    return found->second;
  }
  const PatternId id = static_cast<PatternId>(patterns_.size());
  patterns_.push_back(std::move(ids));
  cases_.push_back(cases);
  cases_.back().resize(keys.size(), CaseRule::kAny);
  pattern_index_.emplace(std::move(joined), id);
  return id;
}

std::uint32_t Gazetteer::Builder::new_id(std::string_view key) {
  const auto id = static_cast<std::uint32_t>(spellings_.size() + 1);
  spellings_.emplace_back(key);
  vocabulary_.emplace(std::string(key), id);
  return id;
}

void Gazetteer::Builder::add_word(std::string_view key) {
  if (key.empty() || vocabulary_.find(key) != vocabulary_.end()) return;
  new_id(key);
}

void Gazetteer::Builder::add_word_as(std::string_view key, std::string_view same_as) {
  auto known = vocabulary_.find(same_as);
  if (key.empty() || known == vocabulary_.end() || vocabulary_.find(key) != vocabulary_.end())
    return;
  const std::uint32_t id = known->second;
  vocabulary_.emplace(std::string(key), id);  // spellings_ keeps the first spelling
}

Gazetteer Gazetteer::Builder::build() && {
  Gazetteer g;
  g.vocabulary_ = std::move(vocabulary_);
  g.spellings_ = std::move(spellings_);
  g.root_.assign(g.spellings_.size() + 1, 0);
  g.fail_.push_back(0);
  g.output_.push_back(kNone);
  g.dict_link_.push_back(kNone);
  auto new_state = [&g]() {
    g.fail_.push_back(0);
    g.output_.push_back(kNone);
    g.dict_link_.push_back(kNone);
    return static_cast<std::uint32_t>(g.fail_.size() - 1);
  };
  // Trie.
  for (std::size_t p = 0; p < patterns_.size(); ++p) {
    std::uint32_t state = 0;
    for (std::uint32_t token : patterns_[p]) {
      std::uint32_t next = g.next_state(state, token);
      if (state != 0 && next == kNone) next = 0;
      if (next == 0) {
        next = new_state();
        if (state == 0)
          g.root_[token] = next;
        else
          g.goto_[(static_cast<std::uint64_t>(state) << 32) | token] = next;
      }
      state = next;
    }
    g.output_[state] = static_cast<std::uint32_t>(p);
    g.pattern_lengths_.push_back(static_cast<std::uint16_t>(patterns_[p].size()));
  }
  // Children of each state, for the breadth-first pass.
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> children(g.fail_.size());
  for (std::uint32_t token = 1; token < g.root_.size(); ++token)
    if (g.root_[token]) children[0].push_back({token, g.root_[token]});
  for (const auto& [key, next] : g.goto_)
    children[static_cast<std::uint32_t>(key >> 32)].push_back(
        {static_cast<std::uint32_t>(key & 0xFFFFFFFFu), next});
  // Failure and dictionary links, breadth first.
  std::deque<std::uint32_t> queue;
  for (const auto& [token, child] : children[0]) {
    g.fail_[child] = 0;
    queue.push_back(child);
  }
  while (!queue.empty()) {
    const std::uint32_t state = queue.front();
    queue.pop_front();
    for (const auto& [token, child] : children[state]) {
      std::uint32_t f = g.fail_[state];
      std::uint32_t next = g.next_state(f, token);
      while (f != 0 && next == kNone) {
        f = g.fail_[f];
        next = g.next_state(f, token);
      }
      if (next == kNone || next == child) next = 0;
      g.fail_[child] = next;
      g.dict_link_[child] = g.output_[next] != kNone ? next : g.dict_link_[next];
      queue.push_back(child);
    }
  }
  g.pattern_cases_ = std::move(cases_);
  g.pattern_has_case_rule_.resize(g.pattern_cases_.size());
  for (std::size_t p = 0; p < g.pattern_cases_.size(); ++p) {
    bool any = false;
    for (auto rule : g.pattern_cases_[p]) any |= rule != CaseRule::kAny;
    g.pattern_has_case_rule_[p] = any;
  }
  return g;
}

bool Gazetteer::case_matches(PatternId pattern, const Unit* first) const noexcept {
  if (!pattern_has_case_rule_[pattern]) return true;
  const auto& rules = pattern_cases_[pattern];
  for (std::size_t k = 0; k < rules.size(); ++k) {
    const std::uint16_t flags = first[k].flags;
    switch (rules[k]) {
      case CaseRule::kAllUpper:
        if (!(flags & token_flag::kAllUpper) && !(flags & token_flag::kDigits)) return false;
        break;
      case CaseRule::kCapitalized:
        if (!(flags & token_flag::kCapitalized)) return false;
        break;
      case CaseRule::kDefinite:
        if (!(flags & token_flag::kDefinite)) return false;
        break;
      case CaseRule::kAny:
        break;
    }
  }
  return true;
}

void Gazetteer::resolve(TokenStream& tokens) const {
  for (Token& t : tokens.tokens) {
    if (t.variant_count == 0) continue;
    for (std::uint32_t v = t.variant_begin; v < t.variant_begin + t.variant_count; ++v) {
      const KeyVariant& variant = tokens.variants[v];
      auto it = vocabulary_.find(tokens.key(variant));
      if (it == vocabulary_.end()) continue;
      t.key_offset = variant.key_offset;
      t.key_size = variant.key_size;
      t.flags = static_cast<std::uint16_t>((t.flags & ~token_flag::kDefinite) | variant.flags);
      // Other readings that are the same word (add_word_as) lend their
      // flags: «للمكتب» read as لمكتب is also ل + المكتب.
      for (std::uint32_t w = v + 1; w < t.variant_begin + t.variant_count; ++w) {
        auto same = vocabulary_.find(tokens.key(tokens.variants[w]));
        if (same != vocabulary_.end() && same->second == it->second)
          t.flags |= tokens.variants[w].flags;
      }
      const std::string& spelling = spellings_[it->second - 1];
      if (spelling != tokens.key(variant)) {
        t.key_offset = static_cast<std::uint32_t>(tokens.keys.size());
        t.key_size = static_cast<std::uint32_t>(spelling.size());
        tokens.keys += spelling;
      }
      break;
    }
  }
}

std::string_view Gazetteer::canonical(std::string_view key) const noexcept {
  auto it = vocabulary_.find(key);
  return it == vocabulary_.end() ? key : std::string_view(spellings_[it->second - 1]);
}

void Gazetteer::encode(const TokenStream& tokens, std::vector<Unit>& units,
                       std::string& scratch) const {
  units.clear();
  units.reserve(tokens.tokens.size());
  auto lookup = [this](std::string_view key) -> std::uint32_t {
    auto it = vocabulary_.find(key);
    return it == vocabulary_.end() ? 0 : it->second;
  };
  const auto& ts = tokens.tokens;
  for (std::size_t i = 0; i < ts.size(); ++i) {
    const Token& t = ts[i];
    const std::string_view key = tokens.key(t);
    std::uint32_t id = lookup(key);
    if (i + 1 < ts.size() && !(ts[i + 1].flags & token_flag::kBreakBefore) &&
        !(t.flags & token_flag::kDigits) && !(ts[i + 1].flags & token_flag::kDigits)) {
      const Token& u = ts[i + 1];
      // "traffick-\ning": join when the whole word is known and the pieces
      // are not both known words ("money-\nlaundering" stays two words).
      // "terror ism": a stray space inside an unknown word.
      const bool hyphen = t.flags & token_flag::kHyphenBreak;
      if (hyphen || id == 0) {
        scratch.assign(key);
        scratch.append(tokens.key(u));
        const std::uint32_t joined = lookup(scratch);
        const std::uint32_t next_id = lookup(tokens.key(u));
        const bool adjacent_space = u.begin == t.end + 1;
        if (joined != 0 &&
            (hyphen ? (id == 0 || next_id == 0) : (next_id == 0 && adjacent_space))) {
          units.push_back({joined, t.begin, u.end,
                           static_cast<std::uint16_t>(t.flags & ~token_flag::kHyphenBreak)});
          ++i;
          continue;
        }
      }
    }
    units.push_back({id, t.begin, t.end, t.flags});
  }
}

}  // namespace crimekg
