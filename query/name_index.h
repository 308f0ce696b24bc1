// Finding nodes by what people call them: an id, an English label, a label
// in any UN language, an alias or acronym, a Document's symbol or file name.
//
// Every name is folded once with the matcher's own fold_name (NFKC case-fold,
// diacritics, harakat and tatweel removed, Arabic letter variants and
// proclitics folded, punctuation dropped), so "UNODC", "unodc",
// «مكتب الأمم المتحدة المعني بالمخدرات والجريمة» with or without harakat, and
// "the Counter-Terrorism Committee" all find what the extractor would have
// matched. Lookups are then one hash probe; an id or a name spelled
// exactly as stored is found without folding anything.
#ifndef CRIMEKG_QUERY_NAME_INDEX_H_
#define CRIMEKG_QUERY_NAME_INDEX_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/knowledge_graph.h"
#include "graph/snapshot.h"

namespace crimekg::query {

// How a name belongs to its node, strongest first. A name resolves to the
// nodes of the strongest kind it matches, so a node's own label wins over
// another node's alias or short form that happens to fold the same way.
enum class NameKind : std::uint8_t {
  kId,     // the canonical id, exactly
  kLabel,  // `label` or a `labels` entry (any language)
  kAlias,  // an alias or acronym; a Document's symbol or file
  kIdKey,  // the part of the id after the colon, folded ("trafficking-in-persons")
};
std::string_view to_string(NameKind kind);

struct NameMatch {
  KnowledgeGraph::Vertex vertex = 0;
  NameKind kind = NameKind::kId;
  std::string name;      // the name as stored in the graph
  std::string language;  // the labels key for kLabel ("en", "ar", ...); else empty
};

struct Resolution {
  enum class Outcome { kFound, kAmbiguous, kNotFound };
  Outcome outcome = Outcome::kNotFound;
  // kFound: the node. kAmbiguous: every node the name matched, strongest
  // kind first, then most mentioned. kNotFound: empty.
  std::vector<NameMatch> matches;
  // kNotFound: up to five nodes whose names contain the text, as hints.
  std::vector<NameMatch> suggestions;
};

struct SearchHit {
  NameMatch match;
  // 0 the whole name, 1 the name starts with the text, 2 a word of the name
  // starts with it, 3 it occurs inside the name, 4 it occurs inside the id.
  int rank = 0;
};

class NameIndex {
 public:
  // Collects every name of every node (cheap: no folding yet). The graph
  // must outlive the index and not change while it is in use.
  explicit NameIndex(const KnowledgeGraph& graph);

  // An index of only the names a lookup of `text` can touch, from a
  // snapshot whose stored folded names are trusted (see use_stored_keys):
  // the names whose folded form contains the folded text, found by one scan
  // of the stored pairs. It resolves and searches `text` exactly as the
  // whole index would, without collecting and hashing every name of the
  // graph. Null if the snapshot's keys cannot be used or the text folds to
  // nothing; then ask a whole index.
  static std::unique_ptr<NameIndex> for_text(const KnowledgeGraph& graph,
                                             std::shared_ptr<const GraphSnapshot> snapshot,
                                             std::string_view text);

  // An exact id wins outright; then a name spelled exactly as stored, if it
  // is one node's (at the strongest kind). Otherwise the folded name (and,
  // if it starts with "the", the name without it) is looked up: one node of
  // the strongest matching kind is found, several are ambiguous.
  Resolution resolve(std::string_view name) const;

  // The node an id or an exactly spelled name stands for, if it is one
  // node's at the strongest kind — what resolve() finds without folding —
  // by one scan of the graph's names, with no index built: on a 100k-node
  // graph the scan takes milliseconds, building the index a fifth of a
  // second. nullopt: ask an index (the name needs folding, is ambiguous or
  // is unknown).
  static std::optional<KnowledgeGraph::Vertex> find_exact(const KnowledgeGraph& graph,
                                                          std::string_view name);

