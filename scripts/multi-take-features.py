#!/usr/bin/env python3
"""Prototype features that read a multi-take reference take by take, for fit-verdict.py's cross-validation.

  scripts/multi-take-features.py NEARDUP CACHE METER_DIR WEB_DIR OUT.json

The model's `inOrder` is the longest chain of aligned candidate sentences that follow the
reference's sentence order, across the whole reference. METER's reference is a catchline's PA
files ("takes") concatenated, and a later take restates the earlier ones, so a story written from
takes 3 and 1 follows each of them but not their concatenation. This script runs `NEARDUP report
--format json` once per METER catchline and per web event (the reference joined as fit-verdict.py
joins it), rebuilds the aligned pairs from the passages (a paraphrase passage, or a verbatim one
outside every paraphrase, gives its candidate position and its first reference sentence), finds
the take of each reference sentence from its span, and writes {story id: {feature: value}} for
`fit-verdict.py ... --cache CACHE --extra OUT.json`:

  inOrderPy        the chain over the whole reference from the rebuilt pairs: the control (the
                   tool's in_order_sentences, rebuilt; equal for most stories, not all);
  inOrderTakes     the sum over takes of each take's own chain;
  inOrderBestTake  the longest chain inside one take;
  takesUsed        how many takes the aligned sentences draw on;
  retoldCountPy    log(1 + reference sentences a passage cites): the control for retoldCount;
  retoldCountDedup the same with the reference's repeated sentences merged (a later take restating
                   an earlier sentence: word Jaccard >= 0.6 with one already counted).
Chains are log-odds of the count out of min(candidate, reference narrative sentences), as inOrder.
A web event's reference is one take, so there the three chains are the same.

The corpora are research-use only and never copied into the repository.
"""
import bisect, collections, importlib.util, json, math, os, re, subprocess, sys, tempfile

spec = importlib.util.spec_from_file_location("plain_features", os.path.join(os.path.dirname(os.path.abspath(__file__)), "plain-features.py"))
plain = importlib.util.module_from_spec(spec)
spec.loader.exec_module(plain)


def chain(seq):
    """Length of the longest strictly increasing subsequence."""
    tails = []
    for v in seq:
        i = bisect.bisect_left(tails, v)
        if i == len(tails):
            tails.append(v)
        else:
            tails[i] = v
    return len(tails)


def words(text):
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def distinct(numbers, text):
    """The numbers left when each sentence whose words repeat an earlier kept one's (Jaccard >= 0.6) is dropped."""
    kept = []
    for n in numbers:
        if not any(len(text[n] & text[m]) / max(1, len(text[n] | text[m])) >= 0.6 for m in kept):
            kept.append(n)
    return kept


def log_odds(a, b):
    p = (min(a, b) + 0.5) / (b + 1.0)
    return math.log(p / (1.0 - p))


def aligned_sources(passages):
    """The first reference sentence of each aligned candidate sentence, in candidate order."""
    para = [p for p in passages if p["kind"] == "paraphrase" and p["reference_sentences"]]
    pairs = [(p["candidate"]["start"], p["reference_sentences"][0]) for p in para]
    for p in passages:
        inside = any(q["candidate"]["start"] <= p["candidate"]["start"] < q["candidate"]["end"] for q in para)
        if p["kind"] == "verbatim" and p["reference_sentences"] and not inside:
            pairs.append((p["candidate"]["start"], p["reference_sentences"][0]))
    return [r for _, r in sorted(pairs)]


def group_features(nd, takes, cand_paths, tmp):
    ref = os.path.join(tmp, "reference.txt")
    text = "\n\n".join(takes)
    open(ref, "w", encoding="utf-8").write(text)
    r = subprocess.run([nd, "report", "--reference", ref, *cand_paths, "--format", "json"], capture_output=True, text=True, timeout=300)
    if r.returncode not in (0, 1) or not r.stdout.strip():
        sys.exit(f"report fails: rc {r.returncode} {r.stderr.strip()[:300]}")
    doc = json.loads(r.stdout)
    starts, pos = [], 0
    for t in takes:  # spans are byte offsets in the reference as written (UTF-8)
        starts.append(pos)
        pos += len(t.encode("utf-8")) + 2
    take = {s["number"]: bisect.bisect_right(starts, s["span"]["start"]) - 1 for s in doc["reference"]["narrative_sentences"]}
    text = {s["number"]: words(s["text"]) for s in doc["reference"]["narrative_sentences"]}
    out = {}
    for c in doc["candidates"]:
        e = c["evidence"]
        seq = aligned_sources(c["passages"])
        retold = sorted({n for p in c["passages"] if p["kind"] != "quotation" for n in p["reference_sentences"]})
        per = collections.defaultdict(list)
        for v in seq:
            per[take[v]].append(v)
        room = min(e["narrative_sentences"], e["reference_narrative_sentences"])
        out[os.path.basename(c["path"])] = {
            "inOrderPy": log_odds(chain(seq), room),
            "inOrderTakes": log_odds(sum(chain(v) for v in per.values()), room),
            "inOrderBestTake": log_odds(max((chain(v) for v in per.values()), default=0), room),
            "takesUsed": float(len(per)),
            "retoldCountPy": math.log1p(len(retold)),
            "retoldCountDedup": math.log1p(len(distinct(retold, text))),
        }
    return out


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    nd, cache, meter, web, out = sys.argv[1:]
    groups = collections.defaultdict(list)
    for row in json.load(open(cache)):
        groups[(row["corpus"], row["group"])].append(row)
    values = {}
    with tempfile.TemporaryDirectory() as tmp:
        for (corpus, group), rows in sorted(groups.items()):
            takes = plain.reference_takes(corpus, group, meter, web)
            got = group_features(nd, takes, [plain.story_path(r, meter, web) for r in rows], tmp)
            for r in rows:
                values[r["id"]] = got[os.path.basename(r["id"])]
    plain.write_features(values, out)


if __name__ == "__main__":
    main()
