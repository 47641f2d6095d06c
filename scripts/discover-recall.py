#!/usr/bin/env python3
"""Recall and precision of `neardup discover` links against the rewrites `neardup generate` planted.

    neardup generate --documents 20000 --duplicates 0.05 --rewrites 0.2 --first-date 2024-01-01 \\
        --outlets 40 --seed 7 -o archive.jsonl --truth truth.jsonl
    neardup discover archive.jsonl --format jsonl > links.jsonl
    python3 scripts/discover-recall.py truth.jsonl links.jsonl

The truth file has one line per planted document: rewrites name "source" and "story" (with their
"kind" and "derivation"), near-duplicates "source" and "duplicate". Every line of LINKS needs
"story" and "source"; a line whose "verdict" is "non-derived" is not a link and is left out.

- Recall: the share of planted rewrites (story, source) that are links, in that direction; per
  kind and derivation too. Planted near-duplicates are counted on a line of their own, not in it.
- Precision: the share of links whose source is an ancestor of the story in the planted graph
  (its planted source, or that one's, and so on: a rewrite of a rewrite of X retells X). A link
  the other way round (the rewrite as source) or between two documents made from a common
  ancestor (two rewrites of one wire story) is counted wrong, and shown on a line of its own.

With --sources (the sources file of `neardup discover --sources`), recall counts only the planted
rewrites of those sources by stories outside them (the others cannot be found that way).

Exit status 0; 2 on a file that cannot be read (the file and line are named).
"""
import argparse
import collections
import json
import sys


def records(path, fields):
    """The JSON objects of `path` (blank lines skipped), each with `fields`; exits naming the line otherwise."""
    try:
        with open(path, encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    value = json.loads(line)
                except ValueError as error:
                    sys.stderr.write("%s:%d: not JSON: %s\n" % (path, number, error))
                    sys.exit(2)
                if not isinstance(value, dict) or any(not isinstance(value.get(f), str) for f in fields(value)):
                    sys.stderr.write("%s:%d: not a line with the fields %s\n" % (path, number, ", ".join(fields(value))))
                    sys.exit(2)
                yield value
    except OSError as error:
        sys.stderr.write("%s: %s\n" % (path, error.strerror))
        sys.exit(2)


def truth_fields(value):
    return ("source", "duplicate") if isinstance(value, dict) and "duplicate" in value else ("source", "story")


def ratio(a, b):
    return "%.4f (%d / %d)" % (a / b, a, b) if b else "n/a (0 / 0)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("truth", help="the --truth file of neardup generate --rewrites")
    parser.add_argument("links", help="the links (JSONL) of neardup discover")
    parser.add_argument("--missed", type=int, default=0, metavar="N", help="list N planted rewrites that were not found")
    parser.add_argument("--wrong", type=int, default=0, metavar="N", help="list N links that are not planted")
    parser.add_argument("--sources", metavar="FILE",
                        help="the JSONL sources discover searched the stories against: recall counts their rewrites only")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object instead")
    args = parser.parse_args()

    source_of, rewrites, duplicates = {}, [], []
    for value in records(args.truth, truth_fields):
        if "duplicate" in value:
            source_of[value["duplicate"]] = value["source"]
            duplicates.append((value["duplicate"], value["source"]))
        else:
            source_of[value["story"]] = value["source"]
            rewrites.append((value["story"], value["source"], value.get("kind", "?"), value.get("derivation", "?")))

    if args.sources:
        searched = {value["id"] for value in records(args.sources, lambda _: ("id",))}
        rewrites = [r for r in rewrites if r[1] in searched and r[0] not in searched]
        duplicates = [d for d in duplicates if d[1] in searched and d[0] not in searched]

    def ancestors(document):
        seen = []
        while document in source_of and len(seen) < 10_000:
            document = source_of[document]
            seen.append(document)
        return seen

    links, non_derived = set(), 0
    for value in records(args.links, lambda _: ("story", "source")):
        if value.get("verdict") == "non-derived":
            non_derived += 1
            continue
        links.add((value["story"], value["source"]))

    found_by = collections.defaultdict(lambda: [0, 0])
    missed = []
    for story, source, kind, derivation in rewrites:
        hit = (story, source) in links
        for key in ("all", "kind " + kind, "derivation " + derivation):
            found_by[key][0] += hit
            found_by[key][1] += 1
        if not hit:
            missed.append((story, source, kind, "reversed" if (source, story) in links else "absent"))
    duplicates_found = sum((d, s) in links for d, s in duplicates)

    right = reversed_links = relatives = 0
    wrong = []
    for story, source in sorted(links):
        if source in ancestors(story):
            right += 1
        elif story in ancestors(source):
            reversed_links += 1
            wrong.append((story, source, "reversed"))
        elif set(ancestors(story) + [story]) & set(ancestors(source) + [source]):
            relatives += 1
            wrong.append((story, source, "common ancestor"))
        else:
            wrong.append((story, source, "unrelated"))

    figures = {
        "planted_rewrites": len(rewrites), "links": len(links), "non_derived_lines": non_derived,
        "recall": found_by["all"][0] / found_by["all"][1] if found_by["all"][1] else None,
        "precision": right / len(links) if links else None,
        "recall_by": {k: {"found": v[0], "planted": v[1]} for k, v in sorted(found_by.items()) if k != "all"},
        "duplicates_found": duplicates_found, "planted_duplicates": len(duplicates),
        "wrong_reversed": reversed_links, "wrong_common_ancestor": relatives,
        "wrong_unrelated": len(links) - right - reversed_links - relatives,
    }
    if args.json:
        print(json.dumps(figures, sort_keys=True))
        return 0
    print("recall     %s planted rewrites linked to their source" % ratio(*found_by["all"]))
    for key in sorted(k for k in found_by if k != "all"):
        print("  %-28s %s" % (key, ratio(*found_by[key])))
    print("precision  %s links whose source is an ancestor of the story" % ratio(right, len(links)))
    print("  wrong: %d reversed, %d between documents of a common ancestor, %d unrelated"
          % (reversed_links, relatives, figures["wrong_unrelated"]))
    print("near-duplicates (not in recall): %s linked to their source" % ratio(duplicates_found, len(duplicates)))
    if non_derived:
        print("(%d lines with verdict non-derived left out)" % non_derived)
    for story, source, kind, why in missed[:args.missed]:
        print("missed %s <- %s (%s, %s)" % (story, source, kind, why))
    for story, source, why in wrong[:args.wrong]:
        print("wrong  %s <- %s (%s)" % (story, source, why))
    return 0


if __name__ == "__main__":
    sys.exit(main())
