#!/usr/bin/env bash
# The man page docs/man/neardup.1, generated from the argument parser by swift-argument-parser's
# generate-manual plugin: every command and subcommand with its options, help, formats and exit
# statuses, as `neardup help COMMAND` shows them. It is dated with the release date of the
# version in CHANGELOG.md (not today), so that the page changes only when the command line does.
#
#   scripts/man.sh            # (make man) writes docs/man/neardup.1
#   scripts/man.sh --check    # fails, showing the difference, when docs/man/neardup.1 is not
#                             # what the parser gives (CI: .ci/run)
#
# The plugin builds the package in release mode first (as `make build` does).
set -euo pipefail
cd "$(dirname "$0")/.."

version="$(sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/NearDupCore/NearDupPackage.swift)"
date="$(sed -n "s/^## \[$version\] - \([0-9][0-9-]*\).*/\1/p" CHANGELOG.md | head -1)"
if [ -z "$date" ]; then
    echo "man: CHANGELOG.md has no dated section for version $version" >&2
    exit 2
fi
swift package generate-manual --date "$date" >&2
# The page records the argument parser's version (the committed Package.resolved pins it, so a fresh
# clone resolves the same one), since another version may lay the page out differently.
parser="$(python3 -c 'import json; print(next(p["state"].get("version", p["state"].get("revision")) for p in json.load(open("Package.resolved"))["pins"] if p["identity"] == "swift-argument-parser"))')"
generated="$(mktemp)"
trap 'rm -f "$generated"' EXIT
page=.build/plugins/GenerateManual/outputs/neardup/neardup.1
{ head -1 "$page"; printf '.\\" swift-argument-parser %s\n' "$parser"; tail -n +2 "$page"; } > "$generated"
if [ "${1:-}" = "--check" ]; then
    if ! diff -u docs/man/neardup.1 "$generated"; then
        echo "man: docs/man/neardup.1 is not what the parser (swift-argument-parser $parser) gives: run make man and commit it" >&2
        exit 1
    fi
    echo "man: docs/man/neardup.1 is current"
else
    mkdir -p docs/man
    cp "$generated" docs/man/neardup.1
    echo "man: wrote docs/man/neardup.1 (man -l docs/man/neardup.1)"
fi
