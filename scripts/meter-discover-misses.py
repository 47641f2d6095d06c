#!/usr/bin/env python3
"""Why `neardup discover` misses on METER: each miss of meter_discover.py put down to its stage.

Usage: meter-discover-misses.py NEARDUP METER_DIR [--split dev|test] [--list] [--tried] [--keep DIR]

Reads the corpus at run time as the evaluation's meter_discover.py does (nothing is copied) and
runs `discover` (the links), `discover sketch` + `candidates` (the candidate stage) and `discover
align --every-pair` (the report on each pair: every candidate, and each story against each PA text
of its own catchline alone and all of them joined, as meter_eval.py's reference). Prints the
scorer's figures, overall and on two halves of the catchlines (md5 of the PA folder, even / odd),
then the misses by cause (--list: each one):
  a        derived story, no right link: no own PA text among its candidates;
  b        a candidate, but the report calls it non-derived from each own PA text alone, and
           derived from them joined (b+: non-derived from them joined too: the verdict model);
  c-none   the report calls it derived from an own PA text alone, but discover links nothing;
  c-other  ... and discover links another catchline's PA text instead;
  d-wrong  derived story linked to another catchline's PA text, the report calling it derived
           from none of its own alone;
  d-own / d-other  non-derived story linked to a PA text of its own / another catchline.
--tried: the figures of RewriteLinker.links re-enacted on those reports (checked against the real
run's), and of the grouping changes tried (docs/EVALUATION.md, "Why discover misses on METER")."""
import atexit, collections, hashlib, json, os, shutil, subprocess, sys, tempfile
nd, root = sys.argv[1], sys.argv[2]
split = sys.argv[sys.argv.index("--split") + 1] if "--split" in sys.argv else "dev"
def md5(s): return int(hashlib.md5(s.encode()).hexdigest(), 16)
def read(p): return open(os.path.join(root, p), "rb").read().decode("latin-1")
def date_of(path):
    d, m, y = path.split("/")[-3].split(".")
    return f"{19 if int(y) >= 50 else 20}{y}-{m}-{d}"
labels = {}
for dom in ("courts", "showbiz"):
    for cls in ("wholly", "partially", "non"):
        for line in open(os.path.join(root, "file_index", dom, f"{cls}_derived.txt"), encoding="latin-1"):
            if line.strip(): labels[line.strip().replace("meter_corpus/", "", 1)] = cls
stories, sources, truth, catch = [], {}, {}, {}
for p, cls in sorted(labels.items()):
    pa = os.path.dirname(p).replace("newspapers/rawtexts", "PA/rawtexts", 1)
    if not os.path.isdir(os.path.join(root, pa)) or ("dev" if md5(pa) % 3 == 0 else "test") != split: continue
    if not os.path.isfile(os.path.join(root, p)): continue
    own = sorted(os.path.join(pa, f) for f in os.listdir(os.path.join(root, pa)) if f.endswith(".txt"))
    if not own: continue
    for f in own: sources[f] = {"id": f, "text": read(f), "date": date_of(f), "outlet": "PA"}
    outlet = os.path.basename(p).rsplit("_", 1)[-1].removesuffix(".txt")
    stories.append({"id": p, "text": read(p), "date": date_of(p), "outlet": outlet})
    truth[p], catch[p] = (cls, own), pa
tmp = sys.argv[sys.argv.index("--keep") + 1] if "--keep" in sys.argv else tempfile.mkdtemp()
if "--keep" not in sys.argv: atexit.register(shutil.rmtree, tmp, True)
os.makedirs(tmp, exist_ok=True)
def path(name): return os.path.join(tmp, name)
def write(name, recs):
    with open(path(name), "w", encoding="utf-8") as f:
        for r in recs: f.write(json.dumps(r, ensure_ascii=False) + "\n")
def run(*args): subprocess.run([nd, *args], check=True, capture_output=True)
def lines(name): return [json.loads(l) for l in open(path(name), encoding="utf-8") if l.strip()]
write("sources.jsonl", sources.values()); write("stories.jsonl", stories)
run("discover", "--sources", path("sources.jsonl"), path("stories.jsonl"), "-o", path("links.jsonl"))
run("discover", "sketch", path("sources.jsonl"), "-o", path("src.sk"))
run("discover", "sketch", path("stories.jsonl"), "-o", path("st.sk"))
run("discover", "candidates", "--sources", path("src.sk"), path("st.sk"), "-o", path("cand.jsonl"))
links, cands, weight = collections.defaultdict(set), collections.defaultdict(list), {}
for o in lines("links.jsonl"): links[o["story"]].add(o["source"])
for o in lines("cand.jsonl"): cands[o["story"]].append(o["source"]); weight[o["story"], o["source"]] = o["weight"]
def joined(ids): return " + ".join(ids)
report = {}
def judge(sets):  # the report on each (story, tuple of sources read together, in id order)
    todo = sorted({(s, t) for s, t in sets if (s, joined(t)) not in report})
    write("texts.jsonl", list(sources.values()) + [{"id": joined(t), "text": "\n\n".join(sources[x]["text"] for x in t)}
                                                   for t in {t for _, t in todo if len(t) > 1}])
    write("pairs.jsonl", [{"story": s, "source": joined(t), "weight": 0, "shared_terms": 0} for s, t in todo])
    run("discover", "align", "--every-pair", "--candidates", path("pairs.jsonl"), "--sources", path("texts.jsonl"),
        path("stories.jsonl"), "-o", path("judged.jsonl"))
    for o in lines("judged.jsonl"): report[o["story"], o["source"]] = o
