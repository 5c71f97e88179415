"""The catalogue's shape, the same for OPDS 1.2, OPDS 2.0 and the HTML index: which feeds there
are, what each lists, in which order, and the stable names, identifiers and dates of each.

- the root (``catalog.xml``/``catalog.json``): a navigation feed to "最新各期" (every issue,
  newest first), "按系列" and "按年份";
- ``catalog/series.*`` and ``catalog/years.*``: navigation feeds, one entry per series (the
  series with the newest issue first) and per year (newest first; "日期不详" last);
- ``catalog/new.*``, ``catalog/series-<id>.*``, ``catalog/year-<YYYY>.*``: acquisition feeds,
  newest issue first, :data:`PAGE` entries a page; page *n* > 1 is ``<name>-<n>.*``
  (RFC 5005 §3 paging: ``next``, ``previous``, ``first``, ``last``).

Every name, identifier and date is derived from the issues (never the clock, never the order of a
folder listing), so the same folder gives the same catalogue. Pure: builds values, writes nothing.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import uuid
from dataclasses import dataclass, field

from convert.opds.collect import Issue
from convert.writers.epub.catalogue import WRITER_DATE

#: Entries per acquisition feed page.
PAGE = 50
ROOT = "catalog"          # catalog.xml, catalog.json at the top of the folder
TITLE = "期刊目录"
#: UUIDv5 namespace of the catalogue's identifiers (uuid5(NAMESPACE_URL, this module)).
_NS = uuid.uuid5(uuid.NAMESPACE_URL, "https://convert.invalid/opds")
NO_SERIES = "（无系列）"
NO_YEAR = "日期不详"
#: Labels of the variants (zh-Hans), for link titles and the HTML index.
VARIANT_LABEL = {"zh-Hans": "简体中文", "zh-Hant": "繁体中文", "zh-Hant-TW": "繁体中文（台湾）",
                 "zh-Hant-HK": "繁体中文（香港）"}
FORMAT_LABEL = {"epub": "EPUB", "pdf": "PDF", "ofd": "OFD", "tei": "TEI", "txt": "纯文本"}


@dataclass
class NavItem:
    """An entry of a navigation feed: ``target`` (the feed's name, see :class:`Feed`), its title,
    ``kind`` (``navigation`` or ``acquisition``), ``rel`` (OPDS 1.2 §2.2; ``subsection`` unless a
    better one applies), ``count`` (issues below it) and ``updated``."""

    target: str
    title: str
    kind: str
    rel: str
    count: int
    updated: _dt.datetime


@dataclass
class Feed:
    """One feed document. ``name``: ``""`` for the root, else the file stem in ``catalog/``
    (``new``, ``series-3f2a…``, ``year-2020-2``); ``kind``: ``navigation`` or ``acquisition``;
    ``up``: the name of the feed it belongs under; ``issues`` (acquisition) or ``items``
    (navigation); ``page``/``pages``/``total`` and ``base`` (the name of page 1) for paging."""

    name: str
    title: str
    kind: str
    up: str | None
    updated: _dt.datetime
    items: list[NavItem] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    base: str = ""
    page: int = 1
    pages: int = 1
    total: int = 0

    @property
    def id(self) -> str:
        """``urn:uuid:`` derived from the feed's name (stable from run to run)."""
        return f"urn:uuid:{uuid.uuid5(_NS, 'feed:' + (self.name or ROOT))}"

    def page_name(self, n: int) -> str:
        """The name of page *n* of this feed."""
        return self.base if n == 1 else f"{self.base}-{n}"


def issue_id(issue: Issue) -> str:
    """``urn:uuid:`` of an issue's catalogue entry, from its output name and title: stable while
    the issue stays where it is (RFC 4287 §4.2.6)."""
    return f"urn:uuid:{uuid.uuid5(_NS, 'issue:' + issue.key + chr(10) + issue.main.title)}"


def nav_id(target: str) -> str:
    """``urn:uuid:`` of the navigation entry that leads to feed *target*."""
    return f"urn:uuid:{uuid.uuid5(_NS, 'nav:' + target)}"


def anchor(issue: Issue) -> str:
    """The issue's fragment identifier in the HTML index (``i-`` and 12 hex digits)."""
    return "i-" + issue_id(issue).rsplit(":", 1)[1].replace("-", "")[:12]


def fallback_date() -> _dt.datetime:
    """The date of a catalogue with no dated issue: ``SOURCE_DATE_EPOCH`` when set, else the EPUB
    writer's :data:`~convert.writers.epub.catalogue.WRITER_DATE`."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).replace(tzinfo=None)
    return WRITER_DATE


def updated(issue: Issue) -> _dt.datetime:
    """When the issue's entry last changed: the latest ``updated`` of its editions."""
    dates = [e.updated for e in issue.editions if e.updated is not None]
    return max(dates) if dates else fallback_date()


def newest_first(issues: list[Issue]) -> list[Issue]:
    """*issues* by issue date, newest first; then by number in the series (highest first), then
    by series name and output name, so that the order never depends on anything else."""
    def key(i: Issue):
        pos = i.main.position
        return (i.main.issued or "", int(pos) if pos and pos.isdigit() else -1,
                i.main.series or "", i.key)
    return sorted(issues, key=key, reverse=True)


def series_of(issue: Issue) -> str:
    """The series an issue is listed under (its source edition's), or :data:`NO_SERIES`."""
    return issue.main.series or NO_SERIES


def year_of(issue: Issue) -> str:
    """The year an issue is listed under, or :data:`NO_YEAR`."""
    return issue.main.issued[:4] if issue.main.issued else NO_YEAR


def short_id(text: str) -> str:
    """12 hex digits of SHA-256 of *text*: an ASCII file name for a series named in Chinese."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def group_by_series(ordered: list[Issue]) -> list[tuple[str, list[Issue]]]:
    """``[(series, issues)]`` of issues already :func:`newest_first`: the series whose newest issue
    is newest first (ties by name), each series' issues in the given order."""
    groups: dict[str, list[Issue]] = {}
    for i in ordered:
        groups.setdefault(series_of(i), []).append(i)
    return sorted(groups.items(), key=lambda kv: (kv[1][0].main.issued or "", kv[0]), reverse=True)


def group_by_year(ordered: list[Issue]) -> list[tuple[str, list[Issue]]]:
    """``[(year, issues)]`` of issues already :func:`newest_first`: newest year first,
    :data:`NO_YEAR` last."""
    groups: dict[str, list[Issue]] = {}
    for i in ordered:
        groups.setdefault(year_of(i), []).append(i)
    return sorted(groups.items(), key=lambda kv: (kv[0] != NO_YEAR, kv[0]), reverse=True)


def plan(issues: list[Issue]) -> list[Feed]:
    """Every feed of the catalogue of *issues*, the root first (shape in the module docstring)."""
    ordered = newest_first(issues)
    latest = max((updated(i) for i in ordered), default=fallback_date())
    feeds: list[Feed] = []

    def acquisition(base: str, title: str, up: str, members: list[Issue]) -> NavItem:
        pages = max(1, -(-len(members) // PAGE))
        for n in range(1, pages + 1):
            chunk = members[(n - 1) * PAGE: n * PAGE]
            when = max((updated(i) for i in chunk), default=latest)
            feeds.append(Feed(base if n == 1 else f"{base}-{n}", title, "acquisition", up, when,
                              issues=chunk, base=base, page=n, pages=pages, total=len(members)))
        return NavItem(base, title, "acquisition", "subsection", len(members),
                       max((updated(i) for i in members), default=latest))

    by_series = group_by_series(ordered)
    by_year = group_by_year(ordered)
    root = Feed("", TITLE, "navigation", None, latest)
    feeds.append(root)
    if not ordered:
        return feeds
    new = acquisition("new", "最新各期", "", ordered)
    new.rel = "http://opds-spec.org/sort/new"
    series_nav = Feed("series", "按系列", "navigation", "", latest)
    years_nav = Feed("years", "按年份", "navigation", "", latest)
    feeds += [series_nav, years_nav]
    for name, members in by_series:
        series_nav.items.append(acquisition(f"series-{short_id(name)}", name, "series", members))
    for year, members in by_year:
        title = year if year == NO_YEAR else f"{year}年"
        years_nav.items.append(acquisition(f"year-{year if year != NO_YEAR else 'unknown'}", title,
                                           "years", members))
    root.items = [new,
                  NavItem("series", "按系列", "navigation", "subsection", len(ordered), latest),
                  NavItem("years", "按年份", "navigation", "subsection", len(ordered), latest)]
    return feeds
