#!/usr/bin/env python3
"""Prototype rarity features for the verdict model, measured by fit-verdict.py's cross-validation.

  scripts/rarity-features.py CACHE METER_DIR WEB_DIR OUT.json

CACHE is the file `scripts/fit-verdict.py ... --cache CACHE` writes (the stories, their groups and
their evidence); this script re-reads every story's text and its reference, computes the features
below in Python (its own tokens: words in lower case, apostrophes dropped; no stems) and writes
{story id: {feature: value}} for `fit-verdict.py ... --cache CACHE --extra OUT.json --features ...`.
docs/EVALUATION.md ("Tried without gain") has what they measured. The question (issue 16): do
shared words and word pairs say more when weighed by how rare they are, so that an event's names
and a court's formulas weigh less than a reporter's phrasing?

Weights, each a feature family (shares are log-odds of weighted sums, smoothed by half a mean
weight, like fit-verdict's counts):
  py*   no weight: this script's tokens, the control for the others (py = body, quotations in);
  wf*   rarity in English at large: 9 - Zipf frequency from the `wordfreq` package (news, web,
        subtitles, books, Wikipedia...; a word pair weighs the sum of its words', wfmax* the
        larger); its data is CC-BY-SA 4.0;
  df*   rarity in the report: log((N + 2) / (df + 1)), df the number of the report's N other
        candidates that use the word or pair;
  ref*  rarity in the reference itself: 1 / (1 + ln tf), tf the times the reference uses the word
        or pair (1 for one it lacks): METER's references are several wire takes that repeat the
        event's names and charges, while a reporter's phrasing appears once;
  nn*   names and numbers set aside (a word written capitalised, not first in its sentence, and
        never in lower case in either text; a word with a digit).
Suffixes: Vocab (distinct content words the reference uses, of the candidate's), VocabOverlap and
BigramOverlap (of the smaller side's), Bigram (of the candidate's distinct word pairs), NarrVocab
(outside quotation marks). Also: rareSharedCount (log 1 + shared pairs of two content words, no
names), shared*NonNameShare (of what is shared, the share that is not names or numbers),
sharedMeanInfo (mean wordfreq rarity of the shared content words, names aside).

A development-time tool: `pip install wordfreq` (the Swift package does not use it). The corpora
are research-use only and never copied into the repository.
"""
import collections, json, math, os, re, sys


STOP = set("""a about above after again against all also am an and any are arent as at be because been before being below between both but by can
cannot cant could couldnt did didnt do does doesnt doing dont down during each either even ever few for from further had hadnt has hasnt have havent
having he hed hell her here heres hers herself hes him himself his how hows however i id if ill im in into is isnt it its itself ive just lets may me
might more most much must mustnt my myself neither no nor not now of off on once only or other ought our ours ourselves out over own same shall she
shed shell shes should shouldnt since so some such than that thats the their theirs them themselves then there theres these they theyd theyll theyre
theyve this those though through thus to too under until up upon very via was wasnt we wed well were werent weve what whats when whens where wheres
whether which while who whom whos whose why whys will with within without wont would wouldnt yet you youd youll your youre yours yourself yourselves
youve said says say saying told tell tells added adds according stated mr mrs ms""".split())  # StopWords.english

WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")
QUOTED = re.compile(r"(``|[\"“”]).*?(''|[\"“”])", re.S)


def clean_pa(t):
    """PA wire copy as distributed: drop the header block, headline, byline and end marks."""
    out = []
    for line in t.splitlines():
        s = line.strip()
        if not s or set(s) <= {"-"} or re.match(r"^\d\d:\d\d \d\d/\d\d/\d\d", s) or re.search(r"PA News<?$", s):
            continue
        if s.rstrip("<").strip().lower() in ("end", "more", "mfl", "ends"):
            continue
        if re.fullmatch(r"[A-Z0-9 ,.'\-:#&]+<?", s) and len(s) > 3:  # a headline in capitals
            continue
        out.append(s)
    return "\n".join(out).replace("#", "£").replace("<", "\n\n")


def sentences(t):
    """The text's sentences, each a list of (word in lower case without apostrophes, word as written)."""
    t = re.sub(r"\n\s*\n", " . ", t).replace("\n", " ")
    out = []
    for s in re.split(r"(?<=[.!?])\s+", t):
        ws = [(w.lower().replace("'", "").replace("’", ""), w) for w in WORD.findall(s)]
        if ws:
            out.append(ws)
    return out


_info = {}


def info(w):
    """-log10 of the word's frequency in English at large (wordfreq), 9 for a word it lacks."""
    if w not in _info:
        from wordfreq import zipf_frequency  # imported here, so that other scripts can reuse this one's text handling without it
        _info[w] = 9.0 - zipf_frequency(w, "en")
    return _info[w]


class Text:
    def __init__(self, raw, pa=False):
        t = clean_pa(raw) if pa else raw
        sents = sentences(t)
        lower, cap = set(), set()
        for s in sents:
            for i, (w, o) in enumerate(s):
                if o[0].islower():
                    lower.add(w)
                elif o[0].isupper() and i > 0:
                    cap.add(w)
        self.names = cap - lower
        self.tf = collections.Counter(w for s in sents for w, _ in s if w not in STOP)
        self.content = set(self.tf)
        self.narrative = {w for s in sentences(QUOTED.sub(" . ", t)) for w, _ in s if w not in STOP}
        self.bigram_tf = collections.Counter((s[i][0], s[i + 1][0]) for s in sents for i in range(len(s) - 1))
        self.bigrams = set(self.bigram_tf)


