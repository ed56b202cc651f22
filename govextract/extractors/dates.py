"""Dates: time expressions resolved to intervals (days, months, years, ranges, plan periods,
deadlines, recurring rules and relative words).

Missing years resolve in the contract's order: an explicit year in the same sentence, the nearest
preceding explicit year in the paragraph, the ``reference_date``, the enclosing document's 成文日期,
the year of its own 发文字号.

>>> found = extract_dates("2018年1月至2019年6月完成，2018年底前验收")
>>> [(d.text, d.kind, str(d.start_date), str(d.end_date)) for d in found]
[('2018年1月至2019年6月', 'range', '2018-01-01', '2019-06-30'), ('2018年底前', 'deadline', 'None', '2018-12-31')]
"""

from __future__ import annotations

import calendar
import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

import regex

from govextract.building import make
from govextract.extractors.base import Context
from govextract.numerals import parse_int
from govextract.records import DateKind, DateMention, Document
from govextract.text import NormText

_CND = "〇○零一二三四五六七八九"
_CNN = "一二三四五六七八九十"
# digits may be split by a line break the normalizer kept (a wrap next to a lone digit)
_Y = rf"(?:(?<!\d)(?:1\n?9|2\n?0)\n?\d\n?\d(?!\d)|[{_CND}]{{4}})"
_M = rf"(?:1\n?[0-2]|0?[1-9]|十[一二]?|[{_CNN[:9]}])"
_D = rf"(?:3\n?[01]|[12]\n?\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[{_CNN[:9]}])"
_DASH = r"(?:-|—{1,2}|–|~|～|至|到)"
_TAIL = r"(?:底前|以前|之前|前|为止)"
#: words after a time that open a range from it
_OPEN = r"起|以来|以后|之后"
#: after a plan period's name: its closing quote, or a word that makes the numeral a period
_PERIOD_END = r"(?(q) ?[”\"]|(?=时期|期间|期末|规划|计划|末|以来))"
#: the end of a plan period (末期, its last stage, stays the period)
_PERIOD_CLOSE = r"(?P<close>期末|末(?!期))?"

