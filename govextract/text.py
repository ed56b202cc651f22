"""Normalization: the only code that changes text. Builds a working copy and its map to raw offsets.

The working copy (``NormText.text``) has

* full-width ASCII forms turned into ASCII (``２０１６`` → ``2016``, ``（`` → ``(``, ``：`` → ``:``),
  U+3000 and other spaces into ``' '``, zero-width characters removed, ``㈠`` → ``(一)``,
  ``⒈`` → ``1.``, ``⑴`` → ``(1)`` (circled ``①`` stays: it is an outline style);
* spaces inside numbers and dates removed (``2 0 0 1年`` → ``2001年``, ``10 号`` → ``10号``);
* page-number lines (``３``, digit-reversed ``７１``, ``— 1 —``) and the running headers beside them
  removed;
* **logical lines**: a raw line break (single or doubled) is a wrap, and is removed, unless the line
  before ends in ``。：；！？``, the next line starts with an outline marker, a label (``责任单位：``),
  an indent or a markdown heading, either line is short for the page (a paragraph end) or a table
  row, the line before is a 公文 title (``…的通知``) and the next its recipients (ending in ``：``),
  or the break is a blank line inside single-spaced text (a table cell boundary). Every other
  break becomes one ``\\n``.

Every normalized character maps back to the raw characters it came from, so a span of the working
copy converts to a raw span whose slice contains any line breaks that were joined.

>>> nt = normalize("（四）全面推开营改增试点，确保所有行\\n\\n业税负只减不增。")
>>> nt.text
'(四)全面推开营改增试点,确保所有行业税负只减不增。'
>>> start = nt.text.index("行业")
>>> nt.raw_span(start, start + 2)
(17, 21)
>>> nt.raw[17:21]
'行\\n\\n业'
"""

from __future__ import annotations

import gc
import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import NamedTuple

import regex

from govextract.datafiles import documents_data, text_data

# ----------------------------------------------------------------------------- character tables

_ONE_TO_ONE: dict[int, int] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_ONE_TO_ONE.update({c: 0x20 for c in (0x3000, 0x00A0, 0x202F, 0x205F, *range(0x2000, 0x200B))})
_ONE_TO_ONE.update({c: 0x0A for c in (0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029)})
# the small form variants, as NFKC maps them (﹝2022﹞ is 〔2022〕, ﹪ is %); ﹟ and ﹡ stay, so that
# no markdown mark appears where the raw text has none
_SMALL_KEPT = (0xFE53, 0xFE5F, 0xFE61, 0xFE67)  # unassigned, ﹟, ﹡, unassigned
_ONE_TO_ONE.update(
    {c: ord(unicodedata.normalize("NFKC", chr(c))) for c in range(0xFE50, 0xFE6C) if c not in _SMALL_KEPT}
)
# str.translate looks every character up; the standard-library scanner finds the runs that need it
# (a twentieth of a typical text) twice as fast
_TRANSLATED_RE = re.compile("[" + re.escape("".join(map(chr, sorted(_ONE_TO_ONE)))) + "]+")


def _fold(m: re.Match[str]) -> str:
    return m.group().translate(_ONE_TO_ONE)


#: the full-width marks of running Chinese text (one character in fifteen of a 公文 is one of them):
#: ``str.replace`` turns each into its ASCII form faster than the scanner can call :func:`_fold`
_COMMON_FOLDS = tuple((c, chr(_ONE_TO_ONE[ord(c)])) for c in "，（）：；！？％\u3000")


def _translate(raw: str) -> str:
    for mark, ascii_mark in _COMMON_FOLDS:
        if mark in raw:
            raw = raw.replace(mark, ascii_mark)
    return _TRANSLATED_RE.sub(_fold, raw)  # a named function: compiled, a lambda is slower to call


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while objects without cycles are built in bulk
    (line tables, records): a collection would only rescan them. A caller's disabled collector
    stays disabled.

    >>> import gc
    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            if gc.get_freeze_count() == 0:
                # The objects built meanwhile go to the oldest generation unscanned (freeze, then
                # unfreeze into generation 2): a result dropped later is freed by reference
                # counting, one kept is scanned with the other long-lived objects. Skipped when
                # the caller froze objects of its own.
                gc.freeze()
                gc.unfreeze()
            gc.enable()


@cache
def _drop_table(drop: str) -> dict[int, None]:
    return dict.fromkeys(map(ord, drop))


def compact(s: str, drop: str = "") -> str:
    """``s`` as the record contract compares strings: NFKC, without whitespace and without the
    characters of ``drop``.

    >>> compact("《计量法》 第 三\u3000条", drop="《》")
    '计量法第三条'
    """
    s = unicodedata.normalize("NFKC", s)
    if drop:
        s = s.translate(_drop_table(drop))
    return "".join(s.split())


