"""Executors other than the local process pool: :class:`DaskExecutor` runs the per-input task
(:func:`convert.batch.convert_one`, the same task as ``-j N``) on a Dask distributed cluster.

It fits :data:`convert.batch.Executor`: ``executor(task, items)`` yields the results in the order
of *items*, so :func:`convert.batch.run_batch` merges, reports and writes the manifest exactly as
it does for the local pool. Inputs and outputs are paths on a filesystem every worker mounts at
the same path; only paths, options and :class:`~convert.batch.Result` records travel over the
network.

May touch: the network (the scheduler given with ``--scheduler``, or a LocalCluster it starts on
127.0.0.1), the output folder (the workspaces a worker that died left, as
:mod:`convert.outdir` allows, see :meth:`DaskExecutor.__call__`). ``distributed`` is imported only when an executor is opened.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from pathlib import Path
from typing import Callable, Iterator

from convert import __version__
from convert.errors import ConvertError

#: Seconds the handshake with a scheduler may take as a whole (TCP connection, Dask's handshake,
#: a first request), and the wait for it to have a worker; ``None``: Dask's setting
#: ``distributed.comm.timeouts.connect`` (30 s unless configured, e.g. with
#: ``DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT=10s``).
CONNECT_TIMEOUT: float | None = None
#: Times Dask runs a task again after it raised an exception (a worker that dies is handled by
#: the scheduler: its tasks go to other workers, up to ``distributed.scheduler.allowed-failures``
#: deaths, default 3, before the task fails with ``KilledWorker``).
RETRIES = 2

#: One conversion at a time in a worker process: the writers (ReportLab, pikepdf) are not made
#: for threads, so a worker started with several threads still converts one input at a time.
_ONE_AT_A_TIME = threading.Lock()


class DaskError(ConvertError):
    """The Dask cluster cannot be used: no scheduler at the address, no worker, another version
    of convert on a worker."""


def _worker_version() -> str:
    return __version__


def run_task(item: tuple, cwd: str) -> "Result":  # noqa: F821 (Result: convert.batch)
    """Run the batch task for *item* ``(input, Settings, output folder, output name)`` on a Dask
    worker (the tuple :func:`convert.batch.run_batch` gives the local pool).

    Relative paths are taken relative to *cwd*, the client's working folder (the worker's own may
    be anywhere); the :class:`~convert.batch.Result` names the input and outputs as the client
    gave them, so that the manifest and the messages are those of a local run.
    """
    from convert.batch import Result, _warm_up, convert_one

    src, settings, outdir, name = item
    here = Path(cwd)
    abs_src, abs_out = here / src, here / outdir  # an absolute path stays as it is
    if not abs_out.is_dir():
        return Result(str(src), errors=[
            f"{outdir}: the output folder is not there on Dask worker {socket.gethostname()} "
            f"(as {abs_out}): inputs and outputs must be on a filesystem every worker mounts "
            "at the same path"])
    with _ONE_AT_A_TIME:
        _warm_up(settings)
        result = convert_one(abs_src, settings, abs_out, name)
    return _as_given(result, str(abs_src), str(src), str(abs_out), str(outdir))


def _as_given(result, abs_src: str, src: str, abs_out: str, outdir: str):
    """*result* with the absolute paths the worker used replaced by the paths as given."""
    if abs_src == src and abs_out == outdir:
        return result

    def fix(text: str) -> str:
        return text.replace(abs_src, src)

    result.input = fix(result.input)
    result.errors = [fix(e) for e in result.errors]
    result.warnings = [fix(w) for w in result.warnings]
    for o in result.outputs:
        if o.path.startswith(abs_out + os.sep):
            o.path = str(Path(outdir) / o.path[len(abs_out) + 1:])
        o.verdicts = [v.replace(abs_out + os.sep, str(Path(outdir)) + os.sep) for v in o.verdicts]
    return result


def _task_key(n: int, item: tuple) -> str:
    """A readable, unique key for the dashboard and the scheduler's log: ``convert-3-issue``."""
    import uuid

    return f"convert-{n}-{Path(item[0]).name}-{uuid.uuid4().hex[:8]}"


def connect_timeout() -> float:
    """Seconds a scheduler has to answer: :data:`CONNECT_TIMEOUT` when set, else Dask's
    ``distributed.comm.timeouts.connect``."""
    if CONNECT_TIMEOUT is not None:
        return float(CONNECT_TIMEOUT)
    import dask
    import distributed  # noqa: F401 (registers its configuration's defaults)
    from dask.utils import parse_timedelta

    return float(parse_timedelta(dask.config.get("distributed.comm.timeouts.connect"), default="seconds"))


def probe_scheduler(address: str, timeout: float) -> None:
    """Check that a Dask scheduler answers at *address*: the TCP connection, Dask's handshake and
    one request (``identity``), all within *timeout* seconds together. Raises :class:`DaskError`,
    one line, when nothing listens there, when what listens stays silent (a wrong port on a busy
    host, a firewall that holds connections: Dask's own client then waits for ever) or answers
    something other than a Dask scheduler (Dask's client then fails on the bytes it reads, or
    allocates what they announce). Sends nothing but Dask's handshake and the request."""
    import asyncio

    from distributed.comm import connect

    async def ask():
        comm = await connect(address, timeout=timeout)
        try:
            await comm.write({"op": "identity", "reply": True})
            return await comm.read()
        finally:
            comm.abort()

    where = f"cannot reach the Dask scheduler at {address}"
    try:
        reply = asyncio.run(asyncio.wait_for(ask(), timeout))
    except (asyncio.TimeoutError, TimeoutError):
        raise DaskError(f"{where}: no answer within {timeout:g} s (distributed.comm.timeouts.connect)") from None
    except OSError as err:
        raise DaskError(f"{where}: {err}") from None
    except (ValueError, TypeError) as err:  # an address Dask cannot parse
        raise DaskError(f"{where}: {err}") from None
    except Exception:  # noqa: BLE001 (whatever the bytes made Dask's reader raise: MemoryError, …)
        raise DaskError(f"{where}: what answers there does not speak Dask's protocol") from None
    if not isinstance(reply, dict) or reply.get("type") != "Scheduler":
        raise DaskError(f"{where}: what answers there is not a Dask scheduler")


