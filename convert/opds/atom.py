"""OPDS 1.2 (Atom, RFC 4287) feeds and the OpenSearch description, as bytes.

Sources: OPDS Catalog 1.2 (navigation feeds §2.2, acquisition feeds §2.3, search §3, entry
metadata §5.1, acquisition and artwork relations §5.2, media type parameters §7.1); RFC 4287
(feed and entry elements); RFC 5005 §3 (paged feeds); DCMI Metadata Terms (``dc:`` is bound to
``http://purl.org/dc/terms/`` as in the OPDS 1.2 examples); ``schema:Series`` with
``schema:name``/``schema:position``/``schema:url`` in the namespace ``http://schema.org``, as
Readium's OPDS 1 reader (r2-opds-js, used by Thorium) reads series; OpenSearch 1.1.

Every link is relative to the document it is in. An entry is a complete catalogue entry (all its
metadata, no partial entry to follow); its ``alternate`` link is the issue in the HTML index,
which also satisfies RFC 4287 §4.1.2 (an entry without content has an alternate link). Pure.
"""

from __future__ import annotations

import datetime as _dt

from lxml import etree

from convert import __version__
from convert.opds.collect import ACQUIRED, MEDIA_TYPE, Issue
from convert.opds.feeds import (FORMAT_LABEL, VARIANT_LABEL, Feed, NavItem, anchor, issue_id,
                                nav_id, series_of, short_id, updated)
from convert.opds.links import OPENSEARCH, feed_path, href

ATOM = "http://www.w3.org/2005/Atom"
DC = "http://purl.org/dc/terms/"
OPDS = "http://opds-spec.org/2010/catalog"
SCHEMA = "http://schema.org"
OS = "http://a9.com/-/spec/opensearch/1.1/"
NSMAP = {None: ATOM, "dc": DC, "opds": OPDS, "schema": SCHEMA}
NAVIGATION = "application/atom+xml;profile=opds-catalog;kind=navigation"
ACQUISITION = "application/atom+xml;profile=opds-catalog;kind=acquisition"
OPEN_ACCESS = "http://opds-spec.org/acquisition/open-access"
IMAGE = "http://opds-spec.org/image"
THUMBNAIL = "http://opds-spec.org/image/thumbnail"
GENERATOR_URI = "https://convert.invalid/"
#: The maker of every feed (RFC 4287 §4.1.1: a feed has an author unless all its entries do).
AUTHOR = "convert"


def _a(tag: str) -> str:
    return f"{{{ATOM}}}{tag}"


def stamp(when: _dt.datetime) -> str:
    """RFC 3339 date-time in UTC (``2020-02-29T00:00:00Z``) of a naive UTC datetime."""
    return when.replace(microsecond=0).isoformat() + "Z"


def _sub(parent, tag: str, text: str | None = None, **attrs) -> etree._Element:
    el = etree.SubElement(parent, tag, {k: v for k, v in attrs.items() if v is not None})
    if text is not None:
        el.text = text
    return el


def _link(parent, here: str, target: str, rel: str | None, type_: str, fragment: str | None = None,
          **attrs) -> None:
    _sub(parent, _a("link"), rel=rel, href=href(here, target, fragment), type=type_, **attrs)


def feed(f: Feed, all_feeds: dict[str, Feed]) -> bytes:
    """The Atom document of feed *f* (*all_feeds* by name, for the titles of linked feeds)."""
    here = feed_path(f.name, "xml")
    kind = NAVIGATION if f.kind == "navigation" else ACQUISITION
    root = etree.Element(_a("feed"), nsmap=NSMAP)
    root.set("{http://www.w3.org/XML/1998/namespace}lang", "zh-Hans")
    _sub(root, _a("id"), f.id)
    _sub(root, _a("title"), f.title + (f"（第 {f.page} 页，共 {f.pages} 页）" if f.pages > 1 else ""))
    _sub(root, _a("updated"), stamp(f.updated))
    _sub(_sub(root, _a("author")), _a("name"), AUTHOR)
    _sub(root, _a("generator"), "convert", uri=GENERATOR_URI, version=__version__)
    _link(root, here, feed_path(f.name, "xml"), "self", kind)
    _link(root, here, feed_path("", "xml"), "start", NAVIGATION, title=all_feeds[""].title)
    if f.up is not None:
        up = all_feeds[f.up]
        _link(root, here, feed_path(f.up, "xml"), "up", NAVIGATION, title=up.title)
    _link(root, here, OPENSEARCH, "search", "application/opensearchdescription+xml",
          title="搜索标题")
    _link(root, here, "index.html", "alternate", "text/html", title="网页目录")
    _link(root, here, feed_path(f.name, "json"), "alternate", "application/opds+json",
          title="OPDS 2.0")
    if f.pages > 1:  # RFC 5005 §3
        for rel, n in (("first", 1), ("previous", f.page - 1), ("next", f.page + 1), ("last", f.pages)):
            if 1 <= n <= f.pages and n != f.page:
                _link(root, here, feed_path(f.page_name(n), "xml"), rel, kind)
    for item in f.items:
        _nav_entry(root, here, item)
    for issue in f.issues:
        _entry(root, here, issue, all_feeds)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _nav_entry(root, here: str, item: NavItem) -> None:
    entry = _sub(root, _a("entry"))
    _sub(entry, _a("title"), item.title)
    _sub(entry, _a("id"), nav_id(item.target))
    _sub(entry, _a("updated"), stamp(item.updated))
    _sub(entry, _a("content"), f"共 {item.count} 期", type="text")
    _link(entry, here, feed_path(item.target, "xml"), item.rel,
          NAVIGATION if item.kind == "navigation" else ACQUISITION)


