"""PDF/A finishing of the PDF writer: document information, then the file made PDF/A (ISO 19005)
with pikepdf and validated as it is written.

May touch: the PDF bytes :mod:`convert.writers.pdf.pages` returns (opened with pikepdf), the
output path (written only by :func:`pikepdf.pdfa.save`, which validates what it writes).

- Metadata (ISO 19005-1 6.7, 19005-2 6.6): title (``titleStmt/title``), author (``publisher``),
  subject (periodical, issue, date), keywords (section heads), creation date = the issue date
  (``sourceDesc//imprint/date/@when``, 12:00 China Standard Time, the same day in UTC),
  modification and metadata date by the rule every format shares
  (:func:`convert.writers.issue.modified`) — never the clock, so the same TEI gives a
  byte-identical PDF — ``/Lang`` from ``/TEI/@xml:lang``, creator tool ``convert <version>``.
- PDF/A-3b (ISO 19005-3 6.8): the TEI document (``opts.tei_bytes``) is embedded as an associated
  file of the document (``/AF``, ``/AFRelationship /Source``, MIME ``application/tei+xml``).
- ``/PageLabels`` (ISO 32000-1 12.4.2), named destinations (``/Dests``), ToUnicode and
  ``/Widths`` repairs of reportlab's fonts.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
from pathlib import Path

from lxml import etree

import convert
from convert.errors import WriterError
from convert.options import WriterOptions
from convert.tei import XML_LANG, to_bytes, xpath
from convert.validators.pdfa import collector_paused, identification_only, level_b
from convert.variant import convert_string

TEI_MIME = "application/tei+xml"


def _first_text(root, path: str) -> str:
    hits = xpath(root, path)
    if not hits:
        return ""
    node = hits[0]
    text = node if isinstance(node, str) else "".join(node.itertext())
    return re.sub(r"\s+", " ", str(text)).strip()


class Metadata:
    """Document information from the TEI (docs/tei-model.md, "Header"), by the rules every
    format shares (:mod:`convert.writers.issue`).

    ``title`` (:func:`convert.writers.issue.title`, also the ``running_head``), ``author``
    (publisher), ``subject``, ``keywords`` (section heads joined by ``; ``), ``lang`` (BCP 47),
    ``date`` (creation: the issue date at noon China Standard Time, ISO 8601 with offset; ``None``
    for an undated issue), ``modified`` (ISO 8601, UTC: :func:`convert.writers.issue.modified`).
    Values read from the header are shown in the edition's script.
    """

    def __init__(self, root: etree._Element):
        from convert.writers import issue

        bibl = "tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:biblStruct/tei:monogr"
        imprint = f"{bibl}/tei:imprint"
        self.title = issue.title(root)
        self.author = issue.shown(_first_text(root, f"{imprint}/tei:publisher"), root)
        journal = _first_text(root, f"{bibl}/tei:title[@level='j'][not(@type)]")
        number = _first_text(root, f"{bibl}/tei:biblScope[@unit='issue']")
        cumulative = _first_text(root, f"{bibl}/tei:idno[@type='cumulative']")
        subject = [issue.shown(journal, root) or self.author, issue.shown(number, root)]
        if cumulative:  # a string the writer makes: in the document's variant, as its text is
            subject.append(convert_string(f"总第{cumulative}期", root.get(XML_LANG) or "zh-Hans"))
        subject.append(issue.printed_date(root))
        self.subject = " ".join(s for s in subject if s)
        heads = [re.sub(r"\s+", "", "".join(h.itertext()))
                 for h in xpath(root, "tei:text/tei:body//tei:div[@type='section']/tei:head")]
        self.keywords = "; ".join(h for h in heads if h)
        self.lang = root.get(XML_LANG) or "zh-Hans"
        created = issue.issue_date(root)
        self.date = created.isoformat() if created else None
        self.modified = issue.modified(root).strftime("%Y-%m-%dT%H:%M:%S+00:00")
        self.running_head = self.title

    @staticmethod
    def _pdf_date(d: str) -> str:
        return f"D:{d[0:4]}{d[5:7]}{d[8:10]}{d[11:13]}{d[14:16]}{d[17:19]}{d[19:22]}'{d[23:25]}'"

    def pdf_date(self) -> str | None:
        """:attr:`date` as a PDF date string (ISO 32000-1 §7.9.4): ``D:20200229120000+08'00'``."""
        return self._pdf_date(self.date) if self.date else None

    def pdf_modified(self) -> str:
        """:attr:`modified` as a PDF date string: ``D:20200314000000+00'00'``."""
        return self._pdf_date(self.modified)

    def use_timestamp(self, stamp) -> None:
        """Record *stamp* (an aware datetime: ``SOURCE_DATE_EPOCH``) as the creation and the
        modification date."""
        self.date = self.modified = stamp.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def _finish(data: bytes, meta: Metadata, opts: WriterOptions, root, flavour: str, path: Path,
            destinations: dict, labels: list[tuple[int, str]] | None = None, tree=None) -> None:
    """Record metadata, embed the TEI (3b, 3a), write the structure *tree* (a
    :class:`convert.writers.pdf.tagging.StructTree`, level A), make and validate PDF/A, write
    *path*."""
    import pikepdf
    import pikepdf.pdfa as pdfa

    from convert.validators import pdfa_memo as _pdfa_memo

    _pdfa_memo.install()  # glyph verdicts shared by the documents of a batch (same checks)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        info = pdf.docinfo
        for key in list(info.keys()):
            del info[key]
        fields = {
            "/Title": meta.title, "/Author": meta.author, "/Subject": meta.subject,
            "/Keywords": meta.keywords, "/Creator": f"convert {convert.__version__}",
        }
        for key, value in fields.items():
            if value:
                info[key] = pikepdf.String(value)
        if meta.pdf_date():
            info["/CreationDate"] = pikepdf.String(meta.pdf_date())
        info["/ModDate"] = pikepdf.String(meta.pdf_modified())
        if "/Metadata" in pdf.Root:
            del pdf.Root["/Metadata"]
        pdf.Root.Lang = pikepdf.String(meta.lang)
        for page in pdf.pages:
            # reportlab writes an empty page transition (/Trans <<>>): presentation-only, which
            # the validator does not accept unchecked; dropping it changes nothing on paper.
            if "/Trans" in page.obj:
                del page.obj["/Trans"]
        pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        pdf.Root.PageMode = pikepdf.Name.UseOutlines
        _fix_tounicode(pdf)
        _fix_widths(pdf)
        _named_destinations(pdf, destinations)
        _page_labels(pdf, labels or [(0, "D")])
        if flavour[0] == "3":
            _attach_tei(pdf, opts, root, meta)
        if tree is not None:
            from convert.writers.pdf.tagging import write_structure

            write_structure(pdf, tree)
        base = level_b(flavour)
        pdfa.prepare(pdf, base)
        _fix_metadata_date(pdf, meta)
        if "/ID" in pdf.trailer:  # reportlab's /ID is the same for every document: qpdf derives
            del pdf.trailer["/ID"]  # both halves from the content instead (deterministic_id)
        if flavour != base:
            _declare_level(pdf, flavour, tagged=tree is not None)
            _save_checked(pdf, path, flavour)
            return
        # save validates the bytes it writes (the only check that promises anything); a
        # separate pdfa.check first would walk the document a second time for nothing
        try:
            with collector_paused():
                pdfa.save(pdf, path, flavour, repair=False, deterministic_id=True)
        except pdfa.PdfaError as err:
            raise WriterError(f"pdf: the written file is not PDF/A-{flavour}: {err}") from err


#: XMP extension schema (ISO 19005-2 6.6.2.3.2) describing ``pdfuaid:part`` (ISO 14289-1 5),
#: which is not among the schemas PDF/A predefines; then the PDF/UA-1 identification itself.
PDFUA_XMP = b"""    <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" \
xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
      <pdfaExtension:schemas>
        <rdf:Bag>
          <rdf:li rdf:parseType="Resource">
            <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
            <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
            <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
            <pdfaSchema:property>
              <rdf:Seq>
                <rdf:li rdf:parseType="Resource">
                  <pdfaProperty:name>part</pdfaProperty:name>
                  <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                  <pdfaProperty:category>internal</pdfaProperty:category>
                  <pdfaProperty:description>Part of ISO 14289 the document conforms to</pdfaProperty:description>
                </rdf:li>
              </rdf:Seq>
            </pdfaSchema:property>
          </rdf:li>
        </rdf:Bag>
      </pdfaExtension:schemas>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
      <pdfuaid:part>1</pdfuaid:part>
    </rdf:Description>
