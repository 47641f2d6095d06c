#!/usr/bin/env python3
"""Side-by-side comparison of NearDup with datasketch, rensa and FastSketchLSH.

Driven by compare.sh (which makes the virtual environment, the corpus and the release build);
each step is also usable on its own:

  compare.py truth CORPUS OUT            exact Jaccard of every pair >= --floor (prefix filtering)
  compare.py run LIBRARY CORPUS PAIRS    one run of a Python library; writes its candidate pairs
  compare.py evaluate TRUTH PAIRS        precision / recall of a pair file against exact Jaccard
  compare.py timed TOOL ... -- CMD       one run under /usr/bin/time -v, evaluated, appended to results
  compare.py mse CORPUS TRUTH ...        estimator error on the truth pairs
  compare.py table RESULTS.jsonl         the Markdown table of a results file
  compare.py plot SCALING.jsonl OUT.svg  throughput against corpus size

Shingling (the same for the exact ground truth and for every Python library, as their users
write it): the text is lower-cased, words are the runs of [0-9a-z] (so "3.5" is "3", "5"), and
a shingle is 5 consecutive words joined by one space. On the generated corpus (ASCII letters,
digits, spaces, commas and periods; no apostrophes) these are exactly NearDup's words, so the
exact Jaccard below is also what `neardup dedup --verify exact` computes.
"""

import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time

WORD = re.compile(r"[0-9a-z]+")
K = 128
THRESHOLD = 0.8
BANDS = 16  # rensa and FastSketchLSH: 16 bands of 8 rows


def read_corpus(path):
    ids, texts = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                ids.append(record["id"])
                texts.append(record["text"])
    return ids, texts


def shingles(text, n=5):
    words = WORD.findall(text.lower())
    if len(words) < n:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


# ---------------------------------------------------------------- exact ground truth

def exact_pairs(texts, floor):
    """Every pair with exact Jaccard >= floor, with its Jaccard: AllPairs prefix filtering over
    shingles ordered rarest first, plus the length filter, then exact verification of every
    candidate. (Checked against brute force over all pairs of a 300-document corpus.)"""
    import numpy as np

    sets = [np.unique(np.fromiter((hash(s) for s in shingles(t)), dtype=np.int64)) for t in texts]
    values, counts = np.unique(np.concatenate(sets), return_counts=True)
    order = np.lexsort((values, counts))  # rarest first, ties by value
    ranks = np.empty(len(values), dtype=np.int64)
    ranks[order] = np.arange(len(values))
    prefix_tokens, prefix_docs = [], []
    for d, s in enumerate(sets):
        if len(s) == 0:
            continue
        r = np.sort(ranks[np.searchsorted(values, s)])
        p = min(len(s), len(s) - math.ceil(floor * len(s) - 1e-9) + 1)
        prefix_tokens.append(r[:p])
        prefix_docs.append(np.full(p, d, dtype=np.int64))
    tokens = np.concatenate(prefix_tokens)
    docs = np.concatenate(prefix_docs)
    o = np.argsort(tokens, kind="stable")
    tokens, docs = tokens[o], docs[o]
    candidates = set()
    for group in np.split(docs, np.flatnonzero(np.diff(tokens)) + 1):
        if len(group) < 2:
            continue
        g = sorted(set(group.tolist()))
        for i in range(len(g)):
            for j in range(i + 1, len(g)):
                candidates.add((g[i], g[j]))
    pairs = []
    for a, b in candidates:
        la, lb = len(sets[a]), len(sets[b])
        if min(la, lb) < floor * max(la, lb):
            continue
        shared = len(np.intersect1d(sets[a], sets[b], assume_unique=True))
        j = shared / (la + lb - shared)
        if j >= floor:
            pairs.append((a, b, j))
    pairs.sort()
    return pairs, len(candidates)


def cmd_truth(args):
    start = time.perf_counter()
    ids, texts = read_corpus(args.corpus)
    pairs, candidates = exact_pairs(texts, args.floor)
    with open(args.out, "w") as f:
        for a, b, j in pairs:
            f.write(json.dumps({"a": ids[a], "b": ids[b], "jaccard": round(j, 6)}) + "\n")
    at = sum(1 for p in pairs if p[2] >= THRESHOLD)
    print(f"truth: {len(ids)} documents, {candidates} prefix candidates, {len(pairs)} pairs >= {args.floor}, "
          f"{at} pairs >= {THRESHOLD} ({time.perf_counter() - start:.1f} s)", file=sys.stderr)


