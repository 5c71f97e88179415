"""The catalogue of an output folder: OPDS 1.2 and OPDS 2.0 feeds and an HTML index, so that a
folder of converted issues, on any static web server or opened as files, is a library that
reading apps (KOReader, Moon+ Reader, Librera, Thorium, PocketBook …) and browsers can browse.

:func:`build` is the whole job (``convert … --catalogue``):

1. :mod:`.collect`: the issues in the folder and their editions, from ``manifest.json``
   (:mod:`.manifest`) and the outputs' own metadata; damaged and foreign files left out, one
   line each;
2. :mod:`.images`: each edition's cover and a thumbnail;
3. :mod:`.feeds`: the feeds (root, "最新各期", by series, by year; pages of 50);
4. :mod:`.atom` (OPDS 1.2, OpenSearch), :mod:`.opds2` (OPDS 2.0), :mod:`.html` (``index.html``):
   the documents, every link relative (:mod:`.links`);
5. :mod:`.schema`: every OPDS 2.0 document against the official JSON Schemas, every Atom
   document against RFC 4287's Schematron rules, before anything is written (jing with the
   OPDS 1.2 RELAX NG schema under ``--check``);
6. :mod:`.files`: written atomically, only over files provably this tool's; the files of issues no
   longer there removed.

The same folder gives byte-identical catalogue files. What it may touch: it reads the output
folder; it writes ``catalog.xml``, ``catalog.json``, ``index.html`` and the folder ``catalog/``
in it, nothing else, under the output folder's lock (:meth:`convert.outdir.OutputFolder.locked`, which the manifest is
merged under too), so a
conversion into the same folder does not rewrite the manifest meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from convert.opds.files import CatalogueError

__all__ = ["build", "Built", "CatalogueError"]


@dataclass
class Built:
    """What :func:`build` did: ``issues`` and ``editions`` catalogued, ``written`` and
    ``removed`` (paths relative to the folder), ``files`` (every catalogue file), ``verdicts``
    (with ``check``: jing's on the OPDS 1.2 feeds)."""

    issues: int
    editions: int
    written: list[str]
    removed: list[str]
    files: list[str]
    verdicts: list = field(default_factory=list)


def render(outdir: Path, warn: Callable[[str], None]) -> tuple[dict[str, bytes | None], int, int]:
    """Every catalogue file of *outdir* as ``{path relative to outdir: bytes}`` (``None``: a cover
    or thumbnail already in place, kept as it is), validated, with the numbers of issues and
    editions; writes nothing. Raises :class:`CatalogueError` when a
    document fails its schema (a defect of this tool)."""
    from convert.opds import atom, html, opds2
    from convert.opds.collect import collect
    from convert.opds.feeds import TITLE, plan
    from convert.opds.files import in_place, read_record
    from convert.opds.images import cover_names, thumbnail
    from convert.opds.links import OPENSEARCH, feed_path
    from convert.opds.schema import check_atom, check_json

    issues = collect(outdir, warn)
    record = read_record(outdir)
    files: dict[str, bytes | None] = {}
    for issue in issues:
        for ed in issue.editions:
            cover, ed.cover = ed.cover, None  # one cover in memory at a time
            if not cover:
                continue
            try:
                big, small, size, thumb_size = cover_names(cover)
                files[big] = None if in_place(outdir, big, record, cover) else cover
                files[small] = None if in_place(outdir, small, record) else thumbnail(cover)
            except (OSError, ValueError) as err:
                warn(f"{ed.files['epub'].path}: its cover image is not readable ({err}); shown without one")
                continue
            ed.images = [(big, *size), (small, *thumb_size)]
    feeds = plan(issues)
    by_name = {f.name: f for f in feeds}
    for f in feeds:
        files[feed_path(f.name, "xml")] = atom.feed(f, by_name)
        files[feed_path(f.name, "json")] = opds2.feed(f, by_name)
    files[OPENSEARCH] = atom.opensearch(TITLE, "new" if issues else "")
    files["index.html"] = html.page(issues)
    for rel, data in sorted(files.items()):
        if data is None:
            continue
        check = check_json if rel.endswith(".json") else check_atom if rel.endswith(".xml") and rel != OPENSEARCH else None
        problems = check(data) if check else []
        if problems:
            raise CatalogueError(f"{outdir / rel}: not written: {problems[0]}"
                                 + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""))
    return files, len(issues), sum(len(i.editions) for i in issues)


def build(outdir: Path, warn: Callable[[str], None], check: bool = False) -> Built:
    """(Re)build the catalogue of the output folder *outdir* (see the module docstring). *warn*
    gets one line per file left out. Raises :class:`CatalogueError` (one line) when the folder is
    missing or a catalogue file cannot be written or would replace a file this tool did not write."""
    from convert.opds.files import put
    from convert.outdir import FolderError, OutputFolder
    from convert.stopping import signals_deferred

    if not outdir.is_dir():
        raise CatalogueError(f"{outdir}: no such folder")
    try:
        folder = OutputFolder(outdir)
    except FolderError as err:
        raise CatalogueError(str(err)) from None
    with folder, folder.locked():
        files, issues, editions = render(outdir, warn)
        try:
            with signals_deferred():
                written, removed = put(outdir, files)
        except OSError as err:
            raise CatalogueError(f"{outdir}: the catalogue could not be written: {err}") from None
    built = Built(issues, editions, written, removed, sorted(files))
    if check:
        from convert.opds.schema import run_jing

        built.verdicts = [run_jing([outdir / rel for rel in built.files
                                    if rel.endswith(".xml") and not rel.endswith("opensearch.xml")])]
    return built