_PATTERNS: list[tuple[str, str]] = [
    # a range of days: 2004年4月16日至18日, 2018年1月1日—12月31日, 2016年5月1日至2017年4月30日
    (
        "ymdrange",
        rf"(?P<y>{_Y})\n?年\n?(?P<m>{_M})\n?月\n?(?P<d>{_D})\n?[日号]?起?{_DASH}"
        rf"(?:(?P<y2>{_Y})\n?年\n?)?(?:(?P<m2>{_M})\n?月\n?)?(?P<d2>{_D})\n?[日号](?P<tail>{_TAIL})?",
    ),
    # year-month-day, optionally to another day / as a deadline / as an open start
    ("ymd", rf"(?P<y>{_Y})\n?年\n?(?P<m>{_M})\n?月\n?(?P<d>{_D})\n?[日号](?P<open>{_OPEN})?(?P<tail>{_TAIL})?"),
    ("dotted", r"(?<![\d.])(?P<y>(?:19|20)\d{2})[./-](?P<m>1[0-2]|0?[1-9])[./-](?P<d>3[01]|[12]\d|0?[1-9])(?![\d.])"),
    # ranges of years and months
    ("yrange", rf"(?P<y>{_Y})(?:年)?{_DASH}(?P<y2>{_Y})年(?:度)?"),
    (
        "ymrange",
        rf"(?P<y>{_Y})年(?P<m>{_M})(?:月(?:份)?(?:底|末)?)?{_DASH}(?:(?P<y2>{_Y})年)?(?P<m2>{_M})月(?:份)?(?:底|末)?",
    ),
    ("yrange2", rf"(?P<y>{_Y})年(?:底|末)?{_DASH}(?P<y2>{_Y})年(?P<m2>{_M})?(?:月)?(?:底|末)?"),
    # a month, its end, or a deadline
    ("ymend", rf"(?P<y>{_Y})\n?年\n?(?P<m>{_M})\n?月(?P<end>底|末)\n?(?P<tail>{_TAIL})?"),
    ("ym", rf"(?P<y>{_Y})年(?P<m>{_M})月(?:份)?(?P<xun>上旬|中旬|下旬)?(?P<open>{_OPEN})?(?P<tail>{_TAIL})?"),
    # parts of a year
    ("yend", rf"(?P<y>{_Y})年(?:年)?(?P<end>底|末)(?P<tail>{_TAIL})?"),
    (
        "yhalf",
        rf"(?P<y>{_Y})年(?P<half>上半年|下半年|年中|第[一二三四1-4]季度|[一二三四1-4]季度|春季|夏季|秋季|冬季(?!奥|运动|项目))"
        rf"(?P<tail>{_TAIL})?",
    ),
    ("year", rf"(?P<y>{_Y})年(?:度)?(?!版|\d)(?P<open>{_OPEN})?(?P<tail>{_TAIL})?"),
    # yearless: a range of days (1月21日至27日, 4月29日至5月3日), a day, a month's end, months
    (
        "mdrange",
        rf"(?<![年\d])(?P<m>{_M})月(?P<d>{_D})[日号]?{_DASH}(?:(?P<m2>{_M})月)?(?P<d2>{_D})[日号](?P<tail>{_TAIL})?",
    ),
    ("md", rf"(?<![年\d])(?P<m>{_M})月(?P<d>{_D})[日号](?P<tail>{_TAIL})?"),
    ("mend", rf"(?<![年\d])(?P<m>{_M})月(?P<end>底|末)(?P<tail>{_TAIL})?"),
    ("mrange", rf"(?<![年\d])(?P<m>{_M})月?{_DASH}(?P<m2>{_M})月(?!龄)"),
    ("mxun", rf"(?<![年\d])(?P<m>{_M})月(?:份)?(?P<xun>上旬|中旬|下旬)(?P<tail>{_TAIL})?"),
    # a half, a quarter or a season without its year (not 每年春季: a recurring rule)
    (
        "half",
        r"(?<![年\d〇一二三四五六七八九十每第\-—–~至到])(?P<half>上半年|下半年|第[一二三四1-4]季度|[一二三四1-4]季度"
        # (a season alone only where time follows: 冬季农业 is a kind of farming, 冬季低温 the weather)
        r"|[春夏秋冬]季(?=期间|时期|来临|低温|高温|汛期|[,，。;；、]|前|以前|之前|底前))"
        rf"(?P<tail>{_TAIL})?",
    ),
    ("bare_end", rf"(?<![年\d{_CND}])年(?P<end>底|末)(?P<tail>{_TAIL})"),
    ("within", rf"(?<![\d{_CND}十两每当本全多])年内"),
    # plan periods
    # (a space may pad the name inside its quotes, as text copied from a PDF pads every word)
    # (two rules: one alternation of 十… and 七八九… is tried at every character, ten times slower)
    # (its end, 末 or 期末, is the December of its last year, as 年末 is: “十二五”末, 十三五期末)
    ("period", r"(?P<q>[“\"] ?)?(?P<p>十\n?(?:一|二|三|四|五)?\n?五)" + _PERIOD_END + _PERIOD_CLOSE),
    ("period", r"(?P<q>[“\"] ?)?(?P<p>[七八九]\n?五)" + _PERIOD_END + _PERIOD_CLOSE),
    # the same periods spelled out: 第十四个五年规划 (the plan's name: the span ends at 五年)
    # (not after 的 or an era: 新世纪的第一个五年计划 is the plan of that era, not the first plan)
    ("ordplan", r"(?<!的|世纪|征程|时代|阶段|千年)第(?P<n>[一二三四五六七八九十]{1,3})个五年(?=规划|计划)"),
    # (\K: the ( is searched as a literal and left out of the match)
    ("pyrange", rf"\(\K(?P<y>{_Y}){_DASH}(?P<y2>{_Y})(?=\))"),
    # decades of a century: 本世纪第二个十年, 21世纪头十年, 20世纪90年代 (本/上 take the century
    # of the resolved year)
    (
        "decade",
        r"(?<![\d〇一二三四五六七八九十])(?P<c>本|上|21|20|二十一|二十)世纪(?:(?:第(?P<n>[一二三四五六七八九十])个|(?P<head>头|前))十年"
        r"|(?P<dec>[1-9]0|[一二三四五六七八九]十)年代)",
    ),
    # recurring and relative
    # (two rules, each opening with its literal: one alternation of both is scanned at every character)
    ("recurring", r"每(?:年|季度|季|半年|月)(?:年中|(?P<rm>" + _M + r")月(?:底|末)?(?:前)?)?"),
    ("recurring", r"按(?:\n?季度|季(?!节)|月|年)(?:年中|(?P<rm>" + _M + r")月(?:底|末)?(?:前)?)?"),
    ("relative", r"(?:今年|明年|去年|上年度|上年|本年度|下年度|当年度|当年|次年|上一年度|下一年度)"),
]


