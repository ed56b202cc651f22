"""Sections: every style, titles, levels from the document's own order, boxes, annexes, exclusions."""

from __future__ import annotations

import pytest

from govextract.extractors.sections import extract_sections
from tests.conftest import seed_text


def outline(raw: str) -> list[tuple[str, str, int | None, int, str, int | None]]:
    return [(s.style, s.marker, s.number, s.level, s.title, s.parent) for s in extract_sections(raw)]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(
            "一、总体要求\n（一）指导思想。全面贯彻党的精神。\n1.工作目标。\n（1）加强联动，建立机制。（公安部负责）\n①第一项",
            [
                ("cn", "一、", 1, 1, "总体要求", None),
                ("paren_cn", "（一）", 1, 2, "指导思想", 0),
                ("arabic", "1.", 1, 3, "工作目标", 1),
                ("paren_arabic", "（1）", 1, 4, "加强联动,建立机制", 2),
                ("circled", "①", 1, 5, "第一项", 3),
            ],
            id="five-styles-nested",
        ),
        pytest.param(
            "（一）指导思想。\n（二）基本原则。\n一、重点任务",
            [
                ("paren_cn", "（一）", 1, 1, "指导思想", None),
                ("paren_cn", "（二）", 2, 1, "基本原则", None),
                ("cn", "一、", 1, 2, "重点任务", 1),
            ],
            id="levels-from-own-order",
        ),
        pytest.param(
            "第一章　总　则\n第一条　为了规范管理，制定本办法。\n第二条　本办法适用于全省。\n（一）机关；\n第二章 附则\n第三条 本办法自印发之日起施行。",
            [
                ("chapter", "第一章", 1, 1, "总则", None),
                ("article", "第一条", 1, 2, "", 0),
                ("article", "第二条", 2, 2, "", 0),
                ("paren_cn", "（一）", 1, 3, "机关", 2),
                ("chapter", "第二章", 2, 1, "附则", None),
                ("article", "第三条", 3, 2, "", 4),
            ],
            id="chapters-articles",
        ),
        pytest.param(
            "## 一、总体要求\n\n### （一）指导思想。\n\n**二、主要任务**",
            [
                ("cn", "一、", 1, 1, "总体要求", None),
                ("paren_cn", "（一）", 1, 2, "指导思想", 0),
                ("cn", "二、", 2, 1, "主要任务", None),
            ],
            id="markdown-marks-outside",
        ),
        pytest.param(
            "２６．加强监管。\n２７．完善制度。",
            [("arabic", "２６．", 26, 1, "加强监管", None), ("arabic", "２７．", 27, 1, "完善制度", None)],
            id="fullwidth-arabic-runs-on",
        ),
    ],
)
def test_outline(raw: str, expected: list[tuple[str, str, int | None, int, str, int | None]]) -> None:
    assert outline(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "发动机排量为1.8升。\n2013年增长了8%。",
        "本条所称（1）项，是指前款规定。",
        "5\n\n6\n\n7",
        "一、现状与形势........................3\n二、总体思路..........................4",
        "城市宽带接入能力\tMbps\t20\t50\n1. 宽带用户规模\t\t\t",
        "②，保证重点领域检测。",
    ],
    ids=["decimal", "paren-mid-sentence", "number-cells", "toc-leaders", "table-rows", "footnote-circle"],
)
def test_not_headings(raw: str) -> None:
    assert extract_sections(raw) == []


def test_box_items_are_no_headings() -> None:
    raw = "（三）发展目标。\n到2020年，基本适应需求。\n专栏1 计量发展量化目标\n1.完成计量法修订；\n2.覆盖率达到95%以上；\n（四）加强基础研究。"
    assert outline(raw) == [
        ("paren_cn", "（三）", 3, 1, "发展目标", None),
        ("box", "专栏1", 1, 2, "计量发展量化目标", 0),
        ("paren_cn", "（四）", 4, 1, "加强基础研究", None),
    ]


