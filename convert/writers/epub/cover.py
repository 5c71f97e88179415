"""Cover image drawn from the masthead.

The cover is a PNG drawn with Pillow in WenQuanYi Zen Hei (Debian ``fonts-wqy-zenhei``); PNG as
Pillow writes it carries no timestamp, so the same masthead gives the same bytes. It is declared
with the manifest property ``cover-image`` (EPUB 3.3 §5.6.4 "Manifest properties").
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from convert.errors import WriterError

COVER_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
#: Cover size in pixels (2:3, the proportion most e-book stores ask for).
COVER_SIZE = (1200, 1800)
RED = (190, 20, 30)
INK = (30, 30, 30)


@dataclass
class CoverText:
    """What the cover shows, every value taken from the TEI (``None`` when the source has none)."""

    title: str
    title_alt: str | None = None
    edition: str | None = None
    date: str | None = None
    publisher: str | None = None

    def alt_text(self) -> str:
        """The ``alt`` of the cover ``<img>``: the cover's own words, in order."""
        return " ".join(x for x in (self.title, self.title_alt, self.edition, self.date, self.publisher) if x)


def _wrap(draw, text: str, font, width: int) -> list[str]:
    """Break *text* into lines no wider than *width* pixels (CJK: any character boundary;
    a space is preferred when the line holds Latin words)."""
    lines: list[str] = []
    line = ""
    for ch in text:
        trial = line + ch
        if not line or draw.textlength(trial, font=font) <= width:
            line = trial
            continue
        if ch.isascii() and ch != " " and " " in line and line[-1] != " ":
            head, rest = line.rsplit(" ", 1)
            lines.append(head)
            line = rest + ch
        else:
            lines.append(line.rstrip())
            line = "" if ch == " " else ch
    if line.strip():
        lines.append(line.strip())
    return lines


def cover_png(text: CoverText) -> bytes:
    """Draw the cover: the title large in red, a red rule, then the English title, the issue,
    the date and the publisher, centred. Returns PNG bytes (deterministic for the same input).

    Raises :class:`WriterError` when the CJK font is missing."""
    try:
        from PIL import Image, ImageDraw, ImageFont
    except ImportError as err:  # pragma: no cover - dependency missing
        raise WriterError(f"epub: Pillow is needed for the cover image ({err})") from err
    if not COVER_FONT.exists():
        raise WriterError(f"epub: cover font {COVER_FONT} is missing (Debian package fonts-wqy-zenhei)")
    w, hgt = COVER_SIZE
    img = Image.new("RGB", COVER_SIZE, (255, 255, 255))
    draw = ImageDraw.Draw(img)
    margin = 100

    def font(size: int):
        return ImageFont.truetype(str(COVER_FONT), size, index=0)

    y = 260
    title_size = 150 if len(text.title) <= 7 else 96
    f = font(title_size)
    for line in _wrap(draw, text.title, f, w - 2 * margin):
        draw.text((w / 2, y), line, font=f, fill=RED, anchor="mt")
        y += int(title_size * 1.25)
    if text.title_alt:
        f = font(44)
        y += 10
        for line in _wrap(draw, text.title_alt, f, w - 2 * margin):
            draw.text((w / 2, y), line, font=f, fill=RED, anchor="mt")
            y += 58
    y += 40
    draw.rectangle((margin, y, w - margin, y + 8), fill=RED)
    y += 90
    for value, size in ((text.edition, 64), (text.date, 64)):
        if not value:
            continue
        f = font(size)
        for line in _wrap(draw, value, f, w - 2 * margin):
            draw.text((w / 2, y), line, font=f, fill=INK, anchor="mt")
            y += int(size * 1.4)
    if text.publisher:
        f = font(52)
        lines = _wrap(draw, text.publisher, f, w - 2 * margin)
        y = hgt - 180 - 70 * (len(lines) - 1)
        for line in lines:
            draw.text((w / 2, y), line, font=f, fill=INK, anchor="mt")
            y += 70
    out = io.BytesIO()
    img.save(out, format="PNG", compress_level=6)  # optimize=True costs 0.1 s a book
    return out.getvalue()
