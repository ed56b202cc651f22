"""Annotated corpora: JSONL lines of contract records, and the dev/test split of their documents.

A corpus line is ``{id, source, text, reference_date, records}`` with ``records`` an
:class:`~govextract.records.Extraction` dump; loading validates every record and its offsets.

>>> line = CorpusLine(id="x", source="example", text="依据国发〔2013〕10号")
>>> line.records.doc_numbers
[]
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from govextract.records import Extraction, check_offsets

Split = Literal["dev", "test"]


class CorpusLine(BaseModel):
    """One annotated text."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    id: str
    source: str = ""
    text: str
    reference_date: dt.date | None = None
    records: Extraction = Field(default_factory=Extraction)

    @model_validator(mode="after")
    def _check_offsets(self) -> CorpusLine:
        problems = check_offsets(self.records, self.text)
        if problems:
            raise ValueError(f"{self.id}: {len(problems)} offset problems, first: {problems[0]}")
        return self


class Splits(BaseModel):
    """Document indices of each split, per corpus line id."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    dev: dict[str, list[int]] = Field(default_factory=dict)
    test: dict[str, list[int]] = Field(default_factory=dict)

    def documents(self, split: Split, line_id: str) -> frozenset[int]:
        """The document indices of ``line_id`` in ``split``."""
        return frozenset(getattr(self, split).get(line_id, []))


def load_corpus(path: str | Path) -> list[CorpusLine]:
    """Read and validate a corpus JSONL file.

    Raises ``ValueError`` naming the line of the first invalid record.
    """
    lines: list[CorpusLine] = []
    with Path(path).open(encoding="utf-8") as fh:
        for lineno, text in enumerate(fh, 1):
            if not text.strip():
                continue
            try:
                lines.append(CorpusLine.model_validate_json(text))
            except ValueError as e:
                raise ValueError(f"{path}:{lineno}: {e}") from None
    return lines


def load_splits(path: str | Path) -> Splits:
    """Read a split file: ``{"dev": {id: [doc, ...]}, "test": {id: [doc, ...]}}``."""
    return Splits.model_validate(json.loads(Path(path).read_text(encoding="utf-8")))


def dump_corpus(lines: Iterable[CorpusLine], path: str | Path) -> None:
    """Write corpus lines as JSONL."""
    with Path(path).open("w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(line.model_dump_json() + "\n")
