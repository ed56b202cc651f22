"""Time per character from 200 KB to 2 MB and 10 MB, real and adversarial text (best of 3).

A linear extractor keeps the ratio of time per character at 2 MB and 10 MB to that at 200 KB near 1.

    python -m benchmarks.scaling [--sizes 200000,2000000,10000000] [--labels normalize,doc_numbers]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from benchmarks.common import RUNNERS, seed_texts, write_result


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def _real(n: int) -> str:
    text = "\n\n".join(seed_texts())
    return (text * (n // len(text) + 1))[:n]


INPUTS: dict[str, Callable[[int], str]] = {
    "real": _real,
    "brackets": _repeat("〔"),
    "parens": _repeat("（"),
    "commas": _repeat("、"),
    "digits": _repeat("1"),
    "hao": _repeat("号"),
    "nian": _repeat("年"),
    "fuze": _repeat("负责"),
    "years": _repeat("〔2013〕"),
    "order": _repeat("令第"),
    "breaks": _repeat("国\n\n"),
    "headings": _repeat("（一）加强管理。\n"),
    "mixed": _repeat("abc國发〔２０１３〕\u200b１ 号\n\n７１\n\n"),
    "annexes": _repeat("附件\n"),
    "titles": _repeat("《关于加强管理的通知》"),
    "documents": _repeat("国务院关于加强管理的通知\n国发〔2013〕1号\n各省：\n正文。\n"),
}


def best_of(run: Callable[[str], object], text: str, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        run(text)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="200000,2000000,10000000")
    parser.add_argument("--labels", default=",".join(RUNNERS))
    parser.add_argument("--inputs", default=",".join(INPUTS))
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    results: dict[str, dict[str, dict[str, float]]] = {}
    header = "".join(f"{f'{s // 1000}K s/Mc':>14}" for s in sizes)
    print(f"{'label':<12}{'input':<10}{header}{'ratio':>8}")
    for label in args.labels.split(","):
        run = RUNNERS[label]
        for name in args.inputs.split(","):
            per_char = []
            for size in sizes:
                text = INPUTS[name](size)
                per_char.append(best_of(run, text, args.repeats) / size)
            ratio = max(per_char[1:]) / per_char[0] if len(per_char) > 1 else 1.0
            results.setdefault(label, {})[name] = {
                **{str(s): p for s, p in zip(sizes, per_char, strict=True)},
                "ratio": ratio,
            }
            cells = "".join(f"{p * 1e6:>14.3f}" for p in per_char)
            print(f"{label:<12}{name:<10}{cells}{ratio:>8.2f}", flush=True)
    path = write_result("scaling", {"sizes": sizes, "seconds_per_char": results})
    print(f"written to {path}")


if __name__ == "__main__":
    main()
