// A folder for Kuzu: one CSV per node table and per relationship table pair,
// and schema.cypher with the DDL and the COPY statements that load them.
//
//   <Type>.csv                  node table <Type>: id (primary key), label,
//                               label_<lang>, aliases STRING[], mentions
//                               UINT64, sameAs STRING[], further properties
//   <predicate>_<From>_<To>.csv one (From, To) pair of relationship table
//                               <predicate>: weight UINT64, evidence_count
//                               UINT64 and the evidence as parallel lists
//                               (evidence_documents, _paragraphs, _texts,
//                               _extractors STRING[]; _starts, _ends UINT64[];
//                               _confidences DOUBLE[])
//   schema.cypher               CREATE NODE TABLE / CREATE REL TABLE (one
//                               FROM ... TO ... per pair) / COPY, one statement
//                               a line; COPY paths are relative, so run it from
//                               this folder
//
// Kuzu's CSV list syntax ("[a,b]") has no escapes and keeps quotes inside
// elements, so string lists cannot be written in it faithfully. They are
// written as elements each preceded by U+001E and separated by U+001F, and the
// COPY statements rebuild the lists with regexp_split_to_array (which drops
// empty strings: the U+001E keeps every element non-empty until it is cut off
// again). U+001F inside an element is written as U+241F. Numeric lists use
// Kuzu's own syntax. All fields are quoted, so newlines load with
// PARALLEL=false, which the COPY statements pass.
#ifndef CRIMEKG_EXPORTERS_KUZU_WRITER_H_
#define CRIMEKG_EXPORTERS_KUZU_WRITER_H_

#include <string>
#include <vector>

#include "exporters/output_folder.h"
#include "graph/knowledge_graph.h"

namespace crimekg {

// The files of the folder, schema.cypher last.
std::vector<detail::OutputFile> kuzu_files(const KnowledgeGraph& graph);

// Writes the folder `path` atomically; "" or a message naming the path.
std::string write_kuzu(const KnowledgeGraph& graph, const std::string& path);

}  // namespace crimekg

#endif  // CRIMEKG_EXPORTERS_KUZU_WRITER_H_
