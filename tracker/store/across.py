"""Across filers: a filer among its peers in one fiscal year (`peers`), and the whole store year by year
(`trends`), computed from the stored facts, flags and comparisons of the latest version of each filer-year.

Both read the same rows the Datasette views of `tracker.store.views` read (`peer_grid`, `trend_*`), and
`tests/test_across.py` checks that the two agree. A filer "states" a fact when the fact has a value in its
latest version (for the material-incident statement: a value other than `absent`); it "names a CISO" when one
of its responsible titles is a Chief Information Security Officer (Global, Interim, Acting and Deputy too). The
renderers (`tracker.render.across`) say the results in text, JSON and HTML; `peer_rows` gives the grid as
plain rows for exports.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from tracker.errors import BadInput
from tracker.facts.catalogue import SPECS
from tracker.models import ELEMENTS, FLAGS
from tracker.store import LATEST_FILINGS_SQL, Filer, Store
from tracker.store.views import CISO_WORDS

#: The facts of the grid, in catalogue order, with their plain labels.
FACTS: list[tuple[str, str]] = [(s.name, s.label) for s in SPECS]
CISO = "ciso"
CISO_LABEL = "Names a Chief Information Security Officer"
#: The things a reader expects a disclosure to state, for "what the filer omits that most peers state".
KEY_THINGS = [
    (CISO, CISO_LABEL),
    ("frameworks", "Names a framework it follows"),
    ("briefing_frequency", "Says how often the board is briefed"),
    ("material_incident_statement", "Makes a statement on material incidents"),
    ("board_oversight", "Names the board body that oversees cybersecurity"),
    ("reports_to", "Says whom the person responsible reports to"),
    ("experience_years", "States the experience of those responsible"),
]
#: Fact changes counted by `trends` (the kinds of the `changes` table).
FACT_KINDS = ("fact_added", "fact_removed", "fact_changed")
SIGNIFICANT = ("high", "medium")
#: The facts `trends` counts values of (the CISO is read from the responsible titles).
TREND_FACTS = ("responsible_titles", "frameworks", "board_oversight", "briefing_frequency")


def flag_label(element: str) -> str:
    """The plain label of a flag ("Says it engages assessors, consultants or auditors")."""
    return ELEMENTS[element].plain or ELEMENTS[element].label


# --------------------------------------------------------------------------- one filing's profile
@dataclass
class Profile:
    """What one latest version states: its facts' values and its six flags."""

    filing_id: int
    """The filings row."""
    filer_id: int
    """The filer."""
    filer: str
    """The filer's name (else ticker, else CIK)."""
    ticker: str | None
    """Its first ticker."""
    cik: str | None = None
    """Its CIK, when known."""
    tickers: list[str] = field(default_factory=list)
    """Its tickers."""
    facts: dict[str, list[str]] = field(default_factory=dict)
    """Fact name -> its values as plain text, in stored order."""
    flags: dict[str, str | None] = field(default_factory=dict)
    """Flag element -> 'true', 'false' or None (not stated)."""
    flag_sources: dict[str, str] = field(default_factory=dict)
    """Flag element -> tagged, inferred or absent."""
    true_flags: set[str] = field(default_factory=set)
    """The flags it states true anywhere (a flag element repeated: any of them; what `trends` counts)."""

    def states(self, fact: str) -> bool:
        """Whether it states the fact (or names a CISO, for `ciso`)."""
        if fact == CISO:
            return any(CISO_WORDS in t.lower() for t in self.facts.get("responsible_titles", []))
        values = self.facts.get(fact, [])
        if fact == "material_incident_statement":
            return any(v != "absent" for v in values)
        return bool(values)

    def count(self, fact: str) -> int:
        """How many values it states for a fact (0 for an `absent` statement; 1 for `ciso` when it names one)."""
        if fact == CISO:
            return int(self.states(CISO))
        return len(self.facts.get(fact, [])) if self.states(fact) else 0


def _placeholders(values: Iterable[object]) -> str:
    return ", ".join("?" for _ in values)


