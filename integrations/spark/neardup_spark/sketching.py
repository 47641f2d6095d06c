"""Sketching: one `neardup sketch` process per partition, its standard input fed the partition's
lines, its standard output (one JSON line per document or problem) parsed into tuples.

A document is `(position, id, set_size, bands, signature, fingerprints)`: bands, signature and
fingerprints are the little-endian bytes of the b u64 band keys, the k u32 compact values and the
sorted distinct u64 shingle hashes (README, `neardup sketch`). A problem is
`(position, severity, message)` with severity "skipped" or "warning".
"""
import base64
import json
import os
import shutil
import stat
import subprocess
import threading

from .positions import position


def resolve_binary(name):
    """The path of the neardup binary on this executor: `name` itself when it is a path, else
    found on PATH, else a file shipped with `spark-submit --files` (made executable)."""
    if os.sep in name:
        return name
    found = shutil.which(name)
    if found:
        return found
    try:
        from pyspark import SparkFiles
        shipped = SparkFiles.get(name)
    except Exception:
        shipped = None
    if shipped and os.path.isfile(shipped):
        mode = os.stat(shipped).st_mode
        if not mode & stat.S_IXUSR:
            os.chmod(shipped, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        return shipped
    raise RuntimeError(
        "neardup binary %r is not on this executor's PATH and was not shipped with --files" % name)


def sketch_partition(lines, file_number, name, binary, arguments):
    """Streams one partition's `(line, index)` pairs (index: 0-based line in the file, from
    zipWithIndex) through `neardup sketch`, yielding ("doc", document) and ("problem", problem)."""
    lines = iter(lines)
    first = next(lines, None)
    if first is None:
        return
    command = [resolve_binary(binary), "sketch"] + arguments + ["--stdin-name", name, "--first-line", str(first[1] + 1), "--quiet", "-"]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    failure = []

    def feed():
        try:
            process.stdin.write(first[0].encode("utf-8") + b"\n")
            for line, _ in lines:
                process.stdin.write(line.encode("utf-8") + b"\n")
        except BrokenPipeError:
            pass
        except Exception as error:  # reported after the process ends
            failure.append(error)
        finally:
            try:
                process.stdin.close()
            except BrokenPipeError:
                pass

    errors = []

    def drain():
        for line in process.stderr:
            errors.append(line)
            del errors[:-20]

    threads = [threading.Thread(target=feed, daemon=True), threading.Thread(target=drain, daemon=True)]
    for thread in threads:
        thread.start()
    base = position(file_number, 0)
    for raw in process.stdout:
        record = json.loads(raw)
        line = record.get("line")
        if "id" in record:
            yield ("doc", (
                base + line - 1, record["id"], record["set_size"],
                base64.b64decode(record["bands"]), base64.b64decode(record["signature"]),
                base64.b64decode(record["fingerprints"])))
        else:
            severity = "skipped" if "skipped" in record else "warning"
            yield ("problem", (base + line - 1 if line else base + first[1], severity, record[severity]))
    for thread in threads:
        thread.join()
    status = process.wait()
    if failure:
        raise failure[0]
    if status not in (0, 1):  # 1: some input skipped, reported as problems above
        raise RuntimeError("%s exited with status %d on %s from line %d: %s" % (
            " ".join(command), status, name, first[1] + 1, b"".join(errors).decode("utf-8", "replace")))
