"""Loads and validates the pattern and gazetteer files shipped in ``govextract/data``.

Each file is read once, on first use (never at import), and validated with pydantic: unknown keys
are errors.

>>> codes = issuer_codes()
>>> codes["国发"]
'国务院'
"""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict, field_validator

from govextract.records import Dimension


class Example(BaseModel):
    """A text a pattern must find, with the normalized value it must give."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    text: str
    normalized: str


class CounterExample(BaseModel):
    """A text in which a pattern must find nothing."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    text: str


class DocNumberData(BaseModel):
    """The contents of ``data/doc_number.toml``."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    boundary_words: tuple[str, ...]
    order_organ_finals: str
    order_organs: tuple[str, ...]
    order_boundary_words: tuple[str, ...]
    examples: tuple[Example, ...] = ()
    counterexamples: tuple[CounterExample, ...] = ()

    @field_validator("boundary_words", "order_boundary_words")
    @classmethod
    def _non_empty(cls, words: tuple[str, ...]) -> tuple[str, ...]:
        if any(not w for w in words):
            raise ValueError("empty boundary word")
        return words


class TextData(BaseModel):
    """The contents of ``data/text.toml``."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    running_header_patterns: tuple[str, ...]
    unbroken_words: tuple[str, ...]


class TitleExample(BaseModel):
    """A text whose first document must get this title."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    text: str
    title: str


class DocumentsData(BaseModel):
    """The contents of ``data/documents.toml``."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    doc_types: dict[str, str]
    issued_text_endings: tuple[str, ...]
    organ_endings: tuple[str, ...]
    recipient_endings: tuple[str, ...] = ()
    annex_title_endings: tuple[str, ...] = ()
    bulletin_labels: tuple[str, ...]
    page_chrome: tuple[str, ...] = ()
    note_steps: tuple[str, ...] = ()
    note_issuing_steps: tuple[str, ...] = ()
    examples: tuple[TitleExample, ...] = ()


class TargetsData(BaseModel):
    """The contents of ``data/targets.toml``."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    status_heading_patterns: tuple[str, ...]
    status_heading_examples: tuple[str, ...] = ()
    status_heading_counterexamples: tuple[str, ...] = ()
    procedure_units: tuple[str, ...] = ()
    duration_indicators: tuple[str, ...] = ()


class UnitEntry(BaseModel):
    """One unit of ``data/units.toml``."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    unit: str
    normalized: str | None = None  # a count's measure word is its own normalized unit
    multiplier: float = 1.0


class UnitGroup(BaseModel):
    """The units of one dimension."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    dimension: Dimension
    items: tuple[UnitEntry, ...]


class UnitsData(BaseModel):
    """The contents of ``data/units.toml``."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    magnitudes: dict[str, float]
    per: tuple[str, ...]
    slogans: tuple[str, ...] = ()
    units: tuple[UnitGroup, ...]

    def table(self) -> dict[str, tuple[str, float, Dimension]]:
        """Each written unit → (normalized unit, multiplier, dimension)."""
        out: dict[str, tuple[str, float, Dimension]] = {}
        for group in self.units:
            for u in group.items:
                if u.unit in out:
                    raise ValueError(f"units.toml: unit {u.unit!r} listed twice")
                out[u.unit] = (u.normalized or u.unit, u.multiplier, group.dimension)
        return out


def read_text(name: str) -> str:
    """The text of one data file."""
    from importlib import resources  # imported on first use: it costs import time

    return resources.files("govextract.data").joinpath(name).read_text(encoding="utf-8")


def _toml(name: str) -> dict[str, object]:
    import tomllib

    return tomllib.loads(read_text(name))


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a TSV data file (``#`` comment lines skipped, first row the header)."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for lineno, line in enumerate(read_text(name).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        if len(cells) != len(header):
            raise ValueError(f"{name}:{lineno}: {len(cells)} cells, expected {len(header)}")
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


@cache
def doc_number_data() -> DocNumberData:
    """The validated contents of ``data/doc_number.toml``."""
    return DocNumberData.model_validate(_toml("doc_number.toml"))


@cache
def text_data() -> TextData:
    """The validated contents of ``data/text.toml``."""
    return TextData.model_validate(_toml("text.toml"))


@cache
def documents_data() -> DocumentsData:
    """The validated contents of ``data/documents.toml``."""
    return DocumentsData.model_validate(_toml("documents.toml"))


@cache
def targets_data() -> TargetsData:
    """The validated contents of ``data/targets.toml``."""
    return TargetsData.model_validate(_toml("targets.toml"))


@cache
def units_data() -> UnitsData:
    """The validated contents of ``data/units.toml``."""
    return UnitsData.model_validate(_toml("units.toml"))


@cache
def issuer_codes() -> dict[str, str]:
    """Known 机关代字 → issuing organ, from ``data/issuer_codes.tsv``."""
    codes: dict[str, str] = {}
    for row in read_tsv("issuer_codes.tsv"):
        code = row["code"].strip()
        if not code or code in codes:
            raise ValueError(f"issuer_codes.tsv: empty or duplicate code {code!r}")
        codes[code] = row["organ"].strip()
    return codes
