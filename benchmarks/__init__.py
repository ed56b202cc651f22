"""Benchmarks: accuracy, speed and scaling of govextract (run as ``python -m benchmarks.NAME``)."""
