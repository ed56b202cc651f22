"""The ``govextract`` command: ``extract`` files, directories or stdin; print the ``schema``.

Records go to stdout as JSON; messages go to stderr. The exit status is 0 when every input was
read, 1 when some input could not be read (the others are still processed), 2 for bad usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from govextract.many import extract_many
from govextract.pipeline import _check_labels
from govextract.records import LABELS, Extraction, Quantity, Responsibility, Target

#: file name endings read when a directory is given
TEXT_SUFFIXES = (".txt", ".md", ".text")


class InputError(Exception):
    """An input that cannot be read or decoded."""


def decode(data: bytes, name: str = "<input>") -> str:
    """Decode bytes as UTF-8 (a BOM is dropped), falling back to GB18030.

    >>> decode("国发".encode("gb18030"))
    '国发'
    >>> decode(b"\\xff\\xfe\\xfa")
    Traceback (most recent call last):
    ...
    govextract.cli.InputError: <input>: neither UTF-8 nor GB18030
    """
    if not isinstance(data, bytes):
        raise TypeError(f"decode() takes bytes, not {type(data).__name__}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError(f"{name}: neither UTF-8 nor GB18030") from None


def iter_inputs(paths: Sequence[str]) -> Iterator[Path | None]:
    """Expand the command-line paths: files as given, directories recursively, ``-`` as None."""
    for p in paths:
        if p == "-":
            yield None
            continue
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for f in sorted(files):
                    if f.endswith(TEXT_SUFFIXES):
                        yield Path(root) / f
        else:
            yield path


def _read(path: Path | None) -> str:
    if path is None:
        return decode(sys.stdin.buffer.read(), "<stdin>")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: {e.strerror or e}") from None
    return decode(data, str(path))


def _table_rows(result: Extraction, labels: frozenset[str] | None) -> Iterator[tuple[str, int, int, str, str]]:
    for label in LABELS:
        if labels is not None and label not in labels:
            continue
        for r in result.records(label):
            if label == "documents":
                yield label, r.start, r.end, str(r.title or ""), str(r.doc_type or "")  # type: ignore[attr-defined]
                continue
            yield label, r.start, r.end, r.text.replace("\n", "⏎"), _value(r)  # type: ignore[attr-defined]


def _value(r: object) -> str:
    """The normalized value of a record, as the table's last column shows it."""
    if isinstance(r, Responsibility):
        lead = "、".join(d.name for d in r.lead)
        support = "、".join(d.name for d in r.support)
        return f"lead: {lead}" + (f"; support: {support}" if support else "")
    if isinstance(r, Target):
        q = r.quantity
        return f"{r.indicator} {q.comparator} {q.value:g} {q.unit or ''} ({r.year or '-'}, {r.change})"
    if isinstance(r, Quantity):
        return f"{r.comparator} {r.value:g} {r.unit or ''}".rstrip()
    value = getattr(r, "normalized", None) or getattr(r, "kind", None) or getattr(r, "title", "")
    return str(value)


def _progress(done: int, total: int, stream: TextIO) -> None:
    width = 30
    filled = width * done // max(total, 1)
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        stream.write("\n")
    stream.flush()


def _cmd_extract(args: argparse.Namespace) -> int:
    labels = _check_labels(args.labels.split(",")) if args.labels else None
    inputs = list(iter_inputs(args.paths))
    show_progress = args.progress or (len(inputs) >= 20 and sys.stderr.isatty())
    status = 0
    out = sys.stdout
    first = True
    names: deque[str] = deque()

    def readable() -> Iterator[str]:
        """The texts of the inputs that can be read; a failure is reported and skipped."""
        nonlocal status
        for path in inputs:
            name = "-" if path is None else str(path)
            try:
                text = _read(path)
            except InputError as e:
                print(f"govextract: {e}", file=sys.stderr)
                status = 1
                continue
            names.append(name)
            yield text

    chosen = sorted(labels) if labels else None
    results = extract_many(readable(), n_process=args.jobs, batch_size=1, labels=chosen)  # type: ignore[arg-type]
    if args.format == "json":
        out.write("[")
    for i, result in enumerate(results, 1):
        name = names.popleft()
        if args.format == "table":
            out.write(f"== {name}\n")
            for label, start, end, surface, value in _table_rows(result, labels):
                out.write(f"{label}\t{start}\t{end}\t{surface}\t{value}\n")
        else:
            keep = None if labels is None else {"schema_version", *labels}
            record = {"file": name, "records": result.model_dump(mode="json", include=keep)}
            line = json.dumps(record, ensure_ascii=False)
            if args.format == "json":
                out.write(("\n" if first else ",\n") + line)
            else:
                out.write(line + "\n")
                out.flush()  # JSONL streams: each file's line is out as soon as it is done
        first = False
        if show_progress:
            _progress(i, len(inputs), sys.stderr)
    if args.format == "json":
        out.write("\n]\n" if not first else "]\n")
    out.flush()
    return status


