"""Bad input and hostile conditions: concurrent writers, kills, read-only and full databases, fuzzed, huge,
deeply nested and compressed-bomb sources, odd file names, markup in disclosure text.

Nothing may crash: every refusal is a TrackerError (one sentence on stderr, a non-zero exit), and a refused
or interrupted write leaves the database exactly as it was before the file.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.errors import BadInput, TrackerError
from tracker.pipeline.ingest import Options, ingest_bytes, ingest_file
from tracker.pipeline.load import load_bytes
from tracker.read import MAX_DECOMPRESSED
from tracker.store import Store

from .cli import snapshot

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
PEAK_MB = 500


# -- helpers ---------------------------------------------------------------------------------------------
def tracker(*args: object) -> list[str]:
    """The command line of `tracker ARGS` in a fresh interpreter."""
    return [sys.executable, "-c", "from tracker.cli import main; main()", *map(str, args)]


def run(
    *args: object, cwd: Path | None = None, prefix: list[str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    return subprocess.run(
        (prefix or []) + tracker(*args), cwd=cwd, capture_output=True, text=True, timeout=timeout
    )


def query(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def assert_consistent(db: Path) -> None:
    """integrity_check ok; every version has its elements and its source."""
    assert query(db, "pragma integrity_check") == [("ok",)]
    assert query(
        db,
        "select count(*) from filings f where not exists (select 1 from elements e where e.filing_id = f.id)",
    ) == [(0,)]
    assert query(
        db,
        "select count(*) from filings f where not exists (select 1 from sources s "
        "where s.sha256 = f.source_sha256)",
    ) == [(0,)]


def stored_versions(db: Path) -> int:
    """Versions stored so far (0 while the database or its schema is still being made)."""
    try:
        return query(db, "select count(*) from filings")[0][0] if db.exists() else 0
    except sqlite3.OperationalError:
        return 0


def one_sentence(stderr: str) -> str:
    """The single error line of a refused command (no traceback)."""
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    assert lines[0].startswith("error: ") and lines[0].endswith("."), lines[0]
    return lines[0]


# -- concurrency and kills ---------------------------------------------------------------------------------
def test_two_concurrent_ingests_both_succeed(corpus: Path, tmp_path: Path) -> None:
    texts = sorted((corpus / "text").glob("*.txt"))[:36]
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    for i, f in enumerate(texts):
        shutil.copy(f, (a if i % 2 == 0 else b) / f.name)  # AAPL 2023 in a, 2024 in b: one filer, two writers
    db = tmp_path / "shared.db"
    procs = [
        subprocess.Popen(
            tracker("ingest", folder, "--db", db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for folder in (a, b)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
        assert "0 rejected" in out
    assert query(db, "select count(*) from filings") == [(len(texts),)]
    stored = set(
        query(db, "select t.ticker, f.fiscal_year from filings f join tickers t on t.filer_id = f.filer_id")
    )
    assert stored == {(f.stem.split("_")[0], int(f.stem.split("_")[1])) for f in texts}
    assert query(db, "select count(*) from filers") == [(len({f.stem.split("_")[0] for f in texts}),)]
    assert_consistent(db)


def test_a_killed_ingest_leaves_a_consistent_database_and_the_next_run_finishes(
    corpus: Path, tmp_path: Path
) -> None:
    from bench.universe import write_universe

    files = write_universe(tmp_path / "u", 40, seed=11, corpus=corpus)
    db = tmp_path / "kill.db"
    proc = subprocess.Popen(
        tracker("ingest", tmp_path / "u", "--db", db),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if stored_versions(db) >= 3:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the ingest finished before it could be killed"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    kept = query(db, "select count(*) from filings")[0][0]
    assert 3 <= kept < len(files)
    assert_consistent(db)
    done = run("ingest", tmp_path / "u", "--db", db)
    assert done.returncode == 0, done.stderr
    assert f"{len(files)} files read: {len(files) - kept} new, {kept} unchanged" in done.stdout
    assert query(db, "select count(*) from filings") == [(len(files),)]
    assert_consistent(db)


# -- read-only and full databases -------------------------------------------------------------------------
def unprivileged() -> list[str]:
    """A command prefix that makes file permissions bind (root overrides them unless its capabilities go)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: file permissions cannot be made to bind")
    return ["setpriv", "--inh-caps=-all", "--bounding-set=-all"]


