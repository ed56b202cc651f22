"""Documents: split a text (a bulletin holds many 公文) into documents and read each one's metadata.

A document is anchored on its own 发文字号 standing alone on a logical line next to its title (the
gazette order, title first, or the GB/T 9704 order, number first) and confirmed by its recipients
line (``…：``) or title. It runs to where the next document begins. A text with no such anchor is one
document when it has a title line. Metadata: title, 文种, issuers (the signature before the 成文日期,
else a regulation's 题注, else the organ in the title), recipients split as the contract says,
成文日期 (the signature's, else the 题注's), attachments, 抄送.

>>> raw = ("国务院关于印发计量发展规划\\n\\n（2013-2020 年）的通知\\n\\n国发〔2013〕10 号\\n\\n"
...        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\\n\\n"
...        "现将《计量发展规划（2013-2020 年）》印发给你们，请认真贯彻执行。\\n\\n国务院\\n\\n2013 年 3 月 2日")
>>> d = extract_documents(raw)[0]
>>> d.title, d.doc_type, d.issuers, d.doc_number.normalized, str(d.signed_date)
('国务院关于印发计量发展规划(2013-2020年)的通知', '通知', ['国务院'], '国发〔2013〕10号', '2013-03-02')
>>> d.recipients
['各省人民政府', '各自治区人民政府', '各直辖市人民政府', '国务院各部委', '国务院各直属机构']
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import NamedTuple

import regex

from govextract.building import make
from govextract.datafiles import documents_data
from govextract.extractors.base import Context
from govextract.extractors.responsibilities import FIRST_LISTED
from govextract.numerals import parse_int
from govextract.records import DocNumber, Document
from govextract.text import NormText, compact

_CN = "〇○零一二三四五六七八九十"
_DATE = rf"(?P<y>(?:19|20)\d{{2}}|[{_CN}]{{4}})年(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})月(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})日"
_DATE_LINE_RE = regex.compile(rf"\(?{_DATE}\)?")
#: a 成文日期 that PDF extraction glued to the end of the attachment list's last line
_GLUED_DATE_RE = regex.compile(rf"(?<![(至止前])(?:{_DATE})$")
#: the verb of a 施行 statement (rare: the anchor the statement is read back from)
_IN_FORCE_VERB = r"(?:施行|实施|执行|生效)"
_IN_FORCE_RE = regex.compile(rf"起{_IN_FORCE_VERB}")
#: the act whose day a text takes effect on: 自印发之日起施行
_ON_ACT = r"(?P<on>印发|发布|公布|颁布|下发|公开发布)之日"
#: ``自2018年4月1日`` / ``自印发之日`` right before the verb of a 施行 statement, matched backwards
#: from the verb (one attempt per verb); its subject ``本…`` opens the sentence before it
_EFFECTIVE_RE = regex.compile(rf"(?r)[自至从](?:{_DATE}|{_ON_ACT})$")
#: the document's own 有效期: after its 施行 statement, or in a sentence of its own (``本意见有效期至…``)
_VALIDITY_RE = regex.compile(
    rf"有效期(?:为|是)?(?:(?P<n>\d{{1,2}}|[一二三四五六七八九十]{{1,2}})年|(?:至|到|截至){_DATE})"
)
_SENTENCE_BREAK_RE = regex.compile(r"[。;\n]")
#: the 公开方式 note under the signature: ``（此件公开发布）``, ``（信息公开形式：主动公开）``
#: the 抄送 label of the 版记, spaced by the PDF (抄 送：) or glued to the 主题词 line before it
_COPY_TO_RE = regex.compile(r"(?:主题词:[^:]{0,60}?)?抄\s?送:")
_PUBLIC_RE = regex.compile(r"\(?(?:此件|(?:信息)?公开(?:形式|方式|选项|属性):)(?P<v>\p{Han}{0,4}公开\p{Han}{0,2})\)?")
_MARKDOWN_RE = regex.compile(r"^(?:#{1,6}\s*|\*\*)|\*\*$")
_OUTLINE_START_RE = regex.compile(
    r"(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、]|第[一二三四五六七八九十百]+[章条节])"
)
_SENTENCE_PUNCT = frozenset("。;!?")
_TRAILING_PAREN_RE = regex.compile(r"\([^()]*\)$")
_RECIPIENT_GROUP_RE = regex.compile(r"[,，;；]")
_REGION = r"(?:新疆生产建设兵团|计划单列市|副省级城市|自治区|自治州|直辖市|[省市县区州盟旗])(?:\([^()]{1,8}\))?"
#: regions of which there is one: a 各 before a list does not reach them (各省、新疆生产建设兵团发展改革委
#: → 各省发展改革委, 新疆生产建设兵团发展改革委)
_ONE_OF_A_KIND = ("新疆生产建设兵团",)
#: a run of regions in a recipients line (``直辖市及计划单列市``, ``县(市、区)``)
_REGIONS_RE = regex.compile(rf"{_REGION}(?:[及和]{_REGION})*")
_LIST_SPLIT_RE = regex.compile(r"[,，、]")
_TITLE_TAIL_RE = regex.compile(r"的(?:通知|意见|决定)$")
_TITLE_IN_LINE_RE = regex.compile(r"\p{Han}{2,40}?关于\S{2,80}?的(?:通知|意见|决定|通报|批复|函)(?=\S)")
#: lines that open a bulletin's front matter: its masthead, its 目录, a part label (上级文件)
_FRONT_MATTER_RE = regex.compile(
    r"\S{2,16}公报|目\s*录|(?:上级|本级|国务院|省政府|省政府办公厅|市政府|市政府办公室|部门|部委)文件"
)


@cache
def _page_chrome_re() -> regex.Pattern[str]:
    """A line made of a web page's buttons and links (扫一扫在手机打开当前页, 【打印】【关闭】)."""
    items = "|".join(map(regex.escape, sorted(documents_data().page_chrome, key=len, reverse=True)))
    return regex.compile(rf"(?:[【\[]?\s?(?:{items})\s?[】\]]?[:\s]*)+")


