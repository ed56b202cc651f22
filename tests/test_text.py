"""Normalization: each phenomenon of the seeds, with raw offsets and logical lines asserted."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govextract import normalize
from govextract import text as text_module
from tests.conftest import seed_text
from tests.strategies import gov_like_text


def lines(raw: str) -> list[str]:
    nt = normalize(raw)
    return [nt.text[a:b] for a, b in nt.lines]


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        pytest.param("２０１６年８月８日", "2016年8月8日", id="fullwidth-digits"),
        pytest.param("８．３％", "8.3%", id="fullwidth-dot-percent"),
        pytest.param("ＦＴＴＨ用户", "FTTH用户", id="fullwidth-letters"),
        pytest.param("（一）", "(一)", id="fullwidth-parens"),
        pytest.param("国\u3000务院", "国 务院", id="u3000-inside"),
        pytest.param("国\u200b发\ufeff", "国发", id="zero-width"),
        pytest.param("2 0 0 1年", "2001年", id="spaced-digits"),
        pytest.param("10 号", "10号", id="space-before-hao"),
        pytest.param("2013 年 3 月 2日", "2013年3月2日", id="spaced-date"),
        pytest.param("15% 以上", "15%以上", id="space-after-percent"),
        pytest.param("2.1\t2.7", "2.1\t2.7", id="tab-cells-stay"),
        pytest.param("2.1 2.7", "2.1 2.7", id="spaced-decimals-stay"),
        pytest.param("㈠加强", "(一)加强", id="parenthesized-ideograph"),
        pytest.param("⒈完成", "1.完成", id="digit-full-stop"),
        pytest.param("⑴完成", "(1)完成", id="parenthesized-digit"),
        pytest.param("①完成", "①完成", id="circled-stays"),
        pytest.param("综发﹝2022﹞21号", "综发〔2022〕21号", id="small-tortoise-shell-brackets"),
        pytest.param("增长5﹪﹐达到", "增长5%,达到", id="small-percent-and-comma"),
        pytest.param("﹙一﹚加强﹕", "(一)加强:", id="small-parens-colon"),
        pytest.param("﹟标题﹡", "﹟标题﹡", id="small-number-sign-and-asterisk-stay"),
        pytest.param("第一章\f第一条", "第一章\n第一条", id="form-feed"),
        pytest.param("a。\r\nb。\r\nc", "a。\nb。\nc", id="crlf"),
        pytest.param("", "", id="empty"),
        pytest.param("\n\n \u3000\n", "", id="blank-only"),
    ],
)
def test_normalized_text(raw: str, text: str) -> None:
    assert normalize(raw).text == text


@pytest.mark.parametrize(
    ("raw", "needle", "raw_span"),
    [
        pytest.param("国\u200b发〔2013〕", "国发", (0, 3), id="zero-width-inside-span"),
        pytest.param("确保所有行\n\n业税负只减不增。", "行业", (4, 8), id="wrap-inside-span"),
        pytest.param("２０１６年", "2016年", (0, 5), id="fullwidth-one-to-one"),
        pytest.param("㈠加强", "(一)", (0, 1), id="expansion-maps-to-one-char"),
        pytest.param("㈠加强", "一", (0, 1), id="inside-expansion"),
        pytest.param("2 0 0 1年", "2001年", (0, 8), id="deleted-spaces-inside"),
        pytest.param(
            "产业平台，\n７１\n\n\n\n上级文件\n\n进一步加强。\n\n上级文件\n\n正文",
            "平台,进一步",
            (2, 21),
            id="page-number-and-header-inside",
        ),
    ],
)
def test_raw_span(raw: str, needle: str, raw_span: tuple[int, int]) -> None:
    nt = normalize(raw)
    i = nt.text.index(needle)
    assert nt.raw_span(i, i + len(needle)) == raw_span


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("各省：\n\n现将有关事项通知如下。", ["各省:", "现将有关事项通知如下。"], id="colon-ends-line"),
        pytest.param("一、总体要求\n\n（一）指导思想。", ["一、总体要求", "(一)指导思想。"], id="markers"),
        pytest.param("做好工作\n\n责任单位：省发展改革委", ["做好工作", "责任单位:省发展改革委"], id="label"),
        pytest.param("甲\t乙\n丙\t丁", ["甲\t乙", "丙\t丁"], id="tab-rows"),
        pytest.param(
            "# 国务院关于加快发展节能环保产业的意见\n\n国发〔2013〕30号",
            ["# 国务院关于加快发展节能环保产业的意见", "国发〔2013〕30号"],
            id="markdown-heading",
        ),
        pytest.param("5\n\n6\n\n7\n\n8", ["5", "6", "7", "8"], id="number-cells-stay"),
        pytest.param(
            "一、现状与形势........3\n二、总体思路..........4\n智能制造是制造强国建设的主攻方向",
            ["一、现状与形势........3", "二、总体思路..........4", "智能制造是制造强国建设的主攻方向"],
            id="toc-dot-leaders",
        ),
        pytest.param("物质\n②\n\n，保证重点领", ["物质②,保证重点领"], id="footnote-circle-joined"),
        # a title above its recipients, with no doc number line between them
        pytest.param(
            "某市人民政府关于印发某方案的通知\n各区县人民政府，市政府各部门：\n现将方案印发给你们。",
            ["某市人民政府关于印发某方案的通知", "各区县人民政府,市政府各部门:", "现将方案印发给你们。"],
            id="title-above-recipients",
        ),
        pytest.param(
            "国务院办公厅关于2023年部分节假日安排的通知\n各省、自治区、直辖市人民政府：\n经国务院批准，",
            ["国务院办公厅关于2023年部分节假日安排的通知", "各省、自治区、直辖市人民政府:", "经国务院批准,"],
            id="title-above-recipients-2",
        ),
        # a line ending in 的通知 still wraps onto a line that is no recipients line
        pytest.param(
            "按照省政府下发的通知\n要求，各地抓好落实。",
            ["按照省政府下发的通知要求,各地抓好落实。"],
            id="notice-word-wraps",
        ),
    ],
)
def test_logical_lines(raw: str, expected: list[str]) -> None:
    assert lines(raw) == expected


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        pytest.param("前文\n\n３\n\n后文", "前文后文", id="page-number"),
        pytest.param("前文\n\n７１\n\n后文", "前文后文", id="reversed-page-number"),
        pytest.param("前文\n\n— 12 —\n\n后文", "前文后文", id="gbt9704-page-number"),
    ],
)
def test_page_numbers_removed(raw: str, kept: str) -> None:
    assert normalize(raw).text == kept


# single-spaced pdftotext output: wrapped lines of one width, a page break (page number, blank line,
# form feed) inside a sentence
_SINGLE = "".join(f"第{n}项工作由各级卫生健康部门组织开展检测和流调排查，\n" for n in range(1, 9))


@pytest.mark.parametrize("brk", ["\n41\n\n\x0c", "\n41\n\x0c", "\n\n41\n\n\x0c"])
def test_a_page_break_inside_a_sentence_is_joined(brk: str) -> None:
    raw = _SINGLE + "疫情分析小组负责建立病例分析数据库提供病例一览表和风" + brk + "险研判小组。\n" + _SINGLE
    assert "和风险研判小组。" in normalize(raw).text


def test_a_blank_line_in_single_spaced_text_still_ends_a_cell() -> None:
    raw = _SINGLE + "疫情分析小组负责建立病例分析数据库提供病例一览表和风\n\n险研判小组。\n" + _SINGLE
    assert "和风\n险研判小组。" in normalize(raw).text


# --- logical lines on real seed passages ------------------------------------------------------


@pytest.mark.parametrize(
    ("seed", "line"),
    [
        pytest.param("004", "(四)全面推开营改增试点,确保所有行业税负只减不增。", id="004-heading-runs-on"),
        pytest.param(
            "004",
            "(牵头单位:人民银行、国家发展改革委、财政部,参加单位:工业和信息化部、农业部、银监会)",
            id="004-clause-over-label-wrap",
        ),
        pytest.param("000", "计量发展规划(2013-2020年)", id="000-plan-title"),
        pytest.param("000", "2013年3月2日", id="000-signed-date"),
        pytest.param(
            "000",
            "——统筹兼顾,服务发展。统筹社会计量资源,合理布局国家计量科技创新实验基地以及国家计量基标准"
            "和社会公用计量标准等基础建设;统筹计量基础研究和应用计量技术研究,兼顾区域、领域、行业和社会发展需求。",
            id="000-page-start-space-is-no-indent",
        ),
        pytest.param("002", "(七)制定鼓励社会参与文物保护的政策措施。", id="002-bold-heading-wraps"),
        pytest.param(
            "003",
            "2017年第四季度开展准备工作,全面部署第三次全国土地调查,完成调查方案编制、技术规范制订以及试点、"
            "培训和宣传等工作。",
            id="003-short-page",
        ),
        pytest.param("001", "城市宽带接入能力\tMbps\t20(80%用户)\t20\t50", id="001-tab-table-row"),
    ],
)
def test_seed_logical_lines(seed: str, line: str) -> None:
    nt = normalize(seed_text(seed))
    texts = list(nt.line_texts())
    assert any(t.startswith(line) for t in texts), line


def test_seed_page_furniture_removed() -> None:
    # 002 breaks a sentence over a page: page number ７１ and the running header 上级文件 between.
    nt = normalize(seed_text("002"))
    assert "搭建“互联网 +医疗”产业平台,进一步加强事中事后监督管理。" in nt.text


def test_seed_table_cells_not_glued() -> None:
    nt = normalize(seed_text("003"))
    texts = list(nt.line_texts())
    runs = [texts[k : k + 4] for k in range(len(texts) - 4) if texts[k] == "5"]
    assert ["5", "6", "7", "8"] in runs


def test_map_is_monotonic_on_seeds(seeds: dict[str, str]) -> None:
    for raw in seeds.values():
        nt = normalize(raw)
        last = 0
        for i in range(0, len(nt.text), 97):
            s, e = nt.raw_span(i, i + 1)
            assert last <= s < e <= len(raw)
            last = s


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        # a space inside a word of the lexicon: comparators, units, period and time words, names
        pytest.param("不 少于１００名", "不少于100名", id="comparator"),
        pytest.param("６０００万平方 米", "6000万平方米", id="unit"),
        pytest.param("３００万\u3000亩", "300万亩", id="magnitude-unit"),
        pytest.param("100Mb ps", "100Mbps", id="latin-unit"),
        pytest.param("87 万吨 /日", "87万吨/日", id="compound-unit"),
        pytest.param("每 所２—３名", "每所2—3名", id="per-unit"),
        pytest.param("“十 二五”", "“十二五”", id="period"),
        pytest.param("年 内完成", "年内完成", id="deadline-word"),
        pytest.param("公安 部负责", "公安部负责", id="gazetteer-name"),
        pytest.param("五 千多年", "五千多年", id="chinese-numeral"),
        pytest.param("三 年内", "三年内", id="numeral-unit"),
        # a number split in two groups before its unit, bracket, dash or point
        pytest.param("不少于１ ００名", "不少于100名", id="digit-groups"),
        pytest.param("到 2 020 年", "到2020年", id="year-groups"),
        pytest.param("１１．７ ４万", "11.74万", id="decimal-groups"),
        pytest.param("川办函〔201 8〕15号", "川办函〔2018〕15号", id="year-in-brackets"),
        pytest.param("２ ００６-２０２０年", "2006-2020年", id="range-start"),
        pytest.param("2018 —2019年", "2018—2019年", id="range-dash"),
        pytest.param("超过2. 1亿户", "超过2.1亿户", id="after-point"),
        pytest.param("3 .0亿个", "3.0亿个", id="before-point"),
        pytest.param("２０１ ６\n\n年", "2016年", id="year-wrapped-before-unit"),
        pytest.param("指标\t25 00\t1", "指标\t2500\t1", id="table-cell"),
        pytest.param("2018年 春季", "2018年春季", id="date-word"),
        # spaces that separate stay
        pytest.param("第一条 为了规范管理", "第一条 为了规范管理", id="article-title"),
        pytest.param("中共中央 国务院关于", "中共中央 国务院关于", id="joint-issuers"),
        pytest.param("商务厅 农业厅", "商务厅 农业厅", id="table-columns"),
        pytest.param("经济管理 考察 措施", "经济管理 考察 措施", id="subject-words"),
        pytest.param("1. 2013年完成", "1. 2013年完成", id="marker-before-year"),
        pytest.param("2.1 2.7", "2.1 2.7", id="two-decimals"),
    ],
)
def test_spaces_inside_tokens(raw: str, text: str) -> None:
    nt = normalize(raw)
    assert nt.text == text
    for i in range(len(nt.text)):
        a, b = nt.raw_span(i, i + 1)
        assert 0 <= a < b <= len(raw)


def test_unbroken_words_hold_the_quantity_comparators() -> None:
    from govextract.datafiles import text_data
    from govextract.extractors.quantities import _PREFIXES

    words = set(text_data().unbroken_words)
    missing = [w for w, _ in _PREFIXES if len(w) >= 2 and w not in words]
    assert missing == []
    assert {"以上", "以下", "以内", "左右"} <= words


def test_type_error() -> None:
    with pytest.raises(TypeError):
        normalize(b"bytes")  # type: ignore[arg-type]


def test_the_outline_prefilter_lets_through_every_first_character_of_a_marker() -> None:
    from govextract.text import _OUTLINE_RE, _may_open_outline

    tails = ("、x", "1.x", ")x", "章x", "x")
    missed = [
        c
        for c in map(chr, range(0x20, 0x10000))
        if not 0xD800 <= ord(c) < 0xE000
        and not _may_open_outline(c)
        and any(_OUTLINE_RE.match(c + tail) for tail in tails)
    ]
    assert missed == []
    assert _may_open_outline("\U000116d0")  # a digit the pattern knows beyond the BMP
    assert not _may_open_outline("加")


@pytest.mark.parametrize("point", ["1 .\n2", "1.\n2", "1．\n2"])
def test_a_decimal_broken_at_its_point_by_a_short_line_is_joined(point: str) -> None:
    wide = "".join(f"第{n}项工作由各级卫生健康部门组织开展检测和流调排查，\n" for n in range(1, 9))
    raw = wide + "治理水土流失面积" + point + "万平方公里，基本遏制生态环境恶化趋势。\n" + wide
    assert "治理水土流失面积1.2万平方公里" in normalize(raw).text


def test_a_marker_after_a_line_ending_in_a_point_starts_its_line() -> None:
    raw = "共完成1.\n2.加强领导"
    assert lines(raw) == ["共完成1.", "2.加强领导"]


def test_raw_offsets_do_not_depend_on_the_order_they_are_asked_in() -> None:
    import random
    from bisect import bisect_right

    raw = seed_text("003")[:20000]
    nt = normalize(raw)
    starts = list(nt._nstart)

    def reference(i: int) -> int:  # the map read by bisection alone
        if i >= len(nt.text):
            return nt.raw_start(i)
        k = bisect_right(starts, i) - 1
        return nt._rstart[k] + (i - starts[k]) if nt._copy[k] else nt._rstart[k]

    expected = [reference(i) for i in range(len(nt.text))]
    order = list(range(len(nt.text)))
    random.Random(3).shuffle(order)
    for sequence in (order, sorted(order, reverse=True), sorted(order)):
        fresh = normalize(raw)
        assert [fresh.raw_start(i) for i in sequence] == [expected[i] for i in sequence]
    fresh = normalize(raw)
    assert [fresh.raw_end(j) for j in reversed(range(1, len(nt.text) + 1))] == [
        nt.raw_span(j - 1, j)[1] for j in reversed(range(1, len(nt.text) + 1))
    ]


@pytest.mark.parametrize(
    ("clean", "noisy"),
    [
        pytest.param("川办函〔2018〕15号", "川办函〔2018〕1\u200b5号", id="doc-number-zero-width"),
        pytest.param("川办函〔2018〕17号", "川办函〔2018〕1\u30007号", id="doc-number-ideographic-space"),
        pytest.param("\n2018年2月23日", "\n2018年\u200b2月23日", id="date-zero-width"),
        pytest.param("\n2018年2月23日", "\n2018年2月2 3日", id="date-space-in-day"),
    ],
)
def test_a_number_or_date_line_with_a_gap_inside_stays_its_own_line(clean: str, noisy: str) -> None:
    # PDF text leaves spaces and zero-width characters inside numbers; a 发文字号 or 成文日期 line
    # must still stand apart from the title above it or the organ's name
    raw = seed_text("003")
    assert clean in raw
    expected = normalize(clean.strip()).text
    lines = list(normalize(raw.replace(clean, noisy)).line_texts())
    assert lines.count(expected) == list(normalize(raw).line_texts()).count(expected) > 0


_EDIT_ALPHABET = "0123456789 .年月日号万元个名〔〕-—~/%\n\t中国家a\u3000\u200b\ufeff\u3220\u2474"


@given(st.text(alphabet=_EDIT_ALPHABET, max_size=80) | gov_like_text())
def test_edits_are_those_of_a_scan_at_every_position(raw: str) -> None:
    # _find_edits tries the edit pattern only where an edit can start; a scan that tries it at
    # every position finds the same edits
    t = text_module._translate(raw)
    kept = [
        m for m in text_module._EDIT_RE.finditer(t) if m.lastgroup != "ww" or text_module._joins(t, m.start(), m.end())
    ]
    edits = text_module._find_edits(t)
    assert list(zip(edits.starts, edits.ends, strict=True)) == [m.span() for m in kept]
    for c in (t[a] for a in edits.starts):  # a space, a zero-width character or an enclosed numeral
        assert c == " " or c in text_module._ZERO_WIDTH or "\u3220" <= c <= "\u3229" or "\u2474" <= c <= "\u249b"
