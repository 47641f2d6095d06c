#!/usr/bin/env python3
"""Fits the report's verdict model (VerdictModel) and says how well it holds on stories it was not fitted on.

  scripts/fit-verdict.py NEARDUP METER_DIR WEB_DIR [--write Sources/NearDupReport/VerdictCoefficients.swift]
                         [--cache FILE] [--features a,b,c] [--wholly-features a,b] [--copying-features a]
                         [--no-copying] [--misread]
                         [--extra FILE] [--baseline a,b,c] [--thresholds]

Runs `NEARDUP report --format json` once per METER catchline (reference: its PA files concatenated,
as ../shared/eval/meter_eval.py does) and once per web event, reads every candidate's `evidence`
counts, turns them into the model's features (the same formulas as VerdictModel.swift) and fits two
L2-regularised logistic regressions by Newton's method:

  derived   P(sharing): derived (wholly or partially) vs non-derived, on every labelled story;
  wholly    wholly vs partially, on the derived stories only;
  copying   P(copying), fitted given P(sharing) (which it leaves as it is) so that
            P(derived) = 1 - (1 - P(sharing)) (1 - P(copying)) fits best: on the labelled stories
            and on the pasted stories, newspaper stories of one METER catchline with 0 to 6
            sentences of another catchline's PA copy pasted in (built at run time in a temporary
            folder, never kept; partially derived by construction when anything is pasted, the
            case no labelled story holds), the pasted stories weighing PASTED_WEIGHT of a corpus.

A story is derived when P(derived) >= 0.5, and then wholly derived when P(wholly | derived) >= 0.5.

It prints, per corpus (binary accuracy, three-class accuracy, macro-F1, AUC of P(derived), confusion):
  fitted     fitted on everything, scored on the same stories (what the shipped model does on dev);
  CV         leave one group out: each METER catchline (with the pasted stories of its PA copy)
             and each web event is scored by a model fitted on all the other groups;
  LOCO       leave one corpus out: fitted on METER, scored on the web set, and the other way;
and the gap between the fitted and the cross-validated figures. Judge a change by CV, never by
the fitted figure. With --write it writes the coefficients, with their provenance, to a Swift file.

--extra FILE reads prototype features computed outside the tool (JSON: story id -> {name: value},
the ids as this script names the stories) and offers them beside the evidence's, by name, to
--features and --wholly-features: a way to measure a feature by cross-validation before it is
written in Swift. A story the file lacks is an error.

--baseline a,b,c compares the derived model of --features with the one of these features: the
difference of their cross-validated binary accuracy and AUC on each corpus, with a 95% interval
from 1,000 bootstrap resamples of the groups (catchlines, events; seed 1). A gain whose interval
holds zero is within what the choice of stories alone moves.

--thresholds prints, per corpus, the mean cross-validated P(derived) beside the share of derived
stories (is the model calibrated on each?) and the cross-validated binary accuracy had the derived
threshold been 0.3 … 0.7 instead of 0.5.

The corpora are research-use only and never copied into the repository. numpy is needed (a
development-time dependency only: the Swift package does not use it). Without the corpora the
script says so and exits 0.
"""
import collections, datetime, json, os, random, re, subprocess, sys, tempfile

import numpy as np

CLASSES = ("wholly", "partially", "non")
RIDGE = 1.0  # L2 penalty on the weights (not the intercept): keeps coefficients stable across folds
PASTED_WEIGHT = 0.1  # the pasted stories' share of the copying route's fit, beside METER's and the web set's 1 each
PASTED = (0, 1, 2, 3, 4, 6)  # sentences pasted into each catchline's borrowed story


def share(a, b):
    """Smoothed share, so that empty stories and perfect copies keep finite log-odds."""
    return (a + 0.5) / (b + 1.0)


def logit(p):
    return float(np.log(p / (1.0 - p)))


