"""The public API: __all__, types, labels, errors, composability."""

from __future__ import annotations

import datetime as dt
import itertools
import pickle
import subprocess
import sys
from collections.abc import Iterator

import pytest

import govextract
from govextract import Context, DocNumber, Extraction, NormText, Pipeline, extract, normalize
from govextract.extractors import DocNumberExtractor

EXPECTED_ALL = [
    "LABELS",
    "SCHEMA_VERSION",
    "Citation",
    "CitationExtractor",
    "Context",
    "DateExtractor",
    "DateMention",
    "Department",
    "DepartmentInfo",
    "DocNumber",
    "DocNumberExtractor",
    "Document",
    "DocumentExtractor",
    "Extraction",
    "Extractor",
    "LogicalLine",
    "NormText",
    "Pipeline",
    "Quantity",
    "QuantityExtractor",
    "Responsibility",
    "ResponsibilityExtractor",
    "Section",
    "SectionExtractor",
    "Target",
    "TargetExtractor",
    "__version__",
    "check_offsets",
    "compiled",
    "extract",
    "extract_citations",
    "extract_dates",
    "extract_doc_numbers",
    "extract_documents",
    "extract_many",
    "extract_quantities",
    "extract_responsibilities",
    "extract_sections",
    "extract_targets",
    "lookup_department",
    "normalize",
    "parse_int",
    "parse_number",
]


def test_all_is_sorted_and_exact() -> None:
    assert govextract.__all__ == EXPECTED_ALL

    # isort-style order: CONSTANTS, then Classes, then functions
    def kind(name: str) -> tuple[int, str]:
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert govextract.__all__ == sorted(govextract.__all__, key=kind)
    for name in govextract.__all__:
        assert hasattr(govextract, name), name


def test_import_does_not_import_spacy() -> None:
    code = "import sys, govextract; govextract.extract('国发〔2013〕1号'); print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("bad", [None, b"\xe5\x9b\xbd", 12, ["国发"]])
def test_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        extract(bad)  # type: ignore[arg-type]


def test_empty_and_odd_strings() -> None:
    assert extract("") == Extraction()
    assert extract("\x00\ud800国发〔2013〕10号\udfff").doc_numbers[0].start == 2


def test_labels() -> None:
    result = extract("国发〔2013〕10号", labels=["doc_numbers"])
    assert len(result.doc_numbers) == 1
    with pytest.raises(ValueError, match="unknown label"):
        extract("x", labels=["doc_number"])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        extract("x", reference_date="2016-01-01")  # type: ignore[arg-type]
    result = extract("x", reference_date=dt.date(2016, 1, 1))
    assert result.doc_numbers == [] and [(d.start, d.end, d.title) for d in result.documents] == [(0, 1, None)]


def test_schema_version_and_dump_roundtrip() -> None:
    result = extract("根据国发〔2013〕10号和国务院令第588号")
    dumped = result.model_dump(mode="json")
    assert dumped["schema_version"] == 1
    assert set(dumped) == {"schema_version", *govextract.LABELS}
    assert Extraction.model_validate(dumped) == result


class CountCommas:
    """A user's own extractor: sees the doc numbers found before it."""

    label = "comma_runs"
    requires = ("doc_numbers",)

    def extract(self, text: NormText, ctx: Context, /) -> Iterator[tuple[int, int]]:
        for n in ctx.get("doc_numbers"):
            yield (n.start, n.end)


def test_user_extractor_sees_earlier_records() -> None:
    pipe = Pipeline([DocNumberExtractor(), CountCommas()])
    result, ctx = pipe.extract_with_context("依据国发〔2013〕10号")
    assert ctx.records["comma_runs"] == [(2, 13)]
    assert isinstance(result.doc_numbers[0], DocNumber)


def test_pipeline_rejects_non_extractors() -> None:
    with pytest.raises(TypeError):
        Pipeline([object()])  # type: ignore[list-item]


def test_the_collector_is_back_after_extract_and_after_an_error() -> None:
    import gc

    assert gc.isenabled()
    extract("国发〔2013〕10号")
    assert gc.isenabled()
    normalize("２０１３年")
    assert gc.isenabled()
    with pytest.raises(ValueError):
        extract("x", labels=["nope"])  # type: ignore[list-item]
    assert gc.isenabled()
    gc.disable()
    try:
        extract("国发〔2013〕10号")
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()


