"""OPDS 2.0 feeds (JSON), the same feeds as the OPDS 1.2 ones (:mod:`convert.opds.feeds`).

Sources: OPDS 2.0 (feeds §1, navigation §2.1, publications §2.2, images §2.3, acquisition links
§5); the Readium Web Publication Manifest (metadata: ``title`` as a language map with one title per
edition, ``author``, ``publisher``, ``published``, ``modified``, ``language``, ``subject``,
``description``, ``belongsTo.series`` with ``position``; Link Object with ``language`` and
``size``). ``published`` takes a full date (JSON Schema ``format: date``): an issue dated to the
month only (a monthly's ``2020-01``) has none here rather than an invented first of the month;
OPDS 1.2's ``dc:issued`` and the HTML index give it as printed. Serialised with the keys in the
order built: the same catalogue gives the same bytes. Pure.
"""

from __future__ import annotations

import json
import re

from convert.opds.atom import ACQUISITION as ATOM_ACQUISITION, NAVIGATION as ATOM_NAVIGATION, OPEN_ACCESS, stamp
from convert.opds.collect import ACQUIRED, MEDIA_TYPE, Issue
from convert.opds.feeds import (FORMAT_LABEL, PAGE, VARIANT_LABEL, Feed, NavItem, issue_id, series_of,
                                short_id, updated)
from convert.opds.links import feed_path, href

TYPE = "application/opds+json"
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def feed(f: Feed, all_feeds: dict[str, Feed]) -> bytes:
    """The OPDS 2.0 document of feed *f* (*all_feeds* by name)."""
    here = feed_path(f.name, "json")
    meta: dict = {"title": f.title, "modified": stamp(f.updated)}
    if f.kind == "acquisition":
        meta.update(numberOfItems=f.total, itemsPerPage=PAGE, currentPage=f.page)
    links = [{"rel": "self", "href": href(here, here), "type": TYPE},
             {"rel": "start", "href": href(here, feed_path("", "json")), "type": TYPE,
              "title": all_feeds[""].title}]
    if f.up is not None:
        links.append({"rel": "up", "href": href(here, feed_path(f.up, "json")), "type": TYPE,
                      "title": all_feeds[f.up].title})
    links += [{"rel": "alternate", "href": href(here, feed_path(f.name, "xml")),
               "type": ATOM_NAVIGATION if f.kind == "navigation" else ATOM_ACQUISITION},
              {"rel": "alternate", "href": href(here, "index.html"), "type": "text/html", "title": "网页目录"}]
    if f.pages > 1:  # as RFC 5005 §3 in OPDS 1.2
        for rel, n in (("first", 1), ("previous", f.page - 1), ("next", f.page + 1), ("last", f.pages)):
            if 1 <= n <= f.pages and n != f.page:
                links.append({"rel": rel, "href": href(here, feed_path(f.page_name(n), "json")), "type": TYPE})
    doc: dict = {"metadata": meta, "links": links}
    if f.items:
        doc["navigation"] = [_nav(here, item) for item in f.items]
    elif f.issues:
        doc["publications"] = [_publication(here, i) for i in f.issues]
    else:  # an empty catalogue: a feed needs one collection (OPDS 2.0 §1.1)
        doc["navigation"] = [{"href": href(here, "index.html"), "title": "网页目录", "type": "text/html"}]
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _nav(here: str, item: NavItem) -> dict:
    return {"href": href(here, feed_path(item.target, "json")), "title": item.title, "type": TYPE,
            "rel": item.rel, "properties": {"numberOfItems": item.count}}


def _publication(here: str, issue: Issue) -> dict:
    """An OPDS Publication (OPDS 2.0 §5.1) for *issue*: one title per edition, an open-access
    acquisition link per edition and format with its ``language`` and ``size``, and the cover."""
    main = issue.main
    titles = {ed.lang: ed.title for ed in issue.editions}
    meta: dict = {"@type": "http://schema.org/PublicationIssue",
                  "identifier": issue_id(issue),
                  "title": titles if len(set(titles.values())) > 1 else main.title,
                  "modified": stamp(updated(issue)),
                  "language": [ed.lang for ed in issue.editions] if len(issue.editions) > 1 else main.lang}
    authors = main.creators or ([main.publisher] if main.publisher else [])
    if authors:
        meta["author"] = authors if len(authors) > 1 else authors[0]
    if main.publisher:
        meta["publisher"] = main.publisher
    if main.issued and _FULL_DATE.match(main.issued):
        meta["published"] = main.issued
    if main.sections:
        meta["subject"] = list(main.sections)
    if main.summary:
        meta["description"] = main.summary
    if main.series:
        series: dict = {"name": main.series,
                        "links": [{"href": href(here, feed_path(f"series-{short_id(series_of(issue))}", "json")),
                                   "type": TYPE}]}
        if main.position and main.position.isdigit():
            series["position"] = int(main.position)
        meta["belongsTo"] = {"series": series}
    links = []
    for ed in issue.editions:
        for fmt in ACQUIRED:
            if fmt in ed.files:
                ref = ed.files[fmt]
                links.append({"rel": OPEN_ACCESS, "href": href(here, ref.rel), "type": MEDIA_TYPE[fmt],
                              "title": f"{FORMAT_LABEL[fmt]} · {VARIANT_LABEL.get(ed.tag, ed.tag)}",
                              "language": ed.lang, **({"size": ref.size} if ref.size else {})})
    pub: dict = {"metadata": meta, "links": links}
    if main.images:
        pub["images"] = [{"href": href(here, rel), "type": "image/png", "width": w, "height": h}
                         for rel, w, h in main.images]
    return pub
