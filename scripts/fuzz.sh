#!/usr/bin/env bash
# Builds one libFuzzer target of Fuzz/ (release, -sanitize=fuzzer,address) and runs it.
#
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer options...]
#   scripts/fuzz.sh TARGET 0 CRASH-FILE      # replay one input (SECONDS 0: no time limit)
#
# TARGET: jsonl, text, report, signature, index (or all, each for SECONDS in turn).
# The seeds in Fuzz/Corpus/TARGET/ are read, never written: new corpus entries go to
# Fuzz/.corpus/TARGET/ (git-ignored), crashes to Fuzz/.crashes/TARGET/. One process: no -jobs
# or -workers, the machine is shared. docs/FUZZING.md says what each target checks.
set -euo pipefail
script="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
# Inputs to replay may be given relative to where the script is called from.
arguments=()
for argument in "$@"; do
    if [ -f "$argument" ]; then arguments+=("$(cd "$(dirname "$argument")" && pwd)/$(basename "$argument")")
    else arguments+=("$argument"); fi
done
set -- "${arguments[@]}"
cd "$(dirname "$script")/../Fuzz"

usage() { echo "usage: $0 jsonl|text|report|signature|index|all SECONDS [libFuzzer options...]" >&2; exit 2; }
[ $# -ge 2 ] || usage
target=$1 seconds=$2
shift 2

product() {
    case $1 in
        jsonl) echo FuzzJSONL ;; text) echo FuzzText ;; report) echo FuzzReport ;;
        signature) echo FuzzSignature ;; index) echo FuzzIndex ;; *) usage ;;
    esac
}

if [ "$target" = all ]; then
    for t in jsonl text report signature index; do "$script" "$t" "$seconds" "$@"; done
    exit 0
fi

name=$(product "$target")
# lld: gold fails with an internal error on the sanitized link here.
flags=(-c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld)
swift build "${flags[@]}" --product "$name"
binary="$(swift build "${flags[@]}" --show-bin-path)/$name"

mkdir -p ".corpus/$target" ".crashes/$target"
# Scratch files (the index target writes and syncs two files an input): in memory when possible.
scratch=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
# Swift's crash backtracer reads the stack after a fatal error, which ASan reports as a
# stack-buffer-underflow of its own: let libFuzzer report the crash instead.
export SWIFT_BACKTRACE=enable=no
trap 'rm -rf "$scratch"' EXIT

options=(-print_final_stats=1 "-artifact_prefix=.crashes/$target/")
[ "$seconds" -gt 0 ] && options+=("-max_total_time=$seconds")
case $target in
    report) options+=(-max_len=4096 -timeout=10) ;;   # two ~2 KB stories; an input slower than 10 s is a finding
    *) options+=(-max_len=16384) ;;
esac

# Replaying files: pass them after the options; otherwise fuzz from the corpus and the seeds.
if [ $# -gt 0 ] && [ -f "${!#}" ]; then
    TMPDIR=$scratch "$binary" "${options[@]}" "$@"
else
    TMPDIR=$scratch "$binary" "${options[@]}" "$@" ".corpus/$target" "Corpus/$target"
fi
