#!/usr/bin/env bash
# Installs what crimekg needs on Debian 12 and builds it into build/.
# Safe to run again: apt-get and cmake only do what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config
  libboost-graph-dev rapidjson-dev libicu-dev libgraphviz-dev graphviz catch2 zlib1g-dev
  # interoperability tests: the real consumers of each export
  python3 python3-networkx python3-rdflib python3-lxml
)
# Node.js for the Kuzu test: Debian's packages only where no node/npm is
# installed already (a vendor Node.js conflicts with Debian's npm package).
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Kuzu's Node.js package (a registry package with its own binary) for the Kuzu interop test.
if [ -f tests/interop/package.json ] && [ ! -d tests/interop/node_modules/kuzu ]; then
  (cd tests/interop && npm install --no-audit --no-fund --loglevel=error) ||
    echo "setup: npm install of kuzu failed; the Kuzu interop test will be skipped" >&2
fi

build_type="${CRIMEKG_BUILD_TYPE:-Release}"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="$build_type" >/dev/null
cmake --build build -j"$(nproc)"
