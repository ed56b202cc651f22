"""The committed accuracy baseline: no label's dev value-F1 may fall more than 0.01 below it."""

from __future__ import annotations

import json

import pytest

from govextract.corpus import load_corpus, load_splits
from govextract.evaluate import evaluate
from tests.conftest import ROOT

BASELINE = json.loads((ROOT / "benchmarks" / "baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dev_f1() -> dict[str, float]:
    gold = load_corpus(ROOT / "corpora" / "seeds.jsonl")
    splits = load_splits(ROOT / "corpora" / "splits.json")
    report = evaluate(gold, split="dev", splits=splits)
    return {label: s.value.f1 for label, s in report.labels.items()}


@pytest.mark.parametrize("label", sorted(BASELINE["dev_value_f1"]))
def test_dev_value_f1_holds(label: str, dev_f1: dict[str, float]) -> None:
    assert dev_f1[label] >= BASELINE["dev_value_f1"][label] - 0.01
