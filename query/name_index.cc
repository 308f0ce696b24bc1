#include "query/name_index.h"

#include <unicode/uversion.h>

#include <algorithm>
#include <cctype>
#include <thread>
#include <unordered_map>

#include "extractors/normalise.h"

namespace crimekg::query {
namespace {

// The ordering of matches everywhere: strongest kind, then the node the
// corpus mentions most (the one a reader most likely means), then id.
bool better(const KnowledgeGraph& graph, const NameMatch& a, const NameMatch& b) {
  if (a.kind != b.kind) return a.kind < b.kind;
  const auto& na = graph.node(a.vertex);
  const auto& nb = graph.node(b.vertex);
  if (na.mentions != nb.mentions) return na.mentions > nb.mentions;
  return na.id < nb.id;
}

bool contains_ignoring_case(std::string_view haystack, std::string_view needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                     [](char a, char b) {
                       return std::tolower(static_cast<unsigned char>(a)) ==
                              std::tolower(static_cast<unsigned char>(b));
                     }) != haystack.end();
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return text;
}

}  // namespace

std::string_view to_string(NameKind kind) {
  switch (kind) {
    case NameKind::kId:
      return "id";
    case NameKind::kLabel:
      return "label";
    case NameKind::kAlias:
      return "alias";
    case NameKind::kIdKey:
      return "id key";
  }
  return "";
}

std::string fold_scheme() {
  // Raise the first number when fold_for_lookup or fold_name change what
  // they produce; a stale snapshot is then folded afresh, not misread.
  return std::string("fold_for_lookup 1; ICU ") + U_ICU_VERSION;
}

std::string fold_for_lookup(std::string_view name) {
  std::string key = fold_name(name);
  // Lexicon entries and texts disagree about the article ("the Office",
  // "Office"); a name is found with or without it.
  while (key.rfind("the ", 0) == 0) key.erase(0, 4);
  if (key == "the") key.clear();
  return key;
}

namespace {

// Every name of every node, as (vertex, kind, name, language): what the
// index holds and what an exact lookup without the index scans.
template <typename Visit>
void for_each_name(const KnowledgeGraph& graph, Visit&& visit) {
  const auto& g = graph.graph();
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    const NodeData& node = g[*it];
    if (!node.label.empty()) visit(*it, NameKind::kLabel, node.label, "en");
    for (const auto& [language, label] : node.labels) visit(*it, NameKind::kLabel, label, language);
    for (const auto& alias : node.aliases) visit(*it, NameKind::kAlias, alias, "");
    // A Document is known by its symbol ("A/59/150") and by its file name.
    for (const char* property : {"symbol", "file"}) {
      auto found = node.properties.find(property);
      if (found == node.properties.end() || found->second.empty()) continue;
      const std::string_view value = found->second;
      visit(*it, NameKind::kAlias, value, "");
      const auto slash = value.find_last_of('/');
      if (std::string_view(property) == "file" && slash != std::string_view::npos) {
        visit(*it, NameKind::kAlias, value.substr(slash + 1), "");
      }
    }
    const std::string_view id = node.id;
    const auto colon = id.find(':');
    if (colon != std::string_view::npos) visit(*it, NameKind::kIdKey, id.substr(colon + 1), "");
  }
}

}  // namespace

NameIndex::NameIndex(const KnowledgeGraph& graph) : NameIndex(graph, nullptr) {}

NameIndex::NameIndex(const KnowledgeGraph& graph, const std::unordered_set<std::string_view>* only)
    : graph_(graph) {
  languages_.emplace_back();  // index 0: no language
  const std::size_t expected = only ? only->size() * 2 : graph.node_count() * 4;
  entries_.reserve(expected);
  names_.reserve(expected);
  first_entry_.reserve(expected);
  name_ids_.reserve(expected);
  for_each_name(graph, [this, only](KnowledgeGraph::Vertex v, NameKind kind, std::string_view name,
                                    std::string_view language) {
    if (only == nullptr || only->count(name)) add(v, kind, name, language);
  });
}

