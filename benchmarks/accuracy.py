"""Accuracy on the annotated corpus: P/R/F1 per label (value, span and exact matching).

    python -m benchmarks.accuracy --split dev|test [--errors N]

Writes ``benchmarks/results/<split>.json`` and prints the table.
"""

from __future__ import annotations

import argparse

from benchmarks.common import ROOT, write_result
from govextract.corpus import load_corpus, load_splits
from govextract.evaluate import Report, evaluate

GOLD = ROOT / "corpora" / "seeds.jsonl"
SPLITS = ROOT / "corpora" / "splits.json"


def run(split: str) -> Report:
    """The evaluator's report on one split of the corpus."""
    return evaluate(load_corpus(GOLD), split=split, splits=load_splits(SPLITS))  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    parser.add_argument("--errors", type=int, default=0)
    args = parser.parse_args(argv)
    report = run(args.split)
    print(f"split: {args.split}")
    print(report.table())
    for score in report.labels.values():
        for err in score.errors[: args.errors]:
            print(err.describe())
    path = write_result(args.split, {"split": args.split, **report.to_dict()})
    print(f"written to {path}")


if __name__ == "__main__":
    main()
