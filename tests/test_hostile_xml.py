"""Issue #12, case 1: XML external entities. A DOCTYPE is refused wherever it is (any offset, any
encoding, inside a PDF/A-3b copy), decided on the parsed document; the external validators see only
the tool's own re-serialisation and have no network. A server on 127.0.0.1 records any request."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hostile import recording_server, tiny_tei

from convert.cli import main
from convert.errors import InputError

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def tei(tmp_path_factory) -> str:
    """A TEI document this tool made (text, without its XML declaration)."""
    data = tiny_tei(tmp_path_factory.mktemp("tei")).decode("utf-8")
    return data.split("\n", 1)[1]


@pytest.fixture(scope="module")
def server():
    """One recording server for the property test's examples: ``(base_url, requests)``."""
    with recording_server() as (url, requests):
        yield url, requests


def encode(body: str, encoding: str, prolog: str = "") -> bytes:
    """*body* with an XML declaration naming *encoding* and *prolog* before it, in *encoding*."""
    doc = f'<?xml version="1.0" encoding="{encoding}"?>\n{prolog}{body}'
    return doc.encode("utf-16" if encoding == "UTF-16" else encoding)  # UTF-16 with its BOM


ATTACKS = {
    "utf-8-after-5k-comment": ("UTF-8", "<!--" + "x" * 5000 + "-->\n"),
    "utf-16": ("UTF-16", ""),
    "gb18030-after-comment": ("GB18030", "<!--" + "中" * 3000 + "-->\n"),
}


@pytest.mark.parametrize("case", sorted(ATTACKS))
def test_doctype_anywhere_in_any_encoding_is_refused_and_nothing_is_fetched(tmp_path, capsys, tei, case):
    encoding, padding = ATTACKS[case]
    out = tmp_path / "out"
    with recording_server() as (url, requests):
        src = tmp_path / "evil.xml"
        src.write_bytes(encode(tei, encoding, padding + f'<!DOCTYPE TEI SYSTEM "{url}/leak.dtd">\n'))
        status = main([str(src), "--to", "tei,txt", "--check", "-o", str(out), "-j", "1"])
    err = capsys.readouterr().err
    assert requests == []
    assert status == 1
    assert "DOCTYPE" in err and str(src) in err
    assert [line for line in err.splitlines() if line.strip()] == [err.strip()]  # one line
    assert not [p for p in out.iterdir() if p.suffix in (".xml", ".txt")]


def test_doctype_in_the_tei_a_pdfa_3b_copy_carries_is_refused(tmp_path, capsys, tei):
    import pikepdf

    from hostile import tiny_bulletin

    made = tmp_path / "made"
    assert main([str(tiny_bulletin(tmp_path)), "--to", "pdf", "--pdfa", "3b", "-o", str(made), "-q"]) == 0
    with recording_server() as (url, requests):
        with pikepdf.open(made / "tiny.pdf") as pdf:
            stream = pdf.Root.AF[0].EF.F
            stream.write(encode(tei, "UTF-16", f'<!DOCTYPE TEI SYSTEM "{url}/leak.dtd">\n'))
            pdf.save(tmp_path / "evil.pdf")
        out = tmp_path / "out"
        status = main([str(tmp_path / "evil.pdf"), "--to", "tei", "--check", "-o", str(out), "-j", "1"])
    assert requests == []
    assert status == 1
    assert "DOCTYPE" in capsys.readouterr().err
    assert not list(out.glob("*.xml"))


def test_jing_sees_only_a_reserialisation_and_has_no_network(tmp_path, tei):
    """Called directly on a hostile file, the TEI validators neither fetch its DTD nor pass it."""
    from convert.validators import external_checks

    with recording_server() as (url, requests):
        path = tmp_path / "evil.xml"
        path.write_bytes(encode(tei, "UTF-8", f'<!DOCTYPE TEI SYSTEM "{url}/leak.dtd">\n'))
        verdicts = external_checks("tei", path)
        # and a document jing would see with a DOCTYPE the parser would not: an internal subset
        # declaring a parameter entity that fetches
        path.write_bytes(encode(tei, "UTF-8", f'<!DOCTYPE TEI [<!ENTITY % x SYSTEM "{url}/x">%x;]>\n'))
        verdicts += external_checks("tei", path)
    assert requests == []
    assert verdicts and not any(v.ok for v in verdicts)
    assert all("DOCTYPE" in " ".join(v.messages) for v in verdicts)


