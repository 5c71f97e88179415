"""``index.html``: the catalogue as one page for a browser (a phone's included).

Labels in Simplified Chinese; grouped by series (the series with the newest issue first), then by
year (newest first), newest issue first; for every edition its cover, title, date and a link to
each file (EPUB, PDF, OFD, TEI, plain text) with its size. A filter box narrows the list by title,
date, number, section or contents (a dozen lines of plain JavaScript, no library, which work from
``file://`` too, and read ``?q=`` so the OpenSearch template and a bookmark can fill it). No
external resource: styles and script are in the page, images are the covers beside it; every link
is relative. The page names the OPDS feeds in ``<link rel="alternate">`` (OPDS 1.2 §7,
auto-discovery). The same issues give the same bytes. Pure.
"""

from __future__ import annotations

from html import escape

from convert import __version__
from convert.opds.atom import NAVIGATION
from convert.opds.collect import LINKED, MEDIA_TYPE, Edition, Issue
from convert.opds.feeds import (FORMAT_LABEL, NO_YEAR, TITLE, VARIANT_LABEL, anchor, group_by_series,
                                group_by_year, newest_first, short_id)
from convert.opds.links import href

HERE = "index.html"
#: Marks the page as this tool's (a page without it is never replaced).
GENERATOR = "convert"

CSS = """
:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;--muted:#5f5f5f;--line:#ddd;--accent:#a31515}
@media (prefers-color-scheme:dark){:root{--fg:#e8e8e8;--bg:#121212;--muted:#aaa;--line:#333;--accent:#ff8a80}}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;padding:0 12px 48px;font:16px/1.6 system-ui,"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;
color:var(--fg);background:var(--bg);max-width:960px;margin-inline:auto;overflow-wrap:anywhere}
header{position:sticky;top:0;background:var(--bg);padding:8px 0;border-bottom:1px solid var(--line);z-index:1}
h1{font-size:1.35rem;margin:4px 0}
.feeds,.count{font-size:.85rem;color:var(--muted);margin:2px 0}
label{font-weight:600;margin-right:6px}
input{font:inherit;width:100%;max-width:28em;padding:6px 10px;border:1px solid var(--muted);border-radius:6px;
background:var(--bg);color:var(--fg)}
h2{font-size:1.2rem;margin:24px 0 4px;border-left:4px solid var(--accent);padding-left:8px}
h3{font-size:1rem;margin:14px 0 4px;color:var(--muted)}
article{border-top:1px solid var(--line);padding:10px 0}
h4{font-size:1rem;margin:0 0 2px}
.meta{font-size:.85rem;color:var(--muted);margin:0 0 6px}
details{font-size:.85rem;margin:4px 0}
.edition{display:flex;gap:10px;align-items:flex-start;margin:8px 0}
.edition a:has(img){flex:none}
.edition img{display:block;width:64px;height:auto;border:1px solid var(--line)}
.edition .label{font-size:.8rem;color:var(--muted);margin:0}
.edition .title{margin:0;font-size:.95rem}
.files{margin:4px 0 0;display:flex;flex-wrap:wrap;gap:6px}
.files a{display:inline-block;padding:4px 10px;border:1px solid var(--accent);border-radius:14px;
color:var(--accent);text-decoration:none;font-size:.85rem;min-height:32px}
.files a small{color:var(--muted)}
"""

SCRIPT = """
(function () {
  var box = document.getElementById("q"), count = document.getElementById("count");
  var issues = document.querySelectorAll("article.issue"), groups = document.querySelectorAll("section");
  function apply() {
    var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean), shown = 0;
    issues.forEach(function (el) {
      var text = el.getAttribute("data-text"), hit = words.every(function (w) { return text.indexOf(w) >= 0; });
      el.hidden = !hit; if (hit) shown++;
    });
    groups.forEach(function (g) { g.hidden = !g.querySelector("article.issue:not([hidden])"); });
    count.textContent = words.length ? "找到 " + shown + " 期" : "共 " + issues.length + " 期";
  }
  var m = /[?&]q=([^&]*)/.exec(location.search);
  if (m) { try { box.value = decodeURIComponent(m[1].replace(/\\+/g, " ")); } catch (e) {} }
  box.addEventListener("input", apply);
  apply();
})();
"""


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{max(1, round(n / 1024))} KB"


