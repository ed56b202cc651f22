"""Citations: mentions of other documents by 《title》, by doc number, or both.

``《国务院关于…的通知》（国发〔2013〕10号）`` is one citation (span from 《 to 号); a title alone or a
number alone (``国发〔2017〕48号文件``) is one too; a title opened by an OCR'd ``“`` and closed by
``》`` counts. Not citations: the text a 印发 notice issues (``现将《X》印发给你们``, short names of it
such as ``《行动计划》``), the document's own annexes (``详见附件2《…指南》``), a document's own
number and the numbers heading a forwarded text, and anything outside every document (a bulletin's
目录).

>>> [(c.title, c.doc_number) for c in extract_citations("依据《中华人民共和国计量法》和国发〔2013〕10号文件")]
[('中华人民共和国计量法', None), (None, '国发〔2013〕10号')]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence

import regex

from govextract.building import make
from govextract.datafiles import documents_data
from govextract.extractors.base import Context
from govextract.extractors.documents import NUMBER_LINE_MAX, DocumentLayout
from govextract.records import Citation, DocNumber
from govextract.text import NormText, compact

# 《title》 with inner 〈〉 allowed; or an unmatched “ opening a title that 》 closes
_TITLE_RE = regex.compile(r"《(?P<t>[^《》\n]{1,120})》|“(?P<q>(?:[^“”《》\n]|“[^“”《》\n]{1,20}”){4,120})》")
# after a title: more titles of the same list, then the words that issue it
_ISSUES_RE = regex.compile(
    r"(?:[、和及]《[^《》\n]{1,120}》)*\s*(?:\([^)]{0,30}\))?\s*"
    r"(?:已经[^。]{0,30}?(?:同意|通过)[^。]{0,6}?)?[,，]?\s*(?:现|现予|予以)?印发"
)
_PAREN_NUMBER_GAP = 4  # characters allowed between 》 and the ( of a following doc number
#: a title labelled as one of the document's own annexes: 详见附件2《…指南》, 《…登记表》（附件9-1）
_ANNEX_LABEL = r"(?:附件|附表)\s?\d{1,2}(?:[-—]\d{1,2})?"
_OWN_ANNEX_BEFORE = regex.compile(_ANNEX_LABEL + r"\s?[:]?\s?$")
_OWN_ANNEX_AFTER = regex.compile(r"\s?\((?:详见|参见|见)?\s?" + _ANNEX_LABEL + r"\s?\)")
#: an earlier text of the document's own name: 国务院发布的《信访条例》同时废止
_EARLIER_BEFORE = regex.compile(r"(?:发布|公布|颁布|印发|施行)的\s?$")
_EARLIER_AFTER = regex.compile(r"[^。;\n]{0,12}废止")


def _clean(s: str) -> str:
    return compact(s, "《》")


_PARENTHESIZED = regex.compile(r"\([^)]*\)")


def _core(title: str) -> str:
    """A title without its parenthesized year range, for matching short names of issued texts."""
    return str(_PARENTHESIZED.sub("", title))


class CitationExtractor:
    """Finds citations of other documents; needs doc numbers and document layouts."""

    label = "citations"
    requires: tuple[str, ...] = ("doc_numbers", "documents")

    def run(self, raw: str) -> list[Citation]:
        """Extract from a raw string (normalizing it and finding documents first)."""
        from govextract.pipeline import run_one

        return run_one(self, raw)

    def extract(self, text: NormText, ctx: Context, /) -> Iterator[Citation]:
        """Yield citations in order."""
        layouts: Sequence[DocumentLayout] = ctx.get("document_layouts")
        numbers: Sequence[DocNumber] = ctx.get("doc_numbers")
        s = text.text
        # raw spans of numbers that are no citations: own numbers and numbers heading a text
        header_numbers = {(n.start, n.end) for n in self._header_numbers(text, layouts, numbers)}
        issued = self._issued_titles(text, layouts)
        own_titles = {
            id(lo): _core(_clean("".join(s[a:b] for a, b in text.lines[lo.title_lines[0] : lo.title_lines[1] + 1])))
            for lo in layouts
        }
        layout_at = self._locator([lo.start for lo in layouts], [lo.end for lo in layouts], layouts)
        layout_at_raw = self._locator(
            [text.raw_start(lo.start) for lo in layouts], [text.raw_end(lo.end) for lo in layouts], layouts
        )
        found: list[Citation] = []
        used_numbers: set[tuple[int, int]] = set()
        by_start = sorted(numbers, key=lambda n: n.start)
        number_starts = [n.start for n in by_start]
        for m in _TITLE_RE.finditer(s):
            layout = layout_at(m.start())
            if layouts and layout is None:
                continue  # outside every document
            inner = m.group("t") if m.group("t") is not None else m.group("q")
            title = _clean(inner)
            if not title:
                continue
            if _ISSUES_RE.match(s, m.end(), min(len(s), m.end() + 600)):
                continue  # the text a 印发 notice issues (or one of a list of them)
            if layout is not None and self._is_self_reference(title, issued.get(id(layout), [])):
                continue
            if layout is not None and self._names_itself(title, own_titles.get(id(layout), "")):
                earlier = _EARLIER_BEFORE.search(s, max(0, m.start() - 8), m.start()) or _EARLIER_AFTER.match(
                    s, m.end()
                )
                if not earlier:
                    continue  # the document's own title or its 文种 as its short name: 特制定《…纲要》, 《纲要》
            if _OWN_ANNEX_BEFORE.search(s, max(0, m.start() - 12), m.start()) or _OWN_ANNEX_AFTER.match(s, m.end()):
                continue  # the document's own annex
            start, end = m.start(), m.end()
            number: DocNumber | None = None
            rs_after, _ = text.raw_span(end, end + 1) if end < len(s) else (len(text.raw), len(text.raw))
            k = bisect_left(number_starts, rs_after)
            if k < len(by_start) and by_start[k].start - rs_after <= _PAREN_NUMBER_GAP + 4:
                n = by_start[k]
                if _clean(text.raw[rs_after : n.start]).strip("([（【") in ("", "原"):
                    number = n  # 《…》（国发〔2013〕10号）, 《…》（原卫生部令第45号）
            rs, re_ = text.raw_span(start, end)
            if number is not None:
                re_ = number.end
                used_numbers.add((number.start, number.end))
            found.append(
                make(
                    Citation,
                    start=rs,
                    end=re_,
                    text=text.raw[rs:re_],
                    title=title,
                    doc_number=number.normalized if number else None,
                    rule="title+number" if number else "title",
                )
            )
        for n in numbers:
            key = (n.start, n.end)
            if key in used_numbers or key in header_numbers:
                continue
            if layouts and layout_at_raw(n.start) is None:
                continue
            found.append(
                make(
                    Citation, start=n.start, end=n.end, text=n.text, title=None, doc_number=n.normalized, rule="number"
                )
            )
        found.sort(key=lambda c: (c.start, c.end))
        yield from found

    @staticmethod
    def _locator(
        starts: list[int], ends: list[int], items: Sequence[DocumentLayout]
    ) -> Callable[[int], DocumentLayout | None]:
        """A function from an offset to the layout whose [start, end) holds it."""

        def at(pos: int) -> DocumentLayout | None:
            k = bisect_right(starts, pos) - 1
            return items[k] if k >= 0 and pos < ends[k] else None

        return at

    def _header_numbers(
        self, text: NormText, layouts: Sequence[DocumentLayout], numbers: Sequence[DocNumber]
    ) -> Iterator[DocNumber]:
        """A document's own number, and any number standing alone on its line (a forwarded text's)."""
        for layout in layouts:
            if layout.own_number is not None:
                yield layout.own_number
        for n in numbers:
            line = self._line_of(text, n)
            if line is not None and line[1] - line[0] <= NUMBER_LINE_MAX:
                ls, le = line
                rs, re_ = text.raw_span(ls, le)
                rest = _clean(text.raw[rs : n.start] + text.raw[n.end : re_]).strip("()[]【】〔〕")
                if not rest:
                    yield n

    @staticmethod
    def _line_of(text: NormText, n: DocNumber) -> tuple[int, int] | None:
        """The logical line holding the number's first character (two binary searches: one in the
        offset map, one in the lines)."""
        i = text.norm_offset(n.start)
        k = bisect_right(text.lines, (i, len(text.text) + 1)) - 1
        if k >= 0:
            s, e = text.lines[k]
            if s <= i < e:
                return s, e
        return None

    def _issued_titles(self, text: NormText, layouts: Sequence[DocumentLayout]) -> dict[int, list[str]]:
        """For each document, the titles of the texts it issues (from their title lines)."""
        out: dict[int, list[str]] = {}
        for layout in layouts:
            titles: list[str] = []
            t0, t1 = layout.title_lines
            own_title = "".join(text.text[text.lines[k][0] : text.lines[k][1]] for k in range(t0, t1 + 1))
            if "转发" in own_title:
                out[id(layout)] = titles  # a forwarded text is another organ's document: cited
                continue
            for k in layout.issued_titles:
                s, e = text.lines[k]
                titles.append(_clean(text.text[s:e]))
            out[id(layout)] = titles
        return out

    @staticmethod
    def _names_itself(title: str, own_title: str) -> bool:
        """Whether ``title`` is the document's own title, or the 文种 its title ends with (《纲要》 in a
        纲要, 《条例》 in a 条例)."""
        if len(own_title) < 2:
            return False
        core = _core(title)
        return core == own_title or (core in documents_data().doc_types and len(core) >= 2 and own_title.endswith(core))

    @staticmethod
    def _is_self_reference(title: str, issued: list[str]) -> bool:
        core = _core(title)
        return any(len(core) >= 2 and core in _core(t) for t in issued)


def extract_citations(raw: str) -> list[Citation]:
    """Citations of other documents in ``raw``."""
    if not isinstance(raw, str):
        raise TypeError(f"extract_citations() takes a str, not {type(raw).__name__}")
    return CitationExtractor().run(raw)
