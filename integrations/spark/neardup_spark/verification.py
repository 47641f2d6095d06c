"""Verification of candidate pairs, computed as `neardup dedup` computes it (PairVerifier): the
estimate is the share of equal compact signature values; exact Jaccard is |A ∩ B| / |A ∪ B| of
the two sets of 64-bit shingle hashes. A pair is kept when its Jaccard (exact verification) or
its estimate (estimate verification) is at least the threshold.

Both documents' data meet without a shuffle of the document table: it is partitioned by id once
(identity.first_per_id), and each step co-groups it with requests partitioned the same way.
The second document's signature and fingerprints travel once per candidate pair.
"""
import sys
from array import array


def _values(data, code):
    values = array(code)
    values.frombytes(data)
    if sys.byteorder != "little":
        values.byteswap()
    return values


def estimate(signature_a, signature_b):
    """The share of equal slots of two compact signatures (little-endian u32 each)."""
    a, b = _values(signature_a, "I"), _values(signature_b, "I")
    return sum(1 for x, y in zip(a, b) if x == y) / len(a)


def jaccard(fingerprints_a, fingerprints_b):
    """|A ∩ B| / |A ∪ B| of two sorted, distinct u64 sets; 0 when either is empty."""
    if not fingerprints_a or not fingerprints_b:
        return 0.0
    if fingerprints_a == fingerprints_b:
        return 1.0
    a, b = _values(fingerprints_a, "Q"), _values(fingerprints_b, "Q")
    shared = len(set(a).intersection(b))
    return shared / (len(a) + len(b) - shared)


def verified_pairs(firsts, candidates, threshold, exact, partitions, keeps_all_tagged=False):
    """`((position_a, position_b), (id_a, id_b, estimate, jaccard_or_None, tag))` per verified pair.

    `candidates` holds `((position_a, position_b), (id_a, id_b))` or `(…, (id_a, id_b, tag))`; a
    pair is kept when its Jaccard (exact) or estimate reaches the threshold, or, with
    `keeps_all_tagged`, when its tag is not None whatever its similarity."""
    # Step 1: each candidate asks its second document (b) for its data.
    asks = candidates.map(
        lambda c: (c[1][1], (c[0][0], c[0][1], c[1][0], c[1][2] if len(c[1]) > 2 else None))
    ).partitionBy(partitions)

    def answer(entry):
        identifier, (tables, requests) = entry
        for first, _ in tables:
            for pos_a, pos_b, id_a, tag in requests:
                yield (id_a, (pos_a, pos_b, identifier, first[4], first[5], tag))

    answered = firsts.cogroup(asks, partitions).flatMap(answer).partitionBy(partitions)

    # Step 2: the first document (a) meets each answer and the pair is verified.
    def verify(entry):
        identifier, (tables, answers) = entry
        for first, _ in tables:
            for pos_a, pos_b, id_b, signature_b, fingerprints_b, tag in answers:
                similarity = estimate(first[4], signature_b)
                exact_similarity = jaccard(first[5], fingerprints_b) if exact else None
                if (exact_similarity if exact else similarity) >= threshold or (keeps_all_tagged and tag is not None):
                    yield ((pos_a, pos_b), (identifier, id_b, similarity, exact_similarity, tag))

    return firsts.cogroup(answered, partitions).flatMap(verify)
