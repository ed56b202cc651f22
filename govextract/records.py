"""The typed records of the govextract record contract (schema_version 1).

Every record is a frozen pydantic model whose JSON field names are exactly the contract's.
Gold annotations and :func:`govextract.extract` output share these models, so one scorer
compares them.

>>> from govextract.records import DocNumber
>>> n = DocNumber(start=0, end=11, text="国发〔2013〕10号", kind="bracketed",
...               issuer_code="国发", year=2013, serial=10)
>>> n.normalized
'国发〔2013〕10号'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import suppress
from typing import Any, Literal, TypeVar, cast

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import SchemaValidator

SCHEMA_VERSION: Literal[1] = 1

Label = Literal[
    "doc_numbers",
    "dates",
    "quantities",
    "targets",
    "responsibilities",
    "sections",
    "documents",
    "citations",
]
#: The plural label keys, in the order of :class:`Extraction`'s fields.
LABELS: tuple[Label, ...] = (
    "doc_numbers",
    "dates",
    "quantities",
    "targets",
    "responsibilities",
    "sections",
    "documents",
    "citations",
)


class Record(BaseModel):
    """Base of every record: frozen, unknown keys rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    def __setstate__(self, state: dict[Any, Any]) -> None:
        """Unpickle (as :func:`govextract.extract_many`'s workers' records arrive), sharing the set
        of set fields as :func:`validated` does."""
        super().__setstate__(state)
        object.__setattr__(self, "__pydantic_fields_set__", shared_fields_set(self.__pydantic_fields_set__))


R = TypeVar("R", bound=Record)


def validated(cls: type[R], fields: dict[str, Any], /) -> R:
    """``cls(**fields)``, validated by pydantic, without the Python frame of ``BaseModel.__init__``.

    :func:`govextract.building.make` builds records directly and comes here when a check fails, so
    that pydantic raises its usual error.

    >>> validated(Span, {"start": 0, "end": 2, "text": "国发"}).text
    '国发'
    >>> validated(Span, {"start": 0, "end": 3, "text": "国发"})
    Traceback (most recent call last):
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Span
    ...
    """
    validator = cls.__dict__.get("__pydantic_validator__")
    # cls(**fields) when the class is not built yet (its first record) or a plugin wraps its validator
    record = cast(R, validator.validate_python(fields)) if isinstance(validator, SchemaValidator) else cls(**fields)
    object.__setattr__(record, "__pydantic_fields_set__", shared_fields_set(record.__pydantic_fields_set__))
    return record


#: One set object per distinct set of set fields (a record's ``model_fields_set``), shared by the
#: records that have it. Records are frozen, so pydantic never adds to a record's set in place
#: (``model_copy`` copies it first); sharing saves a set of 200 to 700 bytes per record.
_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
_MAX_FIELDS_SETS = 4096


def shared_fields_set(fields_set: set[str]) -> set[str]:
    """The shared set equal to ``fields_set`` (``fields_set`` itself once the table is full).

    >>> a = validated(Span, {"start": 0, "end": 2, "text": "国发"})
    >>> b = validated(Span, {"start": 3, "end": 5, "text": "国办"})
    >>> a.model_fields_set is b.model_fields_set, sorted(a.model_fields_set)
    (True, ['end', 'start', 'text'])
    """
    key = frozenset(fields_set)
    shared = _FIELDS_SETS.get(key)
    if shared is None:
        if len(_FIELDS_SETS) >= _MAX_FIELDS_SETS:
            return fields_set
        shared = _FIELDS_SETS[key] = set(key)
    return shared


