"""What the benchmarks share: the seed texts and the per-label runners."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from govextract import extract, normalize
from govextract.extractors import Context, DocNumberExtractor

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "texts"
RESULTS = Path(__file__).resolve().parent / "results"


def seed_texts() -> list[str]:
    """The five seed bulletins."""
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def _doc_numbers(raw: str) -> Any:
    return list(DocNumberExtractor().extract(normalize(raw), Context()))


def _label(label: str) -> Callable[[str], Any]:
    def run(raw: str) -> Any:
        return extract(raw, labels=[label])  # type: ignore[list-item]

    run.__name__ = label
    return run


#: what is timed for each label: normalize plus the label's extractor and what it needs upstream
RUNNERS: dict[str, Callable[[str], Any]] = {
    "normalize": normalize,
    "doc_numbers": _doc_numbers,
    "documents": _label("documents"),
    "sections": _label("sections"),
    "citations": _label("citations"),
    "dates": _label("dates"),
    "quantities": _label("quantities"),
    "targets": _label("targets"),
    "responsibilities": _label("responsibilities"),
    "pipeline": extract,
}


def write_result(name: str, data: dict[str, Any]) -> Path:
    """Write one benchmark's figures to ``benchmarks/results/NAME.json``."""
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
