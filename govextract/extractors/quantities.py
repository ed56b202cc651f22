"""Quantities: numbers with a unit, their ranges, comparators and magnitudes.

Units come from ``data/units.toml``. A quantity is a numeral (ASCII, full-width or Chinese) with a
unit after it, or 百分之 before it; a comparator word may stand before it (超过, 不少于, 约) or after
it (以上, 以内, 左右). Dates and doc numbers the earlier extractors found are no quantities, nor are
ordinals (第二批), articles (一批, 是一项), slogans in quotes (“三个代表”) or bare numbers, except in
tables whose 单位 column names the unit of every number in its row.

>>> [(q.text, q.value, q.unit, q.comparator, q.base_value) for q in extract_quantities("投资４．５万亿元以上")]
[('４．５万亿元以上', 4.5, '万亿元', '>=', 4500000000000.0)]
>>> [(q.text, q.value, q.value_max, q.unit) for q in extract_quantities("建设10—15个基地")]
[('10—15个', 10.0, 15.0, '个')]
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import regex

from govextract.building import make
from govextract.datafiles import units_data
from govextract.extractors.base import Context
from govextract.numerals import parse_int
from govextract.records import Comparator, Dimension, Document, Quantity
from govextract.text import NormText

_CN_DIGITS = "〇○零一二两三四五六七八九"
_CN_CHARS = _CN_DIGITS + "十百千"
_CN_NUM = rf"[{_CN_CHARS}]+(?:[万亿][{_CN_CHARS}]+)*"
_AR_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: what joins the ends of a range (15—20个, 2至3年)
_DASHES = ("——", "-", "—", "–", "~", "～", "至", "到")
_DASH = "(?:" + "|".join(map(regex.escape, _DASHES)) + ")"

#: comparator words before a number, longest first where one ends another (不超过 / 超过)
_PREFIXES: tuple[tuple[str, Comparator], ...] = (
    ("不得超过", "<="), ("不得高于", "<="), ("不得多于", "<="), ("不超过", "<="), ("不高于", "<="),
    ("不大于", "<="), ("不多于", "<="), ("最多", "<="), ("至多", "<="), ("最高", "<="), ("≤", "<="),
    ("不得低于", ">="), ("不得少于", ">="), ("不低于", ">="), ("不少于", ">="), ("不小于", ">="),
    ("至少", ">="), ("最少", ">="), ("最低", ">="), ("≥", ">="),
    ("超过", ">"), ("高于", ">"), ("大于", ">"), ("多于", ">"), ("突破", ">"), ("逾", ">"), ("超", ">"), (">", ">"),
    ("低于", "<"), ("少于", "<"), ("小于", "<"), ("不足", "<"), ("不到", "<"), ("未满", "<"), ("<", "<"),
    ("大约", "~"), ("将近", "~"), ("接近", "~"), ("约为", "~"), ("约", "~"), ("近", "~"), ("≈", "~"),
)  # fmt: skip
#: the prefixes by their last character, in the order above (longer words first)
_PREFIXES_BY_LAST: dict[str, tuple[tuple[str, Comparator], ...]] = {
    last: tuple(p for p in _PREFIXES if p[0][-1] == last) for last in {w[-1] for w, _ in _PREFIXES}
}
#: a negation and its modal before a strict comparator turn it round: 不应超过 300ml is at most
#: 300ml, 不能低于90% at least 90% (不超过 and 不得超过 are words of their own above)
_NEGATION_BEFORE = regex.compile(r"不(?:应当|可以|能够|应|宜|得|能|可|会|要|准|许)$")
_NEGATED: dict[Comparator, Comparator] = {">": "<=", "<": ">="}
_ADVERB_BOUND = regex.compile(r"(至少|最多|至多)\p{Han}{1,6}$")
_SUFFIX_RE = regex.compile(
    r"[\n ]?(?:(?P<ge>(?:\(含\))?(?:及|或)?以上)|(?P<le>(?:\(含\))?(?:及|或)?以下|以内|之内|内)|(?P<about>左右|上下))"
)
#: a bracketed gloss right after a unit stays in the span: 20兆比特每秒（Mbps）
_GLOSS_RE = regex.compile(r"\((?:[A-Za-z/]{1,8}|\p{Han}{1,4}[/每]\p{Han}{1,4})\)")  # (Mbps), (比特/秒)
#: a document's own reading of 以上/以下 (以上包括本数，以下不包括本数)
_OWN_DEFINITION_RE = regex.compile(r"以上(?:均)?(?:包括|含)本数[,，、]?以下(?:均)?不(?:包括|含)本数")
_COORDINATORS = frozenset(("和", "、", "与", "及", "或", "和 ", " 和", "、 ", ""))
_ARTICLE_BEFORE = frozenset("是的为这那成新上下每")
#: before 一, words that make it "the same", "another", "any", "a certain", "the only": no count
_NOT_ONE_BEFORE = frozenset("同另任某唯")
_ARTICLE_UNITS = frozenset("项个种类家条支张块件轮")
#: measure words written with Chinese numerals mostly in names and set phrases: 十分 (very), 三台 (a
#: county), 三门峡, 一头, 一口气, 一眼, 一只, 之间; counted in figures they are counts (770万门, 500万头)
#: Chinese digits that read as a number only with 十, 百 or 千 between them (not 〇, 零: 一二〇)
_CN_POSITIONLESS = frozenset("一二两三四五六七八九")
#: two neighbouring digits: an approximate range (三四个月: three or four months)
_APPROXIMATE_PAIRS: dict[str, tuple[float, float]] = {
    "一两": (1.0, 2.0), "一二": (1.0, 2.0), "两三": (2.0, 3.0), "二三": (2.0, 3.0), "三四": (3.0, 4.0),
    "三五": (3.0, 5.0), "四五": (4.0, 5.0), "五六": (5.0, 6.0), "六七": (6.0, 7.0), "七八": (7.0, 8.0),
    "八九": (8.0, 9.0),
}  # fmt: skip
#: a list of ordinals up to a value: 第1、2、3、5、 (of 第1、2、3、5、7天)
_ORDINAL_LIST = regex.compile(r"第\s?(?:[\d一二三四五六七八九十]{1,3}\s?、\s?)+$")
#: units whose values may be negative, written with a minus sign: -20℃
_SIGNED_UNITS = frozenset(("℃", "°C"))
_ARABIC_ONLY = frozenset(("分", "台", "门", "头", "只", "羽", "口", "眼", "间", "根"))
#: what follows 五年, 三年 in the name of a plan or a programme
_NAMED_SPANS_AFTER_YEARS = (
    "行动", "实施方案", "规划", "计划", "攻坚", "义务教育", "制", "毛入", "工程", "发展规划", "一贯制",
)  # fmt: skip
#: verbs after 一次 that make it an adverb, "in one go" (一次办结, 一次告知): no count of times
_IN_ONE_GO = (
    "办结", "办好", "办成", "办理", "告知", "申报", "提交", "受理", "审批", "填报", "采集", "录入", "备案", "核验",
)  # fmt: skip
_YEAR_RELATIVE_BEFORE = frozenset("前后上下同当逐每近")
#: the denominators of a fraction written 三分之一 (百分之 is a percentage of its own)
_DENOMINATORS = "二三四五六七八九十千"


def _fraction_starts(s: str) -> Iterator[int]:
    """Where a fraction may start: before 分之 after a denominator, before a slash after a digit
    (found by ``str.find``: both marks are rare, and a pattern scan costs a tenth of the stage)."""
    for mark in ("分之", "/"):
        i = s.find(mark, 1)
        while i >= 0:
            if (mark == "/" and "1" <= s[i - 1] <= "9") or (mark == "分之" and s[i - 1] in _DENOMINATORS):
                yield i - 1
            i = s.find(mark, i + 1)


@dataclass(frozen=True)
class _Units:
    pattern: regex.Pattern[str]
    fractions: regex.Pattern[str]  # the pattern with a branch for fractions (三分之一, 1/3)
    unit_cell: regex.Pattern[str]  # a 单位 cell: an optional magnitude and a unit
    table: dict[str, tuple[str, float, Dimension]]
    magnitudes: dict[str, float]


def _alternation(words: Sequence[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


def _unit_alternation(words: Sequence[str]) -> str:
    """Units longest first; one ending in a Latin letter only where no letter follows (10ml, not
    the m of 10min or the g of 5gb)."""
    return "|".join(
        regex.escape(w) + ("(?![A-Za-z])" if "a" <= w[-1].lower() <= "z" else "")
        for w in sorted(words, key=len, reverse=True)
    )


def _catalogue_unit(base_unit: str, table: dict[str, tuple[str, float, Dimension]]) -> str:
    """The longest catalogue unit a compound unit starts with: mg/L/日 → mg/L, 吨/日 → 吨 (the
    unit itself when it has no ``/``)."""
    parts = base_unit.split("/")
    for k in range(len(parts), 1, -1):
        if "/".join(parts[:k]) in table:
            return "/".join(parts[:k])
    return parts[0]


def normalized_value(quantity: Quantity) -> float | None:
    """``quantity.base_value`` in ``quantity.unit_normalized`` (the catalogue's multiplier applied:
    吨 → kg × 1000, 公里 → m × 1000, ‰ → % × 0.1), or None where either is missing.

    >>> from govextract import extract
    >>> [normalized_value(q) for q in extract("年产87万吨/日，里程3.5公里，死亡率5‰，8.5亿").quantities]
    [870000000.0, 3500.0, 0.5, None]
    """
    if quantity.base_value is None or quantity.base_unit is None or quantity.unit_normalized is None:
        return None
    table = _units().table
    info = table.get(_catalogue_unit(quantity.base_unit, table))
    return None if info is None else quantity.base_value * info[1]


@cache
def _units() -> _Units:
    data = units_data()
    table = data.table()
    units = _unit_alternation(list(table))
    mags = _alternation(list(data.magnitudes))
    per = _alternation(data.per)
    num = rf"(?:{_AR_NUM}|{_CN_NUM})"
    # a fraction's branch sits only in ``fractions``, tried where _fraction_starts finds one: in the
    # scanning pattern, a branch for 1/3 makes the whole scan five times slower
    each = rf"(?P<each>(?:每(?:{per})){{1,2}}\s?)?"
    percent = rf"(?P<pct>百分之)(?P<pn>{num})(?:{_DASH}(?:百分之)?(?P<pn2>{num}))?"
    fraction = (
        rf"(?P<fd>[{_DENOMINATORS}])分之(?P<fn>{num})"
        r"|(?<![\d./A-Za-z])(?P<sn>[1-9])/(?P<sd>[2-9]|10)(?![\d./%A-Za-z])"
    )
    # what may follow a counted number: a range's magnitude, unit or dash, a space, 个半, 多 or 余, a
    # magnitude or a unit. Checked first, it rejects at once the numerals of ordinary words (进一步,
    # 统一), where trying every unit took most of the scan
    follows = {w[0] for w in (*table, *data.magnitudes)} | {w[0] for w in _DASHES} | set("个多余")
    can_follow = rf"(?=[\s{regex.escape(''.join(sorted(follows)))}])"
    counted = rf"""
        (?<![\d.A-Za-z{_CN_CHARS}])
        (?P<n>{num}){can_follow}
        (?:(?P<rmag>{mags})?(?P<ru>{units})?\s?{_DASH}\s?(?P<n2>{num}))?
        (?P<half>个半)?
        (?P<more>多|余)?
        \s?
        (?:
            (?P<mag>{mags})?(?P<more2>多|余)?(?P<unit>{units})(?P<per>(?:/(?:{per})){{0,2}})
          | (?P<mag>{mags})(?![{_CN_CHARS}])
        )
    """
    pattern = regex.compile(rf"{each}(?:{percent}|{counted})", regex.VERBOSE)
    fractions = regex.compile(rf"{each}(?:{percent}|{fraction}|{counted})", regex.VERBOSE)
    unit_cell = regex.compile(rf"(?P<mag>{mags})?(?P<unit>.+)")
    return _Units(pattern, fractions, unit_cell, table, data.magnitudes)


@cache
def _slogan_numerals() -> dict[str, tuple[tuple[str, int], ...]]:
    """Each numeral character of the catalogue's slogans → (slogan, its offset there): a number
    starting at such a character lies in the slogan if the text holds the slogan from there back."""
    out: dict[str, list[tuple[str, int]]] = {}
    for w in units_data().slogans:
        for k, c in enumerate(w):
            if c in _CN_CHARS:
                out.setdefault(c, []).append((w, k))
    return {c: tuple(v) for c, v in out.items()}


def _number(s: str) -> float | None:
    s = s.replace(",", "")
    if s[:1].isdigit():
        try:
            return float(s)
        except ValueError:
            return None
    if not any(c in _CN_DIGITS or c == "十" for c in s):
        return None  # 千家万户, 百年: no digit, a figure of speech
    value = parse_int(s)
    return None if value is None else float(value)


@dataclass
class _Found:
    start: int  # normalized offsets
    end: int
    value: float
    value_max: float | None
    unit: str
    comparator: Comparator
    suffix: bool  # the comparator came from a word after the number (以上): it distributes
    magnitude: float
    base_unit: str | None
    rule: str
    prefixed: bool = False  # the comparator came from a word before the number (超过): it distributes


class QuantityExtractor:
    """Finds numbers with units in text and in tables with a 单位 column."""

    label = "quantities"
    requires: tuple[str, ...] = ("doc_numbers", "documents", "dates")

    def run(self, raw: str, reference_date: dt.date | None = None) -> list[Quantity]:
        """Extract from a raw string (normalizing it and running the upstream extractors first)."""
        from govextract.pipeline import run_one

        return run_one(self, raw, reference_date)

    def extract(self, text: NormText, ctx: Context, /) -> Iterator[Quantity]:
        """Yield the quantities in order."""
        found = self._in_text(text) + self._in_tables(text)
        taken = sorted((r.start, r.end) for label in ("dates", "doc_numbers") for r in ctx.get(label))
        starts = [s for s, _ in taken]
        ends = [e for _, e in taken]
        own = self._own_definitions(text, ctx.get("documents"))
        out: list[Quantity] = []
        for f in sorted(found, key=lambda f: (f.start, f.end)):
            rs, re_ = text.raw_span(f.start, f.end)
            k = bisect_right(starts, rs)
            if (k > 0 and ends[k - 1] > rs) or (k < len(starts) and starts[k] < re_):
                continue  # inside a date or a doc number
            if (
                f.suffix
                and f.comparator == "<="
                and text.text.startswith("以下", f.end - 2)
                and any(lo <= rs < hi for lo, hi in own)
            ):
                f.comparator = "<"  # the document's own reading of 以下
            out.append(self._record(text, f, rs, re_))
        yield from out

    # ------------------------------------------------------------------ running text

    def _in_text(self, text: NormText) -> list[_Found]:
        s = text.text
        units = _units()
        found: list[_Found] = []
        for m in units.pattern.finditer(s):
            f = self._one(s, m, units)
            if f is not None:
                found.append(f)
        fractions: list[_Found] = []
        starts = [f.start for f in found]
        for at in _fraction_starts(s):
            fm = units.fractions.match(s, at)
            if fm is not None and (fm.group("fd") or fm.group("sd")):
                f = self._one(s, fm, units)
                k = bisect_right(starts, f.start) if f is not None else 0
                if (
                    f is not None
                    and not (k > 0 and found[k - 1].end > f.start)
                    and not (k < len(found) and found[k].start < f.end)
                ):
                    fractions.append(f)  # unless a count overlaps it
        if fractions:
            found = sorted(found + fractions, key=lambda f: f.start)
        self._distribute(s, found)
        return self._merge_bounds(s, found)

    def _one(self, s: str, m: regex.Match[str], units: _Units) -> _Found | None:
        g = m.groupdict()
        start, end = m.start(), m.end()
        each = g["each"]
        rule = "text"
        if g["pct"]:
            value = _number(g["pn"])
            if value is None:
                return None
            value_max = _number(g["pn2"]) if g["pn2"] else None
            unit, magnitude, base_unit = "%", 1.0, "%"
        elif g.get("fd") == "千":  # 千分之三: per mille, as 百分之 is per cent
            value = _number(g["fn"])
            if value is None:
                return None
            value_max, unit, magnitude, base_unit = None, "‰", 1.0, "‰"
        elif g.get("fd") or g.get("sd"):  # 三分之一, 1/3: a fraction, its value the quotient, no unit
            num, den = (
                (_number(g["fn"] or ""), _number(g["fd"] or ""))
                if g.get("fd")
                else (_number(g.get("sn") or ""), _number(g.get("sd") or ""))
            )
            if num is None or den is None or not 0 < num < den:
                return None
            if s[start - 1 : start] == "第" or s.startswith("页", end):
                return None  # a page: 第1/3页
            value, value_max, unit, magnitude, base_unit = num / den, None, "", 1.0, None
            rule = "fraction"
        else:
            unit = g["unit"] or ""
            mag = g["mag"] or ""
            if not unit:
                if not mag:
                    return None  # a bare number
                base_unit = None  # a bare magnitude is the unit: 8.5亿
            else:
                base_unit = unit + (g["per"] or "")
            value = _number(g["n"])
            if value is None or not self._plausible(s, m, g, unit):
                return None
            value_max = _number(g["n2"]) if g["n2"] else None
            n = g["n"] or ""
            if len(n) >= 2 and all(c in _CN_POSITIONLESS for c in n):
                # digits side by side, no 十/百/千: 三四个月 (three or four), or a word's 一 before
                # the number (唯一一个, 统一一次)
                pair = _APPROXIMATE_PAIRS.get(n)
                if pair is not None and value_max is None:
                    value, value_max = pair
                elif n[-2] == n[-1] == "一" and m.start() == m.start("n"):
                    start, value = m.start("n") + len(n) - 1, 1.0
                else:
                    return None
            if g["ru"] and g["ru"] != unit:
                return None  # 3个到5家: not one range
            if g["half"]:
                value += 0.5
            magnitude = units.magnitudes.get(mag, 1.0)
            if unit in _SIGNED_UNITS and start > 0 and s[start - 1] in "-−" and not value_max:
                before = s[start - 2] if start > 1 else ""
                if not (before.isdigit() or before in "℃CmLg"):  # 2-8℃ is a range, no sign
                    value, start = -value, start - 1  # -20℃
            unit = mag + unit + (g["per"] or "")
        if each:
            pers = [p for p in each.strip().split("每") if p]
            unit = "/".join([unit, *pers])
            base_unit = "/".join([base_unit, *pers]) if base_unit else None
        comparator: Comparator = ">" if g.get("more") or g.get("more2") else "="  # 20余个, 10万余人
        suffix = False
        sm = _SUFFIX_RE.match(s, end)
        if sm and not (sm.group("le") == "内" and not _is_duration(units, g.get("unit"))):
            comparator = ">=" if sm.group("ge") else "<=" if sm.group("le") else "~"
            end = sm.end()
            suffix = True
        gm = _GLOSS_RE.match(s, end)
        if gm and not suffix:
            end = gm.end()
            sm = _SUFFIX_RE.match(s, end)
            if sm:
                comparator = ">=" if sm.group("ge") else "<=" if sm.group("le") else "~"
                end, suffix = sm.end(), True
        if not each:
            j = start
            while j > 0 and s[j - 1] == " ":
                j -= 1
            for word, comp in _PREFIXES_BY_LAST.get(s[j - 1], ()) if j > 0 else ():
                if j >= len(word) and s.startswith(word, j - len(word)):
                    start = j - len(word)
                    if comp in _NEGATED and (neg := _NEGATION_BEFORE.search(s, max(0, start - 3), start)):
                        start, comp = neg.start(), _NEGATED[comp]
                    if not suffix:
                        comparator = comp
                    found = _Found(start, end, value, value_max, unit, comparator, suffix, magnitude, base_unit, rule)
                    found.prefixed = True
                    return found
            if not suffix:
                # an adverb before the verb bounds its object: 至少总结提炼1条, 最多可延长30日
                adverb = _ADVERB_BOUND.search(s, max(0, j - 8), j)
                if adverb:
                    comparator = ">=" if adverb.group(1) == "至少" else "<="
        return _Found(start, end, value, value_max, unit, comparator, suffix, magnitude, base_unit, rule)

    @staticmethod
    def _plausible(s: str, m: regex.Match[str], g: dict[str, str | None], unit: str) -> bool:
        """Whether a numeral and unit are a quantity, not an ordinal, an article or a name."""
        n = g["n"] or ""
        start = m.start("n")
        prev = s[start - 1] if start > 0 else ""
        after = s[m.end() : m.end() + 1]
        if prev in ("第", "届") or s.startswith("最后", start - 2):
            return False  # an ordinal: 第二批, 最后一次, 六届十一次全会
        if unit == "番" and not (prev == "翻" or s.startswith("翻了", start - 2)):
            return False  # a doubling is 翻一番; 经过一番努力 is an article
        if prev == "、" and _ORDINAL_LIST.search(s, max(0, start - 24), start):
            return False  # the last of a list of ordinals: 第1、2、3、5、7天
        if prev in '“"' and "”" in s[m.end() : m.end() + 6]:
            return False  # a slogan: “三个代表”, “五个一批”
        if any(s.startswith(w, start - k) for w, k in _slogan_numerals().get(s[start], ())):
            return False  # a slogan unquoted: 四个全面, 两个一百年
        if after in ("\n", "") and s.find("\n", m.end("n"), m.end()) >= 0:
            return False  # 141\n年\n月\n日: a unit alone on the line after a number is a cell, no wrap
        arabic = n[:1].isdigit()
        if not arabic:
            if _in_short_quote(s, start, m.end()):
                return False  # a slogan or a name: “一次测试、一张证书”, “最后一公里”
            if n == "二" and not g["n2"]:
                info = _units().table.get(unit)
                if info is None or info[2] != "duration" or after in ("级", "制"):
                    return False  # counts say 两: 二次伤害, 二元化 are no counts; 二个月, 二至四年 are
        if n == "一":
            if prev in _NOT_ONE_BEFORE:
                return False  # 同一份标本, 另一个, 任一项
            if unit in ("批", "起", "块", "支") or (unit == "次" and after == "性") or (unit == "条" and after == "龙"):
                return False  # 一批, 一支(队伍) as articles, 一起 (together), 一次性
            if unit == "次" and s.startswith(_IN_ONE_GO, m.end()):
                return False  # 一次办结, 一次告知: in one go
            if unit in _ARTICLE_UNITS and prev in _ARTICLE_BEFORE:
                return False  # 是一项重要任务, 的一个途径, 新一轮, 上一轮, 每一个
            if unit == "年" and prev in _YEAR_RELATIVE_BEFORE:
                return False  # 前一年度
        if unit in _ARABIC_ONLY and not arabic:
            return False  # 十分重要, 三台麦冬
        if unit == "分" and after == "之":
            return False  # 三分之一
        if unit == "次" and s.startswith(("产业", "能源"), m.end()):
            return False  # terms: 三次产业 (the three sectors), 一次能源 (primary energy)
        if unit == "成" and (arabic or "\n" in m.group()):
            return False  # 三成 is a share; 附件1\n成都市 is no quantity
        if unit == "年":
            if after == "级":
                return False  # a grade: 初中一年级, 七年级
            if arabic and len(n) >= 4 and n.isdigit():
                return False  # a year (2012年版) or a doubled one (20182018年), not a duration
            if not arabic and s.startswith(_NAMED_SPANS_AFTER_YEARS, m.end()):
                return False  # the name of a plan: 五年实施方案, 三年行动计划, 九年义务教育
        return not (unit == "日" and prev == "月")

    @staticmethod
    def _distribute(s: str, found: list[_Found]) -> None:
        """A qualifier after coordinated values applies to each: 70%和75%以上; one before them
        too: 超过55M和40M."""
        for a, b in pairwise(found):
            joined = a.unit == b.unit and s[a.end : b.start] in _COORDINATORS
            if joined and a.prefixed and b.comparator == "=" and not b.prefixed:
                b.comparator = a.comparator
                b.prefixed = True
        for i in range(len(found) - 2, -1, -1):
            a, b = found[i], found[i + 1]
            if a.comparator == "=" and b.suffix and a.unit == b.unit and s[a.end : b.start] in _COORDINATORS:
                a.comparator = b.comparator
                a.suffix = True

    @staticmethod
    def _merge_bounds(s: str, found: list[_Found]) -> list[_Found]:
        """``80分以上90分以下`` is one quantity from 80 to 90."""
        out: list[_Found] = []
        for f in found:
            if (
                out
                and out[-1].end == f.start
                and out[-1].comparator == ">="
                and f.comparator in ("<=", "<")
                and (out[-1].unit == f.unit or (f.base_unit is not None and out[-1].base_unit == f.base_unit))
                and s.endswith("以上", 0, out[-1].end)
                and out[-1].value_max is None
            ):
                prev = out[-1]
                # in the first value's unit: 五千元以上一万元以下 → 5000 to 10000 元
                top = f.value if f.unit == prev.unit else round(f.value * f.magnitude / prev.magnitude, 9)
                prev.end, prev.value_max, prev.comparator = f.end, top, "="
                continue
            out.append(f)
        return out

    # ------------------------------------------------------------------ tables

    def _in_tables(self, text: NormText) -> list[_Found]:
        """Numbers in the rows of a tab-separated table whose header has a 单位 column."""
        s = text.text
        units = _units()
        found: list[_Found] = []
        unit_col: int | None = None
        for line in text.lines:
            row = s[line.start : line.end]
            if "\t" not in row:
                unit_col = None
                continue
            cells = row.split("\t")
            stripped = [c.strip() for c in cells]
            if "单位" in stripped:
                unit_col = stripped.index("单位")
                continue
            if unit_col is None or unit_col >= len(cells):
                continue
            written = stripped[unit_col].replace(" ", "")
            um = units.unit_cell.fullmatch(written)
            if not written or um is None:
                continue
            mag, unit = um.group("mag") or "", um.group("unit")
            if unit not in units.table and not mag:
                continue
            pos = line.start
            for col, cell in enumerate(cells):
                cell_start = pos
                pos += len(cell) + 1
                if col <= unit_col:
                    continue
                cm = _CELL_RE.fullmatch(cell.strip())
                if cm is None:
                    continue
                lead = len(cell) - len(cell.lstrip())
                cs = cell_start + lead
                ce = cs + len(cell.strip())
                comp: Comparator = _CELL_COMPARATORS.get(cm.group("cmp") or "", "=")
                value = float(cm.group("n"))
                found.append(
                    _Found(cs, ce, value, None, written, comp, False, units.magnitudes.get(mag, 1.0), unit, "table")
                )
        return found

    # ------------------------------------------------------------------ records

    @staticmethod
    def _own_definitions(text: NormText, docs: Sequence[Document]) -> list[tuple[int, int]]:
        """Raw spans (documents) in which 以下 excludes its number."""
        spans: list[tuple[int, int]] = []
        for m in _OWN_DEFINITION_RE.finditer(text.text):
            pos = text.raw_start(m.start())
            doc = next(((d.start, d.end) for d in docs if d.start <= pos < d.end), (0, len(text.raw)))
            spans.append(doc)
        return spans

    @staticmethod
    def _record(text: NormText, f: _Found, rs: int, re_: int) -> Quantity:
        units = _units()
        bare = _catalogue_unit(f.base_unit, units.table) if f.base_unit else None
        info = units.table.get(bare) if bare else None
        normalized = None
        dimension: Dimension | None = "ratio" if f.rule == "fraction" else None
        if info is not None:
            normalized = info[0] + f.base_unit[len(bare) :] if f.base_unit and bare else info[0]
            dimension = info[2]
        return make(
            Quantity,
            start=rs,
            end=re_,
            text=text.raw[rs:re_],
            value=f.value,
            value_max=f.value_max,
            unit=f.unit,
            comparator=f.comparator,
            base_value=f.value * f.magnitude,
            base_unit=f.base_unit,
            unit_normalized=normalized,
            dimension=dimension,
            rule=f.rule,
        )


_CELL_RE = regex.compile(r"(?P<cmp>大于|小于|超过|不低于|不超过|约|>|<|≥|≤)?\s?(?P<n>\d+(?:\.\d+)?)(?:\s?\(.{1,20}\))?")
_CELL_COMPARATORS: dict[str, Comparator] = {
    "大于": ">", ">": ">", "超过": ">", "小于": "<", "<": "<",
    "不低于": ">=", "≥": ">=", "不超过": "<=", "≤": "<=", "约": "~",
}  # fmt: skip


def _in_short_quote(s: str, start: int, end: int) -> bool:
    """Whether ``s[start:end]`` lies inside a quotation of at most 20 characters."""
    before = s[max(0, start - 3) : start].rstrip(" \n")
    if before.endswith('"') and '"' in s[end : end + 10]:
        return True  # " 三个代表 ": straight quotes, often spaced out by PDF extraction
    opening = s.rfind("“", max(0, start - 20), start)
    if opening < 0 or "”" in s[opening:start]:
        return False
    closing = s.find("”", end, opening + 22)
    return closing >= 0


def _is_duration(units: _Units, unit: str | None) -> bool:
    info = units.table.get(unit or "")
    return info is not None and info[2] in ("duration", "length", "area")


def extract_quantities(raw: str, *, reference_date: dt.date | None = None) -> list[Quantity]:
    """Every quantity in ``raw``."""
    if not isinstance(raw, str):
        raise TypeError(f"extract_quantities() takes a str, not {type(raw).__name__}")
    return QuantityExtractor().run(raw, reference_date)
