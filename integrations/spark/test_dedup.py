#!/usr/bin/env python3
"""The Spark job against `neardup dedup`: on a seeded generated corpus (with bad lines, a
duplicated id, records without an id, a blank line and a second input file), in Spark's local
mode (local[2]), the pairs, clusters and kept corpus must be byte for byte those of
`neardup dedup` with the same settings, and so must the skipped-input messages and exit status.

    make spark-test        # installs pyspark into integrations/spark/.venv, builds neardup
    NEARDUP=.build/release/neardup integrations/spark/.venv/bin/python integrations/spark/test_dedup.py

Also unit tests of the pieces that need no Spark (bucket rule, JSON text, Jaccard).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

from neardup_spark import candidates, copies, listing, outputs, verification  # noqa: E402

NEARDUP = os.path.abspath(os.environ.get("NEARDUP", os.path.join(ROOT, ".build", "release", "neardup")))


def pair_rule():
    """The pair rule of the neardup under test: issue 9's ("clusters") when its dedup has
    --pairwise-limit, else every verified candidate ("candidates")."""
    help_text = subprocess.run([NEARDUP, "dedup", "--help"], capture_output=True, text=True).stdout
    return "clusters" if "--pairwise-limit" in help_text else "candidates"


class PiecesTests(unittest.TestCase):
    def test_small_bucket_gives_every_pair(self):
        members = [(30, "c"), (10, "a"), (20, "b")]
        pairs = candidates.bucket_pairs(members, limit=3)
        self.assertEqual(sorted(p[0] for p in pairs), [(10, 20), (10, 30), (20, 30)])

    def test_large_bucket_gives_only_the_first_members_pairs(self):
        members = [(p, "d%d" % p) for p in range(150, 0, -1)]
        pairs = candidates.bucket_pairs(members, limit=100)
        self.assertEqual(len(pairs), 149)
        self.assertTrue(all(p[0][0] == 1 and p[1][0] == "d1" for p in pairs))

    def test_a_small_cluster_lists_every_pair_and_a_large_one_its_representatives(self):
        members = [(5, "e"), (1, "a"), (3, "c")]
        self.assertEqual(listing.listed_pairs(members, limit=3),
                         [((1, 3), ("a", "c", None)), ((1, 5), ("a", "e", None)), ((3, 5), ("c", "e", None))])
        self.assertEqual(listing.listed_pairs(members, limit=2),
                         [((1, 3), ("a", "c", 3)), ((1, 5), ("a", "e", 3))])

    def test_copies_share_a_content_key_and_empty_documents_have_none(self):
        def document(set_size, fingerprints, signature=b"s"):
            return (0, "id", set_size, b"", signature, fingerprints)
        self.assertEqual(copies.content_key(document(2, b"12345678abcdefgh"), True),
                         copies.content_key(document(2, b"12345678abcdefgh", b"other"), True))
        self.assertNotEqual(copies.content_key(document(2, b"12345678abcdefgh"), True),
                            copies.content_key(document(2, b"12345678abcdefgi"), True))
        self.assertIsNone(copies.content_key(document(0, b""), True))

    def test_quoting_matches_neardup(self):
        self.assertEqual(outputs.quoted('a"b\\c\n\r\t\x01\x7fé'), '"a\\"b\\\\c\\n\\r\\t\\u0001\x7fé"')

    def test_numbers_are_rounded_to_six_decimals_half_up(self):
        self.assertEqual(outputs.number(1.0), "1.0")
        self.assertEqual(outputs.number(0.8), "0.8")
        self.assertEqual(outputs.number(2 / 3), "0.666667")
        self.assertEqual(outputs.number(0.0000005), "1e-06")

    def test_jaccard_of_fingerprint_sets(self):
        def pack(values):
            return b"".join(v.to_bytes(8, "little") for v in sorted(values))
        self.assertEqual(verification.jaccard(pack([1, 2, 3]), pack([2, 3, 4])), 0.5)
        self.assertEqual(verification.jaccard(pack([1 << 63, 5]), pack([1 << 63, 5])), 1.0)
        self.assertEqual(verification.jaccard(b"", pack([1])), 0.0)


@unittest.skipUnless(os.access(NEARDUP, os.X_OK), "build neardup first (make build) or set NEARDUP")
class SparkAgreesWithDedupTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.directory = tempfile.mkdtemp(prefix="neardup-spark-test-")
        corpus = os.path.join(cls.directory, "generated.jsonl")
        subprocess.run([NEARDUP, "generate", "--documents", "3000", "--words", "200", "--duplicates", "0.3",
                        "--seed", "10", "--output", corpus], check=True, capture_output=True)
        with open(corpus, encoding="utf-8") as f:
            lines = f.read().splitlines()
        first_text = json.loads(lines[0])["text"]
        # Two inputs; bad lines, a duplicated id, records without an id and a blank line among them.
        cls.inputs = [os.path.join(cls.directory, "part-a.jsonl"), os.path.join(cls.directory, "part-b.jsonl")]
        with open(cls.inputs[0], "w", encoding="utf-8") as f:
            f.write("\n".join(lines[:1700]) + "\n")
            f.write('{"id": "broken", "text": "no closing quote}\n')
            f.write('{"id": "no-text"}\n')
            f.write("\n")
            f.write(json.dumps({"text": first_text + " and a tail of five more words"}) + "\n")
        with open(cls.inputs[1], "w", encoding="utf-8") as f:
            f.write("\n".join(lines[1700:]) + "\n")
            f.write(json.dumps({"id": json.loads(lines[5])["id"], "text": "a later document with a taken id"}) + "\n")
            f.write(json.dumps({"text": first_text, "source": "copied without id"}) + "\n")
            f.write(json.dumps({"id": "tiny", "text": "one"}) + "\n")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.directory, ignore_errors=True)

    def run_both(self, name, options, inputs=None, spark_options=()):
        inputs = inputs or self.inputs
        out = os.path.join(self.directory, name)
        os.makedirs(out)
        files = {kind: (os.path.join(out, "dedup-%s.jsonl" % kind), os.path.join(out, "spark-%s.jsonl" % kind))
                 for kind in ("pairs", "clusters", "keep")}
        dedup = subprocess.run(
            [NEARDUP, "dedup"] + inputs + options
            + sum((["--" + kind, paths[0]] for kind, paths in files.items()), []),
            capture_output=True, text=True)
        spark = subprocess.run(
            [sys.executable, os.path.join(HERE, "dedup.py"), "--master", "local[2]", "--neardup", NEARDUP,
             "--split-bytes", str(256 << 10), "--partitions", "4", "--pair-rule", pair_rule()]
            + list(spark_options) + sum((["--input", path] for path in inputs), []) + options
            + sum((["--" + kind, paths[1]] for kind, paths in files.items()), []),
            capture_output=True, text=True)
        self.assertEqual(spark.returncode, dedup.returncode, spark.stderr[-3000:])
        contents = {}
        for kind, (dedup_path, spark_path) in files.items():
            with open(dedup_path, encoding="utf-8") as a, open(spark_path, encoding="utf-8") as b:
                contents[kind] = (a.read(), b.read())
        skipped = [sorted(line for line in run.stderr.splitlines() if ": skipped: " in line) for run in (dedup, spark)]
        return contents, skipped

    def check_agreement(self, name, options, expect_pairs_above):
        contents, (dedup_skipped, spark_skipped) = self.run_both(name, options)
        dedup_pairs, spark_pairs = contents["pairs"]
        self.assertGreater(len(dedup_pairs.splitlines()), expect_pairs_above, "the corpus should have pairs")
        self.assertEqual(set(spark_pairs.splitlines()), set(dedup_pairs.splitlines()), "pair sets differ")
        for kind in ("pairs", "clusters", "keep"):
            self.assertEqual(contents[kind][1], contents[kind][0], "%s differ from neardup dedup's" % kind)
        self.assertEqual(len(dedup_skipped), 3)  # the malformed line, the line without text, the taken id
        self.assertEqual(spark_skipped, dedup_skipped)

    def test_masses_of_copies_and_a_large_cluster(self):
        # 150 copies of one story (one LSH bucket of 150 per band), 40 variants of it with one
        # word changed, and the rest of the corpus. Before issue 9, neardup dedup lists every
        # pair of a bucket: the Spark job then needs a limit above the bucket to agree.
        with open(self.inputs[0], encoding="utf-8") as f:
            story = json.loads(f.readline())["text"]
        words = story.split()
        path = os.path.join(self.directory, "copies.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for i in range(150):
                f.write(json.dumps({"id": "copy-%03d" % i, "text": story}) + "\n")
            for i in range(40):
                changed = words[:]
                changed[(i * 7) % len(words)] = "variant%d" % i
                f.write(json.dumps({"id": "variant-%02d" % i, "text": " ".join(changed)}) + "\n")
        spark_options = ["--pairwise-limit", "1000"] if pair_rule() == "candidates" else []
        contents, _ = self.run_both("copies", ["--threshold", "0.8"], inputs=[path, self.inputs[1]],
                                    spark_options=spark_options)
        for kind in ("pairs", "clusters", "keep"):
            self.assertEqual(contents[kind][1], contents[kind][0], "%s differ from neardup dedup's" % kind)
        sizes = [json.loads(line)["size"] for line in contents["clusters"][0].splitlines()]
        self.assertGreaterEqual(max(sizes), 190, "the copies and variants make one cluster over the limit")

    def test_exact_verification_at_0_8(self):
        self.check_agreement("exact", ["--threshold", "0.8"], expect_pairs_above=100)

    def test_estimate_verification_with_explicit_bands_and_word_3_shingles(self):
        self.check_agreement(
            "estimate", ["--threshold", "0.7", "--verify", "estimate", "--bands", "20", "--rows", "5",
                         "--shingle", "words:3"], expect_pairs_above=100)


@unittest.skipUnless(os.access(NEARDUP, os.X_OK), "build neardup first (make build) or set NEARDUP")
class SparkJobErrorTests(unittest.TestCase):
    def run_job(self, *arguments):
        return subprocess.run([sys.executable, os.path.join(HERE, "dedup.py"), "--master", "local[2]"] + list(arguments),
                              capture_output=True, text=True)

    def test_an_output_that_is_a_folder_fails_before_any_work(self):
        with tempfile.TemporaryDirectory() as folder:
            corpus = os.path.join(folder, "c.jsonl")
            with open(corpus, "w") as f:
                f.write('{"id": "a", "text": "one two three"}\n')
            run = self.run_job("--neardup", NEARDUP, "--input", corpus, "--pairs", folder)
            self.assertEqual(run.returncode, 2)
            self.assertIn("%s: is a folder" % folder, run.stderr)
            missing = self.run_job("--neardup", NEARDUP, "--input", corpus + ".missing", "--pairs", corpus + ".out")
            self.assertEqual(missing.returncode, 2)
            self.assertIn("c.jsonl.missing: no such file", missing.stderr)

    def test_a_missing_binary_is_an_error_naming_it(self):
        with tempfile.TemporaryDirectory() as folder:
            corpus = os.path.join(folder, "c.jsonl")
            with open(corpus, "w") as f:
                f.write('{"id": "a", "text": "one two three"}\n')
            out = os.path.join(folder, "pairs.jsonl")
            run = self.run_job("--neardup", os.path.join(folder, "no-neardup"), "--input", corpus, "--pairs", out)
            self.assertEqual(run.returncode, 2, run.stderr[-2000:])
            self.assertIn("no-neardup", run.stderr.splitlines()[-1])
            self.assertFalse(os.path.exists(out))


if __name__ == "__main__":
    unittest.main(verbosity=2)
