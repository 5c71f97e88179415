"""Profile of one cold ``convert FILE --to pdf -j 1`` (a fresh process, as a user runs it), split
into parts that add up to its wall time, largest first. A script with figures, not a test.

    .venv/bin/python bench/coldprofile.py [FILE] [--tree DIR] [--runs 3] [--json]

``--tree`` profiles another checkout of the project with this interpreter (e.g. the commit before
a change, unpacked with ``git archive``), which is how ``bench/results.md`` shows a profile
before and after. How the parts are measured, each in a fresh interpreter:

1. *Python start-up*: wall time of ``python -c pass`` (interpreter, ``site``, the venv).
2. A first process converts FILE and prints the modules it imported, in import order.
3. A second process imports exactly those modules (*imports*), then runs ``convert.cli.main``
   with timers wrapped around the phases (*reading*, *fonts*, *layout*, *PDF/A preparation and
   save*, *validation of the written file*; *the rest* is the command's own work: options,
   TEI serialisation, manifest, leaving the process as that checkout's command leaves) and a
   ``gc.callbacks`` timer (cyclic garbage collection, which
   happens inside the other parts and is shown as "of which").
4. Optionally (``--cprofile N``) the N functions with the most own time under cProfile.

Each figure is the median over ``--runs`` repetitions. The conversion uses the on-disk cache as
it is (warm after a first run); ``--no-cache`` passes that option to the conversion.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "newsletter-2020-02-29-no634.txt"

#: Run inside the probe process: convert, then print the imported module names.
LIST_MODULES = """
import sys
sys.path.insert(0, sys.argv[1])
from convert.cli import main
status = main(sys.argv[2:])
print("\\n".join(m for m in list(sys.modules) if not m.startswith("__")))
sys.exit(status)
"""

#: Run inside the timed process: import the listed modules, then convert with phase timers.
TIMED = r"""
import gc, importlib, json, sys, time
t_start = time.perf_counter()
tree, modules_file, out_json = sys.argv[1], sys.argv[2], sys.argv[3]
argv = sys.argv[4:]
sys.path.insert(0, tree)
gc_spent = [0.0, 0.0]
def on_gc(phase, info):
    if phase == "start":
        gc_spent[1] = time.perf_counter()
    else:
        gc_spent[0] += time.perf_counter() - gc_spent[1]
gc.callbacks.append(on_gc)
for name in open(modules_file).read().split():
    try:
        importlib.import_module(name)
    except Exception:
        pass
t_imports = time.perf_counter()
spent = {}
PHASES = [
    ("reading the text into TEI (reader)", "convert.reader", "load_input"),
    ("fonts: loading the faces", "convert.writers.pdf", "_document"),
    ("layout (reportlab)", "convert.writers.pdf", "_Document.build"),
    ("PDF/A: metadata, prepare, save and validate", "convert.writers.pdf", "_finish"),
    ("validation of the written file (pikepdf.pdfa)", "pikepdf.pdfa._api", "validate_written"),
]
for label, module, attr in PHASES:
    try:
        owner = importlib.import_module(module)
        *path, name = attr.split(".")
        for part in path:
            owner = getattr(owner, part)
        original = getattr(owner, name)
    except (ImportError, AttributeError):
        continue
    def timed(*a, __f=original, __label=label, **k):
        t0 = time.perf_counter()
        try:
            return __f(*a, **k)
        finally:
            spent[__label] = spent.get(__label, 0.0) + time.perf_counter() - t0
    setattr(owner, name, timed)
gc_before_run = gc_spent[0]
from convert.cli import main
t_run = time.perf_counter()
status = main(argv)
t_end = time.perf_counter()
with open(out_json, "w") as f:
    json.dump({"status": status, "imports": t_imports - t_start, "run": t_end - t_run, "phases": spent,
               "gc": gc_spent[0] - gc_before_run, "gc_imports": gc_before_run}, f)
import convert.cli
if hasattr(convert.cli, "entry"):  # leave as the command of that checkout leaves
    import atexit, os
    atexit._run_exitfuncs()
    sys.stdout.flush()
    os._exit(status)
