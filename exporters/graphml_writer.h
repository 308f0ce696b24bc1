// GraphML for yEd, Gephi, networkx (read_graphml), igraph and Boost.
//
// A <key> with attr.name and attr.type declares every property:
//   nodes: type, label (English canonical name), label_<lang> for each
//          language in the graph, aliases and sameAs (JSON arrays of
//          strings: GraphML has no list type), mentions (long), and one
//          string key per further property (file, title, symbol, ...);
//   edges: predicate, weight (long), and the evidence summarised: its count,
//          and the first item's document, paragraph, start, end (long) and
//          text.
// The graph is directed (edgedefault="directed"); parallel edges of different
// predicates between two nodes are separate <edge>s.
//
// Written by hand rather than with boost::write_graphml, which passes control
// characters through and so produces XML no parser accepts; text goes through
// detail::xml_escape (see exporters/escaping.h for what becomes of
// characters XML 1.0 cannot carry).
#ifndef CRIMEKG_EXPORTERS_GRAPHML_WRITER_H_
#define CRIMEKG_EXPORTERS_GRAPHML_WRITER_H_

#include <ostream>

#include "graph/knowledge_graph.h"

namespace crimekg {

void write_graphml(const KnowledgeGraph& graph, std::ostream& out);

}  // namespace crimekg

#endif  // CRIMEKG_EXPORTERS_GRAPHML_WRITER_H_
