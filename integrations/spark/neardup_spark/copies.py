"""Exact copies, as issue 9's `neardup dedup` groups them (ExactCopies): documents with identical
shingle sets. Only the earliest of each group (its representative) is banded and verified; the
others join its cluster through a link, so m copies cost O(m), not an LSH bucket's m(m − 1)/2.

The key is the set of 64-bit shingle hashes itself (exact verification), or the compact
signature (estimate verification, where identical signatures have estimate 1 and behave as
copies), with the set size; hashed to 16 bytes (BLAKE2b), so a false match needs a 128-bit
collision. Documents without shingles are never copies.
"""
import hashlib


def content_key(document, exact):
    """The key of one document's shingle set, or None for a document without shingles."""
    set_size = document[2]
    if set_size == 0:
        return None
    data = document[5] if exact else document[4]
    return hashlib.blake2b(set_size.to_bytes(8, "little") + data, digest_size=16).digest()


def _links(group):
    members = sorted(group[1])
    head = members[0]
    return [((head[0], other[0]), (head[1], other[1])) for other in members[1:]]


def copy_links(firsts, exact, partitions):
    """`((representative_position, copy_position), (representative_id, copy_id))` per copy."""
    keyed = firsts.flatMap(lambda e: [] if content_key(e[1][0], exact) is None
                           else [(content_key(e[1][0], exact), (e[1][0][0], e[0]))])
    return keyed.groupByKey(partitions).flatMap(_links)


def without_copies(firsts, links, partitions):
    """`firsts` less the copies, without moving the table (co-grouped on its id partitioning)."""
    marks = links.map(lambda link: (link[1][1], None)).partitionBy(partitions)
    return firsts.cogroup(marks, partitions).flatMap(
        lambda e: [(e[0], first) for first in e[1][0]] if not list(e[1][1]) else [])