_CN_1_10 = "一二三四五六七八九十"
_EXPANSIONS: dict[str, str] = {}
for _i in range(10):
    _EXPANSIONS[chr(0x3220 + _i)] = f"({_CN_1_10[_i]})"  # ㈠ … ㈩
for _i in range(20):
    _EXPANSIONS[chr(0x2474 + _i)] = f"({_i + 1})"  # ⑴ … ⒇
    _EXPANSIONS[chr(0x2488 + _i)] = f"{_i + 1}."  # ⒈ … ⒛

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

# Edits inside a line, found on the one-to-one translated text. Each alternative is short and
# anchored on a rare character or a digit, so the scan is linear.
_S = "[ " + _ZERO_WIDTH + "]"  # a space or a zero-width character, both removed between digits
_W = rf"(?:{_S}|\n{{1,2}})?"  # what may stand between a number and its unit: a space or a wrap
#: the characters an edit starts on: a space, an enclosed numeral or a zero-width character
_ENCLOSED = "\u3220-\u3229\u2474-\u249b"  # ㈠…㈩ and ⑴…⒛, as class ranges
_EDIT_FIRST = " " + _ENCLOSED + _ZERO_WIDTH
_EDIT_RE = regex.compile(
    # every alternative opens with one of them: _find_edits tries the pattern only there
    r"(?:"
    "(?P<exp>[" + _ENCLOSED + "])"
    # spaces between single digits: 2 0 0 1
    rf"|(?<=(?:^|[^0-9.]){_S}*[0-9])(?P<dd>{_S}+)(?=[0-9](?:[^0-9.]|$))"
    # a year or a month-day number split by a space just before its unit: 20 13年, 1 2月
    rf"|(?<=(?<![0-9.])(?<![0-9.] )(?:[0-9]{_S}?){{0,2}}[0-9])(?P<dy>{_S}+)(?=(?:[0-9]{_S}?){{0,2}}[0-9]{_W}年)"
    rf"|(?<=(?<![0-9.])(?<![0-9.] )[0-9])(?P<dm>{_S}+)(?=[0-9]{_S}?[月日号])"
    # a number split in two groups right before its unit, magnitude, bracket or dash: 1 00名,
    # 53 4个, 11.7 4万, 〔201 8〕, 2 006-2020年
    rf"|(?<=(?<![0-9.])(?<![0-9.] )(?:[0-9]{{1,6}}\.)?[0-9]{{1,3}})(?P<dg>{_S}{{1,2}})"
    rf"(?=[0-9]{{1,4}}(?:\.[0-9]+)?{_W}(?:[\p{{Han}}%‰A-Za-z〕\]]|[-—–~][0-9]))"
    # a number split inside a table cell: \t25 00\t, \t大于100 0\t
    rf"|(?<=\t(?:大于|小于|超过|约|>|<)?[0-9.]{{1,6}})(?P<dt>{_S}{{1,2}})(?=[0-9.]{{1,6}}(?:[\t\n]|$))"
    # a compound unit split at its slash: 万吨 /日
    rf"|(?<=[\p{{Han}}A-Za-z])(?P<sl>{_S}{{1,2}})(?=/[日天年月时秒人户所个家亩平吨千公次])"
    # a decimal split at its point (never after a line's 1. marker): 超过2. 1亿户, 2 .7, 3 .0
    rf"|(?<=(?:[^\s0-9.]|\t)[0-9]{{1,6}}\.)(?P<dp>{_S}{{1,2}})(?=[0-9])"
    rf"|(?<=[0-9])(?P<dq>{_S}{{1,2}})(?=\.\n?[0-9])"
    # a year range split at its dash: 2018 —2019年
    # (its years may be spaced digits themselves: 2 0 0 1 -2 0 0 5年)
    rf"|(?<=[0-9](?:{_S}?[0-9]){{3}})(?P<dr>{_S}{{1,2}})(?=[-—–~]{_S}?[0-9](?:{_S}?[0-9]){{3}})"
    rf"|(?<=[0-9](?:{_S}?[0-9]){{3}}{_S}?[-—–~])(?P<rd>{_S}{{1,2}})(?=[0-9](?:{_S}?[0-9]){{3}})"
    # a date word split from its year: 2018年 春季, 2017年 第四季度, 2018年 起
    rf"|(?<=[0-9]年)(?P<yw>{_S}{{1,2}})(?=[第一二三四上下春夏秋冬起底初末度前后内以])"
    # spaces between a digit (or %, 〕) and a Han character or 〔〕, either way round
    rf"|(?<=[0-9%〕])(?P<dh>{_S}+)(?=[\p{{Han}}〔〕])"
    rf"|(?<=[\p{{Han}}〔〕])(?P<hd>{_S}+)(?=[0-9])"
    # a space between letters or Han characters: removed only inside a known word (_joins)
    r"|(?<=[\p{Han}A-Za-z])(?P<ww>[ ]{1,2})(?=[\p{Han}A-Za-z])"
    r"|(?P<zw>[" + _ZERO_WIDTH + r"]+))",
    regex.V0,
)

