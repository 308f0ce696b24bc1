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
// COPY statements rebuild the lists with regexp_extract_all(field,
// '\x1e([^\x1f]*)', 1): every element is what follows a U+001E up to the next
// U+001F, so empty elements survive (Kuzu's split functions drop them) and an
// empty list (an empty field, which Kuzu reads as NULL) stays apart from a list
// holding one empty string ("\x1e"). U+001F inside an element is written as
// U+241F. Numeric lists use Kuzu's own syntax.
//
// The CSV dialect is RFC 4180: every field quoted, quotes doubled, no
// backslash escapes, LF between rows; the COPY statements spell it out (DELIM,
// QUOTE, ESCAPE) and pass PARALLEL=false, which quoted line breaks need.
//
// No list lambda (list_transform) is used: in Kuzu 0.11 it corrupts memory
// once the list elements of one 2048-row chunk outnumber the vector capacity
// (kuzudb/kuzu#4811), which crashed the COPY of the samples' largest table.
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
