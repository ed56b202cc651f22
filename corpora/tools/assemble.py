"""Assemble hand annotations into the gold corpus ``corpora/seeds.jsonl``.

Annotators write records in a light form (``corpora/annotations/<bulletin><part>.jsonl``), anchoring
every span by a quote of the raw text and the 1-based line where the quote starts; this tool finds
the offsets, computes ``document``, ``section`` and section ``parent`` fields, validates everything
through the library's own records, and writes one JSON line per bulletin.

    python -m corpora.tools.assemble            # write corpora/seeds.jsonl
    python -m corpora.tools.assemble --check    # report problems only

The light form, one JSON object a line (``anchor`` = ``{"q": quote, "line": n}``, optionally
``"occ": k`` for the k-th occurrence starting on that line; ``q`` may contain ``\\n`` exactly as the
raw text has it). A quote is looked for on its line first, then within two lines of it:

* ``{"label": "doc_numbers", "q", "line", "kind", "issuer_code", "year", "serial"}``
* ``{"label": "dates", "q", "line", "kind", "start_date", "end_date"}``
* ``{"label": "quantities", "q", "line", "value", "value_max", "unit", "comparator",
  "base_value", "base_unit"}``
* ``{"label": "targets", "q", "line", "indicator", "quantity": {quantity without label},
  "year", "change", "annual", "baseline": {quantity} | null, "origin"}``
* ``{"label": "responsibilities", "q", "line", "lead": [dept], "support": [dept],
  "task": {"from": anchor, "to": anchor} | null}`` with ``dept = {"q", "line", "name", "canonical"}``
* ``{"label": "sections", "q", "line", "style", "marker", "number", "level", "title"}``
* ``{"label": "documents", "from": anchor, "to": anchor, "title", "doc_type", "issuers",
  "doc_number": {doc number without label} | null, "recipients", "signed_date", "attachments", …}``
  (the span runs from the start of ``from`` to the end of ``to``)
* ``{"label": "citations", "q", "line", "title", "doc_number"}``
"""

from __future__ import annotations

import argparse
import json
import sys
from bisect import bisect_right
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from govextract.records import LABELS, Extraction

ROOT = Path(__file__).resolve().parents[2]
TEXTS = ROOT / "corpora" / "texts"
ANNOTATIONS = ROOT / "corpora" / "annotations"
OUT = ROOT / "corpora" / "seeds.jsonl"

SOURCES = {
    "000": "绵阳市人民政府公报 2013 (State Council, Sichuan and Mianyang documents), PDF text",
    "001": "绵阳市人民政府公报 2013年第13号, markdown export of the PDF",
    "002": "绵阳市人民政府公报 2016, PDF text",
    "003": "四川省人民政府公报 2018年第4期, PDF text",
    "004": "绵阳市人民政府公报 2016, PDF text",
}


_TITLE_END = "。；：;:，,"


class AnnotationError(ValueError):
    """A light record that cannot be placed or validated."""


class Bulletin:
    """One raw text with its line starts, for placing quotes."""

    def __init__(self, bulletin_id: str, raw: str) -> None:
        self.id = bulletin_id
        self.raw = raw
        self.line_starts = [0]
        for i, c in enumerate(raw):
            if c == "\n":
                self.line_starts.append(i + 1)

    def locate(self, anchor: dict[str, Any], where: str) -> tuple[int, int]:
        q = anchor.get("q")
        line = anchor.get("line")
        if not isinstance(q, str) or not q or not isinstance(line, int):
            raise AnnotationError(f"{where}: anchor needs a quote 'q' and a 'line': {anchor!r}")
        if not 1 <= line <= len(self.line_starts):
            raise AnnotationError(f"{where}: line {line} outside the text")
        # prefer a match starting on the given line; else the nearest within two lines of it
        here = self.line_starts[line - 1]
        nxt = self.line_starts[line] if line < len(self.line_starts) else len(self.raw) + 1
        occ = anchor.get("occ", 1)
        i = self.raw.find(q, here)
        while occ > 1 and 0 <= i < nxt:
            i = self.raw.find(q, i + 1)
            occ -= 1
        if 0 <= i < nxt:
            return i, i + len(q)
        if anchor.get("occ", 1) > 1:
            raise AnnotationError(f"{where}: occurrence {anchor['occ']} of {q!r} not on line {line}")
        lo = self.line_starts[max(0, line - 3)]
        hi = self.line_starts[min(len(self.line_starts) - 1, line + 2)]
        hits = []
        j = self.raw.find(q, lo)
        while 0 <= j <= hi:
            hits.append(j)
            j = self.raw.find(q, j + 1)
        if not hits:
            raise AnnotationError(f"{where}: quote {q!r} not found at line {line}")
        i = min(hits, key=lambda h: abs(h - here))
        return i, i + len(q)

    def span(self, anchor: dict[str, Any], where: str) -> dict[str, Any]:
        s, e = self.locate(anchor, where)
        return {"start": s, "end": e, "text": self.raw[s:e]}


