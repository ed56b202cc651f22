"""Extraction over a Dask bag or DataFrame of texts, returning flat records (``pip install dask``).

Each partition runs :func:`govextract.extract` on its texts in the worker that holds it and returns
the rows of :func:`govextract.tables.to_records` for one label, each tagged with the key of its
text, so a corpus larger than one machine's memory becomes a Dask DataFrame of targets or
responsibilities.

>>> import dask.bag as db
>>> from govextract.integrations.dask import extract_bag
>>> bag = db.from_sequence([("a", "国发〔2013〕10号"), ("b", "无"), ("c", "国办发〔2016〕64号")], npartitions=2)
>>> sorted((r["key"], r["normalized"]) for r in extract_bag(bag, "doc_numbers").compute())
[('a', '国发〔2013〕10号'), ('c', '国办发〔2016〕64号')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import dask.bag as db
import dask.dataframe as dd
import pandas as pd  # type: ignore[import-untyped]
from dask.delayed import delayed

from govextract.pipeline import extract
from govextract.records import LABELS, Label
from govextract.tables import columns, to_records

__all__ = ["extract_bag", "extract_dataframe"]


def _rows(key: Any, text: str, label: Label, reference_date: dt.date | None) -> list[dict[str, Any]]:
    result = extract(text, labels=[label], reference_date=reference_date)
    return [{"key": key, **row} for row in to_records(result, label)]


def _check(label: str) -> Label:
    if label not in LABELS:
        raise ValueError(f"unknown label {label!r}; expected one of {', '.join(LABELS)}")
    chosen: Label = label
    return chosen


def extract_bag(bag: db.Bag, label: str, *, reference_date: dt.date | None = None) -> db.Bag:
    """A bag of flat record dicts of ``label`` from a bag of texts or of ``(key, text)`` pairs.

    A plain text's key is its position in its partition as ``(partition, i)``.
    """
    chosen = _check(label)

    def partition(items: Iterable[Any], number: int) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for i, item in enumerate(items):
            key, text = item if isinstance(item, tuple) else ((number, i), item)
            out.extend(_rows(key, text, chosen, reference_date))
        return out

    parts = [delayed(partition)(part, n) for n, part in enumerate(bag.to_delayed())]  # type: ignore[no-untyped-call]
    out: db.Bag = db.from_delayed(parts)  # type: ignore[no-untyped-call]
    return out


def extract_dataframe(
    frame: dd.DataFrame, label: str, *, text_column: str = "text", reference_date: dt.date | None = None
) -> dd.DataFrame:
    """A Dask DataFrame of the flat records of ``label`` found in ``frame[text_column]``.

    The ``key`` column holds the index value of each record's source row.
    """
    chosen = _check(label)
    names = ["key", *columns(chosen)]
    meta = pd.DataFrame({name: pd.Series(dtype=object) for name in names})

    def partition(texts: pd.Series) -> pd.DataFrame:
        rows: list[dict[str, Any]] = []
        for key, text in texts.items():
            rows.extend(_rows(key, text, chosen, reference_date))
        return pd.DataFrame(rows, columns=names).astype(object)

    out: dd.DataFrame = frame[text_column].map_partitions(partition, meta=meta)
    return out
