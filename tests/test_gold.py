"""Every gold file: slices equal text, fields valid, no duplicates, parents consistent, documents hold."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import pytest

from govextract.corpus import CorpusLine, load_corpus, load_splits
from govextract.evaluate import _key
from govextract.records import LABELS
from tests.conftest import ROOT

GOLD = ROOT / "corpora" / "seeds.jsonl"
SPLITS = ROOT / "corpora" / "splits.json"


@pytest.fixture(scope="module")
def gold() -> list[CorpusLine]:
    return load_corpus(GOLD)  # validates every record and every offset


def test_every_seed_is_annotated(gold: list[CorpusLine]) -> None:
    assert [line.id for line in gold] == ["000", "001", "002", "003", "004"]
    for line in gold:
        assert line.text == (ROOT / "corpora" / "texts").glob(f"{line.id}_*.txt").__next__().read_text(encoding="utf-8")
        for label in LABELS:
            assert line.records.records(label), (line.id, label)


def test_no_duplicates(gold: list[CorpusLine]) -> None:
    for line in gold:
        for label in LABELS:
            if label == "responsibilities":
                keys = [
                    (r.start, r.end, tuple(d.name for d in r.lead), tuple(d.name for d in r.support))
                    for r in line.records.responsibilities
                ]
            else:
                keys = [(r.start, r.end, _key(label, r, line.text)) for r in line.records.records(label)]  # type: ignore[attr-defined]
            dupes = [k for k, n in Counter(keys).items() if n > 1]
            assert not dupes, (line.id, label, dupes[:3])


def test_section_parents(gold: list[CorpusLine]) -> None:
    for line in gold:
        sections = line.records.sections
        for i, s in enumerate(sections):
            if s.parent is None:
                continue
            parent = sections[s.parent]
            assert s.parent < i
            assert parent.level < s.level
            assert parent.document == s.document


def test_records_inside_their_documents(gold: list[CorpusLine]) -> None:
    for line in gold:
        docs = line.records.documents
        assert all(a.end <= b.start for a, b in pairwise(docs)), "documents overlap"
        for m in line.records.mentions():
            if m.document is None:
                assert not any(d.start <= m.start < d.end for d in docs)
            else:
                d = docs[m.document]
                assert d.start <= m.start and m.end <= d.end, (line.id, m.text)


def test_split_covers_every_document_once(gold: list[CorpusLine]) -> None:
    splits = load_splits(SPLITS)
    n_test = 0
    for line in gold:
        dev, test = splits.documents("dev", line.id), splits.documents("test", line.id)
        assert not dev & test
        assert dev | test == set(range(len(line.records.documents)))
        n_test += len(test)
    n_all = sum(len(line.records.documents) for line in gold)
    assert 0.25 <= n_test / n_all <= 0.35
