"""Scoring predictions against gold records, as the record contract's §4 defines it.

Per label: precision, recall and F1 under **span** matching (any overlap), **value** matching
(matched and key fields equal) and **exact** span matching; responsibilities count
(department name, role) pairs. Matching is one-to-one, greedy by largest overlap (ties: nearer
start); documents match only with span IoU > 0.5. Strings compare after NFKC and removal of all
whitespace, numbers after rounding to 6 decimals.

>>> from govextract.corpus import CorpusLine
>>> from govextract import extract
>>> gold = CorpusLine(id="x", text="依据国发〔2013〕10号", records=extract("依据国发〔2013〕10号"))
>>> report = evaluate([gold], labels=["doc_numbers"])
>>> report.labels["doc_numbers"].value.f1
1.0
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from govextract.corpus import CorpusLine, Split, Splits
from govextract.pipeline import Pipeline
from govextract.records import (
    LABELS,
    Citation,
    DateMention,
    DocNumber,
    Document,
    Extraction,
    Label,
    Quantity,
    Responsibility,
    Section,
    Target,
)
from govextract.text import compact


def norm_str(s: str | None) -> str | None:
    """NFKC without any whitespace (and without 《》), as strings are compared."""
    if s is None:
        return None
    return compact(s, "《》")


def _num(x: float | None) -> float | None:
    return None if x is None else round(float(x), 6)


@dataclass
class PRF:
    """Counts and precision, recall, F1."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else (1.0 if not self.n_gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else (1.0 if not self.n_pred else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "n_pred": self.n_pred,
            "n_gold": self.n_gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class ErrorItem:
    """One disagreement: a miss, a false alarm, or a matched record with other values."""

    line_id: str
    label: str
    kind: str  # "missed", "spurious", "value"
    start: int
    gold_text: str | None
    pred_text: str | None
    gold_key: str | None
    pred_key: str | None

    def describe(self, width: int = 60) -> str:
        """One line: label, kind, where, and both sides (long texts cut to ``width``)."""

        def cut(s: str | None) -> str:
            if s is None:
                return "-"
            s = s.replace("\n", "⏎")
            return s if len(s) <= width else s[: width - 1] + "…"

        return (
            f"{self.label}\t{self.kind}\t{self.line_id}@{self.start}\t"
            f"gold={cut(self.gold_text)} {self.gold_key or ''}\tpred={cut(self.pred_text)} {self.pred_key or ''}"
        )


@dataclass
class LabelScore:
    """Scores of one label."""

    span: PRF = field(default_factory=PRF)
    value: PRF = field(default_factory=PRF)
    exact: PRF = field(default_factory=PRF)
    errors: list[ErrorItem] = field(default_factory=list)


@dataclass
class Report:
    """Everything the evaluator measures over a corpus."""

    labels: dict[str, LabelScore]
    extras: dict[str, float | None]
    chars: int
    seconds: float

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "labels": {
                label: {"span": s.span.to_dict(), "value": s.value.to_dict(), "exact": s.exact.to_dict()}
                for label, s in self.labels.items()
            },
            "extras": {k: (None if v is None else round(v, 4)) for k, v in self.extras.items()},
            "chars": self.chars,
            "seconds": round(self.seconds, 4),
            "chars_per_second": round(self.chars_per_second),
        }

    def table(self) -> str:
        """A plain-text table: label, value P/R/F1, span F1, exact F1, counts."""
        rows = [f"{'label':<18}{'P':>7}{'R':>7}{'F1':>7}{'spanF1':>8}{'exactF1':>8}{'gold':>7}{'pred':>7}"]
        for label, s in self.labels.items():
            v = s.value
            rows.append(
                f"{label:<18}{v.precision:>7.3f}{v.recall:>7.3f}{v.f1:>7.3f}"
                f"{s.span.f1:>8.3f}{s.exact.f1:>8.3f}{v.n_gold:>7}{v.n_pred:>7}"
            )
        for name, value in self.extras.items():
            rows.append(f"{name:<32}{'n/a' if value is None else f'{value:.3f}':>8}")
        rows.append(f"{'chars/s':<32}{self.chars_per_second:>8,.0f}")
        return "\n".join(rows)

    def below(self, thresholds: dict[str, float]) -> list[str]:
        """Labels whose value-F1 falls below its threshold, as messages."""
        out = []
        for label, minimum in thresholds.items():
            if label not in self.labels:
                raise ValueError(f"no score for label {label!r}")
            f1 = self.labels[label].value.f1
            if f1 < minimum:
                out.append(f"{label}: value-F1 {f1:.4f} < {minimum}")
        return out


