"""Helpers of the reader's round tests (``test_reader_round*.py``): read a text made for a test
into its one document, checked valid against bulletin.rng and round-tripped exactly, and read
texts back out of it."""

from __future__ import annotations

from degrade import assert_round_trips

from convert.reader import read_issues
from convert.tei import xpath
from convert.validators.tei import own_schema


def one_document(text: str, name: str = "t.txt"):
    """The root of the one TEI document *text* gives (``AssertionError`` when it gives several,
    or when the document is not valid against bulletin.rng or does not give *text* back)."""
    docs = read_issues(text, name, warnings=[])
    assert len(docs) == 1
    own_schema().assertValid(docs[0].root)
    assert_round_trips(docs, text)
    return docs[0].root


def texts(root, path: str) -> list[str]:
    """The text of each element at *path* (XPath, ``tei:`` prefix) under *root*, spaces and
    ideographic spaces removed."""
    return ["".join(e.itertext()).replace("\u3000", "").replace(" ", "").strip() for e in xpath(root, path)]


def article_heads(root) -> list[str]:
    """The titles (heads with no ``@type``) of the articles in *root*'s body, in order."""
    return texts(root, "//tei:body//tei:div[@type='article']/tei:head[not(@type)]")


TEI = "{http://www.tei-c.org/ns/1.0}"


def paragraphs(root) -> list[str]:
    """The text of every ``<p>`` under *root*, in document order, as printed."""
    return ["".join(p.itertext()) for p in root.iter(f"{TEI}p")]


def furniture(root) -> list[str]:
    """The text of every ``<fw>`` under *root*, in document order, outer whitespace removed."""
    return ["".join(f.itertext()).strip() for f in root.iter(f"{TEI}fw")]


def hard_wrap(paragraph: str, width: int) -> str:
    """*paragraph* cut every *width* characters, as a hard wrap leaves it."""
    return "\n".join(paragraph[i : i + width] for i in range(0, len(paragraph), width))


def layout_column(paragraph: str, width: int) -> str:
    """*paragraph* as pdftotext lays out a column of *width* characters: its first line set in
    four spaces (two characters fewer), then cut every *width* characters."""
    return "\n".join(["    " + paragraph[: width - 2]]
                     + [paragraph[i : i + width] for i in range(width - 2, len(paragraph), width)])
