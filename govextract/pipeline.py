"""extract(): normalizes once and runs the extractors in order, each seeing the records before it.

>>> from govextract.pipeline import Pipeline
>>> result = Pipeline.default().extract("依据国发〔2013〕10号")
>>> [n.normalized for n in result.doc_numbers]
['国发〔2013〕10号']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from time import perf_counter
from typing import Any

from govextract.extractors.base import Context, Extractor
from govextract.extractors.citations import CitationExtractor
from govextract.extractors.dates import DateExtractor
from govextract.extractors.doc_number import DocNumberExtractor
from govextract.extractors.documents import DocumentExtractor
from govextract.extractors.quantities import QuantityExtractor
from govextract.extractors.responsibilities import ResponsibilityExtractor
from govextract.extractors.sections import SectionExtractor
from govextract.extractors.targets import TargetExtractor
from govextract.linking import link as _link
from govextract.linking import resolve_overlaps as _resolve_overlaps
from govextract.records import LABELS, Extraction, Label
from govextract.text import collector_paused, normalize

#: labels whose mentions must not overlap: the longest, then leftmost, is kept (a table cell
#: quantity such as 20（80%用户） may hold another quantity, so quantities are not among them)
_NON_OVERLAPPING = frozenset({"doc_numbers", "dates", "sections"})


def _check_labels(labels: Iterable[str] | None) -> frozenset[str] | None:
    if labels is None:
        return None
    if isinstance(labels, str):
        labels = [labels]
    chosen = frozenset(labels)
    unknown = sorted(chosen - set(LABELS))
    if unknown:
        raise ValueError(f"unknown label(s) {', '.join(unknown)}; expected some of {', '.join(LABELS)}")
    return chosen


class Pipeline:
    """An ordered list of extractors.

    Build one from extractor instances to pass them data or to add an extractor of your own; any
    object with ``label``, ``requires`` and ``extract(text, ctx)`` fits. Records of a label outside
    the record contract are kept in the context (see :meth:`extract_with_context`).

    >>> from govextract.extractors import DocNumberExtractor
    >>> pipe = Pipeline([DocNumberExtractor(issuer_codes={"晋政办发": "山西省人民政府办公厅"})])
    >>> [n.issuer_code for n in pipe.extract("依据晋政办发〔2019〕3号").doc_numbers]
    ['晋政办发']
    """

    def __init__(self, extractors: Sequence[Extractor[Any]]) -> None:
        for ex in extractors:
            if not isinstance(ex, Extractor):
                raise TypeError(f"{ex!r} is not an extractor (needs label, requires and extract())")
        self.extractors: tuple[Extractor[Any], ...] = tuple(extractors)

    @classmethod
    def default(cls) -> Pipeline:
        """The pipeline :func:`govextract.extract` uses."""
        return cls(
            [
                DocNumberExtractor(),
                DocumentExtractor(),
                SectionExtractor(),
                CitationExtractor(),
                DateExtractor(),
                QuantityExtractor(),
                TargetExtractor(),
                ResponsibilityExtractor(),
            ]
        )

    def _needed(self, labels: frozenset[str] | None) -> list[Extractor[Any]]:
        if labels is None:
            return list(self.extractors)
        needed = set(labels)
        for ex in reversed(self.extractors):
            if ex.label in needed:
                needed.update(ex.requires)
        return [ex for ex in self.extractors if ex.label in needed]

    def extract_with_context(
        self,
        text: str,
        *,
        reference_date: dt.date | None = None,
        labels: Iterable[Label] | None = None,
        timings: dict[str, float] | None = None,
    ) -> tuple[Extraction, Context]:
        """Like :meth:`extract`, also returning the context with every extractor's records.

        ``timings``, when given, receives the seconds each stage took: ``normalize``, each
        extractor's label, ``link`` and ``collect`` (what ``benchmarks.scaling --stages`` reports).

        >>> seconds: dict[str, float] = {}
        >>> _ = Pipeline.default().extract_with_context("国发〔2013〕10号", timings=seconds)
        >>> list(seconds)[:2], list(seconds)[-2:]
        (['normalize', 'doc_numbers'], ['link', 'collect'])
        """
        if not isinstance(text, str):
            raise TypeError(f"extract() takes a str, not {type(text).__name__}")
        if reference_date is not None and not isinstance(reference_date, dt.date):
            raise TypeError("reference_date must be a datetime.date or None")
        chosen = _check_labels(labels)
        # Records hold no reference cycles: the cyclic collector would only rescan the growing
        # record lists (up to a sixth of the time on a 4 MB text), so it pauses while they are built.
        seconds = timings if timings is not None else {}
        with collector_paused():
            t0 = perf_counter()
            norm = normalize(text)
            seconds["normalize"] = (t1 := perf_counter()) - t0
            ctx = Context(reference_date=reference_date)
            for ex in self._needed(chosen):
                found = list(ex.extract(norm, ctx))
                if ex.label in _NON_OVERLAPPING:
                    found = _resolve_overlaps(ctx.get(ex.label) + found)
                else:
                    found = ctx.get(ex.label) + found
                ctx.records[ex.label] = found
                seconds[ex.label] = (t0 := perf_counter()) - t1
                t1 = t0
            _link(ctx.records, len(text))
            seconds["link"] = (t0 := perf_counter()) - t1
            fields: dict[str, Any] = {label: ctx.get(label) for label in LABELS if chosen is None or label in chosen}
            result = Extraction.model_validate(fields)
            seconds["collect"] = perf_counter() - t0
            return result, ctx

    def extract(
        self,
        text: str,
        *,
        reference_date: dt.date | None = None,
        labels: Iterable[Label] | None = None,
    ) -> Extraction:
        """Run the extractors over ``text`` and collect an :class:`Extraction`."""
        return self.extract_with_context(text, reference_date=reference_date, labels=labels)[0]


def run_one(extractor: Extractor[Any], raw: str, reference_date: dt.date | None = None) -> list[Any]:
    """Run the default pipeline with ``extractor`` in place of the built-in one of its label, up to
    that label, and return its records (with their document and section links).

    The ``run()`` method of every built-in extractor uses this, so an extractor given its own data
    sees the same upstream records as in :func:`extract`.
    """
    extractors = [extractor if ex.label == extractor.label else ex for ex in Pipeline.default().extractors]
    _, ctx = Pipeline(extractors).extract_with_context(
        raw,
        reference_date=reference_date,
        labels=[extractor.label],  # type: ignore[list-item]
    )
    return list(ctx.get(extractor.label))


_DEFAULT: Pipeline | None = None


def extract(
    text: str,
    *,
    reference_date: dt.date | None = None,
    labels: Iterable[Label] | None = None,
) -> Extraction:
    """Extract every record of the contract from ``text``.

    ``labels`` limits the result to some plural keys (their upstream extractors still run);
    ``reference_date`` resolves relative and yearless dates. ``TypeError`` for a non-``str``.

    >>> extract("国务院令第五八八号").doc_numbers[0].normalized
    '国务院令第588号'
    >>> extract("", labels=["doc_numbers"]).doc_numbers
    []
    """
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline.default()
    return _DEFAULT.extract(text, reference_date=reference_date, labels=labels)
