#!/usr/bin/env bash
# Kuzu (npm package kuzu, installed in tests/interop by scripts/setup.sh): the
# CSV files and schema.cypher load into a Kuzu database with every node, edge
# and property of the graph, and Cypher answers "which bodies address which
# crimes" with the graph's pairs. Skipped only when Node.js or the kuzu
# package is missing; anything else that goes wrong, a crash of the kuzu
# native module included, fails the test.
source "$(dirname "$0")/common.sh" kuzu "$@"

command -v node >/dev/null || skip "Node.js is not installed (apt-get install nodejs npm)"
[ -d "$INTEROP_DIR/node_modules/kuzu" ] ||
  skip "the npm package kuzu is not installed in tests/interop (run scripts/setup.sh, or npm install there)"
samples_graph
hostile_graph
for stem in samples hostile; do
  export_all "$stem"
  set +e
  node "$INTEROP_DIR/kuzu_check.js" "$WORK/$stem.json" "$WORK/$stem-kuzu"
  code=$?
  set -e
  case "$code" in
    0) ;;
    77) exit 77 ;;  # kuzu_check.js could not load the kuzu package; it said why
    *)
      # 128 + n: killed by signal n (134 SIGABRT, 139 SIGSEGV), a crash of the
      # kuzu native module while loading $stem-kuzu.
      [ "$code" -gt 128 ] && fail "node died of signal $((code - 128)) loading $WORK/$stem-kuzu"
      fail "the Kuzu checks of $WORK/$stem-kuzu failed (exit $code)"
      ;;
  esac
done
echo "kuzu: all checks passed"
