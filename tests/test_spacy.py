"""The spaCy component: add_pipe, DocBin, multiprocessing, to_disk/load, config, and no spaCy on import."""

from __future__ import annotations

import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import DocBin  # noqa: E402

import govextract.integrations.spacy  # noqa: E402, F401  (registers the factory and extensions)

TEXT = (
    "国务院关于印发计量发展规划的通知\n国发〔2013〕10号\n\n各省、自治区、直辖市人民政府：\n"
    "一、主要目标\n到2020年，城镇化率达到60%。加强宣传（公安部负责，教育部、民政部配合）。\n"
    "依据《计量法》（主席令第28号）执行。\n\n国务院\n2013年3月2日\n"
)


def labels_of(doc: spacy.tokens.Doc) -> list[tuple[str, str]]:
    return [(s.text, s.label_) for s in doc.spans["govextract"]]


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.blank("zh")
    nlp.add_pipe("govextract")
    return nlp


def test_add_pipe_writes_spans_ents_and_records(nlp: spacy.language.Language) -> None:
    doc = nlp(TEXT)
    found = labels_of(doc)
    assert ("国发〔2013〕10号", "DOC_NUMBER") in found
    assert ("60%", "QUANTITY") in found
    assert ("城镇化率达到60%", "TARGET") in found
    assert ("公安部", "DEPARTMENT") in found and ("民政部", "DEPARTMENT") in found
    assert any(label == "DOCUMENT" for _, label in found)
    assert any(label == "SECTION" for _, label in found)
    # entities never overlap and leave documents out
    ends = [(e.start, e.end) for e in doc.ents]
    assert all(a[1] <= b[0] for a, b in pairwise(ends))
    assert "DOCUMENT" not in {e.label_ for e in doc.ents}
    # typed records through the extensions
    extraction = doc._.govextract
    assert extraction.doc_numbers[0].normalized == "国发〔2013〕10号"
    target = next(s for s in doc.spans["govextract"] if s.label_ == "TARGET")
    assert target._.record.indicator == "城镇化率" and target._.record.year == 2020
    dept = next(s for s in doc.spans["govextract"] if s.text == "教育部")
    assert dept._.record.name == "教育部" and dept._.record.canonical == "教育部"


def test_docbin_round_trip(nlp: spacy.language.Language) -> None:
    doc = nlp(TEXT)
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (back,) = DocBin(store_user_data=True).from_bytes(data).get_docs(nlp.vocab)
    assert labels_of(back) == labels_of(doc)
    assert back._.govextract == doc._.govextract
    target = next(s for s in back.spans["govextract"] if s.label_ == "TARGET")
    assert target._.record.quantity.value == 60


def test_pipe_with_two_processes(nlp: spacy.language.Language) -> None:
    texts = [TEXT, "到2015年，森林覆盖率提高到40%。", TEXT.replace("2013", "2016")]
    single = [labels_of(d) for d in nlp.pipe(texts)]
    double = [(labels_of(d), d._.govextract.targets[0].year) for d in nlp.pipe(texts, n_process=2, batch_size=1)]
    assert [labels for labels, _ in double] == single
    assert [year for _, year in double] == [2020, 2015, 2020]


def test_to_disk_and_load(nlp: spacy.language.Language, tmp_path: Path) -> None:
    custom = spacy.blank("zh")
    custom.add_pipe("govextract", config={"labels": ["doc_numbers", "dates"], "set_ents": False})
    custom.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    doc = loaded(TEXT)
    assert {label for _, label in labels_of(doc)} == {"DOC_NUMBER", "DATE"}
    assert doc.ents == ()
    assert labels_of(doc) == labels_of(custom(TEXT))


def test_config_is_checked() -> None:
    nlp = spacy.blank("zh")
    with pytest.raises(ValueError, match="unknown label"):
        nlp.add_pipe("govextract", config={"labels": ["nonsense"]})
    with pytest.raises(ValueError, match="alignment_mode"):
        nlp.add_pipe("govextract", name="other", config={"alignment_mode": "loose"})


def test_spans_of_other_components_have_no_record(nlp: spacy.language.Language) -> None:
    doc = nlp(TEXT)
    assert doc[0:2]._.record is None


def test_import_govextract_does_not_import_spacy() -> None:
    code = "import sys, govextract; govextract.extract('国发〔2013〕10号'); print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------- the shipped segmenter


def test_pkuseg_pipeline_keeps_domain_words_whole() -> None:
    from govextract.integrations.spacy import load_pipeline

    nlp = load_pipeline("pkuseg")
    doc = nlp("根据国发〔2013〕10号，国家发展改革委、人力资源社会保障部负责，到2020年城镇化率达到60%。")
    words = [t.text for t in doc]
    assert "国家发展改革委" in words and "人力资源社会保障部" in words
    assert "".join(words) == doc.text
    assert ("国发〔2013〕10号", "DOC_NUMBER") in labels_of(doc)


def test_pkuseg_pipeline_round_trips_through_disk(tmp_path: Path) -> None:
    from govextract.integrations.spacy import load_pipeline

    nlp = load_pipeline("pkuseg", labels=["doc_numbers"])
    nlp.to_disk(tmp_path / "pku")
    loaded = spacy.load(tmp_path / "pku")
    text = "财政厅、省发展改革委负责落实国办发〔2016〕64号。"
    assert [t.text for t in loaded(text)] == [t.text for t in nlp(text)]
    assert labels_of(loaded(text)) == labels_of(nlp(text))


def test_char_pipeline_and_bad_segmenter() -> None:
    from govextract.integrations.spacy import load_pipeline

    assert [t.text for t in load_pipeline("char", component=False)("发展改革委")] == list("发展改革委")
    with pytest.raises(ValueError, match="segmenter"):
        load_pipeline("jieba")


def test_shipped_model_is_small() -> None:
    from govextract.integrations.spacy import PKUSEG_MODEL

    size = sum(f.stat().st_size for f in PKUSEG_MODEL.iterdir())
    assert size <= 10 * 1024 * 1024
