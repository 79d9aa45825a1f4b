"""Where the per-person work runs: in this process, in a local process pool, or on Dask."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from typing import Any, Literal

from analyzer.batch.person import PersonResult, PersonTask, run_person
from analyzer.errors import AltitudeError, ConfigError

__all__ = ["EXECUTORS", "ExecutorName", "default_jobs", "run_tasks"]

ExecutorName = Literal["local", "dask"]
EXECUTORS: tuple[ExecutorName, ...] = ("local", "dask")
_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def default_jobs() -> int:
    """The cores this process may use (its CPU affinity where the OS tells it)."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        return int(counter() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def run_tasks(
    tasks: Sequence[PersonTask],
    executor: ExecutorName = "local",
    jobs: int = 1,
    scheduler: str | None = None,
) -> Iterator[PersonResult]:
    """Run every task and yield each result as soon as it is ready (in any order).

    Args:
        tasks: the people to analyse.
        executor: ``"local"`` (a process pool when ``jobs > 1``, else this process) or
            ``"dask"`` (an existing Dask distributed cluster).
        jobs: worker processes for the local executor.
        scheduler: the Dask scheduler's address, e.g. ``tcp://10.0.0.5:8786``.

    Raises:
        ConfigError: Dask is requested but not installed, or no scheduler is given.
        AltitudeError: the Dask scheduler cannot be reached.
    """
    if executor == "dask":
        if not scheduler:
            raise ConfigError("--executor dask needs --scheduler ADDRESS")
        return _on_dask(tasks, scheduler)
    if jobs > 1 and len(tasks) > 1:
        return _in_pool(tasks, min(jobs, len(tasks)))
    return (run_person(task) for task in tasks)


@contextlib.contextmanager
def _single_threaded_children() -> Iterator[None]:
    """Workers started now use one BLAS/OpenMP thread: N workers x N threads thrash the cores."""
    saved = {name: os.environ.get(name) for name in _THREAD_VARIABLES}
    for name in _THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _in_pool(tasks: Sequence[PersonTask], workers: int) -> Iterator[PersonResult]:
    # spawn, not fork: the parent may run threads (a progress bar), and fork copies their locks.
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        with _single_threaded_children():  # workers are spawned by submit()
            futures: dict[Future[PersonResult], PersonTask] = {
                pool.submit(run_person, task): task for task in tasks
            }
        for future in as_completed(futures):
            yield _outcome(future, futures[future], "worker process")
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _on_dask(tasks: Sequence[PersonTask], scheduler: str) -> Iterator[PersonResult]:
    try:
        from distributed import Client
        from distributed import as_completed as dask_completed
    except ImportError:
        raise ConfigError("--executor dask needs Dask: pip install 'altitude[dask]'") from None
    try:
        client = Client(scheduler, timeout=20)  # type: ignore[no-untyped-call]
    except Exception as exc:  # OSError, TimeoutError, or a bad address (ValueError)
        raise AltitudeError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    return _dask_results(client, tasks, dask_completed)


def _dask_results(
    client: Any, tasks: Sequence[PersonTask], dask_completed: Any
) -> Iterator[PersonResult]:
    try:
        futures = {client.submit(run_person, task, pure=False): task for task in tasks}
        for future in dask_completed(list(futures)):
            yield _outcome(future, futures[future], "Dask worker")
    finally:
        client.close()


def _outcome(future: Any, task: PersonTask, where: str) -> PersonResult:
    """The future's result, or a failed (uncached) result when the worker itself failed."""
    try:
        result: PersonResult = future.result()
    except Exception as exc:
        return PersonResult(
            task.key, error=f"{where} failed ({type(exc).__name__})", cacheable=False
        )
    return result
