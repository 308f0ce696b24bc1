#!/usr/bin/python3
"""Loads crimekg's exports with the libraries people use them with and compares
what those libraries see with the node-link graph they were exported from.

  interop_checks.py networkx GRAPH.json OUT.graphml OUT.gexf OUT.json
  interop_checks.py rdflib   GRAPH.json OUT.jsonld BASE_IRI
  interop_checks.py svg      GRAPH.json OUT.svg LANG     (dot -Tsvg of crimekg's DOT)
  interop_checks.py render   GRAPH.json DIAGRAM.svg       (crimekg render's SVG)
  interop_checks.py neo4j    GRAPH.json FOLDER
  interop_checks.py roundtrip INPUT.json OUT.json         (crimekg's node-link export of INPUT)
  interop_checks.py facts    GRAPH.json                   (node, edge counts; body-crime pairs)

Expected values follow the documented encodings (exporters/escaping.h): in XML
formats, C0 control characters other than tab, newline and CR appear as Unicode
Control Pictures (U+2400 + code). Prints one line per problem and exits 1 if any.
"""
import collections
import csv
import json
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET

RESERVED = {"id", "type", "label", "labels", "aliases", "mentions", "sameAs"}
IRI_SAFE = "-._~!$&'()*+,;=:@"
CKG = "https://w3id.org/crimekg/vocab#"
PROPERTY_NS = "https://w3id.org/crimekg/vocab/property#"
SVG = "{http://www.w3.org/2000/svg}"


class Checker:
    def __init__(self, what):
        self.what = what
        self.problems = []
        self.checks = 0

    def equal(self, got, want, context):
        self.checks += 1
        if got != want:
            self.problems.append(f"{context}: got {got!r}, want {want!r}")

    def true(self, condition, context):
        self.checks += 1
        if not condition:
            self.problems.append(context)

    def finish(self):
        for problem in self.problems[:50]:
            print(f"{self.what}: {problem}")
        if len(self.problems) > 50:
            print(f"{self.what}: ... and {len(self.problems) - 50} more")
        print(f"{self.what}: {self.checks - len(self.problems)} passed, {len(self.problems)} failed")
        sys.exit(1 if self.problems else 0)


def load_graph(path):
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    nodes = {node["id"]: node for node in data["nodes"]}
    links = data.get("links", data.get("edges", []))
    return nodes, links


def properties(node):
    return {k: v for k, v in node.items() if k not in RESERVED and isinstance(v, str)}


def xml_text(text):
    """What an XML export carries for `text` (exporters/escaping.h)."""
    out = []
    for ch in text:
        code = ord(ch)
        if code < 0x20 and ch not in "\t\n\r":
            out.append(chr(0x2400 + code))
        elif code in (0xFFFE, 0xFFFF):
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def body_crime_pairs(nodes, links):
    return sorted(
        (l["source"], l["target"])
        for l in links
        if l["predicate"] == "addresses"
        and nodes[l["source"]]["type"] == "Body"
        and nodes[l["target"]]["type"] == "CrimeType"
    )


def gephi_list(text):
    """Gephi's list syntax as crimekg writes it: ["a", "b \\"c\\""]."""
    if text is None:
        return []
    items, i = [], 0
    while i < len(text):
        if text[i] == '"':
            i += 1
            item = []
            while text[i] != '"':
                if text[i] == "\\":
                    i += 1
                item.append(text[i])
                i += 1
            items.append("".join(item))
        i += 1
    return items


# ---------------------------------------------------------------- networkx

def register_gexf_13(nx):
    """networkx before 3.0 reads GEXF 1.1draft and 1.2draft only; register the
    1.3 namespace the way networkx 3 does (GEXF 1.3 changed namespaces and
    added types, not the elements networkx reads)."""
    from networkx.readwrite import gexf

    if "1.3" not in gexf.GEXF.versions:
        gexf.GEXF.versions["1.3"] = {
            "NS_GEXF": "http://gexf.net/1.3",
            "NS_VIZ": "http://gexf.net/1.3/viz",
            "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
            "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            "VERSION": "1.3",
        }