def load_profiles(
    store: Store, year: int, filer_ids: list[int] | None = None, facts: tuple[str, ...] | None = None
) -> list[Profile]:
    """The profile of the latest version of every filer (or of `filer_ids`) for one fiscal year, by filer
    (with only `facts`, when given)."""
    where, params = "l.fiscal_year = ?", list[object]([year])
    if filer_ids is not None:
        where += " and l.filer_id in (select value from json_each(?))"
        params.append(json.dumps(filer_ids))
    db = store.db
    profiles: dict[int, Profile] = {}
    for r in db.query(
        f"""select l.id, l.filer_id, coalesce(fl.name, json_extract(fl.tickers, '$[0]'), fl.cik) as filer,
                   json_extract(fl.tickers, '$[0]') as ticker, fl.cik, fl.tickers
            from ({LATEST_FILINGS_SQL}) l join filers fl on fl.id = l.filer_id where {where}""",
        params,
    ):
        tickers = json.loads(r["tickers"] or "[]")
        profiles[r["id"]] = Profile(r["id"], r["filer_id"], r["filer"], r["ticker"], r["cik"], tickers)
    # the versions found once, then their rows by index (joining the latest-version query again costs more)
    ids = json.dumps(list(profiles))
    only = f" and x.fact in ({_placeholders(facts)})" if facts else ""
    for r in db.query(
        "select x.filing_id, x.fact, x.value_text from json_each(?) j join facts x on x.filing_id = j.value"
        f"{only} order by x.filing_id, x.fact, x.position",
        [ids, *(facts or ())],
    ):
        values = profiles[r["filing_id"]].facts.setdefault(r["fact"], [])
        if r["value_text"] not in values:
            values.append(r["value_text"])
    for r in db.query(
        "select e.filing_id, e.element, e.value, e.source from json_each(?) j join elements e "
        "on e.filing_id = j.value where e.kind = 'flag' order by e.filing_id, e.position",
        [ids],
    ):
        p = profiles[r["filing_id"]]
        if r["value"] == "true":
            p.true_flags.add(r["element"])
        if r["element"] not in p.flags:
            p.flags[r["element"]] = r["value"]
            p.flag_sources[r["element"]] = r["source"]
    return sorted(profiles.values(), key=lambda p: (p.filer.lower(), p.filer_id))


# --------------------------------------------------------------------------- peers
@dataclass
class ValueShare:
    """One value the filer states, and how many peers state it too."""

    value: str
    """The value as plain text."""
    peers: int
    """Peers that state the same value."""
    share: float
    """That over the number of peers."""


@dataclass
class FactAmongPeers:
    """One fact (or flag) of the filer beside its peers."""

    name: str
    """Fact name, or the flag's cyd element."""
    label: str
    """Plain label."""
    kind: str
    """fact or flag."""
    values: list[ValueShare]
    """The filer's values, each with the share of peers that state it (a flag: its one value)."""
    stating: int
    """Peers that state the fact at all (a flag: state it true or false)."""
    share: float
    """That over the number of peers."""
    common: list[ValueShare]
    """The values most peers state (up to five), most common first."""


@dataclass
class Finding:
    """Something the filer omits that most peers state, or says where most peers say less."""

    name: str
    """Fact name (or `ciso`)."""
    label: str
    """Plain-English: "Names a framework it follows"."""
    share: float
    """Share of peers that state it (omissions), or that state as many values (says more)."""
    detail: str
    """One line: "7 of 9 peers do (78%)"."""


@dataclass
class PeerGrid:
    """A filer among its peers in one fiscal year."""

    year: int
    """The fiscal year."""
    filer: Profile
    """The filer."""
    peers: list[Profile]
    """The peers, by name."""
    named: bool
    """Whether the peers were named (--peers), rather than every filer stored for the year."""
    facts: list[FactAmongPeers]
    """Every catalogue fact, then the six flags."""
    omits: list[Finding]
    """What the filer omits that most peers state."""
    says_more: list[Finding]
    """Where the filer says more than most peers."""

    def to_json(self) -> dict:
        """The JSON of docs/json.md."""

        def who(p: Profile) -> dict:
            return {"cik": p.cik, "name": p.filer, "tickers": p.tickers, "filing_id": p.filing_id}

        return {
            "fiscal_year": self.year,
            "filer": who(self.filer),
            "peers": [who(p) for p in self.peers],
            "peers_named": self.named,
            "facts": [asdict(f) for f in self.facts],
            "omits": [asdict(f) for f in self.omits],
            "says_more": [asdict(f) for f in self.says_more],
            "grid": peer_rows(self),
        }


