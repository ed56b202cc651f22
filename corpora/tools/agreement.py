"""Agreement between the two independent annotation passes: value-F1 per label on the doubly
annotated parts (the documents the second pass covers).

    python -m corpora.tools.agreement            # prints the table, writes corpora/agreement.json
    python -m corpora.tools.agreement --errors 5 # and the disagreements
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from corpora.tools.assemble import ROOT, assemble_bulletin, read_annotations
from govextract.corpus import CorpusLine
from govextract.evaluate import PRF, score
from govextract.records import LABELS, Extraction

AGREEMENT = ROOT / "corpora" / "agreement"


def _restrict(records: dict[str, Any], spans: list[tuple[int, int]]) -> dict[str, Any]:
    def inside(r: dict[str, Any]) -> bool:
        return any(s <= r["start"] < e for s, e in spans)

    out: dict[str, Any] = {"schema_version": 1}
    for label in LABELS:
        kept = [dict(r) for r in records[label] if inside(r)]
        for r in kept:
            if label != "documents":
                r["document"] = None
            if label == "sections":
                r["parent"] = None
            if "section" in r:
                r["section"] = None
        out[label] = kept
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", type=int, default=0)
    args = parser.parse_args(argv)
    first = read_annotations()
    second = read_annotations(directory=AGREEMENT)
    totals = {label: PRF() for label in LABELS}
    chars = 0
    for bulletin_id, recs in sorted(second.items()):
        line2, problems2 = assemble_bulletin(bulletin_id, recs)
        line1, problems1 = assemble_bulletin(bulletin_id, first.get(bulletin_id, []))
        if problems1 or problems2:
            print(*problems1, *problems2, sep="\n", file=sys.stderr)
            return 1
        spans = [(d["start"], d["end"]) for d in line2["records"]["documents"]]
        chars += sum(e - s for s, e in spans)
        gold = CorpusLine(
            id=bulletin_id,
            text=line1["text"],
            records=Extraction.model_validate(_restrict(line1["records"], spans)),
        )
        pred = Extraction.model_validate(_restrict(line2["records"], spans))
        report = score([gold], [pred])
        for label, s in report.labels.items():
            totals[label].add(s.value)
            for err in s.errors[: args.errors]:
                print(
                    f"{bulletin_id} {label} {err.kind}: first={err.gold_text!r} {err.gold_key or ''} "
                    f"second={err.pred_text!r} {err.pred_key or ''}"
                )
    print(f"{chars:,} characters annotated twice")
    print(f"{'label':<18}{'F1':>7}{'first':>7}{'second':>7}")
    for label, prf in totals.items():
        print(f"{label:<18}{prf.f1:>7.3f}{prf.n_gold:>7}{prf.n_pred:>7}")
    out = {
        "characters": chars,
        "value_f1": {k: round(v.f1, 4) for k, v in totals.items()},
        "counts": {k: {"first": v.n_gold, "second": v.n_pred} for k, v in totals.items()},
    }
    (ROOT / "corpora" / "agreement.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
