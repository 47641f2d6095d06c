#!/usr/bin/env python3
"""Scores the report's evidence (its passages) against METER's phrase-level annotation.

  scripts/meter-alignment.py NEARDUP METER_DIR [--cache DIR] [--seeds SEEDS_DIR] [--misses N]

METER (Clough, Gaizauskas, Piao, Wilks 2002) annotates about half of its newspaper stories
phrase by phrase (`newspapers/annotated/**.sgml`): `<Verbatim>` and `<Rewrite>` spans were taken
from the PA copy of the catchline, `<New>` spans were not. For every annotated story the script
runs `NEARDUP report --format json` against its catchline's PA copy (all PA files of the folder,
concatenated, as ../shared/eval/meter_eval.py does), once per catchline, and compares the
passages with the annotation:

  words      a word of the story is *derived* when the annotation puts it in Verbatim or Rewrite,
             *new* in New; it is *covered* when a verbatim or paraphrase passage of the report
             holds it (quotation passages are shown by the report but never counted, so they do
             not cover). Recall: derived words covered / derived words; precision: derived words
             covered / annotated words covered. Counted on the narrative (words outside double
             quotation marks: the report aligns narrative only; METER marks a quotation the
             paper took from PA as Verbatim) and, as a second line, on every word with the
             quotation passages covering too.
  sentences  a sentence (split at . ! ? and paragraph breaks) is *derived* when at least half
             of its annotated words are, and *narrative* when less than half of its words are
             quoted. Recall: narrative derived sentences in which verbatim or paraphrase passages
             cover at least min(3, its words) words / narrative derived sentences.
  passages   a verbatim or paraphrase passage is *right* when at least half of its annotated
             words are derived. Precision: right passages / passages.

Figures per class of the story (wholly / partially / non-derived) and overall, on all annotated
stories and on two halves of the catchlines (A and B, by the md5 of "half:" + the PA folder):
choose settings on one half, confirm on the other. Issue 16's target for the evidence: sentence
recall >= 0.9 and passage precision >= 0.9.

Offsets: a passage's `candidate` span is in UTF-8 bytes of the text as the tool decoded it
(UTF-8, else Windows-1252 with the five undefined bytes as C1 controls: METER's files are
Latin-1); the script decodes the same way and maps the bytes back to characters. The annotated
text and the raw text differ in white space and a few characters, so their words are matched
with difflib; a raw word without a match is unannotated and counts nowhere.

--cache DIR keeps each catchline's report JSON, keyed by the tool binary's bytes, the NEARDUP_*
environment and the catchline (development runs repeat the same report). --seeds DIR (the
repository's seeds/) also scores the seed stories against the labels in
Tests/NearDupTests/Report/SeedAlignmentTests.swift, as that test does. --misses N prints up to N
narrative derived sentences the report missed and N wrong passages, per half.

Research use only: METER is never copied into the repository. Without the corpus the script says
so and exits 0.
"""
import collections, difflib, hashlib, json, os, re, subprocess, sys, tempfile

CLASSES = ("wholly", "partially", "non")
WORD = re.compile(r"[A-Za-z0-9]+")
TAG = re.compile(r"<(/?)(Verbatim|Rewrite|New|unclassified)\b[^>]*>")


