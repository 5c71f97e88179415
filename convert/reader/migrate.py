"""Migrate a TEI document written by the previous model (convert ≤ 0.1.0 before issue #18) to the
current one (docs/tei-model.md), so that old files still validate and render.

This module may only rewrite the parsed tree it is given, before validation; every character of
``<text>`` is kept, in order (TEI-CONVENTIONS.md point 7). What it changes:

- ``<choice><sic>控</sic><corr/></choice>`` (a character printed twice, with an empty
  correction) → ``<surplus reason="repeated">控</surplus>`` (TEI P5 §12.3.3.1);
- ``sourceDesc/bibl`` → ``sourceDesc/biblStruct/monogr`` (§3.12.2): titles, ``idno``s, notes,
  ``imprint`` (publisher, dates), ``biblScope``s, ``extent``, in TEI's order;
- ``publicationStmt/p`` → ``authority`` (the publisher), ``availability`` (restricted when the
  masthead or colophon prints 内部资料 …, else unknown) (§2.2.4); the old paragraphs move to
  ``editorialDecl``;
- masthead lines (§4.6): ``docEdition`` holding an issue number → ``titlePart type="issue"``,
  ``imprimatur`` → ``note type="registration"``, a ``docImprint`` that is a notice (内部资料 免费交流,
  监督电话 …) → ``note type="notice"``/``"contact"``;
- the full stop closing a brief's run-in head, once a second ``<label>`` (``<head><label>■</label>
  …学习会<label>。</label></head>``) → ``<pc>。</pc>`` (§18.1.2, a punctuation character).
"""

from __future__ import annotations

import re

from lxml import etree

from convert import __version__
from convert.reader.masthead import CONTACT_RE, IMPRINT_RE, ISSUE_RE, NOTICE_RE, RESTRICTED_RE, VOLUME_RE
from convert.tei import E, local, t, xpath


def _text(el: etree._Element) -> str:
    return re.sub(r"\s+", "", "".join(el.itertext()))


def _surplus(root: etree._Element) -> int:
    n = 0
    for choice in xpath(root, "tei:text//tei:choice[tei:sic][tei:corr[not(node())]][count(*) = 2]"):
        sic = xpath(choice, "tei:sic")[0]
        surplus = E.surplus(reason="repeated")
        surplus.text = sic.text
        for child in list(sic):
            surplus.append(child)
        surplus.tail = choice.tail
        choice.getparent().replace(choice, surplus)
        n += 1
    return n


def _closing_stop(root: etree._Element) -> int:
    """A brief head's last child a ``label`` holding 。 alone, after the head's own text: a ``pc``."""
    n = 0
    for label in xpath(root, "tei:text//tei:div[@type='brief']/tei:head/tei:label[. = '。'][not(*)]"
                             "[not(following-sibling::node()[self::* or normalize-space()])]"
                             "[preceding-sibling::node()[normalize-space()]]"):
        label.tag = t("pc")
        n += 1
    return n


def _masthead(root: etree._Element) -> int:
    n = 0
    for el in xpath(root, "tei:text/tei:front/tei:titlePage/*"):
        name, key = local(el), _text(el)
        new = None
        if name == "docEdition" and (ISSUE_RE.search(key) or VOLUME_RE.search(key)):
            new = "titlePart", "issue"
        elif name == "imprimatur":
            new = "note", "registration"
        elif name == "docImprint" and NOTICE_RE.search(key) and not IMPRINT_RE.match(key):
            new = "note", "contact" if CONTACT_RE.search(key) else "notice"
        if new:
            el.tag = t(new[0])
            el.set("type", new[1])
            n += 1
    return n


def _bibl(root: etree._Element) -> bool:
    bibls = xpath(root, "tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl")
    if not bibls:
        return False
    bibl = bibls[0]
    monogr = E.monogr()
    imprint = E.imprint()
    order = {"title": 0, "idno": 1, "note": 2}
    head, scopes = [], []
    for child in list(bibl):
        name = local(child)
        if name in order:
            head.append((order[name], child))
        elif name in ("publisher", "pubPlace", "date"):
            imprint.append(child)
        elif name in ("biblScope", "extent"):
            scopes.append(child)
        elif name:
            head.append((2, E.note(_text(child))))
    for _, child in sorted(head, key=lambda p: p[0]):
        monogr.append(child)
    if not len(imprint):
        imprint.append(E.publisher())
    monogr.append(imprint)
    for child in scopes:
        monogr.append(child)
    struct = E.biblStruct(monogr)
    if bibl.get("type"):
        struct.set("type", bibl.get("type"))
    bibl.getparent().replace(bibl, struct)
    return True


def _publication(root: etree._Element) -> bool:
    stmts = xpath(root, "tei:teiHeader/tei:fileDesc/tei:publicationStmt[tei:p]")
    if not stmts:
        return False
    stmt = stmts[0]
    old = [p for p in stmt if local(p) == "p"]
    publisher = xpath(root, "string(tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:publisher)").strip()
    for p in old:
        stmt.remove(p)
    stmt.append(E.authority(E.orgName(publisher)) if publisher
                else E.authority("Not known: the source names no responsible body"))
    notices = [" ".join("".join(el.itertext()).split()) for el in xpath(
        root, "tei:text/tei:front/tei:titlePage/*[self::tei:note or self::tei:docImprint] | "
              "tei:text/tei:back//tei:ab[@type='notice']")]
    restricted = [n for n in notices if RESTRICTED_RE.search(n)]
    if restricted:
        stmt.append(E.availability(*[E.p(n) for n in restricted], status="restricted"))
    else:
        stmt.append(E.availability(E.p("The source prints no statement of availability."), status="unknown"))
    decl = xpath(root, "tei:teiHeader/tei:encodingDesc/tei:editorialDecl")
    if decl:
        for p in old:
            decl[0].append(p)
    return True


def migrate(root: etree._Element, name: str) -> str | None:
    """Bring *root* (a parsed ``<TEI>``, changed in place) from the previous model to the current
    one. Returns a one-line message for the user naming file *name* and what was changed, or
    ``None`` when the document already follows the current model."""
    if local(root) != "TEI":
        return None
    changes = []
    n = _surplus(root)
    if n:
        changes.append(f"{n} sic with an empty corr → surplus reason=\"repeated\"")
    if _bibl(root):
        changes.append("sourceDesc/bibl → biblStruct/monogr")
    masthead = _masthead(root)  # before _publication, which reads the masthead's notices
    if _publication(root):
        changes.append("publicationStmt/p → authority, availability")
    if masthead:
        changes.append(f"{masthead} masthead line(s) → titlePart/note with @type")
    stops = _closing_stop(root)
    if stops:
        changes.append(f"{stops} brief head's closing 。 label → pc")
    if not changes:
        return None
    decl = xpath(root, "tei:teiHeader/tei:encodingDesc/tei:editorialDecl")
    if decl:
        decl[0].append(E.p(f"Migrated from the previous model by convert {__version__}: "
                           + "; ".join(changes) + "."))
    return (f"{name}: TEI written by the previous model, migrated on input ({'; '.join(changes)}); "
            f"write it with --to tei to keep the migrated form")
