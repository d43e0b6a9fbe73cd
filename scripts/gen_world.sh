#!/usr/bin/env bash
# Regenerates crates/serve/assets/world.json (the dashboard's world map) from the npm registry:
# world-atlas (Natural Earth 1:110m, public domain), topojson-client to decode it and
# i18n-iso-countries to map ISO numeric codes to alpha-3. Needs node and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npm install --silent --no-save --prefix "$tmp" world-atlas@2.0.2 topojson-client@3.1.0 i18n-iso-countries@7.14.0 >&2
node scripts/gen_world.mjs "$tmp/node_modules" crates/serve/assets/world.json