_HEADER_MARKS_RE = regex.compile(r"(?:特急|特提|加急|平急|(?:绝密|机密|秘密)★?\S{0,6}|\d{6})")
_SPLIT_PARTS_RE = regex.compile(r"、(?![^()]*\))")
_ATTACHMENT_ITEM_RE = regex.compile(r"(?:^|\s)\d{1,2}[.、](?!\d{1,3}(?:\D|$))")
_LEADING_NUMBER_RE = regex.compile(r"^\d{1,2}[.、](?!\d{1,3}(?:\D|$))\s*")
_ANNEX_LABEL = regex.compile(r"附件\s*\d{0,2}")
_NOTE_LINE_RE = regex.compile(rf"\(?(?:根据|经)?{_DATE}")
#: a 题注's 施行 step: 自公布之日起施行, 自2019年5月1日起施行, or a dated line 2005年5月1日 施行
_NOTE_IN_FORCE_RE = regex.compile(rf"自?(?:{_DATE}|{_ON_ACT})\s?起?{_IN_FORCE_VERB}")
_NOTE_TERM_RE = regex.compile(rf"第?[\d{_CN}百]{{1,4}}届")
# where the organ of a 题注 step ends: its session (第76次), its 令, its meeting
_NOTE_ORGAN_END_RE = regex.compile(rf"第?[\d{_CN}百]{{1,4}}次|令|(?:常务|部务|局务|委务|署务|主任|全体)?会议|审议")


#: the longest normalized line a doc number may fill alone (brackets, spaces and a 〔〕 year included)
NUMBER_LINE_MAX = 60


def _clean(s: str) -> str:
    """NFKC without whitespace, markdown marks and 《》, as the contract normalizes strings."""
    return compact(s, "《》#*")


class _Line:
    """A logical line as the layout reads it (a plain class, not a dataclass: compiled, it is
    built natively)."""

    __slots__ = ("end", "index", "start", "text")

    def __init__(self, index: int, start: int, end: int, text: str) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.text = text  # normalized, markdown marks stripped, outer whitespace stripped


@dataclass
class DocumentLayout:
    """Where a document's parts are, for the outline and citation extractors."""

    start: int  # normalized offsets
    end: int
    title_lines: tuple[int, int]  # logical line indices [first, last]
    number_line: int | None
    body_start: int  # first logical line after the header
    issued_titles: list[int] = field(default_factory=list)  # logical lines titling issued texts
    own_number: DocNumber | None = None
    first_line: int = 0  # the first logical line (版头 or title)


def _lines(nt: NormText) -> list[_Line]:
    out = []
    for i, (s, e) in enumerate(nt.lines):
        t = _MARKDOWN_RE.sub("", nt.text[s:e]).strip()
        out.append(_Line(i, s, e, t))
    return out