# Every feature: name -> (formula over the evidence counts, reason). VerdictModel.swift computes the same.
FEATURES = {
    "vocabulary": (lambda e: logit(share(e["shared_distinct_stems"], e["distinct_stems"])),
                   "log-odds of the candidate's distinct narrative content stems that the reference uses: a rewrite keeps the source's words"),
    "story": (lambda e: logit(share(e["derived_words"], e["narrative_words"])),
              "log-odds of the candidate's narrative content words in sentences aligned to the reference or copied from it: how much of the story retells it"),
    "bigrams": (lambda e: logit(share(e["shared_bigrams"], e["narrative_bigrams"])),
                "log-odds of the candidate's distinct narrative word bigrams found in the reference: local word order kept"),
    "bigramOverlap": (lambda e: logit(share(e["shared_bigrams"], min(e["narrative_bigrams"], e["reference_bigrams"]))),
                      "log-odds of the shared bigrams out of the smaller side's distinct bigrams (overlap coefficient): a condensed rewrite of a long source and a long story retelling a short source both score high"),
    "vocabularyOverlap": (lambda e: logit(share(e["shared_distinct_stems"], min(e["distinct_stems"], e["reference_distinct_stems"]))),
                          "log-odds of the shared distinct content stems out of the smaller side's"),
    "bodyVocabulary": (lambda e: logit(share(e["shared_body_distinct_stems"], e["body_distinct_stems"])),
                       "log-odds of the candidate's distinct body content stems (quotations included) that the reference uses"),
    "bodyBigrams": (lambda e: logit(share(e["shared_body_bigrams"], e["body_bigrams"])),
                    "log-odds of the candidate's distinct body bigrams (quotations included) found in the reference"),
    "bodyBigramOverlap": (lambda e: logit(share(e["shared_body_bigrams"], min(e["body_bigrams"], e["reference_bigrams"]))),
                          "log-odds of the shared body bigrams (quotations included) out of the smaller side's"),
    "bodyVocabularyOverlap": (lambda e: logit(share(e["shared_body_distinct_stems"], min(e["body_distinct_stems"], e["reference_distinct_stems"]))),
                              "log-odds of the shared body content stems (quotations included) out of the smaller side's"),
    "trigrams": (lambda e: logit(share(e["shared_trigrams"], e["narrative_trigrams"])),
                 "log-odds of the candidate's distinct narrative word trigrams found in the reference"),
    "tiled": (lambda e: logit(share(e["tiled_tokens"], e["narrative_tokens"])),
              "log-odds of the candidate's narrative words inside shared runs of 3+ words (Greedy String Tiling coverage)"),
    "longTiled": (lambda e: logit(share(e["long_tiled_tokens"], e["narrative_tokens"])),
                  "log-odds of the candidate's narrative words inside shared runs of 6+ words: longer than stock phrases"),
    "longTiledCount": (lambda e: float(np.log1p(e["long_tiled_tokens"])),
                       "log(1 + narrative words in shared runs of 6+ words)"),
    "stemPairs": (lambda e: logit(share(e["shared_stem_pairs"], e["stem_pairs"])),
                  "log-odds of the candidate's pairs of consecutive content stems found in the reference: order that survives rewording"),
    "retold": (lambda e: logit(share(e["retold_sentences"], e["reference_narrative_sentences"])),
               "log-odds of the reference's narrative sentences the candidate retells"),
    "retoldCount": (lambda e: float(np.log1p(e["retold_sentences"])),
                    "log(1 + reference sentences retold): in the wholly model, given the share of the story that retells the reference, a story that retells many sentences is a longer piece, and longer pieces draw on other sources too (negative weight)"),
    "inOrder": (lambda e: logit(share(e["in_order_sentences"], min(e["narrative_sentences"], e["reference_narrative_sentences"]))),
                "log-odds of aligned sentences that follow the reference's order (longest chain), of the most the shorter story allows: a rewrite follows its source, independent reports scatter"),
    "sentences": (lambda e: logit(share(e["derived_sentences"], e["narrative_sentences"])),
                  "log-odds of the candidate's narrative sentences derived from the reference"),
    "offTopicCopies": (lambda e: float(np.log1p(e["verbatim_sentences"])) * max(0.0, -logit(share(e["underived_shared_words"], e["underived_words"]))),
                       "log(1 + narrative sentences copied mostly word for word) x max(0, -log-odds of the rest's narrative words the reference uses): sentences copied into a story about something else"),
}
DERIVED_FEATURES = ["vocabulary", "bodyBigramOverlap", "inOrder"]
WHOLLY_FEATURES = ["story", "retoldCount"]
COPYING_FEATURES = ["offTopicCopies"]


