"""Which pairs `--pairs` lists under issue 9's rule (PairListing), given the clusters: a cluster
of at most `limit` documents lists every pair of its members at or above the threshold (pairs the
bands did not propose are verified too); a larger cluster of n lists n − 1 lines, the
representative against each other member whatever their similarity, with `"group": n`. Pairs
between copies are verified like any other pair and come out as 1 (identical sets)."""


def listed_pairs(members, limit):
    """`((position_a, position_b), (id_a, id_b, group_or_None))` for one cluster's `(position, id)`
    members."""
    members = sorted(members)
    if len(members) > limit:
        head = members[0]
        return [((head[0], m[0]), (head[1], m[1], len(members))) for m in members[1:]]
    return [((a[0], b[0]), (a[1], b[1], None)) for i, a in enumerate(members) for b in members[i + 1:]]
