#!/usr/bin/env python3
"""Prototype plain-containment features for the verdict model, measured by fit-verdict.py's cross-validation.

  scripts/plain-features.py CACHE METER_DIR WEB_DIR OUT.json

CACHE is the file `scripts/fit-verdict.py ... --cache CACHE` writes (the stories, their groups and
their evidence); this script re-reads every story's text and its reference (for METER, the
catchline's PA files, each one a "take"), computes the features below in Python and writes
{story id: {feature: value}} for `fit-verdict.py ... --cache CACHE --extra OUT.json --features ...`.
docs/EVALUATION.md ("Plain containment, multi-take references and nested selection") has what they
measured. The question (issue 16): the scorers' plain share of a story's distinct words found in
the reference ranks METER dev better (AUC 0.874) than the fitted model (0.852, cross-validated):
does the model gain from the plain measures, or from normalising them for METER's multi-take
references?

Tokens are the scorers' own (`../shared/eval/meter_eval.py`): runs of [a-z0-9] in the lower-cased
text, the whole file (headline, byline and quotations included), no stems. Shares are log-odds,
smoothed like fit-verdict's counts ((a + 0.5) / (b + 1)).
  plain1..3    distinct word n-grams (n = 1, 2, 3) of the candidate found in the reference, of the candidate's;
  ovl1, ovl2   the same out of the smaller side's distinct n-grams (overlap coefficient);
  content1, content2
               plain1 and plain2 with StopWords.english dropped (read from the Swift source), the
               pairs taken over the remaining words;
  tokens1      running words (not distinct) of the candidate whose word the reference uses;
  take1..3     plainN against the single reference file that contains most (the best-matching take);
  cover2, cover3
               plainN against the takes a greedy cover picks (each must add 10 % of the
               candidate's n-grams): the takes the story draws on, not the others;
  logRefOverCand
               log of the reference's distinct words over the candidate's: how much larger the
               reference is, the chance share a multi-take reference gives any story.

The corpora are research-use only and never copied into the repository.
"""
import json, math, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def stop_words():
    src = open(os.path.join(HERE, "..", "Sources", "NearDupReport", "StopWords.swift"), encoding="utf-8").read()
    body = src[src.index("english: Set<String> = ["):]
    return set(re.findall(r'"([^"]+)"', body[:body.index("]")]))


def words(t):
    return re.findall(r"[a-z0-9]+", t.lower())


def grams(ws, n):
    return {tuple(ws[i:i + n]) for i in range(len(ws) - n + 1)}


def log_odds(a, b):
    p = (a + 0.5) / (b + 1.0)
    return math.log(p / (1.0 - p))


def reference_takes(corpus, group, meter, web):
    """A cached group's reference as its files' texts: a METER catchline's PA files, a web event's reference."""
    if corpus == "meter":
        pa = os.path.join(meter, group)
        return [open(os.path.join(pa, f), "rb").read().decode("latin-1") for f in sorted(os.listdir(pa)) if f.endswith(".txt")]
    return [open(os.path.join(web, group, "reference.txt"), encoding="utf-8").read()]


def story_path(row, meter, web):
    return os.path.join(meter if row["corpus"] == "meter" else web, row["id"])


def write_features(values, out):
    """Writes {story id: {feature: value}} to OUT through a temporary file, so no half-written OUT remains."""
    tmp = out + ".tmp"
    json.dump(values, open(tmp, "w"), indent=0)
    os.replace(tmp, out)
    print(f"wrote {out}: {len(values)} stories, {len(next(iter(values.values())))} features each")


def features(cand, takes, stop):
    cw = words(cand)
    rw = words("\n\n".join(takes))  # as fit-verdict.py and the scorers join the takes
    tw = [words(t) for t in takes]
    f = {}
    for n in (1, 2, 3):
        x, r = grams(cw, n), grams(rw, n)
        f[f"plain{n}"] = log_odds(len(x & r), len(x))
        if n < 3:
            f[f"ovl{n}"] = log_odds(len(x & r), min(len(x), len(r)))
        per_take = [grams(t, n) & x for t in tw]
        f[f"take{n}"] = log_odds(max(len(s) for s in per_take), len(x))
        if n > 1:
            covered = set()
            while True:
                gain = max(per_take, key=lambda s: len(s - covered))
                if len(gain - covered) < 0.1 * len(x):
                    break
                covered |= gain
            f[f"cover{n}"] = log_odds(len(covered), len(x))
    cc, rc = [w for w in cw if w not in stop], [w for w in rw if w not in stop]
    for n in (1, 2):
        x, r = grams(cc, n), grams(rc, n)
        f[f"content{n}"] = log_odds(len(x & r), len(x))
    vocab = set(rw)
    f["tokens1"] = log_odds(sum(w in vocab for w in cw), len(cw))
    f["logRefOverCand"] = math.log((len(vocab) + 1) / (len(set(cw)) + 1))
    return f


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    cache, meter, web, out = sys.argv[1:]
    stop = stop_words()
    values = {}
    for row in json.load(open(cache)):
        raw = open(story_path(row, meter, web), "rb").read()
        cand = raw.decode("latin-1") if row["corpus"] == "meter" else raw.decode("utf-8")
        values[row["id"]] = features(cand, reference_takes(row["corpus"], row["group"], meter, web), stop)
    write_features(values, out)


if __name__ == "__main__":
    main()
