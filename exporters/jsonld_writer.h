// JSON-LD 1.1 for RDF triple stores, mapped onto established vocabularies so
// it means something without crimekg's documentation.
//
// Every node is a resource at <base> + percent-encoded canonical id
// (https://w3id.org/crimekg/state:qat by default; --base changes it):
//   @type                ckg:<Type> plus, where one fits, schema:Country
//                        (State), schema:Organization (Body), schema:Event
//                        (Meeting), schema:Place (Place), schema:CreativeWork
//                        (Document, Resolution, Decision),
//                        schema:Legislation (Instrument), skos:Concept
//                        (CrimeType)
//   ckg:canonicalId      the id as a string
//   rdfs:label           the English canonical name, @en
//   skos:prefLabel       labels, one per language tag (a language map);
//                        codes that are not BCP 47 tags go to
//                        ckg:labelIn [ckg:labelLanguage, rdf:value]
//   skos:altLabel        aliases (no language: they mix languages)
//   ckg:mentionCount     mentions, xsd:nonNegativeInteger
//   owl:sameAs           sameAs as IRIs ("wikidata:Q..." is Wikidata's
//                        entity IRI; "scheme:code" stays an IRI of that
//                        scheme); values that are no IRI: ckg:externalId
//   properties           title dcterms:title, language dcterms:language,
//                        symbol dcterms:identifier, file ckg:sourceFile,
//                        any other key https://w3id.org/crimekg/vocab/
//                        property#<percent-encoded key>
//   ckg:<predicate>      one triple per edge, so "which bodies address which
//                        crimes" is { ?b a ckg:Body ; ckg:addresses ?c .
//                        ?c a ckg:CrimeType }
// Each edge is also an rdf:Statement (a prov:Entity) with rdf:subject,
// rdf:predicate, rdf:object, ckg:weight, and prov:wasDerivedFrom its evidence:
// each item an oa:SpecificResource with oa:hasSource the Document node,
// oa:hasSelector an oa:DataPositionSelector (oa:start/oa:end: the UTF-8 byte
// offsets, which is what the Web Annotation data-position selector counts)
// and an oa:TextQuoteSelector (oa:exact: the text), plus ckg:paragraph,
// ckg:extractor, ckg:confidence (xsd:double) and ckg:evidenceIndex (its
// position, since RDF does not keep order). Nothing of the node-link graph is
// lost in the expansion to RDF.
#ifndef CRIMEKG_EXPORTERS_JSONLD_WRITER_H_
#define CRIMEKG_EXPORTERS_JSONLD_WRITER_H_

#include <ostream>
#include <string>
#include <string_view>

#include "graph/knowledge_graph.h"

namespace crimekg {

// The crimekg vocabulary: node types, predicates and properties.
inline constexpr std::string_view kCrimekgVocabulary = "https://w3id.org/crimekg/vocab#";

// "" if `base` can prefix node IRIs (an absolute IRI ending in "/" or "#"),
// else what is wrong with it.
std::string check_base_iri(std::string_view base);

// The IRI of the node with canonical id `id`.
std::string node_iri(std::string_view base, std::string_view id);

void write_jsonld(const KnowledgeGraph& graph, const std::string& base_iri, std::ostream& out);

}  // namespace crimekg

#endif  // CRIMEKG_EXPORTERS_JSONLD_WRITER_H_