@pytest.fixture
def ro_place(corpus: Path) -> Path:
    """A folder outside pytest's private tmp (0700), so a process without root's overrides can reach it."""
    import tempfile

    place = Path(tempfile.mkdtemp(prefix="tracker-ro-"))
    place.chmod(0o755)
    shutil.copy(corpus / "text" / "AMZN_2024.txt", place / "AMZN_2024.txt")
    yield place
    for p in [place, *place.rglob("*")]:
        p.chmod(0o755 if p.is_dir() else 0o644)
    shutil.rmtree(place)


def test_a_read_only_database_file_is_one_clear_sentence(corpus: Path, ro_place: Path) -> None:
    prefix = unprivileged()
    db = ro_place / "ro.db"
    assert run("ingest", corpus / "text" / "AMZN_2023.txt", "--db", db).returncode == 0
    before = snapshot(db)
    db.chmod(0o444)
    refused = run("ingest", ro_place / "AMZN_2024.txt", "--db", db, prefix=prefix)
    assert refused.returncode != 0
    assert one_sentence(refused.stderr).endswith(
        f"the database {db} is read-only; make it and its folder writable or pass --db PATH."
    )
    refused = run("diff-all", "--db", db, prefix=prefix)
    assert refused.returncode == 0 and refused.stdout.startswith("0 pairs found")  # nothing to write
    db.chmod(0o644)
    assert snapshot(db) == before


def test_a_read_only_folder_is_one_clear_sentence(corpus: Path, ro_place: Path) -> None:
    prefix = unprivileged()
    folder = ro_place / "dbs"
    folder.mkdir()
    assert run("ingest", corpus / "text" / "AMZN_2023.txt", "--db", folder / "old.db").returncode == 0
    before = snapshot(folder / "old.db")
    folder.chmod(0o555)
    for db in (folder / "new.db", folder / "old.db"):
        refused = run("ingest", ro_place / "AMZN_2024.txt", "--db", db, prefix=prefix)
        assert refused.returncode != 0
        assert one_sentence(refused.stderr) == (
            f"error: cannot open the database {db}: its folder is "
            "read-only; make the folder writable or pass --db PATH."
        )
    folder.chmod(0o755)
    assert not (folder / "new.db").exists() and snapshot(folder / "old.db") == before


def test_a_full_disk_is_a_clear_error_and_nothing_is_half_written(corpus: Path, db_path: Path) -> None:
    from tracker.pipeline.compare import compare_rows

    store = Store(db_path)
    try:
        ingest_file(store, corpus / "text" / "AMZN_2023.txt", Options())
        ingest_file(store, corpus / "text" / "AMZN_2024.txt", Options())
        pages = store.db.execute("pragma page_count").fetchone()[0]
        store.db.execute(f"pragma max_page_count = {pages + 2}")  # the disk fills after two more pages
        before = snapshot(db_path)
        with pytest.raises(TrackerError) as refused:
            ingest_file(store, corpus / "ixbrl" / "amzn-10-k-fy2024.html.gz", Options())
        assert str(refused.value) == (
            f"the disk holding the database {db_path} is full; free some space "
            "(nothing was written) or pass --db PATH on another disk."
        )
        assert snapshot(db_path) == before
        filer = store.find_filer("AMZN")
        ctx = compare_rows(store, filer, store.filing(filer, 2023), store.filing(filer, 2024))
        data = {**ctx.to_json(), "padding": "x" * 100_000}  # more than the pages left can hold
        with pytest.raises(TrackerError, match="is full"):
            store.save_comparison(ctx.old_row, ctx.new_row, data)
        assert snapshot(db_path) == before
        store.db.execute("pragma max_page_count = 1073741823")  # space again: the same work now succeeds
        result = ingest_file(store, corpus / "ixbrl" / "amzn-10-k-fy2024.html.gz", Options())
        assert result.status == "new version"
        assert store.save_comparison(ctx.old_row, ctx.new_row, data) > 0
    finally:
        store.close()
    assert_consistent(db_path)