class DaskExecutor:
    """Runs work units on a Dask distributed cluster (``--executor dask``).

    *scheduler*: the address of a running scheduler (``tcp://HOST:8786``), or ``None`` to start a
    ``LocalCluster`` of *workers* single-threaded worker processes on this machine. Use as a
    context manager; :attr:`slots` is then the number of workers (for
    :func:`convert.batch.work_units`). Raises :class:`DaskError` when the scheduler does not
    answer within :func:`connect_timeout` seconds (:func:`probe_scheduler`), has no worker, or a
    worker runs another version of convert.

    Failures are those of a local run: a task that raised is retried :data:`RETRIES` times, then
    reported as a failure of its input; the task of a worker that died goes to another worker
    (every output is written in a workspace and renamed into place, so a dead worker leaves
    no partial output under a final name, and the workspace it leaves is removed when the batch
    ends, if it died on this machine).
    """

    def __init__(self, scheduler: str | None = None, workers: int = 1):
        self.scheduler = scheduler
        self.workers = max(workers, 1)
        self.client = None
        self.cluster = None
        self.slots = 0
        self._futures: list = []

    def __enter__(self) -> "DaskExecutor":
        from distributed import Client, LocalCluster

        _quiet_logs()
        timeout = connect_timeout()
        if self.scheduler:
            probe_scheduler(self.scheduler, timeout)
        try:
            if self.scheduler:
                self.client = Client(self.scheduler, timeout=timeout, set_as_default=False)
            else:
                self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                            processes=True, host="127.0.0.1",
                                            dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as err:
            self.__exit__(None, None, None)
            where = self.scheduler or "a LocalCluster"
            raise DaskError(f"cannot reach the Dask scheduler at {where}: {err}") from None
        try:
            self.client.wait_for_workers(1, timeout=timeout)
            versions = self.client.run(_worker_version)
        except (OSError, TimeoutError) as err:
            self.__exit__(None, None, None)
            raise DaskError(f"the Dask scheduler at {self.scheduler} has no worker "
                            f"after {timeout:g} s ({err})") from None
        other = {w: v for w, v in versions.items() if v != __version__}
        if other:
            self.__exit__(None, None, None)
            w, v = next(iter(other.items()))
            raise DaskError(f"Dask worker {w} runs convert {v}, this client {__version__}: "
                            "install the same version on every worker")
        self.slots = len(versions)
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None and self._futures:
            try:
                self.client.cancel(self._futures, force=True)
            except Exception:  # the cluster may be gone already: nothing left to cancel
                pass
        self._futures = []
        for closing in (self.client, self.cluster):
            if closing is not None:
                try:
                    closing.close()
                except Exception:
                    pass
        self.client = self.cluster = None

    def __call__(self, task: Callable, items: list[tuple]) -> Iterator:
        """Submit one Dask task per item and yield their :class:`~convert.batch.Result` s in the
        order of *items*, each as soon as it and those before it are done (the progress bar
        follows the futures). *task* is the local pool's task; on Dask :func:`run_task` runs the
        same :func:`~convert.batch.convert_one` with the client's working folder."""
        from distributed import KilledWorker

        from convert.batch import Result

        cwd = os.getcwd()
        futures = [self.client.submit(run_task, item, cwd, key=_task_key(n, item), pure=False,
                                      retries=RETRIES) for n, item in enumerate(items)]
        self._futures = futures
        try:
            for n, (item, future) in enumerate(zip(items, futures)):
                result = self._gather(item, future, Result, KilledWorker)
                future.release()
                if n == len(items) - 1:  # every task has ended: what dead workers left can go
                    remove_stale_partials(items)
                yield result
        finally:
            self._futures = []

    @staticmethod
    def _gather(item: tuple, future, Result, KilledWorker):
        """The task's result, or a failed :class:`~convert.batch.Result` naming the input."""
        src = item[0]
        try:
            return future.result()
        except KilledWorker as err:
            last = getattr(getattr(err, "last_worker", None), "address", "?")
            return Result(str(src), errors=[
                f"{src}: the Dask workers converting it died each time (the last: {last}): "
                "a crash or a memory limit; try it alone with -j 1"])
        except Exception as err:  # the task raised on every try: one line, as locally
            return Result(str(src), errors=[
                f"{src}: internal error on a Dask worker: {type(err).__name__}: {err}"])


def remove_stale_partials(items: list[tuple]) -> list[Path]:
    """Remove the workspaces that workers killed while writing left in the output folders of
    *items*, when their death is proven on this machine
    (:func:`convert.outdir.remove_stale_workspaces`: the owner's lock is free and its record
    names this host and boot; a worker on another machine leaves its workspace to a later run
    there). Called when every task of the batch has ended; returns the paths removed."""
    from convert.batch import remove_stale_temporaries

    removed = []
    for outdir in dict.fromkeys(Path(item[2]) for item in items):
        removed += remove_stale_temporaries(outdir)
    return removed


def _quiet_logs() -> None:
    """Dask's client logs reconnections and lost workers at INFO/WARNING on stderr; the command
    reports failures itself, one line each, so only Dask's errors are shown."""
    for name in ("distributed", "distributed.client", "distributed.worker", "distributed.scheduler"):
        logging.getLogger(name).setLevel(logging.ERROR)
