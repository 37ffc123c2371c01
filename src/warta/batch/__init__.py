"""Batch analysis of many documents: the same ``analyze`` on local processes or on Ray.

``run_batch`` streams the input into fixed-size shards (deterministic: the same input
always gives the same shards), analyses each shard on a worker that loads the model
once, and writes each finished shard as Parquet files partitioned by publication date
(``out/<table>/date=YYYY-MM-DD/part-<shard>.parquet``) plus a done-marker. A rerun skips
shards that have their marker, so an interrupted batch resumes and ends with the same
output as an uninterrupted one. ``load_batch`` merges a batch output into a store,
record by record: a bad record is reported with its file and row, every good one stored.
"""

from warta.batch.load import LoadReport, load_batch
from warta.batch.runner import BatchReport, run_batch

__all__ = ["BatchReport", "LoadReport", "load_batch", "run_batch"]