def _parse_thresholds(items: Sequence[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for item in items:
        label, sep, value = item.partition("=")
        if not sep:
            raise ValueError(f"--min-f1 takes LABEL=VALUE, not {item!r}")
        _check_labels([label])
        try:
            out[label] = float(value)
        except ValueError:
            raise ValueError(f"--min-f1 {item!r}: {value!r} is not a number") from None
    return out


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from govextract.corpus import load_corpus, load_splits
    from govextract.evaluate import evaluate

    thresholds = _parse_thresholds(args.min_f1 or [])
    labels = sorted(_check_labels(args.labels.split(",")) or ()) if args.labels else None
    gold_path = Path(args.gold)
    try:
        gold = load_corpus(gold_path)
    except OSError as e:
        raise InputError(f"{gold_path}: {e.strerror or e}") from None
    splits = None
    if args.split:
        splits_path = Path(args.splits) if args.splits else gold_path.with_name("splits.json")
        if not splits_path.exists():
            raise ValueError(f"--split needs a splits file; {splits_path} does not exist (use --splits)")
        splits = load_splits(splits_path)
    report = evaluate(gold, split=args.split, splits=splits, labels=labels)  # type: ignore[arg-type]
    print(report.table())
    if args.errors:
        for sc in report.labels.values():
            for err in sc.errors[: args.errors]:
                print(err.describe())
    if args.json:
        Path(args.json).write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    failures = report.below(thresholds)
    for f in failures:
        print(f"govextract: below threshold: {f}", file=sys.stderr)
    return 1 if failures else 0


def _cmd_schema(args: argparse.Namespace) -> int:
    del args
    json.dump(Extraction.model_json_schema(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer, not {value}")
    return n


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``govextract`` command."""
    parser = argparse.ArgumentParser(prog="govextract", description="Typed records from Chinese government documents.")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract records from files, directories or - (stdin)")
    ex.add_argument("paths", nargs="+", metavar="PATH")
    ex.add_argument("--labels", help=f"comma-separated labels to keep: {','.join(LABELS)}")
    ex.add_argument("--format", choices=["json", "jsonl", "table"], default="json")
    ex.add_argument("--progress", action="store_true", help="show a progress bar on stderr")
    ex.add_argument("--jobs", type=_positive, default=1, metavar="N", help="worker processes (default 1)")
    ex.set_defaults(func=_cmd_extract)
    ev = sub.add_parser("evaluate", help="score the library on an annotated corpus JSONL")
    ev.add_argument("gold", metavar="GOLD.jsonl")
    ev.add_argument("--split", choices=["dev", "test"])
    ev.add_argument("--splits", help="the split file (default: splits.json beside GOLD)")
    ev.add_argument("--labels", help="comma-separated labels to score")
    ev.add_argument("--min-f1", action="append", metavar="LABEL=F1", help="fail when value-F1 is lower")
    ev.add_argument("--errors", type=int, default=0, metavar="N", help="print up to N errors per label")
    ev.add_argument("--json", metavar="OUT", help="write the figures as JSON")
    ev.set_defaults(func=_cmd_evaluate)
    sc = sub.add_parser("schema", help="print the JSON schema of the records")
    sc.set_defaults(func=_cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.func(args)
    except InputError as e:
        print(f"govextract: {e}", file=sys.stderr)
        return 1
    except ValueError as e:
        print(f"govextract: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    return status


if __name__ == "__main__":
    sys.exit(main())
