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
    """`{"a": id, "b": id, "estimate": …, "jaccard": …}` of one verified pair."""
    _, (id_a, id_b, estimate, jaccard) = pair
    line = '{"a":%s,"b":%s,"estimate":%s' % (quoted(id_a), quoted(id_b), number(estimate))
    if jaccard is not None:
        line += ',"jaccard":%s' % number(jaccard)
    return line + "}"


def cluster_line(members):
    """`{"representative": id, "size": n, "members": [ids]}` of `(position, id)` members."""
    members = sorted(members)
    return '{"representative":%s,"size":%d,"members":[%s]}' % (
        quoted(members[0][1]), len(members), ",".join(quoted(m[1]) for m in members))


def write_lines(lines, path, partitioned):
    """Writes an RDD of lines, in its order: to one file streamed through the driver (one
    partition at a time), or with `partitioned` to a folder of part files written by the
    executors."""
    if partitioned:
        lines.saveAsTextFile(path)
        return
    directory, name = os.path.split(os.path.abspath(path))
    temporary = os.path.join(directory, ".%s.tmp-%d" % (name, os.getpid()))
    try:
        with open(temporary, "w", encoding="utf-8", newline="\n") as out:
            for line in lines.toLocalIterator():
                out.write(line)
                out.write("\n")
        if os.path.exists(path):
            os.chmod(temporary, os.stat(path).st_mode & 0o7777)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
