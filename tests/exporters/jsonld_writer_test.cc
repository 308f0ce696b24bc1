#include "exporters/jsonld_writer.h"

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <map>

#include "test_graphs.h"

using namespace crimekg;
using namespace crimekg::testing;

namespace {

constexpr const char* kBase = "https://w3id.org/crimekg/";

struct ParsedJsonLd {
  rapidjson::Document doc;
  std::map<std::string, const rapidjson::Value*> nodes;  // by canonicalId
  std::vector<const rapidjson::Value*> statements;
};

std::string str(const rapidjson::Value& v) {
  return std::string(v.GetString(), v.GetStringLength());
}

void parse(const std::string& text, ParsedJsonLd& out) {
  out.doc.Parse(text.data(), text.size());
  REQUIRE_FALSE(out.doc.HasParseError());
  for (const auto& item : out.doc["@graph"].GetArray()) {
    if (item.HasMember("canonicalId")) {
      out.nodes[str(item["canonicalId"])] = &item;
    } else {
      out.statements.push_back(&item);
    }
  }
}

std::vector<std::string> strings(const rapidjson::Value& array) {
  std::vector<std::string> out;
  for (const auto& v : array.GetArray()) out.push_back(v.IsString() ? str(v) : str(v["@id"]));
  return out;
}

}  // namespace

TEST_CASE("JSON-LD context maps onto established vocabularies", "[jsonld]") {
  ParsedJsonLd g;
  parse(written([&](std::ostream& out) { write_jsonld(small_graph(), kBase, out); }), g);
  const auto& context = g.doc["@context"];
  CHECK(context["@version"].GetDouble() == Approx(1.1));
  CHECK(str(context["skos"]) == "http://www.w3.org/2004/02/skos/core#");
  CHECK(str(context["prov"]) == "http://www.w3.org/ns/prov#");
  CHECK(str(context["labels"]["@id"]) == "skos:prefLabel");
  CHECK(str(context["labels"]["@container"]) == "@language");
  CHECK(str(context["aliases"]) == "skos:altLabel");
  CHECK(str(context["sameAs"]["@id"]) == "owl:sameAs");
  CHECK(str(context["title"]) == "dcterms:title");
  CHECK(str(context["evidence"]) == "prov:wasDerivedFrom");
  CHECK(str(context["addresses"]["@id"]) == "ckg:addresses");
  CHECK(str(context["addresses"]["@type"]) == "@id");
}

