"""Quantities: numerals, units, ranges, comparators, magnitudes, tables and what is no quantity."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govextract.datafiles import units_data
from govextract.extractors.quantities import extract_quantities
from tests.strategies import FULLWIDTH_DIGITS

Row = tuple[str, float, float | None, str, str]


def quantities(raw: str) -> list[Row]:
    return [(q.text, q.value, q.value_max, q.unit, q.comparator) for q in extract_quantities(raw)]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # numerals
        ("增长 15%", [("15%", 15, None, "%", "=")]),
        ("达到８．３％", [("８．３％", 8.3, None, "%", "=")]),
        ("交易额1,200亿元", [("1,200亿元", 1200, None, "亿元", "=")]),
        ("培育十万家企业", [("十万家", 10, None, "万家", "=")]),
        ("补助两千元", [("两千元", 2000, None, "元", "=")]),
        ("建设一百二十个站点", [("一百二十个", 120, None, "个", "=")]),
        ("占百分之四十", [("百分之四十", 40, None, "%", "=")]),
        # an adverb before the verb bounds its object
        ("至少总结提炼1条经验", [("1条", 1, None, "条", ">=")]),
        ("最多可延长30日", [("30日", 30, None, "日", "<=")]),
        ("提高三成", [("三成", 3, None, "成", "=")]),
        ("总产值达到 4.5 万亿元", [("4.5 万亿元", 4.5, None, "万亿元", "=")]),
        ("用户1.2万户", [("1.2万户", 1.2, None, "万户", "=")]),
        ("网民规模达到 8.5 亿，", [("8.5 亿", 8.5, None, "亿", "=")]),
        ("费用率由８．\n３％降低", [("８．\n３％", 8.3, None, "%", "=")]),
        # spaces PDF extraction puts inside a quantity
        ("投资３０亿元 以上", [("３０亿元 以上", 30, None, "亿元", ">=")]),
        ("不 少于１ ００名", [("不 少于１ ００名", 100, None, "名", ">=")]),
        ("超 过 ９８%", [("超 过 ９８%", 98, None, "%", ">")]),
        ("新增４０兆 瓦", [("４０兆 瓦", 40, None, "兆瓦", "=")]),
        # ranges
        ("建设10—15个基地", [("10—15个", 10, 15, "个", "=")]),
        ("提高2-3倍", [("2-3倍", 2, 3, "倍", "=")]),
        ("占60%～70%", [("60%～70%", 60, 70, "%", "=")]),
        ("3至5次", [("3至5次", 3, 5, "次", "=")]),
        ("80分以上90分以下为良好", [("80分以上90分以下", 80, 90, "分", "=")]),
        ("百分之十至百分之四十五", [("百分之十至百分之四十五", 10, 45, "%", "=")]),
        # comparators on both sides, distributed over coordinated values
        ("覆盖率达到 95%以上", [("95%以上", 95, None, "%", ">=")]),
        ("超过 98%", [("超过 98%", 98, None, "%", ">")]),
        ("不少于 2 篇", [("不少于 2 篇", 2, None, "篇", ">=")]),
        ("不超过３万元", [("不超过３万元", 3, None, "万元", "<=")]),
        ("低于5%", [("低于5%", 5, None, "%", "<")]),
        ("约4.5万个", [("约4.5万个", 4.5, None, "万个", "~")]),
        ("0.5个百分点左右", [("0.5个百分点左右", 0.5, None, "个百分点", "~")]),
        ("三日内", [("三日内", 3, None, "日", "<=")]),
        ("1.8 升（含）以下", [("1.8 升（含）以下", 1.8, None, "升", "<=")]),
        ("300余家", [("300余家", 300, None, "家", ">")]),
        ("五千多年", [("五千多年", 5000, None, "年", ">")]),
        ("稳定在 70% 和 75% 以上", [("70%", 70, None, "%", ">="), ("75% 以上", 75, None, "%", ">=")]),
        ("分别达到 50%、40% 以上", [("50%", 50, None, "%", ">="), ("40% 以上", 40, None, "%", ">=")]),
        ("速率超过 55M和 40M", [("超过 55M", 55, None, "M", ">"), ("40M", 40, None, "M", ">")]),
        # units
        ("每人每年 280 元", [("每人每年 280 元", 280, None, "元/人/年", "=")]),
        ("每所2—3名", [("每所2—3名", 2, 3, "名/所", "=")]),
        ("87 万吨/日以上", [("87 万吨/日以上", 87, None, "万吨/日", ">=")]),
        ("20 兆比特每秒（Mbps）", [("20 兆比特每秒（Mbps）", 20, None, "兆比特每秒", "=")]),
        ("100Mbps", [("100Mbps", 100, None, "Mbps", "=")]),
        ("新增30.6万千瓦", [("30.6万千瓦", 30.6, None, "万千瓦", "=")]),
        ("年发电量456亿千瓦时", [("456亿千瓦时", 456, None, "亿千瓦时", "=")]),
        ("10 亿平方米以上", [("10 亿平方米以上", 10, None, "亿平方米", ">=")]),
        ("不超过一个半小时", [("不超过一个半小时", 1.5, None, "小时", "<=")]),
        ("15个工作日内", [("15个工作日内", 15, None, "个工作日", "<=")]),
        ("试用期一年", [("一年", 1, None, "年", "=")]),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_forms(raw: str, expected: list[Row]) -> None:
    assert quantities(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("比重达到三分之一左右", [("三分之一左右", 1 / 3, None, "", "~")]),
        ("超过三分之二的县", [("超过三分之二", 2 / 3, None, "", ">")]),
        ("按不少于居民人数十分之一的比例配备", [("十分之一", 0.1, None, "", "=")]),
        ("转化率超过1/3", [("超过1/3", 1 / 3, None, "", ">")]),
        ("2/3以上的企业", [("2/3以上", 2 / 3, None, "", ">=")]),
        ("千分之三", [("千分之三", 3, None, "‰", "=")]),
        # no fraction: an improper one, a page, a run of slashes, a unit per unit
        ("九分之十", []),
        ("第1/3页", []),
        ("见1/2/3号", []),
        ("收费标准5元/人", [("5元/人", 5, None, "元/人", "=")]),
    ],
)
def test_fractions_are_shares(raw: str, expected: list[Row]) -> None:
    assert quantities(raw) == expected
    for q in extract_quantities(raw):
        if q.unit == "":
            assert (q.dimension, q.base_unit, q.unit_normalized) == ("ratio", None, None)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("比2010年翻一番", [("一番", 1, None, "番", "=")]),
        ("经济总量翻两番", [("两番", 2, None, "番", "=")]),
        ("全省生产总值翻了一番", [("一番", 1, None, "番", "=")]),
        # 一番 without 翻 is an article
        ("经过一番努力", []),
        ("进行一番调查", []),
    ],
)
def test_doublings_are_counted_after_fan(raw: str, expected: list[Row]) -> None:
    assert quantities(raw) == expected


def test_magnitudes_fold_into_the_base_value() -> None:
    (q,) = extract_quantities("4.5万亿元")
    assert (q.base_value, q.base_unit, q.unit_normalized, q.dimension) == (4.5e12, "元", "CNY", "money")
    (q,) = extract_quantities("8.5亿")
    assert (q.base_value, q.base_unit, q.unit_normalized) == (8.5e8, None, None)
    (q,) = extract_quantities("10 万家")
    assert (q.base_value, q.base_unit, q.dimension) == (1e5, "家", "count")


def test_a_documents_own_definition_of_below() -> None:
    raw = "本办法所称以上包括本数，以下不包括本数。60分以下为不合格，80分以上为优秀。"
    assert quantities(raw)[0] == ("60分以下", 60, None, "分", "<")
    assert quantities(raw)[1] == ("80分以上", 80, None, "分", ">=")
    assert quantities("60分以下为不合格")[0][4] == "<="


@pytest.mark.parametrize(
    "raw",
    [
        "国发〔2013〕10号",
        "2018年12月底前",
        "2012年版",
        "20182018年全省",
        "第二批试点",
        "十八大以来",
        "一批重点项目",
        "这是一项重要任务",
        "推动新一轮改革",
        "在延续上一轮政策的基础上",
        "让每一个学生都能获得教育机会",
        "“三个代表”重要思想",
        "满足“一次测试、一张证书”的需求",
        "十分重要",
        "二次伤害",
        "城乡二元结构",
        "三门峡市",
        "省委六届十一次全会",
        "三次产业结构",
        "一次能源消费",
        "同一份标本",
        "另一个方面",
        "于第1、2、3、5、7天检测",
        "一一对应",
        "一头扎进",
        "一口气完成",
        "两只手",
        "二年级学生",
        "一次性补助",
        "千家万户",
        "实施三年行动计划",
        "1.完成调查",
        "（1）加强领导",
        "比例为3.2:45.1:51.7",
        "AAA级景区",
        "附件1\n\n成都市人民政府",
    ],
)
def test_not_quantities(raw: str) -> None:
    assert quantities(raw) == []


def test_table_cells_take_the_unit_of_their_row() -> None:
    raw = (
        "指标\t单位\t2013年\t2015年\t2020年\n"
        "固定宽带接入用户\t亿户\t2.1\t2.7\t4.0\n"
        "城市宽带接入能力\tMbps\t20（80%用户）\t20\t50\n"
        "行政村通宽带比例\t%\t90\t95\t>98\n"
        "大型企事业单位接入带宽\tMbps\t\t大于100\t——\n"
    )
    found = [(q.text, q.value, q.unit, q.comparator, q.rule) for q in extract_quantities(raw)]
    assert ("2.1", 2.1, "亿户", "=", "table") in found
    assert ("20（80%用户）", 20, "Mbps", "=", "table") in found
    assert ("80%", 80, "%", "=", "text") in found  # the gloss holds a quantity of its own
    assert (">98", 98, "%", ">", "table") in found
    assert ("大于100", 100, "Mbps", ">", "table") in found
    assert not any(t in ("——", "2013年") for t, *_ in found)
    assert len(found) == 11


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a negation and its modal turn a strict comparator round (and join the span)
        ("每次不应超过 300ml。", [("不应超过 300ml", 300, None, "ml", "<=")]),
        ("时间不宜超过4小时。", [("不宜超过4小时", 4, None, "小时", "<=")]),
        ("不应当超过30日", [("不应当超过30日", 30, None, "日", "<=")]),
        ("不能低于90%", [("不能低于90%", 90, None, "%", ">=")]),
        ("不应大于5%", [("不应大于5%", 5, None, "%", "<=")]),
        # without one they stay strict; 不超过 and 不得超过 are words of their own
        ("是否超过3人", [("超过3人", 3, None, "人", ">")]),
        ("原则上不超过3人", [("不超过3人", 3, None, "人", "<=")]),
        # 或以下 / 或以上 bound as 及以下 / 及以上 do
        ("置于-70℃或以下保存", [("-70℃或以下", -70, None, "℃", "<=")]),
        ("65岁或以上人群", [("65岁或以上", 65, None, "岁", ">=")]),
        ("60岁及以上老人", [("60岁及以上", 60, None, "岁", ">=")]),
    ],
)
def test_negated_and_alternative_bounds(raw: str, expected: list[Row]) -> None:
    assert quantities(raw) == expected


def test_a_unit_alone_on_the_line_after_a_number_is_a_form_cell() -> None:
    # a page number above a form's blank date: no 141 years
    assert quantities("需填详细信息。\n\n141\n\n年\n\n月\n\n日\n\n基因序列") == []
    # a number wrapped onto its unit, the sentence going on after it, still is a quantity
    assert quantities("总投资达到100\n亿元，带动就业") == [("100\n亿元", 100, None, "亿元", "=")]


@pytest.mark.parametrize(
    ("raw", "normalized", "value"),
    [
        # base_value is in the written unit; value_normalized in the unit users aggregate
        ("800吨", "kg", 800_000.0),
        ("5公斤", "kg", 5.0),
        ("87万吨/日", "kg/日", 870_000_000.0),
        ("3.5公里", "m", 3500.0),
        ("死亡率5‰", "%", 0.5),
        ("4.5万亿元", "CNY", 4.5e12),
        ("10 万家", "家", 1e5),
        ("有效氯1000mg/L", "mg/L", 1000.0),
        ("8.5亿", None, None),
    ],
)
def test_value_normalized_is_in_the_normalized_unit(raw: str, normalized: str | None, value: float | None) -> None:
    (q,) = extract_quantities(raw)
    assert (q.unit_normalized, q.value_normalized) == (normalized, value)


def test_every_normalized_unit_of_the_seeds_has_its_value(seeds: dict[str, str]) -> None:
    # a catalogue unit gives both or neither; the seeds write hundreds of quantities in dozens of units
    found = [q for raw in seeds.values() for q in extract_quantities(raw)]
    with_unit = [q for q in found if q.unit_normalized is not None]
    assert len(with_unit) > 400
    assert [q.text for q in with_unit if q.value_normalized is None] == []
    assert [q.text for q in found if q.unit_normalized is None and q.value_normalized is not None] == []


def test_units_file_is_consistent() -> None:
    data = units_data()
    table = data.table()
    assert {"元", "%", "个百分点", "倍", "户", "亩", "千瓦时", "Mbps", "太字节", "小时"} <= set(table)
    for unit, (normalized, multiplier, _dimension) in table.items():
        assert normalized and multiplier > 0, unit
    assert set(data.magnitudes) >= {"万", "亿", "万亿"}


# --- properties -------------------------------------------------------------------------------

UNITS = ["%", "亿元", "万亩", "个", "户", "Mbps", "个百分点", "万千瓦"]


@st.composite
def written(draw: st.DrawFn) -> tuple[str, float, str]:
    whole = draw(st.integers(1, 99999))
    frac = draw(st.sampled_from(["", ".5", ".25"]))
    unit = draw(st.sampled_from(UNITS))
    number = f"{whole}{frac}"
    if draw(st.booleans()):
        number = number.translate(FULLWIDTH_DIGITS).replace(".", "．")
    lead = draw(st.sampled_from(["达到", "新增", "累计完成", "比例为"]))
    return f"{lead}{number}{unit}。", float(f"{whole}{frac}"), unit


@given(written())
def test_any_number_with_a_unit_is_found(case: tuple[str, float, str]) -> None:
    raw, value, unit = case
    assert [(q.value, q.unit) for q in extract_quantities(raw)] == [(value, unit)]


@given(written(), st.sampled_from(["\u200b", " ", "\u3000"]))
def test_noise_between_number_and_unit_keeps_the_value(case: tuple[str, float, str], noise: str) -> None:
    raw, value, unit = case
    at = raw.index(unit)
    noisy = raw[:at] + noise + raw[at:]
    found = extract_quantities(noisy)
    assert [(q.value, q.unit) for q in found] == [(value, unit)]
    assert all(noisy[q.start : q.end] == q.text for q in found)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # 二 counts a duration, and any value of a range (statutes write 二个月, 二至四年)
        ("扣留证书二至四个月", [("二至四个月", 2, 4, "个月", "=")]),
        ("处二个月以下的拘留", [("二个月以下", 2, None, "个月", "<=")]),
        ("期限为二年", [("二年", 2, None, "年", "=")]),
        ("二至三项", [("二至三项", 2, 3, "项", "=")]),
    ],
)
def test_er_counts_durations_and_ranges(raw: str, expected: list[Row]) -> None:
    assert quantities(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # ends with different magnitudes of one unit: one range, in the first end's unit
        ("并处五千元以上一万元以下的罚款", [("五千元以上一万元以下", 5000, 10000, "元", "=")]),
        ("处500元以上1.5万元以下罚款", [("500元以上1.5万元以下", 500, 15000, "元", "=")]),
        ("处一万元以上十万元以下罚款", [("一万元以上十万元以下", 1, 10, "万元", "=")]),
        # different units stay two quantities
        ("5公里以上10公顷以下", [("5公里以上", 5, None, "公里", ">="), ("10公顷以下", 10, None, "公顷", "<=")]),
    ],
)
def test_bounds_across_magnitudes(raw: str, expected: list[Row]) -> None:
    assert quantities(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # measure words of counts after a magnitude keep the magnitude and the qualifier
        ("卷烟产量达到600万箱以上", [("600万箱以上", 600, None, "万箱", ">=")]),
        ("交换机容量达到770万门以上", [("770万门以上", 770, None, "万门", ">=")]),
        ("生猪出栏500万头", [("500万头", 500, None, "万头", "=")]),
        ("打井100口", [("100口", 100, None, "口", "=")]),
        ("藏书10万册", [("10万册", 10, None, "万册", "=")]),
        # doses of a vaccine; 每周 before a count makes it a rate, as 每天 does
        ("加强免疫1 剂次", [("1 剂次", 1, None, "剂次", "=")]),
        ("接种2剂疫苗", [("2剂", 2, None, "剂", "=")]),
        ("每周 2 次核酸检测", [("每周 2 次", 2, None, "次/周", "=")]),
        ("每天1次", [("每天1次", 1, None, "次/天", "=")]),
        ("使用消毒剂擦拭", []),
    ],
)
def test_more_measure_words(raw: str, expected: list[Row]) -> None:
    assert quantities(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # units in Latin letters and symbols, from technical annexes
        ("有效氯1000mg/L", [("1000mg/L", 1000, None, "mg/L", "=")]),
        ("每次30～50ml", [("每次30～50ml", 30, 50, "ml/次", "=")]),
        ("不应超过300ml", [("不应超过300ml", 300, None, "ml", "<=")]),
        ("于2℃～8℃冷藏", [("2℃～8℃", 2, 8, "℃", "=")]),
        ("于-20℃以下保存", [("-20℃以下", -20, None, "℃", "<=")]),
        ("8000rpm离心", [("8000rpm", 8000, None, "rpm", "=")]),
        ("称取0.1g", [("0.1g", 0.1, None, "g", "=")]),
        ("采样深度约30cm", [("约30cm", 30, None, "cm", "~")]),
    ],
)
def test_latin_and_symbol_units(raw: str, expected: list[Row]) -> None:
    assert quantities(raw) == expected


@pytest.mark.parametrize("raw", ["建设5G网络", "4G基站", "间隔10min", "PM2.5浓度", "H5N1禽流感"])
def test_latin_letters_after_a_number_that_are_no_unit(raw: str) -> None:
    assert [q.unit for q in extract_quantities(raw) if q.unit in ("g", "m", "L", "mg")] == []


def test_a_slashed_catalogue_unit_keeps_its_dimension() -> None:
    (q,) = extract_quantities("有效氯1000mg/L")
    assert (q.unit_normalized, q.dimension) == ("mg/L", "other")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # neighbouring digits without 十: an approximate range
        ("用三四个月时间", [("三四个月", 3, 4, "个月", "=")]),
        ("两三个", [("两三个", 2, 3, "个", "=")]),
        ("三五年内", [("三五年内", 3, 5, "年", "<=")]),
        # the 一 of a word before the number is no digit of it
        ("唯一一个", [("一个", 1, None, "个", "=")]),
        # digit by digit with 〇 is still a number; with 十 a number as ever
        ("一二〇个", [("一二〇个", 120, None, "个", "=")]),
        ("三十四个", [("三十四个", 34, None, "个", "=")]),
        # a Chinese gloss of the unit stays in the span
        ("不低于20Mbps（比特/秒）", [("不低于20Mbps（比特/秒）", 20, None, "Mbps", ">=")]),
    ],
)
def test_neighbouring_digits_and_glosses(raw: str, expected: list[Row]) -> None:
    assert quantities(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # 余/多 between the magnitude and the unit: more than the figure
        ("受益群众10万余人", [("10万余人", 10, None, "万人", ">")]),
        ("新增就业3万多人", [("3万多人", 3, None, "万人", ">")]),
        ("企业3000余家", [("3000余家", 3000, None, "家", ">")]),
        # 超 on its own before a figure is 超过
        ("收入超 10 亿元", [("超 10 亿元", 10, None, "亿元", ">")]),
        ("产值超1000万元", [("超1000万元", 1000, None, "万元", ">")]),
        # 根 counts in figures
        ("建设年产130根曲轴的项目", [("130根", 130, None, "根", "=")]),
        # 一次 after its verb is a count
        ("最多跑一次", [("一次", 1, None, "次", "<=")]),
        ("每年召开一次会议", [("一次", 1, None, "次", "=")]),
    ],
)
def test_more_and_over_and_counts(raw: str, expected: list[Row]) -> None:
    assert quantities(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "初中一年级学生",  # a grade, not a year
        "七年级",
        "小学3年级",
        "实现一次办结",  # 一次 before its verb: in one go
        "一次告知所需材料",
        "申请人一次提交材料",
        "建立一支高水平的创新型科技人才队伍",  # 一支 as an article
        "推行十五年一贯制办学",  # a name
        "建设超大城市",
        "一根筋",
    ],
)
def test_grades_adverbs_articles_and_names_are_no_quantities(raw: str) -> None:
    assert quantities(raw) == []


def test_every_unit_and_magnitude_may_follow_a_number_in_the_scan() -> None:
    # the scan checks the character after a number before it tries the units: every unit and
    # magnitude of the catalogue, after a number, a range and a space, must pass that check
    from govextract.extractors.quantities import _units

    data = units_data()
    scan = _units().pattern
    for word in (*data.table(), *(m + "元" for m in data.magnitudes)):
        for text in (f"共5{word}", f"共5-8{word}", f"共5 {word}"):
            m = scan.search(text)
            assert m is not None and m.end() == len(text), (text, m)


def test_numerals_inside_words_are_no_quantities() -> None:
    assert extract_quantities("进一步统一思想，一道推进，万无一失，一律从严。") == []


@pytest.mark.parametrize(
    ("text", "quantity", "unit", "yuan"),
    [
        pytest.param("每千瓦时加价2分钱", "2分钱", "分钱", 0.02, id="fen"),
        pytest.param("票价5角钱", "5角钱", "角钱", 0.5, id="jiao"),
        pytest.param("每张两毛钱", "两毛钱", "毛钱", 0.2, id="mao"),
    ],
)
def test_fen_and_jiao_are_money(text: str, quantity: str, unit: str, yuan: float) -> None:
    (q,) = extract_quantities(text)
    assert (q.text, q.unit, q.dimension, q.unit_normalized) == (quantity, unit, "money", "CNY")
    assert q.value_normalized == pytest.approx(yuan)


@pytest.mark.parametrize("text", ["市、县两级政府", "省、市、县三级行政许可目录", "三级医院", "一级响应"])
def test_levels_and_grades_in_ji_are_no_quantities(text: str) -> None:
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "坚持三个代表重要思想",
        "协调推进四个全面战略布局",
        "增强四个意识、坚定四个自信、做到两个维护",
        "实现两个一百年奋斗目标",
        "坚持两个毫不动摇",
    ],
)
def test_unquoted_slogans_are_no_quantities(text: str) -> None:
    assert extract_quantities(text) == []


def test_counts_of_the_same_measure_word_outside_slogans_stay() -> None:
    assert [q.text for q in extract_quantities("建设两个中心，设立四个工作组")] == ["两个", "四个"]
