"""The output folder: everything the tool creates, renames and removes there (issue #26).

An output folder may be shared with other users, other runs, and runs on other machines or in
other containers. This module is the only one that changes entries of it (the manifest module
writes ``manifest.json`` and the catalogue, :mod:`convert.opds.files`, its files through it),
under these rules, after ``rsync`` and ``ocrmypdf``:

- **Opened once.** :class:`OutputFolder` opens the folder named with ``-o`` once (a link the user
  named there is followed, as any program follows the paths it is given) and works relative to
  that descriptor (``dir_fd``) from then on. Sub-folders of output names (``a/issue.pdf``) are
  created and opened one component at a time with ``O_NOFOLLOW``: a symbolic link planted there
  is refused, never followed.
- **Private workspaces.** Temporaries are written in a *workspace*: a folder
  ``.convert-<16 random hex digits>.partial`` created in the output folder itself with
  ``mkdir`` (which never follows a link and fails if anything is there), mode 0700, owned by the
  user running the tool, and reached through its descriptor (writers are given the path
  ``/proc/<pid>/fd/<n>/<name>``, so a workspace renamed and replaced by a link meanwhile is
  not followed either). Nobody else can create anything in it. Its first file, ``owner``
  (created with ``O_CREAT|O_EXCL|O_NOFOLLOW``), records the host name, the boot id, the process
  and the time, and the live run holds an exclusive ``flock`` lock on it as long as the workspace
  exists.
- **Renamed into place.** A finished output is renamed from the workspace over its final name
  (``renameat``: a link at the final name is replaced, not followed; a folder there is refused),
  with the stop signals blocked across the check and the rename; its SHA-256 and size are taken
  from the bytes renamed, and its mode is never wider than the source's.
- **Removal only with proof.** A run removes its own workspace when it ends. The workspaces of
  runs that were killed (SIGKILL, a power cut) are removed by a later run only when each of these
  holds (:func:`remove_stale_workspaces`): the name is exactly the workspace pattern, directly in
  the output folder (no walk of the folder's tree); it is a folder (not a link), owned by this
  user, mode 0700; it holds an ``owner`` record of this tool; nobody holds that record's lock;
  and the record names this host and this boot (so its owner is proven dead on this machine; a
  run in another container, PID namespace or host is never judged by a process id that means
  something else here). Inside such a workspace only regular files and the folders of a bag
  being built are removed; anything else keeps the workspace, reported. Nothing outside
  workspaces is ever removed, except the files of a replaced bag of this tool
  (:mod:`convert.bag`), which its own manifests list.

May touch: the output folder's entries named above (workspaces, outputs, their sub-folders,
``manifest.json`` and ``manifest.json.damaged-<n>``, the catalogue's ``catalog.xml``,
``catalog.json``, ``index.html`` and ``catalog/``); nothing else on disk.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import re
import signal
import stat
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from convert.errors import ConvertError, Interrupted
from convert.stopping import STOP_SIGNALS, pending_stop

#: A workspace's name: the only names this tool ever removes from an output folder by itself.
WORKSPACE_RE = re.compile(r"^\.convert-[0-9a-f]{16}\.partial$")
#: The record inside a workspace, and its first line.
OWNER, OWNER_MAGIC = "owner", "convert workspace 1"
#: Signals blocked across a rename into place: the stop signals and ``--timeout``'s alarm.
_RENAME_BLOCKED = (*STOP_SIGNALS, signal.SIGALRM)
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC


class FolderError(ConvertError):
    """Something in the output folder is not what this tool may write over or through (a link,
    a folder in the way of a file), or the folder cannot be used."""


def machine() -> tuple[str, str]:
    """``(host name, boot id)`` of this machine: the boot id (``/proc/sys/kernel/random/boot_id``,
    a random UUID the kernel makes at each boot, shared by the containers on that kernel)
    is ``""`` where the system does not give one; no workspace is then judged stale."""
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as f:
            boot = f.read().strip()
    except OSError:
        boot = ""
    return os.uname().nodename, boot


def _random_hex() -> str:
    """16 hex digits from the system's random source (64 bits: a name nobody can predict)."""
    return os.urandom(8).hex()