@cache
def _date_res() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    """One scanner per rule, compiled on first use. Each finds its required characters (年, 月,
    五, 每…) by a fast literal search, so running them one after another costs less than one
    alternation, which would try every rule at every digit or numeral."""
    return tuple((name, regex.compile(pat)) for name, pat in _PATTERNS)


#: the 年 of a relative word (今年, 上一年度): relative words are found from it, a literal the scanner
#: finds fast, instead of trying each word at every character
_RELATIVE_ANCHOR = regex.compile(r"(?<=[今明去次上当本下]|[上下]一)年")


def _matches_near(s: str, rx: regex.Pattern[str], anchors: Iterable[int], before: int) -> Iterator[regex.Match[str]]:
    """``rx.finditer(s)`` for a rule every match of which holds a character at one of ``anchors``
    (in order) and starts at most ``before`` characters before it: the rule is tried there only."""
    last = 0
    for p in anchors:
        for q in range(max(p - before, 0), p):
            if q >= last:
                m = rx.match(s, q)
                if m is not None and m.end() > p:
                    last = m.end()
                    yield m
                    break


def _relative_matches(s: str, rx: regex.Pattern[str]) -> Iterator[regex.Match[str]]:
    """``rx.finditer(s)`` for the relative rule, every match of which holds its 年 one or two
    characters after its start."""
    return _matches_near(s, rx, (anchor.start() for anchor in _RELATIVE_ANCHOR.finditer(s)), 2)


#: rules matched only around literals they hold, found by ``str.find``: (the literals, how many
#: characters before one a match may start). A rule whose alternatives open with different
#: characters is otherwise tried at every character (the half rule: 17 ms over the seeds ×3
#: against under 1 ms).
_ANCHORED: dict[str, tuple[tuple[str, ...], int]] = {"half": (("季", "半年"), 2)}


def _matches_around(
    s: str, rx: regex.Pattern[str], literals: tuple[str, ...], before: int
) -> Iterator[regex.Match[str]]:
    """``rx.finditer(s)`` for a rule every match of which holds one of ``literals`` starting at
    most ``before`` characters after the match's start."""
    positions: list[int] = []
    for literal in literals:
        p = s.find(literal)
        while p >= 0:
            positions.append(p)
            p = s.find(literal, p + 1)
    positions.sort()
    return _matches_near(s, rx, positions, before)


def _scan(s: str) -> Iterator[tuple[regex.Match[str], str]]:
    """The matches of all rules, as one alternation in rule order would give them: leftmost
    first, the earlier rule winning at a position, no overlaps."""
    found: list[tuple[int, int, regex.Match[str], str]] = []
    for priority, (name, rx) in enumerate(_date_res()):
        if name == "relative":
            matches: Iterator[regex.Match[str]] = _relative_matches(s, rx)
        elif name in _ANCHORED:
            matches = _matches_around(s, rx, *_ANCHORED[name])
        else:
            matches = rx.finditer(s)
        found.extend((m.start(), priority, m, name) for m in matches)
    found.sort(key=lambda c: (c[0], c[1]))
    last_end = 0
    for start, _, m, name in found:
        if start >= last_end:
            last_end = m.end()
            yield m, name


#: rules whose year comes from the resolution chain
_YEARLESS = frozenset(("mdrange", "md", "mend", "mrange", "mxun", "half", "bare_end", "within", "relative"))
_NOT_RECURRING_AFTER = ("新增", "增长", "增加", "减少", "提高", "降低", "递增", "递减", "平均")
_PERIODS = {
    "七五": 1986, "八五": 1991, "九五": 1996, "十五": 2001, "十一五": 2006, "十二五": 2011, "十三五": 2016,
    "十四五": 2021, "十五五": 2026,
}  # fmt: skip
_SEASONS = {"春季": (3, 5), "夏季": (6, 8), "秋季": (9, 11), "冬季": (12, 14)}
_SENTENCE_END_RE = regex.compile("[。;!?\n]")


