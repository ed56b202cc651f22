"""Flat rows for notebooks: one list of dicts (or one pandas DataFrame) per label.

Every row carries its document's title, doc number and signed date and its section path, so
"targets by year" and "department edge lists" are one groupby away. Nested records are flattened
with a prefix (``quantity_value``, ``baseline_unit``); quantities also carry ``value_normalized``
(the value in ``unit_normalized``, what adds up across 吨 and 公斤); responsibilities give one row per
department and role, with the clause's index in ``clause``.

>>> from govextract import extract
>>> text = ("某某省人民政府关于印发方案的通知\\n某政发〔2016〕3号\\n\\n各市人民政府：\\n"
...         "一、目标\\n到2020年，森林覆盖率达到40%（林业厅负责，财政厅配合）。\\n")
>>> rows = extract(text).to_records("targets")
>>> [rows[0][k] for k in ("indicator", "quantity_value", "year", "doc_number", "section_path")]
['森林覆盖率', 40.0, 2020, '某政发〔2016〕3号', '目标']
>>> [(r["clause"], r["role"], r["name"]) for r in extract(text).to_records("responsibilities")]
[(0, 'lead', '林业厅'), (0, 'support', '财政厅')]
"""

from __future__ import annotations

import importlib
import typing
from typing import Any

from govextract.records import LABELS, Extraction, Label, Quantity, Target

__all__ = ["columns", "to_pandas", "to_records"]

#: fields that are links or nested objects, flattened or replaced by context columns
_SKIP = frozenset(("label", "document", "section", "lead", "support", "task", "quantity", "baseline"))


def _flat(prefix: str, data: dict[str, Any] | None, keys: tuple[str, ...]) -> dict[str, Any]:
    return {f"{prefix}_{k}": (data or {}).get(k) for k in keys}


_QUANTITY_KEYS = (
    "text",
    "value",
    "value_max",
    "unit",
    "comparator",
    "base_value",
    "base_unit",
    "unit_normalized",
    "value_normalized",
    "dimension",
)


def _with_value_normalized(data: dict[str, Any] | None, quantity: Quantity | None) -> dict[str, Any] | None:
    """``data`` (a quantity's dump) with its ``value_normalized`` after ``unit_normalized``."""
    if data is None or quantity is None:
        return data
    out: dict[str, Any] = {}
    for k, v in data.items():
        out[k] = v
        if k == "unit_normalized":
            out["value_normalized"] = quantity.value_normalized
    return out


def _context(extraction: Extraction, document: int | None, section: int | None) -> dict[str, Any]:
    doc = extraction.documents[document] if document is not None and 0 <= document < len(extraction.documents) else None
    path: list[str] = []
    seen: set[int] = set()
    k = section
    while k is not None and 0 <= k < len(extraction.sections) and k not in seen:
        seen.add(k)
        sec = extraction.sections[k]
        path.append(sec.title or sec.marker)
        k = sec.parent
    return {
        "document": document,
        "document_title": doc.title if doc else None,
        "doc_number": doc.doc_number.normalized if doc and doc.doc_number else None,
        "signed_date": doc.signed_date if doc else None,
        "section": section,
        "section_path": " > ".join(reversed(path)) if path else None,
    }


_CONTEXT = ("document", "document_title", "doc_number", "signed_date", "section", "section_path")
_RESPONSIBILITY = (
    "clause", "role", "name", "canonical", "department_id", "department_text", "start", "end", "clause_text", "task",
)  # fmt: skip


def columns(label: Label) -> list[str]:
    """The keys of every row :func:`to_records` gives for ``label``, in order.

    >>> columns("responsibilities")[:3]
    ['clause', 'role', 'name']
    """
    if label not in LABELS:
        raise ValueError(f"unknown label {label!r}; expected one of {', '.join(LABELS)}")
    model = typing.get_args(Extraction.model_fields[label].annotation)[0]
    fields = list(model.model_fields)
    if label == "documents":
        return ["document", *(f for f in fields if f != "doc_number"), "doc_number"]
    if label == "responsibilities":
        return [*_RESPONSIBILITY, *_CONTEXT]
    out = [f for f in fields if f not in _SKIP]
    if label == "quantities":
        out.insert(out.index("unit_normalized") + 1, "value_normalized")
    if label == "targets":
        out += [f"quantity_{k}" for k in _QUANTITY_KEYS] + [f"baseline_{k}" for k in _QUANTITY_KEYS]
    return [*out, *_CONTEXT]


def to_records(extraction: Extraction, label: Label) -> list[dict[str, Any]]:
    """Flat dicts for the records of one label (see the module docstring)."""
    if label not in LABELS:
        raise ValueError(f"unknown label {label!r}; expected one of {', '.join(LABELS)}")
    rows: list[dict[str, Any]] = []
    for i, record in enumerate(extraction.records(label)):
        data = record.model_dump()
        if label == "documents":
            doc_number = data.pop("doc_number")
            rows.append({"document": i, **data, "doc_number": doc_number["normalized"] if doc_number else None})
            continue
        base = {k: v for k, v in data.items() if k not in _SKIP}
        context = _context(extraction, data.get("document"), data.get("section"))
        if isinstance(record, Quantity):
            base = _with_value_normalized(base, record) or base
        if isinstance(record, Target):
            base |= _flat("quantity", _with_value_normalized(data["quantity"], record.quantity), _QUANTITY_KEYS)
            base |= _flat("baseline", _with_value_normalized(data["baseline"], record.baseline), _QUANTITY_KEYS)
        if label == "responsibilities":
            task = data["task"]
            for role in ("lead", "support"):
                for dep in data[role]:
                    rows.append(
                        {
                            "clause": i,
                            "role": role,
                            "name": dep["name"],
                            "canonical": dep["canonical"],
                            "department_id": dep["department_id"],
                            "department_text": dep["text"],
                            "start": dep["start"],
                            "end": dep["end"],
                            "clause_text": data["text"],
                            "task": task["text"] if task else None,
                            **context,
                        }
                    )
            continue
        rows.append({**base, **context})
    return rows


def to_pandas(extraction: Extraction, label: Label | None = None) -> Any:
    """One ``pandas.DataFrame`` for ``label``, or a dict of them for every label (pandas is optional)."""
    try:
        pd = importlib.import_module("pandas")
    except ImportError as exc:
        raise ImportError("to_pandas() needs pandas: pip install pandas (or use to_records())") from exc
    # nullable dtypes: a year column with gaps stays integer (2020, <NA>), not float
    if label is not None:
        return pd.DataFrame(to_records(extraction, label), columns=columns(label)).convert_dtypes()
    return {name: pd.DataFrame(to_records(extraction, name), columns=columns(name)).convert_dtypes() for name in LABELS}