def sha256_fd(fd: int) -> str:
    """Hex SHA-256 of what file descriptor *fd* holds, read from its start in 1 MiB blocks."""
    h = hashlib.sha256()
    offset = 0
    while True:
        block = os.pread(fd, 2**20, offset)
        if not block:
            return h.hexdigest()
        h.update(block)
        offset += len(block)


def mode_cap(source_mode: int | None) -> int:
    """The permission bits an output of a source with ``st_mode`` *source_mode* may have: never
    wider than the source's (a 0600 input gives 0600 outputs; issue #26, case 11); 0o777 when
    the source is unknown."""
    return 0o777 if source_mode is None else stat.S_IMODE(source_mode) & 0o666


def folder_mode(cap: int) -> int:
    """The mode of a folder (a bag) whose files are capped at *cap*: the same read and write
    bits, with search (x) wherever read is allowed."""
    bits = cap & 0o666
    return bits | ((bits & 0o444) >> 2)


def _renameat2(src_fd: int, src: str, dst_fd: int, dst: str, flags: int) -> None:
    """Linux ``renameat2`` (``RENAME_NOREPLACE`` 1, ``RENAME_EXCHANGE`` 2); raises ``OSError``
    (``ENOSYS``/``EINVAL`` where the system or the file system has none)."""
    import ctypes  # only here: most runs never replace a bag or a manifest

    libc = ctypes.CDLL(None, use_errno=True)  # the process's own symbols, libc's among them
    fn = getattr(libc, "renameat2", None)
    if fn is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available")
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if fn(src_fd, os.fsencode(src), dst_fd, os.fsencode(dst), flags) != 0:
        e = ctypes.get_errno()
        raise OSError(e, os.strerror(e))


RENAME_NOREPLACE, RENAME_EXCHANGE = 1, 2


def rename_noreplace(src_fd: int, src: str, dst_fd: int, dst: str) -> None:
    """Rename *src* to *dst* (each relative to its folder descriptor) only if *dst* does not
    exist; ``FileExistsError`` otherwise. Where ``renameat2`` is missing, a check and a rename
    (the caller holds the folder's lock)."""
    try:
        _renameat2(src_fd, src, dst_fd, dst, RENAME_NOREPLACE)
    except OSError as err:
        if err.errno not in (errno.ENOSYS, errno.EINVAL):
            raise
        try:
            os.stat(dst, dir_fd=dst_fd, follow_symlinks=False)
        except FileNotFoundError:
            os.rename(src, dst, src_dir_fd=src_fd, dst_dir_fd=dst_fd)
            return
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), dst) from None


def exchange(a_fd: int, a: str, b_fd: int, b: str) -> bool:
    """Swap *a* and *b* in one step (``RENAME_EXCHANGE``); False where the system cannot."""
    try:
        _renameat2(a_fd, a, b_fd, b, RENAME_EXCHANGE)
        return True
    except OSError as err:
        if err.errno in (errno.ENOSYS, errno.EINVAL):
            return False
        raise


def open_folder_at(dir_fd: int, name: str) -> int:
    """Open the folder *name* inside the folder *dir_fd* without following a link; raises
    ``OSError`` (``ELOOP`` for a link, ``ENOTDIR`` for a file)."""
    return os.open(name, _DIR_FLAGS | os.O_NOFOLLOW, dir_fd=dir_fd)


def _is_link(dir_fd: int, name: str) -> bool:
    try:
        return stat.S_ISLNK(os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode)
    except OSError:
        return False


def _fd_path(fd: int, pid: int | str = "self") -> str | None:
    """``/proc/<pid>/fd/<fd>``, the path of folder descriptor *fd*, where /proc shows it (the
    same folder as the descriptor), else ``None``."""
    path = f"/proc/{pid}/fd/{fd}"
    try:
        a, b = os.stat(path), os.fstat(fd)
    except OSError:
        return None
    return path if (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino) else None


