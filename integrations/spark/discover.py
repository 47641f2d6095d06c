#!/usr/bin/env python3
"""NearDup's rewrite discovery on Apache Spark: the links of `neardup discover`, computed on a
cluster, each stage done by the binary (`neardup discover sketch|candidates|align`) on the
executors.

    python integrations/spark/discover.py --input archive.jsonl --output links.jsonl
    python integrations/spark/discover.py --sources wire.jsonl --input papers.jsonl --output links.jsonl
    spark-submit --files neardup integrations/spark/discover.py --input hdfs:///archive.jsonl ...

Stages: (1) each partition of records through `neardup discover sketch`; the sketches are
gathered in input order into one file that every executor receives (Spark's addFile); (2) each
partition of story sketches through `neardup discover candidates` against that file, with
`--same-archive` all against all (document frequencies and source order are the whole
archive's, as in one run), or against the sources' sketches; (3) the candidate pairs, grouped by
story, joined with the texts of their stories and sources, through `neardup discover align`.
The links are written in input order of the stories, each story's as the binary wrote them:
the same file `neardup discover --format jsonl` writes.

Options after the job's own are passed to every stage (`--language`, `--candidates`,
`--same-outlet`, `--links`, ...; see `neardup discover --help`).

Differences from one run, by design: a record needs a string id (one without is left out with a
message: its FILE:LINE id would name the executor's temporary file); a repeated id keeps its
first record, as neardup does. Each candidates task holds the whole archive's sketches (one
file, about 10 bytes per distinct content word of each story): the job spreads the sketching and
the alignment, the costly stages, but not the candidate index.

Exit status: 0, or 1 when some input was left out (reported on standard error), or 2 on an error.
"""
import argparse
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from neardup_spark import discovering, outputs  # noqa: E402
from neardup_spark.inputs import default_split, numbered_lines, ship_package  # noqa: E402
from neardup_spark.session import run_checked_job  # noqa: E402
from neardup_spark.positions import location, position  # noqa: E402

MESSAGE_LIMIT = 1000


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog="discover.py", description="Which stories were rewritten from which, on Spark.",
        epilog="Other options are passed to each stage of neardup discover.")
    parser.add_argument("--input", action="append", required=True, metavar="FILE",
                        help="a JSONL archive or stories file (id, text, optional date and outlet); repeat for several")
    parser.add_argument("--sources", action="append", default=[], metavar="FILE",
                        help="JSONL sources to search the inputs against; without, the inputs are searched all against all")
    parser.add_argument("--output", required=True, metavar="FILE", help="the links (JSONL), as neardup discover --format jsonl writes them")
    parser.add_argument("--id-field", default="id")
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--neardup", default="neardup",
                        help="the neardup binary on the executors: a name on PATH or shipped with --files, or a path")
    parser.add_argument("--master", help="Spark master when not run by spark-submit (default local[*])")
    parser.add_argument("--partitions", type=int, help="partitions of the candidate and align stages (default: 4 × default parallelism)")
    parser.add_argument("--split-bytes", type=int, help="largest input split (default: a local file is cut into 2 per core)")
    args, stage_options = parser.parse_known_args(argv)
    args.stage_options = stage_options
    if args.output in args.input + args.sources:
        parser.error("--output must not name an input")
    return args


def read_records(sc, names, first_file, id_field, split):
    """`(position, id, line)` of every non-blank line of `names` (file numbers from `first_file`),
    and `(position, message)` for the lines without a string id."""
    def parsed(file_number, pair):
        line, index = pair
        if not line.strip():
            return []
        return [(position(file_number, index), discovering.record_id(line, id_field), line)]

    lines = sc.union([numbered_lines(sc, name, first_file + n, split).flatMap(lambda p, n=first_file + n: parsed(n, p))
                      for n, name in enumerate(names)])
    return lines


def first_per_id(records, partitions):
    """`(id, record)`, the earliest record of each id, and `(position, message)` for the others."""
    keyed = records.filter(lambda r: r[1] is not None).map(lambda r: (r[1], r)).groupByKey(partitions)

    def split(entry):
        identifier, group = entry
        group = sorted(group)
        yield ("record", (identifier, group[0]))
        for later in group[1:]:
            yield ("duplicate", (later[0], identifier, group[0][0]))

    return keyed.flatMap(split)


