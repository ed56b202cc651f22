"""Extraction over Dask collections, on a local distributed cluster."""

from __future__ import annotations

import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")
import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402

from govextract import extract  # noqa: E402
from govextract.integrations.dask import extract_bag, extract_dataframe  # noqa: E402
from govextract.tables import columns  # noqa: E402

TEXTS = {
    "a": "到2020年，森林覆盖率达到40%（林业厅负责，财政厅配合）。",
    "b": "依据国发〔2013〕10号。",
    "c": "到2015年，城市和农村家庭固定宽带普及率分别达到 65% 和 30%。",
    "d": "",
}


@pytest.fixture(scope="module")
def client() -> distributed.Client:
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_dataframe_of_targets(client: distributed.Client) -> None:
    frame = dd.from_pandas(pd.DataFrame({"text": list(TEXTS.values())}, index=list(TEXTS)), npartitions=2)
    targets = extract_dataframe(frame, "targets").compute()
    assert list(targets.columns) == ["key", *columns("targets")]
    assert sorted(zip(targets["key"], targets["indicator"], strict=True)) == [
        ("a", "森林覆盖率"),
        ("c", "农村家庭固定宽带普及率"),
        ("c", "城市家庭固定宽带普及率"),
    ]
    expected = sum(len(extract(t).targets) for t in TEXTS.values())
    assert len(targets) == expected


def test_bag_of_responsibilities(client: distributed.Client) -> None:
    bag = db.from_sequence(list(TEXTS.items()), npartitions=3)
    rows = extract_bag(bag, "responsibilities").compute()
    assert sorted((r["key"], r["role"], r["name"]) for r in rows) == [
        ("a", "lead", "林业厅"),
        ("a", "support", "财政厅"),
    ]


def test_plain_texts_get_partition_keys(client: distributed.Client) -> None:
    bag = db.from_sequence(["国发〔2013〕10号", "国办发〔2016〕64号"], npartitions=2)
    rows = extract_bag(bag, "doc_numbers").compute()
    assert sorted(r["key"] for r in rows) == [(0, 0), (1, 0)]


def test_unknown_label() -> None:
    with pytest.raises(ValueError, match="unknown label"):
        extract_bag(db.from_sequence(["x"]), "nonsense")