# ----------------------------------------------------------------------------- keys


def _key(label: str, r: Any, raw: str) -> Hashable:
    if label == "doc_numbers":
        assert isinstance(r, DocNumber)
        return (norm_str(r.issuer_code), r.year, r.serial)
    if label == "dates":
        assert isinstance(r, DateMention)
        return (r.kind, r.start_date, r.end_date)
    if label == "quantities":
        assert isinstance(r, Quantity)
        return (_num(r.value), _num(r.value_max), norm_str(r.unit), r.comparator)
    if label == "targets":
        assert isinstance(r, Target)
        q = r.quantity
        return (_num(q.value), norm_str(q.unit), q.comparator, r.year, r.change)
    if label == "sections":
        assert isinstance(r, Section)
        return (r.style, r.number, r.level, norm_str(r.title))
    if label == "citations":
        assert isinstance(r, Citation)
        return (norm_str(r.title), norm_str(r.doc_number))
    if label == "documents":
        assert isinstance(r, Document)
        number = r.doc_number.normalized if r.doc_number else None
        return (norm_str(r.title), norm_str(number), r.signed_date)
    raise ValueError(label)


def _values_equal(label: str, gold: Any, pred: Any, raw: str) -> bool:
    gk, pk = _key(label, gold, raw), _key(label, pred, raw)
    if label == "dates" and gold.kind == "relative" and gold.start_date is None and gold.end_date is None:
        return bool(pred.kind == "relative")
    if label == "documents":
        title_in_text = gold.title is None or (norm_str(gold.title) or "") in (
            norm_str(raw[gold.start : gold.end]) or ""
        )
        if not title_in_text:
            return bool(gk[1:] == pk[1:])  # type: ignore[index]
    return gk == pk


# ----------------------------------------------------------------------------- matching


