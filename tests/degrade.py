"""Degrade clean bulletin text the ways text extraction does, and measure how the reader copes.

Written independently of the reader (it does not import it): the degradations work on the
sample text and its gold (``expected.json``), and :func:`measure` compares a reading with the
gold. Used by ``tests/test_degraded.py`` (assertions) and ``bench/degraded.py`` (the table of
issue #11: degradation × sample).

Degradations (each ``(text, rng) -> (text, furniture lines)``):

- ``crlf``: CRLF line ends;
- ``blank-removed`` / ``blank-doubled``: no blank lines, or every blank line twice;
- ``markup-stripped``: ``#`` marks, ``**``, ``<b>``, ``- `` bullets (not the dashes of a folio
  ``- 3 -``) and ``---`` rules removed;
- ``wrap`` / ``wrap-no-blank``: paragraphs hard-wrapped at one width of 25–45 characters per
  file (each line up to three characters narrower, as proportional digits and Latin letters
  make real lines), with or without the blank lines; ``wrap-headings``: titles longer than the
  column wrapped too;
- ``furniture-ff`` / ``furniture-no-ff``: a folio and a running head every 20–50 lines, with a
  form feed before the running head or without;
- ``pdftotext``: markup stripped, wrapped, furniture with form feeds;
- ``scan``: markup stripped, every line wrapped (titles too) without blank lines, furniture
  without form feeds, CRLF.

Concatenation of two samples is :func:`concatenate`.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
#: The bulletins every degradation is run on, each with a gold file: the samples, the genre
#: samples (samples/genres/), the hand-made fixtures, the bulletins of neighbouring series written
#: for a held-out check (tests/fixtures/genres/) and those an independent writer made of the same
#: series without seeing the reader (tests/fixtures/series/).
CORPUS = [p for folder in (ROOT / "samples", ROOT / "samples" / "genres", FIXTURES, FIXTURES / "genres",
                           FIXTURES / "series")
          for p in sorted(folder.glob("*.txt")) if p.with_suffix(".expected.json").exists()]
#: Degraded copies made outside this project, each with its gold (``furniture``: the lines it
#: inserted): the shared ones (samples/degraded/) and the independent writer's
#: (tests/fixtures/series/degraded/: pdftotext-like and hard-wrapped).
SHARED = [p for folder in (ROOT / "samples" / "degraded", FIXTURES / "series" / "degraded")
          for p in sorted(folder.glob("*.txt")) if p.with_suffix(".expected.json").exists()]
#: The ways a shared degraded copy is named after its clean source (``X.pdftotext.txt`` of ``X.txt``).
SHARED_SUFFIXES = (".pdftotext", ".wrapped")


def shared_source(path: Path) -> Path | None:
    """The clean bulletin a shared degraded copy was made from (``../X.txt``), ``None`` when it
    has none (a file of two issues made apart)."""
    stem = path.name[: -len(".txt")]
    for suffix in SHARED_SUFFIXES:
        if stem.endswith(suffix):
            clean = path.parent.parent / (stem[: -len(suffix)] + ".txt")
            return clean if clean.exists() else None
    return None


def shared_furniture(want: dict) -> list[str]:
    """The furniture lines a gold lists (per issue in a file of several), each as printed (a line
    given as an object, ``{"text": "— 3 —", …}``, by its ``text``: the genres README leaves the
    key's form open)."""
    listed = want.get("furniture", []) or [f for issue in want.get("issues", []) for f in issue.get("furniture", [])]
    return [str(f.get("text", "")) if isinstance(f, dict) else f for f in listed]


def source_furniture(path: Path) -> list[str]:
    """The furniture lines the clean source itself prints (its gold's ``furniture``, per issue):
    expected as ``<fw>`` beside those a degradation inserts, never counted as lines wrongly taken
    for furniture."""
    return shared_furniture(gold(path))


PROSE = set("，,。；;！？!?")
FOLIO_FORMS = ["— {n} —", "第 {n} 页", "- {n} -", "· {n} ·"]
RUNNING_HEADS = ["政务信息   2021年第3期", "工作通讯 · 第{n}期", "地方志通讯   内部资料", "县区动态  2019年12月"]


def nows(s: str) -> str:
    return re.sub(r"\s+", "", s)


def gold(path: Path) -> dict:
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


def golds(path: Path) -> list[dict]:
    """The gold of each issue the file holds (a file of several issues has ``issues``)."""
    want = gold(path)
    return want.get("issues", [want])


def lines_of(text: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", text)


def crlf(text: str, rng: random.Random) -> tuple[str, list[str]]:
    return "\r\n".join(lines_of(text)), []


def blank_removed(text: str, rng: random.Random) -> tuple[str, list[str]]:
    return "\n".join(line for line in lines_of(text) if line.strip()), []


def blank_doubled(text: str, rng: random.Random) -> tuple[str, list[str]]:
    out = []
    for line in lines_of(text):
        out.append(line)
        if not line.strip():
            out.append("")
    return "\n".join(out), []


def markup_stripped(text: str, rng: random.Random) -> tuple[str, list[str]]:
    out = []
    for line in lines_of(text):
        if re.fullmatch(r"\s*([-*_])(\s*\1){2,}\s*", line):
            out.append("")
            continue
        line = re.sub(r"^\s*#{1,6}\s+", "", line)
        # a folio ``- 3 -`` or ``- 3/8 -`` keeps its dashes: no list bullet (TEI-CONVENTIONS.md point 7, as
        # sampledata.source_content and furniture_text read it)
        line = re.sub(r"^\s*-\s+(?!\d{1,4}(?:\s*/\s*\d{1,4})?\s*-\s*$)", "", line)
        out.append(re.sub(r"\*\*|</?b>|</?strong>", "", line, flags=re.IGNORECASE))
    return "\n".join(out), []


def _is_paragraph(line: str) -> bool:
    return any(c in PROSE for c in line) and not re.search(r"(\.{2,}|…{2,})\s*\d{1,3}\s*$", line)


def _wrap(text: str, rng: random.Random, blanks: bool, headings: bool = False) -> tuple[str, list[str]]:
    width = rng.randint(25, 45)
    out = []
    for line in lines_of(text):
        if not line.strip():
            if blanks:
                out.append(line)
            continue
        leader = re.search(r"(\.{2,}|…{2,})\s*\d{1,3}\s*$", line)
        if not (_is_paragraph(line) or (headings and not leader)) or len(line) <= width:
            out.append(line)
            continue
        marks = [(m.start(), m.end()) for m in re.finditer(r"\*\*|</?b>", line)]
        pos = 0
        while pos < len(line):
            w = width - rng.randint(0, 3)
            # the extraction's markup is whole on a line (a cut never falls inside ``**`` or ``<b>``)
            w = next((b - pos for a, b in marks if a < pos + w < b), w)
            out.append(line[pos : pos + w])
            pos += w
    return "\n".join(out), []


def wrap(text: str, rng: random.Random) -> tuple[str, list[str]]:
    return _wrap(text, rng, True)


def wrap_no_blank(text: str, rng: random.Random) -> tuple[str, list[str]]:
    return _wrap(text, rng, False)


def wrap_headings(text: str, rng: random.Random) -> tuple[str, list[str]]:
    """Every line wrapped, a title longer than the column too (contents entries aside)."""
    return _wrap(text, rng, True, headings=True)


def wrap_headings_no_blank(text: str, rng: random.Random) -> tuple[str, list[str]]:
    return _wrap(text, rng, False, headings=True)


def _furniture(text: str, rng: random.Random, form_feed: bool) -> tuple[str, list[str]]:
    folio = rng.choice(FOLIO_FORMS)
    head = rng.choice(RUNNING_HEADS).replace("{n}", str(rng.randint(2, 60)))
    src = lines_of(text)
    out: list[str] = []
    furniture: list[str] = []
    page = 1
    nxt = rng.randint(20, 50)
    for k, line in enumerate(src):
        out.append(line)
        if k + 1 >= nxt and k + 1 < len(src) - 2:
            page += 1
            f = folio.format(n=page - 1)
            out.append(f)
            out.append(("\f" if form_feed else "") + head)
            furniture += [f, head]
            nxt = k + 1 + rng.randint(20, 50)
    return "\n".join(out), furniture


def furniture_ff(text: str, rng: random.Random) -> tuple[str, list[str]]:
    return _furniture(text, rng, True)


def furniture_no_ff(text: str, rng: random.Random) -> tuple[str, list[str]]:
    return _furniture(text, rng, False)


def chain(*steps):
    def run(text: str, rng: random.Random) -> tuple[str, list[str]]:
        furniture: list[str] = []
        for step in steps:
            text, f = step(text, rng)
            furniture += f
        return text, furniture
    run.__name__ = "+".join(s.__name__ for s in steps)
    return run


DEGRADATIONS = {
    "clean": lambda text, rng: (text, []),
    "crlf": crlf,
    "blank-removed": blank_removed,
    "blank-doubled": blank_doubled,
    "markup-stripped": markup_stripped,
    "wrap": wrap,
    "wrap-no-blank": wrap_no_blank,
    "wrap-headings": wrap_headings,
    "furniture-ff": furniture_ff,
    "furniture-no-ff": furniture_no_ff,
    "pdftotext": chain(markup_stripped, wrap, furniture_ff),
    "scan": chain(markup_stripped, wrap_headings_no_blank, furniture_no_ff, crlf),
}


def concatenate(a: str, b: str) -> str:
    """Two issues in one file, as a year's extraction gives them."""
    return a.rstrip("\n") + "\n\n\n" + b


# ------------------------------------------------------------------------------ measuring


def furniture_text(line: str) -> str:
    """The content of an inserted furniture line, whitespace removed: a folio ``- 3 -`` keeps its
    dashes (it is not a list bullet, TEI-CONVENTIONS.md point 7; the shared gold lists
    furniture lines as printed)."""
    return nows(line.replace("\f", ""))


def _text(el, lb: str = "", skip: tuple[str, ...] = ()) -> str:
    """The text of *el* without the old page furniture (``<fw>``) inside it, whitespace removed;
    a ``<lb/>`` gives *lb*; children named in *skip* (``"label"``: a printed bullet before a
    brief's head, ``"pc"``: the full stop after it, not part of it in the gold) left out."""
    out = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag.endswith("}lb"):
            out.append(lb)
        elif not (isinstance(child.tag, str) and child.tag.endswith(("}fw", "}reg", "}corr")
                                                                      + tuple("}" + n for n in skip))):
            out.append(_text(child, lb))
        out.append(child.tail or "")
    return nows("".join(out))


#: Blocks whose text is one run of source lines (a join inside one is a join of source lines).
BLOCKS = "//tei:text//*[self::tei:p or self::tei:l or self::tei:ab or self::tei:head or self::tei:byline " \
         "or self::tei:note or self::tei:label or self::tei:item[not(tei:list)] or self::tei:docImprint " \
         "or self::tei:docDate or self::tei:titlePart or self::tei:dateline]"
_LB = "\ue000"  # not whitespace (nows keeps it)


def content_lines(text: str) -> list[str]:
    """The content of each non-blank line of clean bulletin *text* (markup off, whitespace
    removed), in order."""
    out = []
    for line in lines_of(text):
        if re.fullmatch(r"\s*([-*_])(\s*\1){2,}\s*", line):
            continue
        line = re.sub(r"^\s*#{1,6}\s+", "", line)
        line = re.sub(r"\*\*|</?b>|</?strong>", "", line, flags=re.IGNORECASE)
        line = re.sub(r"(?:\.{2,}|…{2,}|·{3,}|．{2,}|。{3,})(?=\s*(?:\d{1,3}|（\d{1,3}）|\(\d{1,3}\))\s*$)", "", line)
        if nows(line):
            out.append(nows(line))
    return out


#: Closing punctuation: a line ending in none of these stopped mid-sentence.
TERMINAL = set("。！？!?；;：:…”’」』）)】〕]》.")
#: Closing quotes and book-title marks (GB/T 15834-2011 4.15: 》 closes a title inside the
#: sentence): they end a sentence only after a sentence mark (``…工作。”``); a closing bracket may
#: end a line of its own (a credit ``（记者 …）``, ``（略）``) and is left to TERMINAL.
CLOSERS = set("”’」』》〉")


def mid_sentence(a: str, b: str) -> bool:
    """Line *a* stops mid-sentence before line *b*: its last character is no closing punctuation
    (:data:`TERMINAL`), or it is a closing quote or book-title mark after anything but a sentence
    mark (``…存在“两不管”`` / ``的空档。``, ``…完成了《年鉴》`` / ``编纂出版，``), or a full stop between two digits (``3.`` / ``2万份``: a
    decimal number the wrap cut)."""
    if a[-1] not in TERMINAL:
        return True
    if a[-1] in "）)":
        # a bracket closing a word's gloss inside a sentence (``…所在地乡镇（街道）`` / ``慈善分会提出，``):
        # mid-sentence, unless the bracket opens the line (a credit alone) or follows a sentence mark
        # (``…工作。（县河长办供稿）``)
        k = max(a.rfind("（"), a.rfind("("))
        return k > 0 and a[k - 1] not in "。！？!?；;…"
    if a[-1] in CLOSERS:
        t = a.rstrip("".join(CLOSERS))
        # inside a title a bracket may close before its 》 (``《年鉴（2023）》``): only a sentence mark counts
        return bool(t) and t[-1] not in (TERMINAL if a[-1] not in "》〉" else set("。！？!?…；;"))
    return a[-1] in ".．" and len(a) > 1 and a[-2].isdigit() and b[:1].isdigit()


#: An enumeration's item number in brackets ending a line (``…一直无人上门核实；（2）``): the item
#: opens there and goes on in the line below (GB/T 15834-2011 B.3.8 （1）).
_ITEM_NUMBER_END_RE = re.compile(r"[；;：:，,。][（(][0-9０-９一二三四五六七八九十]{1,2}[）)]$")


def false_joins(blocks: list[str], clean: str, joins: list[str], heads: set[str] = frozenset(),
                k: int = 6) -> list[str]:
    """Places where the model runs two lines of the clean *text* together that the gold keeps
    apart: for each pair of consecutive content lines that no gold join spans, the last *k*
    characters of the first and the first *k* of the second found together inside one block
    (*blocks*: the texts of the model's blocks, ``<lb/>`` as U+E000). A line of prose (over 20
    characters, or over four fifths of the median line of prose in a text set in narrower columns;
    not one of the gold *heads*) that stops mid-sentence is a paragraph an old page
    break cut (TEI-CONVENTIONS.md point 5): joining it is right even where an older gold does not
    list the join. Returns those places."""
    lines = content_lines(clean)
    # which content lines follow the one before with no blank line between (a clean text that
    # sets its paragraphs apart with blank lines and hard-wraps them: the lines of one paragraph)
    raw = [line for line in lines_of(clean) if not re.fullmatch(r"\s*([-*_])(\s*\1){2,}\s*", line)]
    # a left margin every line of prose keeps (a pdftotext -layout copy sets the body 6 spaces in and
    # a paragraph's first line 4 more): the first-line indent is read after it
    margin = min((len(line.lstrip("\f")) - len(line.lstrip("\f").lstrip(" "))
                  for line in raw if len(nows(line)) > 20), default=0)
    adjacent, opens, blanks, starts = [], [], 1, [0]
    for line in raw:
        if nows(re.sub(r"^\s*#{1,6}\s+|\*\*|</?b>", "", line)):
            adjacent.append(not blanks)
            opens.append(re.match(r"^\f?(?:\u3000{2}|[ \t]{4,})\S", line.lstrip("\f")[margin:]) is not None)
            # two blank lines or more: where two files were run together (:func:`concatenate`)
            if blanks >= 2 and len(adjacent) - 1 - starts[-1] >= 20:
                starts.append(len(adjacent) - 1)
            blanks = 0
        else:
            blanks += 1
    if len(starts) > 1 and len(adjacent) - starts[-1] < 20:
        starts.pop()  # a short last part is read with the one before
    # each part of a text run together from several files is laid out its own way: decide per part
    part_of, wrapped_of, indent_of, indents_of = [], [], [], []
    for q, (a0, a1) in enumerate(zip(starts, starts[1:] + [len(adjacent)])):
        adj, ops = adjacent[a0:a1], opens[a0:a1]
        part_of += [q] * (a1 - a0)
        w = sum(1 for x in adj if not x) * 3 >= len(adj) and len(adjacent) == len(lines)
        wrapped_of.append(w)
        indents_of.append(sum(ops))
        # a clean text hard-wrapped with no blank lines, each paragraph opened by its first-line
        # indent (段首空两字): a line break is content-free unless the next line is indented or a
        # line of its own (the heldout-j README, 'Hard-wrapped journal'); blank lines around its
        # titles only (a pdftotext -layout copy: fewer than a third of the lines after one, as
        # ``w`` says) leave it so
        indent_of.append(not w and len(adjacent) == len(lines) and sum(ops) >= 3)
    gold = [nows(j) for j in joins]
    text = "\n".join(blocks)
    # characters one source line prints together (a contents entry's title and its author) are
    # no two lines run together
    one_line = "\n".join(lines)
    # how long a line of prose is at least (a line a wrap may have cut): 20 characters, or four
    # fifths of the median line of prose where the text is set in narrow columns (a newspaper's
    # 18–20 characters: its wrapped lines are prose the fixed 20 would not see)
    prose_lens = sorted(len(line) for line in lines if any(c in "，。、；" for c in line))
    prose_min = min(20, int(0.8 * prose_lens[len(prose_lens) // 2])) if prose_lens else 20
    # the measure of a hard-wrapped clean text: most of its long lines (lines of prose's length, as
    # above) fill it
    longs = sorted(len(line) for line in lines if len(line) > prose_min)
    full = longs[len(longs) * 4 // 5] if longs else 0
    out = []
    for n, (a, b) in enumerate(zip(lines, lines[1:])):
        pair = a + b
        cut = len(a)
        part = part_of[n + 1] if len(part_of) == len(lines) else 0
        wrapped_text, indent_text, indents = wrapped_of[part], indent_of[part], indents_of[part]
        if any(j in pair and pair.index(j) < cut < pair.index(j) + len(j) for j in gold):
            continue
        # (a gold join over three source lines, the middle one short: the cut's two sides inside it,
        # the join's text starting before *a* or ending inside *b*)
        if any(a[-k:] + b[:k] in j or _cut_inside(j, a, b) for j in gold):
            continue
        # (the line's last character only: a closing quote there may end a title, ``…“口袋公园”``;
        # an item's number in brackets ends no sentence, its item goes on below: ``…核实；（2）``)
        # (a bracket closing a word's gloss, ``…中心组（扩大）`` / ``学习会，…``, ends no sentence either)
        if len(a) > prose_min and (a[-1] not in TERMINAL or _ITEM_NUMBER_END_RE.search(a) or (a[-1] in "）)" and mid_sentence(a, b))) \
                and a not in heads and b not in heads:
            continue
        # a paragraph hard-wrapped in the clean text: a line that stops mid-sentence (a closing
        # quote after no sentence mark too, :func:`mid_sentence`) or at a clause mark (，、；：) goes
        # on in the prose line under it (no blank line between)
        if (wrapped_text and adjacent[n + 1] and (mid_sentence(a, b) or a[-1] in "；;：:") and a not in heads
                and b not in heads and any(c in "，,。；;" for c in b)):
            continue
        # ... and so does a line that fills the text's measure (within two characters: digits set
        # narrower) and ends a sentence there: the wrap cut the paragraph right after the sentence
        # (the next line no numbered item)
        # (in a hard-wrapped text that sets only some paragraphs apart with blank lines, and none by
        # an indent, such a line under no blank line says nothing either way: the next paragraph's
        # first line or the same paragraph's next, which a copy of the issue that prints the two on
        # one line shows)
        if ((wrapped_text or (len(adjacent) == len(lines) and not indent_text and indents < 3))
                and adjacent[n + 1] and full and len(a) >= full - 2 and a[-1] in "。！？!?" and a not in heads
                and b not in heads and any(c in "，,。；;" for c in b)
                and not re.match(r"^[（(]?[一二三四五六七八九十\d]{1,3}[、.．）)]", b)):
            continue
        # in an indent-marked text (also one that sets its paragraphs apart with blank lines too), a
        # wrapped line of prose not indented goes on with the line above, whatever that line ends with
        # (prose by a clause mark, the enumeration comma 、 too: 广播、宣传车巡回播放、发放明白纸等方式开展)
        if ((indent_text or (wrapped_text and indents >= 3)) and adjacent[n + 1] and not opens[n + 1] and len(b) > prose_min
                and a not in heads and b not in heads and any(c in "，,。；;、" for c in b)):
            continue
        # ... and so does a paragraph's short last line, flush and ending a sentence, under a line of
        # prose that stops mid-sentence (a closing quote after no sentence mark too, :func:`mid_sentence`:
        # ``…由“点上美”向“面上美”`` / ``延伸。``)
        if ((indent_text or (wrapped_text and indents >= 3)) and adjacent[n + 1] and not opens[n + 1] and len(a) > prose_min
                and mid_sentence(a, b) and b[-1] in "。！？!?…" and a not in heads and b not in heads):
            continue
        # whatever the layout, a line of prose (over 20 characters) that stops mid-sentence at a
        # closing quote after no sentence mark (``…镇首个“助残驿站”`` / ``在镇综合文化站挂牌，``:
        # :func:`mid_sentence`) goes on in the prose line right under it, not indented: the
        # wrapped lines of one paragraph (a title ending in a quote is one of the gold *heads*)
        # (a short line under it that a gold join carries across the page break is that
        # paragraph's too: ``…“学院—班级—宿舍”`` / ``四级心理`` / blank / ``预警网络。``)
        if (len(adjacent) == len(lines) and adjacent[n + 1] and not opens[n + 1] and len(a) > prose_min
                and a[-1] in CLOSERS and mid_sentence(a, b) and a not in heads and b not in heads
                and (any(c in "，,。；;、" for c in b) or any(j.startswith(b) for j in gold))):
            continue
        # a line that fills the measure and stops at a clause mark (…5600余条；, …老人逢人就说：) goes on in the line
        # under it (no blank line between): a paragraph hard-wrapped with no blank lines and no
        # indents tells its lines by their width only
        if (full and len(adjacent) == len(lines) and adjacent[n + 1] and len(a) >= 0.9 * full
                and a[-1] in "；;，,、：:" and a not in heads and b not in heads):
            continue
        # a contents entry whose title the list printed over two lines, its leader opening the
        # second (…的调查与思考 / ……………中青班第二调研组　6): one entry, which the gold lists whole
        if re.match(r"^[…·.．⋯]{2}", b):
            continue
        probe = a[-k:] + b[:k]
        if any(probe in h for h in heads):
            continue  # a title printed over two lines (关于…全县突出生态环境 / 问题整改情况的督查通报): one head
        if probe in text and probe not in one_line:
            out.append(probe)
    return out


def _cut_inside(join: str, a: str, b: str) -> bool:
    """The cut between lines *a* and *b* (whitespace removed) falls inside the gold *join*: some
    split of it into a head of two characters or more and a tail of two or more that *a* ends with
    (or that ends with all of *a*) and *b* starts with (or that starts with all of *b*). Quadratic
    in the join's length only (a few dozen characters)."""
    for s in range(2, len(join) - 1):
        head, tail = join[:s], join[s:]
        if (a.endswith(head) or head.endswith(a)) and (b.startswith(tail) or tail.startswith(b)):
            return True
    return False


def _subheads(want: dict) -> list[tuple[str, int | None]]:
    """Gold sub-headings as ``(text, depth or None)``: from ``subheads`` ({article, head, level}:
    the level of its numbering, 一、 1, （一） 2, 1. 3, （1） 4), the depth its division is
    nested at (a level may be skipped: ``1.`` right under ``三、`` is one deep), or from the older
    ``subheadings`` (strings, depth not checked)."""
    if "subheads" not in want:
        return [(nows(s), None) for s in want.get("subheadings", [])]
    out, stack, article = [], [], None
    for s in want["subheads"]:
        if s.get("article") != article:
            stack, article = [], s.get("article")
        while stack and stack[-1] >= s["level"]:
            stack.pop()
        stack.append(s["level"])
        out.append((nows(s["head"]), len(stack)))
    return out


def _never_heads(want: dict) -> list[str]:
    """Gold lines that are never headings: page labels, per-page credit lines, photo captions
    and their credits, bylines, colophon values, editor's notes."""
    out = [m["text"] for m in want.get("page_markers", [])]
    out += [c["text"] for c in want.get("page_credits", [])]
    out += [c.get("credit", "") for c in want.get("captions", [])] + [c["text"] for c in want.get("captions", [])]
    out += [a["byline"] for a in want.get("articles", []) if a.get("byline")]
    for value in want.get("colophon", {}).values():
        # (a print run, 印数 120, is a number: no text a heading could be made of)
        out += [v for v in (value if isinstance(value, list) else [str(value)]) if not str(v).isdigit()]
    out += [n["text"][:12] for n in want.get("editor_notes", [])]
    return [nows(x) for x in out if x and len(nows(x)) >= 2]


def header_fields(root, want: dict, xpath) -> tuple[int, int]:
    """``(found, wanted)`` of the issue date, issue number and cumulative number in the header."""
    monogr = "//tei:sourceDesc/tei:biblStruct/tei:monogr"
    got = {
        "date": xpath(root, f"string({monogr}/tei:imprint/tei:date[not(@type)]/@when)"),
        "issue": xpath(root, f"string({monogr}/tei:biblScope[@unit='issue']/@n)"),
        "issue_total": xpath(root, f"string({monogr}/tei:idno[@type='cumulative'])"),
    }
    keys = [k for k in got if want.get(k) is not None]
    return sum(1 for k in keys if got[k] == str(want[k])), len(keys)


def measure(root, want: dict, furniture: list[str], xpath, clean: str | None = None, source: str | None = None) -> dict:
    """Compare one TEI document *root* with the gold *want* (an ``expected.json`` dict) and the
    inserted *furniture* lines; *xpath* is ``convert.tei.xpath``; *clean* the clean text of the
    issue, for false joins; *source* the text read, whose lines say which paragraphs the source
    itself opens with a heading's words when there is no clean text (a degraded copy made
    outside the project). Returns the table's cells."""
    heads = [_text(h, skip=("label", "pc")) for h in xpath(
        root, "//tei:body//tei:div[@type='article' or @type='brief']/tei:head[not(@type)]")]
    gold_heads = [nows(a["head"]) for a in want["articles"] if a.get("head")]
    # a box set beside the stories (div type="box": 温馨提示) is no article; a gold that reads it as
    # one finds its head there all the same (golds differ on boxes), one that does not is not crossed
    # (a box with a title of its own under its name, 方志知识 / “越境不书”, holds that title as its
    # second head, ``head type="sub"``: a gold that names the box by its title finds it there)
    heads += [h for h in (_text(x, skip=("label", "pc")) for x in xpath(
        root, "//tei:body//tei:div[@type='box']/tei:head[not(@type) or @type='sub']")) if h in gold_heads]
    hit = sum(1 for h in heads if h in gold_heads)
    found = sum(1 for h in gold_heads if h in heads)
    subs = [(_text(h), len(xpath(h, "ancestor::tei:div[@type='subsection']")))
            for h in xpath(root, "//tei:div[@type='subsection']/tei:head")]
    gold_subs = _subheads(want)
    sub_found = sum(1 for s, level in gold_subs if any(s == t and level in (None, d) for t, d in subs))
    sub_extra = sum(1 for t, _ in subs if t not in {s for s, _ in gold_subs})
    # the columns (栏目) of the issue: a gold section name is found when a section division is
    # headed by it; a section heading the gold does not name is one too many
    secs = [_text(h) for h in xpath(root, "//tei:body//tei:div[@type='section']/tei:head")]
    # (a gold without the key names them in its articles' ``section``, in order)
    gold_secs = [nows(s) for s in want["sections"]] if "sections" in want else list(dict.fromkeys(
        nows(a["section"]) for a in want["articles"] if a.get("section")))
    paragraphs = [_text(p) for p in xpath(root, "//tei:p")]
    # a join lives in a block of running text: a paragraph, or an editor's note (编后：…, 编者按) that
    # the reader sets as ``<note>`` (a page break cut it as it cuts a paragraph)
    blocks_of_text = paragraphs + [_text(n) for n in xpath(root, "//tei:body//tei:note")]
    # a page's credit line (本版责编：…) that a page break cut (a pdftotext copy's break inside its
    # e-mail address) is one line the reader keeps whole as its fw, no paragraph: the join is there
    blocks_of_text += [_text(f) for f in xpath(root, "//tei:fw[@subtype='pageCredit']")]
    # likewise a 版记 line the break cut (…县政协办公 / — 4 — / 室。), one value of the colophon
    blocks_of_text += [_text(x) for x in xpath(root, "//tei:back//tei:item | //tei:back//tei:ab")]
    # a paragraph printed in two parts with a photo between them is one paragraph by aggregation
    # (TEI P5 16.7: the first part's @next, the second's @prev): its join lies across the parts
    by_id = {p.get("{http://www.w3.org/XML/1998/namespace}id"): p for p in xpath(root, "//tei:p[@xml:id]")}
    for first in xpath(root, "//tei:p[@next and not(@prev)]"):
        chain, part, seen = [], first, set()
        while part is not None and id(part) not in seen:
            seen.add(id(part))
            chain.append(_text(part))
            part = by_id.get((part.get("next") or "#")[1:])
        blocks_of_text.append("".join(chain))
    joins = [j for j in want.get("joins", []) if any(nows(j) in p for p in blocks_of_text)]
    printed = ({nows(m["text"]) for m in want.get("page_markers", [])} | {nows(c["text"]) for c in want.get("page_credits", [])}
               | set(want.get("rule_marks", [])))
    # page labels and page credits the source prints are fw too (not furniture a degradation inserted),
    # left out of the count unless the gold lists them in its own ``furniture`` (then they are
    # expected as fw, and the caller counts them among the furniture lines: heldout-j's newspaper)
    printed -= {furniture_text(f) for f in shared_furniture(want)}
    fws = [t for t in (_text(f) for f in xpath(root, "//tei:text//tei:fw")) if t not in printed]
    all_heads = gold_heads + [s for s, _ in gold_subs]
    # a paragraph the source itself opens with the heading's words (``石窑沟…旧址`` / ``石窑沟…旧址位于…``)
    # is not glued: only one whose next characters no source line has after the heading
    starts = set()
    if clean is not None or source is not None:
        longest = max((len(h) for h in all_heads), default=0) + 4
        starts = {c[:k] for c in content_lines(clean if clean is not None else source)
                  for k in range(1, min(len(c), longest) + 1)}
    glued = [p[:20] for p in paragraphs for h in all_heads if h and p.startswith(h) and len(p) > len(h)
             and p[: len(h) + 4] not in starts]
    known = set(all_heads) | {nows(s) for s in want.get("sections", [])} | {
        nows(a.get(k) or "") for a in want["articles"] for k in ("kicker", "subtitle")}
    never = _never_heads(want)
    # a photo's caption is its figure's head (TEI P5 14.4), no heading of the text
    # (a brief's head is measured without its bullet label and closing stop, as the heads are above:
    # ``■县建设工程交易中心实现…`` holds its credit's unit name yet is the gold head)
    # (and a table's title is its caption, TEI P5 14.1.1, no heading of the text either)
    wrong = [h for h in (_text(x, skip=("label", "pc")) for x in xpath(
        root, "//tei:text//tei:head[not(parent::tei:figure) and not(parent::tei:table)]")) if h not in known
             and any(n in h or (h in n and len(h) >= 4) for n in never)]
    blocks = [_text(b, _LB) for b in xpath(root, BLOCKS)]
    return {
        "precision": hit / len(heads) if heads else (1.0 if not gold_heads else 0.0),
        "recall": found / len(gold_heads) if gold_heads else 1.0,
        "subheadings": (sub_found, len(gold_subs)),
        "extra_subheadings": sub_extra,
        "sections": (sum(1 for t in gold_secs if t in secs), len(gold_secs)),
        "extra_sections": sum(1 for t in secs if t not in gold_secs),
        "joins": (len(joins), len(want.get("joins", []))),
        # a gold value printed over several lines (an 附件 note of several attachments) is one block
        "false_joins": false_joins(blocks, clean, want.get("joins", []) + [
            a["text"] for a in want.get("attachment_notes", [])], known) if clean is not None else [],
        "fw": (sum(1 for f in furniture if furniture_text(f) in fws), len(furniture)),
        "extra_fw": max(0, len(fws) - len(furniture)),
        "fw_list": fws,
        "glued": glued,
        "wrong_heads": wrong,
        "header": header_fields(root, want, xpath),
        "missing": [h for h in gold_heads if h not in heads],
        "extra": [h for h in heads if h not in gold_heads],
    }


def assert_round_trips(docs, text: str) -> None:
    """The documents read from *text* give its content characters back in order (plain text)
    and are valid against the project's schema."""
    from sampledata import first_difference, nows, source_content

    from convert.validate import own_schema
    from convert.writers.txt import render

    got = "".join(nows(render(d.root)) for d in docs)
    want = source_content(text)
    assert got == want, first_difference(got, want)
    schema = own_schema()
    for d in docs:
        assert schema.validate(d.root), str(schema.error_log)
