"""The catalogue's ``index.html`` in a real browser (headless Chromium, as a phone shows it):
at 360 CSS px nothing is wider than the screen, every cover thumbnail loads, and the filter box (typed into, or given as ``?q=`` in a
``file://`` URL) narrows the list. Skipped without Chromium (Debian ``chromium``);
``scripts/real-readers.sh`` saves the screenshot for a person to look at."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from realreaders import CHROMIUM, Chromium, screenshot
from sampledata import SAMPLES

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (Debian chromium)")


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("web") / "out"
    proc = subprocess.run([sys.executable, "-m", "convert", *map(str, SAMPLES), "--to", "epub,pdf",
                           "--variant", "zh-Hans,zh-Hant-TW", "-o", str(out), "--catalogue", "-j", "2"],
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    return out / "index.html"


VISIBLE = "Array.from(document.querySelectorAll('article.issue')).filter(a => !a.hidden).map(a => a.querySelector('h4').textContent)"


def test_index_at_phone_width(page, tmp_path):
    with Chromium() as browser:
        session = browser.open(page.as_uri(), 360, 740)
        # the thumbnails load lazily: ask for each now and wait for it to decode
        loaded = browser.evaluate(session, "Promise.all(Array.from(document.images).map(i => "
                                           "{ i.loading = 'eager'; return i.decode().then(() => i.naturalWidth, () => 0); }))")
        assert len(loaded) == 6 and all(w == 200 for w in loaded)
        state = browser.evaluate(session, """({
            scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth,
            images: Array.from(document.images).map(i => i.getBoundingClientRect().right),
            count: document.getElementById('count').textContent})""")
        assert state["scroll"] <= state["width"] == 360  # no horizontal scrolling
        assert all(right <= 360 for right in state["images"])
        assert state["count"] == "共 3 期"
        assert len(browser.evaluate(session, VISIBLE)) == 3
        browser.evaluate(session, "(() => { const q = document.getElementById('q'); q.value = '總第634期';"
                                  " q.dispatchEvent(new Event('input')); })()")
        assert browser.evaluate(session, VISIBLE) == ["上街时讯 第7期(总第634期) 2020年2月29日"]
        assert browser.evaluate(session, "document.getElementById('count').textContent") == "找到 1 期"
        # the series without a match is hidden as a whole
        hidden = browser.evaluate(session, "Array.from(document.querySelectorAll('section.series')).map(s => s.hidden)")
        assert sorted(hidden) == [False, True]
        # from a file:// URL with the OpenSearch template's parameter
        session = browser.open(page.as_uri() + "?q=%E9%87%8D%E8%A6%81%E4%BC%9A%E8%AE%AE%202020-01", 360, 740)
        assert browser.evaluate(session, VISIBLE) == ["上街区地方史志办公室 总第90期 2020年1月"]
        png = screenshot(browser, page.as_uri(), 360)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    (tmp_path / "index-360.png").write_bytes(png)