"""


def _declare_level(pdf, flavour: str, tagged: bool) -> None:
    """Declare conformance level A or U (``pdfaid:conformance``, ISO 19005-2 6.6.4) in the XMP
    packet ``pikepdf.pdfa.prepare`` wrote for level B, and for a tagged file PDF/UA-1
    (``pdfuaid:part`` 1 with its extension schema, ISO 14289-1 5)."""
    import pikepdf

    packet = pdf.Root.Metadata.read_bytes()
    level = flavour[1].upper().encode()
    new, n = re.subn(rb"<pdfaid:conformance>B</pdfaid:conformance>",
                     b"<pdfaid:conformance>" + level + b"</pdfaid:conformance>", packet)
    if n != 1:
        raise WriterError("pdf: cannot declare the PDF/A conformance level in the XMP metadata")
    if tagged:
        new, n = re.subn(rb"(\s*</rdf:RDF>)", lambda m: b"\n" + PDFUA_XMP.rstrip(b"\n") + m.group(1), new, count=1)
        if n != 1:
            raise WriterError("pdf: cannot declare PDF/UA-1 in the XMP metadata")
    pdf.Root.Metadata = pdf.make_stream(new, Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML)


def _save_checked(pdf, path: Path, flavour: str) -> None:
    """Write a level A or U file (2a, 3a, 2u) to *path*, validated as :func:`pikepdf.pdfa.save`
    validates level B: the same save settings, written to a temporary file beside *path*,
    checked with :func:`pikepdf.pdfa.validate_written` for the level B flavour of its part, and
    moved into place only when the only findings are the identification of the level
    (:func:`identification_only`). pikepdf checks no level A or U requirement (the structure
    tree, Unicode mapping): the writer makes them by construction, and the tests read them back
    with poppler. Raises :class:`WriterError`; nothing is left at *path* on failure."""
    import os

    import pikepdf.pdfa as pdfa

    base = level_b(flavour)
    kw = pdfa.resolve_save_kwargs(base, deterministic_id=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        pdf.save(tmp, **kw)
        with collector_paused():
            report = pdfa.validate_written(str(tmp), base)
        rest = [f for f in report.findings if not identification_only(f, flavour)]
        if rest:
            shown = "; ".join(f"{f.rule} {f.where}: {f.message}" for f in rest[:3])
            raise WriterError(f"pdf: the written file is not PDF/A-{flavour}: {shown}")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


_BFCHAR_WIDE = re.compile(rb"<([0-9A-Fa-f]{2,4})> <([0-9A-Fa-f]{5,6})>")


def _fix_tounicode(pdf) -> int:
    """Write supplementary-plane characters of reportlab's ToUnicode CMaps as UTF-16BE surrogate
    pairs (ISO 32000-1 9.10.3: the destination of a ``bfchar`` is UTF-16BE); reportlab writes the
    bare code point (``<05> <20021>``), which text extraction cannot read. Returns the number of
    entries rewritten."""
    import pikepdf

    def pair(m: re.Match) -> bytes:
        cp = int(m.group(2), 16)
        hi = 0xD800 + ((cp - 0x10000) >> 10)
        lo = 0xDC00 + ((cp - 0x10000) & 0x3FF)
        return b"<%s> <%04X%04X>" % (m.group(1), hi, lo)

    done = 0
    seen = set()
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != pikepdf.Name.Font:
            continue
        cmap = obj.get("/ToUnicode")
        if cmap is None or cmap.objgen in seen:
            continue
        seen.add(cmap.objgen)
        data = cmap.read_bytes()
        new, n = _BFCHAR_WIDE.subn(pair, data)
        if n:
            cmap.write(new)
            done += n
    return done


def _fix_widths(pdf) -> int:
    """Make each simple TrueType font's ``/Widths`` agree with its embedded program (ISO 19005-1
    6.3.6, 19005-2 6.2.11.5). reportlab's subsetter writes a wrong advance for glyphs past a
    font's ``numberOfHMetrics`` (seen with HanaMinA/B: 1000 units instead of 1024); the width the
    program gives is taken. Returns the number of widths changed."""
    import pikepdf
    from fontTools.ttLib import TTFont as FTFont

    changed = 0
    for obj in pdf.objects:
        if (not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != pikepdf.Name.Font
                or obj.get("/Subtype") != pikepdf.Name.TrueType or "/Widths" not in obj):
            continue
        fd = obj.get("/FontDescriptor")
        if fd is None or "/FontFile2" not in fd:
            continue
        font = FTFont(io.BytesIO(fd.FontFile2.read_bytes()), lazy=True)
        upem = font["head"].unitsPerEm
        tables = font["cmap"].tables
        if not tables:
            continue
        cmap = tables[0].cmap
        hmtx = font["hmtx"]
        first = int(obj.FirstChar)
        widths = [float(w) for w in obj.Widths]
        new = list(widths)
        for i, w in enumerate(widths):
            code = first + i
            glyph = cmap.get(code) or cmap.get(0xF000 + code)
            if glyph is None:
                continue
            program = hmtx[glyph][0] * 1000.0 / upem
            if abs(program - w) > 0.5:
                new[i] = round(program, 3)
        if new != widths:
            changed += sum(1 for a, b in zip(new, widths) if a != b)
            obj.Widths = pikepdf.Array(new)
    return changed


def _named_destinations(pdf, destinations: dict) -> None:
    """A ``/Dests`` name tree (ISO 32000-1 12.3.2.3) naming every division by its ``xml:id``, so
    ``file.pdf#a3`` opens at the article."""
    import pikepdf

    if not destinations:
        return
    names = pikepdf.Array()
    for key in sorted(destinations):
        page, x, y = destinations[key]
        names.append(pikepdf.String(key))
        names.append(pikepdf.Array([pdf.pages[page - 1].obj, pikepdf.Name.XYZ, 0, y, 0]))
    pdf.Root.Names = pdf.Root.get("/Names", pikepdf.Dictionary())
    pdf.Root.Names.Dests = pdf.make_indirect(pikepdf.Dictionary(Names=names))


