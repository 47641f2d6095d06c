#!/usr/bin/env python3
"""The Spark job against `neardup discover`: on a seeded generated archive with planted rewrites,
dates and outlets (and a repeated id), in Spark's local mode (local[2]) with several partitions,
the links must be byte for byte those of `neardup discover --format jsonl` with the same
options, all against all and against separate sources, and so must the exit status.

    make spark-test        # installs pyspark into integrations/spark/.venv, builds neardup
    NEARDUP=.build/release/neardup integrations/spark/.venv/bin/python integrations/spark/test_discover.py
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

from neardup_spark import discovering  # noqa: E402

NEARDUP = os.path.abspath(os.environ.get("NEARDUP", os.path.join(ROOT, ".build", "release", "neardup")))


class PiecesTests(unittest.TestCase):
    def test_record_ids(self):
        self.assertEqual(discovering.record_id('{"id": "a", "text": "t"}', "id"), "a")
        self.assertEqual(discovering.record_id('{"key": "b"}', "key"), "b")
        self.assertIsNone(discovering.record_id('{"id": 3}', "id"))
        self.assertIsNone(discovering.record_id('{"id": "a", broken', "id"))
        self.assertIsNone(discovering.record_id('["id"]', "id"))

    def test_an_option_and_its_value_are_left_out(self):
        self.assertEqual(discovering.without_option(["--candidates", "5", "--links", "best", "--candidates=3"], "--candidates"),
                         ["--links", "best"])


def candidates_option():
    """The discover option that sets the candidates per story: --candidates-per-story, or
    --candidates in the first cut of discover (whose align stage used the same name for its file)."""
    help_text = subprocess.run([NEARDUP, "discover", "run", "--help"], capture_output=True, text=True).stdout
    return "--candidates-per-story" if "--candidates-per-story" in help_text else "--candidates"


def has_discover():
    if not os.access(NEARDUP, os.X_OK):
        return False
    return subprocess.run([NEARDUP, "discover", "sketch", "--help"], capture_output=True).returncode == 0


@unittest.skipUnless(has_discover(), "build a neardup with discover first (make build) or set NEARDUP")
class SparkAgreesWithDiscoverTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.directory = tempfile.mkdtemp(prefix="neardup-spark-discover-")
        corpus = os.path.join(cls.directory, "archive.jsonl")
        cls.truth = os.path.join(cls.directory, "truth.jsonl")
        subprocess.run([NEARDUP, "generate", "-q", "--documents", "400", "--words", "150", "--duplicates", "0.05",
                        "--rewrites", "0.3", "--first-date", "2024-01-01", "--days", "20", "--outlets", "6",
                        "--names", "5000", "--seed", "18", "--output", corpus, "--truth", cls.truth],
                       check=True, capture_output=True)
        with open(corpus, encoding="utf-8") as f:
            lines = f.read().splitlines()
        # Two files; a repeated id (the later record is left out by both) and a blank line.
        cls.inputs = [os.path.join(cls.directory, "part-a.jsonl"), os.path.join(cls.directory, "part-b.jsonl")]
        with open(cls.inputs[0], "w", encoding="utf-8") as f:
            f.write("\n".join(lines[:230]) + "\n\n")
        with open(cls.inputs[1], "w", encoding="utf-8") as f:
            f.write("\n".join(lines[230:]) + "\n")
            taken = json.loads(lines[7])
            f.write(json.dumps({"id": taken["id"], "text": "a later story with a taken id"}) + "\n")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.directory, ignore_errors=True)

    def run_both(self, name, inputs, sources=(), options=()):
        one_run = os.path.join(self.directory, name + "-discover.jsonl")
        spark_run = os.path.join(self.directory, name + "-spark.jsonl")
        discover = subprocess.run(
            [NEARDUP, "discover", "--format", "jsonl", "-o", one_run]
            + sum((["--sources", s] for s in sources), []) + list(options) + list(inputs),
            capture_output=True, text=True)
        spark = subprocess.run(
            [sys.executable, os.path.join(HERE, "discover.py"), "--master", "local[2]", "--neardup", NEARDUP,
             "--split-bytes", str(64 << 10), "--partitions", "3", "--output", spark_run]
            + sum((["--input", i] for i in inputs), []) + sum((["--sources", s] for s in sources), []) + list(options),
            capture_output=True, text=True)
        self.assertEqual(spark.returncode, discover.returncode, spark.stderr[-3000:])
        with open(one_run, encoding="utf-8") as a, open(spark_run, encoding="utf-8") as b:
            return a.read(), b.read(), discover, spark

    def test_all_against_all(self):
        expected, actual, discover, spark = self.run_both("all", self.inputs)
        self.assertGreater(len(expected.splitlines()), 50, "the archive should have links")
        self.assertEqual(sorted(actual.splitlines()), sorted(expected.splitlines()), "link sets differ")
        self.assertEqual(actual, expected, "same links, another order")
        self.assertEqual(discover.returncode, 1)  # the repeated id
        skipped = [[line for line in run.stderr.splitlines() if "duplicate id" in line] for run in (discover, spark)]
        self.assertEqual(len(skipped[0]), 1)
        self.assertEqual(len(skipped[1]), 1)

    def test_against_sources_with_options(self):
        sources = os.path.join(self.directory, "sources.jsonl")
        stories = os.path.join(self.directory, "stories.jsonl")
        with open(self.inputs[0], encoding="utf-8") as f:
            lines = [line for line in f.read().splitlines() if line]
        with open(sources, "w", encoding="utf-8") as f:
            f.write("\n".join(lines[:150]) + "\n")
        with open(stories, "w", encoding="utf-8") as f:
            f.write("\n".join(lines[150:]) + "\n")
        expected, actual, _, _ = self.run_both(
            "sources", [stories], sources=[sources], options=["--links", "all-derived", candidates_option(), "5"])
        self.assertGreater(len(expected.splitlines()), 10, "the stories should have links")
        self.assertEqual(sorted(actual.splitlines()), sorted(expected.splitlines()), "link sets differ")
        self.assertEqual(actual, expected)


@unittest.skipUnless(has_discover(), "build a neardup with discover first (make build) or set NEARDUP")
class SparkDiscoverErrorTests(unittest.TestCase):
    def test_a_missing_binary_is_an_error_naming_it(self):
        with tempfile.TemporaryDirectory() as folder:
            corpus = os.path.join(folder, "c.jsonl")
            with open(corpus, "w") as f:
                f.write('{"id": "a", "text": "one two three"}\n')
            out = os.path.join(folder, "links.jsonl")
            run = subprocess.run([sys.executable, os.path.join(HERE, "discover.py"), "--master", "local[2]",
                                  "--neardup", os.path.join(folder, "no-neardup"), "--input", corpus, "--output", out],
                                 capture_output=True, text=True)
            self.assertEqual(run.returncode, 2, run.stderr[-2000:])
            self.assertIn("no-neardup", run.stderr.splitlines()[-1])
            self.assertFalse(os.path.exists(out))


if __name__ == "__main__":
    unittest.main(verbosity=2)
