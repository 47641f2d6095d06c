"""The stages of `neardup discover` on Spark executors, each through the binary on one partition:

- sketch: the partition's JSONL records through `neardup discover sketch` (one sketch line per
  story, matched back to the record's position by id);
- candidates: the partition's story sketches through `neardup discover candidates`, against the
  sketches of the whole archive (all against all, `--same-archive`: the document frequencies and
  source order are the archive's, as in one run) or of the sources;
- align: the partition's candidate pairs, with the texts of their stories and sources, through
  `neardup discover align`, which writes the link lines.

A record is `(position, id, line)`: its place in the input (positions.py), its id, and its JSONL
line as read. Problems the binary reports on standard error are kept as `(position, message)`.
"""
import json
import os
import shutil
import subprocess
import tempfile

from .sketching import resolve_binary


def record_id(line, id_field):
    """The id of a JSONL record, or None when the line is not a JSON object with a string id
    (neardup reports and skips such a line itself)."""
    try:
        value = json.loads(line)
    except ValueError:
        return None
    identifier = value.get(id_field) if isinstance(value, dict) else None
    return identifier if isinstance(identifier, str) else None


def without_option(arguments, name):
    """`arguments` without the option `name` and its value (`NAME VALUE` or `NAME=VALUE`)."""
    result, skip = [], False
    for argument in arguments:
        if skip:
            skip = False
        elif argument == name:
            skip = True
        elif not argument.startswith(name + "="):
            result.append(argument)
    return result


def run_binary(binary, arguments, folder):
    """Runs `neardup ARGUMENTS` in `folder`; returns its standard output lines and standard error
    lines. Exit status 0 or 1 (some input skipped, reported) is accepted; anything else raises."""
    command = [resolve_binary(binary)] + arguments
    run = subprocess.run(command, cwd=folder, capture_output=True)
    if run.returncode not in (0, 1):
        raise RuntimeError("%s exited with status %d: %s" % (
            " ".join(command), run.returncode, run.stderr.decode("utf-8", "replace")[-2000:]))
    return run.stdout.decode("utf-8").splitlines(), run.stderr.decode("utf-8", "replace").splitlines()


def _with_folder(work):
    folder = tempfile.mkdtemp(prefix="neardup-discover-")
    try:
        return work(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _write(folder, name, lines):
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for line in lines:
            out.write(line)
            out.write("\n")
    return path


def sketch_partition(records, binary, arguments):
    """`(position, sketch_line)` for the partition's records (`(position, id, line)`, in order)."""
    records = list(records)
    if not records:
        return []

    def work(folder):
        path = _write(folder, "records.jsonl", (r[2] for r in records))
        lines, _ = run_binary(binary, ["discover", "sketch"] + arguments + [path], folder)
        # Sketches come in input order, one per record the binary read: match them by id.
        result, at = [], 0
        for line in lines:
            identifier = json.loads(line)["id"]
            while at < len(records) and records[at][1] != identifier:
                at += 1
            if at == len(records):
                raise RuntimeError("neardup discover sketch wrote a sketch of %r, which is not in its input" % identifier)
            result.append((records[at][0], line))
            at += 1
        return result

    return _with_folder(work)


def candidates_partition(sketches, archive, binary, arguments, same_archive):
    """`(story_position, rank, candidate_line)` for the partition's story sketches
    (`(position, sketch_line)`), searched against the sketches file `archive`."""
    sketches = sorted(sketches)
    if not sketches:
        return []

    def work(folder):
        path = _write(folder, "stories.sketch.jsonl", (s[1] for s in sketches))
        options = ["--sources", archive] + (["--same-archive"] if same_archive else [])
        lines, _ = run_binary(binary, ["discover", "candidates"] + arguments + options + [path], folder)
        position_of = {json.loads(s[1])["id"]: s[0] for s in sketches}
        result, rank = [], 0
        for line in lines:
            story = json.loads(line)["story"]
            result.append((position_of[story], rank, line))
            rank += 1
        return result

    return _with_folder(work)


def align_partition(groups, binary, arguments, input_arguments, apart):
    """The link lines of the partition's stories, as `((story_position, n), link_line)`.

    `groups` are `(story_id, (story_record, [(rank, candidate_line, source_record)]))` with
    records `(position, id, line)`. With `apart` (stories searched against separate sources),
    the sources go to `--sources`; otherwise stories and sources are one archive's records.
    """
    groups = sorted(groups, key=lambda g: g[1][0][0])
    if not groups:
        return []

    def work(folder):
        pairs, stories, sources = [], {}, {}
        for _, (story, candidates) in groups:
            stories[story[1]] = story
            for _, line, source in sorted(candidates):
                pairs.append(line)
                sources[source[1]] = source
        candidates_path = _write(folder, "candidates.jsonl", pairs)
        if apart:
            story_path = _write(folder, "stories.jsonl", (r[2] for r in sorted(stories.values())))
            source_path = _write(folder, "sources.jsonl", (r[2] for r in sorted(sources.values())))
            files = ["--sources", source_path, story_path]
        else:
            records = dict(sources)
            records.update(stories)
            files = [_write(folder, "records.jsonl", (r[2] for r in sorted(records.values())))]
        lines, _ = run_binary(
            binary, ["discover", "align", "--candidates", candidates_path] + arguments + input_arguments + files,
            folder)
        position_of = {story[1]: story[0] for story in stories.values()}
        return [((position_of[json.loads(line)["story"]], n), line) for n, line in enumerate(lines)]

    return _with_folder(work)
