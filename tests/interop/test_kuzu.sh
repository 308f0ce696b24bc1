#!/usr/bin/env bash
# Kuzu (npm package kuzu, installed in tests/interop by scripts/setup.sh): the
# CSV files and schema.cypher load into a Kuzu database with every node, edge
# and property of the graph, and Cypher answers "which bodies address which
# crimes" with the graph's pairs.
source "$(dirname "$0")/common.sh" kuzu "$@"

command -v node >/dev/null || skip "Node.js is not installed (apt-get install nodejs npm)"
[ -d "$INTEROP_DIR/node_modules/kuzu" ] ||
  skip "the npm package kuzu is not installed in tests/interop (run scripts/setup.sh, or npm install there)"
samples_graph
hostile_graph
for stem in samples hostile; do
  export_all "$stem"
  node "$INTEROP_DIR/kuzu_check.js" "$WORK/$stem.json" "$WORK/$stem-kuzu"
done
echo "kuzu: all checks passed"
