// Graphs the exporter tests write: a small corpus-like graph and one whose
// text holds everything that breaks writers.
#ifndef CRIMEKG_TESTS_EXPORTERS_TEST_GRAPHS_H_
#define CRIMEKG_TESTS_EXPORTERS_TEST_GRAPHS_H_

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include "graph/knowledge_graph.h"
#include "tests/temp_folder.h"

namespace crimekg::testing {

inline NodeData make_node(std::string id, NodeType type, std::string label,
                          std::map<std::string, std::string> labels = {},
                          std::vector<std::string> aliases = {}, std::uint64_t mentions = 1) {
  NodeData node;
  node.id = std::move(id);
  node.type = type;
  node.label = std::move(label);
  node.labels = std::move(labels);
  node.aliases = std::move(aliases);
  node.mentions = mentions;
  return node;
}

inline Evidence make_evidence(std::string document, std::string paragraph, std::uint64_t start,
                              std::string text, double confidence = 0.9) {
  Evidence e;
  e.document = std::move(document);
  e.paragraph = std::move(paragraph);
  e.start = start;
  e.text = std::move(text);
  e.end = start + e.text.size();
  e.extractor = "cue";
  e.confidence = confidence;
  return e;
}

// Two bodies, a resolution, two crime types, a State, a meeting in a place and
// the document they come from; typed edges with evidence, mentions and
// mentionedWith.
inline KnowledgeGraph small_graph() {
  KnowledgeGraph g;
  NodeData doc =
      make_node("document:A/59/150", NodeType::kDocument, "Report of the Secretary-General",
                {{"en", "Report of the Secretary-General"}}, {}, 0);
  doc.properties = {{"file", "samples/a59150.txt"},
                    {"language", "en"},
                    {"symbol", "A/59/150"},
                    {"title", "Report of the Secretary-General"}};
  g.upsert_node(doc);
  g.upsert_node(make_node("body:united-nations-office-on-drugs-and-crime", NodeType::kBody,
                          "United Nations Office on Drugs and Crime",
                          {{"en", "United Nations Office on Drugs and Crime"},
                           {"ar", "مكتب الأمم المتحدة المعني بالمخدرات والجريمة"}},
                          {"UNODC", "the Office"}, 12));
  g.upsert_node(make_node("body:general-assembly", NodeType::kBody, "General Assembly",
                          {{"en", "General Assembly"}, {"ar", "الجمعية العامة"}}, {}, 4));
  g.upsert_node(make_node("resolution:ga/58/136", NodeType::kResolution, "resolution 58/136",
                          {{"en", "resolution 58/136"}}, {}, 2));
  g.upsert_node(
      make_node("crime:trafficking-in-persons", NodeType::kCrimeType, "trafficking in persons",
                {{"en", "trafficking in persons"}, {"ar", "الاتجار بالأشخاص"}}, {"TIP"}, 5));
  g.upsert_node(make_node("crime:terrorism", NodeType::kCrimeType, "terrorism",
                          {{"en", "terrorism"}}, {}, 3));
  NodeData qatar =
      make_node("state:qat", NodeType::kState, "Qatar", {{"en", "Qatar"}, {"ar", "قطر"}}, {}, 2);
  qatar.same_as = {"iso3166:QAT", "wikidata:Q846"};
  g.upsert_node(qatar);
  g.upsert_node(make_node("meeting:commission-on-crime-prevention-and-criminal-justice/33",
                          NodeType::kMeeting, "thirty-third session of the Commission",
                          {{"en", "thirty-third session of the Commission"}}));
  g.upsert_node(make_node("place:vienna", NodeType::kPlace, "Vienna", {{"en", "Vienna"}}));

  const std::string unodc = "body:united-nations-office-on-drugs-and-crime";
  const std::string d = "document:A/59/150";
  g.upsert_edge({"body:general-assembly",
                 "resolution:ga/58/136",
                 "adopted",
                 1,
                 {make_evidence(d, "20", 1000,
                                "In its resolution 58/136, the General Assembly invited ...")}});
  g.upsert_edge(
      {unodc,
       "crime:trafficking-in-persons",
       "addresses",
       2,
       {make_evidence(d, "4", 200, "UNODC works to combat trafficking in persons"),
        make_evidence(d, "9", 900, "the Office's programme against trafficking in persons", 0.7)}});
  g.upsert_edge({unodc,
                 "crime:terrorism",
                 "addresses",
                 1,
                 {make_evidence(d, "5", 400, "to counter terrorism")}});
  g.upsert_edge({"resolution:ga/58/136",
                 "crime:terrorism",
                 "addresses",
                 1,
                 {make_evidence(d, "20", 1000, "measures to eliminate international terrorism")}});
  g.upsert_edge(
      {"state:qat",
       "meeting:commission-on-crime-prevention-and-criminal-justice/33",
       "participatedIn",
       1,
       {make_evidence(d, "2", 100, "Statements were made by the representatives of Qatar")}});
  g.upsert_edge({"meeting:commission-on-crime-prevention-and-criminal-justice/33",
                 "place:vienna",
                 "heldIn",
                 1,
                 {make_evidence(d, "1", 10, "held in Vienna")}});
  g.upsert_edge({unodc, "body:general-assembly", "cooperatesWith", 1, {}});
  g.upsert_edge({"body:general-assembly", unodc, "cooperatesWith", 1, {}});
  g.upsert_edge({unodc, "crime:terrorism", "mentionedWith", 3, {}});
  g.upsert_edge({"crime:terrorism", unodc, "mentionedWith", 3, {}});
  for (const char* target :
       {"body:united-nations-office-on-drugs-and-crime", "body:general-assembly",
        "resolution:ga/58/136", "crime:trafficking-in-persons", "crime:terrorism", "state:qat"}) {
    g.upsert_edge({d, target, "mentions", 2, {}});
  }
  return g;
}

// The label every hostile test looks for: quotes, backslashes, markup, an
// entity, newline, tab, form feed and other C0 controls, DEL.
inline const std::string kHostileLabel =
    "He said \"hello\" \\ back\\slash <script>alert('x')</script> &amp; & done\nline two\ttab\f"
    "form feed\x01\x08\x1b\x7f end";

inline KnowledgeGraph hostile_graph() {
  KnowledgeGraph g;
  NodeData body =
      make_node("body:hostile", NodeType::kBody, kHostileLabel,
                {{"en", kHostileLabel},
                 {"ar", "مكتب الأمم المتحدة المعني بالمخدرات والجريمة"},
                 {"fr", "Office \"ONUDC\" l'été"},
                 {"not a tag", "odd language key"}},
                {"", " spaces ", "UNODC", "[bracket], comma", "a,b;c|d", "back\\slash\\",
                 "emoji \xF0\x9F\x9A\x94", "quote\"", "tab\there", "x\x1fy"},
                7);
  body.same_as = {"iso3166:QAT", "odd value <x>", "wikidata:Q1234"};
  body.properties = {{"note", "form\ffeed & <b>bold</b>"},
                     {"weird key!", std::string("nul\0inside", 10)}};
  g.upsert_node(body);
  g.upsert_node(make_node("body:odd \"id\" <&> \\ end\\", NodeType::kBody, "Odd \"id\" body",
                          {{"en", "Odd \"id\" body"}}));
  g.upsert_node(make_node(
      "crime:hostile", NodeType::kCrimeType, "Crime \u200F\u0645\u0639 \u0646\u0635\u200E & RTL",
      {{"en", "Crime \u200F\u0645\u0639 \u0646\u0635\u200E & RTL"}}, {"TIP"}, 3));
  NodeData doc =
      make_node("document:hostile.txt", NodeType::kDocument, "Doc <title> \"quoted\"", {}, {}, 0);
  doc.properties = {{"file", "dir/hostile \"file\".txt"},
                    {"title", "\u0639\u0646\u0648\u0627\u0646\nwith a line break"}};
  g.upsert_node(doc);

  Evidence item = make_evidence("document:hostile.txt", "12 (a)", 10,
                                "to combat \"trafficking\" <b> & \\n\n\u0646\u0635 \f end", 0.75);
  item.extractor = "cue:\"addresses\"";
  g.upsert_edge({"body:hostile",
                 "crime:hostile",
                 "addresses",
                 2,
                 {item, make_evidence("document:hostile.txt", "", 200, "second\x1fitem", 0.5)}});
  g.upsert_edge({"body:hostile", "crime:hostile", "weird predicate/\"x\"", 1, {}});
  g.upsert_edge({"body:odd \"id\" <&> \\ end\\", "body:hostile", "cooperatesWith", 1, {}});
  g.upsert_edge({"document:hostile.txt", "body:hostile", "mentions", 3, {}});
  return g;
}

// The same graph built in the opposite order: nodes and edges inserted last
// to first. Exports must not tell the two apart.
inline KnowledgeGraph reversed_copy(const KnowledgeGraph& graph) {
  KnowledgeGraph out;
  const auto vertices = graph.sorted_vertices();
  for (auto it = vertices.rbegin(); it != vertices.rend(); ++it) out.upsert_node(graph.node(*it));
  const auto edges = graph.sorted_edges();
  for (auto it = edges.rbegin(); it != edges.rend(); ++it) {
    const EdgeData& d = graph.edge(*it);
    out.upsert_edge(
        {graph.source_node(*it).id, graph.target_node(*it).id, d.predicate, d.weight, d.evidence});
  }
  return out;
}

// Runs write(out) into a string.
inline std::string written(const std::function<void(std::ostream&)>& write) {
  std::ostringstream out;
  write(out);
  return out.str();
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// True if `text` holds a byte XML 1.0 forbids (C0 controls but tab, LF, CR).
inline bool has_xml_illegal_byte(const std::string& text) {
  for (unsigned char c : text) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return true;
  }
  return false;
}

}  // namespace crimekg::testing

#endif  // CRIMEKG_TESTS_EXPORTERS_TEST_GRAPHS_H_
