"""``manifest.json``: what a run wrote into its output folder, for verifying a batch later. The one
reader of the manifest (:func:`load`), its merge and its writer (:func:`write_manifest`).

Shape (``"manifest": 2``)::

    {"convert": "0.1.0", "manifest": 2,
     "inputs": [{"input": "in/issue.txt", "sha256": "…", "options": {…},
                 "outputs": [{"path": "issue.pdf", "format": "pdf", "variant": "zh-Hans",
                              "sha256": "…", "size": 123, "verdicts": […], "notes": […],
                              "source_lines": null}],
                 "errors": […], "warnings": […]}]}

- ``input`` is the input's path as it was given (with its ``sha256``); an output's ``path`` is
  relative to the folder that holds the manifest, ``/``-separated, as in BagIt manifests and
  ``sha256sum`` files: the folder can be moved or read on another machine (issue #24, case 3).
  Manifests of version 1 (no ``"manifest"`` key; paths as given on the command line) are read
  and their paths made relative where they lie in the folder.
- An output's ``sha256`` and ``size`` are those of the bytes renamed into place
  (:meth:`convert.outdir.Workspace.install`). When entries are merged, under the folder's lock,
  every output of the inputs merged is hashed again: a record is kept only if the file in place
  still has its digest, so a run never claims a file that another run has since replaced
  (issue #26, case 6). An output made with other options than its entry's (an earlier run's,
  still in place) carries its own ``options``.
- A manifest that cannot be read (truncated, not JSON, another shape, a folder or a link named
  ``manifest.json``) is never overwritten: it is renamed ``manifest.json.damaged-<n>`` (the
  first free *n*), a warning says so, and a new manifest is started (issue #26, case 7; issue #24,
  case 2).
- File names that are not UTF-8 (PEP 383 surrogates) are written as JSON ``\\udcXX`` escapes,
  so the file is UTF-8 and Python reads the same names back.
- The same inputs and options give the same bytes (wall times go to the log only).

May touch: ``manifest.json`` and ``manifest.json.damaged-<n>`` in the output folder, through
:class:`convert.outdir.OutputFolder`; it reads the outputs it lists.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable

from convert import __version__
from convert.outdir import FolderError, OutputFolder, open_folder_at, rename_noreplace, sha256_fd
from convert.stopping import signals_deferred

MANIFEST = "manifest.json"
#: The layout version written (``"manifest"`` key); version 1 had none.
VERSION = 2
#: A manifest larger than this is not read (it is kept aside as damaged).
MAX_BYTES = 2**30


@dataclass
class Manifest:
    """A manifest as read: ``entries`` (``{input as given: entry}``, output paths relative to the
    folder), ``damage`` (why it could not be read, or ``None``; ``entries`` is then empty),
    ``found`` (a ``manifest.json`` of any kind is there)."""

    entries: dict[str, dict] = field(default_factory=dict)
    damage: str | None = None
    found: bool = False


def _is_str_list(x) -> bool:
    return isinstance(x, list) and all(isinstance(s, str) for s in x)


def _shape_error(data) -> str | None:
    """Why *data* (parsed JSON) is not a manifest this tool wrote, or ``None``."""
    if not isinstance(data, dict):
        return f"a JSON {type(data).__name__}, not an object"
    if not isinstance(data.get("inputs"), list):
        return "no list of inputs"
    if data.get("manifest", 1) not in (1, VERSION):
        return f"manifest version {data.get('manifest')!r}"
    for n, entry in enumerate(data["inputs"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("input"), str):
            return f"input {n} has no input path"
        if not isinstance(entry.get("sha256", ""), str) or not isinstance(entry.get("options", {}), dict):
            return f"input {n} has a malformed digest or options"
        if not _is_str_list(entry.get("errors", [])) or not _is_str_list(entry.get("warnings", [])):
            return f"input {n} has malformed errors or warnings"
        outputs = entry.get("outputs", [])
        if not isinstance(outputs, list):
            return f"input {n} has no list of outputs"
        for o in outputs:
            if not isinstance(o, dict) or not isinstance(o.get("path"), str) or not o["path"]:
                return f"an output of input {n} has no path"
            if not isinstance(o.get("sha256", ""), str) or not isinstance(o.get("format", ""), str):
                return f"an output of input {n} has a malformed digest or format"
    return None


def _relative(path: str, folder: Path) -> str:
    """A version-1 output path (as given on the command line, relative to the working folder
    or absolute) made relative to *folder*, where it lies in it; else unchanged."""
    absolute = Path(os.path.abspath(path))
    base = Path(os.path.abspath(folder))
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return path


def load(folder: OutputFolder) -> Manifest:
    """Read the manifest of *folder* (never following a link; a missing one is empty)."""
    try:
        fd = os.open(MANIFEST, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=folder.fd)
    except FileNotFoundError:
        return Manifest()
    except OSError as err:
        why = "a symbolic link" if err.errno == errno.ELOOP else (err.strerror or str(err))
        return Manifest(damage=why, found=True)
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            return Manifest(damage="a folder", found=True)
        if not stat.S_ISREG(st.st_mode):
            return Manifest(damage="not a regular file", found=True)
        if st.st_size > MAX_BYTES:
            return Manifest(damage=f"{st.st_size:,} bytes, more than a manifest of this tool", found=True)
        raw = b"".join(iter(lambda: os.read(fd, 2**20), b""))
    except OSError as err:
        return Manifest(damage=f"cannot be read ({err.strerror or err})", found=True)
    finally:
        os.close(fd)
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        return Manifest(damage=f"not UTF-8: byte {err.start}", found=True)
    except ValueError as err:
        where = getattr(err, "pos", None)
        if where is not None and where >= len(raw.rstrip()) - 1 or "Unterminated" in str(err):
            return Manifest(damage=f"truncated: it ends after {len(raw):,} bytes", found=True)
        return Manifest(damage=f"not JSON: {getattr(err, 'msg', err)}, line {getattr(err, 'lineno', '?')}",
                        found=True)
    why = _shape_error(data)
    if why:
        return Manifest(damage=why, found=True)
    entries = {}
    for entry in data["inputs"]:
        if data.get("manifest", 1) == 1:
            entry = dict(entry, outputs=[dict(o, path=_relative(o["path"], folder.path))
                                         for o in entry.get("outputs", [])])
        entries[entry["input"]] = entry
    return Manifest(entries, found=True)


def read_manifest(outdir: Path) -> dict:
    """The manifest in *outdir* as ``{input path: entry}`` (empty when there is none, or it
    cannot be read); output paths relative to *outdir*."""
    try:
        with OutputFolder(outdir) as folder:
            return load(folder).entries
    except FolderError:  # no folder yet
        return {}


def output_path(outdir: Path, record: dict) -> Path:
    """Where the output *record* of the manifest in *outdir* is: *outdir* / its relative path."""
    return Path(outdir) / record["path"]


def manifest_outputs(outdir: Path) -> set[str]:
    """Real paths of every output the manifest in *outdir* lists (a folder scan skips them)."""
    return {os.path.realpath(output_path(outdir, o)) for entry in read_manifest(outdir).values()
            for o in entry.get("outputs", [])}


def in_place(folder: OutputFolder, record: dict) -> bool:
    """True when the output *record* names a file in *folder* whose SHA-256 is the recorded
    one (for a bag, a folder whose ``tagmanifest-sha256.txt`` has it). Never follows a link."""
    parts = Path(record["path"]).parts
    if not parts or ".." in parts or Path(record["path"]).is_absolute():
        return False
    if record.get("format") == "bag":
        parts = (*parts, "tagmanifest-sha256.txt")
    fds = [os.dup(folder.fd)]
    try:
        for part in parts[:-1]:
            fds.append(open_folder_at(fds[-1], part))
        fd = os.open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=fds[-1])
        try:
            return stat.S_ISREG(os.fstat(fd).st_mode) and sha256_fd(fd) == record.get("sha256")
        finally:
            os.close(fd)
    except OSError:
        return False
    finally:
        for fd in fds:
            os.close(fd)


def record_of(output, outdir: Path) -> dict:
    """An output's manifest record (:class:`convert.batch.Output` or a dict): everything but the
    wall time, which goes to the log only, with its path relative to *outdir*."""
    d = asdict(output) if not isinstance(output, dict) else dict(output)
    d.pop("seconds", None)
    path = Path(d["path"])
    try:
        d["path"] = path.relative_to(outdir).as_posix()
    except ValueError:
        d["path"] = _relative(d["path"], outdir)
    return d


def dumps(data) -> str:
    """*data* as the manifest's JSON text: UTF-8 characters as they are, lone surrogates (file-name
    bytes that are not UTF-8) as ``\\udcXX`` escapes, one item per line, indented by 1."""
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    return re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text)


def _merge(folder: OutputFolder, entries: dict, settings, results: Iterable) -> dict:
    options = settings.options()
    for r in results:
        if r.skipped:
            continue
        old = entries.get(r.input, {})
        outputs = {}
        # outputs of an earlier run that this run did not replace (it failed, or made other
        # formats) are still in the folder: their records stay, if the files are unchanged
        for o in old.get("outputs", []):
            made_with = o.get("options") or old.get("options")
            if in_place(folder, o):
                rec = {k: v for k, v in o.items() if k != "options"}
                if made_with != options:
                    rec["options"] = made_with
                outputs[o["path"]] = rec
        for o in r.outputs:
            rec = record_of(o, folder.path)
            if in_place(folder, rec):  # else another run has replaced it since: its record
                outputs[rec["path"]] = rec
        entries[r.input] = {
            "input": r.input,
            "sha256": r.sha256,
            "options": options,
            "outputs": [outputs[k] for k in sorted(outputs)],
            "errors": r.errors,
            "warnings": r.warnings,
        }
    return entries


def _set_aside(folder: OutputFolder) -> str:
    """Rename the unreadable manifest to ``manifest.json.damaged-<n>`` (the first free *n*,
    never over an existing file); returns the new name."""
    for n in range(1, 10_000):
        name = f"{MANIFEST}.damaged-{n}"
        try:
            rename_noreplace(folder.fd, MANIFEST, folder.fd, name)
            return name
        except FileExistsError:
            continue
    raise OSError(errno.EEXIST, "no free name for the damaged manifest")


@dataclass
class Written:
    """What :func:`write_manifest` did: ``path`` of the manifest, and ``kept_aside``: the name a
    damaged manifest was given (with ``damage``, why it could not be read), or ``None``."""

    path: Path
    kept_aside: str | None = None
    damage: str | None = None

    def warning(self) -> str | None:
        """The one warning line for a damaged manifest, or ``None``."""
        if not self.kept_aside:
            return None
        folder = self.path.parent
        return (f"{self.path}: not a manifest this tool wrote ({self.damage}); kept as "
                f"{folder / self.kept_aside}, and a new one started")


def write_manifest(outdir: Path, settings, results: Iterable) -> Written:
    """Merge *results* (:class:`convert.batch.Result`) into ``outdir/manifest.json`` under the
    folder's lock and with the stop signals deferred, written to a workspace and renamed into
    place (see the module docstring). A manifest that cannot be read is kept aside first.
    The new manifest keeps the mode of the one it replaces."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    with signals_deferred(), OutputFolder(outdir) as folder, folder.locked():
        current = load(folder)
        written = Written(outdir / MANIFEST)
        mode = None
        if current.damage:
            written.kept_aside, written.damage = _set_aside(folder), current.damage
        elif current.found:
            mode = stat.S_IMODE(os.stat(MANIFEST, dir_fd=folder.fd, follow_symlinks=False).st_mode)
        entries = _merge(folder, current.entries, settings, results)
        data = {"convert": __version__, "manifest": VERSION, "inputs": [entries[k] for k in sorted(entries)]}
        with folder.workspace("manifest") as ws:
            fd = os.open(MANIFEST, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC,
                         0o666, dir_fd=ws.fd)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(dumps(data))
                if mode is not None:
                    os.fchmod(f.fileno(), mode)
            os.rename(MANIFEST, MANIFEST, src_dir_fd=ws.fd, dst_dir_fd=folder.fd)
        return written
