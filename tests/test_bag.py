"""--bag: one BagIt bag (RFC 8493) per issue, checked with bagit's own validator; metadata from the
TEI header; deterministic; atomic; never incomplete."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import bagit
import pytest
from lxml import etree
from sampledata import SAMPLES, concatenated

from convert.cli import main

TEI = {"tei": "http://www.tei-c.org/ns/1.0"}
NEWSLETTER = next(p for p in SAMPLES if p.name.startswith("newsletter"))
MONTHLY = next(p for p in SAMPLES if p.name.startswith("monthly"))


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below *folder* by relative path, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def bag_info(bag: Path) -> dict[str, str]:
    lines = (bag / "bag-info.txt").read_text(encoding="utf-8").splitlines()
    return dict(line.split(": ", 1) for line in lines)


def test_a_valid_complete_bag_per_issue(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    out = tmp_path / "out"
    assert main([str(NEWSLETTER), "--to", "all", "--variant", "zh-Hans,zh-Hant-TW", "--bag",
                 "-o", str(out), "-j", "1"]) == 0
    printed = capsys.readouterr().out
    bag_dir = out / f"{NEWSLETTER.stem}.bag"
    # bagit's validator: structure, completeness and every fixity recomputed; no finding
    bag = bagit.Bag(str(bag_dir))
    assert bag.validate(processes=1, fast=False) is True
    assert bag.version_info == (1, 0)
    assert sorted(p.name for p in bag_dir.iterdir()) == [
        "bag-info.txt", "bagit.txt", "data", "manifest-sha256.txt", "manifest-sha512.txt",
        "tagmanifest-sha256.txt", "tagmanifest-sha512.txt"]
    assert (bag_dir / "bagit.txt").read_bytes() == b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    # the payload: the source byte for byte and every output as written beside the bag
    payload = tree(bag_dir / "data")
    outputs = [f"{NEWSLETTER.stem}{tag}{ext}" for tag in ("", ".zh-Hant-TW")
               for ext in (".xml", ".txt", ".pdf", ".epub")]
    assert sorted(payload) == sorted(outputs + [f"source/{NEWSLETTER.name}"])
    assert payload[f"source/{NEWSLETTER.name}"] == NEWSLETTER.read_bytes()
    for name in outputs:
        assert payload[name] == (out / name).read_bytes()
    # both manifests list every payload file with its digest
    for alg in ("sha256", "sha512"):
        lines = (bag_dir / f"manifest-{alg}.txt").read_text(encoding="utf-8").splitlines()
        assert sorted(lines) == sorted(f"{hashlib.new(alg, data).hexdigest()}  data/{name}"
                                       for name, data in payload.items())
        tags = (bag_dir / f"tagmanifest-{alg}.txt").read_text(encoding="utf-8").splitlines()
        assert [t.split(" ", 1)[1] for t in tags] == [
            "bag-info.txt", "bagit.txt", "manifest-sha256.txt", "manifest-sha512.txt"]
    # bag-info.txt: from the TEI header
    header = etree.parse(str(out / f"{NEWSLETTER.stem}.xml"))
    bibl = header.find("tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:biblStruct/tei:monogr", TEI)
    publisher = bibl.findtext("tei:imprint/tei:publisher", namespaces=TEI)
    serial = bibl.findtext("tei:title[@level='j']", namespaces=TEI)
    cumulative = bibl.findtext("tei:idno[@type='cumulative']", namespaces=TEI)
    when = bibl.find("tei:imprint/tei:date", TEI).get("when")
    info = bag_info(bag_dir)
    assert info["Source-Organization"] == publisher == "中共上街区委宣传部传媒中心"
    assert info["External-Identifier"] == f"{serial} 总第{cumulative}期 {when}" == "上街时讯 总第634期 2020-02-29"
    assert info["Bagging-Date"] == when
    assert info["Payload-Oxum"] == f"{sum(map(len, payload.values()))}.{len(payload)}"
    assert info["Bag-Software-Agent"].startswith("convert 0.1.0 (bulletin-convert) with bagit.py ")
    assert info["Bag-Group-Identifier"] == serial
    # the manifest records the bag with bagit's verdict; the log shows it
    entry = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["inputs"][0]
    record = next(o for o in entry["outputs"] if o["format"] == "bag")
    assert record["path"] == bag_dir.name  # relative to the manifest's folder
    assert record["sha256"] == hashlib.sha256((bag_dir / "tagmanifest-sha256.txt").read_bytes()).hexdigest()
    assert record["verdicts"][0].startswith(f"bagit.py {bagit.VERSION}: valid (BagIt 1.0, Payload-Oxum {info['Payload-Oxum']}")
    assert f"wrote {bag_dir} (" in printed
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def test_two_runs_give_byte_identical_bags(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    for n, jobs in (("a", "1"), ("b", "2")):
        assert main([str(p) for p in SAMPLES] + ["--to", "tei,txt,epub", "--bag", "-o",
                                                 str(tmp_path / n), "-j", jobs, "-q"]) == 0
    for p in SAMPLES:
        a, b = (tree(tmp_path / n / f"{p.stem}.bag") for n in "ab")
        assert len(a) == 6 + 1 + 3 and a == b  # tag files, source, outputs
    # a second run into the same folder replaces each bag by an identical one, nothing left over
    before = tree(tmp_path / "a")
    assert main([str(p) for p in SAMPLES] + ["--to", "tei,txt,epub", "--bag", "-o",
                                             str(tmp_path / "a"), "-j", "1", "-q"]) == 0
    after = tree(tmp_path / "a")
    before.pop("manifest.json"), after.pop("manifest.json")
    assert after == before


def test_bagging_date_is_the_issue_date_or_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert main([str(MONTHLY), "--to", "txt", "--bag", "-o", str(tmp_path / "a"), "-q"]) == 0
    info = bag_info(tmp_path / "a" / f"{MONTHLY.stem}.bag")
    assert info["Bagging-Date"] == "2020-01-01"  # the monthly prints 2020年1月: its first day
    assert info["External-Identifier"] == "上街区地方史志办公室 总第90期 2020-01"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14T22:13:20Z
    assert main([str(MONTHLY), "--to", "txt", "--bag", "-o", str(tmp_path / "b"), "-q"]) == 0
    assert bag_info(tmp_path / "b" / f"{MONTHLY.stem}.bag")["Bagging-Date"] == "2023-11-14"


def test_no_masthead_no_invented_metadata(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    src = tmp_path / "notes.txt"
    src.write_text("区里的一些记录\n\n今天天气很好，大家都去了公园。我们在那里看到了很多花。\n", encoding="utf-8")
    assert main([str(src), "--to", "tei,txt", "--bag", "-o", str(tmp_path / "out"), "-q"]) == 0
    bag_dir = tmp_path / "out" / "notes.bag"
    assert bagit.Bag(str(bag_dir)).validate(fast=False)
    info = bag_info(bag_dir)
    assert "Source-Organization" not in info and "Bagging-Date" not in info  # never the clock
    assert info["External-Identifier"] == "notes.txt"


def test_a_failed_output_means_no_bag_and_says_why(tmp_path, monkeypatch, capsys):
    """A folder where the PDF should go makes that output fail: the bag would lack it, so it is
    not written (the earlier bag stays, valid), the error names the missing output, exit 1."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    out = tmp_path / "out"
    args = [str(NEWSLETTER), "--to", "txt,pdf", "--bag", "-o", str(out), "-j", "1", "-q"]
    assert main(args) == 0
    earlier = tree(out / f"{NEWSLETTER.stem}.bag")
    (out / f"{NEWSLETTER.stem}.pdf").unlink()
    (out / f"{NEWSLETTER.stem}.pdf").mkdir()
    capsys.readouterr()
    assert main(args) == 1
    err = capsys.readouterr().err
    assert (f"convert: {NEWSLETTER}: bag not written: 1 of its outputs failed "
            f"({NEWSLETTER.stem}.pdf); a bag holds every requested output") in err
    assert "Traceback" not in err
    assert tree(out / f"{NEWSLETTER.stem}.bag") == earlier
    assert bagit.Bag(str(out / f"{NEWSLETTER.stem}.bag")).validate(fast=False)
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []
    # without an earlier bag there is none at all
    shutil.rmtree(out / f"{NEWSLETTER.stem}.bag")
    assert main(args) == 1
    assert not (out / f"{NEWSLETTER.stem}.bag").exists()


