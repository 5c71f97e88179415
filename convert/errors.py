"""Exceptions the command line turns into one-line messages and a non-zero exit, and the helpers
that keep every message one printable line (no raw control characters, no terminal escapes).

Touches nothing outside this module: no files, no streams.
"""

from __future__ import annotations

import os
import re


class ConvertError(Exception):
    """A failure the user can act on; ``str(err)`` is the message (no traceback shown)."""


class InputError(ConvertError):
    """The input file cannot be read or is not a bulletin this tool can convert."""


class WriterError(ConvertError):
    """A writer could not produce its output, or the output failed its check."""


class Interrupted(BaseException):
    """The run was stopped by a signal (SIGINT, SIGTERM, or the parent's death in a worker);
    ``signum`` is the signal. A :class:`BaseException`, so that no ``except Exception`` in a
    writer swallows it: ``finally`` clauses still remove temporary files on the way out."""

    def __init__(self, signum: int):
        super().__init__(signum)
        # A library that re-raises an exception rebuilt from its message (reportlab's
        # ``annotateException``) passes a string here: no signal number then.
        self.signum = signum if isinstance(signum, int) else None


#: Characters never printed raw: C0 controls, DEL, C1 controls (which include CSI, the start of
#: terminal escape sequences in 8-bit form), the line and paragraph separators, bidirectional
#: overrides and isolates (Unicode TR #9, which can make a name display as another), and the lone
#: surrogates Python uses for file-name bytes that are not UTF-8 (PEP 383).
UNPRINTABLE_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(m: re.Match) -> str:
    c = m.group(0)
    code = ord(c)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str | os.PathLike) -> str:
    """*text* (a message or a path) with every character of :data:`UNPRINTABLE_RE` written as a
    Python-style escape (``a\\x01.txt``, ``\\x1b[2J``, ``\\xff`` for an undecodable file-name
    byte), so that a printed line is one line and sends no escape sequence to a terminal."""
    return UNPRINTABLE_RE.sub(_escape, os.fspath(text) if isinstance(text, os.PathLike) else text)


def one_line(text: str) -> str:
    """*text* folded to one printable line: line breaks (libxml2 and the Java validators write
    several lines for one finding) become ``" "``, runs of spaces collapse, then :func:`printable`."""
    return printable(re.sub(r"\s*[\r\n]+\s*", " ", str(text)).strip())