# ----------------------------------------------------------------------------- line tests

_SENTENCE_END = frozenset("。:;!?")
_OUTLINE_RE = regex.compile(
    r"""(?:
        [一二三四五六七八九十百〇零]{1,4}[、.]
      | \([一二三四五六七八九十百〇零]{1,4}\)
      | \(\d{1,3}\)
      | \d{1,3}(?:\.\d{1,2}){0,3}(?:[、]|\.(?![0-9]))
      | \d{1,2}\.(?=(?:19|20)\d{2}年)
      | [\u2460-\u2473\u3251-\u325f](?=[^\s,、。;:)])
      | 第[一二三四五六七八九十百千〇零0-9]{1,6}[章节条部分篇编]
      | 专栏\s*\d{0,3}
      | 附件\s*\d{0,3}(?:\s?[-—–]\s?\d{1,3})?\s*(?:$|[:\s])
      | [#]
      | \*\*
    )(?![,、。;:)])""",
    regex.VERBOSE,
)
#: the characters an outline marker of _OUTLINE_RE may open with (besides decimal digits)
_OUTLINE_FIRST = frozenset(
    "一二三四五六七八九十百〇零(第专附#*"
    + "".join(map(chr, range(0x2460, 0x2474)))
    + "".join(map(chr, range(0x3251, 0x3260)))
)


def _may_open_outline(c: str) -> bool:
    """Whether an outline marker may start with ``c`` (a cheap test before the pattern; the
    ``regex`` module knows decimal digits beyond the BMP that ``str.isdecimal`` does not yet)."""
    return c in _OUTLINE_FIRST or c.isdecimal() or c > "\uffff"


_LABEL_RE = regex.compile(r"\p{Han}{2,10}[:](?=.)")
#: an annex label: 附件, 附件3, a sub-annex 附件4-1 (normalization keeps such a label alone on its
#: line; the outline extractor reads its numbers)
ANNEX_LABEL_RE = regex.compile(r"附件\s*(?P<n>\d{1,3})?(?:\s?[-—–－]\s?(?P<sub>\d{1,3}))?")
_PAGE_RE = regex.compile(r"[-—–~]*\s*(?P<n>\d{1,3})\s*[-—–~]*")
_LEADER_RE = regex.compile(r"(?:\.{4}|…{2}|·{4}|-{6})")
#: what PDF text leaves between the characters of a number or a date: a space or a zero-width
#: character (these line patterns run before the edits remove them)
_GAP = "[\\s" + _ZERO_WIDTH + "]?"
_DOC_NUMBER_LINE_RE = regex.compile(
    rf"[(]?\p{{Han}}{{1,16}}{_GAP}[〔\[【〖(]{_GAP}(?:\d{_GAP}){{3}}\d{_GAP}[〕\]】〗)]{_GAP}(?:\d{_GAP}){{1,5}}号[)]?"
)
_DATE_LINE_RE = regex.compile(
    rf"[(]?{_GAP}(?:\d{_GAP}){{4}}年{_GAP}(?:\d{_GAP}){{1,2}}月{_GAP}(?:\d{_GAP}){{1,2}}日{_GAP}[)]?"
    r"|[(]?[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日[)]?"
)
_TOC_HEAD_RE = regex.compile(r"[#\s]*目\s*录")
_NUMBER_CELL_RE = regex.compile(r"\d{1,4}(?:\.\d+)?%?")
_DATE_RE = regex.compile(r"\d{4}年\d{1,2}月|[〇○零一二三四五六七八九]{4}年")
_LEADING_DIGITS_RE = regex.compile(r"(\d{1,3})\s?([年月日号])?")
_OPENS = frozenset("〔[【(《“〕]】第")
_YEAR_BRACKET_END_RE = regex.compile(r"\d{4}\s*[)\]】〕]$")
_NUMBER_TAILS = frozenset("〕]】)%.年月日号个万亿元")
_TITLE_PUNCT = frozenset(",。;:!?、")
_CONTINUES = frozenset(",、(《“‘[〔【-—")


class LogicalLine(NamedTuple):
    """One reconstructed logical line: ``[start, end)`` in the normalized text (no ``\\n``)."""

    start: int
    end: int


