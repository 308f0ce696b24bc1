// GEXF 1.3 (namespace http://gexf.net/1.3) for Gephi.
//
// Nodes carry label = English canonical name and typed attributes: type,
// label_<lang> per language, aliases and sameAs as liststring (Gephi's
// ["a", "b"] syntax, elements quoted with \ and " backslash-escaped),
// mentions as long, one string attribute per further property. Each node
// has its type's colour (viz:color, as in DOT) and a size growing with its
// degree, so Gephi's first view already reads.
// Edges are directed, labelled and "kind"-ed with the predicate (Gephi keeps
// parallel edges of different kinds apart), weighted with the evidence count,
// and carry the evidence summary as in GraphML.
// Text is escaped as described in exporters/escaping.h.
#ifndef CRIMEKG_EXPORTERS_GEXF_WRITER_H_
#define CRIMEKG_EXPORTERS_GEXF_WRITER_H_

#include <ostream>

#include "graph/knowledge_graph.h"

namespace crimekg {

void write_gexf(const KnowledgeGraph& graph, std::ostream& out);

}  // namespace crimekg

#endif  // CRIMEKG_EXPORTERS_GEXF_WRITER_H_
