"""Issue #26: the tool never writes, moves or removes what is not its own in a shared output
folder: links planted at predictable temporary names (cases 1 and 2), users' files that look
like temporaries (case 3), another tool's bag (case 4), a run in another PID namespace (case 5),
a private input's outputs (case 11), a folder at an output's name (case 13).

Cases 1–4 run twice: as root, and as an ordinary user (``convert-victim``) while another
ordinary user (``convert-attacker``) plants the links in a folder both may write to
(``accounts.py``), since the attack is one user against another.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile import TEXT
from sampledata import ROOT, SAMPLES, sample_copies, without_reader_warnings

import accounts
from convert.cli import main

WHO = ["root", "user"]


class Scene:
    """A shared output folder ``shared/out`` (mode 0777: several users write there), the running
    user's own files in ``home/``, and how to plant links (as the attacker) and run convert (as
    the victim), for *who* ``"root"`` or ``"user"``."""

    def __init__(self, who: str, tmp_path: Path):
        self.who = who
        if who == "user":
            why = accounts.why_not()
            if why:
                pytest.skip(why)
            self.base = accounts.shared_base(tmp_path)
        else:
            self.base = tmp_path / "scene"
            self.base.mkdir()
        self.out = self.base / "shared" / "out"
        self.out.mkdir(parents=True)
        (self.base / "shared").chmod(0o755)
        self.out.chmod(0o777)
        self.home = self.base / "home"
        self.home.mkdir()

    def own(self, *paths: Path) -> None:
        """Give *paths* (and what is below them) to the victim user, as its own files."""
        if self.who != "user":
            return
        import pwd

        pw = pwd.getpwnam(accounts.VICTIM)
        for path in paths:
            for p in [path, *(path.rglob("*") if path.is_dir() and not path.is_symlink() else [])]:
                os.chown(p, pw.pw_uid, pw.pw_gid, follow_symlinks=False)

    def plant(self, links: dict[Path, Path]) -> None:
        if self.who == "user":
            accounts.plant_as(accounts.ATTACKER, {str(k): str(v) for k, v in links.items()})
        else:
            for link, target in links.items():
                os.symlink(target, link)

    def convert(self, *args: str) -> subprocess.CompletedProcess:
        if self.who == "user":
            return accounts.convert_as(accounts.VICTIM, list(args))
        return subprocess.run([sys.executable, "-m", "convert", *args], cwd=ROOT, capture_output=True,
                              text=True, timeout=300, env=dict(os.environ, CONVERT_NO_CACHE="1"))

    def close(self) -> None:
        if self.who == "user":
            shutil.rmtree(self.base, ignore_errors=True)


@pytest.fixture(params=WHO)
def scene(request, tmp_path):
    s = Scene(request.param, tmp_path)
    yield s
    s.close()


def next_pids(count: int = 400) -> range:
    """The process ids the next processes will most likely get (the attacker's guess)."""
    last = int(Path("/proc/sys/kernel/ns_last_pid").read_text())
    return range(last + 1, last + 1 + count)


def tree(folder: Path) -> dict[str, bytes | str]:
    """Every entry below *folder*: a file's bytes, a link's target, ``"/"`` for a folder."""
    out = {}
    for p in sorted(folder.rglob("*")):
        rel = str(p.relative_to(folder))
        out[rel] = (f"-> {os.readlink(p)}" if p.is_symlink() else "/" if p.is_dir() else p.read_bytes())
    return out


def small_input(scene: Scene) -> Path:
    src = scene.home / "m.txt"
    src.write_text(TEXT, encoding="utf-8")
    scene.own(src)
    return src


# ------------------------------------------------------------------------------------ case 1


def test_predictable_temporary_names_do_not_write_through_planted_links(scene):
    """400 links planted at the temporary names of the next process ids (the manifest's and the
    output's, as the tool named them before) point at the victim's files: the victim's files
    are unchanged, the manifest and the output are regular files in the folder."""
    src = small_input(scene)
    precious = {scene.home / "victim.txt": b"precious\n", scene.home / "victim2.txt": b"also precious\n"}
    for path, data in precious.items():
        path.write_bytes(data)
    scene.own(*precious)
    links = {}
    for pid in next_pids():
        links[scene.out / f".convert-{pid}-manifest.partial.json"] = scene.home / "victim.txt"
        links[scene.out / f".convert-{pid}-m.partial.txt"] = scene.home / "victim2.txt"
    scene.plant(links)
    run = scene.convert(str(src), "--to", "txt", "-o", str(scene.out), "-j", "1")
    assert run.returncode == 0, run.stderr
    for path, data in precious.items():
        assert path.read_bytes() == data
    for name in ("manifest.json", "m.txt"):
        assert stat.S_ISREG(os.lstat(scene.out / name).st_mode), name
    assert TEXT.split("\n")[0] in (scene.out / "m.txt").read_text(encoding="utf-8")
    # the planted links are the attacker's: left as they are, nothing else left behind
    assert sorted(p.name for p in scene.out.iterdir() if not p.is_symlink()) == ["m.txt", "manifest.json"]


def test_a_temporary_name_taken_is_never_written_through(tmp_path, monkeypatch):
    """The workspace's random name, if already taken (here: a link planted at exactly the name
    the generator will give), is skipped for another one: mkdir never follows a link."""
    import convert.outdir as outdir

    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim"
    victim.mkdir()
    names = iter(["00000000deadbeef", "00000000deadbeef", "0123456789abcdef"])
    monkeypatch.setattr(outdir, "_random_hex", lambda: next(names))
    (out / ".convert-00000000deadbeef.partial").symlink_to(victim)
    with outdir.OutputFolder(out) as folder, folder.workspace() as ws:
        assert ws.name == ".convert-0123456789abcdef.partial"
        (out / ws.name / "x").write_bytes(b"x")
    assert list(victim.iterdir()) == []
    assert sorted(p.name for p in out.iterdir()) == [".convert-00000000deadbeef.partial"]


# ------------------------------------------------------------------------------------ case 2


def test_a_link_at_the_bags_temporary_name_does_not_make_a_bag_of_its_target(scene):
    src = small_input(scene)
    photos = scene.home / "photos"
    photos.mkdir()
    (photos / "a.jpg").write_bytes(b"\xff\xd8\xff a photo")
    scene.own(photos)
    before = tree(photos)
    scene.plant({scene.out / f".convert-{pid}-m.bag.partial": photos for pid in next_pids()})
    run = scene.convert(str(src), "--to", "txt", "--bag", "-o", str(scene.out), "-j", "1")
    assert run.returncode == 0, run.stderr
    assert tree(photos) == before
    assert (scene.out / "m.bag" / "bagit.txt").is_file() and not (scene.out / "m.bag").is_symlink()


# ------------------------------------------------------------------------------------ case 3


def test_users_files_that_look_like_temporaries_are_never_removed(scene):
    """Names the tool's earlier patterns matched, anywhere below the output folder, a folder of
    the workspace pattern that holds no owner record, a file of that name: all stay."""
    src = small_input(scene)
    docs = scene.out
    deep = docs / "projects" / "deep"
    deep.mkdir(parents=True)
    (deep / ".draft.2020.partial").write_text("a draft", encoding="utf-8")
    photos = docs / "projects" / ".photos.31337.partial"
    photos.mkdir()
    (photos / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (docs / ".convert-99999-notes.partial.txt").write_text("mine", encoding="utf-8")
    (docs / ".pikepdf.report.pdf.0123456789ab").write_bytes(b"%PDF-")
    fake = docs / ".convert-0123456789abcdef.partial"
    fake.mkdir(mode=0o700)
    (fake / "keep.txt").write_text("keep", encoding="utf-8")
    (docs / ".convert-fedcba9876543210.partial").write_text("a file, not a workspace", encoding="utf-8")
    scene.own(docs / "projects", *docs.glob(".*"))
    before = tree(docs)
    run = scene.convert(str(src), "--to", "txt", "-o", str(docs), "-j", "1", "-v")
    assert run.returncode == 0, run.stderr
    after = tree(docs)
    assert {k: v for k, v in after.items() if k in before} == before
    assert sorted(set(after) - set(before)) == ["m.txt", "manifest.json"]


def test_a_workspace_of_another_host_or_user_or_a_live_run_is_left(tmp_path):
    """Stale workspaces are removed only when proven dead on this machine: the owner's lock is
    free and its record names this host and boot; a record of another host, a workspace of a
    live run (lock held), one that is not the user's mode 0700 stay."""
    import fcntl

    from convert.outdir import OWNER_MAGIC, OutputFolder, machine, remove_stale_workspaces

    out = tmp_path / "out"
    out.mkdir()
    host, boot = machine()

    def workspace(name: str, record: str, mode: int = 0o700) -> Path:
        ws = out / f".convert-{name}.partial"
        ws.mkdir()
        ws.chmod(mode)
        (ws / "owner").write_text(record, encoding="utf-8")
        (ws / "x.pdf").write_bytes(b"%PDF-")
        return ws

    here = f"{OWNER_MAGIC}\nhost={host}\nboot={boot}\npid=999999\n"
    dead = workspace("a" * 16, here)
    elsewhere = workspace("b" * 16, f"{OWNER_MAGIC}\nhost=other-host\nboot=0000\npid=12\n")
    other_boot = workspace("c" * 16, f"{OWNER_MAGIC}\nhost={host}\nboot=0000\npid=12\n")
    live = workspace("d" * 16, here)
    loose = workspace("e" * 16, here, mode=0o755)
    unknown = workspace("f" * 16, "a record of some other program\n")
    fd = os.open(live / "owner", os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)  # as the live run holds it (in another process or container)
    try:
        with OutputFolder(out) as folder:
            stale = remove_stale_workspaces(folder)
    finally:
        os.close(fd)
    assert stale.removed == [dead.name]
    assert not dead.exists()
    for kept in (elsewhere, other_boot, live, loose, unknown):
        assert (kept / "x.pdf").read_bytes() == b"%PDF-", kept
    reasons = dict(stale.left)
    assert "another machine" in reasons[elsewhere.name] and "another machine" in reasons[other_boot.name]
    assert reasons[unknown.name] == "no owner record"


# ------------------------------------------------------------------------------------ case 4


def test_another_tools_bag_is_never_replaced(scene):
    """A folder at the bag's name that holds ``bagit.txt`` and scans, and a real bag made by
    bagit.py: refused in one line naming the input and the bag, left exactly as they were."""
    import bagit

    src = small_input(scene)
    scans = scene.out / "m.bag"
    (scans / "scans").mkdir(parents=True)
    (scans / "bagit.txt").write_text("BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n", encoding="utf-8")
    (scans / "scans" / "page1.tif").write_bytes(b"II*\x00 a scan")
    scene.own(scans)
    before = tree(scans)
    run = scene.convert(str(src), "--to", "txt", "--bag", "-o", str(scene.out), "-j", "1")
    lines = [line for line in run.stderr.strip().splitlines() if "warning: " not in line]
    assert run.returncode == 1 and len(lines) == 1 and "Traceback" not in run.stderr
    assert str(src) in lines[0] and str(scans) in lines[0] and "not replaced" in lines[0]
    assert tree(scans) == before
    # a bag bagit.py made (of other files) at that name
    shutil.rmtree(scans)
    (scans / "x").mkdir(parents=True)
    (scans / "x" / "page.tif").write_bytes(b"II*\x00 another scan")
    bagit.make_bag(str(scans), {"Source-Organization": "someone"}, checksums=["sha256"])
    scene.own(scans)
    before = tree(scans)
    run = scene.convert(str(src), "--to", "txt", "--bag", "-o", str(scene.out), "-j", "1")
    assert run.returncode == 1 and "another tool wrote (Bag-Software-Agent: bagit.py" in run.stderr
    assert tree(scans) == before
    assert bagit.Bag(str(scans)).is_valid()


def test_own_bag_of_another_source_is_not_replaced_and_extras_are_kept(tmp_path, capsys):
    """A bag this tool wrote of another source (same name) is refused; its own bag of the same
    source is replaced, and a file someone added to it is kept (the old bag renamed aside with
    a warning), never removed."""
    out = tmp_path / "out"
    src = tmp_path / "m.txt"
    src.write_text(TEXT, encoding="utf-8")
    assert main([str(src), "--to", "txt", "--bag", "-o", str(out), "-q", "-j", "1"]) == 0
    bag = out / "m.bag"
    (bag / "notes.txt").write_text("my notes on this bag", encoding="utf-8")
    assert main([str(src), "--to", "txt", "--bag", "-o", str(out), "-q", "-j", "1"]) == 0
    err = capsys.readouterr().err
    assert "warning: " in err and "notes.txt" in err and "m.bag.replaced-1" in err
    assert (out / "m.bag.replaced-1" / "notes.txt").read_text(encoding="utf-8") == "my notes on this bag"
    assert sorted(p.name for p in (out / "m.bag.replaced-1").iterdir()) == ["notes.txt"]
    assert not (bag / "notes.txt").exists()
    src.write_text(TEXT.replace("本月", "上月"), encoding="utf-8")  # another source, same name
    before = tree(bag)
    assert main([str(src), "--to", "txt", "--bag", "-o", str(out), "-q", "-j", "1"]) == 1
    assert "is a bag of another source (its source SHA-256 differs); not replaced" in capsys.readouterr().err
    assert tree(bag) == before


# ------------------------------------------------------------------------------------ case 5


def _free_pid() -> int:
    """A process id no process has here (the id a run in another PID namespace may have)."""
    for pid in range(30000, 300, -7):
        if not Path(f"/proc/{pid}").exists():
            return pid
    raise RuntimeError("no free pid")


def test_a_run_in_another_pid_namespace_keeps_its_temporaries(tmp_path):
    """Run A converts in its own PID namespace (as in another container sharing the folder): its
    process id means nothing here. While A writes, this process cleans the folder many times
    (what every run does at its start). A's temporaries stay, and A succeeds."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("not root, or no unshare: cannot start a run in another PID namespace")
    folder = sample_copies(tmp_path / "in", 3)
    out = tmp_path / "out"
    out.mkdir()
    pid = _free_pid()
    script = (f'echo {pid - 1} > /proc/sys/kernel/ns_last_pid; "$@"; echo "status $?"')
    a = subprocess.Popen(["unshare", "--pid", "--fork", "--mount-proc", "sh", "-c", script, "sh", sys.executable,
                          "-m", "convert", str(folder), "--to", "pdf", "-o", str(out), "-j", "1", "-q"],
                         cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    from convert.batch import remove_stale_temporaries

    cleaned, deadline = 0, time.time() + 300
    while a.poll() is None and time.time() < deadline:
        if any(p.name.startswith(".") for p in out.iterdir()):
            remove_stale_temporaries(out)  # what a run sharing the folder does first
            cleaned += 1
        time.sleep(0.01)
    stdout, stderr = a.communicate(timeout=300)
    assert cleaned > 0, "run A was never caught writing"
    assert stdout.strip().endswith("status 0"), stderr
    assert without_reader_warnings(stderr) == []
    assert len(list(out.glob("*.pdf"))) == 3 * len(SAMPLES)


# ----------------------------------------------------------------------------------- case 11


def test_outputs_of_a_private_input_are_not_more_readable_than_it(tmp_path, monkeypatch):
    """A folder scan follows a link to a 0600 file in a 0700 folder: its outputs, and its copy
    and the other files in its bag, are 0600 (folders 0700), never 0644."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    secret = private / "secret.txt"
    secret.write_text(TEXT, encoding="utf-8")
    secret.chmod(0o600)
    scan = tmp_path / "scan"
    scan.mkdir()
    (scan / "secret.txt").symlink_to(secret)
    public = scan / "public.txt"
    public.write_text(TEXT.replace("本月", "上月"), encoding="utf-8")
    public.chmod(0o644)
    out = tmp_path / "out"
    old = os.umask(0o022)
    try:
        assert main([str(scan), "--to", "txt,tei", "--bag", "-o", str(out), "-q", "-j", "1"]) == 0
    finally:
        os.umask(old)

    def mode(p: Path) -> int:
        return stat.S_IMODE(os.lstat(p).st_mode)

    for name in ("secret.txt", "secret.xml"):
        assert mode(out / name) == 0o600, name
    bag = out / "secret.bag"
    assert mode(bag) == 0o700
    for p in bag.rglob("*"):
        assert mode(p) == (0o700 if p.is_dir() else 0o600), p
    assert mode(out / "public.txt") == 0o644 and mode(out / "public.bag") == 0o755


# ----------------------------------------------------------------------------------- case 13


def test_a_folder_at_an_outputs_name_is_one_line(tmp_path, capsys):
    src = tmp_path / "m.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    (out / "m.txt").mkdir(parents=True)
    assert main([str(src), "--to", "txt,tei", "-o", str(out), "-j", "1", "-q"]) == 1
    err = [line for line in capsys.readouterr().err.strip().splitlines() if "warning: " not in line]
    assert err == [f"convert: {src}: txt: {out / 'm.txt'}: a folder is in the way; not replaced (move it away)"]
    assert (out / "m.xml").is_file() and (out / "m.txt").is_dir()


def test_an_output_subfolder_that_is_a_link_is_not_followed(tmp_path, capsys):
    """Inputs of one stem in two folders get outputs in sub-folders of -o (a/, b/): a link
    planted at one of those names is refused, never written through."""
    (tmp_path / "in" / "a").mkdir(parents=True)
    (tmp_path / "in" / "b").mkdir()
    for sub in "ab":
        (tmp_path / "in" / sub / "issue.txt").write_text(TEXT, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "a").symlink_to(elsewhere)
    assert main([str(tmp_path / "in"), "--to", "txt", "-o", str(out), "-j", "1", "-q"]) == 1
    err = capsys.readouterr().err
    assert f"{out / 'a'}: a symbolic link; not followed" in err and "Traceback" not in err
    assert list(elsewhere.iterdir()) == []
    assert (out / "b" / "issue.txt").is_file()
