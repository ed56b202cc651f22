"""Properties over any text: no exception, every record's slice equals its text, bounded time."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govextract import check_offsets, extract, normalize
from tests.strategies import gov_like_text


@given(st.text())
def test_any_text_extracts(raw: str) -> None:
    result = extract(raw)
    assert check_offsets(result, raw) == []


@given(gov_like_text())
def test_gov_like_text_extracts(raw: str) -> None:
    result = extract(raw)
    assert check_offsets(result, raw) == []


@given(gov_like_text())
def test_normalized_map_is_consistent(raw: str) -> None:
    nt = normalize(raw)
    last_start = 0
    for i in range(len(nt.text)):
        s, e = nt.raw_span(i, i + 1)
        assert 0 <= s < e <= len(raw)
        assert s >= last_start
        last_start = s
    for a, b in nt.lines:
        assert "\n" not in nt.text[a:b]
        assert nt.raw_span(a, b)[0] <= nt.raw_span(a, b)[1]
    assert "\u200b" not in nt.text and "\u3000" not in nt.text
    assert not any("０" <= c <= "９" for c in nt.text)


@given(st.text(alphabet=st.sampled_from("\ud800\udfff\x00\x01国发〔2013〕10号\n"), max_size=60))
def test_surrogates_and_nul(raw: str) -> None:
    assert check_offsets(extract(raw), raw) == []


ADVERSARIAL = {
    "brackets": "〔" * 1_000_000,
    "digits": "1" * 1_000_000,
    "hao": "号" * 1_000_000,
    "nian": "年" * 1_000_000,
    "order": "令第" * 500_000,
    "years": "〔2013〕" * 160_000,
    "fullwidth": "２" * 1_000_000,
    "breaks": "国\n\n" * 330_000,
    "spaced-digits": "1 " * 500_000,
    "codes": "国发国发国发国发国发国发" * 80_000 + "〔2013〕1号",
    "markers": "（一）\n" * 250_000,
    "parens": "（" * 1_000_000,
    "commas": "、" * 1_000_000,
    "duties": "负责" * 500_000,
    "surrogates": "国发\ud800〔2013〕\udfff10号" * 60_000,
    "nul": "\x00年\x001号\x00" * 150_000,
    "scripts": "Ωж한グ🙂\u202e٣٤٥\u0301年" * 80_000,
    "clauses": "（公安部负责，教育部、民政部配合）" * 60_000,
    "goals": "到2020年，覆盖率达到90%以上、" * 60_000,
    "spaced": "不 少于１ ００名 公安 部 " * 80_000,
    "in-force": "本起施行有效期3年自印发之日起施行，" * 55_000,
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_input_finishes(name: str) -> None:
    # A loose bound only: benchmarks/scaling.py measures linearity.
    raw = ADVERSARIAL[name]
    t0 = time.perf_counter()
    result = extract(raw)
    assert time.perf_counter() - t0 < 60
    assert check_offsets(result, raw) == []