def report_document(nd, ref_path, cands):
    """The whole JSON document of `NEARDUP report --format json` (the reference's sentences included)."""
    r = subprocess.run([nd, "report", "--reference", ref_path, *cands, "--format", "json"], capture_output=True, text=True, timeout=300)
    if r.returncode not in (0, 1) or not r.stdout.strip():
        sys.exit(f"report fails on {ref_path}: rc {r.returncode} {r.stderr.strip()[:300]}")
    return json.loads(r.stdout)


def run_report(nd, ref_path, cands):
    return {os.path.basename(c.get("path", c["id"])): c for c in report_document(nd, ref_path, cands)["candidates"]}


def collect_meter(nd, root, tmp):
    labels = {}
    for dom in ("courts", "showbiz"):
        for cls in CLASSES:
            for line in open(os.path.join(root, "file_index", dom, f"{cls}_derived.txt"), encoding="latin-1"):
                p = line.strip()
                if p:
                    labels[p.replace("meter_corpus/", "", 1)] = cls
    groups = collections.defaultdict(list)
    for p in labels:
        pa = os.path.dirname(p).replace("newspapers/rawtexts", "PA/rawtexts", 1)
        if os.path.isdir(os.path.join(root, pa)) and any(f.endswith(".txt") for f in os.listdir(os.path.join(root, pa))):
            groups[pa].append(p)
    rows = []
    for k in sorted(groups):
        pa_dir = os.path.join(root, k)
        text = "\n\n".join(open(os.path.join(pa_dir, f), "rb").read().decode("latin-1") for f in sorted(os.listdir(pa_dir)) if f.endswith(".txt"))
        ref = os.path.join(tmp, "reference.txt")
        open(ref, "w", encoding="utf-8").write(text)
        got = run_report(nd, ref, [os.path.join(root, p) for p in groups[k]])
        for p in groups[k]:
            c = got[os.path.basename(p)]
            rows.append({"corpus": "meter", "group": k, "id": p, "label": labels[p], "evidence": c["evidence"], "verdict": c["verdict"]})
    return rows


def collect_web(nd, root):
    labels = json.load(open(os.path.join(root, "labels.json")))
    rows = []
    for ev in sorted({x["event"] for x in labels}):
        items = [x for x in labels if x["event"] == ev]
        d = os.path.join(root, ev)
        got = run_report(nd, os.path.join(d, "reference.txt"), [os.path.join(d, x["candidate"]) for x in items])
        for x in items:
            c = got[x["candidate"]]
            rows.append({"corpus": "web", "group": ev, "id": f"{ev}/{x['candidate']}", "label": x["label"], "evidence": c["evidence"], "verdict": c["verdict"]})
    return rows


def pa_sentences(text):
    """A PA copy's sentences of 6+ words, its markup cleaned as a newspaper pasting it would (its
    "<" line ends, its ``TeX'' quotes, its paragraph control character); header lines and
    sentences with unbalanced quotation marks left out."""
    text = re.sub(r"<", "\n", text).replace("``", '"').replace("''", '"').replace("\x19", " ")
    out = []
    for p in (p.strip() for p in re.split(r"\n\s*\n|\n(?=\s)", text)):
        for x in re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", " ".join(p.split())):
            if len(x.split()) >= 6 and "---" not in x and not re.search(r"\d\d:\d\d", x) and x.count('"') % 2 == 0:
                out.append(x)
    return out


