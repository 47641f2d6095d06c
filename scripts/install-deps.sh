#!/usr/bin/env bash
# Installs the system libraries and data NearDup uses, when they are missing, with the system's
# package manager: apt (Debian, Ubuntu), dnf (Fedora, RHEL) or Homebrew (macOS, Linux).
#
#   what                         apt                dnf                   Homebrew
#   xxHash (hashing)             libxxhash-dev      xxhash-devel          xxhash
#   utf8proc (Unicode)           libutf8proc-dev    utf8proc-devel        utf8proc
#   Snowball stemmers (report)   libstemmer-dev     libstemmer-devel      snowball
#   zlib (.gz input)             zlib1g-dev         zlib-devel            zlib
#   gumbo (saved web pages)      libgumbo-dev       gumbo-parser-devel    gumbo-parser
#   WordNet 3.0 (synonyms)       wordnet-base       wordnet               wordnet
#   jsonschema (tests: schemas)  python3-jsonschema python3-jsonschema    (pip install jsonschema)
#
# Only the apt path is tested (CI and development run on Debian); the dnf and Homebrew names are
# those distributions' package names, not tried here. The report reads WordNet from
# /usr/share/wordnet (Debian's location); elsewhere it runs without synonyms unless
# RewriteAnalyzer is given the folder. NEARDUP_DEPS_DRY_RUN=1 prints what would be installed.
set -euo pipefail
dry_run="${NEARDUP_DEPS_DRY_RUN:-}"
sudo=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi

install_missing() { # manager, then the missing packages
    local manager="$1"; shift
    [ $# -eq 0 ] && return 0
    echo "Installing with $manager: $*" >&2
    [ -n "$dry_run" ] && return 0
    case "$manager" in
        apt)
            export DEBIAN_FRONTEND=noninteractive
            $sudo apt-get update -qq
            $sudo apt-get install -y -qq "$@" >/dev/null ;;
        dnf) $sudo dnf install -y -q "$@" ;;
        brew) brew install "$@" ;;
    esac
}

missing=()
if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    for package in libxxhash-dev libutf8proc-dev libstemmer-dev zlib1g-dev libgumbo-dev wordnet-base; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    install_missing apt "${missing[@]+"${missing[@]}"}"
    python_package=python3-jsonschema
elif command -v dnf >/dev/null 2>&1; then
    for package in xxhash-devel utf8proc-devel libstemmer-devel zlib-devel gumbo-parser-devel wordnet; do
        rpm -q "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    install_missing dnf "${missing[@]+"${missing[@]}"}"
    python_package=python3-jsonschema
elif command -v brew >/dev/null 2>&1; then
    for package in xxhash utf8proc snowball zlib gumbo-parser wordnet; do
        brew list --versions "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    install_missing brew "${missing[@]+"${missing[@]}"}"
    python_package=""
    # Homebrew's prefix is not on the compiler's default paths on Apple silicon.
    echo "If the build does not find the headers: export PKG_CONFIG_PATH=\"$(brew --prefix)/lib/pkgconfig\"" >&2
else
    echo "No apt-get, dnf or brew found. Install by hand: xxHash, utf8proc, Snowball's libstemmer," \
        "zlib and gumbo-parser (development headers), the WordNet 3.0 database, and python3's jsonschema." >&2
    exit 1
fi

# The schema tests validate real outputs with python3's jsonschema: pip for the python3 on PATH
# (which may not be the system's), else the distribution's package.
if ! python3 -c 'import jsonschema' 2>/dev/null; then
    echo "Installing python3 jsonschema (schema tests) ..." >&2
    if [ -z "$dry_run" ] && ! python3 -m pip install --quiet jsonschema 2>/dev/null; then
        if [ -n "$python_package" ]; then
            install_missing "$(command -v apt-get >/dev/null 2>&1 && echo apt || echo dnf)" "$python_package"
        else
            echo "pip3 install jsonschema failed: install it by hand for the schema tests" >&2
        fi
    fi
fi
