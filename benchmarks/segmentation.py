"""Word segmentation against the hand-segmented test-split gold (``corpora/segmentation/gold.txt``).

    pip install -r benchmarks/requirements-segmentation.txt
    python -m benchmarks.segmentation

Compares the shipped government-domain pkuseg model (through ``load_pipeline(segmenter="pkuseg")``)
with jieba given the same gazetteer as user dictionary (the realistic alternative) and with spaCy's
default character segmentation. Reports word precision, recall and F1 (a word counts when both its
edges match) and boundary F1 (the cut points between characters), and writes
``benchmarks/results/segmentation.json``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import write_result

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "corpora" / "segmentation" / "gold.txt"


def spans(words: list[str]) -> set[tuple[int, int]]:
    out: set[tuple[int, int]] = set()
    pos = 0
    for w in words:
        out.add((pos, pos + len(w)))
        pos += len(w)
    return out


def score(gold: list[list[str]], pred: list[list[str]]) -> dict[str, float]:
    tp = n_gold = n_pred = 0
    btp = nb_gold = nb_pred = 0
    for g, p in zip(gold, pred, strict=True):
        gs, ps = spans(g), spans(p)
        tp += len(gs & ps)
        n_gold += len(gs)
        n_pred += len(ps)
        gb = {e for _, e in gs}
        pb = {e for _, e in ps}
        btp += len(gb & pb)
        nb_gold += len(gb)
        nb_pred += len(pb)

    def f1(t: int, a: int, b: int) -> tuple[float, float, float]:
        p, r = (t / b if b else 0.0), (t / a if a else 0.0)
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    p, r, f = f1(tp, n_gold, n_pred)
    _, _, bf = f1(btp, nb_gold, nb_pred)
    return {"precision": p, "recall": r, "f1": f, "boundary_f1": bf, "words_gold": n_gold, "words_pred": n_pred}


def domain_recall(gold: list[list[str]], pred: list[list[str]], domain: set[str]) -> float:
    """Share of the gold words that are gazetteer names, units or issuer codes found whole."""
    hit = total = 0
    for g, p in zip(gold, pred, strict=True):
        ps = spans(p)
        pos = 0
        for w in g:
            if w in domain:
                total += 1
                hit += (pos, pos + len(w)) in ps
            pos += len(w)
    return hit / total if total else 0.0


def segmenters() -> dict[str, Callable[[str], list[str]]]:
    import jieba
    import spacy

    from govextract.integrations.spacy import load_pipeline, segmenter_words

    pku = load_pipeline(segmenter="pkuseg", component=False)
    char = spacy.blank("zh")
    tk = jieba.Tokenizer()
    tk.initialize()
    for w in segmenter_words():
        tk.add_word(w, freq=10**6)
    return {
        "govextract pkuseg (shipped model)": lambda s: [t.text for t in pku(s)],
        "jieba + gazetteer user dict": lambda s: [w for w in tk.cut(s, HMM=True)],
        "spaCy zh char": lambda s: [t.text for t in char(s)],
    }


def main() -> None:
    gold = [line.split(" ") for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    sentences = ["".join(words) for words in gold]
    from govextract.integrations.spacy import segmenter_words

    domain = set(segmenter_words())
    results = []
    n_domain = sum(w in domain for g in gold for w in g)
    print(f"{len(gold)} test-split sentences, {sum(len(g) for g in gold)} gold words ({n_domain} gazetteer words)")
    print(f"{'segmenter':36} {'P':>6} {'R':>6} {'F1':>6} {'bndF1':>6} {'domR':>6} {'chars/s':>10}")
    for name, seg in segmenters().items():
        seg(sentences[0])  # warm up
        t0 = time.perf_counter()
        pred = [[w for w in seg(s) if w.strip()] for s in sentences]
        secs = time.perf_counter() - t0
        for s, p in zip(sentences, pred, strict=True):
            if "".join(p) != s:
                raise ValueError(f"{name} changed the text of {s!r}")
        r = score(gold, pred)
        r["domain_word_recall"] = domain_recall(gold, pred, domain)
        r["chars_per_s"] = sum(map(len, sentences)) / secs
        results.append({"segmenter": name, **r})
        figures = f"{r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {r['boundary_f1']:6.3f}"
        figures += f" {r['domain_word_recall']:6.3f}"
        print(f"{name:36} {figures} {r['chars_per_s']:10,.0f}")
    path = write_result("segmentation", {"sentences": len(gold), "results": results})
    print(f"written to {path}")


if __name__ == "__main__":
    main()