def cp1252(data):
    """Decodes as the tool does: UTF-8 when valid, else Windows-1252, undefined bytes as C1 controls."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data), "windows-1252"


def byte_to_char(text):
    """UTF-8 byte offset -> character offset, for every offset up to the end."""
    table = []
    for i, ch in enumerate(text):
        table.extend([i] * len(ch.encode("utf-8")))
    table.append(len(text))
    return table


def annotation(path):
    """The annotated words of an .sgml file, in order: (word in lower case, label or None)."""
    text = open(path, "rb").read().decode("latin-1")
    body = text[text.find("<body>") + 6:text.rfind("</body>")]
    words, label, pos = [], None, 0
    for m in TAG.finditer(body):
        words.extend((w.lower(), label) for w in WORD.findall(body[pos:m.start()]))
        if m.group(2) != "unclassified":
            label = None if m.group(1) else m.group(2)
        pos = m.end()
    words.extend((w.lower(), label) for w in WORD.findall(body[pos:]))
    return words


def quoted_chars(text):
    """Whether each character is inside double quotation marks (reset at each blank line)."""
    breaks = {m.start() for m in re.finditer(r"\n[ \t\r]*\n", text)}
    inside, out = False, []
    for i, ch in enumerate(text):
        if i in breaks: inside = False
        if ch == "\u201c": inside = True
        elif ch == "\u201d": inside = False
        elif ch == '"': inside = not inside
        out.append(inside)
    return out


SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+|\n\s*\n")


def story(raw_path, sgml_path):
    """The raw story's words: (start, end, label, quoted), and its sentences as word-index ranges."""
    text, encoding = cp1252(open(raw_path, "rb").read())
    spans = [(m.start(), m.end()) for m in WORD.finditer(text)]
    raw = [text[a:b].lower() for a, b in spans]
    ann = annotation(sgml_path)
    labels = [None] * len(raw)
    matcher = difflib.SequenceMatcher(None, [w for w, _ in ann], raw, autojunk=False)
    for a, b, n in matcher.get_matching_blocks():
        for k in range(n): labels[b + k] = ann[a + k][1]
    q = quoted_chars(text)
    words = [(a, b, labels[i], q[a]) for i, (a, b) in enumerate(spans)]
    sentences, first, cuts = [], 0, [m.end() for m in SENTENCE_END.finditer(text)] + [len(text) + 1]
    k = 0
    for cut in cuts:
        last = k
        while last < len(words) and words[last][0] < cut: last += 1
        if last > k: sentences.append(range(k, last))
        k = last
    return text, encoding, words, sentences


def report(nd, root, pa, papers, cache, key_base):
    """The report JSON for the papers of one catchline (cached by binary, environment and catchline)."""
    key = hashlib.sha1((key_base + pa + "|" + "|".join(papers)).encode()).hexdigest()
    path = os.path.join(cache, key + ".json") if cache else None
    if path and os.path.exists(path): return json.load(open(path))
    pa_dir = os.path.join(root, pa)
    files = sorted(f for f in os.listdir(pa_dir) if f.endswith(".txt"))
    ref_text = "\n\n".join(open(os.path.join(pa_dir, f), "rb").read().decode("latin-1") for f in files)
    with tempfile.TemporaryDirectory() as tmp:
        ref = os.path.join(tmp, "reference.txt")
        open(ref, "w", encoding="utf-8").write(ref_text)
        r = subprocess.run([nd, "report", "--reference", ref, *[os.path.join(root, p) for p in papers], "--format", "json"],
                           capture_output=True, text=True, timeout=600)
    if r.returncode not in (0, 1) or not r.stdout.strip():
        sys.exit(f"report fails on {pa}: rc {r.returncode} {r.stderr.strip()[:300]}")
    data = json.loads(r.stdout)
    if path:
        tmp_path = path + ".tmp"
        json.dump(data, open(tmp_path, "w"))
        os.replace(tmp_path, path)
    return data


class Tally:
    def __init__(self):
        self.c = collections.Counter()

    def add(self, other):
        self.c.update(other.c)

    @staticmethod
    def ratio(a, b):
        return f"{a / b:.3f} ({a}/{b})" if b else "— (0/0)"


