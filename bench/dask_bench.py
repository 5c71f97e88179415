"""Benchmark: throughput of ``--executor dask`` with 1 and 2 Dask workers beside the local process
pool (``-j 1``, ``-j 2``), and what ``--bag`` adds. A script with figures, not a timed test.

    .venv/bin/python bench/dask_bench.py [--corpus 40] [--to all] [--out bench/results-dask.md]

Every configuration converts the same corpus (bench/corpus.py) into its own folder; the Dask runs
use a scheduler and N single-threaded worker processes started here on 127.0.0.1 (``dask
scheduler``, ``dask worker --nthreads 1 --no-nanny``), stopped at the end; the cluster's start is
not timed, a LocalCluster's (``--executor dask`` without ``--scheduler``) is. The report also
says whether every configuration's outputs are byte-identical to ``-j 1``'s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus import build  # noqa: E402

BIN = Path(sys.executable).parent
CORES = os.cpu_count() or 1


def start_cluster(workers: int, home: Path) -> tuple[str, list[subprocess.Popen]]:
    """A scheduler and *workers* worker processes on 127.0.0.1; (address, processes)."""
    from distributed import Client

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    home.mkdir(parents=True, exist_ok=True)
    log = open(home / "dask.log", "wb")
    procs = [subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port",
                               str(port), "--no-dashboard"], cwd=home, stdout=log, stderr=log)]
    procs += [subprocess.Popen([str(BIN / "dask"), "worker", address, "--nthreads", "1", "--no-nanny",
                                "--no-dashboard", "--host", "127.0.0.1", "--local-directory",
                                str(home / f"w{n}")], cwd=home, stdout=log, stderr=log)
              for n in range(workers)]
    with Client(address, timeout=120) as client:
        client.wait_for_workers(workers, timeout=120)
    return address, procs


def stop(procs: list[subprocess.Popen]) -> None:
    for p in reversed(procs):
        p.terminate()
    for p in procs:
        try:
            p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def cpu_of(procs: list[subprocess.Popen]) -> float:
    """User + system CPU seconds the running processes *procs* have used so far."""
    import psutil

    return sum(sum(psutil.Process(p.pid).cpu_times()[:2]) for p in procs)


def timed(cmd: list[str], cluster: list[subprocess.Popen]) -> tuple[float, float]:
    """Run *cmd*; (wall seconds, CPU seconds of it, its descendants and the *cluster* processes).
    CPU time hardly depends on what else the machine runs: it shows each executor's overhead."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cluster_before = cpu_of(cluster)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed: {proc.stderr[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu + cpu_of(cluster) - cluster_before


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and p.name != "manifest.json"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=int, default=40, help="bulletins (default 40)")
    ap.add_argument("--to", default="all", help="formats (default all)")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each configuration; the fastest is kept")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results-dask.md")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="convert-dask-bench-"))
    rows = []
    load = os.getloadavg()[0]
    try:
        files = build(work / "corpus", args.corpus)
        folder = files[0].parent
        base = [str(BIN / "convert"), str(folder), "--to", args.to, "-q"]
        configs = [("local pool, `-j 1`", ["-j", "1"], 0),
                   (f"local pool, `-j {CORES}`", ["-j", str(CORES)], 0),
                   ("Dask, 1 worker (`--scheduler`)", ["--executor", "dask"], 1),
                   ("Dask, 2 workers (`--scheduler`)", ["--executor", "dask"], 2),
                   (f"Dask LocalCluster (`--executor dask -j {CORES}`, start included)",
                    ["--executor", "dask", "-j", str(CORES)], 0),
                   (f"local pool, `-j {CORES} --bag`", ["-j", str(CORES), "--bag"], 0)]
        reference = None
        for n, (label, extra, workers) in enumerate(configs):
            procs = []
            try:
                if workers:
                    address, procs = start_cluster(workers, work / f"cluster{n}")
                    extra = extra + ["--scheduler", address]
                runs = []
                for r in range(args.repeat):
                    out = work / f"out{n}-{r}"
                    runs.append(timed(base + ["-o", str(out)] + extra, procs[1:]))
                wall, cpu = min(runs)
            finally:
                stop(procs)
            got = outputs(out)
            reference = reference or got
            same = "yes" if got == reference else f"NO ({sum(got.get(k) != v for k, v in reference.items())} differ)"
            if "--bag" in extra:
                bags = [d for d in out.iterdir() if d.suffix == ".bag" and (d / "bagit.txt").is_file()]
                same += f"; {len(bags)} bags"
            rows.append((label, wall, args.corpus / wall, cpu / args.corpus, same))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    lines = [f"# Dask executor and --bag ({time.strftime('%Y-%m-%d')}, {CORES} cores, "
             f"Python {sys.version.split()[0]})", "",
             f"Corpus: {args.corpus} bulletins (bench/corpus.py), `--to {args.to}`; `bench/dask_bench.py`. "
             "Dask workers: single-threaded processes on this machine, the scheduler on 127.0.0.1. "
             f"Load average (1 min) when the runs began / ended: {load:.1f} / {os.getloadavg()[0]:.1f} "
             "(other work shares the cores: compare rows, not runs).", "",
             f"Fastest of {args.repeat} runs each; CPU s: user + system time of `convert`, its worker "
             "processes and the Dask workers, per bulletin.", "",
             "| executor | wall s | bulletins/s | CPU s per bulletin | outputs byte-identical to `-j 1` |",
             "| --- | --- | --- | --- | --- |"]
    lines += [f"| {label} | {wall:.1f} | {rate:.2f} | {cpu:.2f} | {same} |" for label, wall, rate, cpu, same in rows]
    lines.append("")
    report = "\n".join(lines)
    args.out.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