# ---------------------------------------------------------------- library runs

def run_datasketch(texts):
    from datasketch import MinHash, MinHashLSH
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=K)
    pairs = []
    for i, text in enumerate(texts):
        m = MinHash(num_perm=K)
        m.update_batch([s.encode("utf-8") for s in shingles(text)])
        for j in lsh.query(m):
            pairs.append((j, i))
        lsh.insert(i, m)
    return pairs, f"MinHash.update_batch + MinHashLSH(threshold={THRESHOLD}, num_perm={K}) (bands chosen by datasketch)"


def run_rensa(texts):
    from rensa import RMinHash, RMinHashLSH
    lsh = RMinHashLSH(threshold=THRESHOLD, num_perm=K, num_bands=BANDS)
    pairs = []
    for i, text in enumerate(texts):
        m = RMinHash(num_perm=K, seed=42)
        m.update(list(shingles(text)))
        for j in lsh.query(m):
            pairs.append((j, i))
        lsh.insert(i, m)
    return pairs, f"RMinHash.update + RMinHashLSH(threshold={THRESHOLD}, num_perm={K}, num_bands={BANDS})"


def run_fastsketchlsh(texts):
    import numpy as np
    from FastSketchLSH import LSH, FastSimilaritySketch
    sketcher = FastSimilaritySketch(size=K, seed=42)
    matrix = np.array([sketcher(list(shingles(text))) for text in texts], dtype=np.uint64)
    lsh = LSH(num_perm=K, num_bands=BANDS)
    lsh.insert(matrix)
    pairs = []
    for i, candidates in enumerate(lsh.query(matrix)):
        for j in candidates:
            if j < i:
                pairs.append((j, i))
    return pairs, f"FastSimilaritySketch(size={K}) per document + LSH(num_perm={K}, num_bands={BANDS}).insert/query"


RUNNERS = {"datasketch": run_datasketch, "rensa": run_rensa, "fastsketchlsh": run_fastsketchlsh}


def cmd_run(args):
    start = time.perf_counter()
    ids, texts = read_corpus(args.corpus)
    read = time.perf_counter()
    pairs, method = RUNNERS[args.library](texts)
    done = time.perf_counter()
    with open(args.pairs, "w") as f:
        for a, b in sorted(set((min(a, b), max(a, b)) for a, b in pairs if a != b)):
            f.write(f'{{"a":"{ids[a]}","b":"{ids[b]}"}}\n')
    print(json.dumps({"library": args.library, "method": method, "documents": len(ids),
                      "read_seconds": round(read - start, 3), "work_seconds": round(done - read, 3)}))


# ---------------------------------------------------------------- evaluation

def read_pairs(path, minimum=None):
    pairs = {}
    with open(path) as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            a, b = sorted((r["a"], r["b"]))
            j = r.get("jaccard")
            if minimum is None or (j is not None and j >= minimum):
                pairs[(a, b)] = j
    return pairs


def evaluate(truth_path, pairs_path):
    truth = set(read_pairs(truth_path, THRESHOLD))
    found = set(read_pairs(pairs_path))
    hit = len(truth & found)
    return {"reported": len(found), "true": len(truth), "true_positives": hit,
            "precision": hit / len(found) if found else 1.0, "recall": hit / len(truth) if truth else 1.0}


def cmd_evaluate(args):
    print(json.dumps(evaluate(args.truth, args.pairs)))


# ---------------------------------------------------------------- timed runs