def _ends_with_doc_type(text: str) -> str | None:
    data = documents_data()
    t = text.rstrip(")")
    for word in sorted(data.doc_types, key=len, reverse=True):
        if t.endswith(word):
            return data.doc_types[word]
    return None


def _is_organ(text: str) -> bool:
    if not text or len(text) > 40 or any(c in text for c in ",。:;"):
        return False
    return any(text.endswith(e) for e in documents_data().organ_endings)


def _is_title_like(line: _Line) -> bool:
    t = line.text
    if not t or len(t) > 90 or t in documents_data().bulletin_labels:
        return False
    if t[-1] in _SENTENCE_PUNCT or t[-1] == ":" or "\t" in t or _DATE_LINE_RE.fullmatch(t):
        return False
    return not _OUTLINE_START_RE.match(t)


def _parse_date(m: regex.Match[str]) -> dt.date | None:
    y, mo, d = (parse_int(m.group(k)) for k in ("y", "m", "d"))
    if y is None or mo is None or d is None:
        return None
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


@cache
def _note_step_re() -> regex.Pattern[str]:
    steps = "|".join(sorted(documents_data().note_steps, key=len, reverse=True))
    # the organ may hold a title (…会议批准的《关于修改〈…〉的决定》修正), whose words are no steps
    return regex.compile(rf"{_DATE}\s?(?P<organ>(?:[^()《》]|《[^《》]{{0,60}}》){{0,60}}?)(?P<step>{steps})")


def _note_organ(text: str) -> str | None:
    """The organ of a 题注 step without its term, session and meeting (``云南省第九届人民代表大会第四次会议``
    → ``云南省人民代表大会``; ``中华人民共和国国务院令第431号`` → ``国务院``)."""
    t = text.replace(" ", "").removeprefix("经").removeprefix("由").removeprefix("中华人民共和国")
    t = _NOTE_TERM_RE.sub("", t)
    if (cut := _NOTE_ORGAN_END_RE.search(t)) is not None:
        t = t[: cut.start()]
    return t if _is_organ(t) else None


class TitleNote(NamedTuple):
    """What a regulation's 题注 says: who issued it, when, and when it took effect."""

    issuers: list[str]
    signed_date: dt.date | None
    effective_date: dt.date | None


def title_note(lines: Sequence[str]) -> TitleNote:
    """Issuers, date and entry into force of a regulation from its 题注, the dated lines right
    under its title.

    The date is that of the latest step (adopted, approved, promulgated, amended): the text as
    printed; the issuer is the organ of the first adopting or promulgating step. 施行 is no step:
    it gives the effective date (自公布之日起施行: the date of the latest step).

    >>> title_note(["2005年1月5日 国务院第76次常务会议通过", "2005年1月10日 中华人民共和国国务院令第431号公布",
    ...             "2005年5月1日 施行", "第一章 总则"])
    TitleNote(issuers=['国务院'], signed_date=datetime.date(2005, 1, 10), effective_date=datetime.date(2005, 5, 1))
    >>> title_note(["(2001年2月16日云南省第九届人民代表大会第四次会议通过)"]).issuers
    ['云南省人民代表大会']
    >>> title_note(["第一条 为了规范管理,制定本办法。"])
    TitleNote(issuers=[], signed_date=None, effective_date=None)
    """
    data = documents_data()
    latest: dt.date | None = None
    organ: str | None = None
    effective: dt.date | None = None
    on_promulgation = False
    for line in lines[:6]:
        if "。" in line or _NOTE_LINE_RE.match(line) is None:
            break
        for m in _note_step_re().finditer(line):
            if (day := _parse_date(m)) is None:
                continue
            latest = day if latest is None else max(latest, day)
            if organ is None and m.group("step") in data.note_issuing_steps:
                organ = _note_organ(m.group("organ"))
        if effective is None and not on_promulgation and (f := _NOTE_IN_FORCE_RE.search(line)) is not None:
            on_promulgation = f.group("on") is not None
            effective = None if on_promulgation else _parse_date(f)
    return TitleNote([organ] if organ else [], latest, latest if on_promulgation else effective)


