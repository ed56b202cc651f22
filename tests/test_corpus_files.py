"""The CLI over every seed (and over ../shared/external when present): valid JSON, offsets hold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from govextract import Extraction, check_offsets
from govextract.cli import decode
from tests.conftest import ROOT, SEEDS

EXTERNAL = ROOT.parent / "shared" / "external"


def _check_dir(directory: Path) -> int:
    done = subprocess.run(
        [sys.executable, "-m", "govextract", "extract", str(directory), "--format", "jsonl"],
        capture_output=True,
        check=True,
    )
    rows = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    for row in rows:
        raw = decode(Path(row["file"]).read_bytes())  # as the command read it: no newline translation
        result = Extraction.model_validate(row["records"])
        assert check_offsets(result, raw) == [], row["file"]
    return len(rows)


def test_cli_on_seeds() -> None:
    assert _check_dir(SEEDS) == 5


@pytest.mark.skipif(not EXTERNAL.is_dir(), reason="../shared/external is not beside this checkout")
def test_cli_on_external_documents() -> None:
    assert _check_dir(EXTERNAL) == len([p for p in EXTERNAL.iterdir() if p.suffix in (".txt", ".md")])
