#!/usr/bin/env python3
"""NearDup's corpus deduplication on Apache Spark: the pairs, clusters and kept corpus of
`neardup dedup`, computed on a cluster, with NearDup's Swift core (`neardup sketch`) doing the
tokenising and hashing on the executors.

    python integrations/spark/dedup.py --input corpus.jsonl --threshold 0.8 \
        --pairs pairs.jsonl [--clusters clusters.jsonl] [--keep kept.jsonl]
    spark-submit --files neardup integrations/spark/dedup.py --input hdfs:///corpus.jsonl ...

Stages (README, "More than one machine"): each partition of lines streams through `neardup
sketch` (band keys, set size, compact signature, shingle fingerprints per document); documents
are keyed by id (the earliest of a duplicated id is kept); with --pair-rule clusters, exact
copies are grouped and only their earliest is banded (issue 9); band keys are grouped into buckets
(a bucket over --pairwise-limit gives only its first member's pairs); candidates are verified
from the fingerprints as `neardup dedup` verifies them; clusters are connected components found
by minimum-label propagation; outputs are written in `neardup dedup`'s JSONL formats, `--pairs`
listing every verified candidate (--pair-rule candidates) or issue 9's pairs per cluster.

Exit status: 0, or 1 when some input was skipped (reported on standard error with file and line,
as neardup reports it), or 2 on an error.
"""
import argparse
import json
import os
import sys
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from neardup_spark import candidates, components, copies, identity, listing, outputs, sketching, verification  # noqa: E402
from neardup_spark.inputs import default_split, numbered_lines, ship_package  # noqa: E402
from neardup_spark.session import run_checked_job  # noqa: E402
from neardup_spark.positions import position  # noqa: E402

MESSAGE_LIMIT = 1000


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog="dedup.py", description="Near-duplicate pairs, clusters and the deduplicated corpus, on Spark.")
    parser.add_argument("--input", action="append", required=True, metavar="FILE",
                        help="a JSONL corpus (one {\"id\": …, \"text\": …} a line); repeat for several, read in order")
    parser.add_argument("--pairs", metavar="FILE", help="verified pairs (JSONL), as neardup dedup --pairs")
    parser.add_argument("--clusters", metavar="FILE", help="clusters (JSONL), as neardup dedup --clusters")
    parser.add_argument("--keep", metavar="FILE", help="the deduplicated corpus, as neardup dedup --keep")
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--verify", choices=["exact", "estimate"], default="exact")
    parser.add_argument("--bands", type=int)
    parser.add_argument("--rows", type=int)
    parser.add_argument("--shingle", default="words:5")
    parser.add_argument("--permutations", type=int, default=128)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scheme", default="one-permutation")
    parser.add_argument("--fold-diacritics", action="store_true")
    parser.add_argument("--id-field", default="id")
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--max-document-bytes", type=int)
    parser.add_argument("--pairwise-limit", type=int, default=100,
                        help="an LSH bucket of more documents gives only its first member's pairs (default 100)")
    parser.add_argument("--pair-rule", choices=["candidates", "clusters"], default="clusters",
                        help="clusters (default, neardup dedup since issue 9): exact copies grouped before banding "
                             "and pairs listed per cluster, with \"group\" lines for clusters over --pairwise-limit; "
                             "candidates: every verified candidate pair, no copy grouping (neardup dedup before issue 9)")
    parser.add_argument("--neardup", default="neardup",
                        help="the neardup binary on the executors: a name on PATH or shipped with --files, or a path")
    parser.add_argument("--master", help="Spark master when not run by spark-submit (default local[*])")
    parser.add_argument("--partitions", type=int, help="shuffle partitions (default: 4 × default parallelism)")
    parser.add_argument("--split-bytes", type=int,
                        help="largest input split (default: a local file is cut into 2 per core, at most 128 MiB each)")
    parser.add_argument("--partitioned-output", action="store_true",
                        help="write each output as a folder of part files from the executors, not one file")
    parser.add_argument("--metrics", metavar="FILE", help="write run figures (time, shuffle bytes) as JSON")
    args = parser.parse_args(argv)
    if not (args.pairs or args.clusters or args.keep):
        parser.error("give at least one of --pairs, --clusters and --keep")
    outputs_given = [p for p in (args.pairs, args.clusters, args.keep) if p]
    if len(set(outputs_given)) != len(outputs_given):
        parser.error("--pairs, --clusters and --keep must name different files")
    if not 0 < args.threshold < 1:
        parser.error("--threshold must be between 0 and 1 (exclusive)")
    if (args.bands is None) != (args.rows is None):
        parser.error("give --bands and --rows together")
    if args.pairwise_limit < 2:
        parser.error("--pairwise-limit must be at least 2")
    return args