def collect_pasted(nd, root, tmp):
    """The pasted stories (corpus "pasted", grouped with the catchline whose PA copy is pasted):
    for each METER catchline, a newspaper story of another catchline chosen at random (seed 16),
    untouched (label non) or with k consecutive sentences of this catchline's PA copy pasted in at
    a random paragraph break (label partially: the PA copy is one of its sources), reported
    against this catchline's PA copy."""
    labels = {}
    for dom in ("courts", "showbiz"):
        for cls in CLASSES:
            for line in open(os.path.join(root, "file_index", dom, f"{cls}_derived.txt"), encoding="latin-1"):
                if line.strip():
                    labels[line.strip().replace("meter_corpus/", "", 1)] = cls
    groups = collections.defaultdict(list)
    for p in labels:
        pa = os.path.dirname(p).replace("newspapers/rawtexts", "PA/rawtexts", 1)
        if os.path.isdir(os.path.join(root, pa)) and any(f.endswith(".txt") for f in os.listdir(os.path.join(root, pa))):
            groups[pa].append(p)
    keys = sorted(groups)
    rng = random.Random(16)
    rows = []
    for gi, key in enumerate(keys):
        pa_dir = os.path.join(root, key)
        takes = [open(os.path.join(pa_dir, f), "rb").read().decode("latin-1") for f in sorted(os.listdir(pa_dir)) if f.endswith(".txt")]
        ref = os.path.join(tmp, f"reference-{gi}.txt")
        open(ref, "w", encoding="utf-8").write("\n\n".join(takes))
        sentences = pa_sentences("\n\n".join(takes))
        host = rng.choice([p for g in keys if g != key for p in groups[g]])
        story = open(os.path.join(root, host), "rb").read().decode("latin-1")
        paras = [p for p in re.split(r"\n\s*\n", story) if p.strip()]
        made = []
        for k in PASTED:
            if k and len(sentences) < k:
                continue
            text = story
            if k:
                start = rng.randrange(0, len(sentences) - k + 1)
                at = rng.randrange(1, max(2, len(paras)))
                text = "\n\n".join(paras[:at] + [" ".join(sentences[start:start + k])] + paras[at:])
            path = os.path.join(tmp, f"story-{gi}-k{k}.txt")
            open(path, "w", encoding="utf-8").write(text)
            made.append((path, k))
        got = run_report(nd, ref, [p for p, _ in made])
        for path, k in made:
            c = got[os.path.basename(path)]
            rows.append({"corpus": "pasted", "group": key, "id": os.path.basename(path), "k": k,
                         "label": "partially" if k else "non", "evidence": c["evidence"], "verdict": c["verdict"]})
    return rows


def matrix(rows, names):
    return np.array([[FEATURES[n][0](r["evidence"]) for n in names] for r in rows])


def fit(X, y, w=None):
    """L2-regularised logistic regression by Newton's method; returns (intercept, weights)."""
    n, d = X.shape
    A = np.hstack([np.ones((n, 1)), X])
    w = np.ones(n) if w is None else w
    beta = np.zeros(d + 1)
    penalty = np.diag([0.0] + [RIDGE] * d)
    for _ in range(100):
        p = 1 / (1 + np.exp(-A @ beta))
        grad = A.T @ (w * (p - y)) + penalty @ beta
        H = (A * (w * p * (1 - p))[:, None]).T @ A + penalty
        step = np.linalg.solve(H, grad)
        beta -= step
        if np.abs(step).max() < 1e-10:
            break
    return beta


def prob(beta, X):
    return 1 / (1 + np.exp(-(beta[0] + X @ beta[1:])))


