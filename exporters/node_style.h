// How each node type and predicate looks, shared by DOT, the rendered
// diagrams and GEXF's viz colours, so a type has the same colour everywhere.
// Colours are Tableau's 20-colour pairs: a light fill that black text reads on
// and a darker outline of the same hue, distinguishable by most colour-blind
// readers through the shapes as well.
#ifndef CRIMEKG_EXPORTERS_NODE_STYLE_H_
#define CRIMEKG_EXPORTERS_NODE_STYLE_H_

#include <cstdint>
#include <string_view>

#include "graph/model.h"

namespace crimekg {

struct TypeStyle {
  std::string_view shape;    // Graphviz node shape
  std::string_view style;    // Graphviz style ("filled", "rounded,filled")
  std::string_view fill;     // "#RRGGBB", light
  std::string_view outline;  // "#RRGGBB", dark
};

const TypeStyle& type_style(NodeType type);

// The dark colour edges of `predicate` are drawn in; one grey for predicates
// outside the ontology.
std::string_view predicate_colour(std::string_view predicate);

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
};
// "#RRGGBB" as numbers (GEXF's viz:color); black for anything else.
Rgb parse_hex_colour(std::string_view hex);

}  // namespace crimekg

#endif  // CRIMEKG_EXPORTERS_NODE_STYLE_H_
