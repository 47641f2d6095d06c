"""Reading the inputs of a NearDup Spark job: local or cluster paths, lines numbered in file
order (split on "\\n" only, as neardup reads JSONL), the split size, and shipping the
neardup_spark package to the executors."""
import os
import tempfile
import zipfile


def is_local(path):
    """Whether `path` is on this machine (no scheme, or file://)."""
    return "://" not in path or path.startswith("file://")


def ship_package(sc):
    """Zips neardup_spark and adds it to the executors' Python path."""
    package = os.path.dirname(os.path.abspath(__file__))
    archive = os.path.join(tempfile.mkdtemp(prefix="neardup-spark-"), "neardup_spark.zip")
    with zipfile.ZipFile(archive, "w") as out:
        for name in sorted(os.listdir(package)):
            if name.endswith(".py"):
                out.write(os.path.join(package, name), "neardup_spark/" + name)
    sc.addPyFile(archive)


def numbered_lines(sc, path, file_number, split_bytes):
    """`(line, 0-based line number)` of one file, split on "\\n" only (as neardup reads JSONL)."""
    conf = {"textinputformat.record.delimiter": "\n"}
    if split_bytes:
        conf["mapreduce.input.fileinputformat.split.maxsize"] = str(split_bytes)
    lines = sc.newAPIHadoopFile(
        path, "org.apache.hadoop.mapreduce.lib.input.TextInputFormat", "org.apache.hadoop.io.LongWritable",
        "org.apache.hadoop.io.Text", conf=conf).map(lambda record: record[1])
    return lines.zipWithIndex()


def default_split(sc, paths):
    """The largest input split: a local file cut into 2 per core, from 1 MiB to 128 MiB."""
    sizes = [os.path.getsize(p[7:] if p.startswith("file://") else p) for p in paths if is_local(p)]
    if not sizes:
        return None
    return min(128 << 20, max(1 << 20, max(sizes) // (2 * sc.defaultParallelism) + 1))
