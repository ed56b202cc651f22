"""Dates: written forms, ranges, periods, deadlines, recurring and relative, year resolution."""

from __future__ import annotations

import datetime as dt

import pytest

from govextract.extractors.dates import extract_dates

D = dt.date


def dates(raw: str, ref: dt.date | None = None) -> list[tuple[str, str, dt.date | None, dt.date | None]]:
    return [(d.text, d.kind, d.start_date, d.end_date) for d in extract_dates(raw, reference_date=ref)]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2013年3月2日", [("2013年3月2日", "date", D(2013, 3, 2), D(2013, 3, 2))]),
        ("2013 年 3 月 2日", [("2013 年 3 月 2日", "date", D(2013, 3, 2), D(2013, 3, 2))]),
        ("２０１６年８月８日", [("２０１６年８月８日", "date", D(2016, 8, 8), D(2016, 8, 8))]),
        ("二〇一六年八月八日", [("二〇一六年八月八日", "date", D(2016, 8, 8), D(2016, 8, 8))]),
        ("2016.8.8", [("2016.8.8", "date", D(2016, 8, 8), D(2016, 8, 8))]),
        ("2016-08-08", [("2016-08-08", "date", D(2016, 8, 8), D(2016, 8, 8))]),
        ("2016/8/8", [("2016/8/8", "date", D(2016, 8, 8), D(2016, 8, 8))]),
        ("2013年7月", [("2013年7月", "month", D(2013, 7, 1), D(2013, 7, 31))]),
        ("到2020年，", [("2020年", "year", D(2020, 1, 1), D(2020, 12, 31))]),
        ("2017年度", [("2017年度", "year", D(2017, 1, 1), D(2017, 12, 31))]),
        ("（2013-2020 年）", [("2013-2020 年", "range", D(2013, 1, 1), D(2020, 12, 31))]),
        ("2011—2020年", [("2011—2020年", "range", D(2011, 1, 1), D(2020, 12, 31))]),
        ("2018年1月至2019年6月", [("2018年1月至2019年6月", "range", D(2018, 1, 1), D(2019, 6, 30))]),
        ("2017年第四季度", [("2017年第四季度", "range", D(2017, 10, 1), D(2017, 12, 31))]),
        ("2019年下半年", [("2019年下半年", "range", D(2019, 7, 1), D(2019, 12, 31))]),
        ("2018年春季", [("2018年春季", "range", D(2018, 3, 1), D(2018, 5, 31))]),
        ("从2018年起", [("2018年起", "range", D(2018, 1, 1), None)]),
        ("自2018年4月1日起施行", [("2018年4月1日起", "range", D(2018, 4, 1), None)]),
        ("“十三五”时期", [("“十三五”", "period", D(2016, 1, 1), D(2020, 12, 31))]),
        ("十二五期间", [("十二五", "period", D(2011, 1, 1), D(2015, 12, 31))]),
        ("2018年12月底前", [("2018年12月底前", "deadline", None, D(2018, 12, 31))]),
        ("2018 年 12\n月底前完成", [("2018 年 12\n月底前", "deadline", None, D(2018, 12, 31))]),
        ("2015年底前", [("2015年底前", "deadline", None, D(2015, 12, 31))]),
        ("2013年9月底", [("2013年9月底", "date", D(2013, 9, 30), D(2013, 9, 30))]),
        ("2013年年底", [("2013年年底", "month", D(2013, 12, 1), D(2013, 12, 31))]),
        ("每季度通报一次", [("每季度", "recurring", None, None)]),
        ("每年1月底前报送", [("每年1月底前", "recurring", None, None)]),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_forms(raw: str, expected: list[tuple[str, str, dt.date | None, dt.date | None]]) -> None:
    assert dates(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["国发〔2013〕10号", "2012年版", "中国制造2025", "近年来", "目前", "每年新增100个", "三年内完成", "20182018年"],
)
def test_not_dates(raw: str) -> None:
    assert [d for d in dates(raw) if d[1] != "relative"] == []


def test_missing_years_resolve() -> None:
    # same sentence, then preceding year in the paragraph, then the reference date
    assert dates("2018年要在6月30日前完成。")[1] == ("6月30日前", "deadline", None, D(2018, 6, 30))
    assert dates("2017年启动。年底前完成验收。")[1] == ("年底前", "deadline", None, D(2017, 12, 31))
    assert dates("年内完成。", ref=D(2016, 5, 1)) == [("年内", "deadline", None, D(2016, 12, 31))]