class OutputFolder:
    """The output folder, opened once (see the module docstring). Use as a context manager, or
    call :meth:`close`. *path* is the folder as given (messages name it so)."""

    def __init__(self, path: os.PathLike | str):
        self.path = Path(path)
        try:
            self.fd = os.open(self.path, _DIR_FLAGS)
        except OSError as err:
            raise FolderError(f"{self.path}: cannot open the output folder: {err.strerror or err}") from None

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def __enter__(self) -> "OutputFolder":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def subfolder(self, rel: str | os.PathLike, create: bool = True) -> Iterator[int]:
        """A descriptor of the sub-folder *rel* (``/``-separated, relative; ``""`` the folder
        itself), each component created (mode 0777 less the umask) when missing and *create*,
        and opened without following a link. Raises :class:`FolderError` naming the component
        that is a link or not a folder."""
        parts = [p for p in Path(rel).parts if p not in ("", ".")]
        if any(p == ".." for p in parts) or Path(rel).is_absolute():
            raise FolderError(f"{self.path / rel}: not inside the output folder")
        fds = [os.dup(self.fd)]
        try:
            for n, part in enumerate(parts):
                if create:
                    try:
                        os.mkdir(part, 0o777, dir_fd=fds[-1])
                    except FileExistsError:
                        pass
                try:
                    fds.append(open_folder_at(fds[-1], part))
                except OSError as err:
                    where = self.path.joinpath(*parts[: n + 1])
                    if err.errno in (errno.ELOOP, errno.ENOTDIR) and _is_link(fds[-1], part):
                        raise FolderError(f"{where}: a symbolic link; not followed (outputs go "
                                          "only into folders, never through links)") from None
                    if err.errno == errno.ENOTDIR:
                        raise FolderError(f"{where}: not a folder") from None
                    raise FolderError(f"{where}: {err.strerror or err}") from None
            yield fds[-1]
        finally:
            for fd in fds:
                os.close(fd)

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold an exclusive ``flock`` lock on the folder itself (no lock file is left behind):
        runs writing into one folder merge their manifest entries one at a time."""
        # a new open of the folder (not a dup, which would share the lock with self.fd), so
        # that two OutputFolder objects of one process exclude each other too
        fd = os.open(_fd_path(self.fd) or self.path, _DIR_FLAGS)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock

    @contextmanager
    def workspace(self, purpose: str = "outputs") -> Iterator["Workspace"]:
        """A new private workspace in this folder (:class:`Workspace`), removed when the block
        ends, however it ends (a stop signal that comes while it is made is delivered once it
        exists, inside the block's protection)."""
        ws = Workspace(self, purpose, create=False)
        try:
            ws.create()
            yield ws
        finally:
            ws.remove()


@dataclass
class Installed:
    """What was renamed into place: its ``sha256`` (hex) and ``size`` (bytes), read from the
    bytes renamed."""

    sha256: str
    size: int


class Workspace:
    """A private folder for one conversion's (or one bag's) temporaries, in the output folder
    *folder* (see the module docstring), created at once unless *create* is false (then
    :meth:`create`). Use :meth:`OutputFolder.workspace`, or this object as a context manager:
    it is removed at the end, with what is left in it."""

    def __init__(self, folder: OutputFolder, purpose: str = "outputs", create: bool = True):
        self.folder, self.purpose = folder, purpose
        self.fd = self.owner_fd = -1
        self.name = ""
        if create:
            self.create()

    def create(self) -> None:
        """Make the folder and its owner record, with the stop signals and the timeout's alarm
        blocked, so that a workspace is never left half made (without a record, which would make
        it impossible to prove it stale later). Raises :class:`FolderError`; nothing is left then."""
        old = signal.pthread_sigmask(signal.SIG_BLOCK, _RENAME_BLOCKED)
        try:
            self._make()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)

    def _make(self) -> None:
        folder = self.folder
        for _ in range(64):
            name = f".convert-{_random_hex()}.partial"
            try:
                os.mkdir(name, 0o700, dir_fd=folder.fd)
                break
            except FileExistsError:  # taken (by chance, or planted): another name
                continue
            except OSError as err:
                raise FolderError(f"{folder.path}: cannot create a temporary folder there: "
                                  f"{err.strerror or err}") from None
        else:
            raise FolderError(f"{folder.path}: no free temporary name after 64 tries")
        try:
            self.fd = open_folder_at(folder.fd, name)
            st = os.fstat(self.fd)
            if st.st_uid != os.geteuid():
                raise FolderError(f"{folder.path / name}: not this user's folder")
            os.fchmod(self.fd, 0o700)
            self.ino = (st.st_dev, st.st_ino)
            self.owner_fd = os.open(OWNER, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC,
                                    0o600, dir_fd=self.fd)
            fcntl.flock(self.owner_fd, fcntl.LOCK_EX)
            host, boot = machine()
            record = (f"{OWNER_MAGIC}\nhost={host}\nboot={boot}\npid={os.getpid()}\n"
                      f"uid={os.geteuid()}\nstarted={time.time():.3f}\npurpose={self.purpose}\n")
            os.write(self.owner_fd, record.encode("utf-8", "backslashreplace"))
        except BaseException as err:
            try:  # what was made here, and nothing else, goes again
                if self.fd >= 0:
                    _empty(self.fd)
                os.rmdir(name, dir_fd=folder.fd)  # an empty folder only
            except OSError:
                pass
            self._discard()
            if isinstance(err, OSError):
                raise FolderError(f"{folder.path}: cannot create a temporary folder there: "
                                  f"{err.strerror or err}") from None
            raise
        self.name = name
        self.path = folder.path / name
        proc = _fd_path(self.fd, os.getpid())
        #: the folder writers are given: the workspace through this process's descriptor where
        #: /proc is mounted (immune to a rename of the workspace), else its path
        self.base = Path(proc) if proc else self.path

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc) -> None:
        self.remove()

    def file(self, name: str) -> Path:
        """The path a writer (or a validator in another process) is given for temporary *name*."""
        return self.base / name

    def tidy(self, text: str) -> str:
        """*text* (a writer's or validator's message) with the workspace's paths replaced by the
        output folder's, so messages name the output as the user knows it."""
        for base in {str(self.base), str(self.path), os.path.realpath(self.base)}:
            text = text.replace(base + os.sep, str(self.folder.path) + os.sep)
        return text

    def mark(self, line: str) -> None:
        """Append *line* to the owner record (read by :func:`remove_stale_workspaces`)."""
        os.write(self.owner_fd, (line + "\n").encode("utf-8", "backslashreplace"))

    def install(self, name: str, dest_fd: int, dest_name: str, label: str, cap: int = 0o777) -> Installed:
        """Rename the temporary *name* over *dest_name* in the folder *dest_fd* (*label*: the
        destination as messages name it), its mode first limited to *cap*. The digest and size
        are read from the file renamed (nobody else can change it in the workspace). Raises
        :class:`FolderError` when a folder is in the way, :class:`Interrupted` when a stop signal
        came first (then nothing is renamed)."""
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=self.fd)
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise FolderError(f"{label}: the writer made no regular file")
            if stat.S_IMODE(st.st_mode) & ~cap:
                os.fchmod(fd, stat.S_IMODE(st.st_mode) & cap)
            digest = sha256_fd(fd)
        finally:
            os.close(fd)
        try:
            there = os.stat(dest_name, dir_fd=dest_fd, follow_symlinks=False)
            if stat.S_ISDIR(there.st_mode):
                raise FolderError(f"{label}: a folder is in the way; not replaced (move it away)")
        except FileNotFoundError:
            pass
        old = signal.pthread_sigmask(signal.SIG_BLOCK, _RENAME_BLOCKED)
        try:
            stop = pending_stop()
            if not stop:
                os.rename(name, dest_name, src_dir_fd=self.fd, dst_dir_fd=dest_fd)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)
        if stop:
            raise Interrupted(stop)
        return Installed(digest, st.st_size)

    def remove(self) -> list[str]:
        """Remove this workspace and what is in it (regular files and folders only), then release
        its lock. Returns what had to be left (empty normally); the workspace stays then."""
        if self.fd < 0:
            return []
        old = signal.pthread_sigmask(signal.SIG_BLOCK, _RENAME_BLOCKED)
        try:
            return self._remove()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)

    def _remove(self) -> list[str]:
        left = _empty(self.fd, keep=OWNER)
        if not left:
            try:
                os.unlink(OWNER, dir_fd=self.fd)
                st = os.stat(self.name, dir_fd=self.folder.fd, follow_symlinks=False)
                if (st.st_dev, st.st_ino) == self.ino:
                    os.rmdir(self.name, dir_fd=self.folder.fd)
            except OSError as err:
                left.append(f"{self.name}: {err.strerror or err}")
        self._discard()
        return left

    def _discard(self) -> None:
        for attr in ("owner_fd", "fd"):
            fd = getattr(self, attr)
            if fd >= 0:
                os.close(fd)
                setattr(self, attr, -1)


