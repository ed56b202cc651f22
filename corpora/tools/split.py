"""Write ``corpora/splits.json``: the document indices of dev and test for every bulletin.

Documents are named here by their own doc number, so the split does not depend on the order in
which the gold lists them. About 30% of the documents are test, chosen so that every phenomenon
class appears in both splits where the seeds have it more than once (see corpora/README.md).

    python -m corpora.tools.split
"""

from __future__ import annotations

import json
import sys

from corpora.tools.assemble import OUT
from govextract.corpus import load_corpus

TEST = {
    "000": ["川府发〔2013〕14号", "绵府办发〔2013〕16号"],
    "001": ["国办发〔2013〕87号", "川办函〔2013〕151号"],
    "002": ["国办发〔2016〕11号", "川办函〔2016〕23号"],
    "003": ["川办发〔2018〕12号", "川办发〔2018〕10号", "川办函〔2018〕18号", "川办函〔2018〕14号"],
    "004": ["国办发〔2016〕64号", "绵府办发〔2016〕52号"],
}


def main() -> int:
    splits: dict[str, dict[str, list[int]]] = {"dev": {}, "test": {}}
    missing = []
    for line in load_corpus(OUT):
        numbers = [d.doc_number.normalized if d.doc_number else None for d in line.records.documents]
        test = TEST.get(line.id, [])
        missing += [n for n in test if n not in numbers]
        splits["test"][line.id] = [i for i, n in enumerate(numbers) if n in test]
        splits["dev"][line.id] = [i for i, n in enumerate(numbers) if n not in test]
    if missing:
        print(f"test documents not in the gold: {missing}", file=sys.stderr)
        return 1
    path = OUT.with_name("splits.json")
    path.write_text(json.dumps(splits, indent=1) + "\n", encoding="utf-8")
    n_test = sum(len(v) for v in splits["test"].values())
    n_all = n_test + sum(len(v) for v in splits["dev"].values())
    print(f"wrote {path}: {n_test} of {n_all} documents in test", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