def test_annex_takes_the_title_printed_before_it() -> None:
    raw = "国务院\n\n2018年2月13日\n\n四川省第三次全国土地调查领导小组人员名单\n\n附件\n\n组 长：张三 省政府副省长\n\n一、一等奖（5个）"
    sections = extract_sections(raw)
    annex = sections[0]
    assert (annex.style, annex.number, annex.level, annex.title) == (
        "annex",
        1,
        1,
        "四川省第三次全国土地调查领导小组人员名单",
    )
    assert annex.text == "四川省第三次全国土地调查领导小组人员名单\n\n附件"
    assert [(s.marker, s.level, s.parent) for s in sections[1:]] == [("一、", 2, 0)]


def test_issued_texts_restart_the_outline() -> None:
    sections = extract_sections(seed_text("004"))
    firsts = [s for s in sections if s.style == "cn" and s.number == 1]
    assert len(firsts) >= 6  # the 方案 of 国发〔2016〕48号 and the five 方案 of 川办函〔2016〕130号
    assert all(s.level == 1 and s.parent is None for s in firsts)


def test_wrapped_heading_on_a_seed_page() -> None:
    raw = seed_text("002")
    (s,) = [s for s in extract_sections(raw) if s.title == "充分认识发展现代生态循环农业的重大意义"]
    assert raw[s.start : s.end] == s.text == "（二）充分认识发展现代生态循环农业\n\n的重大意义"
    assert (s.style, s.number, s.level) == ("paren_cn", 2, 2)


@pytest.mark.parametrize(
    "raw", ["关于加快内河水运发展的通知", "国务院关于印发计量发展规划的通知\n", "关于加快发展的意见\n\n"]
)
def test_a_title_without_a_body_has_no_sections_and_raises_nothing(raw: str) -> None:
    from govextract import extract

    result = extract(raw)
    assert result.sections == []
    assert len(result.documents) <= 1


def test_a_chapter_glued_to_its_part_by_the_pdf_is_a_heading_of_its_own() -> None:
    raw = (
        "第二篇调整经济结构\n第五章农业\n第三篇推进改革开放第十三章深化各项改革\n第一节深化国企改革\n第十四章扩大开放\n"
    )
    found = [(s.style, s.level, s.title, s.text) for s in extract_sections(raw)]
    assert found[2:4] == [
        ("part", 1, "推进改革开放", "第三篇推进改革开放"),
        ("chapter", 2, "深化各项改革", "第十三章深化各项改革"),
    ]
    assert [(s.style, s.level) for s in extract_sections(raw)][4:] == [("section", 3), ("chapter", 2)]


def test_a_contents_line_without_leaders_is_no_heading() -> None:
    raw = "第一章经济社会发展的指导思想第二章发展目标第三章主要任务\n第一章总则\n"
    assert [s.title for s in extract_sections(raw)] == ["总则"]


def test_chapters_named_in_an_article_leave_it_whole() -> None:
    raw = "第一章总则\n第十条本条例第三章、第四章和第五章规定的事项，由省政府负责。\n"
    assert [(s.style, s.number) for s in extract_sections(raw)] == [("chapter", 1), ("article", 10)]


_NOTICE = "某省人民政府关于印发防控方案的通知\n某府发〔2022〕1号\n\n各市人民政府：\n现将《防控方案》印发给你们。\n某省人民政府\n2022年6月27日\n"


def test_an_annex_title_wrapped_over_two_lines_is_one_title_and_keeps_the_outline() -> None:
    raw = _NOTICE + "附件1\n\n新冠肺炎疫情不同场景下\n区域核酸检测策略\n一、总体要求\n（一）分级检测。\n"
    found = [(s.style, s.level, s.parent, s.title) for s in extract_sections(raw)]
    assert found == [
        ("annex", 1, None, "新冠肺炎疫情不同场景下区域核酸检测策略"),
        ("cn", 2, 0, "总体要求"),
        ("paren_cn", 3, 1, "分级检测"),
    ]


