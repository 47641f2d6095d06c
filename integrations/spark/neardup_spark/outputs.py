"""The JSONL outputs of `neardup dedup`, byte for byte: the lines of --pairs, --clusters and
--keep, and writing a sorted RDD of lines to one file (through a hidden temporary file renamed
into place when complete, as neardup does) or to a folder of part files."""
import math
import os


def quoted(value):
    """`value` as a JSON string literal, escaped as neardup's JSONText.quoted escapes it."""
    out = ['"']
    for ch in value:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def number(value):
    """Six decimals, printed as Swift prints a Double (shortest round trip, like Python's repr)."""
    scaled = value * 1e6
    rounded = math.floor(scaled + 0.5) if scaled >= 0 else -math.floor(-scaled + 0.5)
    return repr(rounded / 1e6)


def pair_line(pair):
    """`{"format": 1, "a": id, "b": id, "estimate": …, "jaccard": …[, "group": n]}` of one listed pair
    (format: the version of neardup's pair lines, schemas/dedup-pair.schema.json)."""
    _, (id_a, id_b, estimate, jaccard, group) = pair
    line = '{"format":1,"a":%s,"b":%s,"estimate":%s' % (quoted(id_a), quoted(id_b), number(estimate))
    if jaccard is not None:
        line += ',"jaccard":%s' % number(jaccard)
    if group is not None:
        line += ',"group":%d' % group
    return line + "}"


def cluster_line(members):
    """`{"format": 1, "representative": id, "size": n, "members": [ids]}` of `(position, id)` members."""
    members = sorted(members)
    return '{"format":1,"representative":%s,"size":%d,"members":[%s]}' % (
        quoted(members[0][1]), len(members), ",".join(quoted(m[1]) for m in members))


def write_lines(lines, path, partitioned):
    """Writes an RDD of lines, in its order: to one file streamed through the driver (one
    partition at a time), or with `partitioned` to a folder of part files written by the
    executors."""
    if partitioned:
        lines.saveAsTextFile(path)
        return
    local = path[7:] if path.startswith("file://") else path
    directory, name = os.path.split(os.path.abspath(local))
    temporary = os.path.join(directory, ".%s.tmp-%d" % (name, os.getpid()))
    try:
        with open(temporary, "w", encoding="utf-8", newline="\n") as out:
            for line in lines.toLocalIterator(prefetchPartitions=True):
                out.write(line)
                out.write("\n")
        if os.path.exists(local):
            os.chmod(temporary, os.stat(local).st_mode & 0o7777)
        os.replace(temporary, local)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)


def unwritable(paths, partitioned):
    """Why one of the local output paths cannot be written, before any work starts; None if all
    can. (A folder of part files must not exist yet; one file needs a writable folder.)"""
    for path in paths:
        if "://" in path and not path.startswith("file://"):
            continue
        local = path[7:] if path.startswith("file://") else path
        if partitioned:
            if os.path.exists(local):
                return "%s: exists already (--partitioned-output writes a new folder)" % path
            continue
        if os.path.isdir(local):
            return "%s: is a folder" % path
        directory = os.path.dirname(os.path.abspath(local))
        if not os.path.isdir(directory):
            return "%s: no such folder" % directory
        if not os.access(directory, os.W_OK):
            return "%s: folder not writable" % directory
    return None
