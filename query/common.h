// What every query shares: which predicates to follow, which node types to
// take, and how a node is named on screen.
#ifndef CRIMEKG_QUERY_COMMON_H_
#define CRIMEKG_QUERY_COMMON_H_

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.h"
#include "graph/model.h"
#include "query/table_printer.h"

namespace crimekg::query {

// How a query's answer is written.
struct RenderOptions {
  OutputFormat format = OutputFormat::kText;
  std::string language = "en";  // which label to show (json and csv also carry ids)
  std::size_t width = 0;        // terminal width for text; 0: no limit
};

// Which way an edge is followed from the node in question.
enum class Direction { kOut, kIn, kBoth };
std::optional<Direction> direction_from_name(std::string_view name);
std::string_view to_string(Direction direction);

// A set of predicates: everything, the ontology's typed predicates, and/or
// named ones. Predicates are open strings (the ontology may grow), so a name
// is accepted whether or not the ontology lists it.
class PredicateSet {
 public:
  static PredicateSet all();
  static PredicateSet typed();
  static PredicateSet of(std::vector<std::string> names);
  // Comma-separated specs, any mix of "all", "typed" and predicate names.
  static PredicateSet parse(const std::vector<std::string>& specs);

  bool contains(std::string_view predicate) const;
  bool is_all() const { return all_; }
  // The named predicates (not those "all" or "typed" stand for).
  const std::set<std::string, std::less<>>& names() const { return names_; }
  // "all predicates", "typed predicates", "addresses, runs", ...
  std::string describe() const;

 private:
  bool all_ = false;
  bool typed_ = false;
  std::set<std::string, std::less<>> names_;
};

// "Body", "body", "CrimeType" or "crime" (the id prefix); nullopt if none.
std::optional<NodeType> parse_node_type(std::string_view name);
// A comma-separated list of node types; returns false and names the bad one
// in `error` if any is unknown.
bool parse_node_types(std::string_view spec, std::vector<NodeType>& types, std::string& error);
// "State, Body, ..." for help texts and error messages.
std::string node_type_names();

// The name shown for a node: its label in `language`, else its English
// label, else its id.
const std::string& display_label(const NodeData& node, std::string_view language);

// Every predicate used in the graph, sorted.
std::set<std::string> predicates_in(const KnowledgeGraph& graph);

// Predicates in the order queries list them: the ontology's typed
// predicates in its order, then any others alphabetically.
bool predicate_before(std::string_view a, std::string_view b);

// Distinct evidence documents of an edge (from a snapshot's evidence store
// without reading the sentences).
std::size_t document_count(const KnowledgeGraph& graph, KnowledgeGraph::Edge edge);

}  // namespace crimekg::query

#endif  // CRIMEKG_QUERY_COMMON_H_