@pytest.mark.parametrize(
    ("annex", "title"),
    [
        ("附件2\n\n转运工作指南\n一、建立机制\n", "转运工作指南"),  # the title after the label
        ("试点单位名单\n\n附件2\n\n省发展改革委 省经济和信息化委\n", "试点单位名单"),  # the PDF put it first
        ("附件2\n\n转运工作指南\n区域协作\n一、建立机制\n", "转运工作指南"),  # a complete title does not wrap
    ],
)
def test_an_annex_takes_the_line_that_names_a_kind_of_text(annex: str, title: str) -> None:
    assert [s.title for s in extract_sections(_NOTICE + annex) if s.style == "annex"] == [title]


@pytest.mark.parametrize(
    ("annex", "found"),
    [
        ("附件 4-1\n\n核心信息表\n一、基本信息\n", [("附件 4-1", 1, "核心信息表")]),
        ("附件5—2\n\n医学登记与汇总表\n", [("附件5—2", 2, "医学登记与汇总表")]),
        # a list item of the sub-annexes before the label is no title: the line after is
        (
            "附件:5-1 交通工具判定指引\n5-2 登记与汇总表\n\n附件 5-1\n\n交通工具判定指引\n1.飞机。",
            [("附件 5-1", 1, "交通工具判定指引")],
        ),
    ],
)
def test_sub_annex_labels(annex: str, found: list[tuple[str, int, str]]) -> None:
    got = [(s.marker, s.number, s.title) for s in extract_sections(_NOTICE + annex) if s.style == "annex"]
    assert got == found


def test_the_outline_of_a_sub_annex_hangs_from_it() -> None:
    raw = _NOTICE + "附件4\n\n调查指南\n一、目的\n附件4-1\n\n报告模板\n一、基本情况\n"
    found = [(s.marker, s.level, s.parent) for s in extract_sections(raw)]
    assert found == [("附件4", 1, None), ("一、", 2, 0), ("附件4-1", 1, None), ("一、", 2, 2)]


@pytest.mark.parametrize(
    ("form", "title"),
    [
        ("居家健康监测告知书\n姓名：\n性别：\n", "居家健康监测告知书"),  # joined to the form's first field
        ("健康监测登记表\n临床表现\n编号 姓名\n", "健康监测登记表"),  # joined to the first cell
    ],
)
def test_a_forms_title_is_the_first_physical_line_after_its_label(form: str, title: str) -> None:
    raw = _NOTICE + "附件9-4\n\n" + form
    assert [s.title for s in extract_sections(raw) if s.style == "annex"] == [title]


@pytest.mark.parametrize("ref", ["第五十条之规定给予处罚。", "第三条第二款规定的情形。", "第十条所列事项。"])
def test_a_reference_to_an_article_wrapped_to_a_line_start_is_no_heading(ref: str) -> None:
    raw = "一、总体要求\n依照《中华人民共和国治安管理处罚法》\n" + ref
    assert [s.style for s in extract_sections(raw)] == ["cn"]


_CONTENTS = "目录序言\n第一篇指导思想\n第一章发展思路第二章主要目标\n第二篇调整结构\n第三章农业\n"
_BODY = "序言\n本纲要依据建议编制。\n第一篇 指导思想\n第一章 发展思路\n第二章 主要目标\n第二篇 调整结构\n第三章 农业\n"


def test_a_table_of_contents_without_leaders_gives_no_headings() -> None:
    raw = "云南省发展第十个五年计划纲要\n\n" + _CONTENTS + _BODY
    found = [(s.marker, s.level) for s in extract_sections(raw)]
    assert found == [("第一篇", 1), ("第一章", 2), ("第二章", 2), ("第二篇", 1), ("第三章", 2)]
    assert all(s.start > raw.index("本纲要") for s in extract_sections(raw))


def test_a_contents_line_whose_headings_the_body_never_repeats_removes_nothing() -> None:
    raw = "某某规划\n\n目录\n一、总体要求\n二、主要任务\n主要任务包括三项。\n"
    assert [s.marker for s in extract_sections(raw)] == ["一、", "二、"]


