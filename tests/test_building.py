"""Records built by :func:`govextract.building.make` are the records pydantic's validator builds."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from pydantic import BaseModel, ValidationError

from govextract import building, extract
from govextract.building import make
from govextract.records import (
    Department,
    DocNumber,
    Document,
    Extraction,
    Quantity,
    Record,
    Responsibility,
    Section,
    Span,
    validated,
)
from tests.strategies import gov_like_text


def _revalidated(record: Record) -> Record:
    """The record pydantic builds from ``record``'s fields."""
    return type(record).model_validate(record.model_dump())


def _assert_valid(result: Extraction) -> None:
    for label in ("doc_numbers", "dates", "quantities", "targets", "responsibilities", "sections", "documents"):
        for record in getattr(result, label):
            again = _revalidated(record)
            # repr tells 3 from 3.0 and a date from a string: the types must be pydantic's too (JSON
            # would tell them too, but refuses the lone surrogates a text may hold)
            assert repr(again.model_dump()) == repr(record.model_dump()), record
            assert again == record


@pytest.mark.parametrize(
    ("cls", "fields"),
    [
        pytest.param(Span, {"start": 0, "end": 3, "text": "国发"}, id="text-shorter-than-span"),
        pytest.param(Span, {"start": 3, "end": 2, "text": ""}, id="end-before-start"),
        pytest.param(Span, {"start": -1, "end": 1, "text": "国发"}, id="negative-start"),
        pytest.param(Span, {"start": "zero", "end": 2, "text": "国发"}, id="start-not-int"),
        pytest.param(Span, {"start": 0, "end": 2, "text": "国发", "note": 1}, id="unknown-field"),
        pytest.param(Span, {"start": 0, "end": 2}, id="missing-text"),
        pytest.param(
            Section,
            {"start": 0, "end": 2, "text": "一、", "marker": "一、", "style": "cn", "number": 1, "level": 0},
            id="section-level-0",
        ),
        pytest.param(Document, {"start": 5, "end": 1}, id="document-end-before-start"),
    ],
)
def test_bad_fields_raise_pydantics_error(cls: type[Record], fields: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        make(cls, **fields)


def test_defaults_filled_and_factories_fresh() -> None:
    a = make(Responsibility, start=0, end=2, text="负责")
    b = make(Responsibility, start=0, end=2, text="负责")
    assert a.lead == [] and a.lead is not b.lead
    assert a.label == "responsibility" and a.task is None and a.document is None
    assert a.model_fields_set == {"start", "end", "text"}
    assert list(a.model_dump()) == list(Responsibility.model_fields)  # fields in the model's order
    assert a == validated(Responsibility, {"start": 0, "end": 2, "text": "负责"})


def test_nested_records_and_equality_with_validated() -> None:
    dep = make(Department, start=1, end=4, text="公安部", name="公安部", canonical="公安部", department_id="mps")
    r = make(Responsibility, start=0, end=6, text="（公安部负责", lead=[dep], rule="responsibility")
    v = validated(
        Responsibility, {"start": 0, "end": 6, "text": "（公安部负责", "lead": [dep], "rule": "responsibility"}
    )
    assert r == v and r.model_dump_json() == v.model_dump_json() and hash(dep) == hash(_revalidated(dep))
    with pytest.raises(ValidationError):
        r.start = 1  # type: ignore[misc]  # frozen as pydantic's


def test_classes_whose_validators_fill_fields_go_through_pydantic() -> None:
    n = make(
        DocNumber, start=0, end=11, text="国发〔2013〕10号", kind="bracketed", issuer_code="国发", year=2013, serial=10
    )
    assert n.normalized == "国发〔2013〕10号"
    d = make(Document, start=0, end=10, issuers=["国务院"])
    assert d.issuer == "国务院"


def test_slot_setters_and_their_fallback_set_the_same_state() -> None:
    # the slots' own setters where pydantic has them; object.__setattr__ by name otherwise
    assert building._slot_setter("__dict__") == vars(BaseModel)["__dict__"].__set__
    by_name = building._slot_setter("__not_a_slot__")
    r = make(Span, start=0, end=2, text="国发")
    by_name(r, 7)
    assert r.__dict__["__not_a_slot__"] == 7
    by_descriptor, by_lookup = object.__new__(Span), object.__new__(Span)
    for name, value in (("__dict__", {"start": 0, "end": 2, "text": "国发"}), ("__pydantic_extra__", None)):
        building._slot_setter(name)(by_descriptor, value)
        object.__setattr__(by_lookup, name, value)
    assert by_descriptor.__dict__ == by_lookup.__dict__ and by_descriptor.__pydantic_extra__ is None


def test_quantity_values_keep_their_type() -> None:
    q = make(Quantity, start=0, end=2, text="3个", value=3.0, unit="个")
    assert isinstance(q.value, float) and isinstance(q, BaseModel)


def test_corpus_records_revalidate(seeds: dict[str, str]) -> None:
    for raw in seeds.values():
        _assert_valid(extract(raw))


@given(gov_like_text())
def test_generated_records_revalidate(raw: str) -> None:
    _assert_valid(extract(raw))