class _PhysLine:
    """One physical line of the translated text (a plain class, not a dataclass: compiled, it is
    built and read natively, where a dataclass's generated ``__init__`` runs interpreted)."""

    __slots__ = ("blank_before", "end", "hard", "indent", "leader", "marker", "start", "width")

    def __init__(
        self,
        start: int,
        end: int,
        width: float,
        indent: bool,
        blank_before: int,
        leader: bool,
        marker: bool,
        hard: bool,
    ) -> None:
        self.start = start  # content start in the translated text (after leading whitespace)
        self.end = end  # content end (before trailing whitespace)
        self.width = width  # display width of the raw line (ASCII counts half)
        self.indent = indent
        self.blank_before = blank_before  # blank lines between the previous content line and this one
        self.leader = leader  # a table-of-contents line with dot leaders
        self.marker = marker  # opens with an outline marker
        # a table row (tab), a markdown heading or emphasis line, a dot-leader line, or a 发文字号,
        # 目录 heading or 成文日期 line: never joined to a neighbour
        self.hard = hard


class NormText:
    """A normalized working copy of ``raw`` with a map back to raw offsets.

    ``text`` is what extractors match on; :meth:`raw_span` turns a half-open span of ``text`` into
    the half-open raw span it came from. ``lines`` are the logical lines.
    """

    __slots__ = ("_copy", "_hint", "_nstart", "_rend", "_rstart", "lines", "raw", "text")

    def __init__(
        self,
        raw: str,
        text: str,
        pieces: tuple[array[int], array[int], array[int], bytes],
        lines: tuple[LogicalLine, ...],
    ) -> None:
        self.raw = raw
        self.text = text
        # the map's pieces, as machine integers (8 bytes an offset instead of a pointer and an int
        # object: it matters on texts of many short lines; bisect reads them as fast): where each
        # piece starts in ``text``, starts and ends in ``raw``, and whether it is copied (1) or
        # replaced (0)
        self._nstart, self._rstart, self._rend, self._copy = pieces
        self._hint = 0  # the piece the last offset fell in: extractors ask for offsets in order
        self.lines = lines

    def __repr__(self) -> str:
        return f"NormText(raw={len(self.raw)} chars, text={len(self.text)} chars, lines={len(self.lines)})"

    def _piece(self, i: int) -> int:
        """The index of the last piece of the map starting at or before normalized offset ``i``
        (-1 if none): the piece of the previous call or the one after it, else by bisection."""
        starts = self._nstart
        n = len(starts)
        k = self._hint
        if k < n and starts[k] <= i:
            if k + 1 == n or i < starts[k + 1]:
                return k
            if k + 2 == n or i < starts[k + 2]:
                self._hint = k + 1
                return k + 1
        k = bisect_right(starts, i) - 1
        self._hint = max(k, 0)
        return k

    def raw_start(self, i: int) -> int:
        """The raw offset where normalized character ``i`` begins."""
        if i >= len(self.text):
            return len(self.raw) if not self._nstart else self._rend[-1]
        k = self._piece(i)
        if k < 0:
            return 0
        if self._copy[k]:
            return self._rstart[k] + (i - self._nstart[k])
        return self._rstart[k]

    def raw_end(self, j: int) -> int:
        """The raw offset where the normalized span ending (exclusively) at ``j`` ends."""
        if j <= 0:
            return self.raw_start(0)
        k = self._piece(j - 1)
        if k < 0:
            return 0
        if self._copy[k]:
            return self._rstart[k] + (j - self._nstart[k])
        return self._rend[k]

    def norm_offset(self, r: int) -> int:
        """The normalized offset of raw offset ``r`` (of the next kept character when ``r`` was
        dropped): the inverse of :meth:`raw_start` on the characters normalization keeps.

        >>> nt = normalize("２０１３年　３月")
        >>> nt.text, nt.norm_offset(6)
        ('2013年3月', 5)
        """
        k = bisect_right(self._rstart, r) - 1
        if k < 0:
            return 0
        if r < self._rend[k]:
            return self._nstart[k] + (r - self._rstart[k] if self._copy[k] else 0)
        nxt = self._nstart[k + 1] if k + 1 < len(self._nstart) else len(self.text)
        return nxt

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw ``(start, end)`` of the normalized span ``[start, end)``."""
        if end <= start:
            s = self.raw_start(start)
            return s, s
        return self.raw_start(start), self.raw_end(end)

    def raw_text(self, start: int, end: int) -> str:
        """The raw slice behind the normalized span ``[start, end)``."""
        s, e = self.raw_span(start, end)
        return self.raw[s:e]

    def line_at(self, i: int) -> LogicalLine | None:
        """The logical line containing normalized offset ``i``, if any."""
        k = bisect_right(self.lines, (i, len(self.text) + 1)) - 1
        if k >= 0 and self.lines[k].start <= i <= self.lines[k].end:
            return self.lines[k]
        return None

    def line_texts(self) -> Iterator[str]:
        """The text of each logical line."""
        for line in self.lines:
            yield self.text[line.start : line.end]


# ----------------------------------------------------------------------------- building


class _Builder:
    """The working copy and its map, built piece by piece. Every :data:`_FLUSH` pieces the pieces
    so far move into machine-integer arrays and their text into one string: on a text of many short
    lines the lists would otherwise hold an int object per offset and a string per piece."""

    __slots__ = (
        "a_copy",
        "a_nstart",
        "a_rend",
        "a_rstart",
        "chunks",
        "copy",
        "npos",
        "nstart",
        "out",
        "rend",
        "rstart",
        "src",
    )

    def __init__(self, src: str) -> None:
        self.src = src
        self.out: list[str] = []
        self.nstart: list[int] = []
        self.rstart: list[int] = []
        self.rend: list[int] = []
        self.copy: list[bool] = []
        self.npos = 0
        self.chunks: list[str] = []
        self.a_nstart: array[int] = array("q")
        self.a_rstart: array[int] = array("q")
        self.a_rend: array[int] = array("q")
        self.a_copy = bytearray()

    def flush(self, keep_last: bool) -> None:
        """Move the pieces (all but the last when ``keep_last``: a copy piece may still grow) into
        the arrays, and the text so far into a chunk."""
        n = len(self.nstart) - 1 if keep_last else len(self.nstart)
        if n > 0:
            self.a_nstart.extend(self.nstart[:n])
            self.a_rstart.extend(self.rstart[:n])
            self.a_rend.extend(self.rend[:n])
            self.a_copy.extend(self.copy[:n])
            del self.nstart[:n], self.rstart[:n], self.rend[:n], self.copy[:n]
        if self.out:
            self.chunks.append("".join(self.out))
            self.out.clear()

    def finish(self) -> tuple[str, tuple[array[int], array[int], array[int], bytes]]:
        """The working copy and its map's pieces."""
        self.flush(keep_last=False)
        text = self.chunks[0] if len(self.chunks) == 1 else "".join(self.chunks)
        return text, (self.a_nstart, self.a_rstart, self.a_rend, bytes(self.a_copy))

    def copy_range(self, rs: int, re_: int) -> None:
        if re_ <= rs:
            return
        if self.copy and self.copy[-1] and self.rend[-1] == rs:
            self.rend[-1] = re_  # extend the previous copy piece
        else:
            self.nstart.append(self.npos)
            self.rstart.append(rs)
            self.rend.append(re_)
            self.copy.append(True)
        self.out.append(self.src[rs:re_])
        self.npos += re_ - rs

    def replace(self, rs: int, re_: int, repl: str) -> None:
        if not repl:
            return
        self.nstart.append(self.npos)
        self.rstart.append(rs)
        self.rend.append(re_)
        self.copy.append(False)
        self.out.append(repl)
        self.npos += len(repl)

    def copy_line(self, rs: int, re_: int, edits: _Edits, k: int) -> int:
        """Copy ``src[rs:re_]`` applying the in-line edits from the ``k``-th on; the index of the
        first edit after the line."""
        starts = edits.starts
        n = len(starts)
        while k < n and starts[k] < rs:
            k += 1  # edits in dropped lines or in the whitespace around lines
        if k == n or starts[k] >= re_:
            self.copy_range(rs, re_)  # most lines: no edit
            if len(self.nstart) > _FLUSH:
                self.flush(keep_last=True)
            return k
        pos = rs
        while k < n and starts[k] < re_:
            a, b = starts[k], edits.ends[k]
            self.copy_range(pos, a)
            self.replace(a, b, edits.repls[k])
            pos = b
            k += 1
        self.copy_range(pos, re_)
        if len(self.nstart) > _FLUSH:
            self.flush(keep_last=True)
        return k