def match_spans(
    gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]], *, min_iou: float | None = None
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index), greedy by largest overlap, ties by nearer start.

    >>> match_spans([(0, 5), (10, 20)], [(12, 18), (1, 3), (30, 31)])
    [(1, 0), (0, 1)]
    """
    order = sorted(range(len(gold)), key=lambda i: gold[i][0])
    starts = [gold[i][0] for i in order]
    max_len = max((e - s for s, e in gold), default=0)
    candidates: list[tuple[int, int, int, int]] = []
    for j, (ps, pe) in enumerate(pred):
        k = bisect_right(starts, pe) - 1
        while k >= 0 and starts[k] >= ps - max_len - 1:
            i = order[k]
            gs, ge = gold[i]
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0 or (gs == ge == ps == pe):
                if min_iou is not None:
                    union = max(ge, pe) - min(gs, ps)
                    if union == 0 or overlap / union <= min_iou:
                        k -= 1
                        continue
                candidates.append((-overlap, abs(gs - ps), i, j))
            k -= 1
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def _span(r: Any) -> tuple[int, int]:
    return (int(r.start), int(r.end))


def _show(label: str, r: Any, raw: str) -> str:
    return repr(_key(label, r, raw))


def _unmatched(
    label: str,
    gold: list[Any],
    pred: list[Any],
    pairs: list[tuple[int, int]],
    line_id: str,
    text_of: Callable[[Any], str],
    show: Callable[[Any], str],
) -> Iterator[ErrorItem]:
    """Errors for the gold records no prediction matched and the predictions no gold matched."""
    matched_g = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs}
    for i, g in enumerate(gold):
        if i not in matched_g:
            yield ErrorItem(line_id, label, "missed", g.start, text_of(g), None, show(g), None)
    for j, p in enumerate(pred):
        if j not in matched_p:
            yield ErrorItem(line_id, label, "spurious", p.start, None, text_of(p), None, show(p))


def _score_label(
    label: str, gold: list[Any], pred: list[Any], raw: str, line_id: str, score: LabelScore
) -> list[tuple[int, int]]:
    min_iou = 0.5 if label == "documents" else None
    pairs = match_spans([_span(g) for g in gold], [_span(p) for p in pred], min_iou=min_iou)
    n = len(pairs)
    tp = sum(1 for i, j in pairs if _values_equal(label, gold[i], pred[j], raw))
    exact = sum(1 for i, j in pairs if _span(gold[i]) == _span(pred[j]))
    score.span.add(PRF(n, len(pred), len(gold)))
    score.value.add(PRF(tp, len(pred), len(gold)))
    score.exact.add(PRF(exact, len(pred), len(gold)))

    def text_of(r: Any) -> str:
        return str(getattr(r, "text", raw[r.start : r.end]))

    score.errors.extend(_unmatched(label, gold, pred, pairs, line_id, text_of, lambda r: _show(label, r, raw)))
    for i, j in pairs:
        if not _values_equal(label, gold[i], pred[j], raw):
            g, p = gold[i], pred[j]
            score.errors.append(
                ErrorItem(
                    line_id, label, "value", g.start, text_of(g), text_of(p), _show(label, g, raw), _show(label, p, raw)
                )
            )
    return pairs


def _pairs_of(r: Responsibility) -> Counter[tuple[str | None, str]]:
    return Counter([(norm_str(d.name), "lead") for d in r.lead] + [(norm_str(d.name), "support") for d in r.support])


def _score_responsibilities(
    gold: list[Responsibility],
    pred: list[Responsibility],
    line_id: str,
    score: LabelScore,
    canonical: list[int],
) -> None:
    pairs = match_spans([_span(g) for g in gold], [_span(p) for p in pred])
    n_gold = sum(sum(_pairs_of(g).values()) for g in gold)
    n_pred = sum(sum(_pairs_of(p).values()) for p in pred)
    tp = 0
    for i, j in pairs:
        g, p = gold[i], pred[j]
        gp, pp = _pairs_of(g), _pairs_of(p)
        tp += sum((gp & pp).values())
        if gp != pp:
            score.errors.append(
                ErrorItem(
                    line_id,
                    "responsibilities",
                    "value",
                    g.start,
                    g.text,
                    p.text,
                    str(sorted(gp.elements(), key=str)),
                    str(sorted(pp.elements(), key=str)),
                )
            )
        pred_deps = {norm_str(d.name): d for d in [*p.lead, *p.support]}
        for d in [*g.lead, *g.support]:
            if d.canonical is None:
                continue
            other = pred_deps.get(norm_str(d.name))
            if other is not None:
                canonical[1] += 1
                canonical[0] += norm_str(other.canonical) == norm_str(d.canonical)
    score.errors.extend(
        _unmatched(
            "responsibilities",
            gold,
            pred,
            pairs,
            line_id,
            lambda r: str(r.text),
            lambda r: str(sorted(_pairs_of(r).elements(), key=str)),
        )
    )
    score.value.add(PRF(tp, n_pred, n_gold))
    score.span.add(PRF(len(pairs), len(pred), len(gold)))
    exact = sum(1 for i, j in pairs if _span(gold[i]) == _span(pred[j]))
    score.exact.add(PRF(exact, len(pred), len(gold)))


# ----------------------------------------------------------------------------- splits


def _split_filter(line: CorpusLine, splits: Splits | None, split: Split | None) -> Callable[[int], bool]:
    """Whether a record starting at an offset belongs to the split (by the gold documents).

    Records outside every gold document (a bulletin's masthead and 目录) count toward ``dev``.
    """
    if split is None or splits is None:
        return lambda pos: True
    docs = line.records.documents
    allowed = splits.documents(split, line.id)
    spans = [(d.start, d.end, i) for i, d in enumerate(docs)]

    def keep(pos: int) -> bool:
        for s, e, i in spans:
            if s <= pos < e:
                return i in allowed
        return split == "dev"

    return keep


# ----------------------------------------------------------------------------- the evaluator


def score(
    gold_lines: Sequence[CorpusLine],
    predictions: Sequence[Extraction],
    *,
    split: Split | None = None,
    splits: Splits | None = None,
    labels: Iterable[Label] | None = None,
    seconds: float = 0.0,
) -> Report:
    """Score ``predictions`` (one per gold line, same order) against the gold."""
    if len(gold_lines) != len(predictions):
        raise ValueError("one prediction per gold line is needed")
    if split is not None and splits is None:
        raise ValueError("scoring a split needs the splits")
    chosen = list(labels) if labels is not None else list(LABELS)
    scores: dict[str, LabelScore] = {label: LabelScore() for label in chosen}
    char_common = char_pred = char_gold = 0
    parent_ok = parent_n = 0
    canonical = [0, 0]
    chars = 0
    for line, pred in zip(gold_lines, predictions, strict=True):
        keep = _split_filter(line, splits, split)
        raw = line.text
        chars += len(raw)
        for label in chosen:
            g_all = list(line.records.records(label))
            p_all = list(pred.records(label))
            g = [r for r in g_all if keep(r.start)]  # type: ignore[attr-defined]
            p = [r for r in p_all if keep(r.start)]  # type: ignore[attr-defined]
            if label == "responsibilities":
                _score_responsibilities(g, p, line.id, scores[label], canonical)  # type: ignore[arg-type]
                continue
            pairs = _score_label(label, g, p, raw, line.id, scores[label])
            if label == "targets":
                for i, j in pairs:
                    gi, pj = norm_str(g[i].indicator) or "", norm_str(p[j].indicator) or ""  # type: ignore[attr-defined]
                    char_common += sum((Counter(gi) & Counter(pj)).values())
                    char_pred += len(pj)
                    char_gold += len(gi)
            if label == "sections":
                g_index = {id(r): k for k, r in enumerate(g_all)}
                p_index = {id(r): k for k, r in enumerate(p_all)}
                mapping = {p_index[id(p[j])]: g_index[id(g[i])] for i, j in pairs}
                for i, j in pairs:
                    gp, pp = g[i].parent, p[j].parent  # type: ignore[attr-defined]
                    parent_n += 1
                    parent_ok += (gp is None and pp is None) or (pp is not None and mapping.get(pp) == gp)
    extras: dict[str, float | None] = {}
    if "targets" in scores:
        p_ = char_common / char_pred if char_pred else None
        r_ = char_common / char_gold if char_gold else None
        extras["target_indicator_char_f1"] = 2 * p_ * r_ / (p_ + r_) if p_ and r_ else None
    if "responsibilities" in scores:
        extras["department_canonical_accuracy"] = canonical[0] / canonical[1] if canonical[1] else None
    if "sections" in scores:
        extras["section_parent_accuracy"] = parent_ok / parent_n if parent_n else None
    if "documents" in scores:
        extras["document_boundary_f1"] = scores["documents"].span.f1
    return Report(labels=scores, extras=extras, chars=chars, seconds=seconds)


def evaluate(
    gold_lines: Sequence[CorpusLine],
    *,
    pipeline: Pipeline | None = None,
    split: Split | None = None,
    splits: Splits | None = None,
    labels: Iterable[Label] | None = None,
) -> Report:
    """Run the library (or ``pipeline``) over every gold text and score it."""
    pipe = pipeline or Pipeline.default()
    predictions = []
    t0 = time.perf_counter()
    for line in gold_lines:
        predictions.append(pipe.extract(line.text, reference_date=line.reference_date))
    seconds = time.perf_counter() - t0
    return score(gold_lines, predictions, split=split, splits=splits, labels=labels, seconds=seconds)