@pytest.mark.parametrize(
    ("raw", "ref", "expected"),
    [
        ("到本世纪第二个十年末", D(2016, 1, 1), ("本世纪第二个十年", "range", D(2011, 1, 1), D(2020, 12, 31))),
        ("21世纪头十年", None, ("21世纪头十年", "range", D(2001, 1, 1), D(2010, 12, 31))),
        ("二十一世纪第三个十年", None, ("二十一世纪第三个十年", "range", D(2021, 1, 1), D(2030, 12, 31))),
        ("上世纪90年代以来", D(2016, 1, 1), ("上世纪90年代", "range", D(1990, 1, 1), D(1999, 12, 31))),
        ("20世纪八十年代", None, ("20世纪八十年代", "range", D(1980, 1, 1), D(1989, 12, 31))),
    ],
)
def test_decades(raw: str, ref: dt.date | None, expected: tuple[str, str, dt.date, dt.date]) -> None:
    assert dates(raw, ref) == [expected]


def test_decade_needs_a_year_for_this_century() -> None:
    assert dates("本世纪第二个十年") == []  # nothing says which century 本 is
    assert dates("本世纪中叶") == []  # vague


def test_year_from_signed_date() -> None:
    raw = (
        "国务院办公厅关于做好工作的通知\n国办发〔2016〕1号\n各省、自治区、直辖市人民政府：\n"
        "请于年内完成。\n国务院办公厅\n2016年3月4日\n"
    )
    (within,) = [d for d in extract_dates(raw) if d.text == "年内"]
    assert within.end_date == D(2016, 12, 31)


# --- properties -------------------------------------------------------------------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.strategies import FULLWIDTH_DIGITS, Perturbed  # noqa: E402


@st.composite
def written_dates(draw: st.DrawFn) -> tuple[str, int, int, dt.date]:
    day = draw(st.dates(min_value=D(1990, 1, 1), max_value=D(2035, 12, 31)))
    form = draw(st.sampled_from(["{y}年{m}月{d}日", "{y} 年 {m} 月 {d} 日", "{y}.{m}.{d}"]))
    text = form.format(y=day.year, m=day.month, d=day.day)
    if draw(st.booleans()):
        text = text.translate(FULLWIDTH_DIGITS)
    lead = draw(st.sampled_from(["", "于", "截至", "自", "会议定于"]))
    tail = draw(st.sampled_from(["", "召开。", "，现印发给你们。"]))
    return lead + text + tail, len(lead), len(lead) + len(text), day


@given(written_dates())
def test_any_day_is_found(case: tuple[str, int, int, dt.date]) -> None:
    raw, start, end, day = case
    assert [(d.start, d.end, d.kind, d.start_date) for d in extract_dates(raw)] == [(start, end, "date", day)]


@given(st.data())
def test_perturbation_keeps_the_interval(data: st.DataObject) -> None:
    raw, start, end, day = data.draw(written_dates())
    if "." in raw[start:end]:
        return  # a break inside 2016.8.8 makes it a decimal and a number: not a token SPEC normalizes
    # one piece of noise inside the date: a wrap, a space, an ideographic space or a zero-width one
    point = data.draw(st.integers(start + 1, end - 1))
    noise = data.draw(st.sampled_from(["\u3000", "\u200b", " ", "\n"]))
    p = Perturbed(raw[:point] + noise + raw[point:], (point,), (noise,))
    found = [(d.kind, d.start_date, d.end_date) for d in extract_dates(p.text)]
    assert found == [("date", day, day)]


Y2022 = ("2022年", "year", D(2022, 1, 1), D(2022, 12, 31))
Y2023 = ("2023年", "year", D(2023, 1, 1), D(2023, 12, 31))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a range of days: the second end takes the first's year and month when it names none
        ("2004年4月16日至18日，", [("2004年4月16日至18日", "range", D(2004, 4, 16), D(2004, 4, 18))]),
        ("2004年4月16日至4月18日", [("2004年4月16日至4月18日", "range", D(2004, 4, 16), D(2004, 4, 18))]),
        ("2004年4月16—18日", [("2004年4月16—18日", "range", D(2004, 4, 16), D(2004, 4, 18))]),
        (
            "2016年5月1日至2017年4月30日",
            [("2016年5月1日至2017年4月30日", "range", D(2016, 5, 1), D(2017, 4, 30))],
        ),
        ("2018年1月1日—12月31日前", [("2018年1月1日—12月31日前", "deadline", None, D(2018, 12, 31))]),
        # days out of order, or a count after 至: the first day alone
        ("2004年4月18日至16日", [("2004年4月18日", "date", D(2004, 4, 18), D(2004, 4, 18))]),
        ("2004年4月16日至18个城市", [("2004年4月16日", "date", D(2004, 4, 16), D(2004, 4, 16))]),
        # yearless ranges of days take their year as a yearless day does (here from the sentence)
        ("2023年，1月21日至27日放假", [Y2023, ("1月21日至27日", "range", D(2023, 1, 21), D(2023, 1, 27))]),
        ("2023年，4月29日至5月3日放假", [Y2023, ("4月29日至5月3日", "range", D(2023, 4, 29), D(2023, 5, 3))]),
        ("2023年，6月1日-30日开展", [Y2023, ("6月1日-30日", "range", D(2023, 6, 1), D(2023, 6, 30))]),
        ("2023年，二月一日至五日", [Y2023, ("二月一日至五日", "range", D(2023, 2, 1), D(2023, 2, 5))]),
        ("2023年，5月1日至3日前完成", [Y2023, ("5月1日至3日前", "deadline", None, D(2023, 5, 3))]),
        # over the new year the second day is in the next year
        ("2022年，12月31日至1月2日", [Y2022, ("12月31日至1月2日", "range", D(2022, 12, 31), D(2023, 1, 2))]),
        # days out of order: the first day alone; no year anywhere: null bounds
        ("2023年，4月18日至16日", [Y2023, ("4月18日", "date", D(2023, 4, 18), D(2023, 4, 18))]),
        ("1月21日至27日放假", [("1月21日至27日", "range", None, None)]),
        ("2023年，4月16日至18个城市", [Y2023, ("4月16日", "date", D(2023, 4, 16), D(2023, 4, 16))]),
    ],
)
def test_day_ranges(raw: str, expected: list[tuple[str, str, dt.date | None, dt.date | None]]) -> None:
    assert dates(raw) == expected


