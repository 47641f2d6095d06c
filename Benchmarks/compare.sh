#!/usr/bin/env bash
# Side-by-side comparison of `neardup dedup` with datasketch 2.0.0, rensa 0.5.0 and
# FastSketchLSH 1.0.1 on one seeded corpus, same parameters (k = 128, word 5-grams,
# threshold 0.8), alternating runs. Prints the table of BENCHMARKS.md.
#
#   Benchmarks/compare.sh                 # 20,000 documents, 3 rounds
#   ROUNDS=1 DOCUMENTS=2000 Benchmarks/compare.sh
#   Benchmarks/compare.sh --scaling       # also throughput against corpus size, and the plot
#   Benchmarks/compare.sh --scaling-only  # only that
#
# Needs: python3 (3.11+, with venv and pip, PyPI reachable), /usr/bin/time (Debian: apt-get
# install time), the Swift toolchain and libxxhash-dev / libutf8proc-dev for the release build.
# Everything it makes goes to Benchmarks/out/ and Benchmarks/.venv/ (both git-ignored).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/out"
venv="$here/.venv"
DOCUMENTS="${DOCUMENTS:-20000}"
WORDS="${WORDS:-600}"
DUPLICATES="${DUPLICATES:-0.2}"
SEED="${SEED:-42}"
ROUNDS="${ROUNDS:-3}"
SCRATCH="${SCRATCH:-$root/.build}"                 # where the release build of neardup goes
SCALING_SIZES="${SCALING_SIZES:-1000 3000 10000 30000 100000 300000 1000000}"
SCALING_PYTHON_MAX="${SCALING_PYTHON_MAX:-30000}"  # largest corpus the Python libraries get in --scaling
scaling=0
comparison=1
[[ "${1:-}" == "--scaling" ]] && scaling=1
[[ "${1:-}" == "--scaling-only" ]] && scaling=1 && comparison=0

mkdir -p "$out"
[[ -x /usr/bin/time ]] || { echo "compare.sh: /usr/bin/time is missing (Debian: apt-get install -y time)" >&2; exit 1; }

# 1. The virtual environment, with the exact versions compared.
[[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check \
    datasketch==2.0.0 rensa==0.5.0 FastSketchLSH==1.0.1 numpy matplotlib
py="$venv/bin/python"
compare="$here/compare.py"

# 2. The release build of neardup.
(cd "$root" && swift build -c release --product neardup --scratch-path "$SCRATCH")
neardup="$(cd "$root" && swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/neardup"

{
    echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM"
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || cat "$root/COMMIT" 2>/dev/null || echo unknown)"
    echo "swift: $(swift --version 2>&1 | head -1)"
    echo "python: $("$py" --version 2>&1); $("$py" -m pip list 2>/dev/null | grep -Ei '^(datasketch|rensa|fastsketchlsh|numpy) ' | tr -s ' ' | paste -sd ';' -)"
} | tee "$out/machine.txt"

corpus_for() {  # corpus_for N: generates (once) and prints the path of the corpus of N documents
    local n="$1" path="$out/corpus-$1.jsonl"
    if [[ ! -s "$path" ]]; then
        "$neardup" generate --documents "$n" --words "$WORDS" --duplicates "$DUPLICATES" --seed "$SEED" \
            --output "$path" --truth "$out/planted-$n.jsonl"
    fi
    echo "$path"
}

if [[ "$comparison" == 1 ]]; then
# 3. The corpus and its exact ground truth (every pair with exact Jaccard >= 0.5; P/R use >= 0.8).
corpus="$(corpus_for "$DOCUMENTS")"
truth="$out/exact-$DOCUMENTS.jsonl"
[[ -s "$truth" ]] || "$py" "$compare" truth "$corpus" "$truth"
echo "corpus: $corpus ($(wc -c < "$corpus") bytes, $(wc -l < "$corpus") documents, $(wc -l < "$out/planted-$DOCUMENTS.jsonl") planted near-duplicates)"

fi

run_all() {  # run_all CORPUS RESULTS ROUND TRUTH WITH_PYTHON
    local c="$1" results="$2" round="$3" t="$4" with_python="$5"
    local truth_args=()
    [[ -n "$t" ]] && truth_args=(--truth "$t")
    if [[ "$with_python" == 1 ]]; then
        for library in datasketch rensa fastsketchlsh; do
            "$py" "$compare" timed "$library" --corpus "$c" --results "$results" --round "$round" \
                "${truth_args[@]}" --pairs "$out/pairs-$library.jsonl" \
                -- "$py" "$compare" run "$library" "$c" "$out/pairs-$library.jsonl"
        done
    fi
    "$py" "$compare" timed "neardup dedup" --corpus "$c" --results "$results" --round "$round" \
        "${truth_args[@]}" --pairs "$out/pairs-neardup.jsonl" \
        -- "$neardup" dedup "$c" --pairs "$out/pairs-neardup.jsonl" --quiet
    "$py" "$compare" timed "neardup dedup --threads 1" --corpus "$c" --results "$results" --round "$round" \
        "${truth_args[@]}" --pairs "$out/pairs-neardup-1.jsonl" \
        -- "$neardup" dedup "$c" --pairs "$out/pairs-neardup-1.jsonl" --threads 1 --quiet
}

if [[ "$comparison" == 1 ]]; then
# 4. Alternating runs: every tool once per round.
results="$out/results-$DOCUMENTS.jsonl"
: > "$results"
for round in $(seq 1 "$ROUNDS"); do
    echo "round $round of $ROUNDS"
    run_all "$corpus" "$results" "$round" "$truth" 1
done

# 5. Estimator error on the truth pairs (exact Jaccard >= 0.5): NearDup's two schemes, the others'.
for scheme in one-permutation classic; do
    "$neardup" sign "$corpus" --scheme "$scheme" --output "$out/signatures-$scheme.jsonl"
done
"$py" "$compare" mse "$corpus" "$truth" \
    --neardup "NearDup one-permutation" "$out/signatures-one-permutation.jsonl" \
    --neardup "NearDup classic" "$out/signatures-classic.jsonl" | tee "$out/mse-$DOCUMENTS.json"

echo
"$py" "$compare" table "$results" | tee "$out/table-$DOCUMENTS.md"
fi

# 6. Optional: throughput against corpus size (neardup on every size, the Python libraries up to
#    SCALING_PYTHON_MAX documents), and the plot.
if [[ "$scaling" == 1 ]]; then
    scaling_results="$out/scaling.jsonl"
    : > "$scaling_results"
    for n in $SCALING_SIZES; do
        echo "scaling: $n documents"
        c="$(corpus_for "$n")"
        with_python=0
        (( n <= SCALING_PYTHON_MAX )) && with_python=1
        run_all "$c" "$scaling_results" 1 "" "$with_python"
        rm -f "$out"/pairs-*.jsonl
        if (( n >= 300000 )); then rm -f "$c"; fi   # 1M documents are about 3 GB
    done
    mkdir -p "$root/docs"
    "$py" "$compare" plot "$scaling_results" "$root/docs/throughput-vs-corpus-size.svg" \
        --title "$(head -1 "$out/machine.txt" | sed 's/^machine: //'); seed $SEED, $WORDS words a document, $DUPLICATES near-duplicates"
fi
