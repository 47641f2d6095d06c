"""Running a job in a Spark session: local[*] unless spark-submit or --master says otherwise, a
missing input or an unwritable output refused before the session starts, and a failed task
(neardup missing or failing, an unwritable output) reported as one line naming its cause, exit
status 2."""
import os
import sys

from .inputs import is_local
from .outputs import unwritable


def run_job(app_name, master, job):
    """Runs `job(spark)` in a session named `app_name`; returns its exit status, 2 on an error."""
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name).config("spark.ui.showConsoleProgress", "false")
    if master or not SparkConf().contains("spark.master"):
        builder = builder.master(master or "local[*]")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    try:
        return job(spark)
    except Exception as error:
        detail = str(error).strip().splitlines()
        cause = [line for line in detail if "RuntimeError" in line or "OSError" in line or "Error:" in line]
        print("neardup-spark: error: %s" % (cause[0] if cause else detail[0] if detail else repr(error)),
              file=sys.stderr)
        return 2
    finally:
        spark.stop()


def run_checked_job(app_name, master, inputs, outputs, partitioned, job):
    """``run_job`` after the checks that need no Spark: every local input exists and every local
    output can be written (``outputs.unwritable``); otherwise one line naming the path and exit
    status 2, before any work."""
    for name in inputs:
        if is_local(name) and not os.path.isfile(name[7:] if name.startswith("file://") else name):
            print("neardup-spark: error: %s: no such file" % name, file=sys.stderr)
            return 2
    problem = unwritable(outputs, partitioned)
    if problem:
        print("neardup-spark: error: %s" % problem, file=sys.stderr)
        return 2
    return run_job(app_name, master, job)
