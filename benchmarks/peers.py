"""govextract side by side with general libraries on the same gold, by the contract's peer protocol.

Peers have neither the contract's kinds nor its units, so they are compared on what they output:
dates by (start_date, end_date), quantities by base_value, each on the gold it covers (a money
extractor on money quantities, a percentage recognizer on percentages…). govextract is scored on
the same gold in the same run: on the widest covered classes (Recognizers-Text's), and on money
alone (jionlp's). Spans match by overlap, one to one.

    pip install -r benchmarks/requirements-peers.txt
    python -m benchmarks.peers --split dev|test

Peers: jionlp (``extract_time``, ``extract_money``), Microsoft Recognizers-Text
(``recognizers-text-suite``: datetime, percentage, currency, dimension) and dateparser's
``search_dates``. A peer that is not installed is reported as missing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from benchmarks.accuracy import GOLD, SPLITS
from benchmarks.common import write_result
from govextract import extract
from govextract.corpus import CorpusLine, load_corpus, load_splits
from govextract.evaluate import PRF, _split_filter, match_spans

REFERENCE = dt.datetime(2016, 1, 1)

#: gold quantities each kind of peer output covers, by the gold's base unit
MONEY = {"元", "美元"}
PERCENT = {"%"}
DIMENSION = {"平方米", "平方公里", "公里", "千米", "米", "吨", "千克", "公斤", "立方米", "亩", "公顷", "千瓦", "千瓦时"}


@dataclass(frozen=True)
class Found:
    """One peer mention: raw span and its value (a date interval or a base value)."""

    start: int
    end: int
    value: Any


# ----------------------------------------------------------------------------- peers


def _day(s: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(s[:10])
    except (ValueError, TypeError):
        return None


def jionlp_time(text: str) -> list[Found]:
    import jionlp

    out = []
    base = {"year": REFERENCE.year, "month": REFERENCE.month, "day": REFERENCE.day}
    for item in jionlp.ner.extract_time(text, time_base=base, with_parsing=True):
        span = item.get("offset") or [0, 0]
        detail = item.get("detail", {}).get("time")
        if isinstance(detail, list) and len(detail) == 2:
            out.append(Found(span[0], span[1], (_day(detail[0]), _day(detail[1]))))
    return out


def jionlp_money(text: str) -> list[Found]:
    import jionlp

    out = []
    for item in jionlp.ner.extract_money(text, with_parsing=True):
        span = item.get("offset") or [0, 0]
        detail = item.get("detail", {})
        try:
            value = float(detail.get("num"))
        except (TypeError, ValueError):
            continue
        out.append(Found(span[0], span[1], value))
    return out


def _recognizers(text: str, kind: str) -> list[Any]:
    from recognizers_suite import (
        Culture,
        recognize_currency,
        recognize_datetime,
        recognize_dimension,
        recognize_percentage,
    )

    fn = {
        "datetime": recognize_datetime,
        "percentage": recognize_percentage,
        "currency": recognize_currency,
        "dimension": recognize_dimension,
    }[kind]
    return list(fn(text, Culture.Chinese))


def recognizers_datetime(text: str) -> list[Found]:
    out = []
    for r in _recognizers(text, "datetime"):
        values = (r.resolution or {}).get("values") or []
        if not values:
            continue
        v = values[0]
        if "start" in v or "end" in v:
            end = _day(v.get("end", ""))  # Recognizers' end is exclusive
            try:
                last = end - dt.timedelta(days=1) if end else None
            except OverflowError:
                last = None
            interval = (_day(v.get("start", "")), last)
        else:
            d = _day(v.get("value", ""))
            interval = (d, d)
        out.append(Found(r.start, r.end + 1, interval))
    return out


def recognizers_numbers(text: str) -> list[Found]:
    out = []
    for kind in ("percentage", "currency", "dimension"):
        for r in _recognizers(text, kind):
            value = (r.resolution or {}).get("value")
            try:
                number = float(str(value).rstrip("%"))
            except (TypeError, ValueError):
                continue
            out.append(Found(r.start, r.end + 1, number))
    return out


def dateparser_dates(text: str) -> list[Found]:
    from dateparser.search import search_dates

    found = search_dates(text, languages=["zh"], settings={"RELATIVE_BASE": REFERENCE}) or []
    out = []
    pos = 0
    for substring, when in found:
        i = text.find(substring, pos)
        if i < 0:
            continue
        pos = i + len(substring)
        out.append(Found(i, i + len(substring), (when.date(), when.date())))
    return out


def govextract_dates(text: str) -> list[Found]:
    # the gold covered is dates with both bounds; govextract's open intervals (deadlines, recurring
    # rules, relative words) are left out the same way
    return [
        Found(d.start, d.end, (d.start_date, d.end_date))
        for d in extract(text, labels=["dates"]).dates
        if d.start_date is not None and d.end_date is not None
    ]


def govextract_quantities(covers: set[str]) -> Callable[[str], list[Found]]:
    """govextract's quantities of the classes a peer covers: its records carry their base unit, so
    like is compared with like (a count is no money prediction)."""

    def run(text: str) -> list[Found]:
        return [
            Found(q.start, q.end, q.base_value)
            for q in extract(text, labels=["quantities"]).quantities
            if q.base_value is not None and (q.base_unit or "") in covers
        ]

    run.__name__ = "govextract_quantities"
    return run


PEERS: dict[str, dict[str, tuple[Callable[[str], list[Found]], set[str] | None]]] = {
    "dates": {
        "govextract": (govextract_dates, None),
        "jionlp.extract_time": (jionlp_time, None),
        "recognizers.datetime": (recognizers_datetime, None),
        "dateparser.search_dates": (dateparser_dates, None),
    },
    "quantities": {
        "govextract": (govextract_quantities(MONEY | PERCENT | DIMENSION), MONEY | PERCENT | DIMENSION),
        "govextract (money only)": (govextract_quantities(MONEY), MONEY),
        "jionlp.extract_money": (jionlp_money, MONEY),
        "recognizers.number_with_unit": (recognizers_numbers, MONEY | PERCENT | DIMENSION),
    },
}


# ----------------------------------------------------------------------------- scoring


def _gold(line: CorpusLine, label: str, covers: set[str] | None, keep: Callable[[int], bool]) -> list[Found]:
    if label == "dates":
        return [
            Found(d.start, d.end, (d.start_date, d.end_date))
            for d in line.records.dates
            if keep(d.start) and d.start_date is not None and d.end_date is not None
        ]
    return [
        Found(q.start, q.end, q.base_value)
        for q in line.records.quantities
        if keep(q.start) and q.base_value is not None and (covers is None or (q.base_unit or "") in covers)
    ]


def _equal(label: str, a: Any, b: Any) -> bool:
    if label == "dates":
        return bool(a == b)
    return a is not None and b is not None and round(float(a), 6) == round(float(b), 6)


def score_peer(
    lines: list[CorpusLine], label: str, fn: Callable[[str], list[Found]], covers: set[str] | None, keep_of: Any
) -> tuple[PRF, float]:
    prf = PRF()
    seconds = 0.0
    for line in lines:
        keep = keep_of(line)
        gold = _gold(line, label, covers, keep)
        t0 = time.perf_counter()
        try:
            found = fn(line.text)
        except ImportError:
            raise
        except Exception as e:  # a peer failing on a text finds nothing in it
            print(f"  {fn.__name__} failed on {line.id}: {type(e).__name__}: {e}", flush=True)
            found = []
        seconds += time.perf_counter() - t0
        found = [f for f in found if keep(f.start)]
        pairs = match_spans([(g.start, g.end) for g in gold], [(f.start, f.end) for f in found])
        tp = sum(1 for i, j in pairs if _equal(label, gold[i].value, found[j].value))
        if covers is not None:
            # a peer's mention on a gold quantity of a class it does not cover is not counted
            covered = {(g.start, g.end) for g in gold}
            others = [(q.start, q.end) for q in line.records.quantities if (q.start, q.end) not in covered]
            other_hits = {j for _, j in match_spans(others, [(f.start, f.end) for f in found])}
            matched = {j for _, j in pairs}
            n_pred = sum(1 for j in range(len(found)) if j in matched or j not in other_hits)
        else:
            n_pred = len(found)
        prf.add(PRF(tp, n_pred, len(gold)))
    return prf, seconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    args = parser.parse_args(argv)
    logging.disable(logging.ERROR)  # jionlp logs a traceback for every string it cannot parse
    lines = load_corpus(GOLD)
    splits = load_splits(SPLITS)
    chars = sum(len(line.text) for line in lines)

    def keep_of(line: CorpusLine) -> Callable[[int], bool]:
        return _split_filter(line, splits, args.split)

    results: dict[str, dict[str, Any]] = {}
    print(f"split: {args.split}")
    print(f"{'label':<12}{'library':<30}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'chars/s':>12}")
    for label, peers in PEERS.items():
        for name, (fn, covers) in peers.items():
            try:
                prf, seconds = score_peer(lines, label, fn, covers, keep_of)
            except ImportError as e:
                print(f"{label:<12}{name:<30}  missing ({e.name}): pip install -r benchmarks/requirements-peers.txt")
                results.setdefault(label, {})[name] = {"missing": True}
                continue
            speed = chars / seconds if seconds else 0.0
            results.setdefault(label, {})[name] = {**prf.to_dict(), "chars_per_s": round(speed)}
            print(
                f"{label:<12}{name:<30}{prf.precision:>7.3f}{prf.recall:>7.3f}{prf.f1:>7.3f}"
                f"{prf.n_gold:>6}{speed:>12,.0f}",
                flush=True,
            )
    path = write_result(f"peers-{args.split}", {"split": args.split, "results": results})
    print(f"written to {path}")


if __name__ == "__main__":
    main()
