"""Time per character from 200 KB to 2 MB and 10 MB, real and adversarial text (best of 3; best of
15 at 200 KB, the baseline), and peak memory at the largest size.

A linear extractor keeps the ratio of time per character at 2 MB and 10 MB to that at 200 KB near 1.
Peak memory is what ``tracemalloc`` sees allocated by Python during one run at the largest size,
as a multiple of the input's UTF-8 size (the input itself not counted).

    python -m benchmarks.scaling [--sizes 200000,2000000,10000000] [--labels normalize,doc_numbers]
    python -m benchmarks.scaling --huge 50000000   # one pipeline run over 50 MB of real text
    python -m benchmarks.scaling --stages --name scaling-stages   # every stage of the pipeline at once
    python -m benchmarks.scaling --probe --sizes 40000,400000 --name scaling-probe   # trigger words

Peak memory is measured for the whole pipeline by default (``--memory``): every label's runner is
a part of it, so its peak bounds theirs.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from collections.abc import Callable

from benchmarks.common import RUNNERS, seed_texts, write_result
from govextract.pipeline import Pipeline
from govextract.records import Extraction


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
    "surrogates": _repeat("国发\ud800〔2013〕\udfff10号"),
    "nul": _repeat("\x00年\x001号\x00"),
    "scripts": _repeat("Ωж한グ🙂\u202e٣٤٥\u0301年"),
    "duties": _repeat("（公安部负责，教育部、民政部配合）"),
    "targets": _repeat("到2020年，覆盖率达到90%以上、"),
    "spaced": _repeat("不 少于１ ００名 公安 部 "),
    "yearless": _repeat("3月1日至5日、4月底前、今年"),
    "alternating": _repeat("二季度、冬季，"),
}


#: the words and marks each extractor reacts to, for ``--probe``: each is repeated into a long line
#: (and again with a comma after it), where any cost growing with the line shows
PROBE_UNITS = [
    "3月底前",
    "今年",
    "上年",
    "每年",
    "按季",
    "十四五",
    "“十四五”",
    "到2020年，",
    "第一条",
    "第一章",
    "一、",
    "（一）",
    "1.",
    "（1）",
    "①",
    "专栏1",
    "附件1",
    "《条例》",
    "国发〔2013〕1号",
    "国务院令第1号",
    "牵头单位：",
    "责任单位：公安部",
    "公安部负责，",
    "配合",
    "达到90%",
    "增长10%",
    "不少于100名",
    "1/3",
    "三分之一",
    "翻一番",
    "比上年",
    "万元",
    "以上",
    "关于",
    "通知",
    "各省：",
    "抄送：",
    "印发",
    "附件：1.",
    "施行",
    "通过",
    "公布",
    "年度",
    "季度",
    "上半年",
    "春季",
    "底前",
    "2013年3月2日",
    "二〇一三年三月二日",
    "（2013-2020年）",
    "第1页",
    "·",
    "……",
    "率",
    "到2025年",
    "以前",
    "至",
    "、",
    "人民政府",
    "办公厅",
    "国务院",
    "根据《",
    "号）",
    "〔",
    "〕",
    "依照",
    "本办法自",
    "起施行",
    "（",
    "）",
    "：",
    "；",
    "2013",
    "年",
    "月",
    "日",
    "号",
    "万",
    "亿",
    "%",
    "个",
    "名",
    "1月1日至",
    "12月31日-",
]


def probe(sizes: list[int], name: str) -> None:
    """Time the pipeline on each of :data:`PROBE_UNITS` repeated to the smallest and largest size
    (best of 2 and of 1), alone and followed by a comma, and flag ratios over 1.5."""
    run = RUNNERS["pipeline"]
    small, large = sizes[0], sizes[-1]
    results: dict[str, dict[str, float]] = {}
    print(f"{'unit':<24}{f'{small // 1000}K µs/c':>12}{f'{large // 1000}K µs/c':>12}{'ratio':>8}")
    for unit in PROBE_UNITS:
        for variant in (unit, unit + "，"):
            per_char = [best_of(run, _repeat(variant)(n), r) / n for n, r in ((small, 2), (large, 1))]
            ratio = per_char[1] / per_char[0] if per_char[0] > 0 else 1.0
            results[variant] = {str(small): per_char[0], str(large): per_char[1], "ratio": ratio}
            flag = "  <<<" if ratio > 1.5 else ""
            print(f"{variant!r:<24}{per_char[0] * 1e6:>12.2f}{per_char[1] * 1e6:>12.2f}{ratio:>8.2f}{flag}", flush=True)
    flagged = {k: round(v["ratio"], 2) for k, v in results.items() if v["ratio"] > 1.5}
    print("ratios over 1.5 (recheck them alone: a busy machine makes single runs jump):", flagged)
    path = write_result(name, {"sizes": [small, large], "units": results})
    print(f"written to {path}")


def best_of(run: Callable[[str], object], text: str, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        run(text)
        best = min(best, time.perf_counter() - t0)
    return best


def staged_run(text: str) -> tuple[Extraction, dict[str, float]]:
    """One whole-pipeline run over ``text`` with the seconds each stage took (``normalize``, each
    label's extractor, ``link``, ``collect``).

    A label's stage is its own extractor only (what it reads upstream is timed in the stages
    before it), so its time per character is stricter than its runner's, which adds normalization.
    """
    seconds: dict[str, float] = {}
    result, _ = Pipeline.default().extract_with_context(text, timings=seconds)
    return result, seconds


def stages(names: list[str], sizes: list[int], repeats: int, name: str) -> None:
    """Per-stage time per character at each size (best of ``repeats`` per stage) and the ratios."""
    results: dict[str, dict[str, dict[str, float]]] = {}
    header = "".join(f"{f'{s // 1000}K':>9}" for s in sizes)
    print(f"{'input':<11}{'stage':<17}{header}{'ratio':>8}  (µs per character)")
    for input_name in names:
        best: list[dict[str, float]] = []
        for size in sizes:
            text = INPUTS[input_name](size)
            runs = [staged_run(text)[1] for _ in range(repeats_for(size, sizes[-1], repeats))]
            best.append({stage: min(run[stage] for run in runs) / size for stage in runs[0]})
        for stage in best[0]:
            per_char = [b[stage] for b in best]
            # a stage that takes under 1 % of the pipeline at 200 KB is timed, not judged: its ratio
            # is that of a few milliseconds, and what it adds is bounded by that 1 %
            judged = per_char[0] >= 0.01 * sum(best[0].values())
            ratio = max(per_char[1:]) / per_char[0] if len(per_char) > 1 and per_char[0] > 0 else 1.0
            results.setdefault(stage, {})[input_name] = {
                **{str(s): p for s, p in zip(sizes, per_char, strict=True)},
                "ratio": ratio,
                "judged": float(judged),
            }
            cells = "".join(f"{p * 1e6:>9.3f}" for p in per_char)
            print(f"{input_name:<11}{stage:<17}{cells}{ratio:>8.2f}{'' if judged else '  (<1 %)'}", flush=True)
    worst = {
        stage: max((v["ratio"] for v in by_input.values() if v["judged"]), default=None)
        for stage, by_input in results.items()
    }
    print("worst judged ratio per stage:", {k: None if v is None else round(v, 2) for k, v in worst.items()})
    path = write_result(name, {"sizes": sizes, "worst_ratio": worst, "seconds_per_char": results})
    print(f"written to {path}")


def repeats_for(size: int, largest: int, repeats: int) -> int:
    """``repeats`` runs, more for a size much smaller than the largest (one more set per tenfold):
    the baseline of every ratio is the smallest size, and a short run is the one a busy machine or
    the heap left by the previous input disturbs most.

    >>> repeats_for(200_000, 10_000_000, 3), repeats_for(2_000_000, 10_000_000, 3)
    (15, 3)
    """
    return repeats * max(1, largest // (10 * size))


def peak_memory(run: Callable[[str], object], text: str) -> float:
    """Peak bytes Python allocates during one ``run(text)``, as a multiple of the UTF-8 size."""
    tracemalloc.start()
    try:
        run(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak / len(text.encode("utf-8", "surrogatepass"))


def huge(size: int) -> None:
    """Time one whole-pipeline run over ``size`` characters of real text."""
    text = _real(size)
    t0 = time.perf_counter()
    result = RUNNERS["pipeline"](text)
    seconds = time.perf_counter() - t0
    counts = {k: len(v) for k, v in result.model_dump().items() if isinstance(v, list)}
    print(f"pipeline over {size:,} characters: {seconds:.1f} s, {size / seconds:,.0f} chars/s; {counts}")
    write_result("scaling-huge", {"chars": size, "seconds": seconds, "records": counts})


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="200000,2000000,10000000")
    parser.add_argument("--labels", default=",".join(RUNNERS))
    parser.add_argument("--inputs", default=",".join(INPUTS))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--memory",
        default="pipeline",
        help="labels whose peak memory is measured ('' for none); the pipeline's bounds every label's",
    )
    parser.add_argument("--name", default="scaling", help="results go to benchmarks/results/NAME.json")
    parser.add_argument("--huge", type=int, default=0, help="only time the pipeline over this many characters")
    parser.add_argument(
        "--probe",
        action="store_true",
        help="time the pipeline on each word or mark an extractor reacts to, repeated into a long line "
        "(--sizes: the first and last)",
    )
    parser.add_argument(
        "--stages",
        action="store_true",
        help="time each stage of whole-pipeline runs (normalize, every label's extractor, link) on --inputs",
    )
    args = parser.parse_args(argv)
    if args.huge:
        huge(args.huge)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.probe:
        probe(sizes, args.name)
        return
    if args.stages:
        stages(args.inputs.split(","), sizes, args.repeats, args.name)
        return
    memory_labels = set(filter(None, args.memory.split(",")))
    results: dict[str, dict[str, dict[str, float]]] = {}
    header = "".join(f"{f'{s // 1000}K s/Mc':>14}" for s in sizes)
    print(f"{'label':<17}{'input':<11}{header}{'ratio':>8}{'memory':>8}")
    for label in args.labels.split(","):
        run = RUNNERS[label]
        for name in args.inputs.split(","):
            per_char = []
            for size in sizes:
                text = INPUTS[name](size)
                per_char.append(best_of(run, text, repeats_for(size, sizes[-1], args.repeats)) / size)
            ratio = max(per_char[1:]) / per_char[0] if len(per_char) > 1 else 1.0
            memory = peak_memory(run, INPUTS[name](sizes[-1])) if label in memory_labels else float("nan")
            results.setdefault(label, {})[name] = {
                **{str(s): p for s, p in zip(sizes, per_char, strict=True)},
                "ratio": ratio,
                "memory_x_utf8": memory,
            }
            cells = "".join(f"{p * 1e6:>14.3f}" for p in per_char)
            print(f"{label:<17}{name:<11}{cells}{ratio:>8.2f}{memory:>8.1f}", flush=True)
    worst = {
        label: {
            "ratio": max(v["ratio"] for v in by_input.values()),
            "memory_x_utf8": max(
                (v["memory_x_utf8"] for v in by_input.values() if v["memory_x_utf8"] == v["memory_x_utf8"]),
                default=None,
            ),
        }
        for label, by_input in results.items()
    }
    for label, w in worst.items():
        print(f"worst {label:<17} ratio {w['ratio']:.2f}  memory {w['memory_x_utf8']}")
    path = write_result(args.name, {"sizes": sizes, "worst": worst, "seconds_per_char": results})
    print(f"written to {path}")


if __name__ == "__main__":
    main()