def _page_labels(pdf, ranges: list[tuple[int, str]]) -> None:
    """The catalog's ``/PageLabels`` number tree (ISO 32000-1 12.4.2): for each range its first
    page index and numbering style (``/S /r`` lowercase roman, ``/S /D`` arabic, both from 1)."""
    import pikepdf

    nums = pikepdf.Array()
    for index, style in ranges:
        nums.append(index)
        nums.append(pikepdf.Dictionary(S=pikepdf.Name("/" + style)))
    pdf.Root.PageLabels = pdf.make_indirect(pikepdf.Dictionary(Nums=nums))


def _attach_tei(pdf, opts: WriterOptions, root, meta: Metadata) -> None:
    """Embed the TEI source as the document's associated file (ISO 19005-3 6.8: ``/AF`` on the
    catalog, ``/AFRelationship /Source``, ``/Subtype /application#2Ftei+xml``)."""
    import pikepdf

    data = opts.tei_bytes or to_bytes(root)
    stem = Path(opts.source_name).stem if opts.source_name else "bulletin"
    name = f"{stem}.tei.xml"
    stream = pikepdf.Stream(pdf, data)
    stream.Type = pikepdf.Name.EmbeddedFile
    stream.Subtype = pikepdf.Name("/" + TEI_MIME)
    params = pikepdf.Dictionary(Size=len(data))
    if meta.pdf_date():
        params.CreationDate = pikepdf.String(meta.pdf_date())
    params.ModDate = pikepdf.String(meta.pdf_modified())
    stream.Params = params
    spec = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Filespec,
        F=pikepdf.String(name),
        UF=pikepdf.String(name),
        Desc=pikepdf.String("TEI P5 source of this document"),
        AFRelationship=pikepdf.Name.Source,
        EF=pikepdf.Dictionary(F=stream, UF=stream),
    ))
    pdf.Root.Names = pdf.Root.get("/Names", pikepdf.Dictionary())
    pdf.Root.Names.EmbeddedFiles = pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String(name), spec]))
    pdf.Root.AF = pikepdf.Array([spec])


def _fix_metadata_date(pdf, meta: Metadata) -> None:
    """``pikepdf.pdfa.prepare`` stamps xmp:MetadataDate with the clock; use the modification date
    (:attr:`Metadata.modified`: ``SOURCE_DATE_EPOCH`` when set, else the rule all formats share)
    so the output is reproducible; the trailer ``/ID`` is then derived from the content
    (``deterministic_id``)."""
    import pikepdf

    if "/Metadata" not in pdf.Root:
        return
    date = meta.modified.encode()
    packet = pdf.Root.Metadata.read_bytes()
    new, n = re.subn(rb"(<xmp:MetadataDate>)[^<]*(</xmp:MetadataDate>)",
                     rb"\g<1>" + date + rb"\g<2>", packet)
    if n == 0:
        new, n = re.subn(rb'(xmp:MetadataDate=")[^"]*(")', rb"\g<1>" + date + rb"\g<2>", packet)
    if n:
        pdf.Root.Metadata = pdf.make_stream(new, Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML)
