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


# ---------------------------------------------------------------- distribution over coordinated subjects


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "到2015年，城市和农村家庭固定宽带普及率分别达到 65% 和 30%。",
            [("城市家庭固定宽带普及率", 65, 2015), ("农村家庭固定宽带普及率", 30, 2015)],
        ),
        (
            "到2013年，高血压、糖尿病患者规范化管理率分别达到 50%、40% 以上。",
            [("高血压患者规范化管理率", 50, 2013), ("糖尿病患者规范化管理率", 40, 2013)],
        ),
        (
            "到2025年，小麦、玉米机械化率均达到60%。",
            [("小麦机械化率", 60, 2025), ("玉米机械化率", 60, 2025)],
        ),
        (
            "到2018年，居民健康卡发放率和电子健康档案建档率达100%。",
            [("居民健康卡发放率", 100, 2018), ("电子健康档案建档率", 100, 2018)],
        ),
        # one value and no 均: one indicator
        ("到2020年，食品和药品抽检合格率达到98%。", [("食品和药品抽检合格率", 98, 2020)]),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_distribution(raw: str, expected: list[tuple[str, float, int]]) -> None:
    found = extract_targets(raw)
    assert [(t.indicator, t.quantity.value, t.year) for t in found] == expected
    assert all(raw[t.start : t.end] == t.text for t in found)


def test_shared_value_with_a_shared_modifier() -> None:
    # 玉米[播种、收获]机械化率: two targets on one quantity; where the shared tail starts is a guess
    # from the first subject's length, so only values and spans are pinned here
    raw = "到2025年，玉米播种、收获机械化率均达到60%。"
    first, second = extract_targets(raw)
    assert first.quantity == second.quantity and first.quantity.value == 60
    assert (first.text, second.text) == ("玉米播种、收获机械化率均达到60%", "收获机械化率均达到60%")


def test_each_distributed_target_starts_at_its_subject() -> None:
    raw = "到2015年，城市和农村家庭固定宽带普及率分别达到 65% 和 30%。"
    first, second = extract_targets(raw)
    assert first.text == "城市和农村家庭固定宽带普及率分别达到 65%"
    assert second.text == "农村家庭固定宽带普及率分别达到 65% 和 30%"


# ---------------------------------------------------------------- plans, lists and number-first goals

_PLAN = "四川省人民政府办公厅关于印发全省2016年重点工作方案的通知\n川办发〔2016〕62号\n\n各市（州）人民政府：\n"
_RULES = "四川省人民政府办公厅关于印发合作社管理办法的通知\n川办发〔2016〕63号\n\n各市（州）人民政府：\n"


def test_counts_to_build_in_a_plan_are_goals() -> None:
    raw = _PLAN + "（二）产业。支持建设50个“城市矿产”示范基地，实施村级农民健身工程516个。\n"
    found = targets(raw)
    assert [(i, v, u) for i, v, u, *_ in found] == [("“城市矿产”示范基地", 50, "个"), ("村级农民健身工程", 516, "个")]
    assert all(year == 2016 for *_, year, _ in found)  # from the title


def test_counts_in_rules_are_no_goals() -> None:
    raw = _RULES + "第三条 支持建设50个示范基地。\n"
    assert targets(raw) == []


def test_a_scope_count_in_a_plan_is_no_goal() -> None:
    raw = _PLAN + "（三）重建。实施马边县、峨边县等7个市36个重点项目。\n"
    assert targets(raw) == []


def test_list_of_goals_continues() -> None:
    raw = _PLAN + "（四）电网。新开工35千伏及以上电网项目16个、变电容量400万千伏安、线路535公里。\n"
    found = targets(raw)
    assert [(i, v) for i, v, *_ in found] == [("35千伏及以上电网项目", 16), ("变电容量", 400), ("线路", 535)]


def test_achieve_with_the_counted_noun_after() -> None:
    raw = "到2016年，实现17.2万人脱贫、802个贫困村“摘帽”。"
    assert [(i, v, u) for i, v, u, *_ in targets(raw)] == [("脱贫", 17.2, "万人"), ("贫困村“摘帽”", 802, "个")]


