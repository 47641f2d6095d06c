"""Duplicate ids, as `neardup dedup` treats them: the earliest document with an id is kept, every
later one is left out with a message naming both places."""


def _earlier(a, b):
    return a if a[0] <= b[0] else b


def first_per_id(documents, partitions):
    """`(id, (document, later_positions))` per id, partitioned by id (hash): the earliest document
    with the id and the positions of the others. One shuffle of the documents."""
    keyed = documents.map(lambda d: (d[1], d))

    def create(d):
        return (d, ())

    def merge_value(c, d):
        kept = _earlier(c[0], d)
        other = d if kept is c[0] else c[0]
        return (kept, c[1] + (other[0],))

    def merge_combiners(c1, c2):
        kept = _earlier(c1[0], c2[0])
        other = c2[0] if kept is c1[0] else c1[0]
        return (kept, c1[1] + c2[1] + (other[0],))

    return keyed.combineByKey(create, merge_value, merge_combiners, numPartitions=partitions)


def duplicate_messages(firsts, names):
    """`(position, message)` per left-out document, worded as `neardup dedup` words it."""
    from .positions import location
    from .outputs import quoted

    def messages(entry):
        identifier, (kept, later) = entry
        for pos in later:
            yield (pos, "%s: skipped: duplicate id %s, first at %s; the first is kept" % (
                location(names, pos), quoted(identifier), location(names, kept[0])))

    return firsts.flatMap(messages)
