#!/usr/bin/env bash
# Sets up (Debian 12), builds, and builds the knowledge graph of samples/ into
# out/: node-link JSON, GraphML, GEXF, JSON-LD, DOT, a snapshot for fast
# queries, Neo4j and Kuzu imports, one JSON per document, and a rendered
# diagram. Scores against the gold
# annotations when ../shared is present.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bin=build/cli/crimekg
mkdir -p out
"$bin" build samples \
  -o out/samples.json -o out/samples.graphml -o out/samples.gexf -o out/samples.jsonld \
  -o out/samples.dot -o out/samples.crimekg -o out/neo4j -o out/kuzu \
  --per-document out/documents
"$bin" render out/samples.json -o out/samples.svg
"$bin" render out/samples.json -o out/samples.png
echo "wrote: $(ls out | tr '\n' ' ')"
if [ -f ../shared/eval/score.py ]; then
  python3 ../shared/eval/score.py --gold-dir ../shared/gold --system-dir out/documents | tail -n 6
fi
