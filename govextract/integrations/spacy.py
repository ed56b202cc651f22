"""A spaCy pipeline component: ``nlp.add_pipe("govextract")`` after ``pip install govextract[spacy]``.

The component runs :func:`govextract.extract` on ``doc.text`` and writes

* ``doc.spans["govextract"]``: every mention as a span labelled DOC_NUMBER, DATE, QUANTITY, TARGET,
  RESPONSIBILITY, DEPARTMENT (each department of a clause), SECTION, DOCUMENT or CITATION;
* ``doc.ents``: the non-overlapping ones (longest first), when ``set_ents`` is true;
* ``doc.user_data["govextract"]``: the records as plain data, so ``DocBin``, ``nlp.pipe(n_process=…)``
  and ``to_disk``/``spacy.load`` keep them;
* ``doc._.govextract``: the :class:`~govextract.records.Extraction` rebuilt from that data, and
  ``span._.record``: the record behind a span (None for spans of other components).

>>> import spacy
>>> nlp = spacy.blank("zh")
>>> _ = nlp.add_pipe("govextract")
>>> doc = nlp("根据国发〔2013〕10号文件，到2020年城镇化率达到60%（发展改革委负责）。")
>>> [(s.text, s.label_) for s in doc.spans["govextract"] if s.label_ in ("DOC_NUMBER", "DEPARTMENT")]
[('国发〔2013〕10号', 'DOC_NUMBER'), ('发展改革委', 'DEPARTMENT')]
>>> doc._.govextract.targets[0].quantity.value
60.0
>>> [s for s in doc.spans["govextract"] if s.label_ == "TARGET"][0]._.record.indicator
'城镇化率'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from govextract.pipeline import Pipeline
from govextract.records import LABELS, Extraction, Label, Record

__all__ = ["SPAN_KEY", "GovextractComponent", "load_pipeline", "make_component", "segmenter_words"]

#: the government-domain pkuseg model shipped in the package (trained by corpora/tools/train_segmenter.py)
PKUSEG_MODEL = Path(__file__).resolve().parents[1] / "data" / "pkuseg"
_SEGMENTERS = ("char", "pkuseg")

#: the key of ``doc.spans`` and ``doc.user_data`` the component writes
SPAN_KEY = "govextract"
#: span labels per record label
_SPAN_LABELS = {
    "doc_numbers": "DOC_NUMBER",
    "dates": "DATE",
    "quantities": "QUANTITY",
    "targets": "TARGET",
    "responsibilities": "RESPONSIBILITY",
    "sections": "SECTION",
    "documents": "DOCUMENT",
    "citations": "CITATION",
}
_ALIGNMENT = ("expand", "contract", "strict")


def _extraction(doc: Doc) -> Extraction | None:
    data = doc.user_data.get(SPAN_KEY)
    return None if data is None else Extraction.model_validate(data)


def _record(span: Span) -> Any:
    """The record behind a span of this component (by label and character span)."""
    index = span.doc.user_data.get(SPAN_KEY + ":index")
    if index is None:
        return None
    where = index.get(f"{span.label_}:{span.start_char}:{span.end_char}")
    if where is None:
        return None
    extraction = _extraction(span.doc)
    if extraction is None:
        return None
    label, i, j = where
    record: Record = extraction.records(label)[i]
    if j >= 0:  # a department of a responsibility: lead first, then support
        departments = [*record.lead, *record.support]  # type: ignore[attr-defined]
        return departments[j]
    return record


if not Doc.has_extension(SPAN_KEY):
    Doc.set_extension(SPAN_KEY, getter=_extraction)
if not Span.has_extension("record"):
    Span.set_extension("record", getter=_record)


class GovextractComponent:
    """Writes govextract's records onto a ``Doc`` (see the module docstring)."""

    def __init__(
        self,
        nlp: Language,
        name: str = "govextract",
        *,
        labels: Iterable[str] | None = None,
        alignment_mode: str = "expand",
        set_ents: bool = True,
        reference_date: str | None = None,
    ) -> None:
        names = list(labels) if labels else list(LABELS)
        unknown = [label for label in names if label not in LABELS]
        if unknown:
            raise ValueError(f"unknown label(s) {', '.join(unknown)}; expected some of {', '.join(LABELS)}")
        chosen: list[Label] = [label for label in LABELS if label in names]
        if alignment_mode not in _ALIGNMENT:
            raise ValueError(f"alignment_mode must be one of {', '.join(_ALIGNMENT)}, not {alignment_mode!r}")
        self.name = name
        self.labels = chosen
        self.alignment_mode = alignment_mode
        self.set_ents = set_ents
        self.reference_date = dt.date.fromisoformat(reference_date) if reference_date else None
        self._pipeline = Pipeline.default()

    def __call__(self, doc: Doc) -> Doc:
        """Extract from ``doc.text`` and write spans, entities and data onto ``doc``."""
        extraction = self._pipeline.extract(doc.text, reference_date=self.reference_date, labels=self.labels)
        spans: list[Span] = []
        index: dict[str, tuple[str, int, int]] = {}
        for label, i, j, start, end, span_label in self._mentions(extraction):
            span = doc.char_span(start, end, label=span_label, alignment_mode=self.alignment_mode)
            if span is None:
                continue  # strict alignment and no token boundary there
            spans.append(span)
            index.setdefault(f"{span_label}:{span.start_char}:{span.end_char}", (label, i, j))
        doc.spans[SPAN_KEY] = spans
        doc.user_data[SPAN_KEY] = extraction.model_dump(mode="json")
        doc.user_data[SPAN_KEY + ":index"] = index
        if self.set_ents:
            doc.ents = filter_spans([s for s in spans if s.label_ != "DOCUMENT"])
        return doc

    def _mentions(self, extraction: Extraction) -> Iterator[tuple[str, int, int, int, int, str]]:
        for label in self.labels:
            for i, record in enumerate(extraction.records(label)):
                start, end = getattr(record, "start", None), getattr(record, "end", None)
                if start is None or end is None or end <= start:
                    continue
                yield label, i, -1, start, end, _SPAN_LABELS[label]
                if label == "responsibilities":
                    for j, dep in enumerate([*record.lead, *record.support]):  # type: ignore[attr-defined]
                        yield label, i, j, dep.start, dep.end, "DEPARTMENT"

    # the component keeps no state of its own: saving and loading it is a no-op
    def to_disk(self, path: Any, *, exclude: Iterable[str] = ()) -> None:
        """Nothing to save: the component's settings live in the pipeline's config."""

    def from_disk(self, path: Any, *, exclude: Iterable[str] = ()) -> GovextractComponent:
        """Nothing to load."""
        return self


