"""Document numbers: 发文字号 (``国发〔2013〕10号``) and 令 numbers (``国务院令第588号``).

The patterns anchor on the bracketed year and on ``号``; the issuer code is then read leftwards
from the bracket (or from 令) and cut at its left edge, by known codes first and else by the
boundary words of ``data/doc_number.toml``.

>>> [n.normalized for n in extract_doc_numbers("按照国发〔2013〕18号和国务院令第588号")]
['国发〔2013〕18号', '国务院令第588号']
>>> n = extract_doc_numbers("(国\\n\\n发〔2011〕26 号)")[0]
>>> (n.issuer_code, n.year, n.serial, n.start, n.end, n.text)
('国发', 2011, 26, 1, 15, '国\\n\\n发〔2011〕26 号')
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cached_property

import regex

from govextract.building import make
from govextract.datafiles import doc_number_data, issuer_codes
from govextract.extractors.base import Context
from govextract.numerals import parse_int
from govextract.records import DocNumber, DocNumberKind
from govextract.text import NormText, normalize

_CN_DIGITS = "〇○零一二三四五六七八九"
_WS = r"\s{0,3}"
# digits may be split by spaces or breaks anywhere: 2 0 1 3, 17\n70
_YEAR = rf"(?P<year>(?>[12](?:{_WS}\d){{3}})|(?>[{_CN_DIGITS}](?:{_WS}[{_CN_DIGITS}]){{3}}))"
_SERIAL = rf"(?P<serial>(?>\d(?:{_WS}\d){{0,5}})|(?>[{_CN_DIGITS}十百千](?:{_WS}[{_CN_DIGITS}十百千]){{0,7}}))"

_BRACKETED_RE = regex.compile(
    rf"(?P<open>[〔\[【〖(])(?>{_WS}){_YEAR}(?>{_WS})[〕\]】〗)](?>{_WS})(?:第{_WS})?{_SERIAL}(?>{_WS})号"
    rf"|(?P<dot>\.){_YEAR}\.{_SERIAL}号"
)
# 令第588号 and 第588号令: two patterns, each opening with its literal (one alternation of both is
# tried at every character)
_ORDER_RES = (
    regex.compile(
        rf"令(?>{_WS})(?:[〔\[【〖(]{_WS}{_YEAR}{_WS}[〕\]】〗)]{_WS})?第(?>{_WS}){_SERIAL}(?>{_WS})号(?!令)"
    ),
    regex.compile(rf"第(?>{_WS}){_SERIAL}(?>{_WS})号令"),
)
_HAN_RE = regex.compile(r"\p{Han}")
# the end of a date glued before a code or an organ (2011年1月8日国务院令第588号, 二〇一一年一月八日…):
# a Chinese-numeral month or day (a 日 right after the digits that stopped the Han run is another)
_DATE_END_RE = regex.compile(rf"[年月][{_CN_DIGITS}十]{{1,3}}日")
_MAX_CODE = 16
_MAX_ORGAN = 24


class DocNumberExtractor:
    """Finds 发文字号 and 令 numbers.

    ``issuer_codes`` adds codes (code → organ) to the shipped list; a known code fixes the left edge
    of a number in running text.

    >>> ex = DocNumberExtractor(issuer_codes={"晋政办发": "山西省人民政府办公厅"})
    >>> [n.issuer_code for n in ex.run("依据晋政办发〔2019〕3号")]
    ['晋政办发']
    """

    label = "doc_numbers"
    requires: tuple[str, ...] = ()

    def __init__(self, issuer_codes: Mapping[str, str] | None = None) -> None:
        self._extra_codes = dict(issuer_codes or {})

    @cached_property
    def _codes(self) -> frozenset[str]:
        return frozenset(issuer_codes()) | frozenset(self._extra_codes)

    @cached_property
    def _boundary_re(self) -> regex.Pattern[str]:
        words = sorted(doc_number_data().boundary_words, key=len, reverse=True)
        return regex.compile("|".join(map(regex.escape, words)))

    @cached_property
    def _order_boundary_re(self) -> regex.Pattern[str]:
        words = sorted(doc_number_data().order_boundary_words, key=len, reverse=True)
        return regex.compile("|".join(map(regex.escape, words)))

    def run(self, raw: str) -> list[DocNumber]:
        """Extract from a raw string (normalizing it first)."""
        return list(self.extract(normalize(raw), Context()))

    def extract(self, text: NormText, ctx: Context, /) -> Iterator[DocNumber]:
        """Yield every doc number in ``text``, in order (``ctx`` is not needed)."""
        found: list[tuple[int, int, DocNumberKind, str, int | None, int, str]] = []
        s = text.text
        for m in _BRACKETED_RE.finditer(s):
            code_start = self._code_start(s, m.start())
            if code_start is None:
                continue
            code = _squeeze(s[code_start : m.start()])
            if m.group("dot") and code not in self._codes:
                continue  # dotted numbers only for known codes
            year = parse_int(_squeeze(m.group("year")))
            serial = parse_int(_squeeze(m.group("serial")))
            if year is None or serial is None or not 1949 <= year <= 2099:
                continue
            if code.endswith("令"):  # 四川省人民政府令〔2015〕第288号
                found.append((code_start, m.end(), "order", code, year, serial, "order-with-year"))
            else:
                found.append((code_start, m.end(), "bracketed", code, year, serial, "bracketed"))
        for rx in _ORDER_RES:
            for m in rx.finditer(s):
                organ_end = m.start()
                organ_start = self._organ_start(s, organ_end)
                if organ_start is None:
                    continue
                organ = _squeeze(s[organ_start:organ_end])
                serial = parse_int(_squeeze(m.group("serial")))
                year = parse_int(_squeeze(m.group("year"))) if "year" in rx.groupindex and m.group("year") else None
                if serial is None:
                    continue
                found.append((organ_start, m.end(), "order", organ + "令", year, serial, "order"))
        found.sort()
        last_end = -1
        for start, end, kind, code, year, serial, rule in found:
            if start < last_end:
                continue
            last_end = end
            rs, re_ = text.raw_span(start, end)
            yield make(
                DocNumber,
                start=rs,
                end=re_,
                text=text.raw[rs:re_],
                kind=kind,
                issuer_code=code,
                year=year,
                serial=serial,
                rule=rule,
            )

    def _han_run_start(self, s: str, end: int, limit: int, cross_breaks: bool = False) -> int:
        """Start of the run of Han characters ending at ``end``.

        Spaces may stand inside the run; a line break only where fewer than two Han characters
        follow it (a code broken by a wrap the normalizer did not join: ``国\\n发``), or anywhere
        with ``cross_breaks``.
        """
        i = end
        while i > 0 and s[i - 1] in " \n" and end - i < 3:
            i -= 1
        floor = max(0, end - limit)
        han = 0
        while i > floor:
            c = s[i - 1]
            if _HAN_RE.match(c):
                han += 1
            elif (c == "\n" and han >= 2 and not cross_breaks) or c not in " \n":
                break
            i -= 1
        while i < end and not _HAN_RE.match(s[i]):
            i += 1
        return i

    def _code_start(self, s: str, bracket: int) -> int | None:
        # a known code may have been split by a break: look across breaks for one first
        loose = self._han_run_start(s, bracket, _MAX_CODE, cross_breaks=True)
        squeezed = _squeeze(s[loose:bracket])
        for k in range(len(squeezed) - 1):
            if squeezed[k:] in self._codes:
                return _offset_of(s, loose, bracket, k)
        start = self._han_run_start(s, bracket, _MAX_CODE)
        squeezed = _squeeze(s[start:bracket])
        if len(squeezed) < 2:
            return None
        cut = _cut(squeezed, self._boundary_re, max(_space_cut(s, start, bracket), _after_date(s, start, squeezed)))
        return _offset_of(s, start, bracket, cut)

    def _organ_start(self, s: str, end: int) -> int | None:
        finals = doc_number_data().order_organ_finals
        start = self._han_run_start(s, end, _MAX_ORGAN)
        squeezed = _squeeze(s[start:end])
        if len(squeezed) < 2 or squeezed[-1] not in finals:
            return None
        floor = max(_space_cut(s, start, end), _after_date(s, start, squeezed))
        prc = squeezed.rfind("中华人民共和国")
        if prc >= 0 and len(squeezed) - prc > 7:
            floor = max(floor, prc + 7)
        known = [len(squeezed) - len(o) for o in doc_number_data().order_organs if squeezed.endswith(o)]
        cut = max(floor, min(known)) if known else _cut(squeezed, self._order_boundary_re, floor)
        return _offset_of(s, start, end, cut)


def _after_date(s: str, start: int, squeezed: str) -> int:
    """Index in ``squeezed`` (the Han run at ``s[start:]``) after the last date end in it, else 0."""
    last = 1 if squeezed.startswith("日") and s[start - 1 : start].isdigit() else 0
    for m in _DATE_END_RE.finditer(squeezed):
        last = m.end()
    return last


def _space_cut(s: str, start: int, end: int) -> int:
    """Index (in squeezed characters) after the last space of ``s[start:end]`` that leaves at least
    two characters after it, else 0: a space between Han characters is a soft boundary."""
    cut = 0
    seen = 0
    for i in range(start, end):
        if s[i].isspace():
            if len(_squeeze(s[i:end])) >= 2 and s[i] == " ":
                cut = seen
        else:
            seen += 1
    return cut


def _cut(squeezed: str, boundary: regex.Pattern[str], floor: int) -> int:
    """Where a code starts in ``squeezed``: after the last boundary word leaving two characters."""
    cut = floor
    for m in boundary.finditer(squeezed, floor):
        if m.end() <= len(squeezed) - 2:
            cut = max(cut, m.end())
    return cut


def _squeeze(s: str) -> str:
    return "".join(s.split())


def _offset_of(s: str, start: int, end: int, k: int) -> int:
    """Offset in ``s`` of the ``k``-th non-space character of ``s[start:end]``."""
    seen = 0
    for i in range(start, end):
        if s[i].isspace():
            continue
        if seen == k:
            return i
        seen += 1
    return end


def extract_doc_numbers(raw: str) -> list[DocNumber]:
    """Every 发文字号 and 令 number in ``raw``, with raw offsets.

    >>> [(n.kind, n.normalized) for n in extract_doc_numbers("川办函〔２０１６〕１３０号")]
    [('bracketed', '川办函〔2016〕130号')]
    """
    if not isinstance(raw, str):
        raise TypeError(f"extract_doc_numbers() takes a str, not {type(raw).__name__}")
    return DocNumberExtractor().run(raw)
