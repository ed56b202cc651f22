"""Responsibility clauses: which departments lead a task and which support it.

Forms: bracketed clauses (``（公安部负责，教育部、民政部配合）``, ``（牵头单位：财政部，参加单位：税务总局）``,
``〔商务厅、农业厅，各市（州）人民政府〕``), labelled blocks (``责任单位：…``), duty lines
(``市监察局：负责…``) and the 责任单位 cells of task tables laid out as blocks. A document that declares
that the first-listed department leads (``列第一位的为牵头部门，下同``) turns every later 负责 list of
that document into one lead and the rest support.

>>> from govextract.extractors.responsibilities import extract_responsibilities
>>> (r,) = extract_responsibilities("加强宣传教育（公安部负责，教育部、民政部配合）。")
>>> [d.name for d in r.lead], [d.name for d in r.support], r.task.text
(['公安部'], ['教育部', '民政部'], '加强宣传教育')
>>> r.lead[0].canonical, r.lead[0].department_id
('公安部', 'mps')
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache

import regex

from govextract.building import make
from govextract.departments import gazetteer_names, lookup_department
from govextract.extractors.base import Context
from govextract.records import Department, Document, Responsibility, Section, Span
from govextract.text import NormText, compact

#: how long a bracketed clause may be (characters of normalized text)
_MAX_CLAUSE = 600
#: open brackets remembered at once
_MAX_DEPTH = 8
_OPENERS = "(〔[【（"
_CLOSERS = ")〕]】）"
_OPEN = {"(": ")", "〔": "〕", "[": "]", "【": "】"}
_BRACKETS = regex.compile(r"[()〔〕\[\]【】]")

#: a department name ends with the word for a body or a holder
_DEPT_ENDINGS = (
    "部", "委", "厅", "局", "办", "署", "院", "行", "会", "社", "联", "所", "处", "中心", "政府", "单位", "部门",
    "机构", "集团", "公司", "总队", "支队", "党校", "大学", "小组", "机关", "海关", "中央", "站", "队", "组", "府",
    "团", "室", "电力", "电网", "地区", "各地", "地方",
)  # fmt: skip
_DEPT_END = regex.compile("(?:" + "|".join(_DEPT_ENDINGS) + ")$")
#: labels that open a list: 牵头单位：…, 参加单位：…
_LEAD_LABELS = (
    "牵头单位", "牵头部门", "责任单位", "责任部门", "主办单位", "主责单位", "主责部门", "指导部门", "指导单位",
    "实施单位",
)  # fmt: skip
_SUPPORT_LABELS = ("参加单位", "参与单位", "配合单位", "配合部门", "协办单位", "协助单位", "参加部门", "参与部门")


def _label_re(words: tuple[str, ...], anchored: bool) -> regex.Pattern[str]:
    return regex.compile(("^" if anchored else "") + "(?:" + "|".join(words) + ")[:：]")


_LEAD_LABEL = _label_re(_LEAD_LABELS, True)
_SUPPORT_LABEL = _label_re(_SUPPORT_LABELS, True)
_LABELS = _LEAD_LABELS + _SUPPORT_LABELS
#: the colon of a label, found as a literal with the label behind it (an alternation of the labels
#: themselves is tried at every character)
_LABEL_COLON = regex.compile("(?<=" + "|".join(_LABELS) + ")[:：]")
#: the next label after a labelled block on the same line, after ；: 牵头单位：A；配合单位：B,
#: 责任单位：A；完成时限：2023年底前
_NEXT_LABEL = regex.compile(r"[;；] ?\p{Han}{2,6}[:：]")
#: a role word that closes a list: A、B负责; explicit words keep their meaning under the convention
_EACH_LEADS = (
    *(
        f"{by}{duty}{split}{verb}"
        for by in ("按", "按照", "依", "依照", "根据")
        for duty in ("职责", "职能")
        for split in ("分工", "")
        for verb in ("负责", "分别负责")
    ),
    "分别负责",
    "各自负责",
)
_EXPLICIT_LEAD = ("牵头负责", "牵头", "主办", "指导")
_PLAIN_LEAD = ("负责落实", "共同负责", "具体负责", "负责")
_SUPPORT = ("配合", "参加", "参与", "协助", "协办")
_ROLE_END = regex.compile(
    "(?:" + "|".join(sorted((*_EACH_LEADS, *_EXPLICIT_LEAD, *_PLAIN_LEAD, *_SUPPORT), key=len, reverse=True)) + ")$"
)
#: a declaration that the first-listed department leads: 列第一位的为牵头部门, 排在首位的为牵头单位
FIRST_LISTED = regex.compile(r"(?:第一位|首位|排在前|排第一|列第一|排列第一|居首)[^,;。)]{0,8}牵头")
#: clause segments that name no department
_NOT_A_LIST = regex.compile(r"下同|见附件|为各部门|分别牵头|第一位|首位|排在前|以下简称")
#: a bracketed note inside a list: （排在首位的为牵头单位，下同）
_NOTE = regex.compile(r"[(（][^()（）]*(?:下同|牵头|见附件)[^()（）]*[)）]?$")
#: a task table's header: 序号 … 责任单位, or 责任单位 … 完成时限 (two patterns, each opening with a
#: literal the scanner finds fast; the second finds 单位 and looks behind for 责任 or 牵头)
_TABLE_HEADER = regex.compile(r"序号[^\n]{0,20}(?:责任单位|牵头单位)")
_TABLE_HEADER_UNIT = regex.compile(r"(?<=责任|牵头)单位[^\n]{0,30}(?:时间|完成时限)")
_GOVERNMENT = regex.compile(r"^(\p{Han}{2,8}?)((?:人民)?政府)$")
_PLACE_NAME = regex.compile(r"^(?!各|有关|相关|其他|其它|全省|全市)\p{Han}{2,6}$")
_LEVELS = frozenset("省市州县区盟旗")
_CONJ = regex.compile(r"[和及]")
_PLACE_LEVEL = regex.compile(r"^(?!各|有关|相关|其他)\p{Han}{1,5}[市州县区]$")
_GLOSS_END = regex.compile(r"\([^()]*\)$")
_NOT_IN_NAME = regex.compile(r"\d|[。:：]")
#: words after 等 that add no department: 等部门, 等有关单位
_GENERIC_AFTER_DENG = regex.compile(r"^(?:有关|相关)?(?:部门|单位|部门和单位|机构|单位和部门)?$")
_DUTY_LINE = regex.compile(r"([^\s,;:：。()、]{2,24})[:：](?=负责|牵头)")
#: the place of an issuing organ: 四川省人民政府办公厅, 绵阳市财政局
_PLACE = regex.compile(r"^(\p{Han}{2,8}?(?:省|自治区|市))(?:人民政府|\p{Han}{0,12}(?:厅|局|委员会|委|办公室))")


class _Item:
    """A name in a list (plain classes here, not dataclasses: compiled, they are built natively)."""

    __slots__ = ("end", "name", "start")

    def __init__(self, start: int, end: int, name: str) -> None:
        self.start = start  # normalized
        self.end = end
        self.name = name


class _Clause:
    __slots__ = ("cell", "declares", "end", "lead", "plain", "roled", "start", "support", "task")

    def __init__(self, start: int, end: int, *, lead: list[_Item] | None = None, plain: bool = True) -> None:
        self.start = start  # normalized
        self.end = end
        self.lead: list[_Item] = [] if lead is None else lead
        self.support: list[_Item] = []
        self.plain = plain  # only 负责/责任单位 lists: the first-listed convention applies
        self.declares = False
        self.roled = False  # a role word or label was seen (not a bare list)
        self.cell = False  # a table cell: the block layout loses which task row it belongs to
        self.task: tuple[int, int] | None = None


class ResponsibilityExtractor:
    """Finds responsibility clauses and the departments they name."""

    label = "responsibilities"
    requires: tuple[str, ...] = ("documents", "sections")

    def run(self, raw: str, reference_date: dt.date | None = None) -> list[Responsibility]:
        """Extract from a raw string (normalizing it and running the upstream extractors first)."""
        from govextract.pipeline import run_one

        return run_one(self, raw, reference_date)

    def extract(self, text: NormText, ctx: Context, /) -> Iterator[Responsibility]:
        """Yield the clauses in order."""
        s = text.text
        docs: list[Document] = ctx.get("documents")
        sections: list[Section] = ctx.get("sections")
        clauses = self._labelled(s) + self._duty_lines(text)
        taken = sorted((c.start, c.end) for c in clauses)
        clauses += self._bracketed(s, taken)
        clauses += self._table_cells(text, sorted((c.start, c.end) for c in clauses), docs)
        clauses.sort(key=lambda c: c.start)
        self._apply_convention(text, clauses, docs)
        doc_starts = [d.start for d in docs]
        section_starts = [text.norm_offset(sec.start) for sec in sections]
        prev_end = -1
        for c in clauses:
            if c.task is None and not c.cell:
                c.task = self._task(text, c, prev_end, section_starts)
            prev_end = c.end
            rs = text.raw_start(c.start)
            k = bisect_right(doc_starts, rs) - 1
            doc = docs[k] if k >= 0 and rs < docs[k].end else None
            yield self._record(text, c, doc, ctx.reference_date)

    # ------------------------------------------------------------------ clause forms

    def _bracketed(self, s: str, taken: list[tuple[int, int]]) -> list[_Clause]:
        """（公安部负责，教育部配合）, 〔商务厅、农业厅〕: brackets whose content is a department list."""
        pairs: list[tuple[int, int]] = []
        stack: list[tuple[str, int]] = []
        for m in _BRACKETS.finditer(s):
            ch = m.group()
            if ch in _OPEN:
                if len(stack) > _MAX_DEPTH:
                    stack.pop(0)  # real clauses nest a few levels: this keeps the work linear
                stack.append((ch, m.start()))
                continue
            # pop to the matching opener, dropping unmatched ones
            for k in range(len(stack) - 1, max(-1, len(stack) - 4), -1):
                if _OPEN[stack[k][0]] == ch:
                    pairs.append((stack[k][1], m.start()))
                    del stack[k:]
                    break
        pairs.sort()
        out: list[_Clause] = []
        last_end = -1
        for o, c in pairs:
            if o < last_end or c - o > _MAX_CLAUSE or c - o < 3:
                continue
            k = bisect_right(taken, (o, len(s))) - 1
            if k >= 0 and taken[k][0] <= o < taken[k][1]:
                continue  # inside a labelled block or a duty line
            if _name_ends().search(unicodedata.normalize("NFKC", s[o + 1 : c])) is None:
                continue  # (一), (2016年), (试行): no name of a department can end in it
            clause = self._parse(s, o + 1, c)
            if clause is None:
                continue
            if not clause.roled and s[o] == "(" and len(clause.lead) < 3:
                continue  # （计量站）, （领导小组、指挥部）: a gloss, not a list of holders
            clause.start, clause.end = o, c + 1
            out.append(clause)
            last_end = c + 1
        return out

    def _labelled(self, s: str) -> list[_Clause]:
        """责任单位：A、B。 — a label at a line start, up to 。, the line's end or the next label
        (牵头单位：A；配合单位：B is two blocks, as on two lines)."""
        out: list[_Clause] = []
        for m in _LABEL_COLON.finditer(s):
            colon = m.start()
            at = colon - next(len(w) for w in _LABELS if s.endswith(w, 0, colon))
            if at > 0 and s[at - 1] not in "\n。;；" and not s[max(0, at - 2) : at].isspace():
                continue  # inside a bracket or a sentence: the bracket form handles it
            end = at
            depth = 0
            limit = min(len(s), at + _MAX_CLAUSE)
            while end < limit:
                ch = s[end]
                if ch in _OPENERS:
                    depth += 1
                elif ch in _CLOSERS:
                    depth = max(0, depth - 1)
                elif ch == "\n" or (depth == 0 and (ch == "。" or (ch in ";；" and _NEXT_LABEL.match(s, end)))):
                    break
                end += 1
            clause = self._parse(s, at, end)
            if clause is not None:
                clause.start, clause.end = at, end
                out.append(clause)
        return out

    def _duty_lines(self, text: NormText) -> list[_Clause]:
        """市监察局：负责… — a department, a colon and its duty on one line."""
        s = text.text
        out: list[_Clause] = []
        for line in text.lines:
            m = _DUTY_LINE.match(s, line.start, line.end)
            if m is None:
                continue
            name = m.group(1)
            if not _is_department(name):
                continue
            item = _Item(m.start(1), m.end(1), _norm_name(name))
            clause = _Clause(line.start, line.end, lead=[item], plain=False)
            clause.task = (m.end(), line.end)
            out.append(clause)
        return out

    def _table_cells(self, text: NormText, taken: list[tuple[int, int]], docs: Sequence[Document]) -> list[_Clause]:
        """Cells of a 责任单位 column laid out as blocks: a line that is only a department list."""
        s = text.text
        out: list[_Clause] = []
        headers = [m.start() for m in _TABLE_HEADER.finditer(s)]
        headers += [m.start() - 2 for m in _TABLE_HEADER_UNIT.finditer(s)]
        if not headers:
            return out
        # the documents holding a task table (the whole text when no document was found)
        spans = [(text.norm_offset(d.start), text.norm_offset(d.end - 1) + 1) for d in docs if d.end > d.start]
        ranges = [(a, b) for a, b in spans if any(a <= h < b for h in headers)] or [(0, len(s))]
        range_starts = [a for a, _ in ranges]
        lines = text.lines
        rows: list[tuple[int, int]] = []  # first and last line of each cell
        i = 0
        while i < len(lines):
            line = lines[i]
            r = bisect_right(range_starts, line.start) - 1
            inside = r >= 0 and line.start < ranges[r][1]
            if not inside or s[line.start : line.end].endswith((":", "：", "。")):
                i += 1
                continue
            # a cell may run over several short lines: 省自贸办、财政厅、省 / 发展改革委
            j = i
            while j + 1 < len(lines) and j - i < 16 and self._same_block(text, lines[j].end, lines[j + 1].start):
                j += 1
            start, end = line.start, lines[j].end
            k = bisect_right(taken, (start, len(s))) - 1
            if not (k >= 0 and taken[k][1] > start):
                clause = self._parse(s, start, end, whole=True)
                if clause is not None and len(clause.lead) + len(clause.support) >= 2:
                    clause.start, clause.end, clause.cell = start, end, True
                    out.append(clause)
                    rows.append((i, j))
            i = j + 1
        self._cell_tasks(text, out, rows)
        return out

    @staticmethod
    def _cell_tasks(text: NormText, cells: list[_Clause], rows: list[tuple[int, int]]) -> None:
        """Pair a run of m cells with the m task paragraphs right before it, in order.

        The block layout puts a page's task cells first and its 责任单位 cells after them; when
        exactly as many sentence-final paragraphs precede the run as it has cells, the k-th cell
        belongs to the k-th paragraph. Otherwise the task stays null.
        """
        s = text.text
        lines = text.lines
        k = 0
        while k < len(cells):
            run_end = k
            while run_end + 1 < len(cells) and rows[run_end + 1][0] == rows[run_end][1] + 1:
                run_end += 1
            m = run_end - k + 1
            first = rows[k][0]
            before = lines[first - m : first] if first - m >= 0 else []
            if len(before) == m and all(
                ln.end - ln.start > 6 and s[ln.end - 1 : ln.end] in ("。", ";", "；") for ln in before
            ):
                for cell, ln in zip(cells[k : run_end + 1], before, strict=True):
                    cell.task = (ln.start, ln.end)
            k = run_end + 1

    @staticmethod
    def _same_block(text: NormText, end: int, next_start: int) -> bool:
        """Whether two lines are one block of the raw text (no blank line between them)."""
        gap = text.raw[text.raw_span(end - 1, end)[1] : text.raw_start(next_start)]
        return gap.count("\n") <= 1

    # ------------------------------------------------------------------ one clause

    def _parse(self, s: str, start: int, end: int, *, whole: bool = False) -> _Clause | None:
        """The departments and roles of ``s[start:end]``, or None when it is no responsibility list.

        Segments (between ，；。) take their role from a label before them (牵头单位：) or a role word
        after them (负责, 配合); an unlabelled segment after a label keeps the label's role, and a bare
        list (〔商务厅、农业厅〕, a table cell) leads. With ``whole``, every name must be a department.
        """
        clause = _Clause(start, end)
        role: str | None = None  # the role a label gave, carried over to unlabelled segments
        any_role = False
        bare: list[_Item] = []
        for seg_start, seg_end in _segments(s, start, end):
            seg = s[seg_start:seg_end]
            note = _NOTE.search(seg)
            if note is not None:
                # 责任单位：A、B、C（排在首位的为牵头单位，下同）: the note declares, the list stays
                clause.declares = clause.declares or bool(FIRST_LISTED.search(seg, note.start()))
                seg_end = seg_start + note.start()
                seg = seg[: note.start()]
            if FIRST_LISTED.search(seg):
                clause.declares = True
                continue
            if not seg.strip() or _NOT_A_LIST.search(seg):
                continue
            a, b = seg_start, seg_end
            this: str | None = None
            lead_label = _LEAD_LABEL.match(seg)
            lm = lead_label or _SUPPORT_LABEL.match(seg)
            if lm:
                this = "lead" if lead_label else "support"
                role = this
                a += lm.end()
            rm = _ROLE_END.search(s, a, b)
            if rm:
                word = rm.group()
                this = "support" if word in _SUPPORT else "lead"
                b = rm.start()
                if word in _EACH_LEADS or word in _EXPLICIT_LEAD or word in _SUPPORT:
                    clause.plain = False
                if not lm:
                    role = None
            elif this is None:
                this = role
            partners: list[_Item] = []
            joint = s.find("会同", a, b) if this == "lead" else -1
            if joint > a:
                # A会同B负责: A leads, B works with it
                partners = [it for it in _items(s, joint + 2, b) if _is_department(it.name)]
                b = joint
                clause.plain = False
            items = _items(s, a, b)
            if not items:
                if lm or rm:
                    any_role = True
                continue
            if not all(_is_department(it.name) for it in items):
                if whole or this is None:
                    return None
                items = [it for it in items if _is_department(it.name)]
                if not items:
                    continue
            if this is None:
                bare.extend(items)
                continue
            any_role = True
            (clause.lead if this == "lead" else clause.support).extend(items)
            clause.support.extend(partners)
        if bare:
            clause.lead.extend(bare)
            clause.lead.sort(key=lambda it: it.start)
        if not (clause.lead or clause.support):
            return None
        clause.roled = any_role
        return clause

    # ------------------------------------------------------------------ convention, task, record

    @staticmethod
    def _apply_convention(text: NormText, clauses: list[_Clause], docs: Sequence[Document]) -> None:
        """From a declaring clause to its document's end, plain lists lead with their first name."""
        doc_ends = [text.norm_offset(d.end - 1) + 1 if d.end > d.start else 0 for d in docs]
        doc_starts = [text.norm_offset(d.start) for d in docs]
        active_until = -1
        for c in clauses:
            if c.declares or FIRST_LISTED.search(text.text, c.start, c.end):
                k = bisect_right(doc_starts, c.start) - 1
                active_until = doc_ends[k] if k >= 0 and c.start < doc_ends[k] else len(text.text)
            if c.start < active_until and c.plain and not c.support and len(c.lead) > 1:
                c.support = c.lead[1:]
                c.lead = c.lead[:1]

    @staticmethod
    def _task(text: NormText, c: _Clause, prev_end: int, section_starts: list[int]) -> tuple[int, int] | None:
        """The sentences of the item before the clause (or, for a clause on its own line, the item)."""
        s = text.text
        line = text.line_at(c.start)
        if line is None:
            return None
        start = max(line.start, prev_end)
        end = c.start
        if s[start:end].strip(" ,;，；。") == "":
            k = bisect_right(section_starts, c.start) - 1
            if k < 0:
                return None
            start = section_starts[k]
            prev = text.line_at(c.start - 1) if c.start > 0 else None
            end = prev.end if prev is not None else c.start
        while end > start and s[end - 1] in " ,;，；:：":
            end -= 1
        return (start, end) if end > start else None

    @staticmethod
    def _record(text: NormText, c: _Clause, doc: Document | None, reference: dt.date | None) -> Responsibility:
        rs, re_ = text.raw_span(c.start, c.end)
        year = doc.signed_date.year if doc is not None and doc.signed_date else reference.year if reference else None
        issuer = (doc.issuer or "") if doc is not None else ""
        province, city = _places(issuer)

        def dep(it: _Item) -> Department:
            a, b = text.raw_span(it.start, it.end)
            info = lookup_department(it.name, year, province=province, city=city)
            return make(
                Department,
                start=a,
                end=b,
                text=text.raw[a:b],
                name=it.name,
                canonical=info.canonical if info else None,
                department_id=info.department_id if info else None,
            )

        task = None
        if c.task is not None:
            ta, tb = text.raw_span(*c.task)
            task = make(Span, start=ta, end=tb, text=text.raw[ta:tb])
        return make(
            Responsibility,
            start=rs,
            end=re_,
            text=text.raw[rs:re_],
            rule="responsibility",
            lead=[dep(it) for it in c.lead],
            support=[dep(it) for it in c.support],
            task=task,
        )