# -- fuzzing the readers and the ingest ---------------------------------------------------------------------
def _fuzz_bases(corpus: Path) -> list[bytes]:
    """Small real documents of every format: text extracts, R pages (| text, Markdown, HTML), 10-K HTML."""
    ixbrl = gzip.decompress((corpus / "ixbrl" / "nflx-10-k-fy2024.html.gz").read_bytes())
    start = ixbrl.find(b"Item 1C")
    return [
        (corpus / "text" / "AMZN_2023.txt").read_bytes()[-6000:],
        (corpus / "text" / "UNP_2025_item1c.txt").read_bytes(),
        (corpus / "seeds" / "000_3eaf4e0fdd851dff.txt").read_bytes(),
        (corpus / "seeds" / "001_d5433b62149c76a5.txt").read_bytes(),
        (FIXTURES / "rpage" / "R10.htm").read_bytes(),
        (FIXTURES / "sample" / "nwan-10-k-fy2023.htm").read_bytes(),
        (FIXTURES / "sample" / "nwan-10-k-fy2024.htm").read_bytes(),
        ixbrl[:60000] + ixbrl[max(start, 0) :][:120000] + ixbrl[-2000:],  # header, Item 1C, tail
    ]


TAGS = [
    b"<div>",
    b"</div>",
    b"<p>",
    b"</td></tr></table>",
    b"<table><tr><td>",
    b"<script>x=1</script>",
    b"<!--",
    b"-->",
    b"<![CDATA[",
    b"]]>",
    b"&#0;",
    b"&bogus;",
    b"&#x110000;",
    b"\x00",
    b'<ix:nonNumeric name="cyd:CybersecurityRiskManagementThirdPartyEngagedFlag" format="ixt:fixed-true">',
    b"</ix:nonNumeric>",
    b'<ix:continuation id="c1" continuedAt="c1">',
    b"<ix:exclude>",
    b"<ix:header>",
    b"|Cybersecurity Risk Role of Management [Text Block]\n|",
    b"|X\n",
    b"Item 1C. Cybersecurity\n",
    b"Item 2. Properties\n",
    b"<?xml version='1.0' encoding='utf-16'?>",
    b'<meta charset="shift_jis">',
]


@st.composite
def mutated(draw: st.DrawFn, bases: list[bytes]) -> bytes:
    data = draw(st.sampled_from(bases))
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(["truncate", "splice", "flip", "insert", "unclose", "encoding", "gzip"]))
        n = len(data)
        if op == "truncate" and n:
            data = data[: draw(st.integers(0, n))]
        elif op == "splice":
            other = draw(st.sampled_from(bases))
            data = data[: draw(st.integers(0, n))] + other[draw(st.integers(0, len(other))) :]
        elif op == "flip" and n:
            buf = bytearray(data)
            for pos in draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=20)):
                buf[pos] ^= draw(st.integers(1, 255))
            data = bytes(buf)
        elif op == "insert":
            for tag in draw(st.lists(st.sampled_from(TAGS), min_size=1, max_size=8)):
                pos = draw(st.integers(0, len(data)))
                data = data[:pos] + tag + data[pos:]
        elif op == "unclose":
            closers = [m.start() for m in re.finditer(rb"</[A-Za-z:]+>", data)]
            drop = set(draw(st.lists(st.sampled_from(closers), max_size=50))) if closers else set()
            data = re.sub(rb"</[A-Za-z:]+>", lambda m: b"" if m.start() in drop else m.group(0), data)
        elif op == "encoding":
            enc = draw(st.sampled_from(["utf-16", "utf-16-le", "latin-1", "cp1252", "shift_jis", "utf-32"]))
            data = data.decode("utf-8", errors="replace").encode(enc, errors="replace")
            if draw(st.booleans()):
                prefix = draw(
                    st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b'<meta charset="windows-1252">'])
                )
                data = prefix + data
        elif op == "gzip":
            packed = gzip.compress(data, mtime=0)
            data = packed if draw(st.booleans()) else packed[: draw(st.integers(0, len(packed)))]
    return data


def test_fuzzed_sources_are_read_or_refused_and_a_refusal_changes_nothing(
    corpus: Path, db_path: Path
) -> None:
    bases = _fuzz_bases(corpus)
    store = Store(db_path)
    tried: Counter[str] = Counter()

    def counts() -> list[int]:
        return [
            store.db[t].count
            for t in ("filers", "tickers", "sources", "filings", "elements", "facts", "sentences")
        ]

    @settings(
        max_examples=400,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.one_of(st.binary(max_size=3000), mutated(bases)))
    def check(data: bytes) -> None:
        tried["inputs"] += 1
        try:
            disclosure = load_bytes(data)
            tried[f"read as {disclosure.source_format}"] += 1
        except TrackerError:
            tried["refused by the readers"] += 1
        before = counts()
        try:
            ingest_bytes(store, data, Path("FUZZ_2024.txt"), Options(filer="FUZZ", year=2024))
            tried["ingested"] += 1
        except TrackerError:
            assert counts() == before, "a refused ingest changed the database"
            assert not store.db.conn.in_transaction

    try:
        check()
    finally:
        store.close()
    assert_consistent(db_path)
    line = ", ".join(f"{k} {v}" for k, v in sorted(tried.items()))
    print(f"\nfuzz: {line}")
    assert tried["inputs"] >= 400


