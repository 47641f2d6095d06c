#!/usr/bin/env bash
# Installs the system libraries and data NearDup uses, when they are missing: Debian's
# libxxhash-dev (xxHash), libutf8proc-dev (Unicode normalisation), libstemmer-dev (Snowball
# stemmers for the report), wordnet-base (the WordNet 3.0 database: the report's synonyms) and
# zlib1g-dev (zlib: `.gz` input).
set -euo pipefail
packages=(libxxhash-dev libutf8proc-dev libstemmer-dev wordnet-base zlib1g-dev)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
echo "Installing ${missing[*]} ..." >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
