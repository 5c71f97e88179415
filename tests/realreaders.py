"""Drive the reading software nobody here wrote: headless Chromium (through the Chrome DevTools
Protocol over ``--remote-debugging-pipe``, standard library only) and calibre's command-line tools.

Used by tests/test_real_readers.py and scripts/real-readers.sh. Nothing here changes an EPUB: it
unpacks one into a temporary folder and opens its XHTML documents as files.

- :class:`Chromium`: one headless browser, optionally under a fontconfig of our own (so a
  "reader with no Chinese font" is a config whose only font folder holds Latin fonts);
- :func:`font_coverage`: for every element that has text of its own, its computed
  ``font-family`` stack and the faces Chromium drew it with (``CSS.getPlatformFontsForNode``);
- :func:`screenshot`: a PNG of a document at a given viewport width;
- :func:`contents_rows`: the rectangle of every printed contents entry's title and page number;
- :func:`heading_lines`: the lines Chromium breaks every heading into;
- :func:`ebook_meta`: calibre's metadata view; :func:`ace`: Ace by DAISY's verdict on an EPUB.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

_LOG = subprocess.DEVNULL
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
LATIN_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu",)


def no_cjk_fontconfig(folder: Path) -> Path:
    """Write a fontconfig file under *folder* whose only fonts are the Latin ones of
    :data:`LATIN_FONT_DIRS` (no Chinese font at all) and return its path (for ``FONTCONFIG_FILE``)."""
    cache = folder / "fc-cache"
    cache.mkdir(parents=True, exist_ok=True)
    dirs = "".join(f"<dir>{d}</dir>" for d in LATIN_FONT_DIRS if Path(d).is_dir())
    conf = folder / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
                    f"<fontconfig>{dirs}<cachedir>{cache}</cachedir></fontconfig>", encoding="utf-8")
    return conf


def _onto_3_and_4(a: int, b: int) -> None:
    """In the child: make fd 3 read end *a* and fd 4 write end *b* (copies first, so an end that
    already is 3 or 4 is not lost)."""
    a2, b2 = os.dup(a), os.dup(b)
    os.dup2(a2, 3)
    os.dup2(b2, 4)


class Chromium:
    """A headless Chromium spoken to over the DevTools pipe (fd 3 in, fd 4 out, NUL-framed JSON).

    ``fontconfig``: path for ``FONTCONFIG_FILE`` (``None``: the machine's fonts)."""

    def __init__(self, fontconfig: Path | None = None):
        if CHROMIUM is None:
            raise RuntimeError("chromium is not installed")
        self.profile = tempfile.mkdtemp(prefix="convert-chromium-")
        env = dict(os.environ)
        if fontconfig is not None:
            env["FONTCONFIG_FILE"] = str(fontconfig)
        to_r, self._to_w = os.pipe()
        self._from_r, from_w = os.pipe()
        os.set_inheritable(to_r, True)
        os.set_inheritable(from_w, True)
        # fds 3 and 4 in the child are the pipe ends, as --remote-debugging-pipe expects
        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--remote-debugging-pipe", f"--user-data-dir={self.profile}", "--allow-file-access-from-files",
             "--hide-scrollbars", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=_LOG, env=env,
            close_fds=False, preexec_fn=lambda: _onto_3_and_4(to_r, from_w),
        )
        os.close(to_r)
        os.close(from_w)
        self._buf = b""
        self._id = 0

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        """Send one command and return its ``result`` (raises ``RuntimeError`` on an error)."""
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._to_w, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def _read(self) -> dict:
        while b"\0" not in self._buf:
            chunk = os.read(self._from_r, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def open(self, url: str, width: int = 800, height: int = 1000) -> str:
        """Open *url* in a new page of *width* × *height* CSS px; wait until its fonts are ready;
        return the session id."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session)
        self.send("Page.enable", {}, session)
        self.send("Page.navigate", {"url": url}, session)
        self.evaluate(session, "new Promise(r => { const go = () => document.fonts.ready.then(() => r(1));"
                               " document.readyState === 'complete' ? go() : addEventListener('load', go); })")
        return session

    def evaluate(self, session: str, expression: str):
        """The value of JavaScript *expression* (promises awaited), as JSON."""
        res = self.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                             "returnByValue": True}, session)
        if "exceptionDetails" in res:
            raise RuntimeError(f"javascript: {res['exceptionDetails']}")
        return res["result"].get("value")

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_w)
        os.close(self._from_r)
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def unpack(epub: Path, folder: Path) -> tuple[Path, list[str]]:
    """Unzip *epub* into *folder*; return ``(package document path, spine hrefs + nav href)``."""
    from lxml import etree

    with zipfile.ZipFile(epub) as zf:
        zf.extractall(folder)
    container = etree.parse(str(folder / "META-INF" / "container.xml"))
    opf_path = folder / container.xpath("//*[local-name()='rootfile']/@full-path")[0]
    opf = etree.parse(str(opf_path))
    ns = {"o": "http://www.idpf.org/2007/opf"}
    items = {i.get("id"): i for i in opf.xpath("//o:manifest/o:item", namespaces=ns)}
    hrefs = [items[r.get("idref")].get("href") for r in opf.xpath("//o:spine/o:itemref", namespaces=ns)]
    nav = [i.get("href") for i in items.values() if "nav" in (i.get("properties") or "").split()]
    return opf_path, hrefs + [h for h in nav if h not in hrefs]


def font_coverage(browser: Chromium, url: str) -> list[dict]:
    """For each element of the document at *url* that has text of its own (direct text nodes,
    whitespace aside): ``{"tag", "text", "stack" (computed font-family, list of names),
    "used" ({family name: glyph count} Chromium drew its text with)}``."""
    session = browser.open(url)
    browser.send("DOM.enable", {}, session)
    browser.send("CSS.enable", {}, session)
    root = browser.send("DOM.getDocument", {"depth": -1, "pierce": False}, session)["root"]
    out: list[dict] = []

    def walk(node):
        kids = node.get("children", [])
        if node.get("nodeType") == 1:
            own = "".join(k.get("nodeValue", "") for k in kids if k.get("nodeType") == 3)
            if own.strip() and node.get("localName") not in ("title", "style", "script", "head"):
                style = browser.send("CSS.getComputedStyleForNode", {"nodeId": node["nodeId"]}, session)
                family = next(p["value"] for p in style["computedStyle"] if p["name"] == "font-family")
                fonts = browser.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]}, session)["fonts"]
                out.append({"tag": node.get("localName"), "text": own,
                            "stack": [f.strip().strip('"').strip("'") for f in family.split(",")],
                            "used": {f["familyName"]: f["glyphCount"] for f in fonts}})
        for k in kids:
            walk(k)

    walk(root)
    browser.send("Target.closeTarget", {"targetId": browser.send("Target.getTargetInfo", {}, session)["targetInfo"]["targetId"]})
    return out


def screenshot(browser: Chromium, url: str, width: int, height: int = 900) -> bytes:
    """PNG of the document at *url* in a viewport *width* CSS px wide (full page height)."""
    session = browser.open(url, width, height)
    full = browser.evaluate(session, "document.documentElement.scrollHeight")
    browser.send("Emulation.setDeviceMetricsOverride",
                 {"width": width, "height": max(height, int(full)), "deviceScaleFactor": 1, "mobile": False}, session)
    data = browser.send("Page.captureScreenshot", {"format": "png"}, session)["data"]
    return base64.b64decode(data)


#: JavaScript: per printed contents entry (``nav.contents li`` with a page number), the client
#: rectangles of its title's last line and of its page number.
_ROWS_JS = """
Array.from(document.querySelectorAll('nav.contents li')).filter(li => li.querySelector(':scope > .num.page')).map(li => {
  const num = li.querySelector(':scope > .num.page');
  const title = li.querySelector(':scope > a, :scope > span.ref') || li;
  const rects = Array.from(title.getClientRects());
  const last = rects[rects.length - 1];
  const n = num.getBoundingClientRect();
  const next = li.nextElementSibling ? li.nextElementSibling.getBoundingClientRect() : null;
  return {title: title.textContent.trim(), num: num.textContent.trim(),
          title_top: last.top, title_bottom: last.bottom, title_right: last.right,
          num_top: n.top, num_bottom: n.bottom, num_left: n.left, num_right: n.right,
          li_bottom: li.getBoundingClientRect().bottom, next_top: next ? next.top : null,
          width: document.documentElement.clientWidth};
})
"""


def contents_rows(browser: Chromium, url: str, width: int) -> list[dict]:
    """Geometry (CSS px) of each printed contents entry of the document at *url*, at viewport
    *width*: ``title_*`` (its title's last line box), ``num_*`` (its page number), ``li_bottom``,
    ``next_top`` (the next entry's top, ``None`` for the last)."""
    session = browser.open(url, width)
    return browser.evaluate(session, _ROWS_JS)


#: JavaScript: per heading (``h1``–``h6``), its text and the text of each line Chromium set it on
#: (characters grouped by the top of their client rectangle).
_HEADING_LINES_JS = """
Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6')).map(h => {
  const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
  const lines = []; let top = null; let node;
  while ((node = walker.nextNode())) {
    for (let i = 0; i < node.length; i++) {
      const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (!rect || !node.data[i].trim()) continue;
      if (top === null || Math.abs(rect.top - top) > 2) { lines.push(''); top = rect.top; }
      lines[lines.length - 1] += node.data[i];
    }
  }
  return {tag: h.localName, text: h.textContent, lines: lines};
})
"""


def heading_lines(browser: Chromium, url: str, width: int) -> list[dict]:
    """Every heading of the document at *url* at viewport *width* CSS px: ``{"tag", "text",
    "lines"}``, the lines as Chromium breaks them (whitespace left out)."""
    session = browser.open(url, width)
    return browser.evaluate(session, _HEADING_LINES_JS)


def ebook_meta(path: Path) -> dict[str, str]:
    """calibre's ``ebook-meta`` view of *path*: ``{"Title": …, "Author(s)": …, …}``."""
    out = subprocess.run(["ebook-meta", str(path)], capture_output=True, text=True, check=True, timeout=120).stdout
    fields = {}
    for line in out.splitlines():
        if ":" in line:
            key, value = line.split(":", 1)
            fields[key.strip()] = value.strip()
    return fields


#: Ace by DAISY, the EPUB accessibility checker (npm ``@daisy/ace-cli``, pinned in
#: scripts/ace/package-lock.json; scripts/install.sh installs it), and the Chromium it drives.
ACE = Path(__file__).resolve().parent.parent / "scripts" / "ace" / "node_modules" / ".bin" / "ace-cli"


def ace(epub: Path, folder: Path) -> dict:
    """Run Ace by DAISY on *epub*, its report and logs under *folder* (Debian's Chromium,
    ``PUPPETEER_EXECUTABLE_PATH``; no network). Returns ``{"outcome": "pass"|"fail",
    "violations": [(rule, impact, where, message)], "by_rule": {rule: count}, "by_impact":
    {impact: count}, "a11y": the report's ``a11y-metadata``}``. Raises ``RuntimeError`` when Ace
    or Chromium is missing or Ace writes no report."""
    if not ACE.exists() or CHROMIUM is None:
        raise RuntimeError("Ace by DAISY (scripts/ace, npm ci) or chromium is not installed")
    folder.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PUPPETEER_EXECUTABLE_PATH=CHROMIUM, XDG_DATA_HOME=str(folder / "data"),
               XDG_CONFIG_HOME=str(folder / "config"), PUPPETEER_SKIP_DOWNLOAD="1")
    out = folder / "report"
    proc = subprocess.run([str(ACE), "--silent", "--force", "--outdir", str(out), str(epub)],
                          capture_output=True, text=True, env=env, timeout=600)
    report = out / "report.json"
    if not report.exists():
        raise RuntimeError(f"ace wrote no report (exit {proc.returncode}): {proc.stderr[-500:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    violations = []
    for doc in data.get("assertions", []):
        for a in doc.get("assertions", []):
            test = a["earl:test"]
            violations.append((test["dct:title"], test["earl:impact"],
                               doc.get("earl:testSubject", {}).get("url", ""),
                               a["earl:result"].get("dct:description", "")))
    by_rule: dict[str, int] = {}
    by_impact: dict[str, int] = {}
    for rule, impact, _where, _msg in violations:
        by_rule[rule] = by_rule.get(rule, 0) + 1
        by_impact[impact] = by_impact.get(impact, 0) + 1
    return {"outcome": data["earl:result"]["earl:outcome"], "violations": violations, "by_rule": by_rule,
            "by_impact": by_impact, "a11y": data.get("a11y-metadata", {})}