# -- huge, deep and compressed inputs ----------------------------------------------------------------
@pytest.fixture(scope="module")
def huge_ingest(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> dict:
    """A real 10-K padded to 50 MB (risk-factor-like paragraphs before its text), ingested by a subprocess."""
    tmp = tmp_path_factory.mktemp("huge")
    raw = gzip.decompress((corpus / "ixbrl" / "amzn-10-k-fy2024.html.gz").read_bytes())
    body = raw.index(b">", raw.lower().index(b"<body")) + 1
    filler = (
        b'<div><p style="font-size:10pt">We face intense competition, and changes in regulation, '
        b"currency and economic conditions could harm our results in any period.</p></div>\n"
    )
    need = 50 * 2**20 - len(raw)
    big = tmp / "amzn-10-k-fy2024-padded.htm"
    big.write_bytes(raw[:body] + (filler * (need // len(filler) + 1))[:need] + raw[body:])
    db = tmp / "huge.db"
    start = time.monotonic()
    # The peak is read inside the child (VmHWM starts afresh at exec); a parent's ru_maxrss of a child
    # started by vfork would include pytest's own peak.
    measured = [sys.executable, "-c", MEASURED_MAIN, "ingest", str(big), "--db", str(db)]
    proc = subprocess.run(measured, capture_output=True, text=True, timeout=600)
    peak = re.search(r"VMHWM_KB=(\d+)", proc.stderr)
    assert peak, proc.stderr
    return {
        "seconds": time.monotonic() - start,
        "peak_mb": int(peak.group(1)) / 1024,
        "out": proc.stdout,
        "err": proc.stderr,
        "db": db,
        "size_mb": big.stat().st_size / 2**20,
    }


MEASURED_MAIN = """
import sys
from tracker.cli import main
try:
    main()
finally:
    hwm = next(line for line in open('/proc/self/status') if line.startswith('VmHWM'))
    sys.stderr.write('VMHWM_KB=' + hwm.split()[1] + chr(10))
"""


def test_a_50_mb_report_is_ingested_in_time(huge_ingest: dict) -> None:
    print(f"\n50 MB 10-K: {huge_ingest['seconds']:.1f} s, peak RSS {huge_ingest['peak_mb']:.0f} MB")
    assert huge_ingest["size_mb"] >= 50
    assert huge_ingest["out"].strip().endswith("2024 10-K v1 new"), huge_ingest["err"]
    assert huge_ingest["seconds"] < 180
    assert query(huge_ingest["db"], "select count(*) from filings") == [(1,)]


def test_a_50_mb_report_stays_within_memory(huge_ingest: dict) -> None:
    assert huge_ingest["peak_mb"] < PEAK_MB, f"peak RSS {huge_ingest['peak_mb']:.0f} MB"


def _deep_documents(corpus: Path) -> dict[str, bytes]:
    small = (FIXTURES / "sample" / "nwan-10-k-fy2024.htm").read_bytes()
    at = small.lower().index(b"item 1c")
    ix = gzip.decompress((corpus / "ixbrl" / "nflx-10-k-fy2024.html.gz").read_bytes())
    body, end = ix.index(b">", ix.index(b"<body")) + 1, ix.rindex(b"</body>")
    n = 100_000
    return {
        "bare divs": b"<html><body>"
        + b"<div>" * n
        + b"Item 1C. Cybersecurity"
        + b"</div>" * n
        + b"</body></html>",
        "10-K with a deep Item 1C": small[:at]
        + b"<div>" * n
        + small[at:].replace(b"</body>", b"</div>" * n + b"</body>"),
        "10-K never closing": small[:at] + b"<span><b>" * (n // 2) + small[at:],
        "Inline XBRL deep": ix[:body] + b"<div>" * n + ix[body:end] + b"</div>" * n + ix[end:],
    }


@pytest.mark.parametrize(
    "kind", ["bare divs", "10-K with a deep Item 1C", "10-K never closing", "Inline XBRL deep"]
)
def test_deeply_nested_html_is_read_or_refused_never_a_crash(kind: str, corpus: Path, tmp_path: Path) -> None:
    source = tmp_path / "NWAN_2024.htm"
    source.write_bytes(_deep_documents(corpus)[kind])
    done = run("ingest", source, "--db", tmp_path / "t.db", timeout=60)
    assert done.returncode in (0, 2), (done.returncode, done.stderr[-2000:])  # no signal, no unexpected error
    if done.returncode == 2:
        one_sentence(done.stderr)


def test_a_gzip_bomb_is_refused_without_expanding_it(tmp_path: Path) -> None:
    bomb = tmp_path / "BOMB_2024.txt.gz"
    bomb.write_bytes(gzip.compress(b" " * 2**20, 9) * (4 * MAX_DECOMPRESSED // 2**20))  # 256 MB in members
    assert bomb.stat().st_size < 2**20
    with pytest.raises(BadInput, match="expands past 64 MB"):
        load_bytes(bomb.read_bytes())
    done = run("ingest", bomb, "--db", tmp_path / "t.db")
    assert done.returncode == 2
    assert one_sentence(done.stderr) == (
        f"error: {bomb}: the gzip file expands past 64 MB; it is not a single annual report."
    )
    layered = gzip.compress(bomb.read_bytes(), 9)  # a bomb inside a gzip
    with pytest.raises(BadInput):
        load_bytes(layered)


# -- odd file names ----------------------------------------------------------------------------------
ODD_NAMES = [
    "with space (2023).txt",
    "ünïcødé – 年報.txt",
    'it\'s "quoted".txt',
    "-x.txt",
    "--help.txt",
    "semi;colon & $HOME.txt",
]


def test_odd_file_names_are_ingested(corpus: Path, tmp_path: Path) -> None:
    sources = [
        "AMZN_2023.txt",
        "GOOGL_2023.txt",
        "JNJ_2023.txt",
        "LC_2023.txt",
        "MXL_2023.txt",
        "POWI_2023.txt",
    ]
    for name, src in zip(ODD_NAMES, sources):
        shutil.copy(corpus / "text" / src, tmp_path / name)
    db = tmp_path / "odd.db"
    args = ["ingest", "--filer", "ODD", "--year", "2023", "--db", db, "--"]
    done = run(*args, *ODD_NAMES[:-1], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    done = run("ingest", "--filer", "ODD", "--year", "2023", "--db", db, f"./{ODD_NAMES[-1]}", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    paths = [p for (p,) in query(db, "select source_path from filings order by version")]
    assert [Path(p).name for p in paths] == ODD_NAMES
    assert query(db, "select max(version) from filings") == [(len(ODD_NAMES),)]


# -- markup in disclosure text and the HTML report ---------------------------------------------------
HOSTILE = (
    "<script>alert('pwned')</script> Our Audit Committee oversees <img src=x onerror=alert(1)> the "
    'program. "><svg onload=alert(2)> {{ 7*7 }} {% raw %} </style><style>body{display:none}</style> '
    '<a href="javascript:alert(3)">portal</a> ' + "W" * 20000 + " is reviewed quarterly."
)


def test_markup_in_disclosure_text_is_escaped_in_the_html_report(corpus: Path, tmp_path: Path) -> None:
    from lxml import html as lhtml

    from tracker.pipeline.compare import compare_files
    from tracker.render.html import render_comparison_html

    base = (corpus / "text" / "UNP_2025_item1c.txt").read_text(encoding="utf-8")
    old, new = tmp_path / "UNP_2024.txt", tmp_path / "UNP_2025.txt"
    old.write_text(base, encoding="utf-8")
    at = base.index("of this report.") + len("of this report.")
    new.write_text(base[:at] + " " + HOSTILE + base[at:], encoding="utf-8")
    page = render_comparison_html(compare_files(old, new))
    tree = lhtml.document_fromstring(page)
    assert not tree.xpath("//script | //img | //svg | //iframe | //object | //embed")
    handlers = [
        a for el in tree.iter() if isinstance(el.tag, str) for a in el.attrib if a.lower().startswith("on")
    ]
    assert not handlers
    assert not tree.xpath("//*[starts-with(normalize-space(@href), 'javascript:')]")
    assert "body{display:none}" not in "".join(tree.xpath("//style/text()"))
    text = tree.text_content()
    assert "<script>alert('pwned')</script>" in text and "{{ 7*7 }}" in text
    assert "W" * 20000 in text.replace("\u200b", "").replace("\u00ad", "")


# -- hardening: endless input, invisible characters, read-only folders, full disks ----------------------------
LIMITED_MAIN = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))  # an endless read fails here, not on the machine
from tracker.cli import main
try:
    main()
finally:
    hwm = next(line for line in open('/proc/self/status') if line.startswith('VmHWM'))
    sys.stderr.write('VMHWM_KB=' + hwm.split()[1] + chr(10))
"""


def test_dev_zero_is_refused_at_the_size_cap_in_bounded_memory(tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            LIMITED_MAIN,
            "ingest",
            "/dev/zero",
            "--filer",
            "BZ",
            "--year",
            "2024",
            "--db",
            str(tmp_path / "t.db"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    peak = re.search(r"VMHWM_KB=(\d+)", done.stderr)
    err = done.stderr[: peak.start()] if peak else done.stderr
    assert done.returncode == 2, err
    assert (
        one_sentence(err)
        == "error: /dev/zero: the file is larger than 64 MB; it is not a single annual report."
    )
    assert peak and int(peak.group(1)) / 1024 < 250, "reading /dev/zero was not bounded by the cap"


def test_invisible_characters_are_stripped_and_plain_text_is_left_as_it_is() -> None:
    from tracker.text.normalize import strip_invisible

    plain = "Our Chief Information Security Officer \u201cCISO\u201d reports\tquarterly.\r\n"
    assert strip_invisible(plain) is plain and strip_invisible("ascii only\n") == "ascii only\n"
    assert (
        strip_invisible("Chief \x1b[1;31mInformation\x1b[0m Security \u202eOfficer\u202c")
        == "Chief Information Security Officer"
    )
    assert (
        strip_invisible("a\x1b]8;;https://x.test/\x1b\\link\x1b]8;;\x07b \x9b2Jc\x00\x7f\x85d")
        == "alinkb c\nd"
    )
    assert strip_invisible("page one\x0cpage two") == "page one\npage two"  # a form feed is a line break
    assert (
        strip_invisible("\u2066CISO\u2069 \u200ename\u200f") == "CISO name"
    )  # marks mean nothing in English
    hebrew = "\u05e9\u05dc\u05d5\u05dd\u200f (CISO)"
    assert strip_invisible(hebrew) == hebrew  # ... and keep their meaning in right-to-left text


def test_a_database_in_a_read_only_folder_can_still_be_read(corpus: Path, ro_place: Path) -> None:
    prefix = unprivileged()
    folder = ro_place / "dbs"
    folder.mkdir()
    db = folder / "t.db"
    for year in (2023, 2024):
        assert run("ingest", corpus / "text" / f"AMZN_{year}.txt", "--db", db).returncode == 0
    before, files = snapshot(db), sorted(p.name for p in folder.iterdir())
    folder.chmod(0o555)
    try:
        for args in (
            ["filers"],
            ["show", "AMZN", "2024"],
            ["diff", "AMZN", "2023", "2024"],
            ["history", "AMZN"],
            ["explain", "AMZN", "2024"],
            ["show", "AMZN", "2024", "--format", "json"],
        ):
            done = run(*args, "--db", db, prefix=prefix)
            assert done.returncode == 0 and done.stdout.strip(), (args, done.stderr)
        refused = run("ingest", ro_place / "AMZN_2024.txt", "--db", db, prefix=prefix)
        assert one_sentence(refused.stderr) == (
            f"error: cannot open the database {db}: its folder is read-only; "
            "make the folder writable or pass --db PATH."
        )
    finally:
        folder.chmod(0o755)
    assert snapshot(db) == before and sorted(p.name for p in folder.iterdir()) == files
    conn = sqlite3.connect(db)
    conn.execute("update tracker_meta set value = '1' where key = 'schema_version'")
    conn.commit()
    conn.close()
    folder.chmod(0o555)
    try:
        refused = run("filers", "--db", db, prefix=prefix)
    finally:
        folder.chmod(0o755)
    assert refused.returncode == 3
    assert one_sentence(refused.stderr) == (
        f"error: the database {db} was made by an older tracker and its folder is "
        "read-only, so it cannot be brought up to date; make the folder writable "
        "once or pass --db PATH."
    )


@pytest.fixture
def small_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Mount a small tmpfs (a disk that fills): `small_disk(size)` returns its folder; needs root."""
    mounted: list[Path] = []

    def mount(size: str) -> Path:
        place = tmp_path / f"disk{len(mounted)}"
        place.mkdir()
        try:
            done = subprocess.run(
                ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(place)],
                capture_output=True,
                text=True,
            )
        except FileNotFoundError:
            pytest.skip("no mount command: a small disk cannot be made here")
        if done.returncode != 0:
            pytest.skip(f"a small disk cannot be mounted here (root only): {done.stderr.strip()}")
        mounted.append(place)
        return place

    yield mount
    for place in mounted:
        subprocess.run(["umount", str(place)], capture_output=True)


def grow(place: Path, size: str) -> None:
    """Give a small disk more room."""
    subprocess.run(["mount", "-o", f"remount,size={size}", str(place)], check=True)


def test_a_disk_that_fills_while_reports_are_written_leaves_no_partial_file(
    corpus: Path, tmp_path: Path, small_disk
) -> None:  # type: ignore[no-untyped-def]
    from bench.universe import write_universe

    write_universe(tmp_path / "u", 12, seed=3, corpus=corpus)
    db = tmp_path / "db" / "t.db"
    assert run("ingest", tmp_path / "u", "--db", db).returncode == 0
    disk = small_disk("400k")  # room for about half of the reports
    (db.parent / "reports").symlink_to(disk)
    full = run("diff-all", "--reports", "--workers", "1", "--db", db)
    assert full.returncode == 3, full.stderr
    message = one_sentence(full.stderr)
    saved = re.fullmatch(
        r"error: the disk filled up while diff-all wrote to the reports folder "
        rf"{re.escape(str(db.parent / 'reports'))}; (\d+) comparisons and (\d+) reports were saved "
        r"before it did, so free some space and run diff-all again to finish\.",
        message,
    )
    assert saved, message
    written = sorted(disk.iterdir())
    assert written and all(p.suffix == ".html" and not p.name.startswith(".") for p in written), written
    assert all(p.read_text(encoding="utf-8").rstrip().endswith("</html>") for p in written)  # each one whole
    stored = query(db, "select report_path from comparisons where report_path is not null")
    assert len(stored) == int(saved.group(2)) and all((db.parent / p).exists() for (p,) in stored)
    grow(disk, "10m")
    again = run("diff-all", "--reports", "--workers", "1", "--db", db)
    assert again.returncode == 0, again.stderr
    paths = query(db, "select report_path from comparisons")
    assert len(paths) == 12 and all(p and (db.parent / p).exists() for (p,) in paths)
    assert not [p for p in disk.iterdir() if p.name.startswith(".") or p.suffix != ".html"]


def test_a_disk_that_fills_during_a_folder_ingest_says_what_was_saved(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_disk
) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from bench.universe import write_universe
    from tracker.cli import app
    from tracker.pipeline import batch

    files = write_universe(tmp_path / "u", 12, seed=3, corpus=corpus)
    db = small_disk("1m") / "t.db"
    monkeypatch.setattr(batch, "BATCH_ROWS", 1)  # a transaction per file: earlier files are saved for sure
    full = CliRunner().invoke(app, ["ingest", str(tmp_path / "u"), "--workers", "1", "--db", str(db)])
    assert full.exit_code == 3, full.stderr
    saved = query(db, "select count(*) from filings")[0][0]
    assert 1 <= saved < len(files)
    assert full.stderr == (
        f"error: the disk holding the database {db} filled up after {saved} of {len(files)} files "
        "were saved (they are kept); free some space and run the ingest again to store the rest.\n"
    )
    assert len(full.stdout.splitlines()) == saved  # one line per file saved, none for the rest
    assert_consistent(db)
    grow(db.parent, "20m")
    again = CliRunner().invoke(app, ["ingest", str(tmp_path / "u"), "--workers", "1", "--db", str(db)])
    assert again.exit_code == 0, again.stderr
    assert f"{len(files)} files read: {len(files) - saved} new, {saved} unchanged" in again.stdout