def _a(text) -> str:
    return escape(str(text), quote=True)


def _search_text(issue: Issue) -> str:
    """What the filter box looks in: every edition's title, date, number, series, sections and
    contents, lower-cased, without white space."""
    parts = []
    for ed in issue.editions:
        parts += [ed.title, ed.issued or "", ed.position or "", f"第{ed.position}期" if ed.position else "",
                  ed.series or "", *ed.sections, ed.summary or ""]
    return "".join("".join(p.split()) for p in parts).lower()


def _edition(ed: Edition) -> str:
    label = VARIANT_LABEL.get(ed.tag, ed.tag)
    img = ""
    if ed.images:  # the thumbnail, leading to the cover at full size
        (cover, _, _), (rel, w, h) = ed.images
        img = (f'<a href="{_a(href(HERE, cover))}"><img src="{_a(href(HERE, rel))}" width="{w}" '
               f'height="{h}" loading="lazy" alt="{_a(ed.title)}（封面）"></a>')
    files = "".join(
        f'<a href="{_a(href(HERE, ed.files[fmt].rel))}" type="{MEDIA_TYPE[fmt]}">{FORMAT_LABEL[fmt]} '
        f'<small>{_size(ed.files[fmt].size)}</small></a>'
        for fmt in LINKED if fmt in ed.files)
    return (f'<div class="edition" lang="{_a(ed.lang)}">{img}<div>'
            f'<p class="label">{_a(label)}</p><p class="title">{_a(ed.title)}</p>'
            f'<p class="files">{files}</p></div></div>')


def _issue(issue: Issue) -> str:
    main = issue.main
    meta = [main.issued or "日期不详"]
    if main.position:
        meta.append(f"第 {main.position} 期")
    if main.publisher:
        meta.append(main.publisher)
    contents = (f"<details><summary>目录</summary><p>{_a(main.summary)}</p></details>"
                if main.summary else "")
    sections = f' · 栏目：{_a("、".join(main.sections))}' if main.sections else ""
    return (f'<article class="issue" id="{anchor(issue)}" data-text="{_a(_search_text(issue))}">'
            f'<h4>{_a(main.title)}</h4><p class="meta">{_a(" · ".join(meta))}{sections}</p>{contents}'
            + "".join(_edition(ed) for ed in issue.editions) + "</article>")


def page(issues: list[Issue]) -> bytes:
    """The whole ``index.html`` for *issues* (UTF-8 bytes)."""
    ordered = newest_first(issues)
    editions = sum(len(i.editions) for i in ordered)
    body = []
    for series, members in group_by_series(ordered):
        body.append(f'<section class="series" id="s-{short_id(series)}"><h2>{_a(series)}</h2>')
        for year, group in group_by_year(members):
            title = year if year == NO_YEAR else f"{year}年"
            body.append(f'<section class="year"><h3>{_a(title)}</h3>')
            body.extend(_issue(i) for i in group)
            body.append("</section>")
        body.append("</section>")
    if not ordered:
        body.append("<p>此文件夹中尚无可下载的期刊。</p>")
    html = f"""<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{GENERATOR} {_a(__version__)}">
<title>{TITLE}</title>
<link rel="alternate" type="{NAVIGATION}" href="catalog.xml" title="OPDS 目录">
<link rel="alternate" type="application/opds+json" href="catalog.json" title="OPDS 2.0 目录">
<style>{CSS}</style>
</head>
<body>
<header>
<h1>{TITLE}</h1>
<p class="feeds">{len(ordered)} 期，{editions} 个版本 · 阅读器订阅：<a href="catalog.xml">OPDS 目录</a> · <a href="catalog.json">OPDS 2.0</a></p>
<label for="q">筛选</label><input id="q" type="search" placeholder="标题、日期、期号、栏目" autocomplete="off">
<p class="count" id="count" aria-live="polite"></p>
</header>
<main>
{chr(10).join(body)}
</main>
<script>{SCRIPT}</script>
</body>
</html>
"""
    return html.encode("utf-8")
