// Text encoding shared by the writers: XML, CSV, IRIs, identifiers.
//
// How text that a format cannot carry round-trips:
//
// * Ill-formed UTF-8 (graph text comes from input files and is not validated)
//   becomes U+FFFD in every format except the node-link JSON, which keeps the
//   bytes.
// * XML 1.0 (GraphML, GEXF, and the SVG that Graphviz makes from DOT) cannot
//   carry U+0000-U+0008, U+000B, U+000C, U+000E-U+001F, not even as character
//   references. Each is written as its Unicode Control Picture, U+2400 plus
//   the code point: form feed U+000C becomes U+240C, U+0001 becomes U+2401.
//   The text stays visible and a reader can map U+2400-U+241F back. U+FFFE
//   and U+FFFF, also excluded from XML, become U+FFFD. Tab, newline and
//   carriage return are kept exactly: they are written as &#9; &#10; &#13; so
//   attribute-value normalisation in XML parsers does not turn them into
//   spaces.
// * CSV (Neo4j, Kuzu) quotes every field and doubles quotes inside it, so
//   commas, quotes, newlines and other control characters load as they are,
//   except U+0000, which CSV readers take as the end of the text: it is
//   written as U+2400.
// * JSON (JSON-LD) escapes control characters as \uXXXX: exact.
#ifndef CRIMEKG_EXPORTERS_ESCAPING_H_
#define CRIMEKG_EXPORTERS_ESCAPING_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace crimekg::detail {

// `text` with every ill-formed UTF-8 sequence replaced by U+FFFD (one per
// offending byte, so nothing else shifts).
std::string valid_utf8(std::string_view text);

// `text` made valid UTF-8 with the characters XML 1.0 forbids written as
// Control Pictures (see above). Tab, newline and CR are kept.
std::string xml_safe(std::string_view text);

// xml_safe(text) with & < > " ' written as entities and tab, newline and CR
// as character references: usable in element content and in attribute
// values quoted either way.
std::string xml_escape(std::string_view text);

// One CSV field, always quoted, for Neo4j's and Kuzu's readers.
std::string csv_field(std::string_view text);
// csv_field of values[key], or an empty (null) field where the key is absent.
std::string csv_optional_field(const std::map<std::string, std::string>& values,
                               const std::string& key);
// Appends the fields joined by commas and a newline.
void append_csv_row(std::string& out, const std::vector<std::string>& fields);

// The separator between array elements in Neo4j and Kuzu CSV files: U+001F,
// INFORMATION SEPARATOR ONE, which names do not contain. An element that does
// contain it has it written as U+241F.
inline constexpr char kArraySeparator = '\x1f';
// Marks the start of each array element in Kuzu files: Kuzu's splitting drops
// empty strings, so every element is made non-empty and the mark removed
// after the split.
inline constexpr char kKuzuElementMark = '\x1e';

// Neo4j array property: elements joined by kArraySeparator (`--array-delimiter`).
std::string neo4j_array(const std::vector<std::string>& elements);
// Kuzu list: each element preceded by kKuzuElementMark, joined by kArraySeparator.
std::string kuzu_list(const std::vector<std::string>& elements);

// Percent-encodes `text` for use in an IRI: every byte except ASCII letters,
// digits, "-._~" and the sub-delimiters "!$&'()*+,;=" plus ":@" is written
// %XX, so the result is plain ASCII and decodes back to the exact bytes.
// With keep_slash, "/" is kept too (a path); otherwise it is encoded (one
// path segment).
std::string percent_encode(std::string_view text, bool keep_slash);

// A name usable unquoted as a CSV header, a Cypher identifier or a file name:
// ASCII letters, digits and "_" only (others become "_"), not starting with a
// digit, never empty.
std::string identifier(std::string_view text);

// True for a BCP 47-shaped language tag ("en", "ar", "zh-Hans", "es-419").
bool is_language_tag(std::string_view tag);

// A JSON array of strings, ["a","b"], with control characters as \uXXXX:
// exact even where XML could not carry the characters raw.
std::string json_string_array(const std::vector<std::string>& elements);

// Gephi's list syntax, the liststring values of GEXF: ["a", "b \"c\""],
// every element quoted with \ and " escaped by a backslash.
std::string gephi_list(const std::vector<std::string>& elements);

}  // namespace crimekg::detail

#endif  // CRIMEKG_EXPORTERS_ESCAPING_H_