def sketch_arguments(args):
    """The options of `neardup sketch` that band, hash and read as `neardup dedup` would."""
    result = ["--threshold", repr(args.threshold), "--verify", args.verify, "--shingle", args.shingle,
              "--permutations", str(args.permutations), "--seed", str(args.seed), "--scheme", args.scheme,
              "--id-field", args.id_field, "--text-field", args.text_field]
    if args.bands is not None:
        result += ["--bands", str(args.bands), "--rows", str(args.rows)]
    if args.fold_diacritics:
        result.append("--fold-diacritics")
    if args.max_document_bytes is not None:
        result += ["--max-document-bytes", str(args.max_document_bytes)]
    return result


def stage_metrics(sc):
    """Per completed stage: name, shuffle bytes written and read, executor run and CPU time."""
    url = sc.uiWebUrl
    if not url:
        return None
    time.sleep(1.0)  # the UI's listener catches up with the last stage
    with urllib.request.urlopen("%s/api/v1/applications/%s/stages?status=complete" % (url, sc.applicationId)) as r:
        stages = json.load(r)
    return [{"stage": s["stageId"], "name": s["name"], "shuffle_write_bytes": s["shuffleWriteBytes"],
             "shuffle_read_bytes": s["shuffleReadBytes"], "input_bytes": s["inputBytes"],
             "run_seconds": s["executorRunTime"] / 1000, "cpu_seconds": s["executorCpuTime"] / 1e9}
            for s in stages]


