"""The evaluator: matching, keys, responsibility pairs, splits, thresholds and the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from govextract.cli import main
from govextract.corpus import CorpusLine, Splits, dump_corpus, load_corpus
from govextract.evaluate import match_spans, norm_str, score
from govextract.records import (
    DateMention,
    Department,
    DocNumber,
    Document,
    Extraction,
    Quantity,
    Responsibility,
    Section,
)

TEXT = "国务院关于某事的通知\n国发〔2013〕10号\n到2015年，完成95%以上。（公安部负责，教育部、民政部配合）\n"


def dn(start: int, serial: int = 10) -> DocNumber:
    return DocNumber(
        start=start,
        end=start + 11,
        text=TEXT[start : start + 11],
        kind="bracketed",
        issuer_code="国发",
        year=2013,
        serial=serial,
    )


def qty(start: int, end: int, value: float, comparator: str = ">=") -> Quantity:
    return Quantity(start=start, end=end, text=TEXT[start:end], value=value, unit="%", comparator=comparator)  # type: ignore[arg-type]


def dept(name: str) -> Department:
    i = TEXT.index(name)
    return Department(start=i, end=i + len(name), text=name, name=name)


def clause(lead: list[str], support: list[str]) -> Responsibility:
    s = TEXT.index("（公安部")
    e = TEXT.index("配合）") + 3
    return Responsibility(
        start=s, end=e, text=TEXT[s:e], lead=[dept(n) for n in lead], support=[dept(n) for n in support]
    )


def line(records: Extraction) -> CorpusLine:
    return CorpusLine(id="t", text=TEXT, records=records)


def test_match_spans_greedy_largest_overlap() -> None:
    assert match_spans([(0, 10)], [(0, 3), (2, 9)]) == [(0, 1)]
    assert match_spans([(0, 4), (4, 8)], [(2, 6)]) == [(0, 0)]  # tie: nearer start
    assert match_spans([(0, 10)], [(9, 20)], min_iou=0.5) == []


def test_value_and_span_scores() -> None:
    i = TEXT.index("国发")
    j = TEXT.index("95%")
    gold = line(Extraction(doc_numbers=[dn(i)], quantities=[qty(j, j + 5, 95)]))
    pred = Extraction(doc_numbers=[dn(i, serial=11)], quantities=[qty(j, j + 3, 95)])
    report = score([gold], [pred], labels=["doc_numbers", "quantities"])
    assert report.labels["doc_numbers"].span.f1 == 1.0
    assert report.labels["doc_numbers"].value.f1 == 0.0
    assert report.labels["quantities"].value.f1 == 1.0
    assert report.labels["quantities"].exact.f1 == 0.0
    kinds = [e.kind for e in report.labels["doc_numbers"].errors]
    assert kinds == ["value"]


def test_relative_gold_with_null_bounds_matches_any_relative() -> None:
    g = DateMention(start=0, end=2, text=TEXT[0:2], kind="relative")
    p = DateMention(
        start=0, end=2, text=TEXT[0:2], kind="relative", start_date=dt.date(2013, 1, 1), end_date=dt.date(2013, 12, 31)
    )
    assert (
        score([line(Extraction(dates=[g]))], [Extraction(dates=[p])], labels=["dates"]).labels["dates"].value.f1 == 1.0
    )


def test_responsibility_pairs() -> None:
    gold = line(Extraction(responsibilities=[clause(["公安部"], ["教育部", "民政部"])]))
    pred = Extraction(responsibilities=[clause(["公安部", "教育部"], ["民政部"])])
    s = score([gold], [pred], labels=["responsibilities"]).labels["responsibilities"]
    assert (s.value.tp, s.value.n_gold, s.value.n_pred) == (2, 3, 3)
    missed = score([gold], [Extraction()], labels=["responsibilities"]).labels["responsibilities"]
    assert (missed.value.tp, missed.value.n_gold, missed.value.n_pred) == (0, 3, 0)


def test_documents_need_iou_and_split_filter() -> None:
    i = TEXT.index("国发")
    docs = [Document(start=0, end=20, title="国务院关于某事的通知"), Document(start=20, end=len(TEXT))]
    gold = line(Extraction(documents=docs, doc_numbers=[dn(i)]))
    pred = Extraction(documents=[Document(start=0, end=21, title="国务院关于某事的通知")], doc_numbers=[dn(i)])
    splits = Splits(dev={"t": [0]}, test={"t": [1]})
    dev = score([gold], [pred], split="dev", splits=splits, labels=["documents", "doc_numbers"])
    assert dev.labels["documents"].value.f1 == 1.0
    assert dev.labels["doc_numbers"].value.n_gold == 1
    test = score([gold], [pred], split="test", splits=splits, labels=["documents", "doc_numbers"])
    assert test.labels["doc_numbers"].value.n_gold == 0
    assert test.labels["documents"].value.recall == 0.0


def test_section_parent_accuracy() -> None:
    def sec(marker: str, start: int, level: int, parent: int | None) -> Section:
        return Section(
            start=start,
            end=start + 2,
            text=TEXT[start : start + 2],
            style="cn",
            marker=marker,
            number=1,
            level=level,
            title="",
            parent=parent,
        )

    gold = line(Extraction(sections=[sec("一、", 0, 1, None), sec("（一）", 5, 2, 0)]))
    pred = Extraction(sections=[sec("一、", 0, 1, None), sec("（一）", 5, 2, None)])
    report = score([gold], [pred], labels=["sections"])
    assert report.extras["section_parent_accuracy"] == 0.5


def test_norm_str() -> None:
    assert norm_str("《计量 发展\n规划（2013－2020年）》") == "计量发展规划(2013-2020年)"


def test_corpus_roundtrip_and_offset_check(tmp_path: Path) -> None:
    i = TEXT.index("国发")
    path = tmp_path / "g.jsonl"
    dump_corpus([line(Extraction(doc_numbers=[dn(i)]))], path)
    assert load_corpus(path)[0].records.doc_numbers[0].serial == 10
    bad = json.loads(path.read_text(encoding="utf-8"))
    bad["records"]["doc_numbers"][0]["start"] += 1
    bad["records"]["doc_numbers"][0]["end"] += 1
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match="offset"):
        load_corpus(path)


def test_cli_evaluate_thresholds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    i = TEXT.index("国发")
    path = tmp_path / "g.jsonl"
    dump_corpus([line(Extraction(doc_numbers=[dn(i)]))], path)
    out = tmp_path / "r.json"
    assert (
        main(["evaluate", str(path), "--labels", "doc_numbers", "--min-f1", "doc_numbers=0.99", "--json", str(out)])
        == 0
    )
    assert json.loads(out.read_text())["labels"]["doc_numbers"]["value"]["f1"] == 1.0
    # the extractor finds 95%以上 as the gold has it
    at = TEXT.index("95%")
    dump_corpus([line(Extraction(quantities=[qty(at, at + 5, 95)]))], path)
    assert main(["evaluate", str(path), "--labels", "quantities", "--min-f1", "quantities=0.99"]) == 0
    capsys.readouterr()
    # a gold value the extractor does not give: a value error, below the threshold
    dump_corpus([line(Extraction(quantities=[qty(at, at + 5, 90)]))], path)
    assert main(["evaluate", str(path), "--labels", "quantities", "--min-f1", "quantities=0.5", "--errors", "3"]) == 1
    printed = capsys.readouterr()
    assert "value" in printed.out
    assert "below threshold" in printed.err
    assert main(["evaluate", str(path), "--split", "test"]) == 2  # no splits file