std::optional<KnowledgeGraph::Vertex> NameIndex::find_exact(const KnowledgeGraph& graph,
                                                            std::string_view raw) {
  const std::string_view name = trim(raw);
  if (name.empty()) return std::nullopt;
  if (auto v = graph.find(name)) return v;
  // Each node's strongest kind among the names spelled exactly so.
  std::vector<std::pair<KnowledgeGraph::Vertex, NameKind>> found;
  for_each_name(graph, [&](KnowledgeGraph::Vertex v, NameKind kind, std::string_view candidate,
                           std::string_view) {
    if (candidate != name) return;
    for (auto& [vertex, strongest] : found) {
      if (vertex == v) {
        strongest = std::min(strongest, kind);
        return;
      }
    }
    found.emplace_back(v, kind);
  });
  if (found.empty()) return std::nullopt;
  NameKind strongest = found.front().second;
  for (const auto& f : found) strongest = std::min(strongest, f.second);
  std::optional<KnowledgeGraph::Vertex> only;
  for (const auto& [vertex, kind] : found) {
    if (kind != strongest) continue;
    if (only) return std::nullopt;  // several nodes: the index decides
    only = vertex;
  }
  return only;
}

void NameIndex::add(KnowledgeGraph::Vertex vertex, NameKind kind, std::string_view name,
                    std::string_view language) {
  if (name.empty()) return;
  auto [it, inserted] = name_ids_.emplace(name, static_cast<std::uint32_t>(names_.size()));
  const std::uint32_t name_id = it->second;
  if (inserted) {
    names_.push_back(name);
    first_entry_.push_back(kNone);
  }
  // One entry per (node, kind, name): a label repeated in several languages
  // is kept once, under the first language seen. A node's entries are added
  // together, so its earlier ones head the chain.
  for (auto e = first_entry_[name_id]; e != kNone && entries_[e].vertex == vertex;
       e = entries_[e].next) {
    if (entries_[e].kind == kind) return;
  }
  auto lang = std::find(languages_.begin(), languages_.end(), language);
  if (lang == languages_.end()) lang = languages_.insert(languages_.end(), std::string(language));
  entries_.push_back({vertex, name_id, first_entry_[name_id], kind,
                      static_cast<std::uint16_t>(lang - languages_.begin())});
  first_entry_[name_id] = static_cast<std::uint32_t>(entries_.size() - 1);
}

std::vector<std::uint32_t> NameIndex::entries_of_name(std::uint32_t name) const {
  std::vector<std::uint32_t> out;
  for (auto e = first_entry_[name]; e != kNone; e = entries_[e].next) out.push_back(e);
  return out;
}

std::vector<std::uint32_t> NameIndex::entries_of_key(std::uint32_t key) const {
  std::vector<std::uint32_t> out;
  for (auto n = first_name_[key]; n != kNone; n = next_name_[n]) {
    for (auto e = first_entry_[n]; e != kNone; e = entries_[e].next) out.push_back(e);
  }
  return out;
}

namespace {

// Whether a snapshot's stored keys are this build's: the same folding
// scheme, and a sample of them folds the same here.
bool stored_keys_trusted(const GraphSnapshot& snapshot) {
  if (snapshot.folded_scheme() != fold_scheme()) return false;
  const std::size_t count = snapshot.folded_count();
  for (std::size_t k = 0; k < 32 && count > 0; ++k) {
    const auto [name, key] = snapshot.folded_at(k * count / 32);
    if (fold_for_lookup(name) != key) return false;
  }
  return true;
}

}  // namespace

std::unique_ptr<NameIndex> NameIndex::for_text(const KnowledgeGraph& graph,
                                               std::shared_ptr<const GraphSnapshot> snapshot,
                                               std::string_view text) {
  if (!snapshot || !stored_keys_trusted(*snapshot)) return nullptr;
  const std::string key = fold_for_lookup(trim(text));
  if (key.empty()) return nullptr;
  // The stored pairs are every name of the graph the snapshot holds: a name
  // whose key does not contain this one can neither resolve it nor be
  // found by searching it.
  std::unordered_set<std::string_view> names;
  for (std::size_t i = 0, n = snapshot->folded_count(); i < n; ++i) {
    const auto [name, stored] = snapshot->folded_at(i);
    if (stored.find(key) != std::string_view::npos) names.insert(name);
  }
  std::unique_ptr<NameIndex> index(new NameIndex(graph, &names));
  index->use_stored_keys(std::move(snapshot));
  return index;
}

