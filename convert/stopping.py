"""Stop signals and time limits: how a run (and each of its worker processes) stops.

- SIGINT (Ctrl-C) and SIGTERM (a service manager's stop) stop a run. The first one is recorded
  (:func:`request_stop`) and raised as :class:`convert.errors.Interrupted`, so that ``finally``
  clauses remove temporaries on the way out; later ones are ignored while the run stops.
- A terminal's Ctrl-C reaches the whole process group at once, and the parent then sends SIGTERM
  to its workers: two signals may be pending in one process at the same moment. Setting a
  signal's disposition to ``SIG_IGN`` from inside the first handler leaves the second one
  "tripped" with no Python handler, and CPython then prints ``OSError: Signal 15 ignored due to
  race condition`` with a traceback (issue #24, case 1). The handlers here therefore stay
  installed and *latch*: after the first signal they return without doing anything.
- ``--timeout SECONDS`` (:func:`deadline`) stops one input's conversion with
  :class:`InputTimeout` once its time is up.

May touch: this process's signal dispositions, signal mask and interval timer; nothing on disk.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Callable, Iterator

from convert.errors import Interrupted

#: Signals that stop a run: Ctrl-C and a service manager's stop.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)

#: The stop signal this process received (0: none), set by the stop handlers before they raise
#: :class:`Interrupted`: a library that catches every exception (a bare ``except:``) may swallow
#: the exception, but not this record, which :func:`check_stop` and the installer read.
_STOP = 0


def request_stop(signum: int) -> None:
    """Record that stop signal *signum* arrived (the first one counts); 0 clears the record
    (a new run in the same process, :func:`convert.cli.main`)."""
    global _STOP
    _STOP = (_STOP or int(signum)) if signum else 0


def stopped_by() -> int:
    """The stop signal recorded in this process (:func:`request_stop`), or 0 if none arrived."""
    return _STOP


def check_stop() -> None:
    """Raise :class:`Interrupted` if a stop signal arrived in this process: called between
    outputs and between inputs, so a run stops even if the handler's exception was swallowed."""
    if _STOP:
        raise Interrupted(_STOP)


def pending_stop() -> int:
    """The stop signal that has arrived but not yet been handled (blocked, or its handler not
    yet run), else the recorded one (:func:`stopped_by`), else 0. Call with the stop signals
    blocked (:func:`signals_deferred`) to decide something that must not race with a stop."""
    pending = signal.sigpending() & set(STOP_SIGNALS)
    return _STOP or (int(min(pending)) if pending else 0)


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Block the stop signals within (a signal that comes meanwhile is delivered at the end):
    for steps that must not be cut in two, such as a rename into place, writing the manifest or
    starting workers (which inherit the mask, and unblock once their own handlers are set)."""
    old = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def import_deferred(name: str):
    """Import module *name* with the stop signals deferred (:func:`signals_deferred`) and return
    it. For extension modules that build their types in native code on first import (pikepdf's
    nanobind enums): a stop signal whose handler raises in there makes the binding print a
    "Critical nanobind error" traceback; deferred, it comes after the import and stops the run
    as anywhere else. Later imports are cached and cost nothing."""
    import importlib

    with signals_deferred():
        return importlib.import_module(name)


def latching_handler(first: Callable[[int], None]) -> Callable:
    """A signal handler for :data:`STOP_SIGNALS` that calls ``first(signum)`` for the first
    stop signal this process takes (which records it and normally raises) and ignores every later
    one by returning. It stays installed: see the module docstring for why ``SIG_IGN`` is not
    used instead."""

    def handler(signum, frame):
        if _TAKEN.is_set():
            return
        _TAKEN.set()
        request_stop(signum)
        first(signum)

    return handler


#: Set once this process has taken its first stop signal (:func:`latching_handler`).
_TAKEN = threading.Event()


def reset_latch() -> None:
    """Forget that a stop signal was taken (a new run in the same process, and a fresh worker)."""
    _TAKEN.clear()
    request_stop(0)


def _unraisable(hook_args) -> None:
    """``sys.unraisablehook`` while a run takes stop signals: CPython runs a signal handler at
    whatever Python code comes next, which may be a weakref callback or a ``__del__`` (one of
    importlib's module locks was seen), where an exception cannot propagate: CPython would
    print it as "Exception ignored" with a traceback and drop it. The stop is recorded already;
    the latch is opened again and the signal delivered anew a moment later
    (``_thread.interrupt_main`` from a timer thread), so the handler raises once more at an
    ordinary step. Any other unraisable exception goes to
    the hook that was there before."""
    if isinstance(hook_args.exc_value, Interrupted) and _STOP:
        # from another thread, a moment later, and only once this hook has returned: delivered
        # here and now, the handler would run again at once, inside this hook (unraisable again).
        # The latch stays closed until then (a signal meanwhile is taken already), so starting
        # the timer (which waits for its thread) cannot run the handler here either.
        _IN_HOOK.set()
        try:
            again = threading.Timer(0.005, _redeliver)
            again.daemon = True
            again.start()
        finally:
            _IN_HOOK.clear()
        return
    _PREVIOUS_HOOK(hook_args)


#: Set while :func:`_unraisable` runs: the stop is delivered again only after it returned.
_IN_HOOK = threading.Event()


def _redeliver() -> None:
    """The timer thread's part of :func:`_unraisable`: wait for the hook to return (a few
    milliseconds at most), open the latch and deliver the stop anew to the main thread."""
    import _thread
    import time

    for _ in range(1000):
        if not _IN_HOOK.is_set():
            break
        time.sleep(0.001)
    _TAKEN.clear()
    _thread.interrupt_main(_STOP)


_PREVIOUS_HOOK = sys.unraisablehook


def guard_unraisable() -> None:
    """Install :func:`_unraisable` as ``sys.unraisablehook`` (once; by the command and by each
    worker process when they set their stop handlers)."""
    global _PREVIOUS_HOOK
    if sys.unraisablehook is not _unraisable:
        _PREVIOUS_HOOK = sys.unraisablehook
        sys.unraisablehook = _unraisable


# ---------------------------------------------------------------------------------- --timeout


class InputTimeout(BaseException):
    """One input's conversion ran past ``--timeout``. A :class:`BaseException`, as
    :class:`Interrupted` is, so that no ``except Exception`` in a library swallows it."""


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`InputTimeout` in this thread once *seconds* (wall time) have passed within
    the block; ``None`` or 0: no limit.

    In the main thread a real-time interval timer (``setitimer``, SIGALRM) is used: it also
    interrupts a wait (a validator's subprocess). Elsewhere (a Dask worker's thread) a watchdog
    thread raises the exception asynchronously (``PyThreadState_SetAsyncExc``). Either way the
    exception comes between two Python bytecodes: a single call into a C library (a schema
    check in libxml2) ends first."""
    if not seconds:
        yield
        return
    if threading.current_thread() is threading.main_thread():
        def alarm(signum, frame):
            raise InputTimeout()

        previous = signal.signal(signal.SIGALRM, alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    target = threading.get_ident()
    done = threading.Event()

    import ctypes

    def watchdog():
        if not done.wait(seconds):
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(InputTimeout))

    guard = threading.Thread(target=watchdog, daemon=True, name="convert-timeout")
    guard.start()
    try:
        yield
    finally:
        done.set()
        guard.join()


def exit_status(signum: int) -> int:
    """The exit status of a process stopped by *signum*, as a shell reports it: 128 + signum."""
    return 128 + int(signum)


def hard_exit(signum: int) -> None:
    """Leave this process at once with :func:`exit_status` (a worker that is not converting)."""
    os._exit(exit_status(signum))