def test_a_modifier_list_closed_by_de_stays_in_the_counted_noun() -> None:
    raw = "到2015年，培育10—15家掌握核心技术、拥有知识产权的龙头企业。"
    ((indicator, *_),) = targets(raw)
    assert indicator == "掌握核心技术、拥有知识产权的龙头企业"


def test_a_second_counted_thing_ends_the_noun() -> None:
    raw = "到2015年，建立10—15个国家级再制造产业聚集区和一批重大示范项目。"
    ((indicator, *_),) = targets(raw)
    assert indicator == "国家级再制造产业聚集区"


def test_a_rule_about_counted_things_is_no_goal() -> None:
    assert targets("到2018年，88个贫困县各类项目原则上全部由合作社承接。") == []


# ---------------------------------------------------------------- years


def test_years_of_effort_count_from_the_start() -> None:
    raw = "（三）总体目标。从2018年起加快建设，通过5年努力，实现全省约4.5万个行政村污水处理设施全覆盖。"
    (row,) = targets(raw)
    assert row[4] == 2022


def test_a_lead_with_two_stages_leaves_the_list_year_open() -> None:
    raw = (
        "（三）主要目标。\n到2018年底，建成服务体系。到2020年，建成智慧城市。\n"
        "1.基础设施。全市家庭宽带接入能力达到100M。\n"
    )
    assert [t[4] for t in targets(raw)] == [None]


@pytest.mark.parametrize(
    ("raw", "years"),
    [
        # no year before the value in its sentence: a target year later in it governs
        ("（三）主要目标。节能环保产业产值年均增速在15%以上，到2015年，总产值达到4.5万亿元。", [2015, 2015]),
        ("（三）主要目标。粮食产量稳定在500亿斤以上，至2020年，农业科技进步贡献率达到60%。", [2020, 2020]),
        # a year in the next sentence, or a year without 到, governs nothing before it
        ("（三）主要目标。节能环保产业产值年均增速在15%以上。到2015年，总产值达到4.5万亿元。", [None, 2015]),
        ("（三）主要目标。节能环保产业产值年均增速在15%以上，2015年总产值达到4.5万亿元。", [None, 2015]),
    ],
)
def test_a_target_year_later_in_the_sentence(raw: str, years: list[int | None]) -> None:
    assert [t[4] for t in targets(raw)] == years


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a doubling is an increase by its count of 番
        ("到2020年，全省生产总值比2010年翻一番。", ("生产总值", 1, "番", 2020, "increase")),
        ("到2000年，实现国民生产总值翻两番。", ("国民生产总值", 2, "番", 2000, "increase")),
        # a five-year period as the comparison base: neither indicator nor year
        ("到2005年，外资额比“九五”期间翻一番。", ("外资额", 1, "番", 2005, "increase")),
        ("单位GDP能耗比“十一五”末降低16%。", ("单位GDP能耗", 16, "%", None, "decrease")),
    ],
)
def test_doublings_and_period_bases(raw: str, expected: tuple[str, float, str, int | None, str]) -> None:
    ((indicator, value, unit, _, year, change),) = targets(raw)
    assert (indicator, value, unit, year, change) == expected


def test_a_comparison_base_year_is_no_target_year() -> None:
    raw = "到2005年，二氧化硫排放总量比2000年削减5%以上。"
    ((indicator, value, _, comparator, year, change),) = targets(raw)
    assert (indicator, value, comparator, year, change) == ("二氧化硫排放总量", 5, ">=", 2005, "decrease")


def test_ages_are_goals_only_after_a_goal_verb() -> None:
    found = targets("到2020年，人均预期寿命达到70岁左右，60岁以上老年人健康管理率达到70%。")
    assert [(i, v, u) for i, v, u, *_ in found] == [("人均预期寿命", 70, "岁"), ("60岁以上老年人健康管理率", 70, "%")]


def test_a_price_base_year_is_no_target_year() -> None:
    raw = "到2005年，按2000年价格计算的国内生产总值达到2900亿元左右。"
    ((_, value, unit, comparator, year, _),) = targets(raw)
    assert (value, unit, comparator, year) == (2900, "亿元", "~", 2005)


