"""HTML for notebooks: the text with mentions highlighted (displaCy-style), a legend, and tables.

``Extraction._repr_html_()`` shows counts and the tables of targets and responsibilities;
``Extraction.to_html(text)`` adds the highlighted text, which the Extraction itself does not hold.

>>> from govextract import extract
>>> text = "依据国发〔2013〕10号，到2020年森林覆盖率达到40%（林业厅负责）。"
>>> html = extract(text).to_html(text)
>>> '<mark class="gx-doc_numbers"' in html and "森林覆盖率" in html and "林业厅" in html
True
>>> "<table" in extract(text)._repr_html_()
True
"""

from __future__ import annotations

from html import escape

from govextract.records import LABELS, Extraction, Mention

__all__ = ["render", "summary"]

#: background colour per label
COLOURS = {
    "doc_numbers": "#f6c28b",
    "dates": "#b5d99c",
    "quantities": "#a9cce3",
    "targets": "#f5b7b1",
    "responsibilities": "#d7bde2",
    "sections": "#fad7a0",
    "documents": "#e5e7e9",
    "citations": "#aed6f1",
}
_STYLE = (
    "<style>.gx mark{padding:0 .15em;border-radius:.25em;line-height:1.9}"
    ".gx mark span{font-size:.65em;font-weight:bold;margin-left:.3em;opacity:.7}"
    ".gx table{border-collapse:collapse;margin:.5em 0}.gx td,.gx th{border:1px solid #ccc;padding:.2em .5em}"
    ".gx pre{white-space:pre-wrap;font-family:inherit}</style>"
)


def _legend() -> str:
    items = "".join(f'<mark class="gx-{label}" style="background:{COLOURS[label]}">{label}</mark> ' for label in LABELS)
    return f"<p>{items}</p>"


def _outermost(extraction: Extraction) -> list[tuple[int, int, str]]:
    """Mentions to highlight: sorted, the longest first where they overlap, overlaps dropped."""
    spans: list[tuple[int, int, str]] = []
    for label in LABELS:
        if label == "documents":
            continue
        for record in extraction.records(label):
            if isinstance(record, Mention) and record.end > record.start:
                spans.append((record.start, record.end, label))
    spans.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    kept: list[tuple[int, int, str]] = []
    last = -1
    for start, end, name in spans:
        if start >= last:
            kept.append((start, end, name))
            last = end
    return kept


def _table(header: list[str], rows: list[list[object]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape('' if c is None else str(c))}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def summary(extraction: Extraction) -> str:
    """Counts per label, then the targets and the responsibilities as tables."""
    counts = _table(["label", "records"], [[label, len(extraction.records(label))] for label in LABELS])
    targets = _table(
        ["indicator", "value", "unit", "comparator", "year", "change", "text"],
        [
            [t.indicator, t.quantity.value, t.quantity.unit, t.quantity.comparator, t.year, t.change, t.text]
            for t in extraction.targets
        ],
    )
    duties = _table(
        ["lead", "support", "task"],
        [
            [
                "、".join(d.name for d in r.lead),
                "、".join(d.name for d in r.support),
                r.task.text[:60] if r.task else None,
            ]
            for r in extraction.responsibilities
        ],
    )
    return f'<div class="gx">{_STYLE}{counts}<h4>targets</h4>{targets}<h4>responsibilities</h4>{duties}</div>'


def render(text: str, extraction: Extraction) -> str:
    """``text`` with the outermost mentions highlighted, a legend, and :func:`summary` after it."""
    if not isinstance(text, str):
        raise TypeError(f"render() takes the str the extraction came from, not {type(text).__name__}")
    parts: list[str] = []
    pos = 0
    for start, end, label in _outermost(extraction):
        if end > len(text):
            break
        parts.append(escape(text[pos:start]))
        colour = COLOURS[label]
        mention = escape(text[start:end])
        parts.append(f'<mark class="gx-{label}" style="background:{colour}">{mention}<span>{label}</span></mark>')
        pos = end
    parts.append(escape(text[pos:]))
    highlighted = "<pre>" + "".join(parts) + "</pre>"
    return f'<div class="gx">{_STYLE}{_legend()}{highlighted}</div>' + summary(extraction)
