#!/usr/bin/env bash
# Builds the DocC documentation of the NearDup library (Sources/NearDup/NearDup.docc and the doc
# comments of its four layers) with the toolchain's own swift-symbolgraph-extract and docc, and
# fails on any DocC warning or on a public symbol whose doc comment is missing or leaves out a
# parameter, the return value or what it throws (scripts/check-doc-comments.py).
#
#   scripts/docs.sh                 # static site in .build/docs/NearDup (open index.html via a web server)
#   scripts/docs.sh OUTPUT_DIR      # elsewhere
#   DOCS_TARGETS="NearDup NearDupCorpusGenerator" scripts/docs.sh   # also the corpus generator
#
# `NearDup` is an umbrella that re-exports the layers (NearDupCore, NearDupReport, NearDupIndex,
# NearDupDiscovery). swift-docc-plugin extracts the umbrella's own symbols only (none), so the
# symbol graph is extracted here with -experimental-allowed-reexported-modules: one module,
# `NearDup`, holding every public symbol of the layers, which is what an embedder sees.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-.build/docs}"
targets="${DOCS_TARGETS:-NearDup}"
layers="NearDupCore,NearDupReport,NearDupIndex,NearDupDiscovery"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
graphs=".build/symbol-graphs"

swift build --target NearDup
swift build --target NearDupCorpusGenerator
bin="$(swift build --show-bin-path)"
triple="$(swiftc -print-target-info | python3 -c 'import json, sys; print(json.load(sys.stdin)["target"]["triple"])')"
maps=()
for map in Sources/C*/module.modulemap; do
    maps+=(-Xcc "-fmodule-map-file=$PWD/$map")
done

for target in $targets; do
    echo "docs: $target -> $out/$target"
    rm -rf "${graphs:?}/$target"
    mkdir -p "$graphs/$target"
    swift-symbolgraph-extract -module-name "$target" -target "$triple" -I "$bin/Modules" "${maps[@]}" \
        -minimum-access-level public -emit-extension-block-symbols \
        -experimental-allowed-reexported-modules="$layers" -output-dir "$graphs/$target"
    catalog="Sources/$target/$target.docc"
    [ -d "$catalog" ] || catalog=""
    docc convert $catalog --additional-symbol-graph-dir "$graphs/$target" \
        --fallback-display-name "$target" --fallback-bundle-identifier "$target" \
        --transform-for-static-hosting --warnings-as-errors --output-path "$out/$target"
done
python3 scripts/check-doc-comments.py $targets
echo "docs: done ($out)"
