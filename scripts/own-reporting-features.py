#!/usr/bin/env python3
"""Prototype features of a story's own reporting (what an independent story brings that the
reference does not have), measured by fit-verdict.py's cross-validation.

  scripts/own-reporting-features.py NEARDUP CACHE METER_DIR WEB_DIR OUT.json

CACHE is the file `scripts/fit-verdict.py ... --cache CACHE` writes (the stories, their groups and
their evidence). For every METER catchline and web event this script runs `NEARDUP report --format
json` once (the reference joined as fit-verdict.py joins it: its passages say which of a story's
sentences draw on the reference), and once per story with the story itself as the reference (the
tool's own sentences of the story, with their spans, title and wire layout handled as the report
handles them). It writes {story id: {feature: value}} for `fit-verdict.py ... --cache CACHE
--extra OUT.json --features ...`. docs/EVALUATION.md ("Evidence of a story's own reporting: tried
without gain") has what they measured. The question (issue 16): most of the model's errors are
independent court and show-business reports judged derived (they state the wire's facts in the
wire's formulas) and partially derived stories judged independent (one or two facts of the wire
amid their own reporting). Does evidence of the story's own reporting tell them apart?

Words are plain-features.py's (runs of [a-z0-9] in lower case, no stems); content words drop
StopWords.english; "in the reference" means anywhere in the whole reference text. Shares are
log-odds smoothed as fit-verdict's counts ((a + 0.5) / (b + 1)), so a story with none of the
thing scores 0.
  (a) ownQuotes       of the story's quotations of 4 words or more (text inside double quotes,
                      or single quotes opening a paragraph or after a space; a quotation left open
                      ends with its paragraph), those less than half of whose distinct content
                      words the reference uses: its own interviews;
      ownQuoteWords   the words inside those quotations, of the story's words;
  (b) newNames        of the story's distinct names (runs of words capitalised inside a sentence and
                      never written in lower case in the story, titles such as Mr dropped), those
                      none of whose words the reference uses: its own sources, other people;
      newNameCount    log(1 + that number);
  (c) newNumbers      of the story's distinct figures (digits, thousands separators dropped), those
                      the reference never writes;
  (d) lead            the best containment of the story's first narrative sentence's distinct
                      content words in any of the reference's first 3 narrative sentences (a
                      rewrite keeps the wire's lead);
      leadBigrams     the same with the sentence's distinct word pairs;
      leadTakes       lead, against the first 3 narrative sentences of every take (a METER
                      reference is several PA files; on the web set, the same as lead);
      lead2           the mean of lead over the story's first two narrative sentences;
  (e) ownRun          the longest run of consecutive narrative sentences of the story that no
                      passage of the report touches (nothing verbatim, paraphrased or quoted from
                      the reference), of the story's narrative sentences;
      ownRunWords     the words of that run, of the story's narrative words;
      ownRunCount     log(1 + the run's length in sentences).

The corpora are research-use only and never copied into the repository.
"""
import bisect, collections, importlib.util, json, math, os, re, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, file):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, file))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fv = load("fit_verdict", "fit-verdict.py")
plain = load("plain_features", "plain-features.py")
rarity = load("rarity_features", "rarity-features.py")  # its sentence splitter (it needs wordfreq only for its own features)

MIN_QUOTE_WORDS = 4  # shorter quoted spans are mostly scare quotes and titles, not interviews
TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "judge", "justice", "qc"}
DOUBLE_OPEN, DOUBLE_CLOSE = "\"“", "\"”"
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def quotations(text):
    """The story's quoted spans: double quotes, or single quotes opening a paragraph or after a space;
    a quotation still open at its paragraph's end ends there (newspapers reopen it in the next one)."""
    out = []
    for para in re.split(r"\n", text):
        i, n = 0, len(para)
        while i < n:
            ch = para[i]
            single = ch in "'‘" and (i == 0 or para[i - 1] in " \t(") and i + 1 < n and para[i + 1].isalpha()
            if ch in DOUBLE_OPEN or single:
                closers = DOUBLE_CLOSE if not single else "'’"
                j = i + 1
                while j < n and not (para[j] in closers and (not single or j + 1 == n or not para[j + 1].isalpha())):
                    j += 1
                out.append(para[i + 1:j])
                i = j + 1
            else:
                i += 1
    return out


def names(text, stop):
    """The story's distinct names: runs of words capitalised inside a sentence, never written in lower case."""
    sents = rarity.sentences(text.replace("\n", "\n\n"))
    lower = {w for s in sents for w, o in s if o[0].islower()}
    runs, run = set(), []
    for s in sents:
        for i, (w, o) in enumerate(s + [("", "")]):
            if i > 0 and o and o[0].isupper() and w not in lower and w not in stop and w not in TITLES:
                run.append(w)
            elif run:
                runs.add(tuple(run))
                run = []
    return runs


def figures(text):
    return {m.replace(",", "").rstrip(".") for m in NUMBER.findall(text.replace("#", "£"))}


def content(text, stop):
    return {w for w in plain.words(text) if w not in stop}