def _empty(dir_fd: int, keep: str = "", depth: int = 0) -> list[str]:
    """Remove the regular files and folders (recursively, at most 32 deep) inside the folder
    *dir_fd*, never following a link; returns the names of what was left (anything else)."""
    left = []
    for name in os.listdir(dir_fd):
        if name == keep:
            continue
        st = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
        if stat.S_ISREG(st.st_mode):
            os.unlink(name, dir_fd=dir_fd)
        elif stat.S_ISDIR(st.st_mode) and depth < 32:
            sub = open_folder_at(dir_fd, name)
            try:
                inner = _empty(sub, depth=depth + 1)
            finally:
                os.close(sub)
            if inner:
                left += [f"{name}/{x}" for x in inner]
            else:
                os.rmdir(name, dir_fd=dir_fd)
        else:
            left.append(name)
    return left


@dataclass
class Stale:
    """What :func:`remove_stale_workspaces` did: ``removed`` (workspace names) and ``left``
    (``(name, reason)``: workspaces of this tool it could not prove dead here, or that held
    something it does not remove)."""

    removed: list[str]
    left: list[tuple[str, str]]


def _record(owner_fd: int) -> dict[str, str] | None:
    data = os.pread(owner_fd, 4096, 0).decode("utf-8", "replace").splitlines()
    if not data or data[0] != OWNER_MAGIC:
        return None
    return dict(line.split("=", 1) for line in data[1:] if "=" in line) | {
        "replacing": "yes" if any(line.startswith("replacing ") for line in data) else ""}


