#!/usr/bin/env bash
# Sets up (Debian 12), builds, and runs every test: Catch2 unit tests per
# module, end-to-end tests on samples/, and interoperability tests that load
# each export into its real consumer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
ctest --test-dir build --output-on-failure -j"$(nproc)" --timeout 900