def _share(n: int, total: int) -> float:
    return round(n / total, 4) if total else 0.0


def _fact_among(name: str, label: str, mine: list[str], peers: list[list[str]]) -> FactAmongPeers:
    counts = Counter(v for values in peers for v in set(values))
    total = len(peers)
    stating = sum(1 for values in peers if values)
    return FactAmongPeers(
        name,
        label,
        "fact",
        [ValueShare(v, counts[v], _share(counts[v], total)) for v in mine],
        stating,
        _share(stating, total),
        [
            ValueShare(v, n, _share(n, total))
            for v, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
        ],
    )


def _flag_among(element: str, mine: str | None, peers: list[str | None]) -> FactAmongPeers:
    total = len(peers)
    counts = Counter(v or "not stated" for v in peers)
    value = mine or "not stated"
    common = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return FactAmongPeers(
        element,
        flag_label(element),
        "flag",
        [ValueShare(value, counts[value], _share(counts[value], total))],
        sum(1 for v in peers if v is not None),
        _share(sum(1 for v in peers if v is not None), total),
        [ValueShare(v, n, _share(n, total)) for v, n in common],
    )


def _peers(total: int) -> str:
    return f"{total} peer{'s' if total != 1 else ''}"


def _findings(filer: Profile, peers: list[Profile]) -> tuple[list[Finding], list[Finding]]:
    total = len(peers)
    omits = []
    for name, label in KEY_THINGS:
        n = sum(1 for p in peers if p.states(name))
        if not filer.states(name) and n * 2 > total:
            omits.append(
                Finding(name, label, _share(n, total), f"{n} of {_peers(total)} do ({n / total:.0%})")
            )
    more = []
    for name, label in [(CISO, CISO_LABEL), *FACTS]:
        mine = filer.count(name)
        if not mine:
            continue
        n = sum(1 for p in peers if p.count(name) >= mine)
        if n * 2 < total:
            what = "state it" if mine == 1 else f"state {mine} or more values"
            detail = f"{n} of {_peers(total)} {what} ({n / total:.0%})"
            if mine > 1:
                detail += f"; the median peer states {statistics.median(p.count(name) for p in peers):g}"
            more.append(Finding(name, label, _share(n, total), detail))
    return omits, more


def _filer_ids(store: Store, idents: list[str]) -> list[Filer]:
    return [store.find_filer(i) for i in idents if i.strip()]


def peer_grid(store: Store, filer_ident: str, year: int, peers: list[str] | None = None) -> PeerGrid:
    """The filer's latest version of `year` beside every other filer's of that year (or the named peers')."""
    filer = store.find_filer(filer_ident)
    store.filing(filer, year)  # the filer's year must be stored: says which years are
    named = _filer_ids(store, peers) if peers else None
    if named is not None:
        for p in named:
            if p.id != filer.id:
                store.filing(p, year)
    ids = None if named is None else sorted({filer.id, *(p.id for p in named)})
    profiles = load_profiles(store, year, ids)
    mine = next(p for p in profiles if p.filer_id == filer.id)
    others = [p for p in profiles if p.filer_id != filer.id]
    if not others:
        raise BadInput(
            f"no other filer is stored for {year}, so {filer.display} has no peers; ingest its peers' "
            "annual reports first, or name them with --peers."
        )
    facts = [
        _fact_among(n, lab, mine.facts.get(n, []), [p.facts.get(n, []) for p in others]) for n, lab in FACTS
    ]
    facts += [_flag_among(f, mine.flags.get(f), [p.flags.get(f) for p in others]) for f in FLAGS]
    omits, more = _findings(mine, others)
    return PeerGrid(year, mine, others, named is not None, facts, omits, more)


def peer_rows(grid: PeerGrid) -> list[dict]:
    """The grid as plain rows, the filer first, then its peers: one dict per filer with plain-English keys
    (its name, ticker, fiscal year, each fact's values joined by "; ", each flag)."""
    return [profile_row(grid.filer, grid.year, "filer")] + [
        profile_row(q, grid.year, "peer") for q in grid.peers
    ]


