"""Helpers shared by the benchmarks: the corpus path option and a median timer."""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def parser(description: str) -> argparse.ArgumentParser:
    """An argument parser with the --corpus and --runs options every benchmark takes."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument(
        "--corpus",
        type=Path,
        default=ROOT.parent / "shared" / "corpus",
        help="the shared corpus of real filings (default ../shared/corpus)",
    )
    p.add_argument("--runs", type=int, default=7, help="timed runs per case (the median is quoted)")
    return p


def median_seconds(fn: Callable[[], object], runs: int) -> float:
    """Median wall time of `runs` calls (after one warm-up call)."""
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