def remove_stale_workspaces(folder: OutputFolder) -> Stale:
    """Remove from *folder* (the folder itself, not below) the workspaces of runs proven dead on
    this machine, under every condition the module docstring lists. Workspaces of runs still
    going, of another user, or of another host, boot or container are left alone."""
    done = Stale([], [])
    here = machine()
    for name in sorted(os.listdir(folder.fd)):
        if not WORKSPACE_RE.match(name):
            continue
        try:
            st = os.stat(name, dir_fd=folder.fd, follow_symlinks=False)
        except FileNotFoundError:
            continue
        if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.geteuid() or stat.S_IMODE(st.st_mode) != 0o700:
            continue  # not a workspace this user's runs made
        try:
            wfd = open_folder_at(folder.fd, name)
        except OSError:
            continue
        try:
            if os.fstat(wfd)[1:3] != st[1:3]:
                continue
            try:
                ofd = os.open(OWNER, os.O_RDWR | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=wfd)
            except OSError:
                done.left.append((name, "no owner record"))
                continue
            try:
                ost = os.fstat(ofd)
                if not stat.S_ISREG(ost.st_mode) or ost.st_uid != os.geteuid():
                    done.left.append((name, "no owner record"))
                    continue
                try:
                    fcntl.flock(ofd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    continue  # its run is still going (here or on another machine)
                record = _record(ofd)
                if record is None:
                    done.left.append((name, "no owner record"))
                    continue
                if not here[1] or (record.get("host"), record.get("boot")) != here:
                    done.left.append((name, f"made on {record.get('host', '?')} (another machine, "
                                            "boot or container): its run cannot be proven dead here"))
                    continue
                if record.get("replacing"):
                    done.left.append((name, "a run killed while it replaced a bag: may hold that bag"))
                    continue
                left = _empty(wfd, keep=OWNER)
                if left:
                    done.left.append((name, f"holds what this tool does not remove: {', '.join(left[:3])}"))
                    continue
                os.unlink(OWNER, dir_fd=wfd)
                os.rmdir(name, dir_fd=folder.fd)
                done.removed.append(name)
            finally:
                os.close(ofd)
        except OSError as err:
            done.left.append((name, err.strerror or str(err)))
        finally:
            os.close(wfd)
    return done
