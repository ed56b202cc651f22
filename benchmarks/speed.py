"""Throughput: characters per second per label over the seeds concatenated 10 times (median of 10).

python -m benchmarks.speed [--runs 10] [--copies 10] [--installed]

From the repository, ``import govextract`` finds the source tree (pure Python); ``--installed``
measures the installed package instead (compiled where the build could: ``pip install .``) and
writes ``results/speed-installed.json``.
"""

from __future__ import annotations

import argparse
import filecmp
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from benchmarks.common import RUNNERS, seed_texts, write_result


def import_time() -> tuple[float, float]:
    """Seconds to import govextract, and then to make the first ``extract()`` call, in a fresh
    interpreter (best of 5 each)."""
    best_import = best_first = float("inf")
    code = (
        "import time; t=time.perf_counter(); import govextract; a=time.perf_counter()-t; "
        "govextract.extract('国发〔2013〕10号 2013年3月2日'); print(a, time.perf_counter()-t-a)"
    )
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        a, b = (float(x) for x in out.stdout.split())
        best_import, best_first = min(best_import, a), min(best_first, b)
    return best_import, best_first


def many_throughput(texts: list[str], runs: int) -> dict[str, float]:
    """Characters per second of ``extract_many`` over separate texts, one and two processes (median)."""
    from govextract import extract_many

    chars = sum(map(len, texts))
    out: dict[str, float] = {}
    for n in (1, 2):
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            for _result in extract_many(texts, n_process=n, batch_size=1):
                pass
            times.append(time.perf_counter() - t0)
        out[f"many n_process={n}"] = chars / statistics.median(times)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--installed", action="store_true", help="measure the installed package")
    args = parser.parse_args(argv)
    if args.installed:
        _run_installed(args)
        return
    import govextract

    mode = "compiled" if govextract.compiled() else "pure Python"
    text = "\n\n".join(seed_texts()) * args.copies
    results: dict[str, dict[str, float]] = {}
    print(f"govextract {govextract.__file__} ({mode})")
    print(f"{len(text):,} characters (seeds x {args.copies}), median of {args.runs} runs")
    print(f"{'label':<14}{'chars/s':>14}{'median s':>10}{'peak MiB':>10}")
    for label, run in RUNNERS.items():
        run(text)  # warm caches, data files and the allocator
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            run(text)
            times.append(time.perf_counter() - t0)
        tracemalloc.start()
        run(text)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        med = statistics.median(times)
        results[label] = {"chars_per_s": len(text) / med, "median_s": med, "peak_mib": peak}
        print(f"{label:<14}{len(text) / med:>14,.0f}{med:>10.3f}{peak:>10.1f}")
    many = many_throughput(seed_texts() * args.copies, runs=max(1, args.runs // 2))
    for name, cps in many.items():
        print(f"{name:<14}{cps:>14,.0f}")
    imp, first = import_time()
    print(f"import govextract: {imp * 1000:.0f} ms; first extract() call: {first * 1000:.0f} ms")
    path = write_result(
        "speed-installed" if _is_installed(govextract.__file__) else "speed",
        {
            "compiled": govextract.compiled(),
            "chars": len(text),
            "runs": args.runs,
            "labels": results,
            "extract_many": many,
            "import_s": imp,
            "first_call_s": first,
        },
    )
    print(f"written to {path}")


ROOT = Path(__file__).resolve().parent.parent


def _is_installed(module_file: str) -> bool:
    return Path(module_file).resolve().parent != ROOT / "govextract"


def _run_installed(args: argparse.Namespace) -> None:
    """Rerun this benchmark where ``import govextract`` finds the installed package: a child
    interpreter outside the repository, with the repository at the end of its path (for
    ``benchmarks``)."""
    code = (
        f"import sys; sys.path.append({str(ROOT)!r}); from benchmarks.speed import main; "
        f"main(['--runs', '{args.runs}', '--copies', '{args.copies}'])"
    )
    probe = "import govextract, pathlib; print(pathlib.Path(govextract.__file__).parent)"
    with tempfile.TemporaryDirectory() as away:
        found = subprocess.run([sys.executable, "-c", probe], cwd=away, capture_output=True, text=True)
        if found.returncode != 0:
            raise SystemExit("govextract is not installed: pip install .")
        installed = Path(found.stdout.strip())
        stale = [
            str(p.relative_to(ROOT))
            for p in (ROOT / "govextract").rglob("*.py")
            if not (installed / p.relative_to(ROOT / "govextract")).exists()
            or not filecmp.cmp(p, installed / p.relative_to(ROOT / "govextract"), shallow=False)
        ]
        if stale:
            print(f"warning: the installed copy differs from the source in {', '.join(stale[:5])}: pip install .")
        subprocess.run([sys.executable, "-c", code], cwd=away, check=True)


if __name__ == "__main__":
    main()
