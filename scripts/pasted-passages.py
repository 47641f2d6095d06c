#!/usr/bin/env python3
"""How the verdict reads a wire passage pasted into a story about something else, a case neither
labelled corpus holds (every METER and web candidate reports the reference's own event).

  scripts/pasted-passages.py NEARDUP METER_DIR WEB_DIR [--cache ROWS] [--variants]

- **Pasted passages** (fit-verdict.py's `collect_pasted`, built from METER_DIR in a temporary
  folder, never kept): for each METER catchline, its PA copy (the reference, its takes joined as
  fit-verdict.py joins them) and a newspaper story of another catchline chosen at random (seed
  16). The story untouched is non-derived; the story with k consecutive sentences of the PA copy
  pasted in at a random paragraph break (k = 1, 2, 3, 4, 6; PA's markup cleaned as a newspaper
  would) is partially derived by construction (the PA copy is one of its sources: METER's
  definition). fit-verdict.py fits the verdict model's copying route on them.
- **Planted retellings**: `NEARDUP generate` with the settings of BENCHMARKS.md's million-story
  run, 5,000 documents; each "retold" rewrite (a third of a source retold, copied or reworded,
  inside a story of its own) reported alone against its source.
- **The seeds**: 001, 002 and 004 partially derived from 000, 003 non-derived.

Prints the share of each judged derived by the tool as built. With --variants (numpy and scipy,
at development time only), it also fits the variants compared in docs/EVALUATION.md ("A wire
passage pasted into a story about something else") and prints, for each, the cross-validated
METER and web figures as fit-verdict.py computes them (binary accuracy / macro-F1 / AUC; groups
are METER catchlines, with each catchline's pasted stories, and web events) and the derived
shares above. The first rows have one route (P(sharing) alone, or one logistic regression with
more features); the last is the shipped model, P(sharing) with the copying route fitted given it.
ROWS is fit-verdict.py's --cache file (made if absent).

The corpora are research-use only and never copied into the repository. Without them the script
says so and exits 0.
"""
import collections, glob, importlib.util, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
spec = importlib.util.spec_from_file_location("fv", os.path.join(HERE, "fit-verdict.py"))
fv = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fv)
np = fv.np

K = fv.PASTED


def retold(nd, tmp):
    """The evidence of each planted "retold" rewrite of a 5,000-document generated archive."""
    corpus, truth = os.path.join(tmp, "archive.jsonl"), os.path.join(tmp, "truth.jsonl")
    subprocess.run([nd, "generate", "--documents", "5000", "--words", "550", "--duplicates", "0.05", "--rewrites", "0.2",
                    "--first-date", "2020-01-01", "--days", "1461", "--outlets", "50", "--names", "1000000", "--seed", "18",
                    "-o", corpus, "--truth", truth], check=True, capture_output=True)
    text = {}
    for line in open(corpus, encoding="utf-8"):
        r = json.loads(line)
        text[r["id"]] = r["text"]
    rows = []
    for line in open(truth, encoding="utf-8"):
        r = json.loads(line)
        if r.get("kind") != "retold":
            continue
        ref, story = os.path.join(tmp, "source.txt"), os.path.join(tmp, "story.txt")
        open(ref, "w", encoding="utf-8").write(text[r["source"]])
        open(story, "w", encoding="utf-8").write(text[r["story"]])
        c = fv.run_report(nd, ref, [story])["story.txt"]
        rows.append({"corpus": "retold", "evidence": c["evidence"], "verdict": c["verdict"]})
    return rows


def seeds(nd):
    ref = glob.glob(os.path.join(ROOT, "seeds", "000_*"))[0]
    got = fv.report_document(nd, ref, sorted(glob.glob(os.path.join(ROOT, "seeds", "00[1-4]_*"))))["candidates"]
    return [{"corpus": "seeds", "id": os.path.basename(c["path"])[:3], "evidence": c["evidence"], "verdict": c["verdict"]}
            for c in sorted(got, key=lambda c: c["path"])]


def derived_shares(rows, verdicts):
    by = collections.defaultdict(list)
    for r, v in zip(rows, verdicts):
        by[r["k"]].append(v != "non")
    return " ".join(f"k={k} {sum(by[k])}/{len(by[k])}" for k in sorted(by))