def run(args, spark):
    from pyspark import StorageLevel

    sc = spark.sparkContext
    started = time.time()
    ship_package(sc)
    apart = bool(args.sources)
    names = list(args.sources) + list(args.input)
    partitions = args.partitions or 4 * sc.defaultParallelism
    split = args.split_bytes or default_split(sc, names)
    binary, options = args.neardup, args.stage_options
    input_options = ["--id-field", args.id_field, "--text-field", args.text_field]

    # Records: sources first (file numbers 0…), then the inputs, so that positions order them as one run reads them.
    records = read_records(sc, names, 0, args.id_field, split).persist(StorageLevel.MEMORY_AND_DISK)
    firsts = first_per_id(records, partitions).persist(StorageLevel.MEMORY_AND_DISK)
    kept = firsts.filter(lambda e: e[0] == "record").map(lambda e: e[1])  # (id, record)
    messages = records.filter(lambda r: r[1] is None).map(
        lambda r: (r[0], "%s: skipped: no string %r field (discover on Spark needs ids)" % (location(names, r[0]), args.id_field)))
    messages = messages.union(firsts.filter(lambda e: e[0] == "duplicate").map(
        lambda e: (e[1][0], "%s: skipped: duplicate id %s, first at %s; the first is kept" % (
            location(names, e[1][0]), outputs.quoted(e[1][1]), location(names, e[1][2])))))
    skipped = messages.count()
    for _, text in messages.takeOrdered(MESSAGE_LIMIT):
        print("neardup: " + text, file=sys.stderr)
    if skipped > MESSAGE_LIMIT:
        print("neardup: … and %d more messages" % (skipped - MESSAGE_LIMIT), file=sys.stderr)

    source_files = len(args.sources)
    is_story = (lambda r: (r[0] >> 40) >= source_files) if apart else (lambda r: True)

    # Stage 1: sketches, in input order, partition by partition.
    ordered = kept.map(lambda e: (e[1][0], e[1])).sortByKey(numPartitions=partitions).map(lambda p: p[1])
    sketches = ordered.mapPartitions(
        lambda rs: discovering.sketch_partition(rs, binary, input_options + options)).persist(StorageLevel.MEMORY_AND_DISK)

    # The sources' sketches (all against all: every sketch) in one file for every executor.
    folder = tempfile.mkdtemp(prefix="neardup-discover-driver-")
    archive = os.path.join(folder, "archive.sketch.jsonl")
    with open(archive, "w", encoding="utf-8", newline="\n") as out:
        for _, line in sketches.filter(lambda s: (s[0] >> 40) < source_files if apart else True).toLocalIterator():
            out.write(line + "\n")
    sc.addFile(archive)

    # Stage 2: candidates of each story.
    def candidates_of(story_sketches):
        from pyspark import SparkFiles
        return discovering.candidates_partition(
            story_sketches, SparkFiles.get("archive.sketch.jsonl"), binary, options, same_archive=not apart)

    story_sketches = sketches.filter(lambda s: (s[0] >> 40) >= source_files) if apart else sketches
    candidates = story_sketches.mapPartitions(candidates_of).persist(StorageLevel.MEMORY_AND_DISK)
    candidate_count = candidates.count()

    # Stage 3: each story's pairs with the texts, grouped by story, through align.
    by_id = kept.map(lambda e: (e[0], e[1]))
    pairs = candidates.map(lambda c: (json.loads(c[2])["source"], (json.loads(c[2])["story"], c[1], c[2])))
    with_source = pairs.join(by_id, partitions).map(lambda p: (p[1][0][0], (p[1][0][1], p[1][0][2], p[1][1])))
    stories = by_id.filter(lambda e: is_story(e[1]))
    groups = stories.join(with_source.groupByKey(partitions), partitions).map(
        lambda g: (g[0], (g[1][0], list(g[1][1]))))
    align_options = discovering.without_option(options, "--candidates")  # align's --candidates is the pairs file
    links = groups.mapPartitions(
        lambda gs: discovering.align_partition(gs, binary, align_options, input_options, apart))
    links = links.persist(StorageLevel.MEMORY_AND_DISK)
    link_count = links.count()
    outputs.write_lines(links.sortByKey().map(lambda l: l[1]), args.output, False)
    document_count = kept.count()
    print("neardup-spark: discover: %d records in %.2f s; %d candidate pairs judged, %d links" % (
        document_count, time.time() - started, candidate_count, link_count), file=sys.stderr)
    return 1 if skipped else 0


def main(argv=None):
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    return run_checked_job(
        "neardup-discover", args.master, args.input + args.sources, [args.output], False, lambda spark: run(args, spark))


if __name__ == "__main__":
    sys.exit(main())