def score(cand, text, encoding, words, sentences, examples):
    """Adds one story's counts to a Tally; appends misses and wrong passages to examples."""
    t = Tally()
    c = t.c
    if cand.get("encoding", encoding) != encoding:
        sys.exit(f"{cand['id']}: the tool decoded it as {cand.get('encoding')}, the script as {encoding}")
    table = byte_to_char(text)
    narrative = [p for p in cand["passages"] if p["kind"] != "quotation"]
    quotations = [p for p in cand["passages"] if p["kind"] == "quotation"]

    def covered_by(passages):
        marks = [False] * len(words)
        for p in passages:
            a, b = table[p["candidate"]["start"]], table[p["candidate"]["end"]]
            for i, (s, e, _, _) in enumerate(words):
                if s < b and e > a: marks[i] = True
        return marks

    cov = covered_by(narrative)
    cov_all = [x or y for x, y in zip(cov, covered_by(quotations))]
    derived = lambda lab: lab in ("Verbatim", "Rewrite")
    for (s, e, lab, quoted), x, y in zip(words, cov, cov_all):
        if lab is None: continue
        if not quoted:
            c["narrative derived"] += derived(lab)
            c["narrative derived covered"] += derived(lab) and x
            c["narrative covered"] += x
        c["all derived"] += derived(lab)
        c["all derived covered"] += derived(lab) and y
        c["all covered"] += y
    for rng in sentences:
        ws = [words[i] for i in rng]
        annotated = [w for w in ws if w[2] is not None]
        if not annotated or 2 * sum(w[3] for w in ws) >= len(ws): continue
        if 2 * sum(derived(w[2]) for w in annotated) < len(annotated): continue
        c["sentences"] += 1
        hit = sum(cov[i] for i in rng) >= min(3, len(ws))
        c["sentences found"] += hit
        if not hit: examples.append(("missed", cand["id"], text[ws[0][0]:ws[-1][1]]))
    for p in narrative:
        a, b = table[p["candidate"]["start"]], table[p["candidate"]["end"]]
        inside = [w for w in words if w[0] < b and w[1] > a and w[2] is not None]
        if not inside: continue
        right = 2 * sum(derived(w[2]) for w in inside) >= len(inside)
        c["passages"] += 1
        c["passages right"] += right
        c[p["kind"] + " passages"] += 1
        c[p["kind"] + " passages right"] += right
        if not right: examples.append(("wrong " + p["kind"], cand["id"], text[a:b]))
    return t