@pytest.mark.parametrize("mode", ["namespace", "policy"])
def test_java_validators_have_no_network(tmp_path, tei, monkeypatch, mode):
    """jing run as the validators run it, but on the hostile file itself (no re-serialisation):
    with no network it cannot fetch the DTD, in a network namespace or under the Java policy."""
    import subprocess

    from convert.validators import sandbox, tei as validate

    if mode == "policy":
        monkeypatch.setattr(sandbox, "_unshare", lambda: ())
    elif not sandbox._unshare():
        pytest.skip("this system makes no user and network namespaces (unshare -rn)")
    with recording_server() as (url, requests):
        path = tmp_path / "evil.xml"
        path.write_bytes(encode(tei, "UTF-8", f'<!DOCTYPE TEI SYSTEM "{url}/leak.dtd">\n'))
        cp = ":".join(str(j) for j in validate.JING_JARS if j.is_file())
        cmd = sandbox.sandboxed(["java", "-cp", cp, validate.JING_CLASS, str(validate.tei_all_path()), str(path)])
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert requests == []
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0  # it tried, and could not:
    assert ("Network is unreachable" if mode == "namespace" else "SocketPermission") in out, out


# ----------------------------------------------------------------------------- property tests

PROLOG_ITEM = st.one_of(
    st.text(alphabet=" \t\r\n", min_size=1, max_size=3),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40)
    .filter(lambda s: "--" not in s and not s.endswith("-")).map(lambda s: f"<!--{s}-->"),
    st.just("<?convert note?>"),
)


@FUZZ
@given(encoding=st.sampled_from(["UTF-8", "UTF-16", "GB18030"]),
       prolog=st.lists(PROLOG_ITEM, max_size=5),
       doctype=st.one_of(st.none(), st.sampled_from([
           '<!DOCTYPE TEI SYSTEM "{url}/a.dtd">',
           '<!DOCTYPE TEI PUBLIC "-//X//Y" "{url}/b.dtd">',
           '<!DOCTYPE TEI [<!ENTITY e SYSTEM "{url}/c">]>',
           '<!DOCTYPE TEI [<!ENTITY % p SYSTEM "{url}/d"> %p;]>',
           "<!DOCTYPE TEI>",
       ])),
       where=st.integers(min_value=0, max_value=5),
       damage=st.one_of(st.none(), st.tuples(st.floats(0, 1), st.text(max_size=3))))
def test_tei_input_with_random_prologs_doctypes_and_damage(tmp_path, tei, server, encoding, prolog, doctype,
                                                            where, damage):
    from convert.reader.tei_input import read_tei

    url, requests = server
    items = list(prolog)
    if doctype:
        items.insert(min(where, len(items)), doctype.format(url=url) + "\n")
    body = tei
    if damage:
        at = int(damage[0] * len(body))
        body = body[:at] + damage[1] + body[at + len(damage[1]):]
    try:
        data = encode(body, encoding, "".join(items))
    except UnicodeEncodeError:
        assume(False)
    try:
        root = read_tei(data, "fuzz.xml")
    except InputError as err:
        message = str(err)
        assert message.startswith("fuzz.xml: ") and "\n" not in message
        if doctype and not damage:
            assert "DOCTYPE" in message
    else:
        assert not doctype  # a DOCTYPE is never accepted
        assert root.getroottree().docinfo.doctype == ""
        if not damage:
            assert "上街区召开安全生产工作会议" in root.xpath("string(//*[local-name()='text'])")  # read whole
    assert requests == []
