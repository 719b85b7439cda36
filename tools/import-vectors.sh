#!/usr/bin/env bash
# Copies conformance vectors from the team's shared/conformance folder into a module's test resources,
# with their MANIFEST.tsv rows, so the build never reads ../shared.
#
#   tools/import-vectors.sh <module> <vector path relative to shared/conformance/vectors>...
#   e.g. tools/import-vectors.sh rdp-core ironrdp/crates__ironrdp-testsuite-core__tests__pdu__x224.rs__SAMPLE_TPKT_HEADER_BINARY.bin
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${ORIEL_SHARED:-$here/../shared}/conformance
module=$1; shift
dest=$here/$module/src/test/resources/fixtures/conformance
mkdir -p "$dest"
manifest=$dest/MANIFEST.tsv
[ -f "$manifest" ] || head -n 1 "$shared/MANIFEST.tsv" > "$manifest"
for v in "$@"; do
  mkdir -p "$dest/$(dirname "$v")"
  cp "$shared/vectors/$v" "$dest/$v"
  chmod 644 "$dest/$v"
  if ! grep -qF "vectors/$v	" "$manifest"; then
    grep -F "vectors/$v	" "$shared/MANIFEST.tsv" >> "$manifest" || { echo "no manifest row for $v" >&2; exit 1; }
  fi
done