@pytest.mark.parametrize(
    "notes",
    [
        "注：\n1.每一病例的密切接触者填写一张表。\n2.基础性疾病类型可多选。\n",
        "9 10 11 12 13 14注：\n1. 本表适用于医学观察人员使用。\n2. 隔离对象类别选择。\n",  # glued to the last cells
        "填表说明：\n（1）本表由社区填写。\n（2）每日汇总一次。\n",
    ],
)
def test_the_numbered_notes_of_a_table_are_no_headings(notes: str) -> None:
    raw = _NOTICE + "附件2\n\n健康监测登记表\n" + notes + "附件3\n\n转运工作指南\n一、建立机制\n"
    assert [s.marker for s in extract_sections(raw)] == ["附件2", "附件3", "一、"]


def test_a_line_of_circled_options_is_no_heading() -> None:
    raw = _NOTICE + "附件2\n\n核心信息表\n一、流行病学信息\n①同住 ②同事 ③同学 ④同乘 ⑤其他\n"
    assert [s.marker for s in extract_sections(raw)] == ["附件2", "一、"]
    raw = _NOTICE + "附件2\n\n工作指南\n一、主要措施\n①加强监测。\n②及时报告。\n"
    assert [s.marker for s in extract_sections(raw)] == ["附件2", "一、", "①", "②"]


@pytest.mark.parametrize(
    ("line", "found"),
    [
        (
            "十、有关工作要求（一）高度重视，加强领导。要统一思想。\n（二）加强协调。\n",
            [("十、", 1, "有关工作要求"), ("（一）", 2, "高度重视,加强领导"), ("（二）", 2, "加强协调")],
        ),
        # a bracketed (一) after punctuation is part of the title's sentence, no glued item
        ("一、按照要求，（一）类地区先行。\n", [("一、", 1, "按照要求,(一)类地区先行")]),
    ],
)
def test_a_first_item_glued_to_its_heading_is_a_heading_of_its_own(
    line: str, found: list[tuple[str, int, str]]
) -> None:
    assert [(s.marker, s.level, s.title) for s in extract_sections(line)] == found


HEAD = "一、重点任务\n（一）加快系统创新。推进技术攻关。\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the PDF glued the next item to the last sentence of the line before, with a space between
        (
            "突破一批关键技术。 （二）深化推广应用，开拓新路径。\n聚焦企业需要。\n（三）加强供给。\n",
            [("（一）", None), ("（二）", "深化推广应用,开拓新路径"), ("（三）", "加强供给")],
        ),
        (
            "专栏 1 技术攻关行动\n\n01 关键技术。研究系统建模技术，开展价值流分析和优化技术研究。 （二）深化推广应用。\n",
            [("（一）", None), ("专栏 1", "技术攻关行动"), ("（二）", "深化推广应用")],
        ),
        (
            "完成改造任务。 二、保障措施\n（一）强化统筹协调。加强领导。\n",
            [("（一）", None), ("二、", "保障措施"), ("（一）", None)],
        ),
    ],
)
def test_a_next_item_glued_after_a_sentence_is_a_heading(body: str, expected: list[tuple[str, str | None]]) -> None:
    found = [(s.marker, s.title) for s in extract_sections(HEAD + body)]
    assert found[0] == ("一、", "重点任务")
    assert [(m, None if m == "（一）" else t) for m, t in found[1:]] == expected


@pytest.mark.parametrize(
    "body",
    [
        "应具备以下条件：（一）具备资质；（二）开业两年以上。\n",  # an inline list: no space
        "突破一批关键技术。（二）深化推广应用。\n",  # no space: a sentence may enumerate
        "突破一批关键技术。 （三）深化推广应用。\n",  # not the next sibling
        "突破一批关键技术。 （一）深化推广应用。\n",  # not the next sibling either
    ],
)
def test_a_marker_inside_a_line_otherwise_is_no_heading(body: str) -> None:
    assert [s.marker for s in extract_sections(HEAD + body)] == ["一、", "（一）"]