#: The keys of `profile_row` after the filer's name, ticker, fiscal year and role, in order.
PROFILE_COLUMNS: list[str] = [CISO_LABEL, *(label for _, label in FACTS), *(flag_label(f) for f in FLAGS)]


def profile_row(p: Profile, year: int, role: str) -> dict:
    """One filer-year as a plain row: what it states of every fact (values joined by "; ") and each flag."""
    row: dict[str, object] = {"Filer": p.filer, "Ticker": p.ticker, "Fiscal year": year, "Role": role}
    row[CISO_LABEL] = "yes" if p.states(CISO) else "no"
    for name, label in FACTS:
        row[label] = "; ".join(p.facts.get(name, []))
    for element in FLAGS:
        row[flag_label(element)] = p.flags.get(element) or "not stated"
    return row


def peer_table(store: Store, filer_ids: list[int] | None) -> list[dict]:
    """Filers side by side, year by year (latest versions), for a spreadsheet: for one filer, every filer
    stored for each of its years (role `filer` or `peer`); for several, those filers (role `filer`); for the
    whole store (None), every filer."""
    if filer_ids is None:
        years = [r[0] for r in store.conn.execute(f"select distinct fiscal_year from ({LATEST_FILINGS_SQL})")]
    else:
        years = [
            r[0]
            for r in store.conn.execute(
                f"select distinct fiscal_year from ({LATEST_FILINGS_SQL}) "
                "where filer_id in (select value from json_each(?))",
                [json.dumps(filer_ids)],
            )
        ]
    rows = []
    for year in sorted(years):
        alone = filer_ids is not None and len(filer_ids) == 1
        profiles = load_profiles(store, year, None if alone else filer_ids)
        if alone:  # the filer first, then its peers
            profiles.sort(key=lambda p: p.filer_id != filer_ids[0])  # type: ignore[index]
        for p in profiles:
            rows.append(profile_row(p, year, "peer" if alone and p.filer_id != filer_ids[0] else "filer"))  # type: ignore[index]
    return rows


# --------------------------------------------------------------------------- trends
@dataclass
class Count:
    """How many filers of a year state something, and their share."""

    key: str
    """What: a flag element, a fact value, a fact name."""
    label: str
    """Plain label."""
    filers: int
    """Filers counted."""
    share: float
    """That over the year's filers (or over the filers compared, for changes)."""


@dataclass
class YearTrend:
    """The whole store in one fiscal year."""

    year: int
    """The fiscal year."""
    filers: int
    """Filers with a stored disclosure for the year (their latest versions)."""
    flags: list[Count]
    """Each flag: filers stating it true."""
    ciso: Count
    """Filers naming a CISO."""
    frameworks: list[Count]
    """Each framework: filers following it, most common first."""
    oversight: list[Count]
    """Each board body overseeing cybersecurity: filers naming it."""
    briefing: list[Count]
    """Each briefing frequency: filers stating it (a filer may state several)."""
    compared: int
    """Filers compared with the year before (stored comparisons of the latest versions; `diff-all` makes them)."""
    fact_changes: list[Count]
    """Each fact: filers whose fact changed since the year before (over `compared`)."""
    top_changes: list[Count]
    """The most common high and medium changes since the year before (over `compared`)."""


@dataclass
class Trends:
    """Every fiscal year of the store (or of --years)."""

    years: list[YearTrend]
    """By year."""

    def to_json(self) -> dict:
        """The JSON of docs/json.md."""
        return {"years": [asdict(y) for y in self.years]}


def _counts(counter: Counter, total: int, labels: dict[str, str] | None = None) -> list[Count]:
    ordered = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    return [Count(k, (labels or {}).get(k, k), n, _share(n, total)) for k, n in ordered]


def change_key(kind: str, what: str | None, change: str | None) -> str:
    """The key of a kind of change: "fact_changed:board_oversight", "flag_flipped:...Flag",
    "fact_changed:people:replaced"."""
    return ":".join(x for x in (kind, what or "", change or "") if x)