def test_physical_outputs_in_a_plan_are_goals() -> None:
    raw = _PLAN + "（五）农业。新建高产稳产农田250万亩，新增自然保护区面积40万公顷 、 森林面积150万公顷左右。\n"
    found = targets(raw)
    assert [(i, v, u) for i, v, u, *_ in found] == [
        ("高产稳产农田", 250, "万亩"),
        ("自然保护区面积", 40, "万公顷"),
        ("森林面积", 150, "万公顷"),
    ]


def test_money_in_a_plan_needs_a_goal_verb() -> None:
    assert targets(_PLAN + "（六）项目。新建总投资50亿元的物流园区。\n") == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("到2025年，智能制造装备市场满足率超过70%。", [("智能制造装备市场满足率", 70, ">")]),
        ("到2025年，规模以上企业研发投入强度不低于2%。", [("规模以上企业研发投入强度", 2, ">=")]),
        # a condition, a standing duty: no goals
        ("到2025年，对缴存比例高于12%的一律规范调整。", []),
        ("到2025年，各部门每季度报送信息不少于2篇。", []),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_a_comparator_word_as_the_goal_verb(raw: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(i, v, c) for i, v, _, c, *_ in targets(raw)] == expected


@pytest.mark.parametrize("raw", ["年内建成30个示范点。", "到“十三五”末，建成30个示范点。", "力争建成30个示范点。"])
def test_goal_contexts_without_a_year(raw: str) -> None:
    assert [(i, v, u) for i, v, u, *_ in targets(raw)] == [("示范点", 30, "个")]


def test_no_goal_context_no_number_first_goal() -> None:
    assert targets("建成30个示范点。") == []


def test_a_total_and_its_bracketed_parts() -> None:
    raw = (
        _PLAN + "（七）脱贫。实现2016年成都平原四市约21.5万贫困人口脱贫（眉山6.2万、资阳5.3万、遂宁5万、雅安约5万）。\n"
    )
    found = targets(raw)
    assert [(i, v, c, y) for i, v, _, c, y, _ in found] == [
        ("成都平原四市贫困人口脱贫", 21.5, "~", 2016),
        ("眉山贫困人口脱贫", 6.2, "=", 2016),
        ("资阳贫困人口脱贫", 5.3, "=", 2016),
        ("遂宁贫困人口脱贫", 5, "=", 2016),
        ("雅安贫困人口脱贫", 5, "~", 2016),
    ]


def test_brackets_that_are_no_breakdown() -> None:
    gloss = "到2016年，实现约21.5万贫困人口脱贫（以建档立卡数为准）。"
    assert [v for _, v, *_ in targets(gloss)] == [21.5]
    mixed = "到2016年，实现约21.5万贫困人口脱贫（眉山6.2万人次、资阳5.3%）。"
    assert [i for i, *_ in targets(mixed) if i.endswith("贫困人口脱贫")] == ["贫困人口脱贫"]


def test_a_share_in_a_plan_is_a_goal() -> None:
    raw = _PLAN + "（八）保险。建立医疗纠纷调解机制，50%以上的医院参加医疗责任险。\n"
    assert [(i, v, c) for i, v, _, c, *_ in targets(raw)] == [("医院参加医疗责任险", 50, ">=")]
    assert targets(_RULES + "第九条 50%以上的医院参加医疗责任险。\n") == []