def time_command(command):
    """Runs `command` under /usr/bin/time -v; returns wall seconds, CPU seconds, peak RSS (kB), stdout."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        completed = subprocess.run(["/usr/bin/time", "-v", "-o", t.name] + command, stdout=subprocess.PIPE)
        if completed.returncode != 0:
            sys.exit(f"failed ({completed.returncode}): {' '.join(command)}")
        fields = {}
        for line in open(t.name):
            key, _, value = line.strip().rpartition(": ")
            fields[key] = value
    clock = [float(x) for x in fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")]
    wall = sum(v * 60 ** (len(clock) - 1 - i) for i, v in enumerate(clock))
    cpu = float(fields["User time (seconds)"]) + float(fields["System time (seconds)"])
    return wall, cpu, int(fields["Maximum resident set size (kbytes)"]), completed.stdout.decode()


def cmd_timed(args):
    """One timed run of TOOL (a Python library or a neardup command line), evaluated, appended
    to RESULTS as one JSON line."""
    command = args.command
    if not command:
        sys.exit("timed: give the command after --")
    wall, cpu, rss, stdout = time_command(command)
    result = {"tool": args.tool, "round": args.round, "corpus": os.path.basename(args.corpus),
              "bytes": os.path.getsize(args.corpus),
              "documents": sum(1 for line in open(args.corpus) if line.strip()), "wall": round(wall, 3),
              "cpu": round(cpu, 3), "rss_kb": rss, "command": " ".join(command)}
    if stdout.strip().startswith("{"):
        result["inner"] = json.loads(stdout.strip().splitlines()[-1])
    if args.truth:
        result.update(evaluate(args.truth, args.pairs))
    with open(args.results, "a") as f:
        f.write(json.dumps(result) + "\n")
    extra = f", P {result['precision']:.3f} R {result['recall']:.3f}" if args.truth else ""
    print(f"  {args.tool:<26} {wall:8.2f} s wall {cpu:8.2f} s CPU {rss / 1024:8.0f} MB{extra}", file=sys.stderr)


# ---------------------------------------------------------------- estimator error

def cmd_mse(args):
    """Mean squared error (and bias) of each library's Jaccard estimate on the truth pairs."""
    import base64

    import numpy as np
    ids, texts = read_corpus(args.corpus)
    index = {d: i for i, d in enumerate(ids)}
    truth = read_pairs(args.truth)
    pairs = [(index[a], index[b], j) for (a, b), j in truth.items()]
    needed = sorted({p[0] for p in pairs} | {p[1] for p in pairs})
    exact = np.array([p[2] for p in pairs])
    results = {}

    def report(name, estimate):
        e = np.asarray(estimate, dtype=float)
        results[name] = {"mse": float(np.mean((e - exact) ** 2)), "bias": float(np.mean(e - exact))}

    # NearDup: signatures from `neardup sign` (one file per scheme).
    for name, path in args.neardup or []:
        sig = {}
        with open(path) as f:
            for line in f:
                r = json.loads(line)
                if r["id"] in index:
                    sig[index[r["id"]]] = np.frombuffer(base64.b64decode(r["signature"]["hashvalues"]), dtype="<u8")
        report(name, [np.mean(sig[a] == sig[b]) for a, b, _ in pairs])

    sh = {i: shingles(texts[i]) for i in needed}
    from datasketch import MinHash
    ds = {}
    for i in needed:
        m = MinHash(num_perm=K)
        m.update_batch([s.encode("utf-8") for s in sh[i]])
        ds[i] = m
    report("datasketch MinHash", [ds[a].jaccard(ds[b]) for a, b, _ in pairs])
    from rensa import RMinHash
    rs = {}
    for i in needed:
        m = RMinHash(num_perm=K, seed=42)
        m.update(list(sh[i]))
        rs[i] = m
    report("rensa RMinHash", [rs[a].jaccard(rs[b]) for a, b, _ in pairs])
    from FastSketchLSH import FastSimilaritySketch, estimate_jaccard
    sk = FastSimilaritySketch(size=K, seed=42)
    fs = {i: np.array(sk(list(sh[i])), dtype=np.uint64) for i in needed}
    report("FastSketchLSH", [estimate_jaccard(fs[a], fs[b]) for a, b, _ in pairs])
    theory = float(np.mean(exact * (1 - exact) / K))
    print(json.dumps({"pairs": len(pairs), "theory_mse_k128": theory, "estimators": results}))


# ---------------------------------------------------------------- table and plot

def median(values):
    v = sorted(values)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