def split_recipients(text: str) -> list[str]:
    """Split a 主送机关 line as the contract says, spreading a shared head and prefix.

    Groups end at ``，`` and ``；``; a group whose parts do not stand alone (``各委、办、局``)
    stays whole.

    >>> split_recipients("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：")
    ['各省人民政府', '各自治区人民政府', '各直辖市人民政府', '国务院各部委', '国务院各直属机构']
    >>> split_recipients("各市（州）、县（市、区）人民政府，省政府各部门、各直属机构，有关单位：")
    ['各市(州)人民政府', '各县(市、区)人民政府', '省政府各部门', '省政府各直属机构', '有关单位']
    >>> split_recipients("各区、县人民政府，市政府各委、办、局；有关单位：")
    ['各区人民政府', '各县人民政府', '市政府各委、办、局', '有关单位']
    >>> split_recipients("各省、自治区、直辖市及计划单列市财政厅（局）：")
    ['各省财政厅(局)', '各自治区财政厅(局)', '各直辖市及计划单列市财政厅(局)']
    >>> split_recipients("各省、自治区、直辖市、新疆生产建设兵团发展改革委：")[-1]
    '新疆生产建设兵团发展改革委'
    """
    t = _clean(text).rstrip(":")
    out: list[str] = []
    for group in _RECIPIENT_GROUP_RE.split(t):
        if not group:
            continue
        parts = [p for p in _SPLIT_PARTS_RE.split(group) if p]
        if not parts:
            continue  # only separators: 、：
        if len(parts) == 1 or any(len(p) == 1 for p in parts[1:]):
            out.append(parts[0] if len(parts) == 1 else group.strip("、"))
            continue
        organs = (*documents_data().organ_endings, "部门", "单位", "机构", "部委", "管委会", "办事处")
        last = parts[-1]
        head = _regions_head(parts)
        for e in sorted(organs, key=len, reverse=True):
            if head:
                break
            if last.endswith(e):
                head = e
        prefix = ""
        first = parts[0]
        for marker in ("各", "有关"):
            k = first.find(marker)
            if k > 0:
                prefix = first[:k]
                break
        spread = []
        for k, p in enumerate(parts):
            q = p
            if k < len(parts) - 1 and head and not any(q.endswith(e) for e in organs):
                q = q + head
            if k > 0 and prefix and not q.startswith(prefix) and q.startswith(("各", "有关")):
                q = prefix + q
            if k > 0 and first.startswith("各") and not q.startswith(("各", prefix or "\0", *_ONE_OF_A_KIND)):
                q = "各" + q
            spread.append(q)
        out.extend(spread)
    return out


def _regions_head(parts: list[str]) -> str:
    """The head ``parts`` share when all but the last name only regions (``各省、自治区、直辖市
    财政厅（局）``: ``财政厅(局)``), else ``""``."""
    if any(_REGIONS_RE.fullmatch(p.removeprefix("各")) is None for p in parts[:-1]):
        return ""
    m = _REGIONS_RE.match(parts[-1].removeprefix("各"))
    return parts[-1].removeprefix("各")[m.end() :] if m is not None else ""


def is_recipients_line(text: str) -> bool:
    """Whether a line ending in ``：`` names addressees: its last one ends like an organ or a
    collective (``部门``, ``单位``, ``公司``…), where a body's lead-in names none.

    >>> is_recipients_line("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：")
    True
    >>> is_recipients_line("省直各部门（单位）：")
    True
    >>> is_recipients_line("为贯彻落实党的十八大精神，经省政府同意，现就开展试点工作提出以下意见：")
    False
    """
    t = _clean(text).rstrip(":")
    if not t or "。" in t:
        return False
    groups: list[str] = _RECIPIENT_GROUP_RE.split(t)
    last: str = _TRAILING_PAREN_RE.sub("", (groups[-1] or t).rstrip("、"))
    data = documents_data()
    return last.endswith(data.organ_endings) or last.endswith(data.recipient_endings)