@pytest.mark.parametrize("word", ["当年度", "本年度", "上一年度", "当年"])
def test_relative_year_words_are_whole(word: str) -> None:
    assert dates(f"{word}未休的年休假") == [(word, "relative", None, None)]


@given(st.text(alphabet="今明去上本下当次一年度 x", max_size=30))
def test_relative_words_found_from_their_nian_are_the_rules_matches(s: str) -> None:
    from govextract.extractors.dates import _date_res, _relative_matches

    rx = dict(_date_res())["relative"]
    assert [m.span() for m in _relative_matches(s, rx)] == [m.span() for m in rx.finditer(s)]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("国民经济和社会发展第十四个五年规划纲要", [("第十四个五年", "period", D(2021, 1, 1), D(2025, 12, 31))]),
        ("云南省第十个五年计划", [("第十个五年", "period", D(2001, 1, 1), D(2005, 12, 31))]),
        ("第三个五年计划", [("第三个五年", "period", D(1966, 1, 1), D(1970, 12, 31))]),
    ],
)
def test_spelled_out_plan_periods(raw: str, expected: list[tuple[str, str, dt.date | None, dt.date | None]]) -> None:
    assert dates(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "是指导云南新世纪发展的第一个五年计划",  # the era's first plan, not the first plan (1953)
        "新世纪第一个五年规划",
        "开启新征程的第一个五年规划",
        "进入新时代第二个五年计划",
    ],
)
def test_an_eras_nth_plan_is_no_period(raw: str) -> None:
    assert dates(raw) == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # 以后 / 之后 open a range as 起 and 以来 do (the span keeps the word)
        ("2020年以后，逐步实现全覆盖。", [("2020年以后", "range", D(2020, 1, 1), None)]),
        ("2025年之后的发展", [("2025年之后", "range", D(2025, 1, 1), None)]),
        ("2013年3月以后", [("2013年3月以后", "range", D(2013, 3, 1), None)]),
        ("自2018年3月1日以后", [("2018年3月1日以后", "range", D(2018, 3, 1), None)]),
        # 后 alone is left to the year: 2015年后期 is late 2015, 2020年后续 what follows
        ("2015年后续工作", [("2015年", "year", D(2015, 1, 1), D(2015, 12, 31))]),
    ],
)
def test_from_a_time_on_is_an_open_range(
    raw: str, expected: list[tuple[str, str, dt.date | None, dt.date | None]]
) -> None:
    assert dates(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("到“十二五”末，", [("“十二五”末", "month", D(2015, 12, 1), D(2015, 12, 31))]),
        ("到十三五期末", [("十三五期末", "month", D(2020, 12, 1), D(2020, 12, 31))]),
        ("十二五末全市", [("十二五末", "month", D(2015, 12, 1), D(2015, 12, 31))]),
        ("比“十一五”末降低16%", [("“十一五”末", "month", D(2010, 12, 1), D(2010, 12, 31))]),
        ("“ 十五 ”末", [("“ 十五 ”末", "month", D(2005, 12, 1), D(2005, 12, 31))]),
        # its last stage is no month: the period stays
        ("十三五末期", [("十三五", "period", D(2016, 1, 1), D(2020, 12, 31))]),
    ],
)
def test_end_of_a_plan_period_is_its_last_december(
    raw: str, expected: list[tuple[str, str, dt.date | None, dt.date | None]]
) -> None:
    assert dates(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('是云南省 " 十五 " 期间', [('" 十五 "', "period", D(2001, 1, 1), D(2005, 12, 31))]),
        ("“ 十四五 ”时期", [("“ 十四五 ”", "period", D(2021, 1, 1), D(2025, 12, 31))]),
        ("“九五”时期", [("“九五”", "period", D(1996, 1, 1), D(2000, 12, 31))]),
        ("比 “ 九五 ” 期间翻一番", [("“ 九五 ”", "period", D(1996, 1, 1), D(2000, 12, 31))]),
        ("八五期间", [("八五", "period", D(1991, 1, 1), D(1995, 12, 31))]),
        ("“七五”计划", [("“七五”", "period", D(1986, 1, 1), D(1990, 12, 31))]),
        ("八五折", []),
        ("十五届五中全会", []),
    ],
)
def test_plan_periods_padded_and_before_2001(
    raw: str, expected: list[tuple[str, str, dt.date | None, dt.date | None]]
) -> None:
    assert dates(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("期间 (2 0 0 1 -2 0 0 5年 )", [("2 0 0 1 -2 0 0 5年", "range", D(2001, 1, 1), D(2005, 12, 31))]),
        ("期间 (2 0 0 1- 2 0 0 5年)", [("2 0 0 1- 2 0 0 5年", "range", D(2001, 1, 1), D(2005, 12, 31))]),
        ("2018 —2019年", [("2018 —2019年", "range", D(2018, 1, 1), D(2019, 12, 31))]),
    ],
)
def test_year_ranges_of_spaced_digits_spaced_at_the_dash(
    raw: str, expected: list[tuple[str, str, dt.date | None, dt.date | None]]
) -> None:
    assert dates(raw) == expected


