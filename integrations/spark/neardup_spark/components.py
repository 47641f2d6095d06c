"""Clusters: connected components of the verified pairs, by iterative minimum-label propagation
(each document takes the smallest label among itself and its neighbours until nothing changes).
A component's label is then its smallest position, its earliest document: the representative
`neardup dedup` names. Nothing that grows with the corpus goes to the driver: each round ends
with one count of changed labels.
"""
from pyspark import StorageLevel


def component_labels(pairs, partitions, max_rounds=10000):
    """`(position, representative_position)` for every document in some pair."""
    edges = (pairs.flatMap(lambda p: [(p[0][0], p[0][1]), (p[0][1], p[0][0])])
             .partitionBy(partitions).persist(StorageLevel.MEMORY_AND_DISK))
    labels = edges.reduceByKey(min, partitions).map(lambda e: (e[0], min(e))).partitionBy(partitions)
    labels.persist(StorageLevel.MEMORY_AND_DISK)
    for round_number in range(max_rounds):
        offered = edges.join(labels, partitions).map(lambda e: (e[1][0], e[1][1]))
        updated = offered.union(labels).reduceByKey(min, partitions)
        if round_number % 10 == 9:
            updated.localCheckpoint()  # cuts the lineage that grows by a join every round
        else:
            updated.persist(StorageLevel.MEMORY_AND_DISK)
        changed = updated.join(labels, partitions).filter(lambda e: e[1][0] != e[1][1]).count()
        labels.unpersist()
        labels = updated
        if changed == 0:
            edges.unpersist()
            return labels
    raise RuntimeError("connected components did not converge in %d rounds" % max_rounds)
