// The ontology of ../shared/ONTOLOGY.md as C++ types: node types, their id
// prefixes, predicates, and the node and edge records every module shares.
// This module knows no ICU and no Graphviz.
#ifndef CRIMEKG_GRAPH_MODEL_H_
#define CRIMEKG_GRAPH_MODEL_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crimekg {

enum class NodeType : std::uint8_t {
  kState,
  kBody,
  kResolution,
  kDecision,
  kCrimeType,
  kProgramme,
  kInstrument,
  kDocument,
  kMeeting,
  kPlace,
};
inline constexpr int kNodeTypeCount = 10;

// "State", "Body", ... as the ontology spells them.
std::string_view to_string(NodeType type);
std::optional<NodeType> node_type_from_string(std::string_view name);
// "state", "body", "resolution", "decision", "crime", ... : the part of a
// canonical id before the colon.
std::string_view id_prefix(NodeType type);
// The type a canonical id's prefix names ("crime:fraud" -> kCrimeType).
std::optional<NodeType> node_type_from_id(std::string_view id);

// Predicates of the ontology. Strings, not an enum: the ontology may be
// extended by adding predicates, and exports carry them verbatim.
namespace predicate {
inline constexpr std::string_view kAdopted = "adopted";
inline constexpr std::string_view kAddresses = "addresses";
inline constexpr std::string_view kRuns = "runs";
inline constexpr std::string_view kPartOf = "partOf";
inline constexpr std::string_view kCites = "cites";
inline constexpr std::string_view kParticipatedIn = "participatedIn";
inline constexpr std::string_view kHeldIn = "heldIn";
inline constexpr std::string_view kCooperatesWith = "cooperatesWith";
inline constexpr std::string_view kSupports = "supports";
inline constexpr std::string_view kFundedBy = "fundedBy";
inline constexpr std::string_view kAssisted = "assisted";
inline constexpr std::string_view kMentionedWith = "mentionedWith";
inline constexpr std::string_view kMentions = "mentions";
}  // namespace predicate

// The typed predicates (everything but mentions and mentionedWith), in a
// fixed order used by exports and queries.
const std::vector<std::string_view>& typed_predicates();
bool is_typed_predicate(std::string_view predicate);
// cooperatesWith and mentionedWith hold both ways.
bool is_symmetric_predicate(std::string_view predicate);

// One piece of provenance: the bytes [start, end) of the input file behind
// Document node `document` say `text`.
struct Evidence {
  std::string document;
  std::string paragraph;
  std::uint64_t start = 0;
  std::uint64_t end = 0;
  std::string text;
  std::string extractor;
  double confidence = 1.0;

  friend bool operator==(const Evidence& a, const Evidence& b) {
    return a.document == b.document && a.start == b.start && a.end == b.end &&
           a.extractor == b.extractor && a.paragraph == b.paragraph && a.text == b.text &&
           a.confidence == b.confidence;
  }
};

struct NodeData {
  std::string id;
  NodeType type = NodeType::kBody;
  std::string label;                          // English canonical name
  std::map<std::string, std::string> labels;  // language code -> name
  std::vector<std::string> aliases;           // sorted, unique
  std::uint64_t mentions = 0;
  std::vector<std::string> same_as;  // sorted, unique ("iso3166:QAT", "wikidata:Q...")
  // Further properties: a Document's file, language, title, symbol; a
  // Meeting's ordinal. Ordered so exports are deterministic.
  std::map<std::string, std::string> properties;
};

struct EdgeData {
  std::string predicate;
  std::uint64_t weight = 0;
  std::vector<Evidence> evidence;
};

// Adds `value` to a sorted unique vector.
void insert_sorted_unique(std::vector<std::string>& values, std::string value);

}  // namespace crimekg

#endif  // CRIMEKG_GRAPH_MODEL_H_
