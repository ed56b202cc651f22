"""Department names → official names and stable ids, from the gazetteer ``data/departments.tsv``.

Central bodies resolve on their own; provincial and municipal names (省发展改革委, 财政厅, 市财政局)
resolve through naming templates and take the province or city given.

>>> from govextract.departments import lookup_department
>>> d = lookup_department("发展改革委", year=2016)
>>> d.canonical, d.department_id
('国家发展和改革委员会', 'ndrc')
>>> lookup_department("卫生计生委", year=2016).department_id == lookup_department("卫生部", year=2010).department_id
True
>>> lookup_department("省发展改革委", province="四川省").canonical
'四川省发展和改革委员会'
>>> lookup_department("省发展改革委") is not None, lookup_department("省发展改革委").canonical
(True, None)
>>> lookup_department("不存在的部门") is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from govextract.datafiles import read_tsv
from govextract.text import compact

__all__ = ["DepartmentInfo", "lookup_department"]


@dataclass(frozen=True)
class DepartmentInfo:
    """What the gazetteer knows of one department name.

    ``canonical`` is the official full name (without 中华人民共和国); for a provincial or municipal
    name it is filled in only when the province or city is known. ``department_id`` is shared by a
    body's predecessors and successors (卫生部, 卫生计生委, 国家卫生健康委); templates have ids
    ``prov:…``. ``valid_from``/``valid_to`` are the inclusive years of the entry (None: open).
    """

    canonical: str | None
    department_id: str
    level: str  # "central" or "template"
    kind: str
    valid_from: int | None
    valid_to: int | None
    source: str


@dataclass(frozen=True)
class _Entry:
    department_id: str
    canonical: str
    level: str
    kind: str
    valid_from: int | None
    valid_to: int | None
    source: str


def _key(name: str) -> str:
    return compact(name)


def _year(cell: str) -> int | None:
    cell = cell.strip()
    return int(cell) if cell.isdigit() else None


@cache
def _index() -> dict[str, tuple[_Entry, ...]]:
    index: dict[str, list[_Entry]] = {}
    for row in read_tsv("departments.tsv"):
        entry = _Entry(
            row["department_id"].strip(),
            row["canonical"].strip(),
            row["level"].strip(),
            row["kind"].strip(),
            _year(row["valid_from"]),
            _year(row["valid_to"]),
            row["source"].strip(),
        )
        names = [entry.canonical] if "{place}" not in entry.canonical else []
        names += [a for a in row["aliases"].split("|") if a.strip()]
        for name in names:
            bucket = index.setdefault(_key(name), [])
            if entry not in bucket:
                bucket.append(entry)
    return {k: tuple(v) for k, v in index.items()}


def gazetteer_names() -> frozenset[str]:
    """Every name and alias the gazetteer knows (templates' written forms included), whitespace-free."""
    return frozenset(_index())


def _valid(e: _Entry, year: int) -> bool:
    return (e.valid_from is None or e.valid_from <= year) and (e.valid_to is None or year <= e.valid_to)


def _distance(e: _Entry, year: int) -> int:
    if e.valid_from is not None and year < e.valid_from:
        return e.valid_from - year
    if e.valid_to is not None and year > e.valid_to:
        return year - e.valid_to
    return 0


def lookup_department(
    name: str, year: int | None = None, *, province: str | None = None, city: str | None = None
) -> DepartmentInfo | None:
    """The gazetteer entry for a department name as written, or None if the name is unknown.

    ``year`` picks among entries of the same name (the one valid that year, else the nearest in
    time; without a year the current one). Central names win over templates. A template's
    canonical takes ``city`` for names written with 市 and ``province`` otherwise.

    >>> lookup_department("市财政局", city="绵阳市").canonical
    '绵阳市财政局'
    >>> lookup_department("银监会", year=2013).canonical
    '中国银行业监督管理委员会'
    """
    if not isinstance(name, str):
        raise TypeError(f"lookup_department() takes a str name, not {type(name).__name__}")
    if year is not None and not isinstance(year, int):
        raise TypeError(f"lookup_department() takes an int year, not {type(year).__name__}")
    for what, value in (("province", province), ("city", city)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"lookup_department() takes a str {what}, not {type(value).__name__}")
    return _lookup(name, year, province, city)


@lru_cache(maxsize=8192)
def _lookup(name: str, year: int | None, province: str | None, city: str | None) -> DepartmentInfo | None:
    entries = _index().get(_key(name))
    if not entries:
        return None
    central = [e for e in entries if e.level != "template"] or list(entries)
    if year is None:
        best = max(central, key=lambda e: (e.valid_to is None, e.valid_to or 0, e.valid_from or 0))
    else:
        best = min(central, key=lambda e: (_distance(e, year), -(e.valid_from or 0)))
    canonical: str | None = best.canonical
    if "{place}" in best.canonical:
        place = city if _key(name).startswith("市") else province
        canonical = best.canonical.replace("{place}", place) if place else None
    return DepartmentInfo(
        canonical, best.department_id, best.level, best.kind, best.valid_from, best.valid_to, best.source
    )