_EDU_PLAN = "某省人民政府关于印发某省教育事业发展规划的通知\n某政发〔2021〕3号\n\n各市人民政府：\n"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 每年 before a change verb: an annual change, not part of the indicator
        ("到2025年，学生近视率每年降低不少于1个百分点。", [("学生近视率", 1, ">=", "decrease", True)]),
        # a bracketed gloss inside the counted noun
        ("到2025年，力争使60%左右的县（市、区）通过国家认定。", [("县(市、区)通过国家认定", 60, "~", "level", False)]),
        # a modifier closed by 的 before a number-first value
        (
            "（三）建立覆盖主要行业的500个左右教师实践基地。",
            [("覆盖主要行业的教师实践基地", 500, "~", "level", False)],
        ),
        # 新增 with nothing before it counts the noun after the value
        ("（四）新增12个以上省级科技园。", [("省级科技园", 12, ">=", "level", False)]),
        # 配备 counts what is staffed; the denominator after 每 is no goal
        ("（五）每10所学校配备1名督学。", [("督学", 1, "=", "level", False)]),
        # values whose subjects are out of reach: one goal each
        (
            "到2025年，装备和软件水平显著提升，国内满足率分别超过60%和40%。",
            [("国内满足率", 60, ">", "level", False), ("国内满足率", 40, ">", "level", False)],
        ),
        # a spaced-out sentence: 其中 and 力争 stay out of the indicator
        ("到2025年 , 力争软件产值达到300亿元 , 其中 出口 50亿元 。", [("软件产值", 300, "=", "level", False)]),
    ],
)
def test_goal_phrases_in_a_plan(sentence: str, expected: list[tuple[str, float, str, str, bool]]) -> None:
    found = [
        (t.indicator, t.quantity.value, t.quantity.comparator, t.change, t.annual)
        for t in extract_targets(_EDU_PLAN + sentence + "\n")
    ]
    assert found[: len(expected)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "（六）创收净收入可按照不低于50%的比例用于奖励性绩效分配。",  # a policy parameter
        "（七）超过1000人规模的学校由教育部门统筹安排。",  # a size that picks what a rule is about
        # 目标人群 is a target group, no goal word
        "2.对于符合条件的18岁以上目标人群进行1剂次加强免疫接种。",
        "（八）目标人群。为60岁以上老人建立健康档案1份。",
    ],
)
def test_no_goals_in_a_plan(sentence: str) -> None:
    assert extract_targets(_EDU_PLAN + sentence + "\n") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a rate or share closed by its percentage, no verb between
        ("（七）优化审批。网上申请和在线处理实现率95%以上。", [("网上申请和在线处理实现率", 95, ">=")]),
        ("（八）节约用水。全市农业用水比重60%。", [("农业用水比重", 60, "=")]),
        ("（九）环境监管。全市国控断面水质达标率77%，出市断面全部达标。", [("国控断面水质达标率", 77, "=")]),
        # a share covered: the percentage then a verb of coverage
        ("（十）推进网上审批。政府行政权力事项100%纳入电子监察范围。", [("政府行政权力事项", 100, "=")]),
        ("（十一）完善监管。建设监测平台，实现食品药品企业100%覆盖。", [("食品药品企业", 100, "=")]),
        ("（十二）推进联网。二级以上医院100%接入省级平台。", [("二级以上医院", 100, "=")]),
        # a fraction is a share as a percentage is
        ("（十三）推进转化。到2025年，高校科技成果转化率超过1/3。", [("高校科技成果转化率", 1 / 3, ">")]),
        ("（十四）优化结构。民营经济增加值比重达到三分之一左右。", [("民营经济增加值比重", 1 / 3, "~")]),
        ("（十五）扩大覆盖。2/3以上的县纳入示范范围。", [("县纳入示范范围", 2 / 3, ">=")]),
    ],
)
def test_rates_and_coverage_shares_in_a_plan(sentence: str, expected: list[tuple[str, float, str]]) -> None:
    found = [
        (t.indicator, t.quantity.value, t.quantity.comparator) for t in extract_targets(_EDU_PLAN + sentence + "\n")
    ]
    assert found == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "第七条 网上申请和在线处理实现率95%以上。",  # outside a plan: a statement, not a commitment
        "第八条 政府行政权力事项100%纳入电子监察范围。",
    ],
)
def test_rates_and_coverage_shares_outside_a_plan_are_no_goals(sentence: str) -> None:
    assert extract_targets(_RULES + sentence + "\n") == []


def test_a_rate_with_a_verb_after_its_value_is_no_bare_rate_goal() -> None:
    # the percentage is the means of an action: its verb after it is no coverage verb
    assert extract_targets(_EDU_PLAN + "（十三）按照合格率95%计算补助。\n") == []


_STATUS_PLAN = "某省“十四五”装备制造业发展规划\n\n"


@pytest.mark.parametrize(
    "heading",
    ["一、现状与形势", "一、发展基础与面临形势", "一、“十三五”时期发展成就", "一、存在的问题"],
)
def test_values_under_a_status_heading_are_past_facts(heading: str) -> None:
    raw = (
        _STATUS_PLAN
        + f"{heading}\n\u3000\u3000近年来，装备市场满足率超过50%，骨干企业达40余家，生产效率平均提高45%。\n"
        + "二、主要目标\n到2025年，装备市场满足率超过70%。\n"
    )
    assert [(i, v, y) for i, v, _, _, y, _ in targets(raw)] == [("装备市场满足率", 70, 2025)]


