#include "exporters/jsonld_writer.h"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <tuple>

#include "exporters/escaping.h"

namespace crimekg {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;

// Prefixes of the @context. A sameAs value whose scheme is one of these would
// be read as a compact IRI and change meaning, so it is kept as a literal.
constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kPrefixes = {{
    {"ckg", kCrimekgVocabulary},
    {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
    {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
    {"xsd", "http://www.w3.org/2001/XMLSchema#"},
    {"owl", "http://www.w3.org/2002/07/owl#"},
    {"skos", "http://www.w3.org/2004/02/skos/core#"},
    {"dcterms", "http://purl.org/dc/terms/"},
    {"schema", "https://schema.org/"},
    {"prov", "http://www.w3.org/ns/prov#"},
    {"oa", "http://www.w3.org/ns/oa#"},
    {"wikidata", "http://www.wikidata.org/entity/"},
}};

// Node properties with an established term; any other key becomes an IRI in
// a namespace of its own, so a property can never be mistaken for a predicate.
constexpr std::string_view kPropertyNamespace = "https://w3id.org/crimekg/vocab/property#";

constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kPropertyTerms = {{
    {"title", "title"},
    {"language", "language"},
    {"symbol", "identifier"},
    {"file", "sourceFile"},
}};

void str(Writer& w, std::string_view s) {
  const std::string valid = detail::valid_utf8(s);
  w.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
}

void key(Writer& w, std::string_view k) {
  w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
}

void term(Writer& w, std::string_view name, std::string_view id, std::string_view type = {},
          std::string_view language = {}, std::string_view container = {}) {
  key(w, name);
  if (type.empty() && language.empty() && container.empty()) {
    str(w, id);
    return;
  }
  w.StartObject();
  key(w, "@id");
  str(w, id);
  if (!type.empty()) {
    key(w, "@type");
    str(w, type);
  }
  if (!language.empty()) {
    key(w, "@language");
    str(w, language);
  }
  if (!container.empty()) {
    key(w, "@container");
    str(w, container);
  }
  w.EndObject();
}

// Predicates of the ontology get a short term; others are written as full IRIs.
bool has_predicate_term(std::string_view predicate) {
  return is_typed_predicate(predicate) || predicate == predicate::kMentions ||
         predicate == predicate::kMentionedWith;
}

std::string predicate_iri(std::string_view predicate) {
  return std::string(kCrimekgVocabulary) + detail::percent_encode(predicate, false);
}

void write_context(Writer& w) {
  key(w, "@context");
  w.StartObject();
  key(w, "@version");
  w.Double(1.1);
  for (const auto& [prefix, iri] : kPrefixes) term(w, prefix, iri);
  term(w, "canonicalId", "ckg:canonicalId");
  term(w, "label", "rdfs:label", {}, "en");
  term(w, "labels", "skos:prefLabel", {}, {}, "@language");
  term(w, "aliases", "skos:altLabel");
  term(w, "mentionCount", "ckg:mentionCount", "xsd:nonNegativeInteger");
  term(w, "sameAs", "owl:sameAs", "@id");
  term(w, "externalId", "ckg:externalId");
  term(w, "title", "dcterms:title");
  term(w, "language", "dcterms:language");
  term(w, "identifier", "dcterms:identifier");
  term(w, "sourceFile", "ckg:sourceFile");
  term(w, "subject", "rdf:subject", "@id");
  term(w, "predicate", "rdf:predicate", "@id");
  term(w, "object", "rdf:object", "@id");
  term(w, "weight", "ckg:weight", "xsd:nonNegativeInteger");
  term(w, "evidence", "prov:wasDerivedFrom");
  term(w, "evidenceIndex", "ckg:evidenceIndex", "xsd:nonNegativeInteger");
  term(w, "source", "oa:hasSource", "@id");
  term(w, "selector", "oa:hasSelector");
  term(w, "start", "oa:start", "xsd:nonNegativeInteger");
  term(w, "end", "oa:end", "xsd:nonNegativeInteger");
  term(w, "exact", "oa:exact");
  term(w, "paragraph", "ckg:paragraph");
  term(w, "extractor", "ckg:extractor");
  term(w, "confidence", "ckg:confidence", "xsd:double");
  for (auto p : typed_predicates()) term(w, p, "ckg:" + std::string(p), "@id");
  term(w, predicate::kMentionedWith, "ckg:mentionedWith", "@id");
  term(w, predicate::kMentions, "ckg:mentions", "@id");
  w.EndObject();
}

std::string_view secondary_class(NodeType type) {
  switch (type) {
    case NodeType::kState:
      return "schema:Country";
    case NodeType::kBody:
      return "schema:Organization";
    case NodeType::kMeeting:
      return "schema:Event";
    case NodeType::kPlace:
      return "schema:Place";
    case NodeType::kDocument:
    case NodeType::kResolution:
    case NodeType::kDecision:
      return "schema:CreativeWork";
    case NodeType::kInstrument:
      return "schema:Legislation";
    case NodeType::kCrimeType:
      return "skos:Concept";
    case NodeType::kProgramme:
      return "";
  }
  return "";
}

// The IRI a sameAs value stands for, or "" when it is no IRI.
std::string same_as_iri(std::string_view value) {
  const auto colon = value.find(':');
  if (colon == std::string_view::npos || colon == 0) return "";
  const std::string_view scheme = value.substr(0, colon);
  const bool scheme_ok =
      std::isalpha(static_cast<unsigned char>(scheme[0])) &&
      std::all_of(scheme.begin(), scheme.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
      });
  if (!scheme_ok) return "";
  const std::string rest = detail::percent_encode(value.substr(colon + 1), true);
  if (scheme == "wikidata") return "http://www.wikidata.org/entity/" + rest;
  for (const auto& [prefix, iri] : kPrefixes) {
    if (prefix == scheme) return "";
  }
  return std::string(scheme) + ":" + rest;
}

void write_node(Writer& w, const KnowledgeGraph& graph, KnowledgeGraph::Vertex v,
                const std::string& base) {
  const NodeData& node = graph.node(v);
  w.StartObject();
  key(w, "@id");
  str(w, node_iri(base, node.id));
  key(w, "@type");
  w.StartArray();
  str(w, "ckg:" + std::string(to_string(node.type)));
  if (auto extra = secondary_class(node.type); !extra.empty()) str(w, extra);
  w.EndArray();
  key(w, "canonicalId");
  str(w, node.id);
  key(w, "label");
  str(w, node.label);

  std::vector<std::pair<std::string, std::string>> odd_languages;
  bool any_tag = false;
  for (const auto& [lang, text] : node.labels) {
    if (detail::is_language_tag(lang)) {
      any_tag = true;
    } else {
      odd_languages.emplace_back(lang, text);
    }
  }
  if (any_tag) {
    key(w, "labels");
    w.StartObject();
    for (const auto& [lang, text] : node.labels) {
      if (!detail::is_language_tag(lang)) continue;
      key(w, lang);
      str(w, text);
    }
    w.EndObject();
  }
  if (!odd_languages.empty()) {
    key(w, "ckg:labelIn");
    w.StartArray();
    for (const auto& [lang, text] : odd_languages) {
      w.StartObject();
      key(w, "ckg:labelLanguage");
      str(w, lang);
      key(w, "rdf:value");
      str(w, text);
      w.EndObject();
    }
    w.EndArray();
  }
  if (!node.aliases.empty()) {
    key(w, "aliases");
    w.StartArray();
    for (const auto& alias : node.aliases) str(w, alias);
    w.EndArray();
  }
  key(w, "mentionCount");
  w.Uint64(node.mentions);

  std::vector<std::string> iris;
  std::vector<std::string> literals;
  for (const auto& value : node.same_as) {
    std::string iri = same_as_iri(value);
    if (iri.empty()) {
      literals.push_back(value);
    } else {
      iris.push_back(std::move(iri));
    }
  }
  if (!iris.empty()) {
    key(w, "sameAs");
    w.StartArray();
    for (const auto& iri : iris) str(w, iri);
    w.EndArray();
  }
  if (!literals.empty()) {
    key(w, "externalId");
    w.StartArray();
    for (const auto& literal : literals) str(w, literal);
    w.EndArray();
  }

  for (const auto& [name, value] : node.properties) {
    auto known = std::find_if(kPropertyTerms.begin(), kPropertyTerms.end(),
                              [&name = name](const auto& entry) { return entry.first == name; });
    if (known != kPropertyTerms.end()) {
      key(w, known->second);
    } else {
      key(w, std::string(kPropertyNamespace) + detail::percent_encode(name, false));
    }
    str(w, value);
  }

  // One property per predicate, its targets as node references. Out-edges in
  // (predicate, target) order: sorted_edges() order, restricted to this node.
  std::vector<KnowledgeGraph::Edge> out_edges;
  for (auto [it, end] = boost::out_edges(v, graph.graph()); it != end; ++it)
    out_edges.push_back(*it);
  std::sort(out_edges.begin(), out_edges.end(), [&graph](const auto& a, const auto& b) {
    return std::tie(graph.edge(a).predicate, graph.target_node(a).id) <
           std::tie(graph.edge(b).predicate, graph.target_node(b).id);
  });
  for (std::size_t i = 0; i < out_edges.size();) {
    const std::string& predicate = graph.edge(out_edges[i]).predicate;
    key(w, has_predicate_term(predicate) ? predicate : predicate_iri(predicate));
    w.StartArray();
    for (; i < out_edges.size() && graph.edge(out_edges[i]).predicate == predicate; ++i) {
      w.StartObject();
      key(w, "@id");
      str(w, node_iri(base, graph.target_node(out_edges[i]).id));
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
}

void write_statement(Writer& w, const KnowledgeGraph& graph, KnowledgeGraph::Edge e,
                     const std::string& base) {
  const EdgeData& edge = graph.edge(e);
  w.StartObject();
  key(w, "@type");
  w.StartArray();
  str(w, "rdf:Statement");
  str(w, "prov:Entity");
  w.EndArray();
  key(w, "subject");
  str(w, node_iri(base, graph.source_node(e).id));
  key(w, "predicate");
  str(w, predicate_iri(edge.predicate));
  key(w, "object");
  str(w, node_iri(base, graph.target_node(e).id));
  key(w, "weight");
  w.Uint64(edge.weight);
  if (!edge.evidence.empty()) {
    key(w, "evidence");
    w.StartArray();
    for (std::size_t i = 0; i < edge.evidence.size(); ++i) {
      const Evidence& item = edge.evidence[i];
      w.StartObject();
      key(w, "@type");
      w.StartArray();
      str(w, "prov:Entity");
      str(w, "oa:SpecificResource");
      w.EndArray();
      key(w, "evidenceIndex");
      w.Uint64(i);
      if (!item.document.empty()) {
        key(w, "source");
        str(w, node_iri(base, item.document));
      }
      key(w, "selector");
      w.StartArray();
      w.StartObject();
      key(w, "@type");
      str(w, "oa:DataPositionSelector");
      key(w, "start");
      w.Uint64(item.start);
      key(w, "end");
      w.Uint64(item.end);
      w.EndObject();
      w.StartObject();
      key(w, "@type");
      str(w, "oa:TextQuoteSelector");
      key(w, "exact");
      str(w, item.text);
      w.EndObject();
      w.EndArray();
      key(w, "paragraph");
      str(w, item.paragraph);
      key(w, "extractor");
      str(w, item.extractor);
      key(w, "confidence");
      w.Double(item.confidence);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
}

}  // namespace

std::string check_base_iri(std::string_view base) {
  const auto colon = base.find(':');
  if (colon == std::string_view::npos || colon == 0 ||
      !std::isalpha(static_cast<unsigned char>(base[0]))) {
    return "the base IRI must be absolute, like https://example.org/graph/";
  }
  for (char c : base) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || std::string_view("<>\"{}|\\^`").find(c) != std::string_view::npos) {
      return "the base IRI contains a character IRIs cannot hold (space, quote, <, >, ...)";
    }
  }
  if (base.back() != '/' && base.back() != '#') {
    return "the base IRI must end with '/' or '#' so ids can be appended to it";
  }
  return "";
}

std::string node_iri(std::string_view base, std::string_view id) {
  return std::string(base) + detail::percent_encode(id, true);
}

void write_jsonld(const KnowledgeGraph& graph, const std::string& base_iri, std::ostream& out) {
  rapidjson::OStreamWrapper stream(out);
  Writer w(stream);
  w.SetIndent(' ', 2);
  w.StartObject();
  write_context(w);
  key(w, "@graph");
  w.StartArray();
  for (auto v : graph.sorted_vertices()) write_node(w, graph, v, base_iri);
  for (auto e : graph.sorted_edges()) write_statement(w, graph, e, base_iri);
  w.EndArray();
  w.EndObject();
  out << '\n';
}

}  // namespace crimekg
