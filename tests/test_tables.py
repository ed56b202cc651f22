"""Flat rows, DataFrames and HTML for notebooks."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from govextract import extract
from govextract.records import LABELS

TEXT = (
    "四川省人民政府办公厅关于印发重点工作方案的通知\n川办发〔2016〕62号\n\n各市（州）人民政府：\n"
    "一、主要目标\n（一）生态。到2020年，森林覆盖率达到40%，城市污水处理率提高到95%（林业厅负责，财政厅、环境保护厅配合）。\n"
    "二、保障措施\n加强考核（省政府目标督查办负责）。\n\n四川省人民政府办公厅\n2016年8月9日\n"
)


def test_target_rows_carry_document_and_section() -> None:
    rows = extract(TEXT).to_records("targets")
    assert [(r["indicator"], r["quantity_value"], r["year"]) for r in rows] == [
        ("森林覆盖率", 40, 2020),
        ("城市污水处理率", 95, 2020),
    ]
    row = rows[0]
    assert row["doc_number"] == "川办发〔2016〕62号"
    assert row["signed_date"] == dt.date(2016, 8, 9)
    assert row["document_title"].endswith("重点工作方案的通知")
    assert row["section_path"] == "主要目标 > 生态"
    assert row["baseline_value"] is None and row["quantity_unit"] == "%"


def test_quantity_rows_carry_the_value_in_the_normalized_unit() -> None:
    text = "到2020年，年处理能力达到80万吨，管网长度达到3.5公里。"
    rows = extract(text).to_records("quantities")
    assert [(r["text"], r["unit_normalized"], r["value_normalized"]) for r in rows] == [
        ("80万吨", "kg", 8e8),
        ("3.5公里", "m", 3500.0),
    ]
    targets = extract(text).to_records("targets")
    assert [(r["quantity_base_value"], r["quantity_value_normalized"]) for r in targets] == [(8e5, 8e8), (3.5, 3500.0)]
    assert targets[0]["baseline_value_normalized"] is None


def test_responsibility_rows_are_one_per_department_and_role() -> None:
    rows = extract(TEXT).to_records("responsibilities")
    assert [(r["clause"], r["role"], r["name"]) for r in rows] == [
        (0, "lead", "林业厅"),
        (0, "support", "财政厅"),
        (0, "support", "环境保护厅"),
        (1, "lead", "省政府目标督查办"),
    ]
    assert rows[0]["canonical"] == "四川省林业厅"
    assert rows[3]["section_path"] == "保障措施"


def test_every_label_gives_rows() -> None:
    result = extract(TEXT)
    for label in LABELS:
        rows = result.to_records(label)
        assert isinstance(rows, list)
        assert all(isinstance(r, dict) for r in rows)
    assert result.to_records("documents")[0]["doc_number"] == "川办发〔2016〕62号"
    with pytest.raises(ValueError, match="unknown label"):
        result.to_records("nonsense")  # type: ignore[arg-type]


def test_to_pandas_groupby_year_and_edge_list() -> None:
    pd = pytest.importorskip("pandas")
    result = extract(TEXT)
    targets = result.to_pandas("targets")
    assert isinstance(targets, pd.DataFrame)
    assert targets.groupby("year").size().to_dict() == {2020: 2}
    duties = result.to_pandas("responsibilities")
    leads = duties[duties.role == "lead"][["clause", "name"]]
    supports = duties[duties.role == "support"][["clause", "name"]]
    edges = leads.merge(supports, on="clause", suffixes=("_lead", "_support"))
    assert sorted(zip(edges.name_lead, edges.name_support, strict=True)) == [
        ("林业厅", "环境保护厅"),
        ("林业厅", "财政厅"),
    ]
    frames = result.to_pandas()
    assert set(frames) == set(LABELS)


def test_to_pandas_without_pandas_says_how_to_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # what an environment without pandas looks like
    with pytest.raises(ImportError, match="pip install pandas"):
        extract(TEXT).to_pandas("targets")


def test_html_highlights_mentions_and_escapes_text() -> None:
    text = TEXT + "注：<script>alert(1)</script>\n"
    result = extract(text)
    html = result.to_html(text)
    assert '<mark class="gx-targets"' in html
    assert '<mark class="gx-doc_numbers"' in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count("<table") == 3
    summary = result._repr_html_()
    assert "森林覆盖率" in summary and "林业厅" in summary
    with pytest.raises(TypeError):
        result.to_html(None)  # type: ignore[arg-type]


def test_rows_have_exactly_the_declared_columns() -> None:
    from govextract.tables import columns

    result = extract(TEXT)
    for label in LABELS:
        for row in result.to_records(label):
            assert list(row) == columns(label), label


def test_an_empty_frame_keeps_its_columns() -> None:
    pytest.importorskip("pandas")
    from govextract.tables import columns

    frame = extract("无").to_pandas("targets")
    assert len(frame) == 0 and list(frame.columns) == columns("targets")