def run(args, spark):
    from pyspark import StorageLevel

    sc = spark.sparkContext
    started = time.time()
    ship_package(sc)
    names = list(args.input)
    partitions = args.partitions or 4 * sc.defaultParallelism
    split = args.split_bytes or default_split(sc, names)
    binary, arguments = args.neardup, sketch_arguments(args)

    def sketch_file(number, name):
        return numbered_lines(sc, name, number, split).mapPartitions(
            lambda lines: sketching.sketch_partition(lines, number, name, binary, arguments))

    sketched = sc.union([sketch_file(n, name) for n, name in enumerate(names)])
    sketched.persist(StorageLevel.MEMORY_AND_DISK)
    documents = sketched.filter(lambda r: r[0] == "doc").map(lambda r: r[1])
    problems = sketched.filter(lambda r: r[0] == "problem").map(lambda r: r[1])

    firsts = identity.first_per_id(documents, partitions).persist(StorageLevel.MEMORY_AND_DISK)
    messages = (problems.map(lambda p: (p[0], (p[1], p[2])))
                .union(identity.duplicate_messages(firsts, names).map(lambda m: (m[0], ("skipped", m[1])))))
    skipped = messages.filter(lambda m: m[1][0] == "skipped").count()
    message_count = messages.count()
    for _, (_, text) in messages.takeOrdered(MESSAGE_LIMIT, key=lambda m: m[0]):
        print("neardup: " + text, file=sys.stderr)
    if message_count > MESSAGE_LIMIT:
        print("neardup: … and %d more messages" % (message_count - MESSAGE_LIMIT), file=sys.stderr)

    exact = args.verify == "exact"
    banded, links = firsts, sc.emptyRDD()
    if args.pair_rule == "clusters":
        links = copies.copy_links(firsts, exact, partitions).persist(StorageLevel.MEMORY_AND_DISK)
        banded = copies.without_copies(firsts, links, partitions)
    candidate_pairs = candidates.candidate_pairs(banded, args.pairwise_limit, partitions)
    candidate_pairs.persist(StorageLevel.MEMORY_AND_DISK)
    verified = verification.verified_pairs(firsts, candidate_pairs, args.threshold, exact, partitions)
    verified.persist(StorageLevel.MEMORY_AND_DISK)
    document_count = firsts.count()
    candidate_count = candidate_pairs.count()

    # Clusters: components of the verified pairs and of the links from copies to representatives.
    edges = verified.map(lambda p: (p[0], p[1][:2])).union(links)
    labels = components.component_labels(edges, partitions)
    cluster_count = labels.filter(lambda l: l[0] == l[1]).count()
    ids = edges.flatMap(lambda p: [(p[0][0], p[1][0]), (p[0][1], p[1][1])]).reduceByKey(lambda x, _: x)
    members = labels.join(ids).map(lambda e: (e[1][0], (e[0], e[1][1]))).groupByKey(partitions)
    pairs = verified
    if args.pair_rule == "clusters":
        limit = args.pairwise_limit
        listed = members.flatMap(lambda c: listing.listed_pairs(c[1], limit))
        pairs = verification.verified_pairs(firsts, listed, args.threshold, exact, partitions, keeps_all_tagged=True)
        pairs.persist(StorageLevel.MEMORY_AND_DISK)
    pair_count = pairs.count()
    if args.pairs:
        outputs.write_lines(pairs.sortByKey().map(outputs.pair_line), args.pairs, args.partitioned_output)
    if args.clusters:
        lines = members.sortByKey().map(lambda c: outputs.cluster_line(c[1]))
        outputs.write_lines(lines, args.clusters, args.partitioned_output)
    kept_count = document_count - labels.filter(lambda l: l[0] != l[1]).count()
    if args.keep:
        left_out = labels.filter(lambda l: l[0] != l[1]).map(lambda l: (l[0], None))
        kept = firsts.map(lambda e: (e[1][0][0], None)).subtractByKey(left_out)
        records = sc.union([
            numbered_lines(sc, name, n, split).map(lambda r, n=n: (position(n, r[1]), r[0]))
            for n, name in enumerate(names)])
        lines = records.join(kept).sortByKey().map(lambda r: r[1][0])
        outputs.write_lines(lines, args.keep, args.partitioned_output)
    seconds = time.time() - started
    print("neardup-spark: %d documents in %.2f s; %d candidates, %d pairs, %d clusters, %d kept" % (
        document_count, seconds, candidate_count, pair_count, cluster_count, kept_count), file=sys.stderr)
    if args.metrics:
        stages = stage_metrics(sc)
        shuffle = sum(s["shuffle_write_bytes"] for s in stages) if stages is not None else None
        figures = {
            "documents": document_count, "seconds": seconds, "cores": sc.defaultParallelism,
            "documents_per_second_per_core": document_count / seconds / sc.defaultParallelism,
            "candidates": candidate_count, "pairs": pair_count, "clusters": cluster_count, "kept": kept_count,
            "shuffle_write_bytes": shuffle,
            "shuffle_bytes_per_document": shuffle / document_count if shuffle is not None and document_count else None,
            "executor_cpu_seconds": sum(s["cpu_seconds"] for s in stages) if stages is not None else None,
            "stages": stages}
        with open(args.metrics, "w") as out:
            json.dump(figures, out, indent=1)
    return 1 if skipped else 0


def main(argv=None):
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    return run_checked_job(
        "neardup-dedup", args.master, args.input, [p for p in (args.pairs, args.clusters, args.keep) if p],
        args.partitioned_output, lambda spark: run(args, spark))


if __name__ == "__main__":
    sys.exit(main())