def test_nothing_stays_frozen_and_a_callers_frozen_objects_stay_frozen() -> None:
    import gc

    assert gc.get_freeze_count() == 0
    extract("国发〔2013〕10号")
    assert gc.get_freeze_count() == 0
    mine = [{"x": 1} for _ in range(100)]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen >= len(mine)
        extract("国发〔2013〕10号")
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_linking_in_place_equals_model_copy() -> None:
    from govextract.linking import _set_links
    from govextract.records import LABELS
    from tests.conftest import seed_text

    result = extract(seed_text("004")[:30000])
    records = [r for label in LABELS if label != "documents" for r in getattr(result, label)]
    assert records
    for r in records:
        expected = r.model_copy(update={"document": 3, "section": 7})
        linked = _set_links(r, 3, 7)
        assert linked is r
        assert linked == expected
        assert linked.model_dump() == expected.model_dump()
        assert linked.model_fields_set == expected.model_fields_set
        with pytest.raises(ValueError):
            linked.start = 0  # type: ignore[misc]  # still frozen


def test_nested_mentions_are_their_listed_records() -> None:
    from tests.conftest import seed_text

    result = extract(seed_text("001"))
    listed = {id(q) for q in result.quantities}
    nested = [t.quantity for t in result.targets]
    assert nested
    assert all(id(q) in listed for q in nested)  # one object, linked once
    assert all(q.document is not None for q in nested)
    numbers = {id(n) for n in result.doc_numbers}
    own = [d.doc_number for d in result.documents if d.doc_number is not None]
    assert own
    assert all(id(n) in numbers and n.document is not None for n in own)


def test_records_share_their_sets_of_set_fields_and_copies_do_not() -> None:
    from govextract.records import LABELS, Record
    from tests.conftest import seed_text

    result = extract(seed_text("004")[:30000])
    records = [r for label in LABELS for r in getattr(result, label)]
    by_value: dict[frozenset[str], set[str]] = {}
    for r in records:
        fields_set = r.model_fields_set
        # the same value as the record built by its constructor
        rebuilt = type(r)(**{name: getattr(r, name) for name in fields_set})
        assert fields_set == rebuilt.model_fields_set
        assert by_value.setdefault(frozenset(fields_set), fields_set) is fields_set  # one object per value
    assert len(by_value) < len(records) / 10
    first: Record = result.dates[0]
    shared = first.model_fields_set
    before = set(shared)
    copy = first.model_copy(update={"rule": "x"})
    assert copy.model_fields_set is not shared and shared == before  # pydantic copies before adding
    assert copy.model_dump(exclude_unset=True)["rule"] == "x"
    with pytest.raises(ValueError):
        first.rule = "y"  # type: ignore[misc]  # frozen: no set is added to in place
    assert shared == before
    back = pickle.loads(pickle.dumps(result))
    assert back == result
    assert back.dates[0].model_fields_set is shared  # unpickled records share them too


@pytest.mark.skipif(
    not __import__("os").environ.get("GOVEXTRACT_EXPECT_COMPILED"),
    reason="set GOVEXTRACT_EXPECT_COMPILED=1 where the tests run against a compiled install",
)
def test_the_installed_package_is_compiled() -> None:
    assert govextract.compiled(), govextract.__file__


def test_overlapping_spans_keep_the_longest_then_the_leftmost() -> None:
    from govextract.linking import resolve_overlaps
    from govextract.records import Span

    def span(start: int, end: int) -> Span:
        return Span(start=start, end=end, text="x" * (end - start))

    spans = [span(0, 2), span(1, 4), span(3, 5), span(4, 6), span(6, 6), span(8, 10), span(9, 11)]
    kept = resolve_overlaps(spans)
    # 1-4 is the longest; of the two-character spans left, 4-6 touches it without overlapping, 8-10
    # wins the tie with 9-11 by starting first; an empty span is always kept
    assert [(s.start, s.end) for s in kept] == [(1, 4), (4, 6), (6, 6), (8, 10)]
    assert resolve_overlaps([]) == []


def test_overlaps_of_alternating_lengths_are_resolved_alike() -> None:
    from govextract.linking import resolve_overlaps
    from govextract.records import Span

    # spans of two lengths alternating, each overlapping its neighbours: the longer ones win
    spans = [Span(start=i, end=i + (3 if i % 2 else 2), text="x" * (3 if i % 2 else 2)) for i in range(0, 400)]
    kept = resolve_overlaps(spans)
    assert all(s.end - s.start == 3 for s in kept[:-1])
    assert all(a.end <= b.start for a, b in itertools.pairwise(kept))
