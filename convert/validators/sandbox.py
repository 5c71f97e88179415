"""Running an external validator: without network access, without standard input, within a time
limit; and the verdicts for a file or a tool that is not there. Writes nothing.

Every external validator runs without network access (:func:`sandboxed`: a new network
namespace, or a Java security policy that grants no socket permission).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path

from convert.validators.verdict import Verdict

#: A Java security policy that grants what the validators need except any network permission
#: (``java.net.SocketPermission``): the fallback of :func:`sandboxed` where no network namespace
#: can be made.
NO_NETWORK_POLICY = Path(__file__).resolve().parent.parent / "data" / "no-network.policy"
#: What the JVM prints on stderr when the policy is on: not a finding.
_JVM_NOTICES = ("WARNING: A command line option has enabled the Security Manager",
                "WARNING: The Security Manager is deprecated")

#: Seconds an external validator may run before its verdict is a failure.
TIMEOUT = 300

#: JVM options for the short runs of EPUBCheck and Preflight: the quick (C1) JIT tier only and the
#: serial collector roughly halve their CPU time on a small machine.
JVM_FAST = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")

INSTALL_HINT = "run scripts/install.sh (or: apt-get install {pkgs})"


def missing(name: str, path: str | os.PathLike) -> Verdict | None:
    """A failed verdict if *path* is not a readable file, else None."""
    if not Path(path).is_file():
        return Verdict(name, False, [f"{path}: no such file"])
    return None


@functools.cache
def _unshare() -> tuple[str, ...]:
    """``("unshare", "-rn")`` when util-linux's unshare can make a user and network namespace
    here (a process in it sees only a loopback device that is down), else ``()``."""
    exe = shutil.which("unshare")
    if exe is None:
        return ()
    try:
        ok = subprocess.run([exe, "-rn", "true"], stdin=subprocess.DEVNULL, capture_output=True,
                            timeout=30, check=False).returncode == 0
    except (OSError, subprocess.SubprocessError):
        ok = False
    return (exe, "-rn") if ok else ()


def sandboxed(cmd: list[str]) -> list[str]:
    """*cmd* (a list of arguments) rewritten to run without network access.

    In a new network namespace (``unshare -rn``, Linux user and network namespaces) where the
    system allows one; otherwise, for a ``java`` command, with the security manager and
    :data:`NO_NETWORK_POLICY`, which grants no socket permission (Java 17's
    ``-Djava.security.manager``). Any other command is returned unchanged in that case.
    """
    prefix = _unshare()
    if prefix:
        return [*prefix, *cmd]
    if Path(cmd[0]).name == "java":
        return [cmd[0], "-Djava.security.manager", f"-Djava.security.policy=={NO_NETWORK_POLICY}", *cmd[1:]]
    return list(cmd)


def run(cmd: list[str]) -> subprocess.CompletedProcess[str] | str:
    """Run *cmd* without stdin and without network (:func:`sandboxed`); the finished process, or
    a message if it could not run."""
    cmd = sandboxed(cmd)
    try:
        return subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              errors="replace", timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        return f"{cmd[0]} did not finish within {TIMEOUT} s"
    except OSError as err:
        return f"cannot run {cmd[0]}: {err}"


def stderr_lines(proc: subprocess.CompletedProcess[str]) -> list[str]:
    """The lines of *proc*'s standard error that are findings."""
    # Debian's java-wrappers script warns about optional jars it does not find: not findings.
    return [ln for ln in proc.stderr.splitlines()
            if ln.strip() and not ln.startswith("[warning] /usr/bin/") and not ln.startswith(_JVM_NOTICES)]


def no_java(name: str) -> Verdict:
    """The verdict of a Java validator on a machine without Java."""
    return Verdict(name, False, ["java not found: " + INSTALL_HINT.format(pkgs="default-jre-headless")])


def java_for(name: str, path: str | os.PathLike) -> str | Verdict:
    """The ``java`` command that validator *name* runs with on *path*, or its failed verdict when
    *path* is not a file or Java is not installed."""
    if (bad := missing(name, path)) is not None:
        return bad
    java = shutil.which("java")
    return java if java is not None else no_java(name)