class DocumentExtractor:
    """Finds the documents of a text and their metadata."""

    label = "documents"
    requires: tuple[str, ...] = ("doc_numbers",)

    def run(self, raw: str) -> list[Document]:
        """Extract from a raw string (normalizing it and finding doc numbers first)."""
        from govextract.pipeline import run_one

        return run_one(self, raw)

    def extract(self, text: NormText, ctx: Context, /) -> Iterator[Document]:
        """Yield the documents in order; their layouts go to ``ctx.records['document_layouts']``."""
        lines = _lines(text)
        numbers: Sequence[DocNumber] = ctx.get("doc_numbers")
        layouts = self._layouts(text, lines, numbers)
        ctx.records["document_layouts"] = layouts
        for layout in layouts:
            doc = self._document(text, lines, layout)
            if doc is not None:
                yield doc

    # ------------------------------------------------------------------ finding documents

    def _number_on_own_line(self, text: NormText, line: _Line, numbers: Sequence[DocNumber]) -> DocNumber | None:
        """The doc number filling ``line`` alone (brackets aside); ``numbers`` sorted by start."""
        if not numbers or line.end <= line.start or line.end - line.start > NUMBER_LINE_MAX:
            return None  # a number alone on a line makes a short line (a long one costs no scan)
        raw_start, raw_end = text.raw_span(line.start, line.end)
        for idx in range(self._first_at(numbers, raw_start), len(numbers)):
            n = numbers[idx]
            if n.start >= raw_end:
                break
            if n.end <= raw_end:
                rest = text.raw[raw_start : n.start] + text.raw[n.end : raw_end]
                rest = _clean(rest).strip("()[]【】〔〕")
                if not rest:
                    return n
        return None

    @staticmethod
    def _first_at(numbers: Sequence[DocNumber], pos: int) -> int:
        lo, hi = 0, len(numbers)
        while lo < hi:
            mid = (lo + hi) // 2
            if numbers[mid].start < pos:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _title_before(self, lines: list[_Line], k: int) -> tuple[int, int] | None:
        """Title lines ending just before line ``k`` (the gazette order).

        Walking up from the line ending in a 文种: a line that continues a title needs the line
        before it; a line starting with 关于 takes only an organ line before it; a line that starts
        with an organ and holds 关于 opens the title.
        """
        j = k - 1
        if j < 0 or not _is_title_like(lines[j]) or not _ends_with_doc_type(lines[j].text):
            return None
        first = j
        while first - 1 >= 0 and k - first < 6:
            cur = lines[first].text
            prev = lines[first - 1]
            if not _is_title_like(prev):
                break
            if cur.startswith(("关于", "印发", "转发")):
                if _is_organ(prev.text):
                    first -= 1
                break
            if "关于" in cur[:30] or (_ends_with_doc_type(prev.text) and not cur.startswith(("(", "（"))):
                break  # the title opens on this line; the one before is another title
            first -= 1
        return first, j

    def _title_after(self, lines: list[_Line], k: int) -> tuple[int, int] | None:
        """Title lines starting just after line ``k`` (the GB/T 9704 order)."""
        j = k + 1
        last = j
        while last < len(lines) and last - j < 3 and _is_title_like(lines[last]):
            if _ends_with_doc_type(lines[last].text):
                # a wrapped tail: ``关于印发…方案`` + ``（第九版）的通知``
                while (
                    last + 1 < len(lines)
                    and _is_title_like(lines[last + 1])
                    and lines[last + 1].text.startswith(("(", "的"))
                    and _ends_with_doc_type(lines[last + 1].text)
                ):
                    last += 1
                return j, last
            last += 1
        if j < len(lines) and lines[j].text.endswith(":") and _TITLE_IN_LINE_RE.match(lines[j].text):
            return j, j  # title and recipients merged on one line
        return None

    def _has_recipients(self, lines: list[_Line], k: int) -> int | None:
        for j in range(k + 1, min(k + 4, len(lines))):
            t = lines[j].text
            if t.endswith(":") and len(t) < 160:
                return j
        return None

    def _layouts(self, text: NormText, lines: list[_Line], numbers: Sequence[DocNumber]) -> list[DocumentLayout]:
        # (first line, title first, title last, last header line, number line, number)
        anchors: list[tuple[int, int, int, int, int, DocNumber]] = []
        for k, line in enumerate(lines):
            n = self._number_on_own_line(text, line, numbers)
            if n is None:
                continue
            before = self._title_before(lines, k)
            after = self._title_after(lines, k)
            if after is not None and before is None and lines[after[1]].text.endswith(":"):
                rec: int | None = after[1]  # title and recipients merged on one line
            else:
                rec = self._has_recipients(lines, after[1] if after and before is None else k)
            if before is not None and rec is not None:
                anchors.append((before[0], before[0], before[1], k, k, n))
            elif after is not None and rec is not None:
                first = k
                while first - 1 >= 0 and k - first < 4:
                    prev = lines[first - 1].text
                    if not (_is_organ(prev.removesuffix("文件")) or _HEADER_MARKS_RE.fullmatch(prev)):
                        break
                    first -= 1
                anchors.append((first, after[0], after[1], after[1], k, n))
        layouts: list[DocumentLayout] = []
        for first, title_first, title_last, header_end, number_line, n in anchors:
            if layouts and self._is_forwarded(lines, layouts[-1], title_first, title_last):
                continue
            layouts.append(
                DocumentLayout(
                    start=lines[first].start,
                    end=len(text.text),
                    title_lines=(title_first, title_last),
                    number_line=number_line,
                    body_start=header_end + 1 if not lines[title_last].text.endswith(":") else title_last,
                    own_number=n,
                    first_line=first,
                )
            )
        if not layouts:
            fallback = self._untitled_layout(text, lines)
            if fallback is not None:
                fallback.own_number = self._promulgating_order(text, lines, fallback, numbers)
                layouts.append(fallback)
        for a, b in pairwise(layouts):
            a.end = b.start
        line_starts = [ln.start for ln in lines]
        for layout in layouts:
            layout.end = self._before_front_matter(lines, line_starts, layout)
        for layout in layouts:
            self._find_issued_titles(lines, layout)
        return layouts

    @staticmethod
    def _before_front_matter(lines: list[_Line], line_starts: list[int], layout: DocumentLayout) -> int:
        """Where a document ends when the next bulletin's front matter (its masthead, 目录 and
        contents entries, or a part label such as 上级文件) follows it: at the first such opening
        line after which no line holds a sentence."""
        cut = layout.end
        for k in range(bisect_left(line_starts, layout.end) - 1, -1, -1):
            line = lines[k]
            if line.start <= layout.start or line.index <= layout.body_start:
                break
            t = line.text
            if "。" in t or len(t) > 120 or t.endswith(":"):
                break
            if _FRONT_MATTER_RE.fullmatch(t) or _page_chrome_re().fullmatch(t):
                cut = line.start
        return cut

    def _is_forwarded(self, lines: list[_Line], prev: DocumentLayout, t_first: int, t_last: int) -> bool:
        """Whether a header belongs to a text the previous document forwards (转发)."""
        prev_title = "".join(ln.text for ln in lines[prev.title_lines[0] : prev.title_lines[1] + 1])
        if "转发" not in prev_title:
            return False
        title = "".join(ln.text for ln in lines[t_first : t_last + 1])
        core = _TITLE_TAIL_RE.sub("", title)
        return len(core) >= 6 and core in prev_title

    def _promulgating_order(
        self, text: NormText, lines: list[_Line], layout: DocumentLayout, numbers: Sequence[DocNumber]
    ) -> DocNumber | None:
        """A 令 number promulgating the text, in the lines right under its title
        (``2005年1月10日 中华人民共和国国务院令第431号公布``)."""
        for k in range(layout.body_start, min(layout.body_start + 4, len(lines))):
            if "公布" not in lines[k].text and "发布" not in lines[k].text:
                continue
            rs, re_ = text.raw_span(lines[k].start, lines[k].end)
            for n in numbers:
                if rs <= n.start < re_ and n.kind == "order":
                    return n
        return None

    def _untitled_layout(self, text: NormText, lines: list[_Line]) -> DocumentLayout | None:
        """A text without a 发文字号 anchor: one document, titled by an early title line if any."""
        if not any(ln.text for ln in lines):
            return None
        for k, line in enumerate(lines[:8]):
            if _is_title_like(line) and _ends_with_doc_type(line.text.split(" ")[0]):
                return DocumentLayout(line.start, len(text.text), (k, k), None, k + 1)
        return DocumentLayout(lines[0].start, len(text.text), (0, -1), None, 0)

    def _find_issued_titles(self, lines: list[_Line], layout: DocumentLayout) -> None:
        endings = documents_data().issued_text_endings
        for k in range(layout.body_start, len(lines)):
            line = lines[k]
            if line.start >= layout.end:
                break
            t = line.text
            bare = _TRAILING_PAREN_RE.sub("", t)  # 中国反对拐卖人口行动计划（2013-2020年）
            if not _is_title_like(line) or len(t) < 4 or not bare.endswith(endings):
                continue
            if "。" in t:
                continue  # a sentence before a heading the PDF glued to it: …完成改造任务。 二、保障措施
            if k + 1 < len(lines) and lines[k + 1].text.startswith("附件"):
                continue  # an annex title printed before its label
            if k > 0 and _ANNEX_LABEL.fullmatch(lines[k - 1].text):
                continue  # an annex title after its label
            if k > 1 and _ANNEX_LABEL.fullmatch(lines[k - 2].text) and not lines[k - 1].text.endswith(endings):
                continue  # the second line of an annex title wrapped after its label
            layout.issued_titles.append(k)

    # ------------------------------------------------------------------ metadata

    def _document(self, text: NormText, lines: list[_Line], layout: DocumentLayout) -> Document | None:
        t0, t1 = layout.title_lines
        title_text = "".join(ln.text for ln in lines[t0 : t1 + 1]) if t1 >= t0 else ""
        merged_recipients = None
        if title_text.endswith(":"):  # title and recipients on one line
            m = _TITLE_IN_LINE_RE.match(title_text)
            if m is not None:
                merged_recipients = title_text[m.end() :]
                title_text = m.group()
        title = _clean(title_text) or None
        doc_type = _ends_with_doc_type(title) if title else None
        urgency = None
        if layout.number_line is not None:
            for line in lines[layout.first_line : layout.number_line]:
                if line.text in ("特急", "加急", "特提", "平急"):
                    urgency = line.text
        in_doc = []
        for idx in range(layout.body_start, len(lines)):
            if lines[idx].start >= layout.end:
                break
            in_doc.append(lines[idx])
        recipients: list[str] = []
        if merged_recipients:
            recipients = split_recipients(merged_recipients)
        else:
            for j, line in enumerate(in_doc[:4]):
                if line.text.endswith(":") and len(line.text) < 160 and is_recipients_line(line.text):
                    recipients = split_recipients(line.text)
                    in_doc = in_doc[j + 1 :]
                    break
        issuers, signed, before_signature = self._signature(in_doc)
        attachments: list[str] = []
        glued = self._attachments(before_signature, attachments)
        if not attachments:
            # a 印发 notice's issued text lists the annexes at its own end, after the signature
            self._attachments(in_doc, attachments)
        if signed is None:
            signed = glued
        note = TitleNote([], None, None)
        if t1 >= t0 and not recipients:
            # a regulation's 题注 stands where the signature would
            note = title_note([line.text for line in in_doc[:6]])
            signed = signed or note.signed_date
            issuers = issuers or note.issuers
        if not issuers and title and "关于" in title:
            organ = title.split("关于", 1)[0]
            issuers = [organ] if organ else []
        copy_to: list[str] = []
        public = None
        for line in in_doc:
            if public is None and len(line.text) <= 16 and (p := _PUBLIC_RE.fullmatch(line.text)) is not None:
                public = p.group("v")
            if "送:" in line.text and (cc := _COPY_TO_RE.match(line.text)) is not None:
                copy_to = [p for p in _LIST_SPLIT_RE.split(_clean(line.text[cc.end() :]).rstrip("。")) if p]
        begin = layout.start
        while begin < layout.end and (text.text[begin].isspace() or text.text[begin] in "#*"):
            begin += 1
        end = layout.end
        while end > begin and text.text[end - 1].isspace():
            end -= 1
        if end <= begin:
            return None
        rs, _ = text.raw_span(begin, begin + 1)
        _, re_ = text.raw_span(end - 1, end)
        effective, valid_until = _in_force(text.text, begin, end, signed, note.effective_date)
        return make(
            Document,
            start=rs,
            end=re_,
            rule="own-number" if layout.number_line is not None else "title-only",
            title=title,
            doc_type=doc_type,
            issuers=issuers,
            doc_number=layout.own_number,
            recipients=recipients,
            signed_date=signed,
            attachments=attachments,
            urgency=urgency,
            copy_to=copy_to,
            effective_date=effective,
            valid_until=valid_until,
            public=public,
            lead_convention="first_listed" if FIRST_LISTED.search(text.text, begin, end) else None,
        )

    def _signature(self, in_doc: list[_Line]) -> tuple[list[str], dt.date | None, list[_Line]]:
        """Issuers and 成文日期 from the first signature block (organ lines, then a date line)."""
        for j, line in enumerate(in_doc):
            m = _DATE_LINE_RE.fullmatch(line.text)
            if m is None or j == 0:
                continue
            block: list[str] = []
            p = j - 1
            while p >= 0 and j - p <= 4:
                t = in_doc[p].text.replace(" ", "")
                if len(t) > 30 or any(c in t for c in ",。;:") or _DATE_LINE_RE.search(t):
                    break
                above = in_doc[p - 1].text if p > 0 else ""
                if not _is_organ(t) and (
                    t.endswith(documents_data().issued_text_endings)
                    or _ATTACHMENT_ITEM_RE.match(t)
                    or above.startswith("附件")
                    or _ATTACHMENT_ITEM_RE.match(above)
                ):
                    break  # the tail of an attachment list, not a wrapped organ name
                block.insert(0, t)
                p -= 1
            issuers: list[str] = []
            pending = ""
            for t in block:
                if t.startswith("(") and t.endswith(")"):
                    continue  # a seal note, (国家卫生健康委代章): the organ above it issued the text
                pending += t
                if _is_organ(pending):
                    issuers.append(_clean(pending))
                    pending = ""
            if issuers:
                return issuers, _parse_date(m), in_doc[: p + 1]
        return [], None, in_doc

    def _attachments(self, lines: Sequence[_Line], out: list[str]) -> dt.date | None:
        """Fill ``out`` with the attachment titles; return a 成文日期 glued to the last of them."""
        for k, line in enumerate(lines):
            t = line.text
            if not t.startswith("附件:"):
                continue
            body = [t[3:]]
            for j, follow in enumerate(lines[k + 1 :], k + 1):
                if ":" in follow.text[:6]:
                    break  # a 版记 line (主题词：, 抄送：, 印发：) or another label
                if "。" in follow.text or _ANNEX_LABEL.fullmatch(follow.text):
                    break  # a sentence of the body, or the label of the first annex itself
                if not _ATTACHMENT_ITEM_RE.match(follow.text) and any(
                    _ANNEX_LABEL.fullmatch(ahead.text) for ahead in lines[j + 1 : j + 3]
                ):
                    break  # the first annex's title, printed before its label
                if _ATTACHMENT_ITEM_RE.match(follow.text) or (_is_title_like(follow) and len(follow.text) < 40):
                    body.append(follow.text)
                else:
                    break
            items = _ATTACHMENT_ITEM_RE.split(" ".join(body))
            for item in items:
                item = _clean(_LEADING_NUMBER_RE.sub("", item))
                if item:
                    out.append(item)
            m = _GLUED_DATE_RE.search(out[-1]) if out else None
            if m is None or m.start() == 0:
                return None
            out[-1] = out[-1][: m.start()]
            return _parse_date(m)
        return None