def logodds(a, b, eps):
    p = (a + eps) / (b + 2 * eps)
    return math.log(p / (1 - p))


def features(ref, cand, others):
    n = len(others)
    dfw = collections.Counter(w for o in others for w in o.content)
    dfb = collections.Counter(b for o in others for b in o.bigrams)
    one = lambda x: 1.0
    wf2 = lambda b: info(b[0]) + info(b[1])
    wfmax = lambda b: max(info(b[0]), info(b[1]))
    dfword = lambda w: math.log((n + 2) / (dfw[w] + 1))
    dfpair = lambda b: math.log((n + 2) / (dfb[b] + 1))
    refword = lambda w: 1.0 / (1.0 + math.log(max(1, ref.tf[w])))
    refpair = lambda b: 1.0 / (1.0 + math.log(max(1, ref.bigram_tf[b])))
    isname = lambda w: w in cand.names or w in ref.names or any(ch.isdigit() for ch in w)
    plain = lambda b: not (isname(b[0]) or isname(b[1]))
    total = lambda items, wt: sum(wt(x) for x in items)

    def contained(items, ref_items, wt):
        """Log-odds of the weight of `items` found in `ref_items`, of the weight of `items`."""
        eps = 0.5 * total(items, wt) / max(1, len(items))
        return logodds(total(items & ref_items, wt), total(items, wt), eps)

    def overlap(items, ref_items, wt):
        """The same, of the smaller side's weight (overlap coefficient)."""
        eps = 0.5 * total(items, wt) / max(1, len(items))
        return logodds(total(items & ref_items, wt), min(total(items, wt), total(ref_items, wt)), eps)

    C, R, CB, RB = cand.content, ref.content, cand.bigrams, ref.bigrams
    Cn, Rn = {w for w in C if not isname(w)}, {w for w in R if not isname(w)}
    CBn, RBn = {b for b in CB if plain(b)}, {b for b in RB if plain(b)}
    N, Nn = cand.narrative, {w for w in cand.narrative if not isname(w)}
    rare = lambda b: plain(b) and b[0] not in STOP and b[1] not in STOP
    S, SB, Sn = C & R, CB & RB, Cn & Rn
    return {
        "pyVocab": contained(C, R, one), "pyVocabOverlap": overlap(C, R, one),
        "pyNarrVocab": contained(N, R, one), "pyBigram": contained(CB, RB, one), "pyBigramOverlap": overlap(CB, RB, one),
        "wfVocab": contained(C, R, info), "wfVocabOverlap": overlap(C, R, info), "wfNarrVocab": contained(N, R, info),
        "wfBigram": contained(CB, RB, wf2), "wfBigramOverlap": overlap(CB, RB, wf2), "wfmaxBigramOverlap": overlap(CB, RB, wfmax),
        "nnVocab": contained(Cn, Rn, one), "nnNarrVocab": contained(Nn, R, one),
        "nnBigram": contained(CBn, RBn, one), "nnBigramOverlap": overlap(CBn, RBn, one),
        "wfnnVocab": contained(Cn, Rn, info), "wfnnBigramOverlap": overlap(CBn, RBn, wf2),
        "dfVocab": contained(C, R, dfword), "dfVocabOverlap": overlap(C, R, dfword), "dfNarrVocab": contained(N, R, dfword),
        "dfnnVocab": contained(Cn, Rn, dfword), "dfBigram": contained(CB, RB, dfpair), "dfBigramOverlap": overlap(CB, RB, dfpair),
        "dfnnBigram": contained(CBn, RBn, dfpair),
        "refVocab": contained(C, R, refword), "refVocabOverlap": overlap(C, R, refword),
        "refBigram": contained(CB, RB, refpair), "refBigramOverlap": overlap(CB, RB, refpair),
        "rareSharedCount": math.log1p(sum(1 for b in SB if rare(b))),
        "sharedNonNameShare": logodds(len(Sn), len(S), 0.5),
        "sharedBigramNonNameShare": logodds(len(SB & CBn), len(SB), 0.5),
        "sharedMeanInfo": total(Sn, info) / max(1, len(Sn)),
    }


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    cache, meter, web, out_path = sys.argv[1:]
    try:
        import wordfreq  # noqa: F401
    except ImportError:
        sys.exit("rarity-features.py needs the wordfreq package: pip install wordfreq")
    rows = json.load(open(cache))
    groups = collections.defaultdict(list)
    for r in rows:
        groups[(r["corpus"], r["group"])].append(r)
    out = {}
    for (corpus, g), rs in sorted(groups.items()):
        if corpus == "meter":  # as fit-verdict.py: the reference is the catchline's PA files concatenated
            d = os.path.join(meter, g)
            raw = "\n\n".join(open(os.path.join(d, f), "rb").read().decode("latin-1") for f in sorted(os.listdir(d)) if f.endswith(".txt"))
            ref = Text(raw, pa=True)
            cands = {r["id"]: Text(open(os.path.join(meter, r["id"]), "rb").read().decode("latin-1")) for r in rs}
        else:
            ref = Text(open(os.path.join(web, g, "reference.txt"), encoding="utf-8").read())
            cands = {r["id"]: Text(open(os.path.join(web, r["id"]), encoding="utf-8").read()) for r in rs}
        for r in rs:
            out[r["id"]] = features(ref, cands[r["id"]], [t for k, t in cands.items() if k != r["id"]])
    tmp = out_path + ".tmp"
    json.dump(out, open(tmp, "w"))
    os.replace(tmp, out_path)
    print(f"wrote {len(out)} stories' features to {out_path}")


if __name__ == "__main__":
    main()
