"""File → bytes → text: reading only regular files within a size limit, encoding detection, refusing
files that are not text, cleaning what XML cannot carry.

:func:`read_input` is the only function here that touches the file system (it opens the one file
it is given, read-only). Nothing is silently replaced: an undecodable byte is an error naming its offset; a character XML
1.0 cannot carry (C0 controls other than tab and line ends, U+FFFE, U+FFFF) is kept out of the
model with a warning that names it and its line (W3C XML 1.0 §2.2 "Characters").
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass, field

from convert.errors import InputError

#: Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
#: Signatures of files passed by mistake.
MAGIC = [
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an EPUB, DOCX …)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "a Microsoft Office document"),
    (b"\x7fELF", "an executable"),
]
#: Encodings the detector may choose among (the bulletins' real-world encodings).
CANDIDATES = ["utf_8", "gb18030", "big5", "utf_16_le", "utf_16_be"]
NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: Default largest input, bytes (``--max-size``).
MAX_SIZE = 20 * 1024 * 1024


def file_kind(mode: int) -> str:
    """What a file of ``st_mode`` *mode* is, for messages: ``"a FIFO"``, ``"a folder"`` …"""
    for test, what in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return what
    return "not a plain file"


def read_input(path: os.PathLike | str, max_size: int = MAX_SIZE) -> bytes:
    """The bytes of the regular file at *path*, at most *max_size* bytes.

    The file is opened without blocking (``O_NONBLOCK``, so a FIFO with no writer cannot hang
    the run) and without becoming a controlling terminal, then checked with ``fstat`` on the open
    descriptor (no race between check and read). Raises :class:`InputError` naming *path* for a
    file that is not a regular file (a FIFO, socket, device or folder: ``"not a regular file (a
    FIFO)"``), a symbolic link loop, a file larger than *max_size*, or any error reading it.
    """
    name = os.fspath(path)
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise InputError(f"{name}: cannot read: a symbolic link loop") from None
        raise InputError(f"{name}: cannot read: {err.strerror or err}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{name}: not a regular file ({file_kind(st.st_mode)})")
        if st.st_size > max_size:
            raise InputError(f"{name}: {st.st_size:,} bytes is more than the limit of {max_size:,} (--max-size)")
        parts, total = [], 0
        while True:  # read to the end, but never past the limit (the file may grow meanwhile)
            block = os.read(fd, min(2**20, max_size + 1 - total))
            if not block:
                break
            parts.append(block)
            total += len(block)
            if total > max_size:
                raise InputError(f"{name}: more than the limit of {max_size:,} bytes (--max-size)")
        return b"".join(parts)
    except OSError as err:
        raise InputError(f"{name}: cannot read: {err.strerror or err}") from None
    finally:
        os.close(fd)


@dataclass
class SourceText:
    """Decoded bulletin text: ``text`` (str), ``encoding`` (Python codec name), ``detected``
    (the encoding was guessed, not given or marked by a BOM), ``warnings`` (messages)."""

    text: str
    encoding: str
    detected: bool = False
    warnings: list[str] = field(default_factory=list)


def _utf8_error(data: bytes) -> UnicodeDecodeError | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        return err
    return None


def _looks_like_broken_utf8(data: bytes) -> bool:
    """Mostly valid UTF-8 with a few bad bytes: an error to report, not another encoding."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for c in text if ord(c) > 0x7F and c != "\ufffd")
    return multibyte >= 4 * bad and multibyte > 0


