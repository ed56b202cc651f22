"""Train the government-domain word segmentation model shipped in ``govextract/data/pkuseg/``.

Reproducible and seeded::

    pip install -r benchmarks/requirements-segmentation.txt
    python -m corpora.tools.train_segmenter

Training data are **dev-split** texts only, segmented as silver data:

1. each dev-split document of the five seeds is normalized (wraps joined, full-width digits and
   punctuation made ASCII) and cut into sentences at 。；！？ and line ends;
2. jieba (with its HMM) segments each sentence, with a user dictionary of every gazetteer name
   (``departments.tsv``: canonical names and short forms, template short forms such as 省发展改革委),
   every unit of ``units.toml`` and every issuer code of ``issuer_codes.tsv``;
3. doc numbers found by govextract (国发〔2013〕10号) are merged into one word, gazetteer names that
   jieba still split are merged back, and numbers are re-joined with their magnitude and percent sign
   (4.5万亿, 60%), as the standard in ``corpora/segmentation/README.md`` asks;
4. spacy-pkuseg trains on 90% of the sentences and reports on the other 10% (a seeded split); each
   training sentence is given twice, with ASCII punctuation (as govextract normalizes it) and with
   the full-width marks of the raw documents, so the model segments both.

The test split is never read here; its hand-segmented gold (``corpora/segmentation/gold.txt``) only
scores the result (``python -m benchmarks.segmentation``).
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import tempfile
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "govextract" / "data" / "pkuseg"
SEED = 20261122
ITERATIONS = 10

_SENTENCE = regex.compile(r"(?<=[。；;！？!?])|\n")
_NUMBER = regex.compile(r"^[\d.]+$")
_FULL_WIDTH = str.maketrans(",;:()?!", "，；：（）？！")
_MAGNITUDE = regex.compile(r"^(?:万亿|千亿|百亿|千万|百万|亿|万|千|百)")


def domain_words() -> list[str]:
    """Gazetteer names, units and issuer codes: the words that must come out whole."""
    from govextract.datafiles import read_tsv, units_data

    words: set[str] = set()
    for row in read_tsv("departments.tsv"):
        if "{place}" not in row["canonical"]:
            words.add(row["canonical"])
        words.update(a for a in row["aliases"].split("|") if a)
    for group in units_data().units:
        words.update(u.unit for u in group.items)
    words.update(row["code"] for row in read_tsv("issuer_codes.tsv"))
    return sorted(w.strip() for w in words if len(w.strip()) >= 2)


def dev_sentences() -> list[str]:
    from govextract.corpus import load_corpus, load_splits
    from govextract.text import normalize

    corpus = load_corpus(ROOT / "corpora" / "seeds.jsonl")
    splits = load_splits(ROOT / "corpora" / "splits.json")
    out: list[str] = []
    for line in corpus:
        dev_docs = splits.dev.get(line.id[:3], [])
        norm = normalize(line.text)
        for k in dev_docs:
            doc = line.records.documents[k]
            part = norm.text[norm.norm_offset(doc.start) : norm.norm_offset(doc.end - 1) + 1]
            for s in _SENTENCE.split(part):
                s = "".join(s.split())
                if len(s) >= 4:
                    out.append(s)
    return out


def _merge_spans(tokens: list[str], spans: list[tuple[int, int]]) -> list[str]:
    """Merge the tokens that overlap each character span into one token."""
    if not spans:
        return tokens
    out: list[str] = []
    pos = 0
    buf = ""
    buf_end = -1
    for tok in tokens:
        a, b = pos, pos + len(tok)
        pos = b
        span = next(((x, y) for x, y in spans if x < b and a < y), None)
        if span is not None:
            buf += tok
            buf_end = span[1]
            if b >= buf_end:
                out.append(buf)
                buf, buf_end = "", -1
            continue
        if buf:
            out.append(buf)
            buf, buf_end = "", -1
        out.append(tok)
    if buf:
        out.append(buf)
    return out


def _numbers(tokens: list[str]) -> list[str]:
    """4.5 万亿 元 → 4.5万亿 元; 60 % → 60%; 2013 年 → 2013年."""
    out: list[str] = []
    for tok in tokens:
        if out and _NUMBER.match(out[-1]):
            m = _MAGNITUDE.match(tok)
            if tok in ("%", "年", "月", "日"):
                out[-1] += tok
                continue
            if m:
                out[-1] += m.group()
                rest = tok[m.end() :]
                if rest:
                    out.append(rest)
                continue
        out.append(tok)
    return out


def silver(sentences: list[str], words: list[str]) -> list[list[str]]:
    import jieba

    from govextract.extractors.doc_number import extract_doc_numbers

    tk = jieba.Tokenizer()
    tk.initialize()
    for w in words:
        tk.add_word(w, freq=10**6)
    found = [w for w in words if len(w) >= 3]
    automaton = regex.compile("|".join(regex.escape(w) for w in sorted(found, key=len, reverse=True)))
    out: list[list[str]] = []
    for s in sentences:
        tokens = [t for t in tk.cut(s, HMM=True) if t.strip()]
        spans = [(n.start, n.end) for n in extract_doc_numbers(s)]
        spans += [(m.start(), m.end()) for m in automaton.finditer(s)]
        tokens = _merge_spans(tokens, sorted(set(spans)))
        out.append(_numbers(tokens))
    return out


def main() -> int:
    import numpy as np
    import spacy_pkuseg

    random.seed(SEED)
    np.random.seed(SEED)
    sentences = dev_sentences()
    segmented = silver(sentences, domain_words())
    order = list(range(len(segmented)))
    random.Random(SEED).shuffle(order)
    cut = len(order) * 9 // 10
    with tempfile.TemporaryDirectory() as tmp:
        train, heldout = Path(tmp) / "train.txt", Path(tmp) / "heldout.txt"
        lines = [" ".join(segmented[i]) for i in order[:cut]]
        lines += [line.translate(_FULL_WIDTH) for line in lines]
        train.write_text("\n".join(lines) + "\n", encoding="utf-8")
        heldout.write_text("\n".join(" ".join(segmented[i]) for i in order[cut:]) + "\n", encoding="utf-8")
        model = Path(tmp) / "model"
        cwd = os.getcwd()
        os.chdir(tmp)  # spacy-pkuseg writes its temporary files under the working directory
        try:
            spacy_pkuseg.train(str(train), str(heldout), str(model), train_iter=ITERATIONS)
        finally:
            os.chdir(cwd)
        if OUT.exists():
            shutil.rmtree(OUT)
        OUT.mkdir(parents=True)
        for f in model.iterdir():
            if f.is_file():
                shutil.copy(f, OUT / f.name)
    (OUT / "user_dict.txt").write_text("\n".join(domain_words()) + "\n", encoding="utf-8")
    size = sum(f.stat().st_size for f in OUT.iterdir())
    print(f"{len(sentences)} dev sentences, {cut} for training; model in {OUT} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