def _entry(root, here: str, issue: Issue, all_feeds: dict[str, Feed]) -> None:
    """A complete OPDS catalogue entry for *issue* (OPDS 1.2 §5.1): title, author(s), publisher,
    the language of each edition, ``dc:issued`` (the print's date as printed), series and number,
    summary (the contents), categories (the sections), cover and thumbnail, the HTML index as the
    ``alternate``, and an open-access acquisition link per edition and format, with ``hreflang``."""
    main = issue.main
    entry = _sub(root, _a("entry"))
    _sub(entry, _a("title"), main.title)
    _sub(entry, _a("id"), issue_id(issue))
    _sub(entry, _a("updated"), stamp(updated(issue)))
    for name in main.creators or ([main.publisher] if main.publisher else []):
        _sub(_sub(entry, _a("author")), _a("name"), name)
    if main.publisher:
        _sub(entry, f"{{{DC}}}publisher", main.publisher)
    for ed in issue.editions:
        _sub(entry, f"{{{DC}}}language", ed.lang)
        if ed is not main and ed.title != main.title:
            _sub(entry, f"{{{DC}}}alternative", ed.title).set(
                "{http://www.w3.org/XML/1998/namespace}lang", ed.lang)
    if main.issued:
        _sub(entry, f"{{{DC}}}issued", main.issued)
    if main.series:
        series = f"series-{short_id(series_of(issue))}"
        attrs = {f"{{{SCHEMA}}}name": main.series,
                 f"{{{SCHEMA}}}url": href(here, feed_path(series, "xml"))}
        if main.position:
            attrs[f"{{{SCHEMA}}}position"] = main.position
        _sub(entry, f"{{{SCHEMA}}}Series", **attrs)
        _link(entry, here, feed_path(series, "xml"), "collection", ACQUISITION, title=main.series)
    for section in main.sections:
        _sub(entry, _a("category"), term=section, label=section)
    if main.summary:
        _sub(entry, _a("summary"), main.summary, type="text")
    if main.images:
        _link(entry, here, main.images[0][0], IMAGE, "image/png")
        _link(entry, here, main.images[1][0], THUMBNAIL, "image/png")
    _link(entry, here, "index.html", "alternate", "text/html", anchor(issue), title="网页目录中的本期")
    for ed in issue.editions:
        for fmt in ACQUIRED:
            if fmt in ed.files:
                ref = ed.files[fmt]
                _link(entry, here, ref.rel, OPEN_ACCESS, MEDIA_TYPE[fmt], hreflang=ed.lang,
                      title=f"{FORMAT_LABEL[fmt]} · {VARIANT_LABEL.get(ed.tag, ed.tag)}",
                      length=str(ref.size))


def opensearch(title: str, results: str) -> bytes:
    """The OpenSearch 1.1 description (``catalog/opensearch.xml``). Its OPDS template (OPDS 1.2 §3)
    names the acquisition feed of every issue with the terms as ``q``: a static server ignores the
    query and returns the whole list, newest first; a server that implements search can honour it.
    Its HTML template opens the index with the terms in its filter box. *results*: the name of
    the feed the OPDS template names (``new``; the root for an empty catalogue)."""
    root = etree.Element(f"{{{OS}}}OpenSearchDescription", nsmap={None: OS})
    _sub(root, f"{{{OS}}}ShortName", title)
    _sub(root, f"{{{OS}}}Description", "按标题、日期、期号、栏目查找各期")
    _sub(root, f"{{{OS}}}InputEncoding", "UTF-8")
    _sub(root, f"{{{OS}}}OutputEncoding", "UTF-8")
    _sub(root, f"{{{OS}}}Language", "zh-Hans")
    here = OPENSEARCH
    _sub(root, f"{{{OS}}}Url", type=ACQUISITION, template=href(here, feed_path(results, "xml")) + "?q={searchTerms}")
    _sub(root, f"{{{OS}}}Url", type="text/html", template=href(here, "index.html") + "?q={searchTerms}")
    _sub(root, f"{{{OS}}}Developer", AUTHOR)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