def test_bagits_verdict_decides(tmp_path, monkeypatch, capsys):
    """A bag that bagit's validator rejects (here: a manifest line damaged after bagit wrote it)
    is not put in place; the error quotes the validator."""
    import convert.bag

    real = convert.bag._sort_tag_manifests

    def damage(folder):
        real(folder)
        manifest = folder / "manifest-sha512.txt"
        manifest.write_text(manifest.read_text(encoding="utf-8").replace("a", "b", 1), encoding="utf-8")

    monkeypatch.setattr(convert.bag, "_sort_tag_manifests", damage)
    out = tmp_path / "out"
    assert main([str(NEWSLETTER), "--to", "txt", "--bag", "-o", str(out), "-q"]) == 1
    err = capsys.readouterr().err
    assert f"{NEWSLETTER}: bag not written: bagit's validator: " in err
    assert len([line for line in err.strip().splitlines() if "warning: " not in line]) == 1
    assert sorted(p.name for p in out.iterdir()) == ["manifest.json", f"{NEWSLETTER.stem}.txt"]


def test_an_output_changed_before_bagging_is_refused(tmp_path):
    from convert.bag import BagError, make_issue_bag
    from convert.batch import Settings, convert_one
    from convert.reader import load_input

    settings = Settings(("txt",))
    result = convert_one(NEWSLETTER, settings, tmp_path)
    (tmp_path / f"{NEWSLETTER.stem}.txt").write_text("changed", encoding="utf-8")
    with pytest.raises(BagError, match="changed after it was converted"):
        make_issue_bag(result, settings, tmp_path, load_input(NEWSLETTER).root)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{NEWSLETTER.stem}.txt"]