def check_networkx(graph_path, graphml_path, gexf_path, nodelink_path):
    import networkx as nx

    c = Checker("networkx")
    nodes, links = load_graph(graph_path)

    # node-link JSON through node_link_graph
    with open(nodelink_path, encoding="utf-8") as handle:
        g = nx.node_link_graph(json.load(handle))
    c.true(g.is_directed() and g.is_multigraph(), "node-link: not a directed multigraph")
    c.equal(g.number_of_nodes(), len(nodes), "node-link: node count")
    c.equal(g.number_of_edges(), len(links), "node-link: edge count")
    for node_id, node in nodes.items():
        data = g.nodes.get(node_id)
        if data is None:
            c.true(False, f"node-link: node {node_id!r} missing")
            continue
        for key in ("type", "label", "labels", "aliases", "mentions", "sameAs"):
            c.equal(data.get(key), node[key], f"node-link: {node_id!r} {key}")
        for key, value in properties(node).items():
            c.equal(data.get(key), value, f"node-link: {node_id!r} {key}")
    for link in links:
        key = link["predicate"]
        if not g.has_edge(link["source"], link["target"], key=key):
            c.true(False, f"node-link: edge {link['source']!r} {key} {link['target']!r} missing")
            continue
        data = g.edges[link["source"], link["target"], key]
        c.equal(data.get("weight"), link["weight"], f"node-link: {key} weight")
        c.equal(data.get("evidence"), link["evidence"], f"node-link: {key} evidence")

    # GraphML through read_graphml (an empty <data> reads as no attribute)
    g = nx.read_graphml(graphml_path)
    c.true(g.is_directed(), "graphml: not directed")
    c.equal(g.number_of_nodes(), len(nodes), "graphml: node count")
    c.equal(g.number_of_edges(), len(links), "graphml: edge count")

    def text_attr(value):
        return xml_text(value) if value != "" else None

    for node_id, node in nodes.items():
        data = g.nodes.get(xml_text(node_id))
        if data is None:
            c.true(False, f"graphml: node {node_id!r} missing")
            continue
        c.equal(data.get("type"), node["type"], f"graphml: {node_id!r} type")
        c.equal(data.get("label"), text_attr(node["label"]), f"graphml: {node_id!r} label")
        for lang, text in node["labels"].items():
            c.equal(data.get("label_" + lang), text_attr(text), f"graphml: {node_id!r} label_{lang}")
        c.equal(json.loads(data.get("aliases", "[]")), node["aliases"], f"graphml: {node_id!r} aliases")
        c.equal(json.loads(data.get("sameAs", "[]")), node["sameAs"], f"graphml: {node_id!r} sameAs")
        c.equal(data.get("mentions"), node["mentions"], f"graphml: {node_id!r} mentions")
        for key, value in properties(node).items():
            c.equal(data.get(key), text_attr(value), f"graphml: {node_id!r} {key}")
    got = collections.Counter()
    seen = {}
    for source, target, data in g.edges(data=True):
        got[(source, data.get("predicate"), target)] += 1
        seen[(source, data.get("predicate"), target)] = data
    want = collections.Counter(
        (xml_text(l["source"]), xml_text(l["predicate"]), xml_text(l["target"])) for l in links
    )
    c.equal(got, want, "graphml: edges (source, predicate, target)")
    for link in links:
        data = seen.get((xml_text(link["source"]), xml_text(link["predicate"]), xml_text(link["target"])))
        if data is None:
            continue
        c.equal(data.get("weight"), link["weight"], f"graphml: {link['predicate']} weight")
        c.equal(data.get("evidence_count"), len(link["evidence"]), f"graphml: {link['predicate']} evidence_count")
        if link["evidence"]:
            first = link["evidence"][0]
            c.equal(data.get("evidence_text"), text_attr(first["text"]), f"graphml: {link['predicate']} evidence_text")
            c.equal(data.get("evidence_start"), first["start"], f"graphml: {link['predicate']} evidence_start")
            c.equal(data.get("evidence_document"), text_attr(first["document"]),
                    f"graphml: {link['predicate']} evidence_document")

    # GEXF 1.3 through read_gexf
    register_gexf_13(nx)
    g = nx.read_gexf(gexf_path, version="1.3")
    c.true(g.is_directed(), "gexf: not directed")
    c.equal(g.number_of_nodes(), len(nodes), "gexf: node count")
    c.equal(g.number_of_edges(), len(links), "gexf: edge count")
    for node_id, node in nodes.items():
        data = g.nodes.get(xml_text(node_id))
        if data is None:
            c.true(False, f"gexf: node {node_id!r} missing")
            continue
        c.equal(data.get("label"), xml_text(node["label"]), f"gexf: {node_id!r} label")
        c.equal(data.get("type"), node["type"], f"gexf: {node_id!r} type")
        for lang, text in node["labels"].items():
            c.equal(data.get("label_" + lang), xml_text(text), f"gexf: {node_id!r} label_{lang}")
        c.equal(gephi_list(data.get("aliases")), [xml_text(a) for a in node["aliases"]],
                f"gexf: {node_id!r} aliases")
        c.equal(gephi_list(data.get("sameAs")), [xml_text(a) for a in node["sameAs"]],
                f"gexf: {node_id!r} sameAs")
        c.equal(data.get("mentions"), node["mentions"], f"gexf: {node_id!r} mentions")
        for key, value in properties(node).items():
            c.equal(data.get(key), xml_text(value), f"gexf: {node_id!r} {key}")
        c.true("color" in data.get("viz", {}), f"gexf: {node_id!r} has no viz:color")
    got = collections.Counter(
        (s, d.get("predicate"), t, d.get("label"), d.get("weight")) for s, t, d in g.edges(data=True)
    )
    want = collections.Counter(
        (xml_text(l["source"]), xml_text(l["predicate"]), xml_text(l["target"]), xml_text(l["predicate"]),
         float(l["weight"]))
        for l in links
    )
    c.equal(got, want, "gexf: edges (source, predicate, target, label, weight)")
    c.finish()