def corpus_weights(rows, weights):
    """Each row's weight: every corpus weighs the same in a fit whatever its size (so that neither
    one's idea of "derived" swamps the other's), the pasted stories PASTED_WEIGHT of that."""
    counts = collections.Counter(r["corpus"] for r in rows)
    share = {c: weights.get(c, 1.0) for c in counts}
    total = sum(share.values())
    return np.array([len(rows) * share[r["corpus"]] / (total * counts[r["corpus"]]) for r in rows])


def sigmoid(t):
    return 1 / (1 + np.exp(-t))


def fit_copying(rows, sharing, cnames):
    """The copying route's (intercept, weights), fitted with P(sharing) held as it is: maximum
    likelihood of P(derived) = 1 - (1 - P(sharing)) (1 - P(copying)), L2 on the weights (scipy's
    L-BFGS-B)."""
    from scipy.optimize import minimize
    y = np.array([r["label"] != "non" for r in rows], dtype=float)
    w = corpus_weights(rows, {"pasted": PASTED_WEIGHT})
    Z = matrix(rows, cnames)

    def loss(b):
        p = np.clip(1 - (1 - sharing) * (1 - sigmoid(b[0] + Z @ b[1:])), 1e-12, 1 - 1e-12)
        return -(w * (y * np.log(p) + (1 - y) * np.log(1 - p))).sum() + 0.5 * RIDGE * (b[1:] ** 2).sum()
    return minimize(loss, np.concatenate([[-4.0], np.ones(len(cnames))]), method="L-BFGS-B", options={"gtol": 1e-10}).x


def fit_models(rows, dnames, wnames, cnames=None):
    """(sharing, wholly, copying) coefficient vectors. Sharing and wholly are fitted on the labelled
    stories only; copying (None without `cnames`) on those and the pasted stories, given sharing."""
    labelled = [r for r in rows if r["corpus"] != "pasted"]
    y = np.array([r["label"] != "non" for r in labelled], dtype=float)
    bd = fit(matrix(labelled, dnames), y, corpus_weights(labelled, {}))
    der = [r for r in labelled if r["label"] != "non"]
    bw = fit(matrix(der, wnames), np.array([r["label"] == "wholly" for r in der], dtype=float), corpus_weights(der, {}))
    bc = fit_copying(rows, prob(bd, matrix(rows, dnames)), cnames) if cnames else None
    return bd, bw, bc


def predict(models, rows, dnames, wnames, cnames=None):
    bd, bw = models[0], models[1]
    bc = models[2] if len(models) > 2 else None
    pd = prob(bd, matrix(rows, dnames))
    if bc is not None and cnames:
        pd = 1 - (1 - pd) * (1 - prob(bc, matrix(rows, cnames)))
    pd = np.where([r["evidence"]["narrative_words"] == 0 for r in rows], 0.0, pd)
    pw = prob(bw, matrix(rows, wnames))
    return [("non" if a < 0.5 else ("wholly" if b >= 0.5 else "partially"), a) for a, b in zip(pd, pw)]


def auc(pos, neg):
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / max(1, len(pos) * len(neg))


def figures(rows, preds):
    labels = [r["label"] for r in rows]
    verdicts = [v for v, _ in preds]
    n = len(rows)
    binary = sum((l != "non") == (v != "non") for l, v in zip(labels, verdicts)) / n
    three = sum(l == v for l, v in zip(labels, verdicts)) / n
    f1 = []
    for c in CLASSES:
        tp = sum(l == c and v == c for l, v in zip(labels, verdicts))
        fp = sum(l != c and v == c for l, v in zip(labels, verdicts))
        fn = sum(l == c and v != c for l, v in zip(labels, verdicts))
        f1.append(2 * tp / max(1, 2 * tp + fp + fn))
    a = auc([p for (l, (_, p)) in zip(labels, preds) if l != "non"], [p for (l, (_, p)) in zip(labels, preds) if l == "non"])
    conf = collections.Counter(zip(labels, verdicts))
    return {"binary": binary, "three": three, "f1": sum(f1) / 3, "auc": a, "confusion": conf, "n": n}