def five_year_plan(n: int | None) -> tuple[int, int] | None:
    """The first and last year of the ``n``-th five-year plan (第十个五年计划: 2001–2005); the
    third began in 1966, after the adjustment years 1963–1965.

    >>> five_year_plan(10), five_year_plan(14), five_year_plan(2)
    ((2001, 2005), (2021, 2025), (1958, 1962))
    """
    if n is None or not 1 <= n <= 20:
        return None
    if n <= 2:
        return 1953 + 5 * (n - 1), 1957 + 5 * (n - 1)
    return 1966 + 5 * (n - 3), 1970 + 5 * (n - 3)


def _int(s: str | None) -> int | None:
    return None if s is None else parse_int("".join(s.split()))


def _last_day(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _safe(y: int | None, m: int, d: int) -> dt.date | None:
    if y is None:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


@dataclass
class _Found:
    start: int
    end: int
    kind: DateKind
    start_date: dt.date | None
    end_date: dt.date | None
    rule: str


class DateExtractor:
    """Finds time expressions and resolves them to intervals."""

    label = "dates"
    requires: tuple[str, ...] = ("documents",)

    def run(self, raw: str, reference_date: dt.date | None = None) -> list[DateMention]:
        """Extract from a raw string (normalizing it and finding documents first)."""
        from govextract.pipeline import run_one

        return run_one(self, raw, reference_date)

    def extract(self, text: NormText, ctx: Context, /) -> Iterator[DateMention]:
        """Yield the dates in order."""
        s = text.text
        docs: Sequence[Document] = ctx.get("documents")
        found: list[_Found] = []
        explicit: list[tuple[int, int]] = []  # (position, year) of explicit years, in order
        pending: list[tuple[regex.Match[str], str]] = []
        for m, rule in _scan(s):
            if rule in _YEARLESS or (rule == "decade" and m.group("c") in "本上"):
                pending.append((m, rule))
                continue
            f = self._resolve(m, rule, None)
            if f is None and rule == "ymdrange":
                # days out of order (4月18日至16日): the first day alone
                single = dict(_date_res())["ymd"].match(s, m.start())
                if single is not None:
                    m, f = single, self._resolve(single, "ymd", None)
            if f is not None:
                found.append(f)
                y = _int(m.groupdict().get("y"))
                if y is not None:
                    explicit.append((m.start(), y))
        positions = [p for p, _ in explicit]
        # where the sentences of a line end, found once per line that holds a yearless form, and
        # where documents start: bisected for each yearless form (a search from each would be
        # quadratic on a long line of them)
        line_ends: dict[int, list[int]] = {}
        doc_starts = [d.start for d in docs]
        for m, rule in pending:
            year = self._year_for(text, m.start(), explicit, positions, line_ends, ctx, docs, doc_starts)
            f = self._resolve(m, rule, year)
            if f is None and rule == "mdrange":
                # days out of order (4月18日至16日): the first day alone
                single = dict(_date_res())["md"].match(s, m.start())
                if single is not None:
                    f = self._resolve(single, "md", year)
            if f is not None:
                found.append(f)
        found.sort(key=lambda f: (f.start, -(f.end - f.start)))
        for f in found:
            rs, re_ = text.raw_span(f.start, f.end)
            yield make(
                DateMention,
                start=rs,
                end=re_,
                text=text.raw[rs:re_],
                kind=f.kind,
                start_date=f.start_date,
                end_date=f.end_date,
                rule=f.rule,
            )

    # ------------------------------------------------------------------ years for yearless forms

    def _year_for(
        self,
        text: NormText,
        pos: int,
        explicit: list[tuple[int, int]],
        positions: list[int],
        line_ends: dict[int, list[int]],
        ctx: Context,
        docs: Sequence[Document],
        doc_starts: list[int],
    ) -> int | None:
        line = text.line_at(pos)
        line_start = line.start if line else 0
        line_end = line.end if line else len(text.text)
        ends = line_ends.get(line_start)
        if ends is None:
            ends = line_ends[line_start] = [
                e.start() for e in _SENTENCE_END_RE.finditer(text.text, line_start, line_end)
            ]
        k = bisect_left(ends, pos)  # the first sentence end at or after pos
        sent_start = ends[k - 1] + 1 if k > 0 else line_start
        sent_end = ends[k] if k < len(ends) else line_end
        lo = bisect_left(positions, sent_start)
        hi = bisect_right(positions, sent_end)
        before = [y for p, y in explicit[lo:hi] if p < pos]
        if before:
            return before[-1]
        if hi > lo:
            return explicit[lo][1]
        lo_para = bisect_left(positions, line_start)
        k = bisect_left(positions, pos) - 1
        if k >= lo_para:
            return explicit[k][1]
        if ctx.reference_date is not None:
            return ctx.reference_date.year
        raw_pos = text.raw_start(pos)
        j = bisect_right(doc_starts, raw_pos) - 1
        if j >= 0 and raw_pos < docs[j].end:
            d = docs[j]
            if d.signed_date is not None:
                return d.signed_date.year
            if d.doc_number is not None and d.doc_number.year is not None:
                return d.doc_number.year
        return None

    # ------------------------------------------------------------------ one match

    def _resolve(self, m: regex.Match[str], rule: str, year: int | None) -> _Found | None:
        g = m.groupdict()
        start, end = m.start(), m.end()
        tail = bool(g.get("tail"))
        y = _int(g.get("y")) if g.get("y") else year
        if rule in ("ymd", "dotted", "md"):
            mo, d = _int(g["m"]), _int(g["d"])
            if mo is None or d is None:
                return None
            day = _safe(y, mo, d)
            if y is not None and day is None:
                return None
            if g.get("open"):
                return _Found(start, end, "range", day, None, rule)
            if tail:
                return _Found(start, end, "deadline", None, day, rule)
            return _Found(start, end, "date", day, day, rule)
        if rule in ("ymdrange", "mdrange"):
            mo, d = _int(g["m"]), _int(g["d"])
            mo_to = _int(g["m2"]) if g.get("m2") else mo
            d_to = _int(g["d2"])
            if mo is None or mo_to is None or d is None or d_to is None:
                return None
            if g.get("y2"):
                y_to = _int(g["y2"])
            elif y is not None and rule == "mdrange" and g.get("m2") and mo_to < mo:
                y_to = y + 1  # a yearless range over the new year: 12月31日至1月2日
            else:
                y_to = y
            if rule == "mdrange" and y is None:
                if _safe(2000, mo, d) is None or _safe(2000, mo_to, d_to) is None:
                    return None
                return _Found(start, end, "deadline" if tail else "range", None, None, rule)
            if y is None or y_to is None:
                return None
            first, last = _safe(y, mo, d), _safe(y_to, mo_to, d_to)
            if first is None or last is None or last < first:
                return None
            if tail:
                return _Found(start, end, "deadline", None, last, rule)
            return _Found(start, end, "range", first, last, rule)
        if rule in ("ymend", "mend"):
            mo = _int(g["m"])
            if mo is None or not 1 <= mo <= 12:
                return None
            last = _last_day(y, mo) if y is not None else None
            if tail:
                return _Found(start, end, "deadline", None, last, rule)
            return _Found(start, end, "date", last, last, rule)
        if rule in ("ym", "mxun"):
            mo = _int(g["m"])
            if mo is None or not 1 <= mo <= 12:
                return None
            if y is None:
                return _Found(start, end, "deadline" if tail else "range", None, None, rule) if rule == "mxun" else None
            first, last = dt.date(y, mo, 1), _last_day(y, mo)
            xun = g.get("xun")
            if xun:
                d1, d2 = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, last.day)}[xun]
                if tail:
                    return _Found(start, end, "deadline", None, dt.date(y, mo, d2), rule)
                return _Found(start, end, "range", dt.date(y, mo, d1), dt.date(y, mo, d2), rule)
            if g.get("open"):
                return _Found(start, end, "range", first, None, rule)
            if tail:
                return _Found(start, end, "deadline", None, last, rule)
            return _Found(start, end, "month", first, last, rule)
        if rule in ("yend", "bare_end"):
            if y is None:
                return _Found(start, end, "deadline" if tail else "month", None, None, rule)
            if tail:
                return _Found(start, end, "deadline", None, dt.date(y, 12, 31), rule)
            return _Found(start, end, "month", dt.date(y, 12, 1), dt.date(y, 12, 31), rule)
        if rule == "within":
            return _Found(start, end, "deadline", None, dt.date(y, 12, 31) if y else None, rule)
        if rule in ("yhalf", "half"):
            if y is None:
                return (
                    None if rule == "yhalf" else _Found(start, end, "deadline" if tail else "range", None, None, rule)
                )
            part = g["half"]
            if part == "上半年":
                lo, hi = dt.date(y, 1, 1), dt.date(y, 6, 30)
            elif part == "下半年":
                lo, hi = dt.date(y, 7, 1), dt.date(y, 12, 31)
            elif part == "年中":
                lo, hi = dt.date(y, 6, 1), dt.date(y, 7, 31)
            elif part in _SEASONS:
                m1, m2 = _SEASONS[part]
                lo = dt.date(y, m1, 1)
                hi = _last_day(y + (m2 > 12), (m2 - 1) % 12 + 1)
            else:
                q = _int(part.strip("第季度")) or 1
                lo, hi = dt.date(y, 3 * q - 2, 1), _last_day(y, 3 * q)
            if tail:
                return _Found(start, end, "deadline", None, hi, rule)
            return _Found(start, end, "range", lo, hi, rule)
        if rule == "year":
            if y is None:
                return None
            if g.get("open"):
                return _Found(start, end, "range", dt.date(y, 1, 1), None, rule)
            if tail:
                return _Found(start, end, "deadline", None, dt.date(y, 12, 31), rule)
            return _Found(start, end, "year", dt.date(y, 1, 1), dt.date(y, 12, 31), rule)
        if rule in ("yrange", "yrange2", "pyrange"):
            y_to = _int(g.get("y2"))
            if y is None or y_to is None or y_to < y:
                return None
            m_to = _int(g.get("m2")) if g.get("m2") else None
            last_day = _last_day(y_to, m_to) if m_to and 1 <= m_to <= 12 else dt.date(y_to, 12, 31)
            return _Found(start, end, "range", dt.date(y, 1, 1), last_day, rule)
        if rule in ("ymrange", "mrange"):
            m_from, m_to = _int(g["m"]), _int(g["m2"])
            y_to = _int(g.get("y2")) if g.get("y2") else y
            if m_from is None or m_to is None or not (1 <= m_from <= 12 and 1 <= m_to <= 12):
                return None
            if y is None or y_to is None:
                return _Found(start, end, "range", None, None, rule)
            return _Found(start, end, "range", dt.date(y, m_from, 1), _last_day(y_to, m_to), rule)
        if rule == "period":
            first_year = _PERIODS.get(g["p"].replace("\n", ""))
            if first_year is None:
                return None
            if g.get("close"):
                final = first_year + 4
                return _Found(start, end, "month", dt.date(final, 12, 1), dt.date(final, 12, 31), rule)
            return _Found(start, end, "period", dt.date(first_year, 1, 1), dt.date(first_year + 4, 12, 31), rule)
        if rule == "ordplan":
            years = five_year_plan(_int(g["n"]))
            if years is None:
                return None
            return _Found(start, end, "period", dt.date(years[0], 1, 1), dt.date(years[1], 12, 31), rule)
        if rule == "recurring":
            text = m.string
            if text.startswith(_NOT_RECURRING_AFTER, end) or text[max(0, start - 2) : start] in ("每人", "每户"):
                return None
            return _Found(start, end, "recurring", None, None, rule)
        if rule == "relative":
            return _Found(start, end, "relative", None, None, rule)
        if rule == "decade":
            return self._decade(m, g, year)
        return None

    @staticmethod
    def _decade(m: regex.Match[str], g: dict[str, str | None], year: int | None) -> _Found | None:
        c = g["c"] or ""
        if c in ("本", "上"):
            if year is None:
                return None
            century = (year - 1) // 100 + (0 if c == "本" else -1)  # 2016 -> 20: the 21st century
        else:
            century = (_int(c) or 0) - 1
        if g.get("dec"):
            first = century * 100 + (_int(g["dec"]) or 0)  # 20世纪90年代: 1990–1999
            last = first + 9
        else:
            n = 1 if g.get("head") else _int(g.get("n")) or 1
            first = century * 100 + 1 + 10 * (n - 1)  # 第二个十年 of the 21st century: 2011–2020
            last = first + 9
        if not 1 <= first <= last <= 9999:
            return None
        return _Found(m.start(), m.end(), "range", dt.date(first, 1, 1), dt.date(last, 12, 31), "decade")


def extract_dates(raw: str, *, reference_date: dt.date | None = None) -> list[DateMention]:
    """Every time expression in ``raw`` with its interval."""
    if not isinstance(raw, str):
        raise TypeError(f"extract_dates() takes a str, not {type(raw).__name__}")
    return DateExtractor().run(raw, reference_date)
