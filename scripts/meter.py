#!/usr/bin/env python3
"""The report on the METER corpus: evaluation.

  scripts/meter.py evaluate NEARDUP METER_DIR   confusion table, binary accuracy, three-class
                                                accuracy and macro-F1, per-class precision and
                                                recall, and the word-trigram containment baseline

METER (Clough, Gaizauskas, Piao, Wilks 2002): UK newspaper stories labelled by journalists as
wholly, partially or non-derived from Press Association copy. For every catchline the reference
is the catchline's PA files concatenated (raw wire format, as distributed), and
`NEARDUP report --format json` is run once with default settings. METER_DIR is a copy as
distributed (file_index/, PA/, newspapers/); the corpus is research-use only and is never copied
into this repository. Without it the script says so and exits 0.

The verdict model is fitted and cross-validated by scripts/fit-verdict.py (METER and the web
rewrites together); this script only measures the tool as built.
"""
import collections, hashlib, json, os, re, subprocess, sys, tempfile

CLASSES = ("wholly", "partially", "non")

def load(nd, root):
    labels = {}
    for dom in ("courts", "showbiz"):
        for cls in CLASSES:
            for line in open(os.path.join(root, "file_index", dom, f"{cls}_derived.txt"), encoding="latin-1"):
                p = line.strip()
                if p: labels[p.replace("meter_corpus/", "", 1)] = cls
    groups = collections.defaultdict(list)
    for p in labels:
        pa = os.path.dirname(p).replace("newspapers/rawtexts", "PA/rawtexts", 1)
        if os.path.isdir(os.path.join(root, pa)): groups[pa].append(p)
    tmp = tempfile.mkdtemp()
    rows = []
    for k in sorted(groups):
        pa_dir = os.path.join(root, k)
        files = sorted(f for f in os.listdir(pa_dir) if f.endswith(".txt"))
        if not files: continue
        text = "\n\n".join(open(os.path.join(pa_dir, f), "rb").read().decode("latin-1") for f in files)
        ref = os.path.join(tmp, "reference.txt")
        open(ref, "w", encoding="utf-8").write(text)
        r = subprocess.run([nd, "report", "--reference", ref, *[os.path.join(root, p) for p in groups[k]], "--format", "json"],
                           capture_output=True, text=True)
        if not r.stdout.strip(): sys.exit(f"report failed on {k}: {r.stderr.strip()[:300]}")
        got = {os.path.basename(c["path"]): c for c in json.loads(r.stdout)["candidates"]}
        ref_grams = trigrams(text)
        for p in groups[k]:
            c, e = got[os.path.basename(p)], got[os.path.basename(p)]["evidence"]
            story = open(os.path.join(root, p), "rb").read().decode("latin-1")
            g = trigrams(story)
            rows.append({"catchline": k, "path": p, "label": labels[p], "verdict": c["verdict"].split("-")[0],
                         "score": c["score"], "coverage": c["coverage"],
                         "vocabulary": e["shared_distinct_stems"] / max(1, e["distinct_stems"]),
                         "derived_sentences": e["derived_sentences"], "in_order": e["in_order_sentences"],
                         "narrative_sentences": e["narrative_sentences"], "reference_sentences": e["reference_narrative_sentences"], "trigram": len(g & ref_grams) / max(1, len(g))})
    return rows

def trigrams(text):
    w = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(w[i:i + 3]) for i in range(len(w) - 2)}


def scores(rows, pred):
    n = max(1, len(rows))
    binary = sum((p != "non") == (r["label"] != "non") for r, p in zip(rows, pred)) / n
    three = sum(p == r["label"] for r, p in zip(rows, pred)) / n
    per = {}
    for c in CLASSES:
        tp = sum(r["label"] == c and p == c for r, p in zip(rows, pred))
        fp = sum(r["label"] != c and p == c for r, p in zip(rows, pred))
        fn = sum(r["label"] == c and p != c for r, p in zip(rows, pred))
        per[c] = (tp / max(1, tp + fp), tp / max(1, tp + fn), 2 * tp / max(1, 2 * tp + fp + fn))
    return binary, three, sum(f for _, _, f in per.values()) / 3, per

GRID = [(v / 100, w / 100) for v in range(40, 91, 5) for w in range(40, 101, 5)]


def oracle(rows, key):
    return max(sum((r[key] >= t) == (r["label"] != "non") for r in rows) / len(rows) for t in {r[key] for r in rows})

def auc(rows, key):
    pos = [r[key] for r in rows if r["label"] != "non"]; neg = [r[key] for r in rows if r["label"] == "non"]
    return sum((p > q) + 0.5 * (p == q) for p in pos for q in neg) / max(1, len(pos) * len(neg))

def evaluate(rows):
    pred = [r["verdict"] for r in rows]
    b, three, f, per = scores(rows, pred)
    conf = collections.Counter((r["label"], p) for r, p in zip(rows, pred))
    print(f"METER: {len(rows)} stories ({sum(r['label'] != 'non' for r in rows)} derived, {sum(r['label'] == 'non' for r in rows)} non-derived), "
          f"{len({r['catchline'] for r in rows})} catchlines")
    print("confusion (rows: label, columns: verdict)")
    print(f"{'':>10} " + " ".join(f"{c:>9}" for c in CLASSES))
    for l in CLASSES: print(f"{l:>10} " + " ".join(f"{conf[(l, v)]:>9}" for v in CLASSES))
    for c in CLASSES: print(f"{c:>10}: precision {per[c][0]:.3f} recall {per[c][1]:.3f} F1 {per[c][2]:.3f}")
    print(f"binary accuracy {b:.3f}, three-class accuracy {three:.3f}, macro-F1 {f:.3f}")
    print(f"score AUC {auc(rows, 'score'):.3f}, vocabulary AUC {auc(rows, 'vocabulary'):.3f}")
    print(f"always 'derived': binary accuracy {sum(r['label'] != 'non' for r in rows) / len(rows):.3f}")
    print(f"word-trigram containment baseline: AUC {auc(rows, 'trigram'):.3f}, binary accuracy with the best threshold "
          f"chosen on this data {oracle(rows, 'trigram'):.3f}")


def main():
    a = sys.argv[1:]
    if len(a) < 3 or a[0] != "evaluate": sys.exit(__doc__)
    nd, root = a[1], a[2]
    if not os.path.isdir(os.path.join(root, "file_index")):
        print(f"skipped: no METER corpus at {root} (file_index/ missing); it is research-use only and not in this repository")
        return
    rows = load(nd, root)
    evaluate(rows)

if __name__ == "__main__":
    main()
