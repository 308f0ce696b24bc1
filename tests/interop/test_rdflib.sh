#!/usr/bin/env bash
# JSON-LD in rdflib (Debian's python3-rdflib): the document expands to RDF with
# every node, label, alias, property, edge and evidence item of the graph, and
# the SPARQL query "which bodies address which crimes" returns the graph's pairs.
source "$(dirname "$0")/common.sh" rdflib "$@"

require_python_module rdflib python3-rdflib
samples_graph
hostile_graph
export_all samples
check rdflib "$WORK/samples.json" "$WORK/samples.jsonld" "https://w3id.org/crimekg/"
# The hostile graph under another base, ending in '#'; a base no IRI can
# start with is refused.
if "$CRIMEKG_BIN" export "$WORK/hostile.input.json" -o "$WORK/bad.jsonld" --base "https://example.org/a b#" 2>/dev/null; then
  fail "crimekg export accepted a base IRI with a space"
fi
export_all hostile --base "https://example.org/kg#"
check rdflib "$WORK/hostile.json" "$WORK/hostile.jsonld" "https://example.org/kg#"
echo "rdflib: all checks passed"