def _quantity(b: Bulletin, rec: dict[str, Any], where: str) -> dict[str, Any]:
    fields = {k: v for k, v in rec.items() if k not in ("q", "line", "label", "occ", "note")}
    return {**b.span(rec, where), **fields}


def _department(b: Bulletin, rec: dict[str, Any], where: str) -> dict[str, Any]:
    return {
        **b.span(rec, where),
        "name": rec["name"],
        "canonical": rec.get("canonical"),
        "department_id": rec.get("department_id"),
    }


def build_record(b: Bulletin, rec: dict[str, Any], where: str) -> tuple[str, dict[str, Any]]:
    """The contract record (without document/section fields) of one light record."""
    label = rec.get("label")
    if label not in LABELS:
        raise AnnotationError(f"{where}: unknown label {label!r}")
    base = {k: v for k, v in rec.items() if k not in ("label", "q", "line", "note", "occ")}
    if label == "documents":
        s, _ = b.locate(rec["from"], where + " from")
        _, e = b.locate(rec["to"], where + " to")
        out = {k: v for k, v in base.items() if k not in ("from", "to")}
        if out.get("doc_number"):
            out["doc_number"] = _quantity(b, out["doc_number"], where + " doc_number")
        return label, {"start": s, "end": e, **out}
    out = {**b.span(rec, where), **base}
    if label == "sections":
        # a heading's span and title end before trailing sentence punctuation (。；：)
        while out["text"] and out["text"][-1] in _TITLE_END:
            out["end"] -= 1
            out["text"] = out["text"][:-1]
        title = out.get("title") or ""
        while title and title[-1] in _TITLE_END:
            title = title[:-1]
        out["title"] = title
    if label == "targets":
        out["quantity"] = _quantity(b, rec["quantity"], where + " quantity")
        if rec.get("baseline"):
            out["baseline"] = _quantity(b, rec["baseline"], where + " baseline")
    elif label == "responsibilities":
        out["lead"] = [_department(b, d, where + " lead") for d in rec.get("lead", [])]
        out["support"] = [_department(b, d, where + " support") for d in rec.get("support", [])]
        task = rec.get("task")
        if task:
            ts, _ = b.locate(task["from"], where + " task.from")
            _, te = b.locate(task["to"], where + " task.to")
            out["task"] = {"start": ts, "end": te, "text": b.raw[ts:te]}
    return label, out


