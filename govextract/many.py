"""Many texts at once: ordered results, optionally over several processes.

>>> from govextract import extract_many
>>> [len(r.doc_numbers) for r in extract_many(["国发〔2013〕10号", "无", "国办发〔2016〕64号和国发〔2013〕10号"])]
[1, 0, 2]
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TextIO

from govextract.pipeline import extract
from govextract.records import Extraction, Label

__all__ = ["extract_many"]

Progress = Callable[[int], None]


def _batch(texts: list[str], labels: list[Label] | None, reference_date: dt.date | None) -> list[Extraction]:
    return [extract(t, labels=labels, reference_date=reference_date) for t in texts]


def _stderr_progress(stream: TextIO) -> Progress:
    def show(done: int) -> None:
        stream.write(f"\rgovextract: {done} texts")
        stream.flush()

    return show


def extract_many(
    texts: Iterable[str],
    *,
    n_process: int = 1,
    batch_size: int = 16,
    labels: Iterable[Label] | None = None,
    reference_date: dt.date | None = None,
    progress: bool | Progress = False,
) -> Iterator[Extraction]:
    """:func:`govextract.extract` over ``texts``, yielding results in input order.

    ``n_process > 1`` spreads batches of ``batch_size`` texts over that many worker processes; at
    most ``2 * n_process`` batches are in flight, so an unbounded iterable streams in constant
    memory. ``progress=True`` writes a running count to stderr; a callable receives the count of
    texts done. A non-``str`` item raises ``TypeError`` (from the worker, for ``n_process > 1``).
    """
    if not isinstance(n_process, int) or n_process < 1:
        raise ValueError(f"n_process must be a positive int, not {n_process!r}")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, not {batch_size!r}")
    if isinstance(texts, str):
        raise TypeError("extract_many() takes an iterable of str, not one str (use extract())")
    chosen = list(labels) if labels is not None else None
    report: Progress | None = _stderr_progress(sys.stderr) if progress is True else progress or None
    return _run(iter(texts), n_process, batch_size, chosen, reference_date, report)


def _run(
    texts: Iterator[str],
    n_process: int,
    batch_size: int,
    labels: list[Label] | None,
    reference_date: dt.date | None,
    report: Progress | None,
) -> Iterator[Extraction]:
    done = 0
    if n_process == 1:
        for text in texts:
            yield extract(text, labels=labels, reference_date=reference_date)
            done += 1
            if report:
                report(done)
        return
    with ProcessPoolExecutor(max_workers=n_process) as pool:
        pending: deque[Future[list[Extraction]]] = deque()

        def submit() -> bool:
            batch = list(islice(texts, batch_size))
            if not batch:
                return False
            pending.append(pool.submit(_batch, batch, labels, reference_date))
            return True

        more = True
        while more and len(pending) < 2 * n_process:
            more = submit()
        while pending:
            results = pending.popleft().result()
            if more:
                more = submit()
            for result in results:
                yield result
                done += 1
                if report:
                    report(done)
