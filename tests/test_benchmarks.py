"""The benchmarks measure what the library does."""

from __future__ import annotations

from benchmarks.scaling import INPUTS, staged_run
from govextract import extract
from tests.conftest import seed_text


def test_the_staged_run_gives_the_records_of_extract() -> None:
    for text in (seed_text("004")[:40000], INPUTS["duties"](3000), INPUTS["headings"](3000)):
        result, seconds = staged_run(text)
        assert result == extract(text)
        assert list(seconds)[:2] == ["normalize", "doc_numbers"] and list(seconds)[-2:] == ["link", "collect"]
        assert all(v >= 0 for v in seconds.values())
