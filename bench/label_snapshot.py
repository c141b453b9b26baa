"""Snapshot the cleaner's output on every dump we have, to prove a speed-up changes nothing.

`python bench/label_snapshot.py OUT.json` writes, for each dump (seeds, cleaning fixtures, the
dev set's pages at both noise levels, bench/corpus-1000/dumps when generated), every line's
label and rule and the line model's scores; `--compare OLD.json` exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's code, not an installed one: a snapshot of an
# older commit is taken from its worktree

from generator import linemodel  # noqa: E402
from generator.clean import clean_lines, lexicon_decided  # noqa: E402
from generator.models import RawDoc  # noqa: E402
from generator.read import read_file  # noqa: E402

DEV = ROOT.parent / "shared" / "cleaning-dev"


def docs() -> list[RawDoc]:
    """Every dump available, in a fixed order."""
    found = [read_file(p, p.relative_to(ROOT).as_posix())
             for pattern in ("seeds/*.txt", "tests/fixtures/cleaning/*/*.txt",
                             "bench/corpus-1000/dumps/*.txt")
             for p in sorted(ROOT.glob(pattern))]
    for name in ("sh_main", "sh_body"):
        path = DEV / f"{name}.jsonl.gz"
        if path.exists():
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                for row in map(json.loads, fh):
                    found.append(RawDoc(f"{name}/{row['id']}", "text",
                                        tuple(row["dump"].split("\n")), 1))
    return found


def snapshot() -> dict[str, object]:
    out: dict[str, object] = {}
    for raw in docs():
        texts = [t.strip() for t in raw.lines]
        probs = linemodel.line_scores(texts, lexicon_decided(texts))
        out[raw.path] = {"lines": [[ln.label, ln.rule] for ln in clean_lines(raw)],
                         "probs": [round(p, 12) for p in probs]}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--compare", type=Path)
    args = parser.parse_args()
    now = snapshot()
    args.out.write_text(json.dumps(now, ensure_ascii=False, sort_keys=True), "utf-8")
    if args.compare is None:
        print(f"{len(now)} dumps written to {args.out}")
        return 0
    old = json.loads(args.compare.read_text("utf-8"))
    diff = sorted(k for k in old.keys() | now.keys() if old.get(k) != now.get(k))
    for key in diff[:20]:
        print(f"differs: {key}")
    print(f"{len(diff)} of {len(now)} dumps differ")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