def _own_subject(t: str, lo: int, hi: int) -> bool:
    """Whether the sentence running up to ``hi`` (within ``t[lo:hi]``) has the document itself as
    its subject (``本条例``, ``本办法由…负责解释，``)."""
    k = t.rfind("本", lo, hi)
    return k >= 0 and hi - k >= 2 and _SENTENCE_BREAK_RE.search(t, k, hi) is None


def _in_force(
    t: str, begin: int, end: int, signed: dt.date | None, noted: dt.date | None = None
) -> tuple[dt.date | None, dt.date | None]:
    """The document's ``effective_date`` and ``valid_until`` from its own 施行 statement and 有效期
    in ``t[begin:end]``, else (``noted``) its 题注's.

    ``自…之日起施行`` takes effect on the 成文日期 (null when the document has none); ``有效期N年``
    runs to the day before the N-th anniversary of the effective date (else of the 成文日期).
    """
    effective: dt.date | None = None
    valid_from: int | None = None  # where the statement ends: a 有效期 may follow in its sentence
    for verb in _IN_FORCE_RE.finditer(t, begin, end):
        m = _EFFECTIVE_RE.search(t, max(begin, verb.start() - 20), verb.start())
        if m is None or not _own_subject(t, max(begin, m.start() - 50), m.start()):
            continue
        effective = signed if m.group("on") else _parse_date(m)
        valid_from = verb.end()
        break
    effective = effective or noted
    for v in _VALIDITY_RE.finditer(t, begin, end):
        own = valid_from is not None and valid_from <= v.start() <= valid_from + 2
        if not own and not _own_subject(t, max(begin, v.start() - 30), v.start()):
            continue  # a 有效期 of something else (a licence, a certificate)
        if v.group("n") is None:
            return effective, _parse_date(v)
        start = effective or signed
        n = parse_int(v.group("n"))
        if start is None or n is None:
            return effective, None
        try:
            anniversary = start.replace(year=start.year + n)
        except ValueError:  # 29 February
            anniversary = start.replace(year=start.year + n, day=28)
        return effective, anniversary - dt.timedelta(days=1)
    return effective, None


def extract_documents(raw: str) -> list[Document]:
    """The documents in ``raw`` with their metadata (doc numbers found on the way).

    A user reaches each document's records through the ``document`` index of every mention of
    :func:`govextract.extract`.
    """
    if not isinstance(raw, str):
        raise TypeError(f"extract_documents() takes a str, not {type(raw).__name__}")
    return DocumentExtractor().run(raw)