#: pieces of the map kept in lists before they move into arrays
_FLUSH = 4096


class _Edits(NamedTuple):
    """The in-line edits of a text, in order: spans to drop or to replace by ``repls``."""

    starts: list[int]
    ends: list[int]
    repls: list[str]


#: finds the characters of :data:`_EDIT_FIRST` (one in two hundred of a typical text) about four
#: times as fast as :data:`_EDIT_RE` scans for its own matches, trying them at every position
_EDIT_START_RE = re.compile("[" + _EDIT_FIRST + "]")


def _find_edits(t: str) -> _Edits:
    """Every edit of :data:`_EDIT_RE` in ``t``, as its ``finditer`` would give them: tried at each
    character an edit can start on, from the end of the previous one (no match spans a line
    break, and the patterns look at most three characters past a line's end)."""
    edits = _Edits([], [], [])
    match = _EDIT_RE.match
    done = 0
    for first in _EDIT_START_RE.finditer(t):
        at = first.start()
        if at < done:
            continue  # inside the previous edit
        m = match(t, at)
        if m is None:
            continue
        done = m.end()
        kind = m.lastgroup
        a, b = m.span()
        if kind == "ww" and not _joins(t, a, b):
            continue  # a space that separates
        edits.starts.append(a)
        edits.ends.append(b)
        edits.repls.append(_EXPANSIONS[m.group()] if kind == "exp" else "")
    return edits


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str], int]:
    """The words a space never splits, the character pairs inside them, and the longest length."""
    from govextract.datafiles import units_data
    from govextract.departments import gazetteer_names

    units = units_data()
    written = set(units.table())
    words = set(text_data().unbroken_words) | written | gazetteer_names()
    words |= {m + u for m in units.magnitudes for u in written}
    words |= {"每" + u for u in units.per}
    words = {w for w in words if len(w) >= 2}
    pairs = frozenset(w[i : i + 2] for w in words for i in range(len(w) - 1))
    return frozenset(words), pairs, max(map(len, words))