# ---------------------------------------------------------------------- helpers


def _split_outside(s: str, start: int, end: int, seps: str) -> list[tuple[int, int]]:
    """Spans of ``s[start:end]`` between separator characters that stand outside brackets."""
    finder = _separator_re(seps)
    parts: list[tuple[int, int]] = []
    a = start
    if _BRACKETS_ANY.search(s, start, end) is None:  # most lists: no bracket to skip
        for m in finder.finditer(s, start, end):
            parts.append((a, m.start()))
            a = m.end()
        parts.append((a, end))
        return parts
    depth = 0
    for i in range(start, end):
        ch = s[i]
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in seps:
            parts.append((a, i))
            a = i + 1
    parts.append((a, end))
    return parts


_BRACKETS_ANY = regex.compile("[" + regex.escape(_OPENERS + _CLOSERS) + "]")


@lru_cache(maxsize=8)
def _separator_re(seps: str) -> regex.Pattern[str]:
    return regex.compile("[" + regex.escape(seps) + "]")


def _segments(s: str, start: int, end: int) -> list[tuple[int, int]]:
    """Parts of a clause between ，；。 outside brackets."""
    return _split_outside(s, start, end, ",;，；。")


def _items(s: str, start: int, end: int) -> list[_Item]:
    """Department names of a list: split on 、 and 和 outside brackets; 等 and a named group after it."""
    raw_items = _split_outside(s, start, end, "、/")
    # 和 between two departments: 等部门和各市（州）人民政府
    split: list[tuple[int, int]] = []
    for a, b in raw_items:
        for m in _CONJ.finditer(s, a, b):
            k = m.start()
            if k < a:
                continue
            left_core = _norm_name(_strip_deng(s[a:k])[0])
            if b - k > 2 and (_DEPT_END.search(_bare(left_core)) or _PLACE_LEVEL.match(left_core)):
                split.append((a, k))
                a = k + 1
        split.append((a, b))
    # a piece that is no name on its own joins the next (各市（州）、县（市、区）人民政府), unless it is a
    # place sharing the next piece's 人民政府: 阿坝州、甘孜州人民政府, 自贡、泸州、宜宾市人民政府
    merged: list[tuple[int, int]] = []
    shared: list[_Item] = []
    run: list[tuple[int, int]] = []
    for a, b in split:
        name = _norm_name(s[a:b])
        if name and not _is_department(name) and (a, b) != split[-1]:
            run.append((a, b))
            continue
        if run:
            gov = _GOVERNMENT.match(name)
            places = [_norm_name(s[x:y]) for x, y in run]
            if gov and all(_PLACE_NAME.match(p) for p in places):
                level = gov.group(1)[-1] if gov.group(1)[-1] in _LEVELS else ""
                for (x, y), p in zip(run, places, strict=True):
                    bare_place = p[-1] not in _LEVELS or (p[-1] == "州" and len(p) == 2)  # 泸州 is a city
                    full = p + (level if bare_place else "") + gov.group(2)
                    shared.append(_Item(*_trim(s, x, y), full))
                merged.append((a, b))
            else:
                merged.append((run[0][0], b))
            run = []
        else:
            merged.append((a, b))
    out: list[_Item] = list(shared)
    for a, b in merged:
        a, b = _trim(s, a, b)
        if a >= b:
            continue
        piece = s[a:b]
        head, group = _strip_deng(piece)
        if head:
            out.append(_Item(a, a + len(head), _norm_name(head)))
        if group:
            g0 = a + piece.rfind(group)
            out.append(_Item(g0, g0 + len(group), _norm_name(group)))
    out.sort(key=lambda it: it.start)
    return [it for it in out if it.name]