def containment(part, whole):
    return len(part & whole) / max(1, len(part))


def lead_share(sentence, leads, stop):
    c = content(sentence, stop)
    return max((containment(c, content(r, stop)) for r in leads), default=0.0), c


def features(text, story_sentences, passages, ref_text, ref_sentences, ref_take, stop):
    ref_words = set(plain.words(ref_text))
    ref_figures = figures(ref_text)
    f = {}
    # (a) quotations of its own
    quotes = [q for q in quotations(text) if len(plain.words(q)) >= MIN_QUOTE_WORDS]
    own = [q for q in quotes if containment(content(q, stop), ref_words) < 0.5]
    f["ownQuotes"] = plain.log_odds(len(own), len(quotes))
    f["ownQuoteWords"] = plain.log_odds(sum(len(plain.words(q)) for q in own), len(plain.words(text)))
    # (b) names of its own
    runs = names(text, stop)
    new = [r for r in runs if not any(w in ref_words for w in r)]
    f["newNames"] = plain.log_odds(len(new), len(runs))
    f["newNameCount"] = math.log1p(len(new))
    # (c) figures of its own
    figs = figures(text)
    f["newNumbers"] = plain.log_odds(len(figs - ref_figures), len(figs))
    # (d) the lead
    leads = [s["text"] for s in ref_sentences[:3]]
    take_leads = [s["text"] for t in sorted(set(ref_take.values())) for s in [x for x in ref_sentences if ref_take[x["number"]] == t][:3]]
    first = [s["text"] for s in story_sentences[:2]]
    if first:
        share, c = lead_share(first[0], leads, stop)
        f["lead"] = plain.log_odds(share * len(c), len(c))
        pairs = plain.grams(plain.words(first[0]), 2)
        best = max((len(pairs & plain.grams(plain.words(r), 2)) for r in leads), default=0)
        f["leadBigrams"] = plain.log_odds(best, len(pairs))
        share_t, _ = lead_share(first[0], take_leads, stop)
        f["leadTakes"] = plain.log_odds(share_t * len(c), len(c))
        mean = sum(lead_share(s, leads, stop)[0] for s in first) / len(first)
        f["lead2"] = plain.log_odds(mean, 1)
    else:
        f["lead"] = f["leadBigrams"] = f["leadTakes"] = f["lead2"] = plain.log_odds(0, 0)
    # (e) the longest run of its own sentences
    spans = [(p["candidate"]["start"], p["candidate"]["end"]) for p in passages]
    best, best_words, cur, cur_words = 0, 0, 0, 0
    total_words = 0
    for s in story_sentences:
        a, b = s["span"]["start"], s["span"]["end"]
        n = len(plain.words(s["text"]))
        total_words += n
        if any(x < b and a < y for x, y in spans):
            cur, cur_words = 0, 0
        else:
            cur, cur_words = cur + 1, cur_words + n
            if cur > best or (cur == best and cur_words > best_words):
                best, best_words = cur, cur_words
    f["ownRun"] = plain.log_odds(best, len(story_sentences))
    f["ownRunWords"] = plain.log_odds(best_words, total_words)
    f["ownRunCount"] = math.log1p(best)
    return f


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    nd, cache, meter, web, out = sys.argv[1:]
    stop = plain.stop_words()
    groups = collections.defaultdict(list)
    for row in json.load(open(cache)):
        groups[(row["corpus"], row["group"])].append(row)
    values = {}
    with tempfile.TemporaryDirectory() as tmp:
        dummy = os.path.join(tmp, "placeholder.txt")  # a report needs a candidate; this one is never read
        open(dummy, "w").write("A placeholder with nothing to say.\n")
        for (corpus, group), rows in sorted(groups.items()):
            takes = plain.reference_takes(corpus, group, meter, web)
            ref = os.path.join(tmp, "reference.txt")
            ref_text = "\n\n".join(takes)  # as fit-verdict.py joins them
            open(ref, "w", encoding="utf-8").write(ref_text)
            paths = [plain.story_path(r, meter, web) for r in rows]
            doc = fv.report_document(nd, ref, paths)
            starts, pos = [], 0
            for t in takes:  # spans are byte offsets in the reference as written (UTF-8)
                starts.append(pos)
                pos += len(t.encode("utf-8")) + 2
            ref_sentences = doc["reference"]["narrative_sentences"]
            ref_take = {s["number"]: bisect.bisect_right(starts, s["span"]["start"]) - 1 for s in ref_sentences}
            got = {os.path.basename(c["path"]): c for c in doc["candidates"]}
            for r, path in zip(rows, paths):
                raw = open(path, "rb").read()
                text = raw.decode("cp1252", errors="replace") if corpus == "meter" else raw.decode("utf-8")  # METER as the tool reads it (Windows-1252)
                own = fv.report_document(nd, path, [dummy])["reference"]["narrative_sentences"]
                values[r["id"]] = features(text, own, got[os.path.basename(path)]["passages"], ref_text, ref_sentences, ref_take, stop)
    plain.write_features(values, out)


if __name__ == "__main__":
    main()
