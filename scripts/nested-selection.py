#!/usr/bin/env python3
"""Nested cross-validation of the verdict model's feature selection: does choosing features by
cross-validation carry over to stories the choice never saw?

  scripts/nested-selection.py CACHE [--extra FILE] [--pool a,b,c] [--forward K]

CACHE is the file `scripts/fit-verdict.py ... --cache CACHE` writes; --extra a file of prototype
features (as fit-verdict's --extra, e.g. from scripts/plain-features.py). The pool is every
feature fit-verdict.py knows plus the extra ones, or --pool.

The outer loop is fit-verdict.py's cross-validation: each METER catchline and each web event is
scored by a model fitted without it. Inside each outer fold the features are chosen again, on the
training groups only, by an inner 5-fold cross-validation grouped the same way (folds by a hash of
the group). Two ways to choose:

  default      one step from the shipped derived model (fit-verdict.py's DERIVED_FEATURES): keep it,
               replace `vocabulary` by a pool feature, or add one; the inner METER binary accuracy
               (then AUC) decides, and a candidate must not lose inner web accuracy against the
               shipped one. This is the search docs/EVALUATION.md reports, done inside the folds.
  --forward K  forward selection from nothing, up to K features, by the inner log-loss (each corpus
               weighted equally, as in the fit).

It prints what the folds chose, the outer binary accuracy and AUC of P(derived) per corpus beside
the shipped model's (its features fixed, fitted in the same folds), and the METER difference with
a 95% interval over 1,000 bootstrap resamples of the catchlines (seed 1). The wholly model is not
selected (it does not move binary accuracy or AUC). numpy; a development-time tool.
"""
import collections, hashlib, importlib.util, json, os, sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("fit_verdict", os.path.join(HERE, "fit-verdict.py"))
fv = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fv)

INNER_FOLDS = 5


class Data:
    def __init__(self, rows, names):
        self.names = names
        self.X = np.array([[fv.FEATURES[n][0](r["evidence"]) for n in names] for r in rows])
        self.y = np.array([r["label"] != "non" for r in rows], dtype=float)
        self.corpus = np.array([r["corpus"] for r in rows])
        self.group = np.array([r["corpus"] + ":" + r["group"] for r in rows])

    def weights(self, idx):
        """Each corpus weighs the same in the fit, as in fit-verdict.py."""
        c = self.corpus[idx]
        w = np.empty(len(idx))
        for k in set(c):
            w[c == k] = len(idx) / (len(set(c)) * (c == k).sum())
        return w

    def prob(self, train, test, cols):
        beta = fv.fit(self.X[np.ix_(train, cols)], self.y[train], self.weights(train))
        return fv.prob(beta, self.X[np.ix_(test, cols)])

    def inner(self, train, cols):
        """Inner grouped CV on the training rows: P(derived) of each."""
        fold = np.array([int(hashlib.md5(g.encode()).hexdigest(), 16) % INNER_FOLDS for g in self.group[train]])
        p = np.empty(len(train))
        for f in range(INNER_FOLDS):
            m = fold == f
            p[m] = self.prob(train[~m], train[m], cols)
        return p


def accuracy(p, y):
    return float(((p >= 0.5) == (y > 0)).mean()) if len(y) else 1.0


def choose_step(d, train, shipped, pool):
    """The shipped model, one swap for vocabulary or one addition, by inner METER accuracy then AUC."""
    candidates = [("shipped", shipped)]
    candidates += [(f"{n} for vocabulary", [pool[n]] + shipped[1:]) for n in pool if pool[n] not in shipped]
    candidates += [(f"+{n}", shipped + [pool[n]]) for n in pool if pool[n] not in shipped]
    meter, web = d.corpus[train] == "meter", d.corpus[train] == "web"
    y = d.y[train]
    scored = []
    for name, cols in candidates:
        p = d.inner(train, cols)
        scored.append(((accuracy(p[meter], y[meter]), fv.rank_auc(p[meter], y[meter] > 0)), accuracy(p[web], y[web]), name, cols))
    web_floor = scored[0][1]
    best = max((s for s in scored if s[1] >= web_floor), key=lambda s: s[0])
    return best[2], best[3]


def choose_forward(d, train, pool, most):
    def loss(cols):
        p = np.clip(d.inner(train, cols), 1e-6, 1 - 1e-6)
        w, y = d.weights(train), d.y[train]
        return -(w * (y * np.log(p) + (1 - y) * np.log(1 - p))).sum() / w.sum()
    chosen, best = [], np.inf
    while len(chosen) < most:
        l, j = min((loss(chosen + [j]), j) for j in pool.values() if j not in chosen)
        if l >= best - 1e-4:
            break
        best, chosen = l, chosen + [j]
    return ",".join(d.names[j] for j in chosen), chosen


def main():
    args = sys.argv[1:]
    if not args or args[0].startswith("--"):
        sys.exit(__doc__)
    opt = lambda k: args[args.index(k) + 1] if k in args else None
    rows = json.load(open(args[0]))
    if opt("--extra"):
        values = json.load(open(opt("--extra")))
        for r in rows:
            r["evidence"] = dict(r["evidence"], extra=values[r["id"]])
        for n in sorted({k for v in values.values() for k in v}):
            fv.FEATURES[n] = ((lambda e, n=n: e["extra"][n]), "prototype")
    shipped_names = list(fv.DERIVED_FEATURES)
    pool_names = opt("--pool").split(",") if opt("--pool") else [n for n in fv.FEATURES if n not in shipped_names]
    names = shipped_names + [n for n in pool_names if n not in shipped_names]
    d = Data(rows, names)
    shipped = list(range(len(shipped_names)))
    pool = {n: names.index(n) for n in pool_names}
    nested, fixed = np.empty(len(rows)), np.empty(len(rows))
    picks = collections.Counter()
    for g in sorted(set(d.group)):
        test, train = np.where(d.group == g)[0], np.where(d.group != g)[0]
        name, cols = choose_forward(d, train, pool, int(opt("--forward"))) if opt("--forward") else choose_step(d, train, shipped, pool)
        picks[name] += 1
        nested[test] = d.prob(train, test, cols)
        fixed[test] = d.prob(train, test, shipped)
    print("chosen in the outer folds: " + ", ".join(f"{n} ({k})" for n, k in picks.most_common(8)))
    for c in ("meter", "web"):
        m = d.corpus == c
        for label, p in (("nested selection", nested), ("shipped features", fixed)):
            print(f"  {c:6s} {label:17s} binary {accuracy(p[m], d.y[m]):.3f}  AUC {fv.rank_auc(p[m], d.y[m] > 0):.3f}")
    idx = np.where(d.corpus == "meter")[0]
    groups = sorted(set(d.group[idx]))
    members = {g: idx[d.group[idx] == g] for g in groups}
    rng = np.random.default_rng(1)
    diffs = []
    for _ in range(1000):
        pick = np.concatenate([members[groups[i]] for i in rng.choice(len(groups), len(groups))])
        y = d.y[pick]
        diffs.append((accuracy(nested[pick], y) - accuracy(fixed[pick], y), fv.rank_auc(nested[pick], y > 0) - fv.rank_auc(fixed[pick], y > 0)))
    diffs = np.array(diffs)
    print("  METER nested - shipped: " + "  ".join(
        f"{k} {diffs[:, i].mean():+.3f} [{np.percentile(diffs[:, i], 2.5):+.3f}, {np.percentile(diffs[:, i], 97.5):+.3f}]"
        for i, k in enumerate(("binary", "AUC"))))


if __name__ == "__main__":
    main()