# ---- variants (--variants) ----

def logit_share(a, b):
    return fv.logit(fv.share(a, b))


EXTRA = {
    "verbatimCount": lambda e: float(np.log1p(e["verbatim_sentences"])),
    # the story's narrative words outside derived sentences whose stem the reference uses, as
    # log-odds (shared vocabulary words minus derived words, of narrative minus derived words)
    "offTopicVerbatim": lambda e: float(np.log1p(e["verbatim_sentences"])) * max(0.0, -logit_share(
        max(0, e["shared_vocabulary_words"] - e["derived_words"]), max(0, e["narrative_words"] - e["derived_words"]))),
}


def fit_variant(train, d, weights, copy):
    """(derived model, wholly model). Each corpus weighs weights[corpus] (a share of the fit); the
    pasted stories enter the derived model only. With `copy`, P(derived) is a noisy-OR of the
    derived model and a second logistic model on `copy` (fitted jointly)."""
    y = np.array([r["label"] != "non" for r in train], dtype=float)
    w = fv.corpus_weights(train, weights)
    X = fv.matrix(train, d)
    if copy:
        from scipy.optimize import minimize
        Z = fv.matrix(train, copy)

        def loss(b):
            p = 1 - (1 - fv.sigmoid(b[0] + X @ b[1:1 + len(d)])) * (1 - fv.sigmoid(b[1 + len(d)] + Z @ b[2 + len(d):]))
            p = np.clip(p, 1e-9, 1 - 1e-9)
            return -(w * (y * np.log(p) + (1 - y) * np.log(1 - p))).sum() + 0.5 * fv.RIDGE * ((b[1:1 + len(d)] ** 2).sum() + (b[2 + len(d):] ** 2).sum())
        bd = minimize(loss, np.concatenate([[2.0], np.ones(len(d)), [-5.0], np.ones(len(copy))]), method="L-BFGS-B").x
    else:
        bd = fv.fit(X, y, w)
    der = [r for r in train if r["label"] != "non" and r["corpus"] != "pasted"]
    bw = fv.fit(fv.matrix(der, fv.WHOLLY_FEATURES), np.array([r["label"] == "wholly" for r in der], dtype=float), fv.corpus_weights(der, {}))
    return bd, bw


def predict_variant(models, rows, d, copy):
    bd, bw = models
    X = fv.matrix(rows, d)
    pd = fv.sigmoid(bd[0] + X @ bd[1:1 + len(d)])
    if copy:
        pd = 1 - (1 - pd) * (1 - fv.sigmoid(bd[1 + len(d)] + fv.matrix(rows, copy) @ bd[2 + len(d):]))
    pw = fv.prob(bw, fv.matrix(rows, fv.WHOLLY_FEATURES))
    return [("non" if a < 0.5 else ("wholly" if b >= 0.5 else "partially"), a) for a, b in zip(pd, pw)]


def variant(name, labelled, paste, gen, seed_rows, d, pasted_weight=0.0, copy=()):
    weights = {"meter": 1.0, "web": 1.0, "pasted": pasted_weight}
    rows = labelled + (paste if pasted_weight else [])
    preds = [None] * len(rows)
    for g in sorted({r["group"] for r in rows}):  # a catchline's pasted stories leave with it
        train = [r for r in rows if r["group"] != g]
        test = [i for i, r in enumerate(rows) if r["group"] == g]
        for i, p in zip(test, predict_variant(fit_variant(train, d, weights, copy), [rows[i] for i in test], d, copy)):
            preds[i] = p
    cells = []
    for c in ("meter", "web"):
        idx = [i for i, r in enumerate(rows) if r["corpus"] == c]
        f = fv.figures([rows[i] for i in idx], [preds[i] for i in idx])
        cells.append(f"{f['binary']:.3f} / {f['f1']:.3f} / {f['auc']:.3f}")
    models = fit_variant(rows, d, weights, copy)
    pasted_preds = [p for r, p in zip(rows, preds) if r["corpus"] == "pasted"] if pasted_weight else predict_variant(models, paste, d, copy)
    by = collections.defaultdict(list)
    for r, (v, _) in zip(paste, pasted_preds):
        by[r["k"]].append(v != "non")
    cells.append(" ".join(f"{np.mean(by[k]):.2f}" for k in sorted(by)))
    cells.append(f"{np.mean([v != 'non' for v, _ in predict_variant(models, gen, d, copy)]):.2f}")
    cells.append(" ".join(f"{r['id']} {p:.2f}" for r, (_, p) in zip(seed_rows, predict_variant(models, seed_rows, d, copy))))
    print(f"| {name} | " + " | ".join(cells) + " |")


