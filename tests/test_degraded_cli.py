"""The command line on degraded text: ``--explain``, one set of outputs per issue (names in issue
order, the manifest recording the input lines of each), PDF and EPUB without the old furniture,
the txt writer giving it back."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

from sampledata import nows, source_content

from convert.cli import main

ROOT = Path(__file__).resolve().parent.parent
DEGRADED = ROOT / "samples" / "degraded"


def test_explain_needs_no_format_and_names_each_line(capsys):
    assert main(["--explain", str(DEGRADED / "newsletter-2020-02-29-no634.pdftotext.txt")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ") and "furniture (pageNum): '— 3 —'" in out
    assert re.search(r"^ +\d+ +heading \(article\)( \[@cert=\w+\])?: '区委常委会召开会议'$", out, re.M)
    assert out.splitlines()[1].startswith("genre newsletter (newspaper), from weighed evidence:")
    assert re.search(r"^ +\d+-\d+ +paragraph: ", out, re.M)


def test_explain_on_a_missing_file_is_one_line_and_status_1(tmp_path, capsys):
    assert main(["--explain", str(tmp_path / "none.txt")]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "none.txt" in err


def test_without_explain_a_format_is_still_required(capsys):
    try:
        main([str(DEGRADED / "monthly-2020-01-no90.wrapped.txt")])
    except SystemExit as exit_:
        assert exit_.code == 2
    assert "--to" in capsys.readouterr().err


def test_two_issues_give_two_sets_of_outputs_in_issue_order(tmp_path):
    src = DEGRADED / "monthly-2020-01-02.two-issues.txt"
    assert main([str(src), "--to", "tei,txt", "-o", str(tmp_path), "-j", "1", "-q"]) == 0
    names = sorted(p.name for p in tmp_path.iterdir() if p.name != "manifest.json")
    assert names == [f"monthly-2020-01-02.two-issues.issue0{k}.{ext}" for k in (1, 2) for ext in ("txt", "xml")]
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    outputs = manifest["inputs"][0]["outputs"]
    spans = {Path(o["path"]).name: o["source_lines"] for o in outputs}
    first, second = spans["monthly-2020-01-02.two-issues.issue01.xml"], spans["monthly-2020-01-02.two-issues.issue02.xml"]
    total = len(re.split(r"\r\n|\r|\n", src.read_text(encoding="utf-8")))
    assert first[0] == 1 and second[0] == first[1] + 1 and second[1] == total
    # each issue's txt gives back exactly its own lines' characters
    lines = re.split(r"\r\n|\r|\n", src.read_text(encoding="utf-8"))
    for k, (a, b) in enumerate((first, second), start=1):
        got = nows((tmp_path / f"monthly-2020-01-02.two-issues.issue0{k}.txt").read_text(encoding="utf-8"))
        assert got == source_content("\n".join(lines[a - 1 : b]))
    # each has its own header: the second issue's number is in the second document
    assert "总第91期" in (tmp_path / "monthly-2020-01-02.two-issues.issue02.xml").read_text(encoding="utf-8")


def test_pdf_and_epub_leave_the_old_furniture_out_and_txt_gives_it_back(tmp_path):
    src = DEGRADED / "newsletter-2020-02-29-no634.pdftotext.txt"
    assert main([str(src), "--to", "txt,epub,pdf", "-o", str(tmp_path), "-j", "1", "-q"]) == 0
    stem = "newsletter-2020-02-29-no634.pdftotext"
    txt = (tmp_path / f"{stem}.txt").read_text(encoding="utf-8")
    assert "— 3 —" in txt.splitlines() and nows(txt) == source_content(src.read_text(encoding="utf-8"))
    with zipfile.ZipFile(tmp_path / f"{stem}.epub") as z:
        xhtml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xhtml"))
    assert "— 3 —" not in xhtml and "上街时讯   2020年2月29日" not in xhtml
    assert "宿舍安全管理等各项措施" in nows(re.sub(r"<[^>]+>", "", xhtml))  # the join, fw taken out
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / f"{stem}.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "— 3 —" not in text and "宿舍安全管理等各项措施" in nows(text)


def test_skip_existing_knows_the_outputs_of_each_issue(tmp_path, capsys):
    src = DEGRADED / "monthly-2020-01-02.two-issues.txt"
    args = [str(src), "--to", "txt", "-o", str(tmp_path), "-j", "1", "-v"]
    assert main(args) == 0
    capsys.readouterr()
    assert main(args + ["--skip-existing"]) == 0
    assert "1 skipped" in capsys.readouterr().out