def table_rows(name, tallies):
    r = Tally.ratio
    print(f"\n{name}")
    print("| stories | sentence recall | passage precision | narrative word recall | narrative word precision "
          "| all words recall (quotations in) | all words precision | paraphrase precision | verbatim precision |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for label, (n, t) in tallies.items():
        c = t.c
        print(f"| {label} ({n}) | {r(c['sentences found'], c['sentences'])} | {r(c['passages right'], c['passages'])} "
              f"| {r(c['narrative derived covered'], c['narrative derived'])} | {r(c['narrative derived covered'], c['narrative covered'])} "
              f"| {r(c['all derived covered'], c['all derived'])} | {r(c['all derived covered'], c['all covered'])} "
              f"| {r(c['paraphrase passages right'], c['paraphrase passages'])} | {r(c['verbatim passages right'], c['verbatim passages'])} |")


def seeds(nd, seeds_dir, test_file):
    """The seed figures as SeedAlignmentTests computes them (labels parsed from the test)."""
    src = open(test_file, encoding="utf-8").read()
    truth = [(f, bytes(s, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8"),
              bytes(e, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8"), {int(x) for x in refs.split(",")})
             for f, s, e, refs in re.findall(r'Truth\(file: "([^"]+)", start: "((?:[^"\\]|\\.)*)", end: "((?:[^"\\]|\\.)*)", references: \[([\d, ]+)\]\)', src)]
    names = ["001_adf1a9dcc95edd58.txt", "002_b0680b2d050e38bf.txt", "003_8096e96fb3e898e3.txt", "004_a520d6d120b814dc.txt"]
    r = subprocess.run([nd, "report", "--reference", os.path.join(seeds_dir, "000_ae173d8b20e40bc0.txt"),
                        *[os.path.join(seeds_dir, n) for n in names], "--format", "json"], capture_output=True, text=True, timeout=300)
    got = {os.path.basename(c.get("path", c["id"])): c for c in json.loads(r.stdout)["candidates"]}
    found = labelled = correct = passages = 0
    for name in names:
        utf8 = open(os.path.join(seeds_dir, name), "rb").read()
        labels = []
        for f, s, e, refs in truth:
            if f != name: continue
            a = utf8.find(s.encode("utf-8"))
            b = utf8.find(e.encode("utf-8"), max(a, 0))
            labels.append((range(a, b + len(e.encode("utf-8"))), refs))
        narrative = [p for p in got[name]["passages"] if p["kind"] != "quotation"]
        labelled += len(labels)
        found += sum(any(p["candidate"]["start"] in rng and refs & set(p["reference_sentences"]) for p in narrative) for rng, refs in labels)
        passages += len(narrative)
        correct += sum(any(p["candidate"]["start"] in rng and refs & set(p["reference_sentences"]) for rng, refs in labels) for p in narrative)
    print(f"\nseeds (SeedAlignmentTests' labels): {found}/{labelled} labelled sentences found ({found / labelled:.3f}), "
          f"{correct}/{passages} narrative passages correct ({correct / max(1, passages):.3f})")


def main():
    args = sys.argv[1:]
    opts = {}
    for flag in ("--cache", "--seeds", "--misses"):
        if flag in args:
            i = args.index(flag)
            opts[flag] = args[i + 1]
            del args[i:i + 2]
    if len(args) != 2: sys.exit(__doc__)
    nd, root = args
    annotated_root = os.path.join(root, "newspapers", "annotated")
    if not os.path.isdir(annotated_root):
        print(f"no METER annotation at {annotated_root}: nothing to score")
        return
    cache = opts.get("--cache")
    if cache: os.makedirs(cache, exist_ok=True)
    key_base = hashlib.sha1(open(nd, "rb").read()).hexdigest() + "|" + "|".join(
        f"{k}={v}" for k, v in sorted(os.environ.items()) if k.startswith("NEARDUP_")) + "|"
    groups = collections.defaultdict(list)  # PA folder -> (raw path, sgml path, class)
    for dirpath, _, files in os.walk(annotated_root):
        for f in sorted(files):
            if not f.endswith(".sgml"): continue
            sgml = os.path.join(dirpath, f)
            head = open(sgml, "rb").read().decode("latin-1")
            if not re.search(r"<(Verbatim|Rewrite|New)\b", head): continue
            cls = re.search(r'classification="(\w+)-derived"', head).group(1)
            rel = os.path.relpath(sgml, root).replace("newspapers/annotated", "newspapers/rawtexts", 1)[:-5] + ".txt"
            pa = os.path.dirname(rel).replace("newspapers/rawtexts", "PA/rawtexts", 1)
            if os.path.isdir(os.path.join(root, pa)) and os.path.exists(os.path.join(root, rel)):
                groups[pa].append((rel, sgml, cls))
    half_of = lambda pa: "A" if int(hashlib.md5(("half:" + pa).encode()).hexdigest(), 16) % 2 == 0 else "B"
    tallies = {h: {c: [0, Tally()] for c in CLASSES + ("all",)} for h in ("all", "A", "B")}
    examples = {"A": [], "B": []}
    for pa in sorted(groups):
        papers = groups[pa]
        data = report(nd, root, pa, [p for p, _, _ in papers], cache, key_base)
        got = {os.path.basename(c.get("path", c["id"])): c for c in data["candidates"]}
        h = half_of(pa)
        for rel, sgml, cls in papers:
            text, encoding, words, sentences = story(os.path.join(root, rel), sgml)
            t = score(got[os.path.basename(rel)], text, encoding, words, sentences, examples[h])
            for half in ("all", h):
                for c in (cls, "all"):
                    tallies[half][c][0] += 1
                    tallies[half][c][1].add(t)
    for half, title in (("all", "all annotated stories"), ("A", "half A (choose on)"), ("B", "half B (confirm on)")):
        table_rows(f"METER dev, {title}, {sum(len(groups[p]) for p in groups if half in ('all', half_of(p)))} stories, "
                   f"{sum(1 for p in groups if half in ('all', half_of(p)))} catchlines",
                   {c: tuple(tallies[half][c]) for c in CLASSES + ("all",)})
    if "--misses" in opts:
        n = int(opts["--misses"])
        for h in ("A", "B"):
            for kind in ("missed", "wrong paraphrase", "wrong verbatim"):
                rows = [e for e in examples[h] if e[0] == kind][:n]
                for _, ident, snippet in rows:
                    print(f"[{h}] {kind} {ident}: {' '.join(snippet.split())[:240]}")
    if "--seeds" in opts:
        here = os.path.dirname(os.path.abspath(__file__))
        seeds(nd, opts["--seeds"], os.path.join(here, "..", "Tests", "NearDupTests", "Report", "SeedAlignmentTests.swift"))


if __name__ == "__main__":
    main()
