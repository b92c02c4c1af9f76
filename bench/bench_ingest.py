"""Median ingest time of full Inline XBRL 10-Ks (budget: under 0.25 s), beside lxml parsing the same bytes.

python bench/bench_ingest.py [--corpus ../shared/corpus] [--runs 7]
"""

from __future__ import annotations

import gzip
import sys
import tempfile
from pathlib import Path

from lxml import html as lhtml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median_seconds, parser  # noqa: E402
from tracker.pipeline.ingest import Options, ingest_bytes  # noqa: E402
from tracker.store import Store  # noqa: E402

FILES = [
    "amzn-10-k-fy2024.html.gz",
    "ko-10-k-fy2024.html.gz",
    "jnj-10-k-fy2024.html.gz",
    "tsla-10-k-fy2024.html.gz",
    "amzn-10-k-fy2023.html.gz",
]
BUDGET = 0.25


def main() -> int:
    args = parser(__doc__ or "").parse_args()
    print(f"{'document':32} {'MB':>5} {'ingest s':>9} {'lxml parse s':>13} {'ratio':>6}")
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for i, name in enumerate(FILES):
            data = (args.corpus / "ixbrl" / name).read_bytes()
            raw = gzip.decompress(data)
            counter = iter(range(10_000))

            def ingest() -> None:
                store = Store(Path(tmp) / f"b{i}-{next(counter)}.db")
                try:
                    ingest_bytes(store, raw, Path(name), Options())
                finally:
                    store.close()

            ours = median_seconds(ingest, args.runs)
            peer = median_seconds(lambda: lhtml.document_fromstring(raw), args.runs)
            worst = max(worst, ours)
            print(f"{name:32} {len(raw) / 1e6:5.2f} {ours:9.3f} {peer:13.3f} {ours / peer:6.2f}")
    verdict = "within" if worst < BUDGET else "OVER"
    print(f"slowest median ingest {worst:.3f} s: {verdict} the {BUDGET} s budget")
    return 0 if worst < BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