  // Nodes any of whose names contains the folded text, best rank first,
  // then most mentioned, then by id; one hit per node (its best name).
  // `types` empty means every type. `limit` 0 means no limit.
  std::vector<SearchHit> search(std::string_view text, std::size_t limit,
                                const std::vector<NodeType>& types = {}) const;

  std::size_t name_count() const { return entries_.size(); }

  // Folds every distinct name now rather than at the first lookup that
  // needs it. Folding is the costly step (a few microseconds a name, so
  // about a second for the 300k names of a 100k-node graph on one core);
  // it is spread over the machine's cores, and skipped entirely by
  // lookups that an id or an exact spelling answers.
  void fold_all() const;

  // Takes folded forms from a snapshot that stored them (folded_names()
  // wrote them) instead of folding: one hash probe a name rather than a few
  // microseconds of ICU. Used only if the snapshot's fold_scheme() is this
  // build's and a sample of its pairs folds the same here; names it lacks
  // are folded. Call before the first lookup.
  void use_stored_keys(std::shared_ptr<const GraphSnapshot> snapshot);

  // Every distinct name with its folded form (folding them all first), in
  // the index's order: what a snapshot stores.
  FoldedNames folded_names() const;

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;
  struct Entry {
    KnowledgeGraph::Vertex vertex;
    std::uint32_t name;  // index into names_
    std::uint32_t next;  // the next entry with the same name, or kNone
    NameKind kind;
    std::uint16_t language;  // index into languages_
  };

  // Collects only the names in `only` (all if null).
  NameIndex(const KnowledgeGraph& graph, const std::unordered_set<std::string_view>* only);
  NameMatch to_match(const Entry& entry) const;
  void add(KnowledgeGraph::Vertex vertex, NameKind kind, std::string_view name,
           std::string_view language);
  // Entry ids of a raw name, or of every name with a folded key.
  std::vector<std::uint32_t> entries_of_name(std::uint32_t name) const;
  std::vector<std::uint32_t> entries_of_key(std::uint32_t key) const;
  // The entries as one match per node, strongest first, preferring the
  // spelling `typed`; kAmbiguous only if `ambiguity_is_final`.
  Resolution decide(const std::vector<std::uint32_t>& candidates, std::string_view typed,
                    bool ambiguity_is_final) const;

  // Few allocations: a 100k-node graph has some 300k names. Names are views
  // of the graph's own strings, and entries sharing a name (names sharing a
  // key) are chained by index rather than kept in a vector each.
  const KnowledgeGraph& graph_;
  std::vector<Entry> entries_;
  std::vector<std::string_view> names_;     // distinct raw names
  std::vector<std::uint32_t> first_entry_;  // name id -> its first entry
  std::unordered_map<std::string_view, std::uint32_t> name_ids_;
  std::vector<std::string> languages_;  // distinct language codes ("" first)

  // Built by fold_all(), once.
  mutable std::once_flag folded_;
  mutable std::vector<std::uint32_t> next_name_;   // name id -> next name with its key
  mutable std::vector<std::uint32_t> first_name_;  // key id -> its first name
  // Keys are views: of the snapshot's stored keys, or of folded_here_.
  mutable std::vector<std::string> folded_here_;  // name id -> key folded here
  mutable std::unordered_map<std::string_view, std::uint32_t> key_ids_;
  mutable std::vector<std::string_view> keys_;  // key id -> key
  std::shared_ptr<const GraphSnapshot> stored_keys_;
};

// Names how fold_for_lookup folds, for snapshots: the folding's own version
// and ICU's (whose Unicode data folding depends on).
std::string fold_scheme();

// Every name the index holds and its folded form, for a snapshot to store.
FoldedNames folded_names(const KnowledgeGraph& graph);

// fold_name plus the query's own rule: a leading "the " is dropped as well,
// whether or not the matcher's folding already does so.
std::string fold_for_lookup(std::string_view name);

}  // namespace crimekg::query

#endif  // CRIMEKG_QUERY_NAME_INDEX_H_
