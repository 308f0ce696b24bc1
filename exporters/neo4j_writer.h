// A folder for `neo4j-admin database import full` (Neo4j 5):
//
//   nodes_<Type>.csv          one per node type: id:ID(crimekg), :LABEL (the
//                             type), label, label_<lang>, aliases:string[],
//                             mentions:long, sameAs:string[], further
//                             properties as strings
//   relationships_<predicate>.csv
//                             one per predicate: :START_ID(crimekg),
//                             :END_ID(crimekg), :TYPE (the predicate),
//                             weight:long, evidence_count:int and the
//                             evidence as parallel arrays: evidence_documents,
//                             _paragraphs, _texts, _extractors (string[]),
//                             _starts, _ends (long[]), _confidences (double[])
//   README.md                 the exact import command and a first query
//
// One ID group, crimekg, for all nodes: canonical ids are unique across
// types. Array elements are separated by U+001F (the command passes
// --array-delimiter=U+001F): names and quotes contain ";" and "," but not
// that; an element containing U+001F has it written as U+241F. Fields are
// quoted, so newlines need --multiline-fields=true, also in the command.
// The one array this syntax cannot carry is [""]: its field, "", reads back as
// an empty array (the node-link JSON and the Kuzu folder keep it).
#ifndef CRIMEKG_EXPORTERS_NEO4J_WRITER_H_
#define CRIMEKG_EXPORTERS_NEO4J_WRITER_H_

#include <string>
#include <vector>

#include "exporters/output_folder.h"
#include "graph/knowledge_graph.h"

namespace crimekg {

// The files of the folder, README.md last.
std::vector<detail::OutputFile> neo4j_files(const KnowledgeGraph& graph);

// Writes the folder `path` atomically; "" or a message naming the path.
std::string write_neo4j(const KnowledgeGraph& graph, const std::string& path);

}  // namespace crimekg

#endif  // CRIMEKG_EXPORTERS_NEO4J_WRITER_H_