void NameIndex::fold_all() const {
  std::call_once(folded_, [this] {
    // Fold the distinct names in parallel: fold_name keeps one normaliser
    // per thread, and each thread writes only its own slice.
    // A name's key: a view of the snapshot's, or of folded_here_.
    std::vector<std::string_view> folded(names_.size());
    folded_here_.resize(names_.size());
    const bool use_stored = stored_keys_ && stored_keys_trusted(*stored_keys_);
    const std::size_t hardware = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t threads = std::min<std::size_t>(hardware, 1 + names_.size() / 4096);
    auto work = [&](std::size_t part) {
      const std::size_t begin = names_.size() * part / threads;
      const std::size_t end = names_.size() * (part + 1) / threads;
      for (std::size_t i = begin; i < end; ++i) {
        if (use_stored) {
          if (auto key = stored_keys_->folded(names_[i])) {
            folded[i] = *key;
            continue;
          }
        }
        folded_here_[i] = fold_for_lookup(names_[i]);
        folded[i] = folded_here_[i];
      }
    };
    std::vector<std::thread> pool;
    for (std::size_t part = 1; part < threads; ++part) pool.emplace_back(work, part);
    work(0);
    for (auto& t : pool) t.join();

    next_name_.assign(names_.size(), kNone);
    key_ids_.reserve(names_.size());
    for (std::uint32_t n = 0; n < names_.size(); ++n) {
      if (folded[n].empty()) continue;  // punctuation only: nothing to match on
      auto [it, inserted] = key_ids_.emplace(folded[n], static_cast<std::uint32_t>(keys_.size()));
      if (inserted) {
        keys_.push_back(folded[n]);
        first_name_.push_back(kNone);
      }
      next_name_[n] = first_name_[it->second];
      first_name_[it->second] = n;
    }
  });
}

void NameIndex::use_stored_keys(std::shared_ptr<const GraphSnapshot> snapshot) {
  stored_keys_ = std::move(snapshot);
}

FoldedNames NameIndex::folded_names() const {
  fold_all();
  FoldedNames out;
  out.scheme = fold_scheme();
  // Names that fold to nothing have no key and are stored with an empty one.
  std::vector<std::string_view> keys(names_.size());
  for (std::uint32_t key = 0; key < keys_.size(); ++key) {
    for (auto n = first_name_[key]; n != kNone; n = next_name_[n]) keys[n] = keys_[key];
  }
  out.pairs.reserve(names_.size());
  for (std::size_t n = 0; n < names_.size(); ++n) {
    out.pairs.emplace_back(std::string(names_[n]), std::string(keys[n]));
  }
  return out;
}

FoldedNames folded_names(const KnowledgeGraph& graph) { return NameIndex(graph).folded_names(); }

NameMatch NameIndex::to_match(const Entry& entry) const {
  return {entry.vertex, entry.kind, std::string(names_[entry.name]), languages_[entry.language]};
}

Resolution NameIndex::decide(const std::vector<std::uint32_t>& candidates, std::string_view typed,
                             bool ambiguity_is_final) const {
  Resolution result;
  std::vector<NameMatch> per_node;
  // A title such as "Draft report" may name thousands of Documents.
  std::unordered_map<KnowledgeGraph::Vertex, std::size_t> slot;
  for (auto e : candidates) {
    const Entry& entry = entries_[e];
    auto [it, inserted] = slot.emplace(entry.vertex, per_node.size());
    if (inserted) {
      per_node.push_back(to_match(entry));
      continue;
    }
    NameMatch& same = per_node[it->second];
    if (entry.kind < same.kind || (entry.kind == same.kind && names_[entry.name] == typed)) {
      // Show the strongest way the node is named, and the spelling typed.
      same = to_match(entry);
    }
  }
  if (per_node.empty()) return result;
  std::sort(per_node.begin(), per_node.end(),
            [this](const NameMatch& a, const NameMatch& b) { return better(graph_, a, b); });
  const NameKind strongest = per_node.front().kind;
  const auto tied = std::count_if(per_node.begin(), per_node.end(),
                                  [&](const NameMatch& m) { return m.kind == strongest; });
  if (tied == 1) {
    result.outcome = Resolution::Outcome::kFound;
    result.matches.push_back(std::move(per_node.front()));
  } else if (ambiguity_is_final) {
    result.outcome = Resolution::Outcome::kAmbiguous;
    result.matches = std::move(per_node);
  }
  return result;
}