def main():
    args = sys.argv[1:]
    paths = fv.corpus_arguments(args, __doc__, "measure")
    if paths is None:
        return
    nd, meter, web = paths
    with tempfile.TemporaryDirectory() as tmp:
        paste = fv.collect_pasted(nd, meter, tmp)
        gen = retold(nd, tmp)
    seed_rows = seeds(nd)
    print("The tool as built, share judged derived:")
    print(f"  pasted into another catchline's story: {derived_shares(paste, [r['verdict'][:3] for r in paste])}")
    print(f"  planted retellings (5,000 generated documents): {sum(r['verdict'] != 'non-derived' for r in gen)}/{len(gen)}")
    print("  seeds: " + ", ".join(f"{r['id']} {r['verdict']}" for r in seed_rows))
    if "--variants" not in args:
        return
    rows = fv.labelled_rows(nd, meter, web, args[args.index("--cache") + 1] if "--cache" in args else None)
    labelled = [r for r in rows if r["corpus"] != "pasted"]
    for n, f in EXTRA.items():
        fv.FEATURES[n] = (f, "pasted-passages.py prototype")
    base = fv.DERIVED_FEATURES
    print("| derived model | METER, CV | web, CV | pasted k = " + ", ".join(map(str, K)) + " | retold | seeds P(derived) |")
    print("| --- | --- | --- | --- | --- | --- |")
    variant("sharing only (the model before the copying route)", labelled, paste, gen, seed_rows, base)
    variant("+ verbatimCount", labelled, paste, gen, seed_rows, base + ["verbatimCount"])
    variant("+ offTopicVerbatim", labelled, paste, gen, seed_rows, base + ["offTopicVerbatim"])
    for w in (0.1, 0.25, 0.5):
        variant(f"sharing only, pasted stories in the fit ({w:g})", labelled, paste, gen, seed_rows, base, w)
    for w in (0.1, 0.25):
        variant(f"+ verbatimCount, pasted in the fit ({w:g})", labelled, paste, gen, seed_rows, base + ["verbatimCount"], w)
        variant(f"+ offTopicVerbatim, pasted in the fit ({w:g})", labelled, paste, gen, seed_rows, base + ["offTopicVerbatim"], w)
        variant(f"noisy-OR with verbatimCount, both fitted together, pasted in the fit ({w:g})", labelled, paste, gen, seed_rows, base, w, ["verbatimCount"])
    shipped(rows, gen, seed_rows)


def shipped(rows, gen, seed_rows):
    """The shipped model's row: P(sharing), and the copying route fitted given it (fit-verdict.py)."""
    d, w, c = fv.DERIVED_FEATURES, fv.WHOLLY_FEATURES, fv.COPYING_FEATURES
    preds = fv.cross_validate(rows, d, w, c)
    cells = []
    for corpus in ("meter", "web"):
        idx = [i for i, r in enumerate(rows) if r["corpus"] == corpus]
        f = fv.figures([rows[i] for i in idx], [preds[i] for i in idx])
        cells.append(f"{f['binary']:.3f} / {f['f1']:.3f} / {f['auc']:.3f}")
    by = collections.defaultdict(list)
    for r, (v, _) in zip(rows, preds):
        if r["corpus"] == "pasted":
            by[r["k"]].append(v != "non")
    cells.append(" ".join(f"{np.mean(by[k]):.2f}" for k in sorted(by)))
    models = fv.fit_models(rows, d, w, c)
    cells.append(f"{np.mean([v != 'non' for v, _ in fv.predict(models, gen, d, w, c)]):.2f}")
    cells.append(" ".join(f"{r['id']} {p:.2f}" for r, (_, p) in zip(seed_rows, fv.predict(models, seed_rows, d, w, c))))
    print("| **shipped: sharing, then copying fitted given it (pasted 0.1)** | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
