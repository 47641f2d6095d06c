#!/usr/bin/env bash
# Builds the DocC documentation of the NearDup library (Sources/NearDup/NearDup.docc and the doc
# comments) with swift-docc-plugin, and fails on any DocC warning or on a public symbol whose
# doc comment is missing or leaves out a parameter, the return value or what it throws
# (scripts/check-doc-comments.py).
#
#   scripts/docs.sh                 # static site in .build/docs/NearDup (open index.html via a web server)
#   scripts/docs.sh OUTPUT_DIR      # elsewhere
#   DOCS_TARGETS="NearDup NearDupCorpusGenerator" scripts/docs.sh   # also the corpus generator
#
# The plugin is resolved only when NEARDUP_DOCS is set (see the end of Package.swift), so the
# library's embedders, its tests and the CLI build never resolve it.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-.build/docs}"
targets="${DOCS_TARGETS:-NearDup}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

export NEARDUP_DOCS=1
for target in $targets; do
    echo "docs: $target -> $out/$target"
    swift package --allow-writing-to-directory "$out" generate-documentation \
        --target "$target" \
        --warnings-as-errors \
        --transform-for-static-hosting \
        --output-path "$out/$target"
done
python3 scripts/check-doc-comments.py $targets
echo "docs: done ($out)"
