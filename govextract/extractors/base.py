"""The one extractor shape and the context extractors share.

An extractor has a ``label`` (a plural key such as ``"doc_numbers"``, or a name of the user's own)
and ``extract(text, ctx)`` yielding records with raw offsets. Extractors run in order; each sees
the records of the ones before it in ``ctx.records``.

>>> from govextract.text import normalize
>>> class Shouting:
...     label = "shouts"
...     requires = ()
...     def extract(self, text, ctx, /):
...         return iter(["!"] * text.text.count("!"))
>>> ctx = Context()
>>> list(Shouting().extract(normalize("好!好!"), ctx))
['!', '!']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar, runtime_checkable

from govextract.text import NormText

R_co = TypeVar("R_co", covariant=True)


@dataclass
class Context:
    """What an extractor knows besides the text: the reference date and earlier records."""

    reference_date: dt.date | None = None
    records: dict[str, list[Any]] = field(default_factory=dict)

    def get(self, label: str) -> list[Any]:
        """The records an earlier extractor produced for ``label`` (empty if none ran)."""
        return self.records.get(label, [])


@runtime_checkable
class Extractor(Protocol[R_co]):
    """Finds one label's records in a normalized text."""

    label: str
    #: labels whose extractors must run before this one
    requires: tuple[str, ...]

    def extract(self, text: NormText, ctx: Context, /) -> Iterator[R_co]:
        """Yield records (with raw offsets) found in ``text``; never raise on any text.

        The pipeline then sets each record's ``document`` and ``section`` in place: yield new
        records, not ones kept elsewhere.
        """
        ...