def test_a_task_heading_ending_in_a_status_noun_keeps_its_goals() -> None:
    raw = _STATUS_PLAN + "三、重点任务\n（四）夯实质量发展基础\n到2025年，新增认证企业10家。\n"
    assert [(i, v) for i, v, *_ in targets(raw)] == [("认证企业", 10)]


def test_a_status_part_nested_under_a_status_heading() -> None:
    raw = (
        _STATUS_PLAN
        + "一、发展基础\n（一）发展成就\n\u3000\u3000骨干企业达40余家。\n"
        + "（二）面临形势\n\u3000\u3000预计到2025年市场规模将超过3万亿元。\n"
        + "二、总体要求\n（一）主要目标\n\u3000\u3000到2025年，骨干企业达到60家。\n"
    )
    assert [(i, v) for i, v, *_ in targets(raw)] == [("骨干企业", 60)]


def test_a_status_heading_in_an_earlier_document_does_not_reach_the_next() -> None:
    raw = (
        "某省人民政府关于印发某省装备制造业发展规划的通知\n某政发〔2021〕3号\n\n各市人民政府：\n"
        + "一、现状与形势\n\u3000\u3000骨干企业达40余家。\n"
        + "某省人民政府办公厅关于印发某省2016年重点工作方案的通知\n某办发〔2016〕6号\n\n各市人民政府：\n"
        + "\u3000\u3000到2016年，全省粮食产量达到350亿公斤。\n"
    )
    assert [v for _, v, *_ in targets(raw)] == [350]


def test_status_heading_patterns_match_their_examples() -> None:
    from govextract.datafiles import targets_data
    from govextract.extractors.targets import _status_heading_re

    data = targets_data()
    assert data.status_heading_examples and data.status_heading_counterexamples
    assert all(_status_heading_re().fullmatch(t) for t in data.status_heading_examples)
    assert not any(_status_heading_re().fullmatch(t) for t in data.status_heading_counterexamples)


@pytest.mark.parametrize(
    "sentence",
    [
        "到2025年，重点提高60岁及以上老年人群的接种率。",  # an age that picks a group
        "到2025年，提高80分以上学生的比例。",  # a score that picks a group
    ],
)
def test_an_age_or_score_before_a_noun_is_no_goal_value(sentence: str) -> None:
    assert [u for _, _, u, *_ in targets(sentence)] == []


def test_an_age_after_a_goal_verb_at_the_clause_end_is_a_goal() -> None:
    assert [(i, v, u) for i, v, u, *_ in targets("到2025年，人均预期寿命提高1岁。")] == [("人均预期寿命", 1, "岁")]


@pytest.mark.parametrize(
    "sentence",
    [
        "（六）收取快递时，用75%的酒精擦拭外包装。",  # the means of an action
        "（六）每批次抽取10%的样品开展检测。",  # a sample
        "（六）对30%的企业开展随机抽查。",  # the scope of an inspection
        "（六）后续按照每天至少20%的比例抽样检测。",  # a standing procedure, every day
        "（七）每日至少报送2篇工作信息。",  # a standing duty, every day
    ],
)
def test_means_and_daily_duties_in_a_plan_are_no_goals(sentence: str) -> None:
    assert extract_targets(_PLAN + sentence + "\n") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("到2005年 , 力争实现产值600亿元左右 。", [("产值", 600)]),  # spaced punctuation after the value
        ("到2005年 , 培育 10 家龙头企业 , 建设 5 个基地 。", [("龙头企业", 10), ("基地", 5)]),
    ],
)
def test_spaced_punctuation_closes_the_indicator(sentence: str, expected: list[tuple[str, float]]) -> None:
    assert [(i, v) for i, v, *_ in targets(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("到2005年，12种主要污染物排放总量比2000年削减5%以上。", [("12种主要污染物排放总量", 5, "decrease")]),
        ("到2020年，30个重点城市细颗粒物浓度下降20%。", [("30个重点城市细颗粒物浓度", 20, "decrease")]),
    ],
)
def test_a_leading_count_of_a_changed_indicator_is_no_goal(
    sentence: str, expected: list[tuple[str, float, str]]
) -> None:
    assert [(i, v, c) for i, v, _, _, _, c in targets(sentence)] == expected


