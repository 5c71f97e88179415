"""Two unprivileged users for the tests where one user attacks another in a shared output folder
(issue #26, cases 1–4): ``convert-victim`` runs the tool, ``convert-attacker`` plants links.
Root passes every permission check, so only a run as an ordinary user shows that the tool does
not write through what another user planted.

The users are made once per machine with ``useradd --system`` (no home, no login shell). A
command runs as one of them with ``setpriv`` (real and effective ids, that user's groups, no
capabilities). The test interpreter often lives where other users cannot reach it (pyenv under
``/root``, mode 0700): it is then bind-mounted at a neutral place inside a private mount
namespace (``unshare --mount``) that ends with the command; nothing changes on the machine.
Where any of this is impossible (not root, no ``useradd``, ``setpriv`` or ``unshare``) the
tests skip and say why.
"""

from __future__ import annotations

import fcntl
import os
import pwd
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from sampledata import ROOT

VICTIM, ATTACKER = "convert-victim", "convert-attacker"


def why_not() -> str | None:
    """Why commands cannot run as the test users here, or ``None`` (the users then exist)."""
    if os.geteuid() != 0:
        return "not root: cannot create users or run a command as another user"
    for tool in ("useradd", "setpriv", "unshare", "mount"):
        if shutil.which(tool) is None:
            return f"no {tool} on this machine"
    with open("/tmp/convert-test-users.lock", "a") as lock:  # pytest-xdist workers race here
        fcntl.flock(lock, fcntl.LOCK_EX)
        for name in (VICTIM, ATTACKER):
            try:
                pwd.getpwnam(name)
            except KeyError:
                made = subprocess.run(["useradd", "--system", "--no-create-home", "--shell",
                                       "/usr/sbin/nologin", name], capture_output=True, text=True)
                if made.returncode != 0:
                    return f"useradd {name} failed: {made.stderr.strip()}"
    probe = run_as(VICTIM, ["-c", "print('ok')"], Path("/tmp"))
    if probe.stdout.strip() != "ok":
        return f"cannot run Python as {VICTIM}: {probe.stderr.strip()[-300:]}"
    return None


def shared_base(tmp_path: Path) -> Path:
    """A folder every user can reach (``tmp_path`` is under a 0700 folder of root's): made in
    /tmp, mode 0755; the caller removes it."""
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="convert-users-"))
    base.chmod(0o755)
    return base


def owned(path: Path, user: str, mode: int) -> Path:
    """*path* (created as a folder when missing) given to *user* with *mode*."""
    path.mkdir(parents=True, exist_ok=True)
    pw = pwd.getpwnam(user)
    os.chown(path, pw.pw_uid, pw.pw_gid)
    path.chmod(mode)
    return path


def _reachable(path: str) -> bool:
    """Whether every folder above *path* can be searched by other users."""
    p = Path(path).resolve()
    return all(os.stat(d).st_mode & 0o001 for d in p.parents)


def run_as(user: str, args: list[str], cwd: Path = ROOT, env: dict | None = None,
           timeout: float = 300, input: str | None = None) -> subprocess.CompletedProcess:
    """``python ARGS`` (this test interpreter, this checkout's ``convert`` and its dependencies)
    as *user*, in *cwd*; stdout and stderr captured as text."""
    pw = pwd.getpwnam(user)
    prefix = sys.base_prefix
    python = os.path.realpath(sys.executable)
    site = sysconfig.get_paths()["purelib"]
    env = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "LANG": "C.UTF-8", "PYTHONPATH": site,
           "CONVERT_NO_CACHE": "1", **(env or {})}
    setpriv = ["setpriv", f"--reuid={pw.pw_uid}", f"--regid={pw.pw_gid}", "--init-groups",
               "--inh-caps=-all", "--"]
    if _reachable(python) and _reachable(os.path.join(prefix, "lib")):
        cmd = [*setpriv, python, *args]
    else:
        # a private mount namespace: the interpreter's prefix bind-mounted where anyone can
        # reach it, for this command only
        view = "/tmp/convert-test-python"
        os.makedirs(view, exist_ok=True)
        os.chmod(view, 0o755)
        inner = os.path.join(view, os.path.relpath(python, prefix))
        script = 'mount --bind "$1" "$2" && shift 2 && exec "$@"'
        cmd = ["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh", prefix, view,
               *setpriv, inner, *args]
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout,
                          input=input)


def convert_as(user: str, args: list[str], **kw) -> subprocess.CompletedProcess:
    """``python -m convert ARGS`` as *user* (:func:`run_as`)."""
    return run_as(user, ["-m", "convert", *args], **kw)


def plant_as(user: str, links: dict[str, str]) -> None:
    """Create the symbolic links ``{path: target}`` as *user* (one process)."""
    import json

    code = "import os, sys, json\nfor p, t in json.load(sys.stdin).items():\n    os.symlink(t, p)\n"
    done = run_as(user, ["-c", code], Path("/tmp"), input=json.dumps(links))
    assert done.returncode == 0, done.stderr
