"""The use cases that run the stages in order: ingest, compare, diff-all."""
