"""PDF/A finishing of the PDF writer: document information, then the file made PDF/A (ISO 19005)
with pikepdf and validated as it is written.

May touch: the PDF bytes :mod:`convert.writers.pdf.pages` returns (opened with pikepdf), the
output path (written only by :func:`pikepdf.pdfa.save`, which validates what it writes).

- Metadata (ISO 19005-1 6.7, 19005-2 6.6): title (``titleStmt/title``), author (``publisher``),
  subject (periodical, issue, date), keywords (section heads), creation date = the issue date
  (``sourceDesc/bibl/date/@when``, 00:00 China Standard Time) — never the clock, so the same TEI
  gives a byte-identical PDF — ``/Lang`` from ``/TEI/@xml:lang``, creator tool ``convert <version>``.
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

#: Time zone of the issue dates (the bulletins are printed in Henan, China Standard Time).
ISSUE_TZ = "+08:00"
TEI_MIME = "application/tei+xml"


def _first_text(root, path: str) -> str:
    hits = xpath(root, path)
    if not hits:
        return ""
    node = hits[0]
    text = node if isinstance(node, str) else "".join(node.itertext())
    return re.sub(r"\s+", " ", str(text)).strip()


class Metadata:
    """Document information from the TEI header (docs/tei-model.md, "Header").

    ``title``, ``author`` (publisher), ``subject``, ``keywords`` (section heads joined by ``; ``),
    ``lang`` (BCP 47), ``date`` (ISO 8601 date-time with the China time zone, from the issue date;
    ``None`` when the header has none), ``running_head``.
    """

    def __init__(self, root: etree._Element):
        self.title = _first_text(root, "tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title")
        bibl = "tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl"
        self.author = _first_text(root, f"{bibl}/tei:publisher")
        journal = _first_text(root, f"{bibl}/tei:title[@level='j'][not(@type)]")
        issue = _first_text(root, f"{bibl}/tei:biblScope[@unit='issue']")
        cumulative = _first_text(root, f"{bibl}/tei:idno[@type='cumulative']")
        when = _first_text(root, f"{bibl}/tei:date[not(@type)]/@when") or _first_text(root, f"{bibl}/tei:date/@when")
        date_text = _first_text(root, f"{bibl}/tei:date[not(@type)]")
        subject = [journal or self.author, issue]
        if cumulative:
            subject.append(f"总第{cumulative}期")
        subject.append(date_text or when)
        self.subject = " ".join(s for s in subject if s)
        heads = [re.sub(r"\s+", "", "".join(h.itertext()))
                 for h in xpath(root, "tei:text/tei:body//tei:div[@type='section']/tei:head")]
        self.keywords = "; ".join(h for h in heads if h)
        self.lang = root.get(XML_LANG) or "zh-Hans"
        self.date = self._iso(when)
        self.running_head = self.title

    @staticmethod
    def _iso(when: str) -> str | None:
        m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", when or "")
        if not m:
            return None
        y, mo, d = m.group(1), m.group(2) or "01", m.group(3) or "01"
        return f"{y}-{mo}-{d}T00:00:00{ISSUE_TZ}"

    def pdf_date(self) -> str | None:
        """:attr:`date` as a PDF date string (ISO 32000-1 §7.9.4): ``D:20200229000000+08'00'``."""
        if not self.date:
            return None
        d = self.date
        return f"D:{d[0:4]}{d[5:7]}{d[8:10]}{d[11:13]}{d[14:16]}{d[17:19]}{d[19:22]}'{d[23:25]}'"

    def use_timestamp(self, stamp) -> None:
        """Record *stamp* (an aware datetime: ``SOURCE_DATE_EPOCH``) instead of the issue date."""
        self.date = stamp.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+00:00")



def _finish(data: bytes, meta: Metadata, opts: WriterOptions, root, flavour: str, path: Path,
            destinations: dict, labels: list[tuple[int, str]] | None = None) -> None:
    """Record metadata, embed the TEI (3b), make and validate PDF/A, write *path*."""
    import pikepdf
    import pikepdf.pdfa as pdfa

    from convert.writers.pdf import pdfa_memo as _pdfa_memo

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
            info["/ModDate"] = pikepdf.String(meta.pdf_date())
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
        if flavour == "3b":
            _attach_tei(pdf, opts, root, meta)
        pdfa.prepare(pdf, flavour)
        _fix_metadata_date(pdf, meta)
        # save validates the bytes it writes (the only check that promises anything); a
        # separate pdfa.check first would walk the document a second time for nothing
        try:
            pdfa.save(pdf, path, flavour, repair=False, deterministic_id=True)
        except pdfa.PdfaError as err:
            raise WriterError(f"pdf: the written file is not PDF/A-{flavour}: {err}") from err


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
        params.ModDate = pikepdf.String(meta.pdf_date())
        params.CreationDate = pikepdf.String(meta.pdf_date())
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
    """``pikepdf.pdfa.prepare`` stamps xmp:MetadataDate with the clock; use the issue date so the
    output is reproducible."""
    import pikepdf

    if not meta.date or "/Metadata" not in pdf.Root:
        return
    packet = pdf.Root.Metadata.read_bytes()
    new, n = re.subn(rb"(<xmp:MetadataDate>)[^<]*(</xmp:MetadataDate>)",
                     rb"\g<1>" + meta.date.encode() + rb"\g<2>", packet)
    if n == 0:
        new, n = re.subn(rb'(xmp:MetadataDate=")[^"]*(")', rb"\g<1>" + meta.date.encode() + rb"\g<2>", packet)
    if n:
        pdf.Root.Metadata = pdf.make_stream(new, Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML)
