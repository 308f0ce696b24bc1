#include "query/common.h"

#include <algorithm>
#include <cctype>

namespace crimekg::query {

std::optional<Direction> direction_from_name(std::string_view name) {
  if (name == "out") return Direction::kOut;
  if (name == "in") return Direction::kIn;
  if (name == "both") return Direction::kBoth;
  return std::nullopt;
}

std::string_view to_string(Direction direction) {
  switch (direction) {
    case Direction::kOut:
      return "out";
    case Direction::kIn:
      return "in";
    case Direction::kBoth:
      return "both";
  }
  return "";
}

PredicateSet PredicateSet::all() {
  PredicateSet set;
  set.all_ = true;
  return set;
}

PredicateSet PredicateSet::typed() {
  PredicateSet set;
  set.typed_ = true;
  return set;
}

PredicateSet PredicateSet::of(std::vector<std::string> names) {
  PredicateSet set;
  for (auto& name : names) set.names_.insert(std::move(name));
  return set;
}

PredicateSet PredicateSet::parse(const std::vector<std::string>& specs) {
  PredicateSet set;
  for (const auto& spec : specs) {
    std::size_t pos = 0;
    while (pos <= spec.size()) {
      auto comma = spec.find(',', pos);
      if (comma == std::string::npos) comma = spec.size();
      std::string name = spec.substr(pos, comma - pos);
      name.erase(0, name.find_first_not_of(' '));
      name.erase(name.find_last_not_of(' ') + 1);
      if (name == "all") {
        set.all_ = true;
      } else if (name == "typed") {
        set.typed_ = true;
      } else if (!name.empty()) {
        set.names_.insert(std::move(name));
      }
      pos = comma + 1;
    }
  }
  return set;
}

bool PredicateSet::contains(std::string_view predicate) const {
  if (all_) return true;
  if (typed_ && is_typed_predicate(predicate)) return true;
  return names_.find(predicate) != names_.end();
}

std::string PredicateSet::describe() const {
  if (all_) return "all predicates";
  std::string out = typed_ ? "typed predicates" : "";
  for (const auto& name : names_) {
    if (typed_ && is_typed_predicate(name)) continue;
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out.empty() ? "no predicates" : out;
}

std::optional<NodeType> parse_node_type(std::string_view name) {
  for (int i = 0; i < kNodeTypeCount; ++i) {
    const auto type = static_cast<NodeType>(i);
    const auto full = to_string(type);
    const auto prefix = id_prefix(type);
    auto iequals = [](std::string_view a, std::string_view b) {
      return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
             });
    };
    if (iequals(name, full) || iequals(name, prefix)) return type;
  }
  return std::nullopt;
}

bool parse_node_types(std::string_view spec, std::vector<NodeType>& types, std::string& error) {
  types.clear();
  std::size_t pos = 0;
  while (pos <= spec.size()) {
    auto comma = spec.find(',', pos);
    if (comma == std::string_view::npos) comma = spec.size();
    std::string_view name = spec.substr(pos, comma - pos);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (!name.empty()) {
      auto type = parse_node_type(name);
      if (!type) {
        error = "unknown node type '" + std::string(name) + "' (types: " + node_type_names() + ")";
        return false;
      }
      if (std::find(types.begin(), types.end(), *type) == types.end()) types.push_back(*type);
    }
    pos = comma + 1;
  }
  if (types.empty()) {
    error = "no node type given (types: " + node_type_names() + ")";
    return false;
  }
  return true;
}

std::string node_type_names() {
  std::string out;
  for (int i = 0; i < kNodeTypeCount; ++i) {
    if (i > 0) out += ", ";
    out += to_string(static_cast<NodeType>(i));
  }
  return out;
}

const std::string& display_label(const NodeData& node, std::string_view language) {
  if (auto it = node.labels.find(std::string(language));
      it != node.labels.end() && !it->second.empty()) {
    return it->second;
  }
  if (!node.label.empty()) return node.label;
  if (auto it = node.labels.find("en"); it != node.labels.end() && !it->second.empty()) {
    return it->second;
  }
  return node.id;
}

std::set<std::string> predicates_in(const KnowledgeGraph& graph) {
  std::set<std::string> out;
  const auto& g = graph.graph();
  for (auto [it, end] = boost::edges(g); it != end; ++it) out.insert(g[*it].predicate);
  return out;
}

bool predicate_before(std::string_view a, std::string_view b) {
  const auto& typed = typed_predicates();
  auto rank = [&](std::string_view p) {
    return static_cast<std::size_t>(std::find(typed.begin(), typed.end(), p) - typed.begin());
  };
  const auto ra = rank(a);
  const auto rb = rank(b);
  if (ra != rb) return ra < rb;
  return a < b;
}

std::size_t document_count(const KnowledgeGraph& graph, KnowledgeGraph::Edge edge) {
  return graph.evidence_documents(edge).size();
}

}  // namespace crimekg::query
