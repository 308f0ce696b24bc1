#!/usr/bin/env bash
# Neo4j import folder. Neo4j is neither a Debian nor an npm package, so this
# test reads the CSV files as neo4j-admin reads them (RFC 4180 quoting, array
# elements split at U+001F) with Python's csv module, checks that the README's
# command loads every file with the options they need, and then reports itself
# skipped: the files were never imported into a real Neo4j here.
source "$(dirname "$0")/common.sh" neo4j "$@"

[ -x "$PYTHON" ] || skip "$PYTHON not found (apt-get install python3)"
samples_graph
hostile_graph
for stem in samples hostile; do
  export_all "$stem"
  check neo4j "$WORK/$stem.json" "$WORK/$stem-neo4j"
done
skip "neo4j-admin is not available (Neo4j is not packaged for Debian or npm): the CSV files and the" \
  "README command were checked with Python's csv reader, not imported into Neo4j"
