"""Values do not move when PDF noise lands inside the tokens normalization sees through.

A short document with records of every label is built from parts; spaces, U+3000 and zero-width
spaces go inside its numbers, codes, names and titles, never next to markers, colons or 。, and ASCII
digits may turn full-width. Every label must give the same values, with offsets moved with the text.

Line breaks are not inserted here: in a text of several lines a break in the middle of a line
makes a short line, which ends a paragraph. Wraps at the line width are what the seeds hold, and
the doc-number properties put breaks inside numbers of single sentences.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from govextract import check_offsets, extract
from govextract.records import LABELS, Extraction
from tests.strategies import NUMBER_INSERTIONS, Token, apply_fullwidth_digits, perturb_tokens

DEPARTMENTS = ["公安部", "教育部", "民政部", "财政部", "国家发展改革委", "人力资源社会保障部", "商务部", "审计署"]
NAMES = NUMBERS = tuple(NUMBER_INSERTIONS)


@st.composite
def sentences(draw: Any) -> tuple[str, list[Token]]:
    """A short document-like text whose tokens are marked."""
    year = draw(st.integers(2011, 2030))
    value = draw(st.integers(10, 999))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    lead, support = draw(st.lists(st.sampled_from(DEPARTMENTS), min_size=2, max_size=2, unique=True))
    serial = draw(st.integers(1, 300))
    parts: list[tuple[str, tuple[str, ...] | None]] = [
        ("国务院关于加强", None),
        ("质量管理", NAMES),
        ("工作的通知\n国发〔", None),
        (f"{year}", NUMBERS),
        (f"〕{serial}号\n各省、自治区、直辖市人民政府：\n一、总体目标\n（一）到", None),
        (f"{year}年", NUMBERS),
        ("，产品质量合格率达到", None),
        (f"{value}%", NUMBERS),
        ("以上，新增", None),
        (f"{value}万元", NUMBERS),
        ("投资（", None),
        (lead, NAMES),
        ("负责，", None),
        (support, NAMES),
        ("配合）。\n（二）贯彻落实《", None),
        ("中华人民共和国产品质量法", NAMES),
        ("》，", None),
        (f"{month}月{day}日", NUMBERS),
        ("前报送进展情况。\n国务院\n", None),
        (f"{year}年{month}月{day}日", NUMBERS),
        ("\n", None),
    ]
    text = ""
    tokens: list[Token] = []
    for piece, insertions in parts:
        if insertions is not None:
            tokens.append(Token(len(text), len(text) + len(piece), insertions))
        text += piece
    return text, tokens


def values(result: Extraction) -> dict[str, list[Any]]:
    """Each label's records without offsets and with strings compared as the scorer does."""
    out: dict[str, list[Any]] = {}
    for label in LABELS:
        rows = []
        for r in result.records(label):
            data = r.model_dump(exclude={"start", "end", "text", "document", "section"})
            rows.append(_strip_spans(data))
        out[label] = rows
    return out


def _strip_spans(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _strip_spans(v) for k, v in data.items() if k not in ("start", "end", "text")}
    if isinstance(data, list):
        return [_strip_spans(v) for v in data]
    return data


@given(sentences(), st.data())
def test_values_hold_under_noise_inside_tokens(case: tuple[str, list[Token]], data: st.DataObject) -> None:
    text, tokens = case
    p = data.draw(perturb_tokens(text, tokens))
    noisy = apply_fullwidth_digits(p.text) if data.draw(st.booleans()) else p.text
    clean_result, noisy_result = extract(text), extract(noisy)
    assert check_offsets(noisy_result, noisy) == []
    assert values(noisy_result) == values(clean_result)
    moved = [(p.shift(r.start), p.shift_end(r.end)) for r in clean_result.mentions()]
    assert [(r.start, r.end) for r in noisy_result.mentions()] == moved


@given(sentences())
def test_the_text_has_records_of_every_label(case: tuple[str, list[Token]]) -> None:
    text, tokens = case
    result = extract(text)
    assert [label for label in LABELS if not result.records(label)] == []
    assert len(tokens) == 10