class Span(Record):
    """A half-open span ``[start, end)`` of the raw input with its text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _check_span(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"end {self.end} < start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"text length {len(self.text)} != end - start {self.end - self.start}")
        return self


class Mention(Span):
    """Fields common to every mention record."""

    document: int | None = None
    section: int | None = None
    rule: str | None = None


# --------------------------------------------------------------------------- doc numbers

DocNumberKind = Literal["bracketed", "order"]


def format_doc_number(kind: DocNumberKind, issuer_code: str, year: int | None, serial: int) -> str:
    """The contract's normalized form of a document number.

    >>> format_doc_number("bracketed", "国发", 2013, 10)
    '国发〔2013〕10号'
    >>> format_doc_number("order", "国务院令", None, 588)
    '国务院令第588号'
    >>> format_doc_number("order", "国务院令", 2010, 588)
    '国务院令〔2010〕第588号'
    """
    if kind == "bracketed":
        return f"{issuer_code}〔{year}〕{serial}号"
    if year is None:
        return f"{issuer_code}第{serial}号"
    return f"{issuer_code}〔{year}〕第{serial}号"


class DocNumber(Mention):
    """A 发文字号 (``bracketed``) or a 令 number (``order``)."""

    label: Literal["doc_number"] = "doc_number"
    kind: DocNumberKind
    issuer_code: str
    year: int | None
    serial: int
    normalized: str = ""

    @model_validator(mode="before")
    @classmethod
    def _fill_normalized(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("normalized"):
            with suppress(KeyError, TypeError):
                data = {
                    **data,
                    "normalized": format_doc_number(
                        data["kind"], data["issuer_code"], data.get("year"), data["serial"]
                    ),
                }
        return data

    @model_validator(mode="after")
    def _check_normalized(self) -> DocNumber:
        if self.kind == "bracketed" and self.year is None:
            raise ValueError("a bracketed doc number has a year")
        expected = format_doc_number(self.kind, self.issuer_code, self.year, self.serial)
        if self.normalized != expected:
            raise ValueError(f"normalized {self.normalized!r} != {expected!r}")
        return self


# --------------------------------------------------------------------------- dates

DateKind = Literal["date", "month", "year", "range", "period", "deadline", "recurring", "relative"]


class DateMention(Mention):
    """A time expression resolved to an interval (bounds may be null)."""

    label: Literal["date"] = "date"
    kind: DateKind
    start_date: dt.date | None = None
    end_date: dt.date | None = None


# --------------------------------------------------------------------------- quantities, targets

Comparator = Literal["=", ">=", ">", "<=", "<", "~"]
Dimension = Literal[
    "money",
    "ratio",
    "count",
    "area",
    "volume",
    "mass",
    "energy",
    "power",
    "length",
    "data_rate",
    "duration",
    "other",
]


class Quantity(Mention):
    """A number with a unit."""

    label: Literal["quantity"] = "quantity"
    value: float
    value_max: float | None = None
    unit: str
    comparator: Comparator = "="
    base_value: float | None = None
    base_unit: str | None = None
    unit_normalized: str | None = None
    dimension: Dimension | None = None

    @property
    def value_normalized(self) -> float | None:
        """``base_value`` expressed in ``unit_normalized``, so that quantities of one normalized
        unit add up (800吨 and 5公斤 are both ``kg``: 800000 and 5); None where the unit is not in
        the catalogue or is a bare magnitude. Not a field of the record contract: computed on access.

        >>> from govextract import extract
        >>> [(q.unit_normalized, q.value_normalized) for q in extract("800吨、5公斤").quantities]
        [('kg', 800000.0), ('kg', 5.0)]
        """
        from govextract.extractors.quantities import normalized_value

        return normalized_value(self)


class Target(Mention):
    """A quantified goal: an indicator committed to a value."""

    label: Literal["target"] = "target"
    indicator: str
    quantity: Quantity
    year: int | None = None
    change: Literal["increase", "decrease", "level"] = "level"
    annual: bool = False
    baseline: Quantity | None = None
    origin: Literal["text", "table"] = "text"


# --------------------------------------------------------------------------- responsibilities


class Department(Span):
    """One department named in a responsibility clause."""

    name: str
    canonical: str | None = None
    department_id: str | None = None


class Responsibility(Mention):
    """Which departments lead and which support a task."""

    label: Literal["responsibility"] = "responsibility"
    lead: list[Department] = Field(default_factory=list)
    support: list[Department] = Field(default_factory=list)
    task: Span | None = None


# --------------------------------------------------------------------------- sections

SectionStyle = Literal[
    "cn",
    "paren_cn",
    "arabic",
    "paren_arabic",
    "circled",
    "part",
    "chapter",
    "section",
    "article",
    "box",
    "annex",
]


class Section(Mention):
    """An outline heading. ``parent`` indexes ``Extraction.sections``."""

    label: Literal["section"] = "section"
    style: SectionStyle
    marker: str
    number: int | None
    level: int = Field(ge=1)
    title: str
    parent: int | None = None


# --------------------------------------------------------------------------- documents, citations


class Document(Record):
    """One 公文 inside the input, with its metadata. Has no ``text`` field."""

    label: Literal["document"] = "document"
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    rule: str | None = None
    title: str | None = None
    doc_type: str | None = None
    issuers: list[str] = Field(default_factory=list)
    issuer: str | None = None
    doc_number: DocNumber | None = None
    recipients: list[str] = Field(default_factory=list)
    signed_date: dt.date | None = None
    attachments: list[str] = Field(default_factory=list)
    urgency: str | None = None
    classification: str | None = None
    copy_to: list[str] = Field(default_factory=list)
    effective_date: dt.date | None = None
    valid_until: dt.date | None = None
    public: str | None = None
    #: "first_listed" when the document declares that the first-listed department of a list leads
    #: (列第一位的为牵头部门，下同); its responsibility lists then read that way from the declaration on
    lead_convention: Literal["first_listed"] | None = None

    @model_validator(mode="before")
    @classmethod
    def _fill_issuer(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("issuer") is None and data.get("issuers"):
            data = {**data, "issuer": data["issuers"][0]}
        return data

    @model_validator(mode="after")
    def _check_document(self) -> Document:
        if self.end < self.start:
            raise ValueError(f"end {self.end} < start {self.start}")
        expected = self.issuers[0] if self.issuers else None
        if self.issuer != expected:
            raise ValueError(f"issuer {self.issuer!r} is not the first of issuers {self.issuers!r}")
        return self


class Citation(Mention):
    """A mention of another document by title and/or doc number."""

    label: Literal["citation"] = "citation"
    title: str | None = None
    doc_number: str | None = None


AnyMention = DocNumber | DateMention | Quantity | Target | Responsibility | Section | Citation


# --------------------------------------------------------------------------- the result


class SectionNode(BaseModel):
    """A node of the nested outline view built by :meth:`Extraction.tree`."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    index: int
    section: Section
    children: list[SectionNode] = Field(default_factory=list)


