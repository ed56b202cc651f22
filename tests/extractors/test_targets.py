"""Targets: goal verbs, change and annual, baselines, years from scope, lists, tables, non-targets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govextract.extractors.targets import extract_targets

Row = tuple[str, float, str, str, int | None, str]


def targets(raw: str) -> list[Row]:
    return [
        (t.indicator, t.quantity.value, t.quantity.unit, t.quantity.comparator, t.year, t.change)
        for t in extract_targets(raw)
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("到2020年，固定宽带家庭普及率达到70%。", [("固定宽带家庭普及率", 70, "%", "=", 2020, "level")]),
        ("到2015年，总产值达到 4.5 万亿元。", [("总产值", 4.5, "万亿元", "=", 2015, "level")]),
        ("到2015年，行政村通宽带比例超过 98%。", [("行政村通宽带比例", 98, "%", ">", 2015, "level")]),
        ("到2020年，单位GDP能耗降低15%。", [("单位GDP能耗", 15, "%", "=", 2020, "decrease")]),
        ("到2020年，国家一级标准物质数量增长 100%。", [("国家一级标准物质数量", 100, "%", "=", 2020, "increase")]),
        ("到2016年，城镇登记失业率控制在 4.2%以内。", [("城镇登记失业率", 4.2, "%", "<=", 2016, "level")]),
        ("到2020年，培育 10 万家诚信计量示范单位。", [("诚信计量示范单位", 10, "万家", "=", 2020, "level")]),
        (
            "到2019年，全省50%以上的行政村具备生活污水处理能力。",
            [("行政村具备生活污水处理能力", 50, "%", ">=", 2019, "level")],
        ),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_forms(raw: str, expected: list[Row]) -> None:
    assert targets(raw) == expected


def test_annual_rate_is_a_level_with_the_annual_flag() -> None:
    (t,) = extract_targets("到2015年，节能环保产业产值年均增速在 15% 以上。")
    assert (t.indicator, t.change, t.annual, t.quantity.comparator) == ("节能环保产业产值年均增速", "level", True, ">=")


def test_baseline_of_a_change() -> None:
    (t,) = extract_targets("到2020年，社会物流总费用占社会物流总额的比重由目前的4.9%降低0.5个百分点左右。")
    assert (t.quantity.value, t.quantity.unit, t.change) == (0.5, "个百分点", "decrease")
    assert t.baseline is not None and t.baseline.value == 4.9
    assert t.indicator == "社会物流总费用占社会物流总额的比重"


def test_a_leading_percentage_belongs_to_the_indicator() -> None:
    found = targets("到2020年，50%的城市家庭用户达到100Mbps。")
    assert [(v, u) for _, v, u, *_ in found] == [(100, "Mbps")]


def test_year_from_the_list_heading() -> None:
    raw = "（三）主要目标。\n到2020年，实现以下目标：\n1.固定宽带家庭普及率达到70%；\n2.行政村通宽带比例超过98%。\n"
    assert [t[4] for t in targets(raw)] == [2020, 2020]


def test_list_items_after_one_year() -> None:
    raw = "一、目标任务\n2013年，县市区帮扶6000户，其中：新增户1900户、帮带户4100户；建帮扶基地271个。\n"
    found = targets(raw)
    assert [(v, u, y) for _, v, u, _, y, _ in found] == [
        (6000, "户", 2013),
        (1900, "户", 2013),
        (4100, "户", 2013),
        (271, "个", 2013),
    ]
    assert found[2][0] == "帮带户"


@pytest.mark.parametrize(
    "raw",
    [
        "上年全市地区生产总值已增长6.2%。",  # a past fact
        "按成都市不少于100名核定编制。",  # a rule
        "增值税即征即退50%。",  # a policy parameter
        "企业应在30日内支付。",  # a procedural time limit
        "到2020年，选择7个市开展试点。",  # the scope of an action
        "等18项行政事业性收费",
        "考核满分100分。",  # a scoring rule
    ],
)
def test_not_targets(raw: str) -> None:
    assert targets(raw) == []


def test_table_targets() -> None:
    raw = (
        "“宽带中国”发展目标与发展时间表\n"
        "指标\t单位\t2013年\t2015年\t2020年\n"
        "固定宽带接入用户\t亿户\t2.1\t2.7\t4.0\n"
        "其中：光纤到户（FTTH）用户\t亿户\t0.3\t0.7\t——\n"
        "行政村通宽带比例\t%\t90\t95\t>98\n"
    )
    found = [
        (t.text, t.indicator, t.quantity.value, t.quantity.unit, t.quantity.comparator, t.year, t.origin)
        for t in extract_targets(raw)
    ]
    assert ("2.1", "固定宽带接入用户", 2.1, "亿户", "=", 2013, "table") in found
    assert ("0.7", "光纤到户(FTTH)用户", 0.7, "亿户", "=", 2015, "table") in found
    assert (">98", "行政村通宽带比例", 98, "%", ">", 2020, "table") in found
    assert len(found) == 8  # —— is no target


@given(st.integers(2014, 2035), st.integers(1, 99), st.sampled_from(["达到", "提高到", "超过"]))
def test_any_level_goal(year: int, value: int, verb: str) -> None:
    raw = f"到{year}年，城镇污水处理率{verb}{value}%。"
    (t,) = extract_targets(raw)
    assert (t.indicator, t.quantity.value, t.year, t.change) == ("城镇污水处理率", value, year, "level")
    assert raw[t.start : t.end] == t.text