def _year_changes(store: Store, year: int) -> tuple[int, Counter, Counter]:
    """(filers compared from year - 1, filers per changed fact, filers per kind of significant change)."""
    pairs = [
        r[0]
        for r in store.db.execute(
            f"""with l as materialized (select id from ({LATEST_FILINGS_SQL}) where fiscal_year in (?, ?))
                select c.id from comparisons c join l o on o.id = c.old_filing_id join l n on n.id = c.new_filing_id
                where c.new_year = ? and c.old_year = ?""",
            [year - 1, year, year, year - 1],
        )
    ]
    compared = len(pairs)
    facts: Counter = Counter()
    top: Counter = Counter()
    seen_facts: set[tuple[int, str]] = set()
    seen_top: set[tuple[int, str]] = set()
    for r in store.db.query(
        "select x.comparison_id, x.kind, x.fact, x.element, x.change, x.severity from json_each(?) j "
        "join changes x on x.comparison_id = j.value",
        [json.dumps(pairs)],
    ):
        if r["kind"] in FACT_KINDS and (r["comparison_id"], r["fact"]) not in seen_facts:
            seen_facts.add((r["comparison_id"], r["fact"]))
            facts[r["fact"]] += 1
        if r["severity"] in SIGNIFICANT and not r["kind"].startswith("text_"):
            key = change_key(r["kind"], r["fact"] or r["element"], r["change"])
            if (r["comparison_id"], key) not in seen_top:
                seen_top.add((r["comparison_id"], key))
                top[key] += 1
    return compared, facts, top


def year_trend(store: Store, year: int) -> YearTrend:
    """The numbers of one fiscal year."""
    profiles = load_profiles(store, year, facts=TREND_FACTS)
    total = len(profiles)
    flags = Counter({f: sum(1 for p in profiles if f in p.true_flags) for f in FLAGS})
    per_fact: dict[str, Counter] = defaultdict(Counter)
    for p in profiles:
        for fact in TREND_FACTS[1:]:
            per_fact[fact].update(set(p.facts.get(fact, [])))
    compared, changed, top = _year_changes(store, year)
    labels = dict(FACTS)
    ciso = sum(1 for p in profiles if p.states(CISO))
    return YearTrend(
        year,
        total,
        [Count(f, flag_label(f), flags[f], _share(flags[f], total)) for f in FLAGS],
        Count(CISO, CISO_LABEL, ciso, _share(ciso, total)),
        _counts(per_fact["frameworks"], total),
        _counts(per_fact["board_oversight"], total),
        _counts(per_fact["briefing_frequency"], total),
        compared,
        _counts(changed, compared, labels),
        _counts(top, compared)[:10],
    )


def year_span(text: str | None) -> tuple[int, int] | None:
    """`--years`: "2024", "2023-2025", "2023-" or "-2025" (FY prefixes dropped by the CLI); None for every year."""
    if not text or not text.strip():
        return None
    first, dash, last = text.strip().partition("-")
    try:
        span = (
            (int(first) if first.strip() else 0, int(last) if last.strip() else 9999)
            if dash
            else (int(first),) * 2
        )
    except ValueError:
        raise BadInput(f"--years {text!r} is not a year or a range; write 2024 or 2023-2025.") from None
    if span[1] < span[0]:
        raise BadInput(f"--years {text!r} ends before it starts; write the earlier year first.")
    return span[0], span[1]


def _span_text(span: tuple[int, int]) -> str:
    first, last = span
    if first == last:
        return f"FY{first}"
    return (
        f"FY{first} to FY{last}"
        if first and last < 9999
        else (f"FY{first} on" if first else f"FY{last} or before")
    )


def trends(store: Store, years: tuple[int, int] | None = None) -> Trends:
    """Per fiscal year of the store (within `years`, both ends included): flags, CISO, frameworks, oversight,
    briefing, fact changes since the year before, the most common significant changes."""
    stored = [r[0] for r in store.db.execute("select distinct fiscal_year from filings order by fiscal_year")]
    chosen = [y for y in stored if years is None or years[0] <= y <= years[1]]
    if not stored:
        raise BadInput("the database holds no disclosure yet; run `tracker ingest` first.")
    if not chosen:
        raise BadInput(
            f"no disclosure is stored for {_span_text(years)}; stored years: {', '.join(map(str, stored))}."
            if years
            else "no year is stored."
        )
    return Trends([year_trend(store, y) for y in chosen])
