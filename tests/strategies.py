"""Hypothesis strategies: government-like text, and perturbations that carry offsets.

A perturbation returns the new text and a function mapping every old offset to its new offset,
so a test can check that a record moved with its text and kept its values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

# ----------------------------------------------------------------------------- plain text

HAN = "国务院办公厅关于印发发展规划通知意见方案省市县人民政府部门负责配合牵头单位年月日号第条章节"
PUNCT = "，。、；：！？（）《》“”〔〕【】——"
NOISE = "\n\u3000 \u200b\t\f"
MARKERS = ["一、", "（一）", "1.", "（1）", "①", "第一章", "第一条", "专栏1", "附件1", "# ", "**"]
FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")

han_chars = st.sampled_from(HAN)
any_char = st.one_of(
    han_chars,
    st.sampled_from(PUNCT),
    st.sampled_from(NOISE),
    st.sampled_from("0123456789０１２３４５６７８９%％.．"),
    st.characters(),
)


@st.composite
def gov_like_text(draw: Any, max_size: int = 400) -> str:
    """Text made of the pieces government documents are made of, noise included."""
    pieces = draw(
        st.lists(
            st.one_of(
                st.text(any_char, max_size=20),
                st.sampled_from(MARKERS),
                doc_number_strings(),
                st.sampled_from(["\n\n", "\n", "\n\n７１\n\n", "\n\n— 3 —\n\n"]),
            ),
            max_size=max_size // 10,
        )
    )
    return "".join(pieces)


# ----------------------------------------------------------------------------- doc numbers

KNOWN_CODES = ["国发", "国办发", "川办函", "发改高技", "绵府办发", "工信部联规", "联防联控机制综发", "银发"]
OPEN_CLOSE = [("〔", "〕"), ("[", "]"), ("［", "］"), ("(", ")"), ("（", "）"), ("【", "】")]
LEADERS = ["", "按照", "根据", "依据", "（", "《关于加强工作的通知》（", "印发", "，"]


@dataclass(frozen=True)
class DocNumberCase:
    """A doc number written into a sentence, with the values it must give."""

    text: str
    start: int  # of the doc number in text
    end: int
    issuer_code: str
    year: int
    serial: int


@st.composite
def doc_number_strings(draw: Any) -> str:
    """A bare bracketed doc number in any bracket, ASCII or full-width digits."""
    return draw(doc_number_cases()).text


@st.composite
def doc_number_cases(draw: Any) -> DocNumberCase:
    """A sentence with one bracketed doc number in it."""
    code = draw(st.sampled_from(KNOWN_CODES))
    year = draw(st.integers(1980, 2030))
    serial = draw(st.integers(1, 2999))
    left, right = draw(st.sampled_from(OPEN_CLOSE))
    number = f"{code}{left}{year}{right}{serial}号"
    if draw(st.booleans()):
        number = number.translate(FULLWIDTH_DIGITS)
    lead = draw(st.sampled_from(LEADERS))
    tail = draw(st.sampled_from(["", "文件", "）。", "，现就有关事项通知如下：", "要求"]))
    text = lead + number + tail
    return DocNumberCase(text, len(lead), len(lead) + len(number), code, year, serial)


# ----------------------------------------------------------------------------- perturbations

INSERTIONS = ["\n", "\n\n", "\u3000", "\u200b", " "]


@dataclass(frozen=True)
class Perturbed:
    """A perturbed text and the map of old offsets to new ones."""

    text: str
    inserted_at: tuple[int, ...]
    insertions: tuple[str, ...]

    def shift(self, offset: int) -> int:
        """The new offset of old offset ``offset`` (insertions at ``offset`` come before it)."""
        return offset + sum(len(s) for p, s in zip(self.inserted_at, self.insertions, strict=True) if p <= offset)

    def shift_end(self, offset: int) -> int:
        """The new offset of an old exclusive end (insertions at ``offset`` come after it)."""
        return offset + sum(len(s) for p, s in zip(self.inserted_at, self.insertions, strict=True) if p < offset)


@st.composite
def perturb_inside(draw: Any, text: str, start: int, end: int, insertions: list[str] | None = None) -> Perturbed:
    """Insert wraps, U+3000, zero-width and plain spaces strictly inside ``text[start:end]``.

    At most one insertion is a line break: a PDF line is wider than any token, so a token is
    wrapped once at most (two breaks around a digit would make a page-number line).
    """
    choices = insertions or INSERTIONS
    if end - start < 2:
        return Perturbed(text, (), ())
    points = draw(st.lists(st.integers(start + 1, end - 1), max_size=3, unique=True))
    points.sort()
    inserts = [draw(st.sampled_from(choices)) for _ in points]
    breaks = [i for i, s in enumerate(inserts) if "\n" in s]
    for i in breaks[1:]:
        inserts[i] = draw(st.sampled_from([c for c in choices if "\n" not in c] or [" "]))
    out = []
    pos = 0
    for p, s in zip(points, inserts, strict=True):
        out.append(text[pos:p])
        out.append(s)
        pos = p
    out.append(text[pos:])
    return Perturbed("".join(out), tuple(points), tuple(inserts))


def apply_fullwidth_digits(text: str) -> str:
    """Full-width digits for ASCII ones: a one-to-one change, offsets stay."""
    return text.translate(FULLWIDTH_DIGITS)


Mapper = Callable[[int], int]


#: insertions that never change a number: a line break between two digits ends a table cell
NUMBER_INSERTIONS = ["\u3000", "\u200b", " "]
#: characters next to which nothing is inserted: a break there changes what the text says
GUARDED = frozenset("。，,、；;：:（）()《》〔〕[]【】“”\n \u3000\u200b")


@dataclass(frozen=True)
class Token:
    """A span of a sentence that normalization must see through, and what may go inside it."""

    start: int
    end: int
    insertions: tuple[str, ...]


@st.composite
def perturb_tokens(draw: Any, text: str, tokens: list[Token]) -> Perturbed:
    """At most one insertion inside each token, never next to a guarded character."""
    chosen: dict[int, str] = {}
    for tok in tokens:
        points = [p for p in range(tok.start + 1, tok.end) if text[p - 1] not in GUARDED and text[p] not in GUARDED]
        if not points or not draw(st.booleans()):
            continue
        chosen[draw(st.sampled_from(points))] = draw(st.sampled_from(tok.insertions))
    order = sorted(chosen)
    out = []
    pos = 0
    for p in order:
        out.append(text[pos:p])
        out.append(chosen[p])
        pos = p
    out.append(text[pos:])
    return Perturbed("".join(out), tuple(order), tuple(chosen[p] for p in order))
