#!/usr/bin/env python3
"""Skewed corpora for issue 9 (BENCHMARKS.md, "Skewed corpora"): copies of one document, copies among distinct documents,
near-copies (boilerplate with a changing line). Usage:
  skewed.py copies N OUT            N exact copies of one ~2 KB story
  skewed.py mixed BASE.jsonl C OUT  BASE's documents plus C copies of its first document, interleaved
  skewed.py distinct N OUT         N distinct stories of the same shape
  skewed.py near N OUT              N near-copies of one story (one changing number each)
  skewed.py boiler BASE.jsonl PAGES FRACTION OUT  BASE plus copies of PAGES boilerplate pages (FRACTION of the output)
  skewed.py slowfirst BASE.jsonl OUT  one 43 MB document (6 million words), then BASE
  skewed.py fuzzy N OUT            N variants of one story (3-13 words replaced each) plus N other stories
"""
import json, random, sys
rng = random.Random(9)
WORDS = "the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their has would when if so no out up into what more can about other".split()
def story(r, n=350):
    return " ".join(r.choice(WORDS) + str(r.randrange(500)) for _ in range(n))
mode = sys.argv[1]
if mode == "copies":
    n, out = int(sys.argv[2]), sys.argv[3]
    text = story(rng)
    with open(out, "w") as f:
        for i in range(n): f.write(json.dumps({"id": f"c{i}", "text": text}) + "\n")
elif mode == "distinct":
    n, out = int(sys.argv[2]), sys.argv[3]
    with open(out, "w") as f:
        for i in range(n): f.write(json.dumps({"id": f"d{i}", "text": story(rng)}) + "\n")
elif mode == "near":
    n, out = int(sys.argv[2]), sys.argv[3]
    text = story(rng)
    with open(out, "w") as f:
        for i in range(n): f.write(json.dumps({"id": f"n{i}", "text": text + f" visited {i} times"}) + "\n")
elif mode == "mixed":
    base, c, out = sys.argv[2], int(sys.argv[3]), sys.argv[4]
    lines = open(base).read().splitlines()
    copy = json.loads(lines[0])["text"]
    every = max(1, len(lines) // max(1, c))
    with open(out, "w") as f:
        made = 0
        for i, line in enumerate(lines):
            f.write(line + "\n")
            while made < c and (i % every == 0 or i == len(lines) - 1):
                f.write(json.dumps({"id": f"copy{made}", "text": copy}) + "\n"); made += 1
                if i != len(lines) - 1: break
elif mode == "slowfirst":
    base, out = sys.argv[2], sys.argv[3]
    r = random.Random(1)
    words = [f"w{i}" for i in range(50000)]
    with open(out, "w") as f:
        f.write(json.dumps({"id": "huge", "text": " ".join(r.choice(words) for _ in range(6_000_000))}) + "\n")
        for line in open(base): f.write(line)
elif mode == "fuzzy":
    n, out = int(sys.argv[2]), sys.argv[3]
    r = random.Random(3)
    base = story(random.Random(11), 300).split()
    with open(out, "w") as f:
        for i in range(n):
            w = list(base)
            for _ in range(r.randrange(3, 14)):
                w[r.randrange(len(w))] = r.choice(WORDS) + str(r.randrange(500))
            f.write(json.dumps({"id": f"f{i}", "text": " ".join(w)}) + "\n")
        for i in range(n):
            f.write(json.dumps({"id": f"o{i}", "text": story(r, 300)}) + "\n")
elif mode == "boiler":
    base, pages, frac, out = sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
    texts = [story(random.Random(p), 300) for p in range(pages)]
    made = 0
    with open(base) as src, open(out, "w") as f:
        for i, line in enumerate(src):
            f.write(line)
            # after each base document, add copies so that copies are `frac` of the output
            while made < (i + 1) * frac / (1 - frac):
                f.write(json.dumps({"id": f"b{made}", "text": texts[rng.randrange(pages)]}) + "\n"); made += 1
