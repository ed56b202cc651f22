"""Document numbers: table tests, every doc number of the five seeds, data-file examples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govextract import DocNumberExtractor, extract_doc_numbers
from govextract.datafiles import doc_number_data, issuer_codes
from tests.conftest import seed_text
from tests.strategies import doc_number_cases, perturb_inside

CASES = [
    # text, (start, end, kind, issuer_code, year, serial)
    ("国发〔2013〕10号", (0, 11, "bracketed", "国发", 2013, 10)),
    ("按照国发〔2013〕18号文件要求", (2, 13, "bracketed", "国发", 2013, 18)),
    ("(国\n\n发〔2011〕26 号)", (1, 15, "bracketed", "国发", 2011, 26)),
    ("发改高技〔２０１４〕１７７０\n\n号", (0, 17, "bracketed", "发改高技", 2014, 1770)),
    ("国发[2013]10号", (0, 11, "bracketed", "国发", 2013, 10)),
    ("国发［2013］10号", (0, 11, "bracketed", "国发", 2013, 10)),
    ("国发(2013)10号", (0, 11, "bracketed", "国发", 2013, 10)),
    ("国发（2013）10号", (0, 11, "bracketed", "国发", 2013, 10)),
    ("国发【2013】10号", (0, 11, "bracketed", "国发", 2013, 10)),
    ("国发〔 2013 〕 10 号", (0, 15, "bracketed", "国发", 2013, 10)),
    ("鲁政办字〔二〇一八〕12号", (0, 13, "bracketed", "鲁政办字", 2018, 12)),
    ("印发工信部联规〔2021〕207号", (2, 17, "bracketed", "工信部联规", 2021, 207)),
    ("联防联控机制综发〔2022〕71号", (0, 17, "bracketed", "联防联控机制综发", 2022, 71)),
    ("根据晋政发〔2019〕3号", (2, 13, "bracketed", "晋政发", 2019, 3)),
    ("绵府\n\n办函．２０１６．１号", (0, 14, "bracketed", "绵府办函", 2016, 1)),
    ("国务院令第588号", (0, 9, "order", "国务院令", None, 588)),
    ("中华人民共和国国务院令第431号公布", (7, 16, "order", "国务院令", None, 431)),
    ("（人力资\n\n源和社会保障部令第２６号）", (1, 18, "order", "人力资源和社会保障部令", None, 26)),
    ("国务院令第五八八号", (0, 9, "order", "国务院令", None, 588)),
    ("四川省人民政府令〔2015〕第288号", (0, 19, "order", "四川省人民政府令", 2015, 288)),
    ("国务院第588号令", (0, 9, "order", "国务院令", None, 588)),
    # a date glued before the organ or code (a regulation's 题注) ends before it
    ("2011年1月8日国务院令第588号公布", (9, 18, "order", "国务院令", None, 588)),
    ("二〇一一年一月八日国务院令第五八八号公布", (9, 18, "order", "国务院令", None, 588)),
    ("2月1日日照市人民政府令第5号", (4, 15, "order", "日照市人民政府令", None, 5)),
    ("日照市人民政府令第5号", (0, 11, "order", "日照市人民政府令", None, 5)),
    ("2013年3月2日川办函〔2013〕10号", (9, 21, "bracketed", "川办函", 2013, 10)),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_doc_number(text: str, expected: tuple[int, int, str, str, int | None, int]) -> None:
    found = extract_doc_numbers(text)
    assert len(found) == 1
    n = found[0]
    assert (n.start, n.end, n.kind, n.issuer_code, n.year, n.serial) == expected
    assert n.text == text[n.start : n.end]


@pytest.mark.parametrize(
    "text",
    [
        "责令第三方限期整改",
        "第13号(总号393)2013年7月15日",
        "各市（州）、县（市、区）人民政府",
        "〔2013〕10号",
        "命令第1号",
        "国发〔1850〕10号",
        "2013年第5号公告",
    ],
)
def test_not_doc_number(text: str) -> None:
    assert extract_doc_numbers(text) == []


def test_two_in_one_sentence() -> None:
    found = extract_doc_numbers("国发〔2013〕18号和国办发〔2013〕2号")
    assert [n.normalized for n in found] == ["国发〔2013〕18号", "国办发〔2013〕2号"]
    assert [(n.start, n.end) for n in found] == [(0, 11), (12, 23)]


def test_data_file_examples() -> None:
    data = doc_number_data()
    assert data.examples and data.counterexamples
    for ex in data.examples:
        assert [n.normalized for n in extract_doc_numbers(ex.text)] == [ex.normalized], ex.text
    for cex in data.counterexamples:
        assert extract_doc_numbers(cex.text) == [], cex.text


def test_issuer_codes_file() -> None:
    codes = issuer_codes()
    assert codes["川办函"] == "四川省人民政府办公厅"
    assert all(len(code) >= 2 for code in codes)


def test_user_issuer_codes() -> None:
    # an unknown code after a word that is no boundary word: the known code fixes the edge
    text = "省政府鄂政发〔2019〕1号"
    assert extract_doc_numbers(text)[0].issuer_code == "省政府鄂政发"
    ex = DocNumberExtractor(issuer_codes={"鄂政发": "湖北省人民政府"})
    assert ex.run(text)[0].issuer_code == "鄂政发"


# --- every doc number of the five seeds (gold written by reading the seeds) -------------------

GOLD = [
    json.loads(line)
    for line in (Path(__file__).parent.parent / "data" / "seed_doc_numbers.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
]


def test_seed_gold_size() -> None:
    assert len(GOLD) == 90
    assert sum(g["kind"] == "order" for g in GOLD) == 1


@pytest.mark.parametrize("seed", sorted({g["seed"] for g in GOLD}))
def test_seed_doc_numbers(seed: str) -> None:
    raw = seed_text(seed)
    gold = [(g["start"], g["end"], g["issuer_code"], g["year"], g["serial"]) for g in GOLD if g["seed"] == seed]
    for g in GOLD:
        if g["seed"] == seed:
            assert raw[g["start"] : g["end"]] == g["text"]
    found = [(n.start, n.end, n.issuer_code, n.year, n.serial) for n in extract_doc_numbers(raw)]
    assert found == gold


# --- properties -------------------------------------------------------------------------------


@given(doc_number_cases())
def test_found_in_any_sentence(case) -> None:  # type: ignore[no-untyped-def]
    found = extract_doc_numbers(case.text)
    assert [(n.start, n.end, n.issuer_code, n.year, n.serial) for n in found] == [
        (case.start, case.end, case.issuer_code, case.year, case.serial)
    ]


@given(st.data())
def test_perturbation_keeps_values(data: st.DataObject) -> None:
    case = data.draw(doc_number_cases())
    p = data.draw(perturb_inside(case.text, case.start, case.end))
    found = extract_doc_numbers(p.text)
    assert [(n.issuer_code, n.year, n.serial) for n in found] == [(case.issuer_code, case.year, case.serial)]
    n = found[0]
    assert (n.start, n.end) == (p.shift(case.start), p.shift_end(case.end))
    assert p.text[n.start : n.end] == n.text