def test_a_folder_that_is_not_a_bag_is_not_replaced(tmp_path, capsys):
    out = tmp_path / "out"
    (out / f"{NEWSLETTER.stem}.bag").mkdir(parents=True)
    (out / f"{NEWSLETTER.stem}.bag" / "mine.txt").write_text("keep", encoding="utf-8")
    assert main([str(NEWSLETTER), "--to", "txt", "--bag", "-o", str(out), "-q"]) == 1
    err = capsys.readouterr().err
    assert f"{out / NEWSLETTER.stem}.bag is not a bag this tool wrote (no bag-info.txt); not replaced" in err
    assert tree(out / f"{NEWSLETTER.stem}.bag") == {"mine.txt": b"keep"}


def test_skip_existing_remakes_a_missing_bag(tmp_path, capsys):
    out = tmp_path / "out"
    args = [str(NEWSLETTER), "--to", "txt", "-o", str(out), "--skip-existing"]
    assert main(args) == 0
    capsys.readouterr()
    assert main(args + ["--bag"]) == 0  # outputs up to date, but no bag yet
    assert "skipped" not in capsys.readouterr().out
    assert (out / f"{NEWSLETTER.stem}.bag" / "bagit.txt").is_file()
    assert main(args + ["--bag"]) == 0
    assert "skipped" in capsys.readouterr().out


def test_a_file_of_two_issues_gives_one_bag_per_issue(tmp_path, monkeypatch):
    """A text holding two issues gives two documents (X.issue01, X.issue02), so two bags, each
    with its own issue's outputs and bag-info, each holding only its own issue's source lines
    (issue #26, case 9: not N copies of the whole file): the two slices, byte for byte, are the
    file, and bag-info says which lines and bytes of which file (by its SHA-256) they are."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    two = Path(__file__).resolve().parents[1] / "samples" / "degraded" / "monthly-2020-01-02.two-issues.txt"
    out = tmp_path / "out"
    assert main([str(two), "--to", "tei,txt", "--bag", "-o", str(out), "-j", "1", "-q"]) == 0
    bags = sorted(p.name for p in out.glob("*.bag"))
    assert bags == [f"{two.stem}.issue01.bag", f"{two.stem}.issue02.bag"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["inputs"][0]
    seen, slices = set(), []
    whole = two.read_bytes()
    for k, name in enumerate(bags, start=1):
        bag = bagit.Bag(str(out / name))
        assert bag.validate(processes=1, fast=False) is True
        payload = tree(out / name / "data")
        stem = f"{two.stem}.issue{k:02d}"
        first, last = next(o["source_lines"] for o in manifest["outputs"] if o["path"] == f"{stem}.xml")
        source = f"source/{two.stem}.lines-{first}-{last}.txt"
        assert sorted(payload) == sorted([f"{stem}.xml", f"{stem}.txt", source])
        assert payload[f"{stem}.xml"] == (out / f"{stem}.xml").read_bytes()
        info = bag_info(out / name)
        begin, end = map(int, info["Source-Byte-Range"].split("-"))
        assert (info["Source-Lines"], info["Source-SHA256"]) == (f"{first}-{last}", hashlib.sha256(whole).hexdigest())
        assert payload[source] == whole[begin:end]
        assert payload[source].decode("utf-8").count("\n") == last - first + 1 - (k == len(bags))
        slices.append(payload[source])
        seen.add(info["External-Identifier"])
    assert len(seen) == 2, seen  # each bag describes its own issue
    assert b"".join(slices) == whole  # together, the file; no line twice


def test_n_issues_make_bags_the_size_of_the_file_not_n_times_it(tmp_path, monkeypatch):
    """Issue #26, case 9: 12 issues of one file: the sources in the 12 bags add up to the file's
    size once (they were 12 whole copies)."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    year = concatenated(tmp_path / "year.txt", 4)
    out = tmp_path / "out"
    assert main([str(year), "--to", "txt", "--bag", "-o", str(out), "-j", "1", "-q"]) == 0
    bags = sorted(out.glob("*.bag"))
    assert len(bags) == 4 * len(SAMPLES)
    sources = [f for bag in bags for f in (bag / "data" / "source").iterdir()]
    assert len(sources) == len(bags)
    assert sum(f.stat().st_size for f in sources) == year.stat().st_size
