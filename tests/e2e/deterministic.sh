#!/usr/bin/env bash
# The same corpus gives byte-identical exports, whatever the thread count.
set -euo pipefail
bin="$1"; src="$2"; work="$3"
rm -rf "$work" && mkdir -p "$work"
for jobs in 1 4; do
  "$bin" build "$src/samples" -j "$jobs" -q -o "$work/g$jobs.json" -o "$work/g$jobs.graphml" \
    -o "$work/g$jobs.jsonld" -o "$work/g$jobs.gexf" -o "$work/g$jobs.dot" -o "$work/g$jobs.crimekg"
done
for ext in json graphml jsonld gexf dot crimekg; do
  cmp "$work/g1.$ext" "$work/g4.$ext"
done
echo "byte-identical across runs and thread counts"