"""


def _wall(cmd: list[str], cwd: Path, env: dict) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def profile(tree: Path, sample: Path, runs: int = 3, extra: list[str] | None = None,
            env: dict | None = None) -> dict:
    """``{"total": s, "parts": [(label, s), …] largest first, "gc": s}``: the median cold
    ``convert SAMPLE --to pdf -j 1`` of the checkout *tree*, split as the module docstring says."""
    env = dict(env or os.environ)
    py = sys.executable
    extra = list(extra or [])
    with tempfile.TemporaryDirectory(prefix="convert-profile-") as tmp:
        work = Path(tmp)
        argv = [str(sample), "--to", "pdf", "-j", "1", "-q", "-o", str(work / "out")] + extra
        probe = subprocess.run([py, "-c", LIST_MODULES, str(tree)] + argv, cwd=tree, env=env,
                               capture_output=True, text=True)
        if probe.returncode:
            raise RuntimeError(f"profile probe failed: {probe.stderr[-2000:]}")
        modules = work / "modules.txt"
        modules.write_text(probe.stdout)
        samples = []
        for _ in range(runs):
            startup = _wall([py, "-c", "pass"], tree, env)
            out = work / "timed.json"
            wall = _wall([py, "-c", TIMED, str(tree), str(modules), str(out)] + argv, tree, env)
            data = json.loads(out.read_text())
            if data["status"]:
                raise RuntimeError("profiled conversion failed")
            ph = data["phases"]
            validate = ph.get("validation of the written file (pikepdf.pdfa)", 0.0)
            finish = ph.get("PDF/A: metadata, prepare, save and validate", 0.0) - validate
            parts = {
                "Python start-up (interpreter, site)": startup,
                "imports (every module the run uses)": data["imports"],
                "reading the text into TEI (reader)": ph.get("reading the text into TEI (reader)", 0.0),
                "fonts: loading the faces": ph.get("fonts: loading the faces", 0.0),
                "layout (reportlab)": ph.get("layout (reportlab)", 0.0),
                "PDF/A: metadata, prepare and save (pikepdf)": finish,
                "validation of the written file (pikepdf.pdfa)": validate,
            }
            known = sum(v for k, v in parts.items() if k != "Python start-up (interpreter, site)")
            parts["the rest (options, TEI serialisation, manifest, exit)"] = max(wall - startup - known, 0.0)
            samples.append((wall, parts, data["gc"] + data["gc_imports"]))
    med = {k: statistics.median(s[1][k] for s in samples) for k in samples[0][1]}
    return {"total": statistics.median(s[0] for s in samples),
            "parts": sorted(med.items(), key=lambda kv: -kv[1]),
            "gc": statistics.median(s[2] for s in samples)}


def cprofile_top(tree: Path, sample: Path, n: int = 10, env: dict | None = None) -> list[tuple[str, float]]:
    """The *n* functions with the most own time (s, under cProfile, which slows Python code
    about twofold) in one cold ``convert SAMPLE --to pdf -j 1`` of *tree*."""
    import pstats

    with tempfile.TemporaryDirectory(prefix="convert-cprofile-") as tmp:
        prof = Path(tmp) / "run.prof"
        script = Path(tmp) / "run_convert.py"  # main(), not the command's entry: that leaves by os._exit
        script.write_text(f"import sys\nsys.path.insert(0, {str(tree)!r})\nfrom convert.cli import main\n"
                          "sys.exit(main())\n")
        subprocess.run([sys.executable, "-m", "cProfile", "-o", str(prof), str(script), str(sample), "--to",
                        "pdf", "-j", "1", "-q", "-o", str(Path(tmp) / "out")], cwd=tree, env=dict(env or os.environ),
                       check=True, capture_output=True)
        stats = pstats.Stats(str(prof))
        rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:n]
        out = []
        for (file, line, func), (_cc, _nc, tt, _ct, _callers) in rows:
            where = file.split("site-packages/")[-1].split("python3.11/")[-1].replace(str(tree) + "/", "")
            out.append((f"{where}:{line}({func})" if line else func, tt))
        return out


def table(before: dict | None, after: dict) -> list[str]:
    """Markdown rows: the parts of *after* largest first, with *before*'s figure beside each."""
    head = "| part | " + ("before | " if before else "") + "after |"
    lines = [head, "| --- | " + ("--- | " if before else "") + "--- |"]
    b = dict(before["parts"]) if before else {}
    for label, value in after["parts"]:
        lines.append(f"| {label} | " + (f"{b.get(label, 0.0):.3f} | " if before else "") + f"{value:.3f} |")
    lines.append("| **total (wall, s)** | " + (f"**{before['total']:.3f}** | " if before else "") + f"**{after['total']:.3f}** |")
    lines.append("| of which cyclic garbage collection | " + (f"{before['gc']:.3f} | " if before else "") + f"{after['gc']:.3f} |")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", type=Path, default=SAMPLE)
    ap.add_argument("--tree", type=Path, default=ROOT, help="checkout to profile (default: this one)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cprofile", type=int, default=0, metavar="N", help="also list the N top functions")
    ap.add_argument("--no-cache", action="store_true", help="pass --no-cache to the conversion")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = ap.parse_args()
    result = profile(args.tree.resolve(), args.file.resolve(), args.runs, ["--no-cache"] if args.no_cache else [])
    if args.cprofile:
        result["cprofile"] = cprofile_top(args.tree.resolve(), args.file.resolve(), args.cprofile)
    if args.json:
        print(json.dumps(result))
    else:
        print("\n".join(table(None, result)))
        for name, tt in result.get("cprofile", []):
            print(f"  {tt:.3f}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
