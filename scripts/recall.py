#!/usr/bin/env python3
"""Recall of `neardup dedup` against the planted pairs of `neardup generate --truth`.

    neardup generate --documents 20000 --seed 42 -o corpus.jsonl --truth truth.jsonl
    neardup dedup corpus.jsonl --threshold 0.8 --pairs pairs.jsonl
    python3 scripts/recall.py truth.jsonl pairs.jsonl --threshold 0.8

A planted pair counts only when its exact Jaccard (the truth file's "jaccard", measured with
dedup's default shingles unless generate was given --shingle) is at or above the threshold: an
edit can take a pair below it, and dedup is right not to report such a pair. A counted pair is
found when dedup lists it (either order), or when both documents are in one large cluster that
dedup lists member by member against its representative (lines with "group").
Recall only: the corpus has near-duplicate pairs that were not planted (two copies of one
source), so pairs missing from the truth file are not false positives.
"""
import argparse
import json
import sys


def record(path, number, line, fields):
    """The JSON object on line `number` of `path`, with `fields`; exits naming the file and line otherwise."""
    try:
        value = json.loads(line)
    except ValueError as error:
        sys.exit("%s:%d: not JSON: %s" % (path, number, error))
    if not isinstance(value, dict) or any(field not in value for field in fields):
        sys.exit("%s:%d: not a line with the fields %s" % (path, number, ", ".join(fields)))
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("truth", help="the --truth file of neardup generate")
    parser.add_argument("pairs", help="the --pairs file of neardup dedup")
    parser.add_argument("--threshold", type=float, default=0.8, help="dedup's --threshold (default 0.8)")
    parser.add_argument("--missed", action="store_true", help="list the counted pairs dedup did not find")
    args = parser.parse_args()

    found, group_of = set(), {}
    with open(args.pairs, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            pair = record(args.pairs, number, line, ("a", "b"))
            if "group" in pair:
                group_of[pair["b"]] = pair["a"]
                group_of[pair["a"]] = pair["a"]
            found.add(frozenset((pair["a"], pair["b"])))

    planted, counted, hits, missed = 0, 0, 0, []
    with open(args.truth, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            truth = record(args.truth, number, line, ("source", "duplicate"))
            planted += 1
            if "jaccard" not in truth:
                sys.exit("%s:%d: no \"jaccard\" field: make the truth file again with this neardup generate"
                         % (args.truth, number))
            if truth["jaccard"] < args.threshold:
                continue
            counted += 1
            a, b = truth["source"], truth["duplicate"]
            if frozenset((a, b)) in found or (a in group_of and group_of.get(b) == group_of[a]):
                hits += 1
            else:
                missed.append((a, b, truth["jaccard"]))

    recall = hits / counted if counted else 1.0
    print("recall %.4f: %d of %d planted pairs with jaccard >= %g found (%d planted in all)"
          % (recall, hits, counted, args.threshold, planted))
    if args.missed:
        for a, b, jaccard in missed:
            print("missed %s %s jaccard %.6f" % (a, b, jaccard))


if __name__ == "__main__":
    main()