@Language.factory(
    "govextract",
    default_config={"labels": None, "alignment_mode": "expand", "set_ents": True, "reference_date": None},
)
def make_component(
    nlp: Language,
    name: str,
    labels: list[str] | None,
    alignment_mode: str,
    set_ents: bool,
    reference_date: str | None,
) -> GovextractComponent:
    """The ``govextract`` factory (registered under the ``spacy_factories`` entry point)."""
    return GovextractComponent(
        nlp, name, labels=labels, alignment_mode=alignment_mode, set_ents=set_ents, reference_date=reference_date
    )


def segmenter_words() -> list[str]:
    """The words the shipped segmenter keeps whole: gazetteer names, units and issuer codes."""
    return (PKUSEG_MODEL / "user_dict.txt").read_text(encoding="utf-8").split()


def load_pipeline(segmenter: str = "pkuseg", *, component: bool = True, **config: Any) -> Language:
    """A blank Chinese spaCy pipeline with the chosen word segmenter and the govextract component.

    ``segmenter="pkuseg"`` uses the government-domain model shipped in the package (nothing is
    downloaded), with the gazetteer names, units and issuer codes as its user dictionary;
    ``"char"`` is spaCy's default one-token-per-character segmentation. ``config`` goes to the
    component (``labels``, ``alignment_mode``, ``set_ents``, ``reference_date``); with
    ``component=False`` the pipeline only segments.

    >>> nlp = load_pipeline("pkuseg", labels=["doc_numbers"])
    >>> [t.text for t in nlp("国家发展改革委牵头")]
    ['国家发展改革委', '牵头']
    """
    if segmenter not in _SEGMENTERS:
        raise ValueError(f"segmenter must be one of {', '.join(_SEGMENTERS)}, not {segmenter!r}")
    if segmenter == "pkuseg":
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
        nlp.tokenizer.initialize(  # type: ignore[union-attr]
            pkuseg_model=str(PKUSEG_MODEL), pkuseg_user_dict=str(PKUSEG_MODEL / "user_dict.txt")
        )
    else:
        nlp = spacy.blank("zh")
    if component:
        nlp.add_pipe("govextract", config=config)
    return nlp
