"""Linking records to their documents and sections, and resolving overlapping spans.

Both run once per text over every record, so they live in a module of their own that the build
compiles (setup.py).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from govextract.records import LABELS, shared_fields_set


def link(records: dict[str, list[Any]], raw_len: int) -> None:
    """Fill every mention's ``document`` and ``section`` fields, in place: the records are the ones
    the extractors just built, so a record nested in another (a target's quantity, a document's own
    number) that is also listed under its label gets the same links, and stays the same object.

    ``document``: the document whose span holds the mention's start. ``section``: the innermost
    heading whose part (up to the next heading of the same or a higher level in its document, or the
    document's end) holds it; a heading's own ``section`` is its parent.
    """
    docs = records.get("documents", [])
    doc_starts = [d.start for d in docs]

    def doc_of(pos: int) -> int | None:
        k = bisect_right(doc_starts, pos) - 1
        return k if k >= 0 and pos < docs[k].end else None

    sections = records.get("sections", [])
    sec_docs = [doc_of(sec.start) for sec in sections]
    part_end = [raw_len] * len(sections)
    open_: list[int] = []
    for i, sec in enumerate(sections):
        while open_ and (sec_docs[open_[-1]] != sec_docs[i] or sections[open_[-1]].level >= sec.level):
            j = open_.pop()
            d = sec_docs[j]
            part_end[j] = sec.start if d == sec_docs[i] else (docs[d].end if d is not None else sec.start)
        open_.append(i)
    for j in open_:
        d = sec_docs[j]
        part_end[j] = docs[d].end if d is not None else raw_len
    sec_starts = [sec.start for sec in sections]

    def section_of(pos: int) -> int | None:
        k: int | None = bisect_right(sec_starts, pos) - 1
        while k is not None and k >= 0:
            if pos < part_end[k]:
                return k
            k = sections[k].parent
        return None

    for label, recs in records.items():
        if label == "documents" or label not in LABELS:
            continue
        for i, r in enumerate(recs):
            if label == "sections":
                recs[i] = _set_links(r, sec_docs[i], r.parent)
            else:
                recs[i] = _set_links(r, doc_of(r.start), section_of(r.start))


_LINKS = frozenset(("document", "section"))
#: id of a record's (shared) set of set fields -> (that set, the shared set with the two links added)
_LINKED_SETS: dict[int, tuple[set[str], set[str]]] = {}
_MAX_LINKED_SETS = 4096


def _set_links(r: Any, document: int | None, section: int | None) -> Any:
    """The frozen record ``r`` with its ``document`` and ``section`` set: ``r`` itself, changed in
    place, as ``r.model_copy(update=...)`` would build it (the two fields marked as set).

    Records have no private or extra fields, and the values are the indices the contract asks for,
    so there is nothing to validate; a record with private or extra fields is copied instead.
    Changing the pipeline's own new records in place saves a copy of each (about a tenth of the
    pipeline's peak memory on a text dense in targets) and makes a nested record equal to its listed one.
    """
    if r.__pydantic_private__ is not None or r.__pydantic_extra__ is not None:
        return r.model_copy(update={"document": document, "section": section})
    fields = r.__dict__
    fields["document"] = document
    fields["section"] = section
    fields_set = r.__pydantic_fields_set__
    linked = _LINKED_SETS.get(id(fields_set))
    if linked is None or linked[0] is not fields_set:
        linked = (fields_set, shared_fields_set(fields_set | _LINKS))
        # only shared sets are remembered: they live as long as the process, so their ids stay theirs
        if shared_fields_set(fields_set) is fields_set and len(_LINKED_SETS) < _MAX_LINKED_SETS:
            _LINKED_SETS[id(fields_set)] = linked
    object.__setattr__(r, "__pydantic_fields_set__", linked[1])
    return r


def resolve_overlaps(records: list[Any]) -> list[Any]:
    """Keep the longest, then leftmost, of overlapping spans; return them in document order.

    The characters taken by the spans kept so far are marked in a bytearray, so each span is
    checked and marked in time proportional to its length (a sorted list of taken spans costs a
    shift of the list at each insertion: quadratic when spans of two lengths alternate).
    """
    ranked = sorted(records, key=lambda r: (-(r.end - r.start), r.start))
    kept: list[Any] = []
    taken = bytearray(max((r.end for r in records), default=0))
    for r in ranked:
        if r.start == r.end:
            kept.append(r)
            continue
        if taken.find(1, r.start, r.end) >= 0:
            continue
        taken[r.start : r.end] = b"\x01" * (r.end - r.start)
        kept.append(r)
    return sorted(kept, key=lambda r: (r.start, r.end))