def cmd_table(args):
    rows = {}
    with open(args.results) as f:
        for line in f:
            r = json.loads(line)
            rows.setdefault(r["tool"], []).append(r)
    base = {t: median([r["wall"] for r in rs]) for t, rs in rows.items()}
    print("| tool | runs | wall, median (min–max) | CPU (user+sys) | MB/s | documents/s | peak RSS | precision | recall | reported pairs |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for tool, rs in rows.items():
        wall = median([r["wall"] for r in rs])
        cpu = median([r["cpu"] for r in rs])
        rss = median([r["rss_kb"] for r in rs]) / 1024
        q = rs[-1]
        pr = f"{q['precision']:.3f} | {q['recall']:.3f} | {q['reported']:,}" if "precision" in q else "– | – | –"
        print(f"| {tool} | {len(rs)} | {wall:.2f} s ({min(r['wall'] for r in rs):.2f}–{max(r['wall'] for r in rs):.2f}) "
              f"| {cpu:.2f} s | {q['bytes'] / 1e6 / wall:.1f} | {q['documents'] / wall:,.0f} | {rss:,.0f} MB | {pr} |")
    print()
    for t in [t for t in rows if t.startswith("neardup")]:
        ratios = ", ".join(f"{base[o] / base[t]:.1f}× {o}" for o in rows if not o.startswith("neardup"))
        print(f"- {t}: {ratios} (ratios of median wall times)")


def cmd_plot(args):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    series = {}
    with open(args.scaling) as f:
        for line in f:
            r = json.loads(line)
            series.setdefault(r["tool"], []).append(r)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.2))
    for tool, rs in series.items():
        rs.sort(key=lambda r: r["documents"])
        x = [r["documents"] for r in rs]
        ax1.plot(x, [r["bytes"] / 1e6 / r["wall"] for r in rs], marker="o", label=tool)
        ax2.plot(x, [r["wall"] for r in rs], marker="o", label=tool)
    ax1.set_xscale("log")
    ax1.set_xlabel("documents (about 600 words each)")
    ax1.set_ylabel("throughput, MB/s of JSONL (wall clock)")
    ax1.set_title("Throughput against corpus size")
    ax1.grid(True, which="both", alpha=0.3)
    ax1.set_ylim(bottom=0)
    ax2.set_xscale("log")
    ax2.set_yscale("log")
    ax2.set_xlabel("documents")
    ax2.set_ylabel("wall time, s")
    ax2.set_title("Cost against corpus size (log-log: slope 1 is linear)")
    ax2.grid(True, which="both", alpha=0.3)
    for ax in (ax1, ax2):
        ax.legend(fontsize=8)
    fig.suptitle(args.title, fontsize=9)
    fig.tight_layout()
    fig.savefig(args.out)
    print(f"wrote {args.out}", file=sys.stderr)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="step", required=True)
    s = sub.add_parser("truth")
    s.add_argument("corpus")
    s.add_argument("out")
    s.add_argument("--floor", type=float, default=0.5, help="keep pairs with exact Jaccard >= this (default 0.5)")
    s.set_defaults(func=cmd_truth)
    s = sub.add_parser("run")
    s.add_argument("library", choices=sorted(RUNNERS))
    s.add_argument("corpus")
    s.add_argument("pairs")
    s.set_defaults(func=cmd_run)
    s = sub.add_parser("evaluate")
    s.add_argument("truth")
    s.add_argument("pairs")
    s.set_defaults(func=cmd_evaluate)
    s = sub.add_parser("timed")
    s.add_argument("tool")
    s.add_argument("--corpus", required=True)
    s.add_argument("--results", required=True)
    s.add_argument("--round", type=int, default=1)
    s.add_argument("--truth")
    s.add_argument("--pairs")
    s.set_defaults(func=cmd_timed)
    s = sub.add_parser("mse")
    s.add_argument("corpus")
    s.add_argument("truth")
    s.add_argument("--neardup", nargs=2, action="append", metavar=("NAME", "SIGNATURES"))
    s.set_defaults(func=cmd_mse)
    s = sub.add_parser("table")
    s.add_argument("results")
    s.set_defaults(func=cmd_table)
    s = sub.add_parser("plot")
    s.add_argument("scaling")
    s.add_argument("out")
    s.add_argument("--title", default="")
    s.set_defaults(func=cmd_plot)
    argv = sys.argv[1:]
    command = []
    if "--" in argv:  # `timed … -- COMMAND…`: the command is not parsed
        cut = argv.index("--")
        argv, command = argv[:cut], argv[cut + 1:]
    args = p.parse_args(argv)
    args.command = command
    args.func(args)


if __name__ == "__main__":
    main()