# ---------------------------------------------------------------- rdflib

def check_rdflib(graph_path, jsonld_path, base):
    import rdflib
    from rdflib import Literal, URIRef
    from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

    c = Checker("rdflib")
    nodes, links = load_graph(graph_path)
    g = rdflib.Graph()
    g.parse(jsonld_path, format="json-ld")

    def iri(node_id):
        return URIRef(base + urllib.parse.quote(node_id, safe=IRI_SAFE + "/"))

    ckg = rdflib.Namespace(CKG)
    tag = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
    known_properties = {"title": DCTERMS.title, "language": DCTERMS.language,
                        "symbol": DCTERMS.identifier, "file": ckg.sourceFile}

    c.equal(len(set(g.subjects(ckg.canonicalId, None))), len(nodes), "node count (subjects with ckg:canonicalId)")
    c.equal(len(set(g.subjects(RDF.type, RDF.Statement))), len(links), "edge count (rdf:Statement)")
    for node_id, node in nodes.items():
        s = iri(node_id)
        c.true((s, ckg.canonicalId, Literal(node_id)) in g, f"{node_id!r}: ckg:canonicalId")
        c.true((s, RDF.type, ckg[node["type"]]) in g, f"{node_id!r}: rdf:type ckg:{node['type']}")
        c.equal(set(g.objects(s, RDFS.label)), {Literal(node["label"], lang="en")}, f"{node_id!r}: rdfs:label")
        want = {Literal(text, lang=lang) for lang, text in node["labels"].items() if tag.match(lang)}
        c.equal(set(g.objects(s, SKOS.prefLabel)), want, f"{node_id!r}: skos:prefLabel")
        c.equal({str(o) for o in g.objects(s, SKOS.altLabel)}, set(node["aliases"]), f"{node_id!r}: skos:altLabel")
        c.equal([o.toPython() for o in g.objects(s, ckg.mentionCount)], [node["mentions"]],
                f"{node_id!r}: ckg:mentionCount")
        same = {str(o) for o in g.objects(s, OWL.sameAs)} | {str(o) for o in g.objects(s, ckg.externalId)}
        want = set()
        for value in node["sameAs"]:
            if value.startswith("wikidata:"):
                want.add("http://www.wikidata.org/entity/" + value[len("wikidata:"):])
            elif re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value):
                scheme, rest = value.split(":", 1)
                want.add(scheme + ":" + urllib.parse.quote(rest, safe=IRI_SAFE + "/"))
            else:
                want.add(value)
        c.equal(same, want, f"{node_id!r}: owl:sameAs / ckg:externalId")
        for key, value in properties(node).items():
            predicate = known_properties.get(key, URIRef(PROPERTY_NS + urllib.parse.quote(key, safe=IRI_SAFE)))
            c.equal([str(o) for o in g.objects(s, predicate)], [value], f"{node_id!r}: property {key}")

    for link in links:
        s, o = iri(link["source"]), iri(link["target"])
        p = URIRef(CKG + urllib.parse.quote(link["predicate"], safe=IRI_SAFE))
        c.true((s, p, o) in g, f"triple {link['source']!r} {link['predicate']} {link['target']!r}")
        statements = [st for st in g.subjects(RDF.subject, s)
                      if (st, RDF.predicate, p) in g and (st, RDF.object, o) in g]
        c.equal(len(statements), 1, f"statement of {link['source']!r} {link['predicate']} {link['target']!r}")
        if len(statements) != 1:
            continue
        st = statements[0]
        c.equal([x.toPython() for x in g.objects(st, ckg.weight)], [link["weight"]], f"{link['predicate']}: weight")
        items = sorted(g.objects(st, rdflib.URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")),
                       key=lambda e: g.value(e, ckg.evidenceIndex).toPython())
        c.equal(len(items), len(link["evidence"]), f"{link['predicate']}: evidence count")
        oa = rdflib.Namespace("http://www.w3.org/ns/oa#")
        for item, want in zip(items, link["evidence"]):
            selectors = list(g.objects(item, oa.hasSelector))
            exact = [str(g.value(x, oa.exact)) for x in selectors if g.value(x, oa.exact) is not None]
            starts = [g.value(x, oa.start).toPython() for x in selectors if g.value(x, oa.start) is not None]
            ends = [g.value(x, oa.end).toPython() for x in selectors if g.value(x, oa.end) is not None]
            c.equal(exact, [want["text"]], f"{link['predicate']}: oa:exact")
            c.equal((starts, ends), ([want["start"]], [want["end"]]), f"{link['predicate']}: data position")
            source = g.value(item, oa.hasSource)
            c.equal(source, iri(want["document"]) if want["document"] else None, f"{link['predicate']}: oa:hasSource")
            c.equal(str(g.value(item, ckg.paragraph)), want["paragraph"], f"{link['predicate']}: paragraph")
            c.equal(str(g.value(item, ckg.extractor)), want["extractor"], f"{link['predicate']}: extractor")
            c.equal(g.value(item, ckg.confidence).toPython(), want["confidence"], f"{link['predicate']}: confidence")

    query = """
        PREFIX ckg: <https://w3id.org/crimekg/vocab#>
        SELECT ?body ?crime WHERE {
          ?b a ckg:Body ; ckg:addresses ?c ; ckg:canonicalId ?body .
          ?c a ckg:CrimeType ; ckg:canonicalId ?crime .
        }"""
    got = sorted((str(row.body), str(row.crime)) for row in g.query(query))
    want = body_crime_pairs(nodes, links)
    c.equal(got, want, "SPARQL: which bodies address which crimes")
    c.true(len(want) > 0, "the graph has no Body addresses CrimeType pair to compare")
    print(f"rdflib: SPARQL returned {len(got)} body-crime pairs, the graph has {len(want)}")
    c.finish()


# ---------------------------------------------------------------- Graphviz SVG

def graphviz_name(text):
    """A DOT string as crimekg writes it (exporters/dot_writer.h): an escString."""
    text = xml_text(text).replace("\r\n", "\n")
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\n")


def svg_groups(path):
    root = ET.parse(path).getroot()  # expat: fails on anything that is not well-formed XML
    nodes, edges, legend = {}, [], 0
    for group in root.iter(SVG + "g"):
        classes = (group.get("class") or "").split(" ", 1)
        title = group.find(SVG + "title")
        if classes[0] == "node":
            if len(classes) > 1 and classes[1] == "legend":
                legend += 1
                continue
            texts = [t.text or "" for t in group.iter(SVG + "text")]
            nodes[title.text] = (classes[1] if len(classes) > 1 else "", texts)
        elif classes[0] == "edge":
            edges.append((title.text, classes[1] if len(classes) > 1 else ""))
    return root, nodes, edges, legend


def check_svg(graph_path, svg_path, language):
    c = Checker("dot -Tsvg")
    graph, links = load_graph(graph_path)
    root, nodes, edges, legend = svg_groups(svg_path)
    c.equal(len(nodes), len(graph), "node count")
    c.equal(len(edges), len(links), "edge count")
    c.equal(legend, 1 if graph else 0, "legend node")
    for node_id, node in graph.items():
        found = nodes.get(graphviz_name(node_id))
        if found is None:
            c.true(False, f"node {node_id!r} missing (title {graphviz_name(node_id)!r})")
            continue
        kind, texts = found
        c.equal(kind, node["type"], f"{node_id!r}: class")
        shown = node["labels"].get(language) or node["label"] or node_id
        # Labels are wrapped into lines at spaces: compare the words.
        c.equal(" ".join(texts).split(), xml_text(shown).split(), f"{node_id!r}: label text")
    want = collections.Counter(
        (graphviz_name(l["source"]) + "->" + graphviz_name(l["target"]), graphviz_name(l["predicate"]))
        for l in links
    )
    c.equal(collections.Counter(edges), want, "edges (title, predicate class)")
    c.finish()


def check_render(graph_path, svg_path):
    c = Checker("render")
    graph, links = load_graph(graph_path)
    root, nodes, edges, legend = svg_groups(svg_path)
    c.true(0 < len(nodes) <= 60, f"{len(nodes)} nodes drawn, want 1 to 60")
    c.equal(legend, 1, "legend")
    types = {kind for kind, texts in nodes.values()}
    c.true("Document" not in types, "Document nodes are drawn by default")
    for title, (kind, texts) in nodes.items():
        node = next((n for n in graph.values() if graphviz_name(n["id"]) == title), None)
        c.true(node is not None, f"drawn node {title!r} is not in the graph")
        if node is not None:
            c.equal(kind, node["type"], f"{title!r}: class")
    predicates = {p for title, p in edges}
    c.true(not predicates & {"mentions", "mentionedWith"}, f"untyped edges drawn: {predicates}")
    c.true(all(p for p in predicates), "an edge without a predicate class")
    heading = [t.text for t in root.iter(SVG + "text") if t.text and "nodes" in t.text]
    c.true(heading, "no title saying how many nodes are shown")
    c.finish()


# ---------------------------------------------------------------- Neo4j CSV

def check_neo4j(graph_path, folder):
    """Reads the CSV files as neo4j-admin import would (RFC 4180 quoting, array
    elements split at --array-delimiter U+001F) and checks the README command."""
    import os

    c = Checker("neo4j csv")
    nodes, links = load_graph(graph_path)
    with open(os.path.join(folder, "README.md"), encoding="utf-8") as handle:
        readme = handle.read()
    files = sorted(f for f in os.listdir(folder) if f.endswith(".csv"))
    for f in files:
        option = "--nodes=" if f.startswith("nodes_") else "--relationships="
        c.true(option + f in readme, f"README command does not load {f}")
    for option in ("--array-delimiter=U+001F", "--multiline-fields=true", "neo4j-admin database import full"):
        c.true(option in readme, f"README command lacks {option}")

    def rows(name):
        with open(os.path.join(folder, name), encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            return header, list(reader)

    def array(value):
        return value.split("\x1f") if value != "" else []

    seen = {}
    for f in files:
        header, body = rows(f)
        if f.startswith("nodes_"):
            c.equal(header[:3], ["id:ID(crimekg)", ":LABEL", "label"], f"{f}: header")
            for row in body:
                record = dict(zip(header, row))
                seen[record["id:ID(crimekg)"]] = (record, f)
    c.equal(len(seen), len(nodes), "node count")
    for node_id, node in nodes.items():
        if node_id not in seen:
            c.true(False, f"node {node_id!r} missing")
            continue
        record, f = seen[node_id]
        c.equal(record[":LABEL"], node["type"], f"{node_id!r}: :LABEL")
        c.equal(record["label"], node["label"], f"{node_id!r}: label")
        c.equal(array(record["aliases:string[]"]), [a.replace("\x1f", "\u241f") for a in node["aliases"]],
                f"{node_id!r}: aliases")
        c.equal(int(record["mentions:long"]), node["mentions"], f"{node_id!r}: mentions")
    relationships = collections.Counter()
    for f in files:
        if not f.startswith("relationships_"):
            continue
        header, body = rows(f)
        c.equal(header[:3], [":START_ID(crimekg)", ":END_ID(crimekg)", ":TYPE"], f"{f}: header")
        for row in body:
            record = dict(zip(header, row))
            relationships[(record[":START_ID(crimekg)"], record[":TYPE"], record[":END_ID(crimekg)"])] += 1
    c.equal(relationships, collections.Counter((l["source"], l["predicate"], l["target"]) for l in links),
            "relationships (start, type, end)")
    c.finish()


def check_roundtrip(input_path, output_path):
    """The node-link export holds the input graph exactly (the "key" that
    networkx wants is added; nothing else changes)."""
    c = Checker("node-link round trip")
    nodes_in, links_in = load_graph(input_path)
    nodes_out, links_out = load_graph(output_path)
    c.equal(sorted(nodes_out), sorted(nodes_in), "node ids")
    for node_id, node in nodes_in.items():
        c.equal(nodes_out.get(node_id), node, f"{node_id!r}")

    def by_key(links):
        return {(l["source"], l["predicate"], l["target"]): {k: v for k, v in l.items() if k != "key"}
                for l in links}

    c.equal(by_key(links_out), by_key(links_in), "links")
    c.true(all(l.get("key") == l["predicate"] for l in links_out), "a link whose key is not its predicate")
    c.finish()


def facts(graph_path):
    nodes, links = load_graph(graph_path)
    print(json.dumps({"nodes": len(nodes), "edges": len(links), "pairs": body_crime_pairs(nodes, links)}))


if __name__ == "__main__":
    commands = {"networkx": check_networkx, "rdflib": check_rdflib, "svg": check_svg,
                "render": check_render, "neo4j": check_neo4j, "roundtrip": check_roundtrip, "facts": facts}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](*sys.argv[2:])