@cache
def _units_heads() -> frozenset[str]:
    """The first one or two characters of every unit of the catalogue (年, 万元, 平方…)."""
    from govextract.datafiles import units_data

    units = units_data()
    written = [*units.table(), *units.magnitudes]
    return frozenset({u[:2] for u in written} | {u[:1] for u in written if len(u) == 1})


def _is_word_char(c: str) -> bool:
    return ("\u4e00" <= c <= "\u9fff") or ("A" <= c <= "Z") or ("a" <= c <= "z") or ("\u3400" <= c <= "\u4dbf")


_CN_NUMERALS = frozenset("〇零一二两三四五六七八九十百千万亿")


def _joins(t: str, a: int, b: int) -> bool:
    """Whether the space ``t[a:b]`` (between word characters) lies inside a word of the lexicon or
    a Chinese numeral (五 千)."""
    words, pairs, longest = _lexicon()
    if t[a - 1] in _CN_NUMERALS and (t[b] in _CN_NUMERALS or t[b] in _units_heads() or t[b : b + 2] in _units_heads()):
        return True  # 五 千, 三 年内, 两 万元
    if t[a - 1] + t[b] not in pairs:
        return False
    i = a
    while i > 0 and a - i < longest - 1 and _is_word_char(t[i - 1]):
        i -= 1
    j = b
    while j < len(t) and j - b < longest - 1 and _is_word_char(t[j]):
        j += 1
    left, right = t[i:a], t[b:j]
    for n in range(1, len(left) + 1):
        tail = left[-n:]
        for m in range(1, min(len(right), longest - n) + 1):
            if tail + right[:m] in words:
                return True
    return False


_LEADING = " \t" + _ZERO_WIDTH
_TRAILING = " " + _ZERO_WIDTH


def _physical_lines(t: str, raw: str) -> list[_PhysLine]:
    lines: list[_PhysLine] = []
    append = lines.append
    leader_re, outline_re = _LEADER_RE.search, _OUTLINE_RE.match
    pos = 0
    blank = 0
    size = len(t)
    while pos <= size:  # each line in turn: a list of them all would cost a string per line at once
        s = pos
        nl = t.find("\n", s)
        if nl < 0:
            nl = size
        seg = t[s:nl]
        n = nl - s
        pos = nl + 1
        body = seg.lstrip(_LEADING)
        if not body:
            blank += 1
            continue
        content = body.rstrip(_TRAILING)  # trailing tabs stay: a table row whose last cells are empty
        cs = s + n - len(body)
        ce = cs + len(content)
        shown = raw[s : s + n].rstrip()
        tab = "\t" in content
        markdown = content[0] == "#" or content.startswith("**")
        # the patterns run only where their rare character is: cheap on ordinary lines
        leader = ("." in content or "…" in content or "·" in content or "-" in content) and leader_re(
            t, cs, ce
        ) is not None
        standalone = (
            ce - cs <= 40 and ("号" in content or "年" in content or "录" in content) and _standalone(t, cs, ce)
        )
        append(
            _PhysLine(
                cs,
                ce,
                len(shown) - 0.5 * len(shown.encode("ascii", "ignore")),  # display width: ASCII is half
                raw[s] == "\u3000" or seg.startswith("  "),
                blank if lines else 0,
                leader,
                _may_open_outline(content[0]) and outline_re(t, cs, ce) is not None,
                tab or markdown or leader or standalone,
            )
        )
        blank = 0
    return lines


def _standalone(t: str, start: int, end: int) -> bool:
    if end - start > 40:
        return False
    return bool(
        _DOC_NUMBER_LINE_RE.fullmatch(t, start, end)
        or _TOC_HEAD_RE.fullmatch(t, start, end)
        or _DATE_LINE_RE.fullmatch(t, start, end)
    )


def _page_number(t: str, line: _PhysLine) -> int | None:
    if line.end - line.start > 9:
        return None
    m = _PAGE_RE.fullmatch(t, line.start, line.end)
    return int(m.group("n")) if m else None


