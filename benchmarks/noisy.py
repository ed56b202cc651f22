"""Accuracy on a perturbed copy of the corpus: the same gold, offsets carried, scored per label.

The noise is what PDF extraction adds inside the tokens the record contract normalizes: a
zero-width space, an ideographic or plain space inside a doc number, a date, a quantity, a
department name or a cited title, and full-width digits for ASCII ones. A point is never next to
brackets, colons, commas or 。, nor inside an outline marker, where a break changes what the text
says. Line breaks are not inserted: in PDF text a break in the middle of a line makes a short
line, which ends a paragraph (the seeds' own wraps, at the line width, are the line-break noise).

    python -m benchmarks.noisy [--seeds 0,1,2,3,4] [--rate 0.5] [--split dev|test]

Writes ``benchmarks/results/noisy-<split>.json``: value-F1 clean and perturbed (mean over the seeds'
copies), the mean drop and the largest.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

from benchmarks.common import ROOT, write_result
from govextract.corpus import CorpusLine, Split, load_corpus, load_splits
from govextract.evaluate import evaluate
from govextract.records import LABELS

GOLD = ROOT / "corpora" / "seeds.jsonl"
SPLITS = ROOT / "corpora" / "splits.json"

#: what is inserted inside a token
INSERTIONS = ("\u200b", "\u3000", " ")
#: no insertion right before or after these: a break next to them changes the truth
_GUARDED = frozenset("。，,、；;：:（）()《》〔〕[]【】“”\n\r\t \u3000\u200b")
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _token_spans(line: CorpusLine) -> Iterator[tuple[int, int]]:
    """Spans of the gold tokens noise goes into."""
    recs = line.records
    for n in recs.doc_numbers:
        yield n.start, n.end
    for d in recs.dates:
        yield d.start, d.end
    for q in recs.quantities:
        yield q.start, q.end
    for r in recs.responsibilities:
        for dep in [*r.lead, *r.support]:
            yield dep.start, dep.end
    for c in recs.citations:
        yield c.start, c.end


def _marker_spans(line: CorpusLine) -> list[tuple[int, int]]:
    return [(s.start, s.start + len(s.marker)) for s in line.records.sections if s.marker]


def _points(line: CorpusLine, rng: random.Random, rate: float) -> dict[int, str]:
    """Insertion points (raw offsets) and what goes there: one point in ``rate`` of the tokens."""
    text = line.text
    markers = _marker_spans(line)
    points: dict[int, str] = {}
    for start, end in sorted(set(_token_spans(line))):
        if rng.random() >= rate:
            continue
        inside = [
            p
            for p in range(start + 1, end)
            if text[p - 1] not in _GUARDED
            and text[p] not in _GUARDED
            and not any(a - 1 <= p <= b + 1 for a, b in markers)
        ]
        if inside:
            points[rng.choice(inside)] = rng.choice(INSERTIONS)
    return points


def _fullwidth_spans(line: CorpusLine, rng: random.Random, rate: float) -> list[tuple[int, int]]:
    return [(s, e) for s, e in sorted(set(_token_spans(line))) if rng.random() < rate]


class _Shift:
    """Maps old offsets to new ones after insertions at sorted points."""

    def __init__(self, points: Sequence[int], lengths: Sequence[int]) -> None:
        self.points = list(points)
        self.lengths = list(lengths)

    def start(self, offset: int) -> int:
        return offset + sum(n for p, n in zip(self.points, self.lengths, strict=True) if p <= offset)

    def end(self, offset: int) -> int:
        return offset + sum(n for p, n in zip(self.points, self.lengths, strict=True) if p < offset)


def _move(data: Any, shift: _Shift, text: str) -> Any:
    """Every ``start``/``end`` in a record dump moved; ``text`` re-sliced from the new text."""
    if isinstance(data, list):
        return [_move(x, shift, text) for x in data]
    if not isinstance(data, dict):
        return data
    out = {k: _move(v, shift, text) for k, v in data.items()}
    if isinstance(data.get("start"), int) and isinstance(data.get("end"), int):
        out["start"] = shift.start(data["start"])
        out["end"] = shift.end(data["end"])
        if "text" in data:
            out["text"] = text[out["start"] : out["end"]]
    return out


def perturb_line(line: CorpusLine, seed: int, rate: float = 0.5) -> CorpusLine:
    """A copy of ``line`` with noise inside its gold tokens and every gold offset carried."""
    rng = random.Random(f"{seed}:{line.id}")
    chars = list(line.text)
    for s, e in _fullwidth_spans(line, rng, rate):
        for i in range(s, e):
            chars[i] = chars[i].translate(_FULLWIDTH)
    points = _points(line, rng, rate)
    order = sorted(points)
    pieces: list[str] = []
    pos = 0
    for p in order:
        pieces.append("".join(chars[pos:p]))
        pieces.append(points[p])
        pos = p
    pieces.append("".join(chars[pos:]))
    text = "".join(pieces)
    shift = _Shift(order, [len(points[p]) for p in order])
    records = _move(line.records.model_dump(mode="json"), shift, text)
    return CorpusLine.model_validate(
        {"id": line.id, "source": line.source, "text": text, "reference_date": line.reference_date, "records": records}
    )


@cache
def _clean_f1(split: Split) -> dict[str, float]:
    report = evaluate(load_corpus(GOLD), split=split, splits=load_splits(SPLITS))
    return {label: report.labels[label].value.f1 for label in LABELS}


def drops(split: Split, seed: int = 0, rate: float = 0.5) -> dict[str, dict[str, float]]:
    """Value-F1 per label on the clean and the perturbed corpus, and the drop."""
    gold = load_corpus(GOLD)
    noisy = evaluate([perturb_line(g, seed, rate) for g in gold], split=split, splits=load_splits(SPLITS))
    clean = _clean_f1(split)
    out: dict[str, dict[str, float]] = {}
    for label in LABELS:
        c, n = clean[label], noisy.labels[label].value.f1
        out[label] = {"clean": c, "noisy": n, "drop": c - n}
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    parser.add_argument("--seeds", default="0,1,2,3,4", help="one perturbed copy per seed")
    parser.add_argument("--rate", type=float, default=0.5, help="share of gold tokens given noise")
    args = parser.parse_args(argv)
    seeds = [int(x) for x in args.seeds.split(",")]
    runs = [drops(args.split, seed, args.rate) for seed in seeds]
    print(f"split: {args.split}, seeds {args.seeds}, rate {args.rate}")
    print(f"{'label':<18}{'clean':>8}{'noisy':>8}{'drop':>8}{'max':>8}")
    summary: dict[str, dict[str, float]] = {}
    for label in LABELS:
        clean = runs[0][label]["clean"]
        noisy = sum(r[label]["noisy"] for r in runs) / len(runs)
        worst = max(r[label]["drop"] for r in runs)
        summary[label] = {"clean": clean, "noisy_mean": noisy, "drop_mean": clean - noisy, "drop_max": worst}
        print(f"{label:<18}{clean:>8.3f}{noisy:>8.3f}{clean - noisy:>8.3f}{worst:>8.3f}")
    path = write_result(
        f"noisy-{args.split}",
        {"split": args.split, "seeds": seeds, "rate": args.rate, "labels": summary, "runs": runs},
    )
    print(f"written to {path}")


if __name__ == "__main__":
    main()
