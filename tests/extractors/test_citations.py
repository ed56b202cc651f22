"""Citations: titles, numbers, both, OCR'd opening quotes, and what is no citation."""

from __future__ import annotations

import pytest

from govextract.extractors.citations import extract_citations
from tests.conftest import seed_text


def cites(raw: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.text, c.title, c.doc_number) for c in extract_citations(raw)]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(
            "依据《中华人民共和国计量法》开展工作。",
            [("《中华人民共和国计量法》", "中华人民共和国计量法", None)],
            id="title",
        ),
        pytest.param(
            "根据《国务院关于加强工作的通知》（国发〔2013〕10号）要求。",
            [("《国务院关于加强工作的通知》（国发〔2013〕10号", "国务院关于加强工作的通知", "国发〔2013〕10号")],
            id="title-and-number",
        ),
        pytest.param(
            "严格按照国发〔2017〕48号文件执行。", [("国发〔2017〕48号", None, "国发〔2017〕48号")], id="number"
        ),
        pytest.param(
            "根据“国务院关于印发“十二五”节能减排综合性工作方案的通知》(国\n\n发〔2011〕26 号)精神",
            [
                (
                    "“国务院关于印发“十二五”节能减排综合性工作方案的通知》(国\n\n发〔2011〕26 号",
                    "国务院关于印发“十二五”节能减排综合性工作方案的通知",
                    "国发〔2011〕26号",
                )
            ],
            id="ocr-opening-quote",
        ),
        pytest.param(
            "贯彻《关于废止〈招用技术工种从业人员规定〉的通知》。",
            [("《关于废止〈招用技术工种从业人员规定〉的通知》", "关于废止〈招用技术工种从业人员规定〉的通知", None)],
            id="inner-angle-title-not-separate",
        ),
    ],
)
def test_citations(raw: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert cites(raw) == expected


def test_issued_texts_and_own_numbers_are_no_citations() -> None:
    raw = seed_text("000")
    found = extract_citations(raw)
    titles = [c.title for c in found]
    assert "计量发展规划(2013-2020年)" not in titles  # 现将《计量发展规划》印发给你们
    assert "行动计划" not in titles  # the short name of the text 国办发〔2013〕19号 issues
    assert "国发〔2013〕10号" not in [c.doc_number for c in found if c.title is None]
    assert titles.count("中华人民共和国计量法") == 3


def test_list_of_issued_texts() -> None:
    raw = "各市（州）人民政府：\n现将《成都平原经济区2016年重点工作方案》、《川南经济区2016年重点工作方案》印发给你们，请认真执行。"
    assert extract_citations(raw) == []


def test_the_line_of_a_number_is_the_logical_line_whose_raw_span_holds_it() -> None:
    from govextract.extractors.base import Context
    from govextract.extractors.citations import CitationExtractor
    from govextract.extractors.doc_number import DocNumberExtractor
    from govextract.text import normalize

    raws = [seed_text("004")[:60000], "国务院关于加强管理的通知\n国发〔２０１３〕１号\n各省：\n正文。\n" * 50]
    for raw in raws:
        text = normalize(raw)
        numbers = list(DocNumberExtractor().extract(text, Context()))
        assert numbers
        for n in numbers:
            line = CitationExtractor._line_of(text, n)
            assert line is not None
            rs, re_ = text.raw_span(*line)
            assert rs <= n.start < re_
            others = [ln for ln in text.lines if ln != line and ln.end > ln.start]
            assert not any(text.raw_span(s, e)[0] <= n.start < text.raw_span(s, e)[1] for s, e in others)


@pytest.mark.parametrize(
    "raw",
    [
        "具体要求详见附件 2《核酸检测初筛阳性人员管理指南》。",
        "参照《密切接触者判定与管理指南》（附件5）执行。",
        "填写《集中医学观察人员健康监测登记表》（附件 9-1）。",
        "按《解除告知书》（参见附件9-2）告知本人。",
    ],
)
def test_the_documents_own_annexes_are_no_citations(raw: str) -> None:
    assert extract_citations(raw) == []


def test_a_title_next_to_other_annex_words_is_a_citation() -> None:
    found = extract_citations("依据《中华人民共和国传染病防治法》（附件不另行印发）")
    assert [c.title for c in found] == ["中华人民共和国传染病防治法"]


@pytest.mark.parametrize(
    ("number", "normalized"),
    [("原卫生部令第45号", "卫生部令第45号"), ("原国发〔2013〕10号", "国发〔2013〕10号")],
)
def test_a_number_of_a_renamed_organ_still_belongs_to_its_title(number: str, normalized: str) -> None:
    raw = f"按照《病原微生物运输管理规定》（{number}）执行。"
    assert cites(raw) == [(f"《病原微生物运输管理规定》（{number}", "病原微生物运输管理规定", normalized)]


_PLAN = "云南省国民经济和社会发展第十个五年计划纲要\n\n第一章 总则\n\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "根据省委的建议，特制定《云南省国民经济和社会发展第十个五年计划纲要》。",
        "《纲要》是今后五年的行动纲领。",
        "各地要把《纲要》作为工作的依据。",
    ],
)
def test_a_document_naming_itself_is_no_citation(sentence: str) -> None:
    assert cites(_PLAN + sentence) == []


def test_an_earlier_text_of_the_same_name_is_a_citation() -> None:
    raw = "信访条例\n\n第一条 为了规范信访工作，制定本条例。\n\n第五十一条 1995年10月28日国务院发布的《信访条例》同时废止。"
    assert cites(raw) == [("《信访条例》", "信访条例", None)]
    raw = "信访条例\n\n第五十一条 原《信访条例》同时废止。"
    assert cites(raw) == [("《信访条例》", "信访条例", None)]


def test_another_documents_short_name_is_a_citation() -> None:
    raw = _PLAN + "贯彻《建议》精神，依据《云南民族文化大省建设纲要》推进。"
    assert [c[1] for c in cites(raw)] == ["建议", "云南民族文化大省建设纲要"]