def decode(data: bytes, name: str, encoding: str | None = None) -> SourceText:
    """Decode bulletin *data* (bytes) from file *name*.

    *encoding*, when given (``--encoding``), is used strictly. Otherwise a byte-order mark
    decides (UTF-8, UTF-16 LE/BE, UTF-32), then strict UTF-8, then charset-normalizer among
    :data:`CANDIDATES` (GB18030 covers GBK and GB2312). Raises :class:`InputError` for a binary
    file, an unknown encoding name, or a byte that cannot be decoded (naming its offset).
    """
    if not data.strip(b" \t\r\n\x00"):
        raise InputError(f"{name}: no text to convert (the file is empty or only whitespace)")
    for magic, what in MAGIC:
        if data.startswith(magic):
            raise InputError(f"{name}: this is {what}, not bulletin text")
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise InputError(f"{name}: unknown encoding {encoding!r}") from None
        return SourceText(_strict(data, codec, name), codec)
    for bom, codec in BOMS:
        if data.startswith(bom):
            return SourceText(_strict(data[len(bom) :], codec, name, offset=len(bom)), codec)
    err = _utf8_error(data)
    if err is None:
        if b"\x00" in data:
            raise InputError(f"{name}: binary data (NUL bytes), not bulletin text")
        return SourceText(data.decode("utf-8"), "utf-8")
    if _looks_like_broken_utf8(data):
        raise InputError(
            f"{name}: not valid UTF-8: byte 0x{data[err.start]:02X} at offset {err.start} cannot be "
            f"decoded (give --encoding if the file is in another encoding)"
        )
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=CANDIDATES).best()
    if best is None:
        raise InputError(
            f"{name}: not text in a known encoding (first undecodable byte 0x{data[err.start]:02X} at "
            f"offset {err.start} as UTF-8); give --encoding"
        )
    codec = codecs.lookup(best.encoding).name
    text = _strict(data, codec, name)
    if "\x00" in text:
        raise InputError(f"{name}: binary data (NUL characters), not bulletin text")
    return SourceText(text, codec, detected=True)


def _strict(data: bytes, codec: str, name: str, offset: int = 0) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name}: byte 0x{data[err.start]:02X} at offset {offset + err.start} cannot be decoded "
            f"as {codec}"
        ) from None


#: The longest run of blanks inside a line the reader reads as printed (spaces, tabs, U+3000): far
#: more than any gap print sets (a wide gap is two spaces or one ideographic space; the corpus's
#: widest is 27); longer runs are shortened so that no pass spends more than this at any place.
MAX_BLANK_RUN = 64
LONG_BLANK_RUN_RE = re.compile("[ \t\u3000]{%d,}" % (MAX_BLANK_RUN + 1))
#: The longest run a page's layout makes (pdftotext ``-layout`` pushes a line right with one run
#: of spaces as wide as the page: a 版记's ``（共印65份）`` came with 70, an A3 newspaper page in
#: landscape is under 300 columns). A run up to this long is shortened without a word: it is a
#: gap either way, which every pass reads alike at 64 blanks or at 300, and layout whitespace is
#: no content the model promises back (unwrapping already takes out line ends; the plain-text
#: round trip compares content characters). A longer run is no layout, and is named.
LAYOUT_BLANK_RUN = 512


def shorten_blank_runs(text: str, name: str, warnings: list[str]) -> str:
    """*text* with every run of blanks inside a line (spaces, tabs, U+3000) longer than
    :data:`MAX_BLANK_RUN` cut to its first :data:`MAX_BLANK_RUN` characters. Only whitespace goes
    (the content characters, and so the plain-text round trip, are unchanged); a gap stays a gap.
    This bounds the work of every pattern that reads a gap (``\\s*`` before a line end), which
    grows with the square of a gap's length: a line of 64,000 spaces took minutes. A run longer
    than :data:`LAYOUT_BLANK_RUN` (more than a page's layout makes) gets one warning naming the
    first such line and the count. Linear in *text*."""
    first = None
    count = 0

    def cut(m: re.Match) -> str:
        nonlocal first, count
        if m.end() - m.start() > LAYOUT_BLANK_RUN:
            if first is None:
                first = text.count("\n", 0, m.start()) + 1
            count += 1
        return m.group(0)[:MAX_BLANK_RUN]

    out = LONG_BLANK_RUN_RE.sub(cut, text)
    if count:
        warnings.append(f"{name}: {count} run(s) of more than {LAYOUT_BLANK_RUN} blanks inside a line (more than "
                        f"a page's layout makes) shortened to {MAX_BLANK_RUN}, from line {first} "
                        f"(whitespace only; every character kept)")
    return out


def remove_non_xml(source: SourceText, name: str) -> SourceText:
    """Take out the characters XML 1.0 cannot carry, with one warning per kind naming the first
    line it is on; returns *source* (changed in place)."""
    found: dict[str, tuple[int, int]] = {}
    for m in NOT_XML_RE.finditer(source.text):
        c = m.group(0)
        if c not in found:
            line = source.text.count("\n", 0, m.start()) + 1
            found[c] = (line, 0)
        found[c] = (found[c][0], found[c][1] + 1)
    if found:
        source.text = NOT_XML_RE.sub("", source.text)
        for c, (line, count) in found.items():
            source.warnings.append(
                f"{name}: U+{ord(c):04X} (a control character XML cannot carry) left out, "
                f"{count}× from line {line}"
            )
    return source