def show(name, f):
    c = f["confusion"]
    table = " | ".join(f"{l}: " + " ".join(f"{c[(l, v)]:3d}" for v in CLASSES) for l in CLASSES)
    print(f"  {name:22s} n={f['n']:3d} binary {f['binary']:.3f}  three-class {f['three']:.3f}  macro-F1 {f['f1']:.3f}  AUC {f['auc']:.3f}   [label: ->wholly partially non] {table}")


def cross_validate(rows, dnames, wnames, cnames=None):
    """Leave one group out: a METER catchline leaves with the pasted stories of its PA copy."""
    preds = [None] * len(rows)
    for g in sorted({r["group"] for r in rows}):
        train = [r for r in rows if r["group"] != g]
        test = [i for i, r in enumerate(rows) if r["group"] == g]
        models = fit_models(train, dnames, wnames, cnames)
        for i, p in zip(test, predict(models, [rows[i] for i in test], dnames, wnames, cnames)):
            preds[i] = p
    return preds


def rank_auc(scores, positive):
    """AUC by ranks (ties count one half): the same figure as auc(), fast enough to resample."""
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    s = scores[order]
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and s[j + 1] == s[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    npos = positive.sum()
    nneg = len(scores) - npos
    return (ranks[positive].sum() - npos * (npos + 1) / 2) / max(1, npos * nneg)


def compare(rows, preds_a, preds_b, corpus, resamples=1000):
    """Mean and 95% interval of (a - b) in binary accuracy and AUC of P(derived) on one corpus,
    over bootstrap resamples of its groups."""
    idx = [i for i, r in enumerate(rows) if r["corpus"] == corpus]
    groups = sorted({rows[i]["group"] for i in idx})
    members = {g: [i for i in idx if rows[i]["group"] == g] for g in groups}
    derived = np.array([r["label"] != "non" for r in rows])
    right = {k: np.array([(v != "non") == d for (v, _), d in zip(p, derived)], dtype=float) for k, p in (("a", preds_a), ("b", preds_b))}
    score = {k: np.array([x for _, x in p]) for k, p in (("a", preds_a), ("b", preds_b))}
    rng = np.random.default_rng(1)
    diffs = []
    for _ in range(resamples):
        pick = np.array([i for g in rng.choice(len(groups), len(groups)) for i in members[groups[g]]])
        pos = derived[pick]
        diffs.append((right["a"][pick].mean() - right["b"][pick].mean(),
                      rank_auc(score["a"][pick], pos) - rank_auc(score["b"][pick], pos)))
    d = np.array(diffs)
    return [(d[:, k].mean(), np.percentile(d[:, k], 2.5), np.percentile(d[:, k], 97.5)) for k in (0, 1)]


def swift_file(models, dnames, wnames, cnames, command, data):
    bd, bw, bc = models
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip() or "unknown"
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")

    def terms(beta, names):
        return "\n".join(f"            (.{n}, {b:.6f})," for n, b in zip(names, beta[1:]))

    copying = "" if bc is None else f""",
        copying: LogisticModel(
            intercept: {bc[0]:.6f},
            terms: [
{terms(bc, cnames)}
            ])"""

    return f"""import NearDupCore

// Generated by scripts/fit-verdict.py: do not edit by hand; run it again.
// Command: {command}
// Date: {date}; code at commit {commit} (the features the JSON of that build reports)
// Data: {data}
// Fit: L2-regularised logistic regressions (penalty {RIDGE} on the weights), each corpus weighted equally;
// the copying route given the derived one, on those and METER's pasted stories (weight {PASTED_WEIGHT}).

extension VerdictModel {{
    /// The model fitted on METER's development split and the web rewrites' development events
    /// by `scripts/fit-verdict.py` (see the provenance at the top of this file).
    public static let standard = VerdictModel(
        derived: LogisticModel(
            intercept: {bd[0]:.6f},
            terms: [
{terms(bd, dnames)}
            ]),
        wholly: LogisticModel(
            intercept: {bw[0]:.6f},
            terms: [
{terms(bw, wnames)}
            ]){copying})
}}
"""


def corpus_arguments(args, usage, purpose):
    """(NEARDUP, METER_DIR, WEB_DIR) from a script's first three arguments; exits with `usage`
    when they are missing, and returns None (after saying so) when a corpus is absent."""
    if len(args) < 3:
        sys.exit(usage)
    nd, meter, web = args[:3]
    for d in (meter, web):
        if not os.path.isdir(d):
            print(f"{d} is absent: nothing to {purpose} (the corpora are research-use only and live outside the repository)")
            return None
    return nd, meter, web


def labelled_rows(nd, meter, web, cache=None):
    """Every labelled story of both corpora, and the pasted stories, with their evidence; read
    from `cache` when it exists and holds the pasted stories (and written there otherwise)."""
    if cache and os.path.exists(cache):
        rows = json.load(open(cache))
        if any(r["corpus"] == "pasted" for r in rows):
            return rows
    with tempfile.TemporaryDirectory() as tmp:
        rows = collect_meter(nd, meter, tmp) + collect_web(nd, web) + collect_pasted(nd, meter, tmp)
    if cache:
        json.dump(rows, open(cache, "w"))
    return rows


def main():
    args = sys.argv[1:]
    paths = corpus_arguments(args, __doc__, "fit")
    if paths is None:
        return
    nd, meter, web = paths
    opt = lambda k: args[args.index(k) + 1] if k in args else None
    dnames = opt("--features").split(",") if opt("--features") else DERIVED_FEATURES
    wnames = opt("--wholly-features").split(",") if opt("--wholly-features") else WHOLLY_FEATURES
    cnames = [] if "--no-copying" in args else (opt("--copying-features").split(",") if opt("--copying-features") else COPYING_FEATURES)
    rows = labelled_rows(nd, meter, web, opt("--cache"))
    extra = opt("--extra")
    if extra:
        values = json.load(open(extra))
        missing = [r["id"] for r in rows if r["id"] not in values and r["corpus"] != "pasted"]
        rows = [r for r in rows if r["id"] in values]  # prototype features exist for the labelled stories only
        if missing:
            sys.exit(f"{extra}: no features for {len(missing)} stories, e.g. {missing[0]}")
        for r in rows:
            r["evidence"] = dict(r["evidence"], extra=values[r["id"]])
        for n in sorted({k for v in values.values() for k in v}):
            FEATURES[n] = ((lambda e, n=n: e["extra"][n]), f"prototype feature from {extra}")
    corpora = ("meter", "web")
    by = {c: [r for r in rows if r["corpus"] == c] for c in corpora}
    print(f"stories: METER {len(by['meter'])} in {len({r['group'] for r in by['meter']})} catchlines, web {len(by['web'])} in {len({r['group'] for r in by['web']})} events")
    print(f"derived model: {', '.join(dnames)}; wholly model: {', '.join(wnames)}; copying route: {', '.join(cnames) or 'none'}")
    for n in FEATURES:
        per = []
        for c in corpora:
            pos = [FEATURES[n][0](r["evidence"]) for r in by[c] if r["label"] != "non"]
            neg = [FEATURES[n][0](r["evidence"]) for r in by[c] if r["label"] == "non"]
            per.append(f"{c} AUC {auc(pos, neg):.3f}")
        print(f"  feature {n:14s} {' '.join(per)}  ({FEATURES[n][1]})")

    def coefficients(title, m):
        print(f"{title}: derived " + ", ".join(f"{n} {b:+.3f}" for n, b in zip(["intercept"] + dnames, m[0]))
              + "; wholly " + ", ".join(f"{n} {b:+.3f}" for n, b in zip(["intercept"] + wnames, m[1]))
              + ("" if m[2] is None else "; copying " + ", ".join(f"{n} {b:+.3f}" for n, b in zip(["intercept"] + cnames, m[2]))))

    models = fit_models(rows, dnames, wnames, cnames)
    coefficients("fitted coefficients", models)
    fitted = {c: figures(by[c], predict(models, by[c], dnames, wnames, cnames)) for c in corpora}
    cv_preds = cross_validate(rows, dnames, wnames, cnames)
    cv = {c: figures([r for r in rows if r["corpus"] == c], [p for r, p in zip(rows, cv_preds) if r["corpus"] == c]) for c in corpora}
    loco = {}
    for c in corpora:
        train = [r for r in rows if r["corpus"] != c]  # the pasted stories stay in both
        alone = fit_models(train, dnames, wnames, cnames)
        coefficients(f"  fitted without {c}", alone)  # what each corpus asks of the weights
        loco[c] = figures(by[c], predict(alone, by[c], dnames, wnames, cnames))
    pasted = [r for r in rows if r["corpus"] == "pasted"]
    if pasted:
        by_k = collections.defaultdict(list)
        for r, (v, _) in zip(rows, cv_preds):
            if r["corpus"] == "pasted":
                by_k[r["k"]].append(v != "non")
        print("pasted stories judged derived, CV (by sentences pasted): " + ", ".join(f"{k}: {sum(by_k[k])}/{len(by_k[k])}" for k in sorted(by_k)))
    for c in corpora:
        print(f"{c}:")
        show("fitted", fitted[c])
        show("CV (leave group out)", cv[c])
        show("LOCO (other corpus)", loco[c])
        print(f"  fitted - CV gap: binary {fitted[c]['binary'] - cv[c]['binary']:+.3f}, macro-F1 {fitted[c]['f1'] - cv[c]['f1']:+.3f}, AUC {fitted[c]['auc'] - cv[c]['auc']:+.3f}")
    if opt("--baseline"):
        bnames = opt("--baseline").split(",")
        base_preds = cross_validate(rows, bnames, wnames, cnames)
        print(f"CV difference, derived model ({', '.join(dnames)}) - ({', '.join(bnames)}), 95% interval over 1,000 resamples of the groups:")
        for c in corpora:
            (b, bl, bh), (a, al, ah) = compare(rows, cv_preds, base_preds, c)
            print(f"  {c:6s} binary {b:+.3f} [{bl:+.3f}, {bh:+.3f}]  AUC {a:+.3f} [{al:+.3f}, {ah:+.3f}]")
    if "--thresholds" in args:
        print("CV P(derived) against the derived threshold (binary accuracy at each):")
        for c in corpora:
            p = np.array([x for r, (_, x) in zip(rows, cv_preds) if r["corpus"] == c])
            d = np.array([r["label"] != "non" for r in rows if r["corpus"] == c])
            print(f"  {c:6s} mean P {p.mean():.3f}, derived share {d.mean():.3f};  "
                  + "  ".join(f"{t:.1f}: {((p >= t) == d).mean():.3f}" for t in (0.3, 0.4, 0.5, 0.6, 0.7)))
    if "--misread" in args:
        for r, (v, p) in zip(rows, cv_preds):
            if v != r["label"] and r["corpus"] != "pasted":
                print(f"  CV misread {r['corpus']} {r['id']}: {r['label']} -> {v} (P(derived) {p:.2f}) " + " ".join(f"{n}={FEATURES[n][0](r['evidence']):+.2f}" for n in FEATURES))
    out = opt("--write")
    if out:
        command = "scripts/fit-verdict.py NEARDUP ../shared/eval/meter-dev ../shared/eval/web-rewrites-dev --write " + out
        data = f"METER dev split ({len(by['meter'])} stories), web-rewrites-dev ({len(by['web'])} stories), {len(pasted)} pasted stories made from METER dev"
        tmp = out + ".tmp"
        open(tmp, "w").write(swift_file(models, dnames, wnames, cnames, command, data))
        os.replace(tmp, out)
        print(f"wrote {out}")


if __name__ == "__main__":
    main()