def test_a_spelled_out_plan_title_gives_the_year() -> None:
    raw = "某省国民经济和社会发展第十个五年计划纲要\n\n第一章 发展目标\n\u3000\u3000全省粮食总产量达到1600万吨左右。\n"
    assert [(i, v, y) for i, v, _, _, y, _ in targets(raw)] == [("粮食总产量", 1600, 2005)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("到2025年，国内生产总值年均增长8%左右。", ("国内生产总值", "increase", True)),
        ("到2025年，省级财政教育投入年均增长10%左右。", ("省级财政教育投入", "increase", True)),
        ("到2025年，节能环保产业产值年均增速在15%以上。", ("节能环保产业产值年均增速", "level", True)),
    ],
)
def test_nianjun_before_a_change_verb_is_the_annual_flag(sentence: str, expected: tuple[str, str, bool]) -> None:
    (t,) = extract_targets(sentence)
    assert (t.indicator, t.change, t.annual) == expected


def test_at_least_one_to_build_in_a_plan_is_a_goal() -> None:
    raw = _EDU_PLAN + "（三）每个县（市、区）至少建成一所高水平中职学校。\n"
    assert [(t.indicator, t.quantity.value, t.quantity.comparator) for t in extract_targets(raw)] == [
        ("高水平中职学校", 1, ">=")
    ]
    assert extract_targets(_EDU_PLAN + "（三）每个县（市、区）建成一所高水平中职学校。\n") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "（五）确保消毒作用1.5小时后，总余氯量达6.5mg/L～10mg/L。",
        "（五）定期向地漏加水，每次加水350ml。",
        "（五）血清标本可在4℃存放。",
    ],
)
def test_measures_of_a_technical_procedure_are_no_goals(sentence: str) -> None:
    assert extract_targets(_PLAN + sentence + "\n") == []


def test_procedure_units_are_catalogue_units() -> None:
    from govextract.datafiles import targets_data, units_data

    assert set(targets_data().procedure_units) <= set(units_data().table())


@pytest.mark.parametrize(
    ("raw", "text", "indicator"),
    [
        # a 的-modifier before the count qualifies the counted thing: indicator and span start at it
        ("到2025年，建设具有国际影响力的10个创新中心。", "具有国际影响力的10个创新中心", "具有国际影响力的创新中心"),
        (
            "到2025年，建立覆盖主要专业领域的1000个左右实践流动站。",
            "覆盖主要专业领域的1000个左右实践流动站",
            "覆盖主要专业领域的实践流动站",
        ),
        # after the count it is part of the counted noun anyway
        ("到2025年，培育100家具有核心竞争力的龙头企业。", "100家具有核心竞争力的龙头企业", "具有核心竞争力的龙头企业"),
    ],
)
def test_a_modifier_before_the_count_is_part_of_the_indicator(raw: str, text: str, indicator: str) -> None:
    assert [(t.text, t.indicator) for t in extract_targets(raw)] == [(text, indicator)]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a duration after a time noun (and its verb) is what a goal commits to
        ("到2020年，企业开办时间压缩至3个工作日以内。", [("企业开办时间", 3, "个工作日", "<=", 2020, "level")]),
        ("到2025年，项目审批时限缩短到80个工作日。", [("项目审批时限", 80, "个工作日", "=", 2025, "level")]),
        ("到2020年，平均办理时间控制在2小时以内。", [("平均办理时间", 2, "小时", "<=", 2020, "level")]),
    ],
)
def test_a_time_to_cut_is_a_goal(raw: str, expected: list[Row]) -> None:
    assert targets(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        # any other duration is a procedure's time limit
        "到2020年，申请人应当在30日内提交材料。",
        "到2020年，发生事故须在2小时内报告。",
        "用3年时间完成改造。",
        "第十条 行政机关应当自受理之日起20日内作出决定，办理时间不超过30日。",
    ],
)
def test_time_limits_of_procedures_are_no_goals(raw: str) -> None:
    assert targets(raw) == []
