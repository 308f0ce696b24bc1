#!/usr/bin/env bash
# DOT and diagrams in Graphviz. crimekg's DOT of the samples graph is parsed by
# cgraph (gc counts what it read); its typed relations, and the hostile-labels
# graph, are laid out and drawn by `dot -Tsvg` and the SVG compared with the
# node-link JSON of the same selection: nodes, types, label text, edges and
# their predicates. `crimekg render` must give a readable default diagram.
source "$(dirname "$0")/common.sh" graphviz "$@"

command -v dot >/dev/null || skip "Graphviz's dot is not installed (apt-get install graphviz)"
command -v gc >/dev/null || skip "Graphviz's gc is not installed (apt-get install graphviz)"
[ -x "$PYTHON" ] || skip "$PYTHON not found, needed to read the SVG (apt-get install python3)"

samples_graph
hostile_graph
TYPED=adopted,addresses,runs,partOf,cites,participatedIn,heldIn,cooperatesWith,supports,fundedBy,assisted

# The whole samples graph, mentionedWith included: parsed by cgraph. (Laying
# out thousands of co-occurrence edges takes dot far too long to be a test.)
"$CRIMEKG_BIN" export "$WORK/samples.input.json" -o "$WORK/samples.json"
"$CRIMEKG_BIN" export "$WORK/samples.input.json" -o "$WORK/samples.dot"
read -r nodes edges < <(check facts "$WORK/samples.json" |
  "$PYTHON" -c 'import json,sys; f=json.load(sys.stdin); print(f["nodes"], f["edges"])')
read -r gc_nodes gc_edges < <(gc -n -e "$WORK/samples.dot" | awk '{print $1, $2}')
[ "$gc_nodes" -eq $((nodes + 1)) ] || fail "gc read $gc_nodes nodes, want $nodes and the legend"
[ "$gc_edges" -eq "$edges" ] || fail "gc read $gc_edges edges, want $edges"
echo "gc: samples.dot has $nodes nodes (and the legend) and $edges edges, as the graph"

# The typed relations of samples, drawn by dot.
"$CRIMEKG_BIN" export "$WORK/samples.input.json" -o "$WORK/typed.json" --predicates "$TYPED"
"$CRIMEKG_BIN" export "$WORK/samples.input.json" -o "$WORK/typed.dot" --predicates "$TYPED"
dot -Tsvg "$WORK/typed.dot" -o "$WORK/typed.svg" || fail "dot -Tsvg failed on typed.dot"
check svg "$WORK/typed.json" "$WORK/typed.svg" en

# Hostile labels, with English and with Arabic node labels.
"$CRIMEKG_BIN" export "$WORK/hostile.input.json" -o "$WORK/hostile.json"
for lang in en ar; do
  "$CRIMEKG_BIN" export "$WORK/hostile.input.json" -o "$WORK/hostile-$lang.dot" --lang "$lang"
  dot -Tsvg "$WORK/hostile-$lang.dot" -o "$WORK/hostile-$lang.svg" || fail "dot -Tsvg failed on hostile-$lang.dot"
  check svg "$WORK/hostile.json" "$WORK/hostile-$lang.svg" "$lang"
done

# crimekg render: the default overview, in every format.
"$CRIMEKG_BIN" render "$WORK/samples.input.json" -o "$WORK/render.svg"
check render "$WORK/samples.json" "$WORK/render.svg"
"$CRIMEKG_BIN" render "$WORK/samples.input.json" -o "$WORK/render.png" --layout sfdp
"$CRIMEKG_BIN" render "$WORK/samples.input.json" -o "$WORK/render.pdf"
[ "$(head -c 8 "$WORK/render.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "render.png is not a PNG"
[ "$(head -c 5 "$WORK/render.pdf")" = "%PDF-" ] || fail "render.pdf is not a PDF"
for layout in dot sfdp neato fdp circo twopi; do
  "$CRIMEKG_BIN" render "$WORK/hostile.input.json" -o "$WORK/hostile-$layout.svg" --all --layout "$layout" --lang ar
  "$PYTHON" -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$WORK/hostile-$layout.svg" ||
    fail "crimekg render --layout $layout of the hostile graph is not well-formed SVG"
done
echo "graphviz: all checks passed"