class Extraction(Record):
    """Everything found in one input, each list in document order."""

    schema_version: Literal[1] = SCHEMA_VERSION
    doc_numbers: list[DocNumber] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    responsibilities: list[Responsibility] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)

    def records(self, label: Label) -> Sequence[Record]:
        """The records of one label, by its plural key.

        >>> Extraction().records("dates")
        []
        """
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r}; expected one of {', '.join(LABELS)}")
        records: Sequence[Record] = getattr(self, label)
        return records

    def mentions(self) -> Iterator[Mention]:
        """Every mention record of every label, label by label."""
        for label in LABELS:
            if label != "documents":
                yield from getattr(self, label)

    def to_records(self, label: Label) -> list[dict[str, Any]]:
        """Flat dicts for one label, each with its document's title, number and date and its section
        path (see :mod:`govextract.tables`)."""
        from govextract.tables import to_records

        return to_records(self, label)

    def to_pandas(self, label: Label | None = None) -> Any:
        """A pandas DataFrame of :meth:`to_records` for ``label``, or a dict of them for every label.

        Raises ImportError with an install hint when pandas is missing.
        """
        from govextract.tables import to_pandas

        return to_pandas(self, label)

    def to_html(self, text: str) -> str:
        """``text`` with every mention highlighted by label, a legend, and tables of targets and
        responsibilities (see :mod:`govextract.display`)."""
        from govextract.display import render

        return render(text, self)

    def _repr_html_(self) -> str:
        from govextract.display import summary

        return summary(self)

    def tree(self) -> list[SectionNode]:
        """The outline as nested nodes (roots first), built from the ``parent`` indices.

        >>> def heading(marker, start, level, parent):
        ...     return Section(start=start, end=start + len(marker), text=marker, style="cn",
        ...                    marker=marker, number=1, level=level, title="", parent=parent)
        >>> ex = Extraction(sections=[heading("一、", 0, 1, None), heading("（一）", 5, 2, 0),
        ...                           heading("二、", 20, 1, None)])
        >>> [(n.section.marker, [c.section.marker for c in n.children]) for n in ex.tree()]
        [('一、', ['（一）']), ('二、', [])]
        """
        children: dict[int | None, list[int]] = {}
        for i, section in enumerate(self.sections):
            parent = section.parent
            if parent is not None and not 0 <= parent < len(self.sections):
                parent = None
            children.setdefault(parent, []).append(i)

        def build(i: int, seen: frozenset[int]) -> SectionNode:
            kids = [build(k, seen | {k}) for k in children.get(i, []) if k not in seen]
            return SectionNode(index=i, section=self.sections[i], children=kids)

        return [build(i, frozenset({i})) for i in children.get(None, [])]


def check_offsets(extraction: Extraction, raw: str) -> list[str]:
    """Problems with the offsets of ``extraction`` against ``raw`` (empty when all hold).

    Every mention (and every department and task span inside responsibilities, and every
    nested quantity) must satisfy ``raw[start:end] == text``; documents must lie inside ``raw``.

    >>> from govextract import extract
    >>> raw = "依据国发〔2013〕10号"
    >>> check_offsets(extract(raw), raw)
    []
    """
    problems: list[str] = []

    def check(kind: str, span: Span) -> None:
        if span.end > len(raw) or raw[span.start : span.end] != span.text:
            problems.append(f"{kind} [{span.start}:{span.end}] text {span.text!r} != raw slice")

    for mention in extraction.mentions():
        check(type(mention).__name__, mention)
        if isinstance(mention, Target):
            check("Target.quantity", mention.quantity)
            if mention.baseline is not None:
                check("Target.baseline", mention.baseline)
        if isinstance(mention, Responsibility):
            for dep in [*mention.lead, *mention.support]:
                check("Department", dep)
            if mention.task is not None:
                check("Responsibility.task", mention.task)
    for doc in extraction.documents:
        if doc.end > len(raw):
            problems.append(f"Document [{doc.start}:{doc.end}] beyond the input ({len(raw)})")
        if doc.doc_number is not None:
            check("Document.doc_number", doc.doc_number)
    return problems