def _find_furniture(t: str, lines: list[_PhysLine]) -> set[int]:
    """Indices of page-number lines and of the running headers next to them."""
    numbers = [_page_number(t, ln) for ln in lines]
    drop: set[int] = set()
    for i, n in enumerate(numbers):
        if n is None:
            continue
        prev_num = i > 0 and numbers[i - 1] is not None
        next_num = i + 1 < len(lines) and numbers[i + 1] is not None
        if prev_num or next_num:
            continue  # a run of numbers: table cells, not a page number
        if i > 0 and (
            t[lines[i - 1].end - 1] in _OPENS or _YEAR_BRACKET_END_RE.search(t, lines[i - 1].start, lines[i - 1].end)
        ):
            continue  # a number inside or after brackets: 〔\n2013\n〕, 〕\n10\n号
        if i + 1 < len(lines):
            after = t[lines[i + 1].start]
            if after in _NUMBER_TAILS or (after.isdigit() and i > 0 and t[lines[i - 1].end - 1].isdigit()):
                continue  # a number broken from its unit, its bracket or its other digits
            lead = _LEADING_DIGITS_RE.match(t, lines[i + 1].start, lines[i + 1].end)
            if lead and lead.group(2):
                digits = len(lead.group(1)) + len(str(n))
                if digits == 4 if lead.group(2) == "年" else digits <= 2:
                    continue  # a year or a day split by a wrap: 2\n000年, 1\n2月
        drop.add(i)
    if not drop:
        return drop
    # Running headers: gazette page labels (data/text.toml) next to a page number.
    header = _running_header_re()
    for i in list(drop):
        for j in (i - 2, i - 1, i + 1, i + 2):
            if 0 <= j < len(lines) and j not in drop and header.fullmatch(t, lines[j].start, lines[j].end):
                drop.add(j)
    return drop


@cache
def _running_header_re() -> regex.Pattern[str]:
    return regex.compile("|".join(f"(?:{p})" for p in text_data().running_header_patterns))


