#!/usr/bin/env python3
"""Compares NearDup's article extraction with trafilatura's on the saved-page fixtures.

A dev-time comparison only: trafilatura is not a dependency of NearDup. Set up once:

    python3 -m venv /tmp/extract-venv
    /tmp/extract-venv/bin/pip install trafilatura==2.3.1 lxml_html_clean

then, from the repository (after `swift build`):

    /tmp/extract-venv/bin/python scripts/compare-extraction.py [--neardup .build/debug/neardup] [FOLDER]

For each page of FOLDER (default Tests/NearDupTests/Fixtures/web) it prints the token-level
precision, recall and F1 of NearDup's body (`neardup extract --json`, field `body`) against
trafilatura's (`trafilatura.extract`, default settings, no comments), words lower-cased and
counted as a bag, and whether each metadata field agrees (title, byline, date to the day, outlet,
url). Then the totals over all pages (micro-averaged) and the words each side has alone.
"""
import argparse
import collections
import json
import pathlib
import re
import subprocess
import sys

import trafilatura

WORD = re.compile(r"\w+", re.UNICODE)


def tokens(text):
    return collections.Counter(w.lower() for w in WORD.findall(text or ""))


def prf(ours, theirs):
    overlap = sum((ours & theirs).values())
    precision = overlap / sum(ours.values()) if ours else 0.0
    recall = overlap / sum(theirs.values()) if theirs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return overlap, precision, recall, f1


def same(field, a, b):
    if a is None or b is None:
        return a is None and b is None
    if field == "date":
        return a[:10] == b[:10]
    if field == "byline":
        return set(re.split(r",\s*|\s+and\s+|;\s*", a)) == set(re.split(r",\s*|\s+and\s+|;\s*", b))
    return a.strip() == b.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", default="Tests/NearDupTests/Fixtures/web")
    parser.add_argument("--neardup", default=".build/debug/neardup")
    parser.add_argument("--show", action="store_true", help="print the words each side has alone")
    args = parser.parse_args()
    pages = sorted(pathlib.Path(args.folder).glob("*.htm*"))
    if not pages:
        sys.exit(f"compare-extraction: no .html pages in {args.folder}")
    total_ours, total_theirs, total_overlap = 0, 0, 0
    fields = ["title", "byline", "date", "outlet", "url"]
    agreed = collections.Counter()
    print(f"trafilatura {trafilatura.__version__}; token-level agreement of the article body (NearDup against trafilatura)")
    print(f"{'page':28} {'words':>6} {'trafi':>6} {'prec':>6} {'recall':>6} {'F1':>6}  metadata agreeing")
    for page in pages:
        run = subprocess.run([args.neardup, "extract", "--json", str(page)], capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"compare-extraction: neardup extract {page}: {run.stderr.strip()}")
        record = json.loads(run.stdout)
        html = page.read_text(encoding="utf-8")
        theirs_text = trafilatura.extract(html, include_comments=False, include_tables=True)
        ours, theirs = tokens(record["body"]), tokens(theirs_text)
        overlap, precision, recall, f1 = prf(ours, theirs)
        total_ours += sum(ours.values())
        total_theirs += sum(theirs.values())
        total_overlap += overlap
        meta = trafilatura.extract_metadata(html)
        their_meta = {
            "title": meta.title, "byline": meta.author, "date": meta.date, "outlet": meta.sitename, "url": meta.url,
        } if meta else {}
        our_meta = record.get("metadata") or {}
        agreeing = [f for f in fields if same(f, our_meta.get(f), their_meta.get(f))]
        agreed.update(agreeing)
        print(f"{page.name:28} {sum(ours.values()):6} {sum(theirs.values()):6} {precision:6.3f} {recall:6.3f} {f1:6.3f}  "
              f"{len(agreeing)}/5 {' '.join(agreeing)}")
        for f in fields:
            if f not in agreeing:
                print(f"{'':28}   {f}: neardup {our_meta.get(f)!r} / trafilatura {their_meta.get(f)!r}")
        if args.show:
            print(f"{'':28}   only NearDup: {' '.join(sorted((ours - theirs).elements()))}")
            print(f"{'':28}   only trafilatura: {' '.join(sorted((theirs - ours).elements()))}")
    precision = total_overlap / total_ours if total_ours else 0.0
    recall = total_overlap / total_theirs if total_theirs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{'all pages (micro)':28} {total_ours:6} {total_theirs:6} {precision:6.3f} {recall:6.3f} {f1:6.3f}  "
          + ", ".join(f"{f} {agreed[f]}/{len(pages)}" for f in fields))


if __name__ == "__main__":
    main()