def _trim(s: str, a: int, b: int) -> tuple[int, int]:
    while a < b and s[a] in " \n":
        a += 1
    while b > a and s[b - 1] in " \n":
        b -= 1
    return a, b


def _strip_deng(piece: str) -> tuple[str, str]:
    """``X等`` → (X, ""); ``X等部门`` → (X, ""); ``X等省联席会议成员单位`` → (X, the group)."""
    k = piece.rfind("等")
    if k <= 0:
        return piece, ""
    head, rest = piece[:k].rstrip(), piece[k + 1 :].strip()
    if _GENERIC_AFTER_DENG.match(rest):
        return head, ""
    return head, rest


def _bare(name: str) -> str:
    """A name without a trailing bracketed gloss: 其他省直有关部门（单位） → 其他省直有关部门."""
    if not name.endswith(")"):
        return name
    bare: str = _GLOSS_END.sub("", name)
    return bare


@lru_cache(maxsize=8192)
def _norm_name(name: str) -> str:
    return compact(name)


@cache
def _name_ends() -> re.Pattern[str]:
    """The last characters of every name :func:`_is_department` accepts (of the endings above and of
    the gazetteer's names, both compared after NFKC): a bracket without one holds no department."""
    ends = {w[-1] for w in _DEPT_ENDINGS} | {name[-1] for name in gazetteer_names() if name}
    return re.compile("[" + re.escape("".join(sorted(ends))) + "]")


@lru_cache(maxsize=8192)
def _is_department(name: str) -> bool:
    name = _bare(_norm_name(name))
    if not 2 <= len(name) <= 40 or _NOT_IN_NAME.search(name):
        return False
    return bool(_DEPT_END.search(name)) or lookup_department(name) is not None


def _places(issuer: str) -> tuple[str | None, str | None]:
    """(province, city) of an issuing organ: 四川省人民政府办公厅 → (四川省, None)."""
    m = _PLACE.match(issuer)
    if m is None:
        return None, None
    place = m.group(1)
    return (None, place) if place.endswith("市") else (place, None)


def extract_responsibilities(raw: str, *, reference_date: dt.date | None = None) -> list[Responsibility]:
    """Every responsibility clause in ``raw``."""
    if not isinstance(raw, str):
        raise TypeError(f"extract_responsibilities() takes a str, not {type(raw).__name__}")
    return ResponsibilityExtractor().run(raw, reference_date)
