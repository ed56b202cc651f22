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
from functools import cache

import regex

from govextract.building import make
from govextract.datafiles import targets_data
from govextract.extractors.base import Context
from govextract.extractors.dates import five_year_plan
from govextract.numerals import parse_int
from govextract.records import DateMention, Document, Quantity, Section, Target
from govextract.text import NormText

_CLAUSE_END = "。;!?\n"
_SENTENCE_END = regex.compile(f"[{_CLAUSE_END}]")
_LOOK_BACK = 400
#: how far back a paragraph's goal context and years are searched (a line without 。 may be huge)
_CONTEXT_BACK = 2000

_CLAUSE_SEP = ",;:。!?\n"
#: goal verbs before the value, longest first; the value is a level
_LEVEL_VERBS = (
    "提高到", "提升到", "增加到", "增长到", "扩大到", "上升到", "降低到", "下降到", "减少到", "降到", "降至",
    "提高至", "提升至", "增加至", "增长至", "下降至", "减少至", "降低至", "压缩到", "压缩至", "缩短到", "缩短至",
    "缩减到", "缩减至", "控制在", "稳定在", "保持在", "维持在",
    "达到", "达", "超过", "突破", "实现", "可达", "为", "在", "占",
)  # fmt: skip
_INCREASE = ("增长", "提高", "增加", "提升", "扩大", "上升", "新增", "翻", "翻了")
_DECREASE = ("降低", "下降", "减少", "缩小", "缩短", "压缩", "削减", "下降了")
#: verbs before a number-first goal: what is to be built, trained, covered or produced
_BUILD_VERBS = (
    "培育", "建设", "建成", "打造", "创建", "扶持", "培训", "新建", "形成", "建立", "发展", "推广", "完成",
    "改造", "认定", "支持", "带动", "引进", "培养", "帮扶", "实施", "开工", "覆盖", "惠及", "解决", "转移",
    "提炼", "总结", "探索", "建", "设立", "招引", "新增", "新开工", "开工建设", "治理", "改造提升", "选派", "配备",
)  # fmt: skip
#: a place opening a clause before its build verb: 在科技城集中发展区(建设…), 在全省高校(建设…)
_PLACE_BEFORE_VERB = regex.compile(r"在\p{Han}{2,12}(?=" + "|".join(sorted(_BUILD_VERBS, key=len, reverse=True)) + ")")
#: words between a verb and its value that change nothing: 力争达到, 基本达到, 分别达到
_ADVERBS = regex.compile(r"(?:力争|确保|基本|分别|均|要|将|已|可|能|逐步|全面|进一步|每年|年均|平均)+$")
#: words right before a value that make it no goal: a scope (等), an ordinal (第), a denominator (每5所)
_NOT_TARGET_BEFORE = ("等", "选择", "组成", "抽调", "分为", "包括", "涉及", "共有", "不得", "第", "每")
_INDICATOR_HEAD = regex.compile(
    r"^(?:(?:到|至|在)?(?:\d{4}|[〇一二三四五六七八九]{4})年(?:底|末)?(?:前)?,?|其中[:,]?|力争|确保|全面|基本|使|"
    r"推动|通过|努力|实现|同时|并|要|将|全市|全省)+"
)
#: words that close an indicator before its verb; 均 only alone (年均, 平均, 人均 stay), and a
#: comparison base (比2000年, 较上年, 比“九五”期间, 比“十二五”末) is no part of the indicator
_INDICATOR_TAIL = regex.compile(
    r"(?:力争|确保|基本|分别|(?<![年平人])均|每年|要|将|可|能|逐步|全面|的|要求|(?:比|较)(?:\d{4}年(?:末|底)?|上年|去年"
    r'|\s?[“"]?\s?(?:十[一二三四五]?|[六七八九])五\s?[”"]?\s?(?:期间|时期|末)?))+$'
)
#: a goal context: a target year (到2020年, 实现2016年…, 2018年底前, 到“十三五”末), a work-plan year (全年, 年内,
#: 年底前), or words of commitment (力争, 确保, 目标 — not a target group: 目标人群, 目标客户)
_GOAL_WORD = r"目标(?!人群|群体|对象|客户|人员|市场)"
_GOAL_WORD_RE = regex.compile(_GOAL_WORD)
_GOAL_CONTEXT = regex.compile(
    rf"(?:到|至|实现)(?:\d{{4}}|[〇一二三四五六七八九]{{4}})年|\d{{4}}年(?:底)?前|力争|确保|{_GOAL_WORD}|"
    r"(?:到|至)\W?十[一二三四五]?五\W?(?:末|期末)|全年|年内|年底前|年末前"
)
_YEARS_OF_EFFORT = regex.compile(r"(?:通过|用|经过)([\d一二三四五六七八九十]{1,3})年(?:左右)?的?(?:时间|努力)")
_YEAR_RE = regex.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_ORDINAL_PLAN = regex.compile(r"第([一二三四五六七八九十]{1,3})个五年(?:规划|计划)")
_PERIOD_END = {"十五": 2005, "十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}
_NON_GOAL_DIMENSIONS = frozenset(("duration",))
_GOAL_LATER = regex.compile(
    r"[^,;。、]*?(?:达到|提高到|超过|控制在|稳定在|保持在|可达|(?:削减|降低|下降|减少|提高|增长|增加|上升|提升|缩短|压缩)(?:了|到|至)?)"
    r"\s?(?:[\d〇一二两三四五六七八九十]|约|超过)"
)
_RULE_CONTEXT = regex.compile(
    r"按(?!照|\d{4}年(?:不变)?价格|可比价格)|可按|核定|即征即退|减按|扣减|追索|一律|应当|缴费|费率|编制|职数|只安排|原则上|可以|每帮扶|计算为"
)
_PAST = regex.compile(r"已经|已|比上年|上年|去年|截至|截止|以来|过去")
_BASELINE_AFTER = regex.compile(
    r"(?:降低|提高|下降|增加|增长|减少|上升|提升)(?:了|到|至)?\s?[\d０-９〇一二两三四五六七八九十百]"
)
#: a document whose issued text sets out a plan (its build-verb counts are goals) rather than rules
_PLAN_TITLE = regex.compile(r"规划|计划|方案|要点|安排|任务|意见|目标|纲要")
_RULE_TITLE = regex.compile(r"办法|规定|条例|制度|细则|规则|通报|决定|命令|标准")
_COORDINATORS = frozenset(("、", "和", "及", "与", "或"))
_CONJUNCTION = regex.compile(r"[和、]")  # not 及 or 与: 普及率, 参与率
_SHARED_VERB = regex.compile(r"(?:均|都|同时)(?:达到|达|提高到|超过|实现|保持在|稳定在|控制在)")
#: comparator words that open a quantity and act as its goal verb
_COMPARATOR_VERB = regex.compile(r"超过|突破|不低于|不少于|高于|不超过|不高于|低于|控制在")
_DUTY_PERIOD = regex.compile(r"每(?:季度|月|周|半年|旬|天|日)")
#: words that make a share after them the means of an action, not an outcome: 用75%的酒精擦拭,
#: 按照不低于20%的比例抽样, 抽取10%的企业检查
_MEANS_BEFORE = ("用", "按", "按照", "依照", "参照", "抽取", "选取", "抽查", "对")


def _is_share(q: Quantity) -> bool:
    """A percentage or a fraction (三分之一, 1/3): a share of what it qualifies."""
    return q.unit == "%" or q.rule == "fraction"


#: what a plan builds, measured: counts and physical quantities (not money, rates or durations)
_OUTPUT_DIMENSIONS = frozenset(("count", "area", "length", "volume", "mass", "energy", "power"))
#: level verbs that may take a number-first goal when nothing stands before them
_ACHIEVE = frozenset(("实现", "完成", "达到"))
_COUNTED_NEXT = regex.compile(r"[\d一二两三四五六七八九十]|一批|一系列")
_NUMERAL_IN = regex.compile(r"[\d〇一二两三四五六七八九十百千万]")
_NON_GOAL_UNITS = frozenset(("分", "岁", "次"))
#: an outline marker opening a clause: (三), 三、, 3.
_OUTLINE_MARKER = regex.compile(
    r"(?:\([一二三四五六七八九十百\d]{1,4}\)|[一二三四五六七八九十百]{1,3}、|\d{1,2}[、.](?!\d))\s*"
)
_GLOSS_IN_NOUN = regex.compile(r"\([^()\n]{1,8}\)(?=\p{Han})")
_SIZE_CONDITION = regex.compile(r"(?:以上|以下)?规模的")
_MAGNITUDES = frozenset(("万", "亿", "千万", "百万", "万亿"))
#: a part's name in a bracketed breakdown: 南充, 巴中约, 其中城镇
_PART_NAME = regex.compile(r"(?:其中)?(\p{Han}{1,8}?)(?:约|为|达|共)?$")
#: a table row label's lead: 其中：, 1.
_ROW_LABEL_PREFIX = regex.compile(r"^(?:其中[:：]|\d+\.\s?)")
#: an indicator that is a rate or a share: its percentage needs no verb (实现率95%以上, 农业用水比重60%)
_RATE_END = regex.compile(r"(?:率|比例|比重|占比|覆盖面|满意度)$")
#: verbs of coverage right after a percentage: what share of the indicator's things is reached
_COVERED_AFTER = regex.compile(r"\s?(?:覆盖|纳入|联网|接入|入网|达标|到位|上线|办结|公开)")
#: a baseline's lead before a value: 由目前的, 从
_FROM_BEFORE = regex.compile(r"(?:由|从)(?:目前的|现在的|现行的|当前的)?$")


@dataclass
class _Goal:
    quantity: Quantity
    indicator: str
    start: int  # normalized span of the target
    end: int
    change: str
    annual: bool
    baseline: Quantity | None
    noun: str = ""  # the counted noun after a number-first value (贫困人口脱贫): parts share it


@dataclass
class _Scope:
    """What the year and context look-ups search, indexed once per text."""

    sections: Sequence[Section]
    section_starts: list[int]  # raw
    line_starts: list[int]
    plan_starts: list[int]  # normalized starts of documents, in order
    plan_flags: list[bool]  # whether each document sets out a plan (规划, 方案, 要点, 意见 …)
    doc_starts: list[int]  # raw starts of documents, in order
    status: list[bool]  # whether each section's heading names a state of affairs (现状与形势)


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
        scope = _Scope(
            sections,
            [sec.start for sec in sections],
            [ln.start for ln in text.lines],
            [text.norm_offset(d.start) for d in docs],
            [_plan_like(d) for d in docs],
            [d.start for d in docs],
            [_status_heading_re().fullmatch(sec.title) is not None for sec in sections],
        )
        out: list[Target] = []
        text_qs = [q for q in quantities if q.rule != "table"]
        norm = [(text.norm_offset(q.start), text.norm_offset(q.end - 1) + 1) for q in text_qs]
        i, prev_end = 0, -1
        while i < len(text_qs):
            goal = self._goal(text, text_qs, norm, i, scope, prev_end)
            if goal is None:
                i += 1
                continue
            prev_end = goal.end
            year = self._year_for(text, goal.start, norm[i][1], years, scope, docs)
            group = self._coordinated(text.text, norm, i)
            parts = self._distribute(text.text, goal, [text_qs[j] for j in group], [norm[j] for j in group])
            if not parts and len(group) > 1 and "分别" in text.text[goal.start : norm[i][0]]:
                # 市场满足率分别超过70%和50%: the subjects are out of reach, each value is a goal
                parts = [goal] + [
                    _Goal(text_qs[j], goal.indicator, norm[j][0], norm[j][1], goal.change, goal.annual, None)
                    for j in group[1:]
                ]
            for part in parts or [goal]:
                out.extend(self._records(text, part, year, "text"))
            i = group[-1] + 1 if parts else i + 1
            if not parts and goal.noun:
                breakdown = self._breakdown(text.text, goal, text_qs, norm, i)
                for part in breakdown:
                    out.extend(self._records(text, part, year, "text"))
                i += len(breakdown)
        for q in quantities:
            if q.rule == "table":
                target = self._table_target(text, q, scope.line_starts)
                if target is not None:
                    out.append(target)
        out.sort(key=lambda t: (t.start, t.end))
        yield from out

    # ------------------------------------------------------------------ one quantity in text

    def _goal(
        self,
        text: NormText,
        qs: list[Quantity],
        norm: list[tuple[int, int]],
        i: int,
        scope: _Scope,
        prev_end: int = -1,
    ) -> _Goal | None:
        s = text.text
        q = qs[i]
        qs_, qe = norm[i]
        if (
            q.dimension in _NON_GOAL_DIMENSIONS and _duration_goal_re().search(s, max(0, qs_ - 12), qs_) is None
        ) or _base_unit_of(q) in _procedure_units():
            return None  # a procedure's time limit, or a measure of a technical procedure (350ml, 4℃)
        weak_unit = q.unit in _NON_GOAL_UNITS  # ages, scores, times: goals only after a goal verb
        if weak_unit and qe < len(s) and "\u4e00" <= s[qe] <= "\u9fff":
            return None  # an age or a score that picks a group: 提高60岁及以上老年人的接种率
        line = text.line_at(qs_)
        floor = max(line.start if line else 0, qs_ - _LOOK_BACK)
        # every look-back stops at the logical line: a text without 。 costs no quadratic scan
        clause_start = max(floor, max(s.rfind(c, floor, qs_) for c in _CLAUSE_SEP) + 1)
        sentence_start = max(floor, max(s.rfind(c, floor, qs_) for c in _CLAUSE_END) + 1)
        while clause_start < qs_ and s[clause_start] == " ":
            clause_start += 1
        marker = _OUTLINE_MARKER.match(s, clause_start, qs_)
        if marker:
            clause_start = marker.end()  # (三)建立…: the outline marker is no part of the clause
        before = s[clause_start:qs_]
        if any(before.endswith(w) for w in _NOT_TARGET_BEFORE) or "已" in before[-6:]:
            return None
        if q.comparator != "=" and s.startswith("不得", text.norm_offset(q.start)):
            return None
        if _PAST.search(s, sentence_start, qs_):
            return None  # a past fact: 已, 比上年, 截至
        if self._status_section(text, qs_, scope):
            return None  # a part on the state of affairs (现状与形势): what was reached, not what is to be
        if _SIZE_CONDITION.match(s, qe):
            return None  # a size that picks what a rule is about: 超过1000人规模的学校
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
        # the next item of a list of goals: 实现17.2万人脱贫、802个贫困村摘帽; 项目16个、变电容量400万千伏安
        after_prev = prev_end
        while after_prev < qs_ and s[after_prev] == " ":
            after_prev += 1
        continues = clause_start <= prev_end + 1 and prev_end < qs_ and s[after_prev : after_prev + 1] in ("、", ",")
        if continues:
            clause_start = after_prev + 1
            before = s[clause_start:qs_]
        if _RULE_CONTEXT.search(s, clause_start, qe) or _RULE_CONTEXT.search(s, sentence_start, clause_start):
            return None  # a rule or a policy parameter: 按…核定, 即征即退50%, 缴费比例降至20%
        if _DUTY_PERIOD.search(s, clause_start, qs_):
            return None  # a standing duty: 每季度报送信息不少于2篇
        if _GOAL_LATER.match(s, qe, self._clause_end(s, qe)):
            return None  # part of the indicator of a later value: 50%的城市家庭用户达到100Mbps
        goal_context = (
            bool(_GOAL_CONTEXT.search(s, max(line.start, qs_ - _CONTEXT_BACK) if line else sentence_start, qe))
            or self._goal_heading(text, qs_)
            or self._goal_section(text, qs_, scope)
            or continues
        )
        # a verb right before the value
        stripped = before.rstrip(" ")
        core = _ADVERBS.sub("", stripped)
        for verb in _INCREASE + _DECREASE:
            if core.endswith(verb):
                change = "increase" if verb in _INCREASE else "decrease"
                indicator_end = clause_start + len(core) - len(verb)
                if verb == "新增":
                    if len(_INDICATOR_HEAD.sub("", core[: -len(verb)])) < 2:
                        break  # 新增10个国家大学科技园: the counted noun follows
                    change, indicator_end = "level", clause_start + len(core)
                return self._make(text, q, clause_start, indicator_end, qs_, qe, change, norm, i, qs)
        for verb in _LEVEL_VERBS:
            if core.endswith(verb):
                if (verb in ("为", "占") and not goal_context) or (weak_unit and verb in ("为", "占", "在", "达")):
                    return None
                indicator_end = clause_start + len(core) - len(verb)
                made = self._make(text, q, clause_start, indicator_end, qs_, qe, "level", norm, i, qs)
                if made is not None or verb not in _ACHIEVE:
                    return made
                break  # 实现17.2万人脱贫: nothing before the verb, the counted noun follows
        if weak_unit:
            return None
        # the comparator word is the verb: 市场满足率超过70%, 覆盖率不低于90%
        if (
            core
            and len(core) >= 2
            and _COMPARATOR_VERB.match(s, qs_)
            and goal_context
            and not _RULE_CONTEXT.search(s, sentence_start, qe)
            and not s.startswith("的", qe)  # a condition: 缴存比例高于12%的
            and not core.startswith(("对", "由", "将"))
        ):
            return self._make(text, q, clause_start, clause_start + len(core), qs_, qe, "level", norm, i, qs)
        # number first: 培育10万家示范单位, 50%以上的行政村具备…
        noun_end = self._noun_end(s, qe)
        verb_before = any(core.endswith(v) for v in _BUILD_VERBS) or any(core.endswith(v) for v in _ACHIEVE)
        # a place before the verb stays out of it: 在科技城集中发展区建设地下综合管廊55公里
        place = _PLACE_BEFORE_VERB.match(core)
        at = place.end() if place else 0
        lead_verb = next((v for v in _BUILD_VERBS if core.startswith(v, at) and len(core) > at + len(v) + 1), "")
        if (
            not goal_context
            and (
                (verb_before and noun_end > qe and q.dimension == "count")
                or (lead_verb and "等" not in core and q.dimension in _OUTPUT_DIMENSIONS)
            )
            # 至少建成一所: a numeral bounded below after a build verb is a count, no article
            and (s[qs_].isdigit() or (verb_before and q.comparator in (">=", ">")))
            and self._in_plan(qs_, scope)
        ):
            # in a plan, an output to build: 建设50个“城市矿产”示范基地, 实施村级农民健身工程516个,
            # 新建高产稳产农田250万亩
            goal_context = True
        if (
            not goal_context
            and _is_share(q)
            and s.startswith("的", qe)
            and self._in_plan(qs_, scope)
            and not core.endswith(_MEANS_BEFORE)
        ):
            goal_context = True  # in a plan, a share of what is to change: 50%以上的医院参加医疗责任险
        if (
            not goal_context
            and _is_share(q)
            and core == stripped
            and _RATE_END.search(core)
            and s[qe : qe + 1] in ("", ",", ";", "。", "、", "\n")  # the value closes its clause
            and not core.startswith(_MEANS_BEFORE)
            and self._in_plan(qs_, scope)
        ):
            goal_context = True  # in a plan, a rate closed by its value: 在线处理实现率95%以上
        if (
            not goal_context
            and _is_share(q)
            and core == stripped
            and len(core) >= 2
            and _COVERED_AFTER.match(s, qe)
            and self._in_plan(qs_, scope)
        ):
            goal_context = True  # in a plan, a share covered: 行政权力事项100%纳入电子监察范围
        if not goal_context:
            return None
        lead = _INDICATOR_HEAD.sub("", core)
        if noun_end > qe and (verb_before or s.startswith("的", qe) or len(lead) <= 2):
            if _RULE_CONTEXT.search(s, qe, noun_end):
                return None  # a rule about the counted things: 88个贫困县…原则上全部由合作社承接
            indicator = _clean(s[qe:noun_end].lstrip("的"))
            return _Goal(q, indicator, qs_, noun_end, "level", False, None, indicator)
        # a modifier closed by 的 before the value: 建立覆盖主要专业领域的1000个左右职教教师企业实践流动站
        if core.endswith("的") and noun_end > qe and len(lead) >= 3:
            skip = next((len(v) for v in _BUILD_VERBS if lead.startswith(v) and len(lead) > len(v) + 2), 0)
            indicator = _clean(lead[skip:] + s[qe:noun_end])
            return _Goal(q, indicator, clause_start + len(core) - len(lead) + skip, noun_end, "level", False, None)
        # an indicator phrase closed by its value: 县市区帮扶6000户, 供热管网改造2万公里
        if core and clause_start + len(core) == clause_start + len(stripped) and len(core) >= 2:
            # 实施村级农民健身工程516个: the verb (and a place before it) is no part of the indicator
            skip = at + len(lead_verb) if lead_verb else 0
            made = self._make(text, q, clause_start + skip, clause_start + len(core), qs_, qe, "level", norm, i, qs)
            if made is not None and q.unit in _MAGNITUDES and noun_end > qe and not s.startswith("的", qe):
                # a bare magnitude counts the noun after it: 川东北五市约44.71万贫困人口脱贫
                noun = _clean(s[qe:noun_end])
                made.indicator, made.end, made.noun = made.indicator + noun, noun_end, noun
            return made
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
                m = _FROM_BEFORE.search(lead)
                if m:
                    baseline = qs[i - 1]
                    indicator = s[clause_start : clause_start + m.start()]
        head = _INDICATOR_HEAD.match(indicator)
        start = clause_start + (head.end() if head else 0)
        indicator = indicator[head.end() :] if head else indicator
        tail = _INDICATOR_TAIL.search(indicator)
        annual = "年均" in indicator or indicator.startswith("每年") or bool(tail and "每年" in tail.group())
        indicator = _INDICATOR_TAIL.sub("", indicator)
        if change != "level" and indicator.endswith("年均") and len(indicator) >= 4:
            indicator = indicator[:-2]  # 国内生产总值年均增长8%: 年均 is the annual flag, as 每年 is
        if len(indicator) < 2:
            return None
        return _Goal(q, _clean(indicator), start, qe, change, annual, baseline)

    # ------------------------------------------------------------------ distribution

    @staticmethod
    def _coordinated(s: str, norm: list[tuple[int, int]], i: int) -> list[int]:
        """Value ``i`` and the values coordinated right after it: 55% 和 20%, 50%、40%."""
        group = [i]
        j = i + 1
        while j < len(norm) and s[norm[j - 1][1] : norm[j][0]].strip(" ") in _COORDINATORS:
            group.append(j)
            j += 1
        return group

    @staticmethod
    def _distribute(s: str, goal: _Goal, qs: list[Quantity], spans: list[tuple[int, int]]) -> list[_Goal]:
        """Split a goal over coordinated subjects, one value each or one shared value.

        ``城市和农村家庭固定宽带普及率分别达到55%和20%`` gives 城市家庭固定宽带普及率 55% and
        农村家庭固定宽带普及率 20%; ``A和B均达到x`` gives two goals sharing x. The subjects are the
        short conjuncts at the head of the indicator; the last one carries the shared tail.
        """
        first_value = spans[0][0]
        if goal.start >= first_value:
            return []  # number first: the indicator follows the value
        region = s[goal.start : first_value]
        # map the cleaned indicator back to positions in the region
        positions = [goal.start + k for k, ch in enumerate(region) if not ch.isspace()]
        conj = [m.start() for m in _CONJUNCTION.finditer(goal.indicator)]
        if not conj:
            return []
        shared = len(qs) == 1
        if not shared and len(conj) + 1 != len(qs):
            return []
        bounds = [0, *(k + 1 for k in conj), len(goal.indicator)]
        items = [
            goal.indicator[bounds[k] : (conj[k] if k < len(conj) else bounds[k + 1])] for k in range(len(conj) + 1)
        ]
        last = items[-1]
        if not all(items):
            return []  # a conjunction at an edge: 和 ends the phrase
        # whole indicators coordinated (居民健康卡发放率和电子健康档案建档率达100%) share no tail
        whole = all(len(it) >= 3 and it[-1] == last[-1] for it in items[:-1])
        if shared and not (whole or _SHARED_VERB.search(region)):
            return []
        head = len(items[0]) if len(items[0]) <= 4 else 3
        tail = "" if whole else last[head:]
        if not whole and (len(tail) < 2 or any(not 1 <= len(it) <= 8 for it in items[:-1])):
            return []
        out: list[_Goal] = []
        for k, item in enumerate(items):
            indicator = item if k == len(items) - 1 else item + tail
            q, (_, qe) = (qs[0], spans[0]) if shared else (qs[k], spans[k])
            start = positions[bounds[k]] if bounds[k] < len(positions) else goal.start
            out.append(_Goal(q, indicator, start, qe, goal.change, goal.annual, goal.baseline))
        return out

    @staticmethod
    def _breakdown(s: str, goal: _Goal, qs: list[Quantity], norm: list[tuple[int, int]], i: int) -> list[_Goal]:
        """The parts of a total in brackets right after it, each a goal of its own:
        ``约44.71万贫困人口脱贫（南充11.74万、达州12.77万…）`` → 南充贫困人口脱贫 11.74万, ….

        Every bracketed item must be a short name and a value in the total's unit; otherwise none
        is taken.
        """
        if not s.startswith("(", goal.end):
            return []
        close = s.find(")", goal.end, goal.end + 300)
        if close < 0:
            return []
        out: list[_Goal] = []
        item_start = goal.end + 1
        j = i
        while j < len(qs) and norm[j][1] <= close:
            q = qs[j]
            name = _PART_NAME.fullmatch(s, item_start, norm[j][0])
            if name is None or q.unit != goal.quantity.unit:
                return []
            out.append(_Goal(q, name.group(1) + goal.noun, item_start, norm[j][1], goal.change, goal.annual, None))
            item_start = norm[j][1] + 1
            j += 1
            if s[norm[j - 1][1] : norm[j - 1][1] + 1] not in ("、", ",", ";", ")"):
                return []
        return out if len(out) >= 2 and s[norm[j - 1][1] : norm[j - 1][1] + 1] == ")" else []

    @staticmethod
    def _clause_end(s: str, pos: int) -> int:
        ends = [k for k in (s.find(c, pos, pos + 80) for c in ",;。!?\n") if k >= 0]
        return min(ends) if ends else min(len(s), pos + 80)

    @staticmethod
    def _noun_end(s: str, pos: int) -> int:
        """End of the noun phrase after a number-first value (up to the clause's end).

        A list of modifiers closed by 的 stays in the phrase (掌握核心技术、拥有知识产权的龙头企业);
        a second counted thing after 和 or 及 does not (聚集区和一批示范项目).
        """
        end = pos
        limit = min(len(s), pos + 40)
        while end < limit and s[end] not in ",、;:。!?\n()":
            if s[end] in "和及" and _COUNTED_NEXT.match(s, end + 1):
                return end
            end += 1
            if end < limit and s[end] == "(" and end > pos:
                gloss = _GLOSS_IN_NOUN.match(s, end)
                if gloss:
                    end = gloss.end()  # 县（市、区）通过国家认定
        if end < limit and s[end] == "、" and "的" not in s[pos:end]:
            close = end
            while close < limit and s[close] not in ",;:。!?\n()":
                close += 1
            rest = s[end + 1 : close]
            if "的" in rest and not _NUMERAL_IN.search(rest):
                return close
        while end > pos and s[end - 1] == " ":
            end -= 1  # spaced punctuation after the value: 600亿元左右 。
        return end

    @staticmethod
    def _goal_section(text: NormText, pos: int, scope: _Scope) -> bool:
        """Whether a heading above ``pos`` names goals or tasks (主要目标, 目标任务)."""
        sections = scope.sections
        k = bisect_right(scope.section_starts, text.raw_start(pos)) - 1
        seen = 0
        while k >= 0 and seen < 4:
            sec = sections[k]
            if "指标" in sec.title or _GOAL_WORD_RE.search(sec.title):
                return True
            k = sec.parent if sec.parent is not None else -1
            seen += 1
        return False

    @staticmethod
    def _status_section(text: NormText, pos: int, scope: _Scope) -> bool:
        """Whether a heading above ``pos`` in its document names a state of affairs (现状与形势,
        发展基础, 取得的成效: ``data/targets.toml``)."""
        raw_pos = text.raw_start(pos)
        k = bisect_right(scope.section_starts, raw_pos) - 1
        d = bisect_right(scope.doc_starts, raw_pos) - 1
        doc_start = scope.doc_starts[d] if d >= 0 else 0
        seen = 0
        while k >= 0 and seen < 4 and scope.section_starts[k] >= doc_start:
            if scope.status[k]:
                return True
            if any(w in scope.sections[k].title for w in ("目标", "指标")):
                return False  # goals nested under a status part by a broken outline
            parent = scope.sections[k].parent
            k = parent if parent is not None else -1
            seen += 1
        return False

    @staticmethod
    def _in_plan(pos: int, scope: _Scope) -> bool:
        k = bisect_right(scope.plan_starts, pos) - 1
        return k >= 0 and scope.plan_flags[k]

    @staticmethod
    def _goal_heading(text: NormText, pos: int) -> bool:
        line = text.line_at(pos)
        if line is None:
            return False
        return _GOAL_WORD_RE.search(text.text, line.start, min(line.end, line.start + 30)) is not None

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
            at = text.norm_offset(d.start)
            if text.text[max(0, at - 3) : at].rstrip(' "“').endswith(("比", "较", "按")):
                continue  # a comparison base or a price base: 比2000年削减5%, 按2000年价格计算
            pos.append(at)
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
        line_start = max(line.start, start - _CONTEXT_BACK) if line else max(0, start - _LOOK_BACK)
        sentence_start = max(line_start, max(s.rfind(c, line_start, start) for c in "。;!?\n") + 1)
        k = bisect_right(pos, end) - 1
        in_sentence = k >= 0 and pos[k] >= sentence_start
        # a span of years after the start: 从2018年起…通过5年努力 → 2022 (else from the signing year)
        m = _YEARS_OF_EFFORT.search(s, max(sentence_start, pos[k] if in_sentence else 0), start)
        if m:
            n = parse_int(m.group(1))
            doc = _doc_at(docs, scope.doc_starts, text.raw_start(start))
            signed = doc.signed_date if doc is not None else None
            base = yrs[k] if in_sentence else signed.year if signed else None
            if n is not None and 0 < n <= 30 and base is not None:
                return base + n - 1
        # the sentence before the value
        if in_sentence:
            return yrs[k]
        # else a target year later in its sentence: 年均增速在15%以上，到2015年，总产值达到4.5万亿元
        if k + 1 < len(pos) and s[pos[k + 1] - 1 : pos[k + 1]] in ("到", "至"):
            stop = _SENTENCE_END.search(s, end, min(len(s), end + _LOOK_BACK))
            if pos[k + 1] < (stop.start() if stop else end + _LOOK_BACK):
                return yrs[k + 1]
        # the paragraph before the value
        if k >= 0 and pos[k] >= line_start:
            return yrs[k]
        # the enclosing headings, innermost first: the lines of the innermost part before the value,
        # the lead lines of each outer part before its first sub-part (到2020年，实现以下目标：), its title
        raw_pos = text.raw_start(start)
        j = bisect_right(scope.section_starts, raw_pos) - 1
        sections = scope.sections
        limit = start
        seen = 0
        while 0 <= j < len(sections) and seen < 4:
            sec = sections[j]
            sec_start = text.norm_offset(sec.start)
            k = bisect_right(pos, limit) - 1
            if k >= 0 and pos[k] >= sec_start:
                if seen == 0:
                    return yrs[k]
                lead_years = set(yrs[max(bisect_right(pos, sec_start - 1), k - 20) : k + 1])
                # a lead naming two stages (到2018年…到2020年…) leaves its list's year open
                return yrs[k] if len(lead_years) == 1 else None
            year = _year_in_title(sec.title)
            if year is not None:
                return year
            j = sec.parent if sec.parent is not None else -1
            if 0 <= j < len(sections) - 1:
                limit = text.norm_offset(sections[j + 1].start)  # the parent's first sub-part
            seen += 1
        doc = _doc_at(docs, scope.doc_starts, raw_pos)
        return _year_in_title(doc.title) if doc is not None and doc.title else None

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
        indicator = _ROW_LABEL_PREFIX.sub("", indicator.strip())
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
        return make(
            Target,
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
            make(
                Target,
                start=rs,
                end=re_,
                text=text.raw[rs:re_],
                indicator=goal.indicator,
                quantity=goal.quantity,
                year=year,
                change=goal.change,
                annual=goal.annual,
                baseline=goal.baseline,
                origin="text",
                rule="text",
            )
        ]


@cache
def _duration_goal_re() -> regex.Pattern[str]:
    """What makes a duration after it the value of a goal: a time noun, then perhaps its verb
    (办理时间压缩至, 审批时限缩短到, 体育活动时间)."""
    nouns = "|".join(map(regex.escape, targets_data().duration_indicators))
    return regex.compile(rf"(?:{nouns})(?:平均)?(?:(?:压缩|缩短|减少|降低|降|减)(?:至|到)|控制在|保持在|达到)?$")


@cache
def _procedure_units() -> frozenset[str]:
    return frozenset(targets_data().procedure_units)


def _base_unit_of(q: Quantity) -> str:
    """The written unit without its magnitude and compound parts: 30～50ml/次 → ml."""
    unit = q.base_unit or q.unit
    return unit if unit in _procedure_units() else unit.split("/")[0]


@cache
def _status_heading_re() -> regex.Pattern[str]:
    return regex.compile("|".join(f"(?:{p})" for p in targets_data().status_heading_patterns))


def _doc_at(docs: Sequence[Document], starts: list[int], raw_pos: int) -> Document | None:
    k = bisect_right(starts, raw_pos) - 1
    return docs[k] if k >= 0 and raw_pos < docs[k].end else None


def _plan_like(doc: Document) -> bool:
    """Whether a document (or the text it issues: 关于印发…方案的通知) sets out a plan."""
    title = doc.title or ""
    inner = title.rsplit("印发", 1)[-1]
    return bool(_PLAN_TITLE.search(inner)) and not _RULE_TITLE.search(inner)


def _clean(s: str) -> str:
    return "".join(s.split()).replace("《", "").replace("》", "")


def _year_in_title(title: str) -> int | None:
    """The year a heading or title names: its last explicit year, or the end of a 十二五 period
    (also spelled out: 第十个五年计划 → 2005)."""
    for name, year in sorted(_PERIOD_END.items(), key=lambda kv: -len(kv[0])):
        if name in title:
            return year
    plan = _ORDINAL_PLAN.search(title)
    if plan is not None:
        years = five_year_plan(parse_int(plan.group(1)))
        if years is not None:
            return years[1]
    found = _YEAR_RE.findall(title)
    return int(found[-1]) if found else None


def extract_targets(raw: str, *, reference_date: dt.date | None = None) -> list[Target]:
    """Every quantified goal in ``raw``."""
    if not isinstance(raw, str):
        raise TypeError(f"extract_targets() takes a str, not {type(raw).__name__}")
    return TargetExtractor().run(raw, reference_date)
