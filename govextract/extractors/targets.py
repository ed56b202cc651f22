"""Targets: quantified goals — an indicator committed to a value, by a year, up, down or level.

A quantity is a goal when a goal verb governs it (达到, 提高到, 控制在, 增长, 降低…), when a build verb
counts what is to be made (培育10万家示范单位), or when it closes an indicator phrase inside a goal
context (a sentence opening 到2020年, a 目标 heading, 力争/确保). Durations, scoring points, scope
counts (等18项, 选择7个市), past facts (已…) and legal limits (不得超过) are no targets. The year
comes from the sentence, then the paragraph, then the enclosing headings and the document title.

Table targets come from tab-separated tables with a 单位 column: the row's first cell is the
indicator and the column header gives the year.

>>> [(t.indicator, t.quantity.value, t.quantity.unit, t.year, t.change)
...  for t in extract_targets("到2020年，固定宽带家庭普及率达到70%，单位GDP能耗降低15%。")]
[('固定宽带家庭普及率', 70.0, '%', 2020, 'level'), ('单位GDP能耗', 15.0, '%', 2020, 'decrease')]
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from govextract.extractors.base import Context
from govextract.records import DateMention, Document, Quantity, Section, Target
from govextract.text import NormText

_CLAUSE_END = "。;!?\n"
_LOOK_BACK = 400
_CLAUSE_SEP = ",;:。!?\n"
#: goal verbs before the value, longest first; the value is a level
_LEVEL_VERBS = (
    "提高到", "提升到", "增加到", "增长到", "扩大到", "上升到", "降低到", "下降到", "减少到", "降到", "降至",
    "提高至", "提升至", "增加至", "增长至", "下降至", "减少至", "控制在", "稳定在", "保持在", "维持在",
    "达到", "达", "超过", "突破", "实现", "可达", "为", "在", "占",
)  # fmt: skip
_INCREASE = ("增长", "提高", "增加", "提升", "扩大", "上升", "新增")
_DECREASE = ("降低", "下降", "减少", "缩小", "缩短", "压缩", "削减", "下降了")
#: verbs before a number-first goal: what is to be built, trained, covered or produced
_BUILD_VERBS = (
    "培育", "建设", "建成", "打造", "创建", "扶持", "培训", "新建", "形成", "建立", "发展", "推广", "完成",
    "改造", "认定", "支持", "带动", "引进", "培养", "帮扶", "实施", "开工", "覆盖", "惠及", "解决", "转移",
    "提炼", "总结", "探索", "建", "设立", "招引", "新增",
)  # fmt: skip
#: words between a verb and its value that change nothing: 力争达到, 基本达到, 分别达到
_ADVERBS = regex.compile(r"(?:力争|确保|基本|分别|均|要|将|已|可|能|逐步|全面|进一步|每年|年均|平均)+$")
_NOT_TARGET_BEFORE = ("等", "选择", "组成", "抽调", "分为", "包括", "涉及", "共有", "不得", "第")
_INDICATOR_HEAD = regex.compile(
    r"^(?:(?:到|至|在)?(?:\d{4}|[〇一二三四五六七八九]{4})年(?:底|末)?(?:前)?,?|其中[:,]?|力争|确保|全面|基本|使|"
    r"推动|通过|努力|实现|同时|并|要|将|全市|全省)+"
)
_INDICATOR_TAIL = regex.compile(r"(?:力争|确保|基本|分别|均|要|将|可|能|逐步|全面|的|要求)+$")
_GOAL_CONTEXT = regex.compile(r"(?:到|至)(?:\d{4}|[〇一二三四五六七八九]{4})年|\d{4}年(?:底)?前|力争|确保|目标")
_GOAL_YEAR_RE = regex.compile(r"(?:到|至)((?:19|20)\d{2})年")
_YEAR_RE = regex.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_PERIOD_END = {"十五": 2005, "十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}
_NON_GOAL_DIMENSIONS = frozenset(("duration",))
_GOAL_LATER = regex.compile(
    r"[^,;。]*?(?:达到|提高到|超过|控制在|稳定在|保持在|可达)\s?(?:[\d〇一二两三四五六七八九十]|约|超过)"
)
_RULE_CONTEXT = regex.compile(
    r"按(?!照)|核定|即征即退|减按|扣减|追索|一律|应当|缴费|费率|编制|职数|只安排|原则上|可以|每帮扶|计算为"
)
_PAST = regex.compile(r"已经|已|比上年|上年|去年|截至|截止|以来|过去")
_BASELINE_AFTER = regex.compile(
    r"(?:降低|提高|下降|增加|增长|减少|上升|提升)(?:了|到|至)?\s?[\d０-９〇一二两三四五六七八九十百]"
)
_NON_GOAL_UNITS = frozenset(("分", "岁", "次"))


@dataclass
class _Goal:
    quantity: Quantity
    indicator: str
    start: int  # normalized span of the target
    end: int
    change: str
    annual: bool
    baseline: Quantity | None


@dataclass
class _Scope:
    """What the year and context look-ups search, indexed once per text."""

    sections: Sequence[Section]
    section_starts: list[int]  # raw
    goal_year_pos: list[int]  # normalized positions of 到YYYY年
    goal_years: list[int]
    line_starts: list[int]


class TargetExtractor:
    """Finds quantified goals in text and in tables."""

    label = "targets"
    requires: tuple[str, ...] = ("documents", "sections", "dates", "quantities")

    def run(self, raw: str, reference_date: dt.date | None = None) -> list[Target]:
        """Extract from a raw string (normalizing it and running the upstream extractors first)."""
        from govextract.pipeline import run_one

        return run_one(self, raw, reference_date)

    def extract(self, text: NormText, ctx: Context, /) -> Iterator[Target]:
        """Yield the targets in order."""
        quantities: list[Quantity] = ctx.get("quantities")
        dates: list[DateMention] = ctx.get("dates")
        sections: list[Section] = ctx.get("sections")
        docs: list[Document] = ctx.get("documents")
        years = self._years(text, dates)
        goal_matches = list(_GOAL_YEAR_RE.finditer(text.text))
        scope = _Scope(
            sections,
            [sec.start for sec in sections],
            [m.start() for m in goal_matches],
            [int(m.group(1)) for m in goal_matches],
            [ln.start for ln in text.lines],
        )
        out: list[Target] = []
        text_qs = [q for q in quantities if q.rule != "table"]
        norm = [(text.norm_offset(q.start), text.norm_offset(q.end - 1) + 1) for q in text_qs]
        for i in range(len(text_qs)):
            goal = self._goal(text, text_qs, norm, i, scope)
            if goal is None:
                continue
            year = self._year_for(text, goal.start, norm[i][1], years, scope, docs)
            out.extend(self._records(text, goal, year, "text"))
        for q in quantities:
            if q.rule == "table":
                target = self._table_target(text, q, scope.line_starts)
                if target is not None:
                    out.append(target)
        out.sort(key=lambda t: (t.start, t.end))
        yield from out

    # ------------------------------------------------------------------ one quantity in text

    def _goal(
        self, text: NormText, qs: list[Quantity], norm: list[tuple[int, int]], i: int, scope: _Scope
    ) -> _Goal | None:
        s = text.text
        q = qs[i]
        qs_, qe = norm[i]
        if q.dimension in _NON_GOAL_DIMENSIONS or q.unit in _NON_GOAL_UNITS:
            return None
        line = text.line_at(qs_)
        floor = line.start if line else max(0, qs_ - _LOOK_BACK)
        # every look-back stops at the logical line: a text without 。 costs no quadratic scan
        clause_start = max(floor, max(s.rfind(c, floor, qs_) for c in _CLAUSE_SEP) + 1)
        sentence_start = max(floor, max(s.rfind(c, floor, qs_) for c in _CLAUSE_END) + 1)
        before = s[clause_start:qs_]
        if any(before.endswith(w) for w in _NOT_TARGET_BEFORE) or "已" in before[-6:]:
            return None
        if q.comparator != "=" and s.startswith("不得", text.norm_offset(q.start)):
            return None
        if _PAST.search(s, sentence_start, qs_):
            return None  # a past fact: 已, 比上年, 截至
        if _BASELINE_AFTER.match(s, qe):
            return None  # the starting value of a change: 由目前的4.9%降低0.5个百分点
        # a list: 新增户1900户、帮带户4100户 — each item's clause starts after the previous value
        if (
            i > 0
            and norm[i - 1][1] > clause_start
            and s[norm[i - 1][1] : norm[i - 1][1] + 1] in ("、", "和", "及", "与")
        ):
            sep = norm[i - 1][1]
            while sep < qs_ and s[sep] in "、和及与 ":
                sep += 1
            clause_start = sep
            before = s[clause_start:qs_]
        if _RULE_CONTEXT.search(s, clause_start, qe) or _RULE_CONTEXT.search(s, sentence_start, clause_start):
            return None  # a rule or a policy parameter: 按…核定, 即征即退50%, 缴费比例降至20%
        if _GOAL_LATER.match(s, qe, self._clause_end(s, qe)):
            return None  # part of the indicator of a later value: 50%的城市家庭用户达到100Mbps
        goal_context = (
            bool(_GOAL_CONTEXT.search(s, line.start if line else sentence_start, qe))
            or self._goal_heading(text, qs_)
            or self._goal_section(text, qs_, scope)
        )
        # a verb right before the value
        stripped = before.rstrip(" ")
        core = _ADVERBS.sub("", stripped)
        for verb in _INCREASE + _DECREASE:
            if core.endswith(verb):
                change = "increase" if verb in _INCREASE else "decrease"
                indicator_end = clause_start + len(core) - len(verb)
                if verb == "新增":
                    change, indicator_end = "level", clause_start + len(core)
                return self._make(text, q, clause_start, indicator_end, qs_, qe, change, norm, i, qs)
        for verb in _LEVEL_VERBS:
            if core.endswith(verb):
                if verb in ("为", "占") and not goal_context:
                    return None
                indicator_end = clause_start + len(core) - len(verb)
                return self._make(text, q, clause_start, indicator_end, qs_, qe, "level", norm, i, qs)
        if not goal_context:
            return None
        # number first: 培育10万家示范单位, 50%以上的行政村具备…
        noun_end = self._noun_end(s, qe)
        verb_before = any(core.endswith(v) for v in _BUILD_VERBS)
        if verb_before and not goal_context and q.dimension == "count" and noun_end > qe:
            goal_context = True  # 建成30所学校的网络直播教室: a count of things to build
        lead = _INDICATOR_HEAD.sub("", core)
        if noun_end > qe and (verb_before or s.startswith("的", qe) or len(lead) <= 2):
            indicator = s[qe:noun_end].lstrip("的")
            return _Goal(q, _clean(indicator), qs_, noun_end, "level", False, None)
        # an indicator phrase closed by its value: 县市区帮扶6000户, 供热管网改造2万公里
        if core and clause_start + len(core) == clause_start + len(stripped) and len(core) >= 2:
            return self._make(text, q, clause_start, clause_start + len(core), qs_, qe, "level", norm, i, qs)
        return None

    def _make(
        self,
        text: NormText,
        q: Quantity,
        clause_start: int,
        indicator_end: int,
        qs_: int,
        qe: int,
        change: str,
        norm: list[tuple[int, int]],
        i: int,
        qs: list[Quantity],
    ) -> _Goal | None:
        s = text.text
        indicator = s[clause_start:indicator_end]
        baseline = None
        # a baseline: 由目前的4.9%降低0.5个百分点
        if i > 0 and change != "level":
            ps = norm[i - 1][0]
            if ps >= clause_start:
                lead = s[clause_start:ps]
                m = regex.search(r"(?:由|从)(?:目前的|现在的|现行的|当前的)?$", lead)
                if m:
                    baseline = qs[i - 1]
                    indicator = s[clause_start : clause_start + m.start()]
        head = _INDICATOR_HEAD.match(indicator)
        start = clause_start + (head.end() if head else 0)
        indicator = indicator[head.end() :] if head else indicator
        indicator = _INDICATOR_TAIL.sub("", indicator)
        if len(indicator) < 2:
            return None
        annual = "年均" in indicator or indicator.startswith("每年")
        return _Goal(q, _clean(indicator), start, qe, change, annual, baseline)

    @staticmethod
    def _clause_end(s: str, pos: int) -> int:
        ends = [k for k in (s.find(c, pos, pos + 80) for c in ",;。!?\n") if k >= 0]
        return min(ends) if ends else min(len(s), pos + 80)

    @staticmethod
    def _noun_end(s: str, pos: int) -> int:
        """End of the noun phrase after a number-first value (up to the clause's end)."""
        end = pos
        limit = min(len(s), pos + 40)
        while end < limit and s[end] not in ",、;:。!?\n()":
            end += 1
        return end

    @staticmethod
    def _goal_section(text: NormText, pos: int, scope: _Scope) -> bool:
        """Whether a heading above ``pos`` names goals or tasks (主要目标, 目标任务)."""
        sections = scope.sections
        k = bisect_right(scope.section_starts, text.raw_start(pos)) - 1
        seen = 0
        while k >= 0 and seen < 4:
            sec = sections[k]
            if any(w in sec.title for w in ("目标", "指标")):
                return True
            k = sec.parent if sec.parent is not None else -1
            seen += 1
        return False

    @staticmethod
    def _goal_heading(text: NormText, pos: int) -> bool:
        line = text.line_at(pos)
        if line is None:
            return False
        content = text.text[line.start : min(line.end, line.start + 30)]
        return "目标" in content

    # ------------------------------------------------------------------ years

    @staticmethod
    def _years(text: NormText, dates: Sequence[DateMention]) -> tuple[list[int], list[int]]:
        """(normalized position, year) of dates naming a year, in order."""
        pos: list[int] = []
        yrs: list[int] = []
        for d in dates:
            when = d.end_date or d.start_date
            if when is None or d.kind in ("recurring", "relative"):
                continue
            pos.append(text.norm_offset(d.start))
            yrs.append(when.year)
        return pos, yrs

    def _year_for(
        self,
        text: NormText,
        start: int,
        end: int,
        years: tuple[list[int], list[int]],
        scope: _Scope,
        docs: Sequence[Document],
    ) -> int | None:
        s = text.text
        pos, yrs = years
        line = text.line_at(start)
        line_start = line.start if line else max(0, start - _LOOK_BACK)
        sentence_start = max(line_start, max(s.rfind(c, line_start, start) for c in "。;!?\n") + 1)
        k = bisect_right(pos, end) - 1
        # the sentence, then the paragraph, before the value
        while k >= 0 and pos[k] >= line_start:
            if pos[k] >= sentence_start or pos[k] >= line_start:
                return yrs[k]
            k -= 1
        # the enclosing headings, innermost first, and the lines of their part before the value
        raw_pos = text.raw_start(start)
        j = bisect_right(scope.section_starts, raw_pos) - 1
        for sec in scope.sections[j : j + 1] if j >= 0 else ():
            if sec.start <= raw_pos:
                sec_start = text.norm_offset(sec.start)
                k = bisect_right(pos, start) - 1
                if k >= 0 and pos[k] >= sec_start:
                    return yrs[k]
                year = _year_in_title(sec.title)
                if year is not None:
                    return year
                break
        for d in docs:
            if d.start <= raw_pos < d.end:
                doc_start = text.norm_offset(d.start)
                g = bisect_right(scope.goal_year_pos, start - 1) - 1
                if g >= 0 and scope.goal_year_pos[g] >= doc_start:
                    return scope.goal_years[g]
                return _year_in_title(d.title) if d.title else None
        return None

    # ------------------------------------------------------------------ tables

    def _table_target(self, text: NormText, q: Quantity, line_starts: list[int]) -> Target | None:
        s = text.text
        ns = text.norm_offset(q.start)
        line = text.line_at(ns)
        if line is None:
            return None
        row = s[line.start : line.end]
        col = s.count("\t", line.start, ns)
        indicator = row.split("\t")[0]
        indicator = regex.sub(r"^(?:其中[:：]|\d+\.\s?)", "", indicator.strip())
        year = None
        k = bisect_right(line_starts, line.start) - 1
        for j in range(k - 1, max(-1, k - 40), -1):
            prev = text.lines[j]
            cells = [c.strip() for c in s[prev.start : prev.end].split("\t")]
            if "单位" in cells:
                if col < len(cells):
                    m = _YEAR_RE.search(cells[col])
                    year = int(m.group(1)) if m else None
                break
        if not indicator:
            return None
        return Target(
            start=q.start,
            end=q.end,
            text=q.text,
            indicator=_clean(indicator),
            quantity=q,
            year=year,
            origin="table",
            rule="table",
        )

    # ------------------------------------------------------------------ records

    def _records(self, text: NormText, goal: _Goal, year: int | None, origin: str) -> list[Target]:
        rs, re_ = text.raw_span(goal.start, goal.end)
        return [
            Target(
                start=rs,
                end=re_,
                text=text.raw[rs:re_],
                indicator=goal.indicator,
                quantity=goal.quantity,
                year=year,
                change=goal.change,  # type: ignore[arg-type]
                annual=goal.annual,
                baseline=goal.baseline,
                origin="text",
                rule="text",
            )
        ]


def _clean(s: str) -> str:
    return "".join(s.split()).replace("《", "").replace("》", "")


def _year_in_title(title: str) -> int | None:
    """The year a heading or title names: its last explicit year, or the end of a 十二五 period."""
    for name, year in sorted(_PERIOD_END.items(), key=lambda kv: -len(kv[0])):
        if name in title:
            return year
    found = _YEAR_RE.findall(title)
    return int(found[-1]) if found else None


def extract_targets(raw: str, *, reference_date: dt.date | None = None) -> list[Target]:
    """Every quantified goal in ``raw``."""
    if not isinstance(raw, str):
        raise TypeError(f"extract_targets() takes a str, not {type(raw).__name__}")
    return TargetExtractor().run(raw, reference_date)