def _assign_structure(records: dict[str, list[dict[str, Any]]], text_len: int) -> None:
    docs = sorted(records["documents"], key=lambda d: d["start"])
    records["documents"] = docs
    doc_starts = [d["start"] for d in docs]

    def doc_of(pos: int) -> int | None:
        k = bisect_right(doc_starts, pos) - 1
        return k if k >= 0 and pos < docs[k]["end"] else None

    sections = sorted(records["sections"], key=lambda s: s["start"])
    records["sections"] = sections
    for i, sec in enumerate(sections):
        sec["document"] = doc_of(sec["start"])
        sec["parent"] = None
        for j in range(i - 1, -1, -1):
            other = sections[j]
            if other["document"] != sec["document"]:
                break
            if other["level"] < sec["level"]:
                sec["parent"] = j
                break
    # the part of a heading: up to the next heading of the same or a higher level, or its doc's end
    part_end: list[int] = []
    for i, sec in enumerate(sections):
        end = docs[sec["document"]]["end"] if sec["document"] is not None else text_len
        for j in range(i + 1, len(sections)):
            other = sections[j]
            if other["document"] != sec["document"]:
                break
            if other["level"] <= sec["level"]:
                end = other["start"]
                break
        part_end.append(end)

    def section_of(pos: int) -> int | None:
        best = None
        for i, sec in enumerate(sections):
            if sec["start"] > pos:
                break
            if pos < part_end[i] and (best is None or sec["level"] >= sections[best]["level"]):
                best = i
        return best

    for label in LABELS:
        if label == "documents":
            continue
        records[label].sort(key=lambda r: (r["start"], r["end"]))
        for r in records[label]:
            r["document"] = doc_of(r["start"])
            if label != "sections":
                r["section"] = section_of(r["start"])
    for sec in sections:
        sec["section"] = sec["parent"]  # the innermost heading around a heading is its parent


def assemble_bulletin(
    bulletin_id: str, lines: Iterable[tuple[str, int, dict[str, Any]]]
) -> tuple[dict[str, Any], list[str]]:
    """The corpus line of one bulletin and the problems met."""
    raw = next(TEXTS.glob(f"{bulletin_id}_*.txt")).read_text(encoding="utf-8")
    b = Bulletin(bulletin_id, raw)
    problems: list[str] = []
    records: dict[str, list[dict[str, Any]]] = {label: [] for label in LABELS}
    for fname, lineno, rec in lines:
        where = f"{fname}:{lineno}"
        try:
            label, out = build_record(b, rec, where)
        except (AnnotationError, KeyError, TypeError, AttributeError) as e:
            problems.append(f"{where}: {e}")
            continue
        records[label].append(out)
    _assign_structure(records, len(raw))
    try:
        extraction = Extraction.model_validate({"schema_version": 1, **records})
    except Exception as e:
        problems.append(f"{bulletin_id}: {e}")
        extraction = Extraction()
    line = {
        "id": bulletin_id,
        "source": SOURCES[bulletin_id],
        "text": raw,
        "reference_date": None,
        "records": extraction.model_dump(mode="json"),
    }
    return line, problems


def read_annotations(
    only: str | None = None, directory: Path = ANNOTATIONS
) -> dict[str, list[tuple[str, int, dict[str, Any]]]]:
    """Light records by bulletin id, from every file in ``directory`` (or just ``only``)."""
    by_bulletin: dict[str, list[tuple[str, int, dict[str, Any]]]] = {}
    for path in sorted(directory.glob("*.jsonl")):
        if only is not None and path.name != only:
            continue
        bulletin_id = path.name[:3]
        for lineno, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if text.strip():
                by_bulletin.setdefault(bulletin_id, []).append((path.name, lineno, json.loads(text)))
    return by_bulletin


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="report problems, write nothing")
    parser.add_argument("--file", help="check only this file of the directory (implies --check)")
    parser.add_argument("--dir", type=Path, default=ANNOTATIONS, help="where the light files are")
    args = parser.parse_args(argv)
    if args.file:
        args.check = True
    lines = []
    all_problems = []
    for bulletin_id, recs in sorted(read_annotations(args.file, args.dir).items()):
        line, problems = assemble_bulletin(bulletin_id, recs)
        lines.append(line)
        all_problems.extend(problems)
        counts = {k: len(v) for k, v in line["records"].items() if isinstance(v, list)}
        print(bulletin_id, counts, file=sys.stderr)
    for p in all_problems:
        print(p, file=sys.stderr)
    if not args.check and not all_problems:
        with OUT.open("w", encoding="utf-8") as fh:
            for line in lines:
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
        print(f"wrote {OUT}", file=sys.stderr)
    return 1 if all_problems else 0


if __name__ == "__main__":
    sys.exit(main())