def _local_widths(lines: list[_PhysLine], radius: int = 10) -> list[float]:
    """For each line, the typical width of a full line around it (the 75th percentile of the
    widths within ``radius`` lines, kept in a sliding sorted window).

    Zero where there are too few lines around to tell (a snippet): no line is then short.
    """
    widths = [None if ln.leader else ln.width for ln in lines]  # dot leaders stretch a line
    n = len(widths)
    window: list[float] = sorted(w for w in widths[: radius + 1] if w is not None)
    out: list[float] = []
    for i in range(n):
        if i > 0:
            enter = i + radius
            w_in = widths[enter] if enter < n else None
            if w_in is not None:
                insort(window, w_in)
            w_out = widths[i - radius - 1] if i - radius - 1 >= 0 else None
            if w_out is not None:
                del window[bisect_left(window, w_out)]
        out.append(window[(len(window) * 3) // 4] if len(window) >= 5 else 0.0)
    return out


def _single_spaced(lines: list[_PhysLine], radius: int = 6) -> list[bool]:
    """For each line, whether the text around it is single-spaced (blank lines then mark cells)."""
    singles = [ln.blank_before == 0 for ln in lines]
    prefix = [0]
    for s in singles[1:]:
        prefix.append(prefix[-1] + s)
    out: list[bool] = []
    n = len(lines)
    for i in range(n):
        lo, hi = max(1, i - radius), min(n - 1, i + radius)
        if hi < lo:
            out.append(False)
            continue
        count = prefix[hi] - prefix[lo - 1]
        out.append(count * 2 > hi - lo + 1)
    return out


def _is_break(t: str, prev: _PhysLine, nxt: _PhysLine, full: float, single: bool, depth: int) -> bool:
    """Whether the break between ``prev`` and ``nxt`` ends a logical line.

    ``depth`` is the number of parentheses the logical line so far leaves open: a clause such as
    ``（牵头单位：…，参加单位：…）`` wraps over lines that look like labels or paragraph ends.
    """
    if prev.hard or nxt.hard:
        return True  # a table row, a heading in markdown, a 目录 line, a 发文字号 or a 成文日期
    if 0 < depth <= 2 and ")" in t[nxt.start : nxt.end]:
        return False
    last = t[prev.end - 1]
    if last in _SENTENCE_END or nxt.indent:
        return True
    if t[nxt.end - 1] == ":" and nxt.end - nxt.start <= 100 and t.endswith(_title_ends(), prev.start, prev.end):
        return True  # a 公文 title (…的通知) above its recipients (各区县人民政府:)
    if single and nxt.blank_before > 0:
        return True
    first = t[nxt.start]
    if first in ",、。;:)》”’]〕】%" or last in _CONTINUES:
        return False
    if last == "." and first.isdigit() and not nxt.marker and t[prev.start : prev.end - 1].rstrip(" ")[-1:].isdigit():
        return False  # a decimal number broken at its point: 8.\n3%, 1 .\n2万平方公里
    if nxt.marker:
        return True
    if prev.marker and t[prev.start] == "附" and ANNEX_LABEL_RE.fullmatch(t, prev.start, prev.end):
        return True  # an annex label alone on its line: its title is the next line
    if depth > 0:
        return False
    if _LABEL_RE.match(t, nxt.start, nxt.end):
        return True
    if t[prev.end : prev.end + 2] == "  ":
        return True  # a markdown hard line break
    if (last.isdigit() and first.isdigit()) or _NUMBER_CELL_RE.fullmatch(t, nxt.start, nxt.end):
        return True  # never glue two numbers; a line holding only a number is a table cell
    # A line stopping short of the page width ends its paragraph; headings are set in a wider
    # (bold) face, so a line that opens with a marker may stop shorter and still wrap.
    heading = prev.marker
    if prev.width < (full * 0.7 if heading else full * 0.8 - 0.5):
        return True
    if heading:
        return False  # a heading set in a wider face wraps onto a short line
    return nxt.width <= full * 0.6 and _title_like(t, nxt) and not single


def _opens_title(t: str, line: _PhysLine, after: _PhysLine | None) -> bool:
    """Whether ``line`` is an organ's name on its own line heading a title (``…办公厅`` + ``关于…``)
    or signing a document (``…办公厅`` + a 成文日期 line)."""
    if after is None or line.end - line.start > 20:
        return False
    if not (t.startswith(("关于", "印发", "转发"), after.start) or _DATE_LINE_RE.fullmatch(t, after.start, after.end)):
        return False
    return _organ_line_re().fullmatch(t, line.start, line.end) is not None


@cache
def _organ_line_re() -> regex.Pattern[str]:
    endings = "|".join(regex.escape(e) for e in sorted(documents_data().organ_endings, key=len, reverse=True))
    return regex.compile(rf"\p{{Han}}{{1,16}}(?:{endings})")


@cache
def _title_ends() -> tuple[str, ...]:
    """How a 公文 title ends: 的 and its document type (的通知, 的意见, 的批复…)."""
    return tuple("的" + w for w in documents_data().doc_types)


def _title_like(t: str, line: _PhysLine) -> bool:
    content = t[line.start : line.end]
    return len(content) >= 4 and not any(c in _TITLE_PUNCT for c in content)


def normalize(raw: str) -> NormText:
    """Normalize ``raw`` into a working copy with a map back to raw offsets and logical lines.

    Raises ``TypeError`` when ``raw`` is not a ``str``.

    >>> nt = normalize("国发〔２０１３〕１０ 号\\n\\n确保所有行\\n\\n２\\n\\n业税负只减不增。")
    >>> nt.text
    '国发〔2013〕10号\\n确保所有行业税负只减不增。'
    >>> nt.raw_text(0, 11)
    '国发〔２０１３〕１０ 号'
    """
    if not isinstance(raw, str):
        raise TypeError(f"normalize() takes a str, not {type(raw).__name__}")
    with collector_paused():
        return _normalize(raw)


def _normalize(raw: str) -> NormText:
    t = _translate(raw)
    phys = _physical_lines(t, raw)
    drop = _find_furniture(t, phys)
    kept: list[_PhysLine] = []
    for i, ln in enumerate(phys):
        if i in drop:
            continue
        if i > 0 and i - 1 in drop:
            ln.blank_before = 0  # the blank lines of a page break, after its removed page number
        kept.append(ln)
    full = _local_widths(kept)
    single = _single_spaced(kept)
    b = _Builder(t)
    edits = _find_edits(t)
    k = 0
    line_starts: list[int] = []
    line_ends: list[int] = []
    depth = 0
    last = len(kept) - 1
    for i, ln in enumerate(kept):
        a, e = ln.start, ln.end
        if i == 0:
            line_starts.append(b.npos)
        else:
            prev = kept[i - 1]
            if _is_break(t, prev, ln, full[i - 1], single[i], depth) or (
                i < last and e - a <= 20 and _opens_title(t, ln, kept[i + 1])
            ):
                line_ends.append(b.npos)
                b.replace(prev.end, a, "\n")
                line_starts.append(b.npos)
                depth = 0
        if depth or t.find("(", a, e) >= 0:
            depth = max(0, depth + t.count("(", a, e) - t.count(")", a, e))
        k = b.copy_line(a, e, edits, k)
    if kept:
        line_ends.append(b.npos)
    text, pieces = b.finish()
    lines = tuple(LogicalLine(s, e) for s, e in zip(line_starts, line_ends, strict=True))
    return NormText(raw, text, pieces, lines)
