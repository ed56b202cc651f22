"""extract_many: order, processes, batches, streaming, progress, errors; the CLI's --jobs."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from govextract import extract, extract_many
from govextract.cli import main

TEXTS = [
    "国发〔2013〕10号",
    "到2020年，森林覆盖率达到40%（林业厅负责，财政厅配合）。",
    "",
    "依据国办发〔2016〕64号和川府发〔2013〕13号。",
    "二〇一三年三月二日",
]


@pytest.mark.parametrize(("n_process", "batch_size"), [(1, 16), (2, 1), (2, 2), (3, 16)])
def test_results_are_in_input_order_and_equal_extract(n_process: int, batch_size: int) -> None:
    texts = TEXTS * 3
    results = list(extract_many(texts, n_process=n_process, batch_size=batch_size))
    assert results == [extract(t) for t in texts]


def test_labels_and_reference_date_pass_through() -> None:
    import datetime as dt

    (r,) = extract_many(["3月2日完成"], n_process=2, labels=["dates"], reference_date=dt.date(2016, 5, 1))
    assert r.quantities == [] and r.dates and r.dates[0].start_date == dt.date(2016, 3, 2)


def test_an_endless_iterable_streams() -> None:
    endless = itertools.cycle(TEXTS)
    first = list(itertools.islice(extract_many(endless, n_process=2, batch_size=2), 7))
    assert [len(r.doc_numbers) for r in first] == [1, 0, 0, 2, 0, 1, 0]


def test_progress_callback_counts_texts() -> None:
    seen: list[int] = []
    list(extract_many(TEXTS, progress=seen.append))
    assert seen == [1, 2, 3, 4, 5]


def test_bad_arguments() -> None:
    with pytest.raises(TypeError, match="iterable of str"):
        extract_many("国发〔2013〕10号")
    with pytest.raises(ValueError, match="n_process"):
        extract_many(TEXTS, n_process=0)
    with pytest.raises(ValueError, match="batch_size"):
        extract_many(TEXTS, batch_size=0)
    with pytest.raises(TypeError):
        list(extract_many(["ok", None], n_process=2))  # type: ignore[list-item]


def test_cli_jobs_keeps_file_order_and_reports_failures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i, text in enumerate(TEXTS):
        (tmp_path / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    missing = tmp_path / "gone" / "missing.txt"
    status = main(["extract", str(missing), str(tmp_path), "--jobs", "2", "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert status == 1 and "missing.txt" in err  # reported, and the other files still done
    lines = [json.loads(line) for line in out.splitlines()]
    assert [Path(line["file"]).name for line in lines] == [f"{i:02d}.txt" for i in range(5)]
    assert [len(line["records"]["doc_numbers"]) for line in lines] == [1, 0, 0, 2, 0]
