"""Candidate pairs from LSH buckets, with the large-bucket rule of issue 9 (text-dedup's rule): a
bucket of at most `limit` documents gives every pair of its members; a larger one gives only the
pairs of its first (earliest) member with each other member, m − 1 candidates instead of
m(m − 1)/2. Documents without shingles are in no bucket."""
import struct


def band_entries(entry):
    """`((band, key), (position, id))` per band of one `(id, document)` entry."""
    identifier, document = entry
    pos, _, set_size, bands = document[0], document[1], document[2], document[3]
    if set_size == 0:
        return []
    keys = struct.unpack("<%dQ" % (len(bands) // 8), bands)
    return [((band, key), (pos, identifier)) for band, key in enumerate(keys)]


def bucket_pairs(members, limit):
    """The candidate pairs of one bucket: `((first_position, second_position), (first_id,
    second_id))` with first < second."""
    members = sorted(members)
    if len(members) > limit:
        head = members[0]
        return [((head[0], other[0]), (head[1], other[1])) for other in members[1:]]
    return [((a[0], b[0]), (a[1], b[1])) for i, a in enumerate(members) for b in members[i + 1:]]


def candidate_pairs(firsts, limit, partitions):
    """The distinct candidate pairs of the documents in `firsts` (`(id, (document, _))`)."""
    buckets = firsts.flatMap(lambda e: band_entries((e[0], e[1][0]))).groupByKey(partitions)
    return (buckets.flatMap(lambda bucket: bucket_pairs(bucket[1], limit))
            .reduceByKey(lambda x, _: x, partitions))