Resolution NameIndex::resolve(std::string_view raw) const {
  const std::string_view name = trim(raw);
  if (auto v = graph_.find(name)) {
    Resolution result;
    result.outcome = Resolution::Outcome::kFound;
    result.matches.push_back({*v, NameKind::kId, std::string(name), ""});
    return result;
  }
  // Spelled exactly as stored, and one node's: no folding needed. When
  // several nodes share the spelling, the folded lookup below lists every
  // candidate, also those spelled slightly differently.
  if (auto exact = name_ids_.find(name); exact != name_ids_.end()) {
    Resolution result = decide(entries_of_name(exact->second), name, false);
    if (result.outcome == Resolution::Outcome::kFound) return result;
  }
  fold_all();
  Resolution result;
  const std::string key = fold_for_lookup(name);
  if (auto found = key_ids_.find(key); !key.empty() && found != key_ids_.end()) {
    result = decide(entries_of_key(found->second), name, true);
  }
  if (result.outcome == Resolution::Outcome::kNotFound) {
    for (auto& hit : search(name, 5)) result.suggestions.push_back(std::move(hit.match));
  }
  return result;
}

std::vector<SearchHit> NameIndex::search(std::string_view raw, std::size_t limit,
                                         const std::vector<NodeType>& types) const {
  const std::string_view text = trim(raw);
  const std::string key = fold_for_lookup(text);
  if (key.empty() && text.empty()) return {};
  fold_all();
  auto wanted = [&](KnowledgeGraph::Vertex v) {
    return types.empty() ||
           std::find(types.begin(), types.end(), graph_.node(v).type) != types.end();
  };
  std::unordered_map<KnowledgeGraph::Vertex, SearchHit> best;
  auto offer = [&](SearchHit hit) {
    auto [it, inserted] = best.emplace(hit.match.vertex, hit);
    if (inserted) return;
    const SearchHit& have = it->second;
    if (hit.rank < have.rank || (hit.rank == have.rank && hit.match.kind < have.match.kind)) {
      it->second = std::move(hit);
    }
  };
  if (!key.empty()) {
    // A linear pass over the distinct folded names: a few megabytes even on
    // 100k nodes, so no substring index is worth its memory.
    for (std::uint32_t k = 0; k < keys_.size(); ++k) {
      const std::string_view candidate = keys_[k];
      const auto at = candidate.find(key);
      if (at == std::string::npos) continue;
      int rank = 3;
      if (at == 0) {
        rank = candidate.size() == key.size() ? 0 : 1;
      } else {
        // Prefer a match at the start of a word.
        for (auto pos = at; pos != std::string::npos; pos = candidate.find(key, pos + 1)) {
          if (candidate[pos - 1] == ' ') {
            rank = 2;
            break;
          }
        }
      }
      for (auto e : entries_of_key(k)) {
        if (!wanted(entries_[e].vertex)) continue;
        offer({to_match(entries_[e]), rank});
      }
    }
  }
  if (!text.empty()) {
    const auto& g = graph_.graph();
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
      if (!wanted(*it) || !contains_ignoring_case(g[*it].id, text)) continue;
      // An exact id is as good as an exact name.
      const int rank = g[*it].id == text ? 0 : 4;
      offer({{*it, NameKind::kId, g[*it].id, ""}, rank});
    }
  }
  std::vector<SearchHit> hits;
  hits.reserve(best.size());
  for (auto& [vertex, hit] : best) hits.push_back(std::move(hit));
  std::sort(hits.begin(), hits.end(), [this](const SearchHit& a, const SearchHit& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    return better(graph_, a.match, b.match);
  });
  if (limit > 0 && hits.size() > limit) hits.resize(limit);
  return hits;
}

}  // namespace crimekg::query