@pytest.mark.parametrize(
    ("raw", "span"),
    [
        ("要每季对服务点至少巡检一次", "每季"),
        ("每季度通报一次", "每季度"),
        ("按季报送业务统计数据", "按季"),
        ("按季度报送业务统计数据", "按季度"),
        ("按月报送业务统计数据", "按月"),
    ],
)
def test_every_quarter_is_recurring(raw: str, span: str) -> None:
    (d,) = dates(raw)
    assert d == (span, "recurring", None, None)


def test_by_season_is_no_recurring_quarter() -> None:
    assert dates("按季节调整作息时间") == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # months counted from the year's start, as statistics write them: the first 月 left out
        ("2023年1—6月，全市完成投资", [("2023年1—6月", "range", D(2023, 1, 1), D(2023, 6, 30))]),
        ("2023年1-6月", [("2023年1-6月", "range", D(2023, 1, 1), D(2023, 6, 30))]),
        ("2023年，1至3月", [Y2023, ("1至3月", "range", D(2023, 1, 1), D(2023, 3, 31))]),
        # a part of a yearless month, half or quarter takes its year as a yearless day does
        ("2023年，9月下旬完成", [Y2023, ("9月下旬", "range", D(2023, 9, 21), D(2023, 9, 30))]),
        ("2023年，12月中旬前完成", [Y2023, ("12月中旬前", "deadline", None, D(2023, 12, 20))]),
        ("2023年12月中旬前完成", [("2023年12月中旬前", "deadline", None, D(2023, 12, 20))]),
        ("2023年，二季度完成", [Y2023, ("二季度", "range", D(2023, 4, 1), D(2023, 6, 30))]),
        ("2023年，第三季度完成", [Y2023, ("第三季度", "range", D(2023, 7, 1), D(2023, 9, 30))]),
        ("2023年，下半年完成", [Y2023, ("下半年", "range", D(2023, 7, 1), D(2023, 12, 31))]),
        ("第一季度", [("第一季度", "range", None, None)]),
        # a season alone only where time follows it
        ("2023年，冬季低温条件下", [Y2023, ("冬季", "range", D(2023, 12, 1), D(2024, 2, 29))]),
        ("2023年，冬季期间", [Y2023, ("冬季", "range", D(2023, 12, 1), D(2024, 2, 29))]),
        ("2023年，冬季农业开发", [Y2023]),
        ("2022年冬季奥运会", [("2022年", "year", D(2022, 1, 1), D(2022, 12, 31))]),
        # an open start to an end: one range (起 inside, 止 outside the span)
        (
            "自2023年3月1日起至2025年2月28日止",
            [("2023年3月1日起至2025年2月28日", "range", D(2023, 3, 1), D(2025, 2, 28))],
        ),
        # not a date: an infant's age in months, quarters counted in a range, 每年's season
        ("6-12月龄婴儿", []),
        ("2023年，第1-3季度", [Y2023]),
        ("每年春季开展", [("每年", "recurring", None, None)]),
    ],
)
def test_yearless_parts_of_a_year_and_month_ranges(
    raw: str, expected: list[tuple[str, str, dt.date | None, dt.date | None]]
) -> None:
    assert dates(raw) == expected