TEST_CASE("JSON-LD nodes, typed edges and evidence", "[jsonld]") {
  const KnowledgeGraph graph = small_graph();
  ParsedJsonLd g;
  parse(written([&](std::ostream& out) { write_jsonld(graph, "https://example.org/kg/", out); }),
        g);
  CHECK(g.nodes.size() == graph.node_count());
  CHECK(g.statements.size() == graph.edge_count());

  const auto& unodc = *g.nodes.at("body:united-nations-office-on-drugs-and-crime");
  CHECK(str(unodc["@id"]) ==
        "https://example.org/kg/body:united-nations-office-on-drugs-and-crime");
  CHECK(strings(unodc["@type"]) == std::vector<std::string>{"ckg:Body", "schema:Organization"});
  CHECK(str(unodc["label"]) == "United Nations Office on Drugs and Crime");
  CHECK(str(unodc["labels"]["ar"]) == "مكتب الأمم المتحدة المعني بالمخدرات والجريمة");
  CHECK(strings(unodc["aliases"]) == std::vector<std::string>{"UNODC", "the Office"});
  CHECK(unodc["mentionCount"].GetUint64() == 12);
  CHECK(strings(unodc["addresses"]) ==
        std::vector<std::string>{"https://example.org/kg/crime:terrorism",
                                 "https://example.org/kg/crime:trafficking-in-persons"});

  const auto& resolution = *g.nodes.at("resolution:ga/58/136");
  CHECK(str(resolution["@id"]) == "https://example.org/kg/resolution:ga/58/136");
  const auto& qatar = *g.nodes.at("state:qat");
  CHECK(strings(qatar["sameAs"]) ==
        std::vector<std::string>{"iso3166:QAT", "http://www.wikidata.org/entity/Q846"});
  const auto& doc = *g.nodes.at("document:A/59/150");
  CHECK(str(doc["identifier"]) == "A/59/150");
  CHECK(str(doc["title"]) == "Report of the Secretary-General");
  CHECK(str(doc["language"]) == "en");
  CHECK(str(doc["sourceFile"]) == "samples/a59150.txt");

  const rapidjson::Value* statement = nullptr;
  for (const auto* s : g.statements) {
    if (str((*s)["predicate"]) == std::string(kCrimekgVocabulary) + "addresses" &&
        str((*s)["object"]) == "https://example.org/kg/crime:trafficking-in-persons") {
      statement = s;
    }
  }
  REQUIRE(statement != nullptr);
  CHECK(strings((*statement)["@type"]) == std::vector<std::string>{"rdf:Statement", "prov:Entity"});
  CHECK((*statement)["weight"].GetUint64() == 2);
  const auto& evidence = (*statement)["evidence"].GetArray();
  REQUIRE(evidence.Size() == 2);
  CHECK(evidence[1]["evidenceIndex"].GetUint64() == 1);
  CHECK(str(evidence[0]["source"]) == "https://example.org/kg/document:A/59/150");
  const auto& selectors = evidence[0]["selector"].GetArray();
  CHECK(str(selectors[0]["@type"]) == "oa:DataPositionSelector");
  CHECK(selectors[0]["start"].GetUint64() == 200);
  CHECK(str(selectors[1]["@type"]) == "oa:TextQuoteSelector");
  CHECK(str(selectors[1]["exact"]) == "UNODC works to combat trafficking in persons");
  CHECK(evidence[1]["confidence"].GetDouble() == Approx(0.7));
}

TEST_CASE("JSON-LD keeps hostile text exactly", "[jsonld][hostile]") {
  const KnowledgeGraph graph = hostile_graph();
  ParsedJsonLd g;
  parse(written([&](std::ostream& out) { write_jsonld(graph, kBase, out); }), g);
  const auto& body = *g.nodes.at("body:hostile");
  CHECK(str(body["label"]) == kHostileLabel);
  CHECK(str(body["labels"]["en"]) == kHostileLabel);
  CHECK_FALSE(body["labels"].HasMember("not a tag"));  // not a language tag:
  CHECK(str(body["ckg:labelIn"][0]["ckg:labelLanguage"]) == "not a tag");
  CHECK(strings(body["aliases"]) == graph.node(*graph.find("body:hostile")).aliases);
  CHECK(strings(body["sameAs"]) ==
        std::vector<std::string>{"iso3166:QAT", "http://www.wikidata.org/entity/Q1234"});
  CHECK(strings(body["externalId"]) == std::vector<std::string>{"odd value <x>"});
  const std::string weird_key = "https://w3id.org/crimekg/vocab/property#weird%20key!";
  REQUIRE(body.HasMember(weird_key.c_str()));
  CHECK(str(body[weird_key.c_str()]) == std::string("nul\0inside", 10));
  const std::string weird_predicate =
      std::string(kCrimekgVocabulary) + "weird%20predicate%2F%22x%22";
  CHECK(strings(body[weird_predicate.c_str()]) ==
        std::vector<std::string>{std::string(kBase) + "crime:hostile"});

  const auto& odd = *g.nodes.at("body:odd \"id\" <&> \\ end\\");
  CHECK(str(odd["@id"]) == std::string(kBase) + "body:odd%20%22id%22%20%3C&%3E%20%5C%20end%5C");
}

TEST_CASE("check_base_iri", "[jsonld]") {
  CHECK(check_base_iri("https://w3id.org/crimekg/").empty());
  CHECK(check_base_iri("urn:example:kg#").empty());
  CHECK_FALSE(check_base_iri("w3id.org/crimekg/").empty());         // not absolute
  CHECK_FALSE(check_base_iri("https://example.org/a b/").empty());  // space
  CHECK_FALSE(check_base_iri("https://example.org/kg").empty());    // no / or # to append to
}
