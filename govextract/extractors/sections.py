"""Sections: the outline headings of each document, with levels from the document's own order of styles.

A heading starts a logical line with a marker (一、 （一） 1. （1） ① 第一章 第一条 专栏1 附件1). Its title runs
to the first 。 or the end of the line. Levels come from the order in which styles appear in a
document: a new style goes one level below the current heading, a style seen before returns to its
level. Each text a 印发 notice issues, and each annex, restarts the outline; a 专栏 box sits one level
below its heading and the lines inside it are no headings.

>>> [(s.marker, s.level, s.title, s.parent) for s in extract_sections(
...     "一、总体要求\\n（一）指导思想。坚持改革。\\n1.工作目标。\\n二、主要任务")]
[('一、', 1, '总体要求', None), ('（一）', 2, '指导思想', 0), ('1.', 3, '工作目标', 1), ('二、', 1, '主要任务', None)]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache

import regex

from govextract.building import make
from govextract.datafiles import documents_data
from govextract.extractors.base import Context
from govextract.extractors.documents import DocumentLayout
from govextract.numerals import parse_int
from govextract.records import Section, SectionStyle
from govextract.text import ANNEX_LABEL_RE, NormText, compact

_CN = "一二三四五六七八九十百〇零"
_MARKER_RE = regex.compile(
    rf"""(?:
        第(?P<ord>[{_CN}千\d]{{1,6}})\s*(?P<ordkind>部分|篇|编|章|节|条)
      | (?P<cn>[{_CN}]{{1,4}})、
      | \((?P<pcn>[{_CN}]{{1,4}})\)
      | \((?P<par>\d{{1,3}})\)
      | (?P<ar>\d{{1,2}})(?:、|\.(?![0-9])|\.(?=(?:19|20)\d{{2}}年))
      | (?P<circ>[\u2460-\u2473])
      | 专栏\s*(?P<box>\d{{1,3}})?
    )""",
    regex.VERBOSE,
)
#: a 篇, 章 or 节 marker inside a line, its title right after it: a table of contents without leaders
#: lists several (第一章…第二章…), a PDF line may glue a part's first chapter to it (第三篇…第十三章…)
_INNER_ORDINAL = regex.compile(rf"第[{_CN}千\d]{{1,6}}(?:篇|章|节)(?=\p{{Han}})")
_GLUED_STYLES = frozenset(("part", "chapter", "section"))
#: punctuation that a heading's title glued to its first item holds none of
_GLUED_TITLE_STOP = regex.compile(r"[,;:。、]")
_TABLE_HEADER_RE = regex.compile(r"序号\s*\S{2,8}\s+.*(?:责任单位|牵头单位|时间进度|完成时限|责任部门)")
#: an annex label (a sub-annex's number is the last one: 附件4-1 is number 1)
_ANNEX_RE = ANNEX_LABEL_RE
#: what follows an article's marker in a reference to it, not in the article itself: a PDF wrap may
#: put 第五十条之规定 at a line's start
_ARTICLE_REFERENCE_AFTER = ("之", "规定", "的", "第", "所", "中", "和", "及", "或", "至", "款", "项")
_LEAD_RE = regex.compile(r"(?:#{1,6}\s*|\*\*\s*)*")
#: a label over the numbered notes of a table or a form; the items under it are no headings
#: (on its own line, or glued by the PDF to the end of the table's last cells: 9 10 11注：)
_NOTES_LABEL = regex.compile(r"(?:^|(?<!\p{Han}))(?:注|备注|说明|填表说明)\s?:$")
_NOTE_STYLES = frozenset(("arabic", "paren_arabic", "circled"))
_CIRCLED = regex.compile(r"[\u2460-\u2473]")
#: a line opening a table of contents: 目录, 目 录, 目录序言 (the PDF glued its first entry)
_CONTENTS_HEAD = regex.compile(r"[#*\s]*目\s?录")
_ORD_STYLES: dict[str, SectionStyle] = {
    "部分": "part",
    "篇": "part",
    "编": "part",
    "章": "chapter",
    "节": "section",
    "条": "article",
}
_TITLE_STOP = "。"
_TRAILING = "。;:,，；："
_NOT_AFTER_MARKER = frozenset(",、。;:)%")


def _clean(s: str) -> str:
    return compact(s, "《》#*")


class _Candidate:
    """A heading found on a line (a plain class, not a dataclass: compiled, it is built natively)."""

    __slots__ = (
        "end",
        "glued",
        "line",
        "marker_end",
        "number",
        "start",
        "style",
        "title",
        "title_end_line",
        "title_line",
    )

    def __init__(
        self,
        style: SectionStyle,
        number: int | None,
        start: int,
        end: int,
        marker_end: int,
        title: str,
        line: int,
        title_line: int | None = None,
        *,
        title_end_line: int | None = None,
        glued: int = -1,
    ) -> None:
        self.style = style
        self.number = number
        self.start = start  # normalized offsets of marker start, title end
        self.end = end
        self.marker_end = marker_end
        self.title = title
        self.line = line
        self.title_line = title_line
        self.title_end_line = title_end_line  # the last line of an annex title wrapped over two
        self.glued = glued  # normalized offset of a second heading's marker glued into this line


class SectionExtractor:
    """Finds outline headings; needs the document layouts (documents run first)."""

    label = "sections"
    requires: tuple[str, ...] = ("documents",)

    def run(self, raw: str) -> list[Section]:
        """Extract from a raw string (normalizing it and finding its documents first)."""
        from govextract.pipeline import run_one

        return run_one(self, raw)

    def extract(self, text: NormText, ctx: Context, /) -> Iterator[Section]:
        """Yield the headings in order, with levels and parent indices."""
        layouts: Sequence[DocumentLayout] = ctx.get("document_layouts")
        if not layouts and text.lines:
            layouts = [DocumentLayout(0, len(text.text), (0, -1), None, 0)]
        index = 0
        for layout in layouts:
            for section in self._document_sections(text, layout, index):
                index += 1
                yield section

    def _candidate(self, text: NormText, k: int, line: str, at: int = -1) -> _Candidate | None:
        s, e = text.lines[k]
        if "\t" in line or "...." in line or "……" in line:
            return None  # table rows, tables of contents
        lead = _LEAD_RE.match(line) if line[:1] in ("#", "*") else None
        i = s + (lead.end() if lead else 0) if at < 0 else at
        m = _MARKER_RE.match(text.text, i, e)
        if m is None:
            return None
        marker_end = m.end()
        after = text.text[marker_end] if marker_end < e else ""
        if after in _NOT_AFTER_MARKER:
            return None
        style: SectionStyle
        number: int | None
        if m.group("ordkind"):
            style = _ORD_STYLES[m.group("ordkind")]
            number = parse_int(m.group("ord"))
        elif m.group("cn"):
            style, number = "cn", parse_int(m.group("cn"))
        elif m.group("pcn"):
            style, number = "paren_cn", parse_int(m.group("pcn"))
        elif m.group("par"):
            style, number = "paren_arabic", int(m.group("par"))
        elif m.group("ar"):
            style, number = "arabic", int(m.group("ar"))
        elif m.group("circ"):
            style, number = "circled", ord(m.group("circ")) - 0x2460 + 1
        else:
            style = "box"
            number = int(m.group("box")) if m.group("box") else None
        if number is None:
            return None
        if style != "box" and after == "" and style not in ("chapter", "part", "section", "article"):
            return None  # a marker alone on its line
        if style == "circled" and _CIRCLED.search(text.text, marker_end, e):
            return None  # ①同住 ②同事 ③同学: the options of a form, not a heading
        stop = text.text.find(_TITLE_STOP, marker_end, e)
        title_end = stop if stop >= 0 else e
        if style == "article":
            if text.text.startswith(_ARTICLE_REFERENCE_AFTER, marker_end):
                return None  # 《…法》\n第五十条之规定: a reference wrapped onto a line's start
            title_end = marker_end
        while title_end > marker_end and (text.text[title_end - 1] in _TRAILING or text.text[title_end - 1].isspace()):
            title_end -= 1
        glued = -1
        if style in _GLUED_STYLES and "第" in text.text[marker_end:title_end]:
            inner = list(_INNER_ORDINAL.finditer(text.text, marker_end, title_end))
            if len(inner) >= 2:
                return None  # a table of contents without leaders: 第一章…第二章…第三章…
            if inner and inner[0].start() > marker_end:
                glued = title_end = inner[0].start()  # 第三篇推进改革开放第十三章深化各项改革: two headings
        if style == "cn" and "(一)" in text.text[marker_end:title_end]:
            # 十、有关工作要求（一）高度重视，加强领导。: the PDF glued the first item to its heading
            first_item = text.text.find("(一)", marker_end, title_end)
            if 2 <= first_item - marker_end <= 30 and not _GLUED_TITLE_STOP.search(text.text, marker_end, first_item):
                glued = title_end = first_item
        title = _clean(text.text[marker_end:title_end]).rstrip(_TRAILING)
        return _Candidate(style, number, i, title_end, marker_end, title, k, glued=glued)

    def _annex(self, text: NormText, k: int, first: int, last: int) -> _Candidate | None:
        s, e = text.lines[k]
        line = text.text[s:e].strip()
        m = _ANNEX_RE.fullmatch(line)
        if m is None:
            return None
        number = int(m.group("sub") or m.group("n") or 1)
        start = s + text.text[s:e].index("附")
        end = start + len(line)
        # the title after the label, or the one the PDF put before it: the one that names a kind of
        # text (…名单, …指南) when only one does, else the one after
        near: list[tuple[int, int, bool]] = []  # (line, where the title on it ends, names a kind)
        endings = _annex_title_endings()
        for j in (k + 1, k - 1):
            if not first <= j <= last:
                continue
            js, je = text.lines[j]
            t = text.text[js:je]
            like = _title_like(t)
            if like and t.endswith(endings):
                near.append((j, je, True))
                continue
            if j == k + 1:
                # a form's title joined by normalization to the form's first fields or cells
                # (居家健康监测告知书 / 姓名：, …登记表 / 临床表现): its first physical line, when that
                # names a kind of text
                cut = _first_wrap(text, j)
                if cut is not None and _title_like(text.text[js:cut], named=True):
                    near.append((j, cut, True))
                    continue
            if like:
                near.append((j, je, False))
        named = [(j, je) for j, je, kind in near if kind]
        unnamed = [(j, je) for j, je, _ in near]
        chosen = named[0] if named else unnamed[0] if unnamed else None
        title_line = chosen[0] if chosen else None
        title = ""
        title_end_line = title_line
        if chosen is not None:
            js, je = text.lines[chosen[0]][0], chosen[1]
            if title_line == k + 1 and k + 2 <= last and je == text.lines[k + 1][1] and _wraps_onto(text, k + 1):
                title_end_line = k + 2  # 新冠肺炎疫情不同场景下 / 区域核酸检测策略: one title on two lines
                je = text.lines[k + 2][1]
            title = _clean(text.text[js:je].replace("\n", ""))
            start, end = min(start, js), max(end, je)
        return _Candidate("annex", number, start, end, start, title, k, title_line, title_end_line=title_end_line)

    def _contents_lines(self, text: NormText, first: int, last: int) -> range:
        """The lines of a table of contents without leaders: from a line opening with 目录 to the
        line before the body repeats the contents' first heading (same style and number). Empty
        when no 目录 line opens one, or when the body never repeats it."""
        for k in range(first, min(last, first + 40) + 1):
            s, e = text.lines[k]
            if e - s > 30 or not _CONTENTS_HEAD.match(text.text, s, e):
                continue
            key: tuple[str, int | None] | None = None
            for j in range(k + 1, last + 1):
                js, je = text.lines[j]
                cand = self._candidate(text, j, text.text[js:je])
                if cand is None:
                    continue
                if key is None:
                    key = (cand.style, cand.number)
                elif (cand.style, cand.number) == key:
                    return range(k + 1, j)
            return range(0)
        return range(0)

    def _after_sentence(
        self, text: NormText, k: int, line: str, stack: list[tuple[str, int, int | None]]
    ) -> _Candidate | None:
        """A heading the PDF glued after the last sentence of a line (``…优化技术。 （二）深化推广应用，…``):
        only where a space parts it from the sentence, as a join of two lines leaves it (an inline
        list, ``条件：（一）…；（二）…``, has none), and only as the next sibling of a heading on the stack."""
        s = text.lines[k][0]
        for m in _GLUED_AFTER_SENTENCE.finditer(line):
            cand = self._candidate(text, k, line, s + m.end())
            if cand is None:
                continue
            for style, _, previous in stack:
                if style == cand.style and previous is not None and cand.number == previous + 1:
                    return cand
        return None

    @staticmethod
    def _tables_after_annexes(text: NormText, first: int, last: int) -> set[int]:
        """Lines of annex labels whose annex (up to the next annex) holds a block-layout table —
        its header may follow the first page of cells. One backward pass."""
        out: set[int] = set()
        table_ahead = False
        for j in range(last, first - 1, -1):
            s, e = text.lines[j]
            line = text.text[s:e]
            if "序号" in line and _TABLE_HEADER_RE.search(line):
                table_ahead = True
            elif "附件" in line and _ANNEX_RE.fullmatch(line.strip()):
                if table_ahead:
                    out.add(j)
                table_ahead = False
        return out

    def _document_sections(self, text: NormText, layout: DocumentLayout, base: int) -> Iterator[Section]:
        first = layout.body_start
        if first >= len(text.lines):
            return  # a title with no body: 关于加快内河水运发展的通知
        last = first
        while last + 1 < len(text.lines) and text.lines[last + 1][0] < layout.end:
            last += 1
        restarts = set(layout.issued_titles)
        annex_tables = self._tables_after_annexes(text, first, last)
        contents = self._contents_lines(text, first, last)
        stack: list[tuple[str, int, int | None]] = []  # (style, index, number) of the headings from the top
        box_floor: int | None = None  # inside a 专栏: the stack depth it hangs from
        count = 0
        k = first
        used_title_lines: set[int] = set()
        in_table = False
        in_attachment_list = False
        in_notes = False
        pending: _Candidate | None = None
        while k <= last and k < len(text.lines):
            if k in restarts:
                stack = []
                box_floor = None
                in_table = False
                k += 1
                continue
            ls, le = text.lines[k]
            line_text = text.text[ls:le]
            if "序号" in line_text and _TABLE_HEADER_RE.search(line_text):
                in_table = True  # a block-layout table: its cells are no headings
            cand: _Candidate | None = pending  # the second heading of a line (glued by the PDF)
            pending = None
            if cand is None:
                annex = self._annex(text, k, first, last) if "附" in line_text else None
                cand = annex or (None if in_table else self._candidate(text, k, line_text))
            if line_text.startswith("附件:") and len(line_text) > 3:
                in_attachment_list = True
            elif in_attachment_list and cand is not None and cand.style == "arabic":
                k += 1
                continue  # an item of the attachment list
            else:
                in_attachment_list = False
            if line_text.endswith(":") and _NOTES_LABEL.search(line_text, max(0, len(line_text) - 8)):
                in_notes = True  # 注： over the numbered notes of a table or a form
                k += 1
                continue
            if in_notes and cand is not None and cand.style in _NOTE_STYLES:
                k += 1
                continue
            in_notes = in_notes and cand is None
            if cand is None and not in_table and stack and (" " in line_text):
                cand = self._after_sentence(text, k, line_text, stack)
            if cand is None or k in used_title_lines or k in contents:
                k += 1
                continue
            if cand.style == "annex":
                stack = []
                box_floor = None
                in_table = k in annex_tables
            styles = [st for st, _, _ in stack]
            if box_floor is not None:
                if cand.style in styles[:box_floor] or cand.style in ("box", "annex"):
                    box_floor = None
                else:
                    k += 1
                    continue  # a line inside a 专栏 box
            if cand.style == "box":
                level = len(stack) + 1
                parent = stack[-1][1] if stack else None
                box_floor = len(stack)
            else:
                if cand.style in styles:
                    depth = styles.index(cand.style)
                    stack = stack[:depth]
                level = len(stack) + 1
                parent = stack[-1][1] if stack else None
                stack.append((cand.style, base + count, cand.number))
            if cand.style == "annex" and cand.title_line is not None:
                used_title_lines.add(cand.title_line)
                if cand.title_end_line is not None:
                    used_title_lines.add(cand.title_end_line)
            rs, re_ = text.raw_span(cand.start, cand.end)
            ms, me = text.raw_span(cand.start, cand.marker_end) if cand.marker_end > cand.start else (rs, rs)
            if cand.style == "annex":
                label = _ANNEX_RE.search(text.raw, rs, re_)
                marker = label.group() if label else "附件"
            else:
                marker = text.raw[ms:me]
            yield make(
                Section,
                start=rs,
                end=re_,
                text=text.raw[rs:re_],
                style=cand.style,
                marker=marker.strip(),
                number=cand.number,
                level=level,
                title=cand.title,
                parent=parent,
                rule=cand.style,
            )
            count += 1
            if cand.glued >= 0:
                glued = self._candidate(text, k, line_text, cand.glued)
                if glued is not None:
                    pending = glued
                    continue
            k += 1


#: the end of a sentence, a space, and a 一、 or (一) marker: where the PDF glued a heading to the
#: line before it
_GLUED_AFTER_SENTENCE = regex.compile(r"[。;] +(?=\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)")

#: an item of a list of sub-annexes (附件：4-1. …, 5-2 …): no annex title
_SUB_ANNEX_ITEM = regex.compile(r"\d{1,2}\s?[-—–]\s?\d{1,2}")


def _title_like(t: str, *, named: bool = False) -> bool:
    """Whether ``t`` may be an annex title: short, no sentence, no marker or list item; with
    ``named``, it also names a kind of text."""
    if not 2 <= len(t) <= 60 or any(c in t for c in "。:;") or _MARKER_RE.match(t) or _SUB_ANNEX_ITEM.match(t):
        return False
    return not named or t.endswith(_annex_title_endings())


def _annex_title_like(text: NormText, j: int) -> bool:
    js, je = text.lines[j]
    return _title_like(text.text[js:je])


def _first_wrap(text: NormText, j: int) -> int | None:
    """The normalized offset where the first physical line of logical line ``j`` ends, when
    normalization joined several into it."""
    js, je = text.lines[j]
    rs, re_ = text.raw_span(js, je)
    brk = text.raw.find("\n", rs, re_)
    if brk < 0:
        return None
    cut = text.norm_offset(brk)
    return cut if js < cut < je else None


def _names_a_kind(text: NormText, j: int) -> bool:
    """Whether line ``j`` ends with the kind of a text: 指南, 方案, 名单, 策略, 表 …"""
    return text.text[text.lines[j][0] : text.lines[j][1]].endswith(_annex_title_endings())


@cache
def _annex_title_endings() -> tuple[str, ...]:
    data = documents_data()
    return (*data.issued_text_endings, *data.annex_title_endings)


def _wraps_onto(text: NormText, j: int) -> bool:
    """Whether the annex title on line ``j`` goes on to line ``j + 1``: the first part names no kind
    of text, the second does and the two fit one title."""
    if _names_a_kind(text, j) or not _annex_title_like(text, j + 1) or not _names_a_kind(text, j + 1):
        return False
    return text.lines[j + 1][1] - text.lines[j][0] <= 61


def extract_sections(raw: str) -> list[Section]:
    """The outline headings of ``raw`` (documents found on the way), with levels and parents."""
    if not isinstance(raw, str):
        raise TypeError(f"extract_sections() takes a str, not {type(raw).__name__}")
    return SectionExtractor().run(raw)
