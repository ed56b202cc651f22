"""Records: the contract's field names, validation, the nested outline view."""

from __future__ import annotations

import pydantic
import pytest

from govextract import DocNumber, Document, Extraction, Section, check_offsets


def test_doc_number_fills_and_checks_normalized() -> None:
    n = DocNumber(start=0, end=3, text="abc", kind="order", issuer_code="国务院令", year=None, serial=5)
    assert n.normalized == "国务院令第5号"
    with pytest.raises(pydantic.ValidationError):
        DocNumber(
            start=0,
            end=3,
            text="abc",
            kind="bracketed",
            issuer_code="国发",
            year=2013,
            serial=1,
            normalized="国发〔2013〕2号",
        )


def test_span_length_checked() -> None:
    with pytest.raises(pydantic.ValidationError):
        DocNumber(start=0, end=5, text="abc", kind="order", issuer_code="国务院令", year=None, serial=5)


def test_unknown_keys_rejected_and_frozen() -> None:
    with pytest.raises(pydantic.ValidationError):
        Extraction.model_validate({"schema_version": 1, "doc_number": []})
    doc = Document(start=0, end=10, issuers=["国务院"])
    assert doc.issuer == "国务院"
    with pytest.raises(pydantic.ValidationError):
        doc.title = "x"  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError):
        Document(start=0, end=10, issuers=["国务院"], issuer="财政部")


def _section(marker: str, start: int, level: int, parent: int | None) -> Section:
    return Section(
        start=start,
        end=start + len(marker),
        text=marker,
        style="cn",
        marker=marker,
        number=1,
        level=level,
        title="",
        parent=parent,
    )


def test_tree() -> None:
    ex = Extraction(sections=[_section("一、", 0, 1, None), _section("（一）", 5, 2, 0), _section("二、", 9, 1, None)])
    roots = ex.tree()
    assert [r.index for r in roots] == [0, 2]
    assert [c.index for c in roots[0].children] == [1]


def test_check_offsets_reports_bad_slices() -> None:
    n = DocNumber(start=0, end=3, text="abc", kind="order", issuer_code="国务院令", year=None, serial=5)
    assert check_offsets(Extraction(doc_numbers=[n]), "abc") == []
    assert check_offsets(Extraction(doc_numbers=[n]), "abd") != []
