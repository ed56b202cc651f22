"""Documents: splitting a bulletin, titles in both header orders, signatures, recipients, attachments."""

from __future__ import annotations

import datetime as dt

import pytest

from govextract.extractors.documents import extract_documents, split_recipients
from tests.conftest import seed_text

GAZETTE = (
    "国务院关于印发计量发展规划\n\n（2013-2020 年）的通知\n\n国发〔2013〕10 号\n\n"
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n\n"
    "现将《计量发展规划（2013-2020 年）》印发给你们，请认真贯彻执行。\n\n国务院\n\n2013 年 3 月 2日\n\n"
    "计量发展规划（2013-2020 年）\n\n一、发展现状与形势\n\n正文。\n\n"
    "四川省人民政府办公厅\n关于印发四川省基本单位名录库\n\n管理办法的通知\n\n川府发〔2018〕8号\n\n"
    "各市（州）人民政府，省政府各部门、各直属机构，有关单位：\n\n现将《办法》印发给你们。\n\n"
    "附件：1.四川省某某名单\n\n2.2017年度某某先进集体\n\n四川省人民政府办公厅\n\n二〇一八年二月十三日\n"
)


def test_bulletin_split_and_metadata() -> None:
    docs = extract_documents(GAZETTE)
    assert [(d.title, d.doc_number.normalized if d.doc_number else None) for d in docs] == [
        ("国务院关于印发计量发展规划(2013-2020年)的通知", "国发〔2013〕10号"),
        ("四川省人民政府办公厅关于印发四川省基本单位名录库管理办法的通知", "川府发〔2018〕8号"),
    ]
    first, second = docs
    assert (first.start, GAZETTE[first.end - 3 : first.end]) == (0, "正文。")
    assert second.start == GAZETTE.index("四川省人民政府办公厅")
    assert (first.signed_date, second.signed_date) == (dt.date(2013, 3, 2), dt.date(2018, 2, 13))
    assert first.issuers == ["国务院"] and first.doc_type == "通知"
    assert second.recipients == ["各市(州)人民政府", "省政府各部门", "省政府各直属机构", "有关单位"]
    assert second.attachments == ["四川省某某名单", "2017年度某某先进集体"]


def test_standard_header_order_urgency_and_merged_recipients() -> None:
    raw = (
        "特急\n中国人民银行文件\n银发〔2011〕177号\n"
        "中国人民银行关于推广银行卡助农取款服务的通知中国人民银行上海总部，各分行：\n"
        "为进一步改善农村地区支付服务环境，特通知如下。\n"
    )
    (d,) = extract_documents(raw)
    assert (d.start, d.title, d.urgency) == (0, "中国人民银行关于推广银行卡助农取款服务的通知", "特急")
    assert d.recipients == ["中国人民银行上海总部", "各分行"]
    assert d.issuers == ["中国人民银行"]


def test_wrapped_signature_with_seal_note() -> None:
    raw = (
        "联防联控机制综发〔2022〕71 号\n\n关于印发新型冠状病毒肺炎防控方案\n（第九版）的通知\n"
        "各省、自治区、直辖市应对新型冠状病毒肺炎疫情联防联控机制：\n现印发给你们。\n"
        "国务院应对新型冠状病毒肺炎\n疫情联防联控机制综合组\n（国家卫生健康委代章）\n2022 年 6 月 27 日\n"
    )
    (d,) = extract_documents(raw)
    assert d.title == "关于印发新型冠状病毒肺炎防控方案(第九版)的通知"
    assert d.issuers == ["国务院应对新型冠状病毒肺炎疫情联防联控机制综合组(国家卫生健康委代章)"]
    assert d.signed_date == dt.date(2022, 6, 27)


def test_forwarded_text_stays_in_its_document() -> None:
    nt_docs = extract_documents(seed_text("003"))
    titles = [d.title for d in nt_docs]
    assert "四川省人民政府转发国务院关于开展第三次全国土地调查通知的通知" in titles
    assert "国务院关于开展第三次全国土地调查的通知" not in titles


def test_table_of_contents_is_no_document() -> None:
    docs = extract_documents(seed_text("001"))
    assert len(docs) == 7
    assert docs[0].title == "国务院关于加快发展节能环保产业的意见"


def test_untitled_text_is_one_document() -> None:
    raw = "为贯彻落实党的十八大精神，提出如下意见。\n一、总体要求\n（一）指导思想。"
    (d,) = extract_documents(raw)
    assert (d.start, d.end, d.title, d.doc_number) == (0, len(raw), None, None)


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        (
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
            ["各省人民政府", "各自治区人民政府", "各直辖市人民政府", "国务院各部委", "国务院各直属机构"],
        ),
        (
            "各市（州）、县（市、区）人民政府，省政府各部门、各直属机构：",
            ["各市(州)人民政府", "各县(市、区)人民政府", "省政府各部门", "省政府各直属机构"],
        ),
        (
            "各县市区人民政府，科技城管委会，各园区管委会，科学城办事处，市级各部门：",
            ["各县市区人民政府", "科技城管委会", "各园区管委会", "科学城办事处", "市级各部门"],
        ),
        (
            "各市（州）人民政府，省政府有关部门、有关直属机构，有关单位：",
            ["各市(州)人民政府", "省政府有关部门", "省政府有关直属机构", "有关单位"],
        ),
    ],
)
def test_split_recipients(line: str, parts: list[str]) -> None:
    assert split_recipients(line) == parts


def test_regulation_takes_its_promulgating_order_number() -> None:
    raw = "# 信访条例\n\n2005年1月5日 国务院第76次常务会议通过\n\n2005年1月10日 中华人民共和国国务院令第431号公布\n\n第一章 总则\n\n第一条 为了保持各级人民政府同人民群众的密切联系，制定本条例。\n"
    (d,) = extract_documents(raw)
    assert (d.title, d.doc_type) == ("信访条例", "条例")
    assert d.doc_number is not None and d.doc_number.normalized == "国务院令第431号"


# ---------------------------------------------------------------- concatenation


def _shifted(doc: object, shift: int) -> dict[str, object]:
    data = doc.model_dump()  # type: ignore[attr-defined]
    data["start"] += shift
    data["end"] += shift
    if data["doc_number"] is not None:
        data["doc_number"]["start"] += shift
        data["doc_number"]["end"] += shift
    return data


# 001 and 003 are cut off mid-page (their last line is a full line without a sentence end), so a
# text joined after them continues their last line, as PDF text does; the others end a document
@pytest.mark.parametrize("first", ["000", "002", "004"])
@pytest.mark.parametrize("second", ["000", "001", "002", "003", "004"])
def test_documents_survive_concatenation(first: str, second: str) -> None:
    a, b = seed_text(first), seed_text(second)
    joined = a + "\n\n" + b
    expected = [_shifted(d, 0) for d in extract_documents(a)]
    expected += [_shifted(d, len(a) + 2) for d in extract_documents(b)]
    assert [_shifted(d, 0) for d in extract_documents(joined)] == expected


def test_front_matter_of_a_following_bulletin_is_no_part_of_the_last_document() -> None:
    doc = (
        "国务院关于加强管理的通知\n国发〔2013〕1号\n各省、自治区、直辖市人民政府：\n现就有关事项通知如下。\n"
        "国务院\n2013年3月2日\n"
    )
    front = "# 绵阳市人民政府公报\n## 目录\n### 上级文件\n国务院关于推进改革的意见\n（国发〔2013〕2号）\n"
    (only,) = extract_documents(doc + front)
    assert only.end == len(doc) - 1
