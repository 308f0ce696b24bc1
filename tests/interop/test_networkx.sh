#!/usr/bin/env bash
# GraphML, GEXF and node-link JSON in networkx (Debian's python3-networkx):
# read_graphml, read_gexf and node_link_graph see the same nodes, edges and
# properties as crimekg's node-link JSON, for the samples graph and for the
# hostile-labels graph, whose node-link export must also equal its input.
source "$(dirname "$0")/common.sh" networkx "$@"

require_python_module networkx python3-networkx
samples_graph
hostile_graph
for stem in samples hostile; do
  export_all "$stem"
  check networkx "$WORK/$stem.json" "$WORK/$stem.graphml" "$WORK/$stem.gexf" "$WORK/$stem.json"
done
check roundtrip "$WORK/hostile.input.json" "$WORK/hostile.json"
echo "networkx: all checks passed"