def derived(s, t): return report[s, joined(t)]["verdict"] != "non-derived"
judge([(s, (x,)) for s in truth for x in set(cands[s]) | set(truth[s][1])] + [(s, tuple(truth[s][1])) for s in truth])

def cause(s, got):
    cls, own = truth[s]
    if cls == "non": return None if not got else ("d-own" if got & set(own) else "d-other")
    if got & set(own): return None if not got - set(own) else "d-wrong"
    if any(derived(s, (f,)) for f in own if f in cands[s]): return "c-other" if got else "c-none"
    if got: return "d-wrong"
    if not set(cands[s]) & set(own): return "a"
    return "b" if derived(s, tuple(own)) else "b+"
def scores(got, keep=lambda s: True):
    tp = fp = ok = n = nd = 0
    for s, (cls, own) in truth.items():
        if not keep(s): continue
        g = got(s); want = set(own) if cls != "non" else set()
        tp += bool(g & want); fp += len(g - want); n += 1; nd += bool(want)
        ok += (not g) if cls == "non" else (bool(g & want) and not (g - want))
    return f"precision {tp / max(1, tp + fp):.3f}, recall {tp / max(1, nd):.3f}, story accuracy {ok / max(1, n):.3f}"
def show(name, got):
    print(f"{name}: {scores(got)} ({len(truth)} stories)")
    for h in (0, 1): print(f"  half {h}: {scores(got, lambda s: md5(catch[s]) % 2 == h)}")
def links_of(s): return links.get(s, set())
show(f"METER {split} discover, {len(sources)} sources", links_of)
show("each story against its own catchline's PA texts joined (meter_eval's verdict)",
     lambda s: {truth[s][1][0]} if derived(s, tuple(truth[s][1])) else set())
counts = collections.Counter()
for s in truth:
    c = cause(s, links_of(s))
    if c: counts[c, truth[s][0]] += 1
    if c and "--list" in sys.argv: print(f"{c:8} {truth[s][0]:9} {s} -> {sorted(links_of(s))}")
print("cause    wholly partially non")
for c in sorted({c for c, _ in counts}): print(f"{c:8} " + " ".join(f"{counts[c, k]:>6}" for k in ("wholly", "partially", "non")))
if "--tried" not in sys.argv: sys.exit(0)

# RewriteLinker.links (selection .best) re-enacted: `extra(s, group)` adds sources to the ones read
# together; `empty` links a story no source gives a sentence to when the report calls it derived.
def ranked(s, xs): return sorted(xs, key=lambda x: (-report[s, x]["score"], -report[s, x]["coverage"], x))
def group_of(s): return ranked(s, [x for x in cands[s] if report[s, x]["derived_sentences"] > 0])
def related(a): return lambda s, g: [x for x in cands[s] if weight[s, x] >= a * weight[s, cands[s][0]]] if g else []
def together(s, extra): return tuple(sorted(set(group_of(s)) | set(extra(s, group_of(s)))))
def linker(s, extra=lambda s, g: [], empty=False):
    group, judged = group_of(s), [x for x in cands[s] if derived(s, (x,))]
    if not group: return {ranked(s, judged)[0]} if empty and judged else set()
    t, needs = together(s, extra), False
    if max(report[s, x]["derived_sentences"] for x in group) < 2 and not judged:
        if len(t) == 1: return set()
        needs = True
    if needs and report[s, joined(t)]["derived_sentences"] < 2: return set()
    return {group[0]} if derived(s, t) else set()
# Takes of one wire story: two candidates of a story, one of which the report derives two sentences of
# from the other (the sources compared as stories, their ids prefixed "take:").
write("takes.jsonl", [dict(v, id="take:" + v["id"]) for v in sources.values()])
write("take-pairs.jsonl", [{"story": "take:" + a, "source": b, "weight": 0, "shared_terms": 0}
                           for a, b in sorted({(a, b) for s in truth for a in cands[s] for b in cands[s] if a != b})])
run("discover", "align", "--every-pair", "--same-outlet", "--candidates", path("take-pairs.jsonl"), "--sources",
    path("sources.jsonl"), path("takes.jsonl"), "-o", path("takes-judged.jsonl"))
retells = {(o["story"][5:], o["source"]) for o in lines("takes-judged.jsonl") if o["derived_sentences"] >= 2}
def takes(s, g): return [c for c in cands[s] if any((c, x) in retells or (x, c) in retells for x in g)]
variants = [("together over candidates weighing >= %.1f of the heaviest" % a, related(a)) for a in (0.2, 0.4)] + [
    ("together over the sources giving a sentence and the other takes of their story", takes)]
judge([(s, together(s, extra)) for s in truth for extra in [lambda s, g: []] + [e for _, e in variants] if group_of(s)])
show("re-enacted RewriteLinker.links", linker)
assert all(linker(s) == links_of(s) for s in truth), "the re-enactment differs from discover's links"
show("a story no source gives a sentence to linked when the report alone calls it derived", lambda s: linker(s, empty=True))
for name, extra in variants: show(name, lambda s: linker(s, extra))
