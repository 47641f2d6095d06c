"""NearDup's corpus deduplication on Apache Spark: the pieces of integrations/spark/dedup.py.

Each module holds one stage: sketching (partitions through `neardup sketch`), identity (duplicate
ids), candidates (LSH buckets), verification, components (clusters) and outputs (JSONL).
"""
