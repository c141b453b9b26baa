"""Train the line model (generator/linemodel.json) on labelled dumps.

Usage: python bench/train_linemodel.py [DEV_DIR] [--out generator/linemodel.json]

DEV_DIR (default ../shared/cleaning-dev) holds sh_main.jsonl.gz and sh_body.jsonl.gz: pages as
dumps with one label per line (1 keep, 0 drop, null not scored). The pages stay outside the
package; only the weights (a few hundred named numbers) are written. `train()` and `folds()` are
reused by bench/clean_quality.py for cross-validated scores.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import linemodel  # noqa: E402
from generator.clean import lexicon_decided  # noqa: E402

DEV_DIR = ROOT.parent / "shared" / "cleaning-dev"
SETS = ("sh_main.jsonl.gz", "sh_body.jsonl.gz")
L2 = 1.0  # ridge penalty on every weight but the bias
Model = tuple[dict[str, float], dict[str, float]]


def read_set(path: Path) -> list[dict[str, Any]]:
    """Read one labelled set: a list of pages."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_dev(dev: Path = DEV_DIR) -> list[dict[str, Any]]:
    """Read every labelled page of the dev set (both noise levels)."""
    return [doc for name in SETS if (dev / name).exists() for doc in read_set(dev / name)]


def folds(docs: list[dict[str, Any]], k: int = 5) -> list[int]:
    """Assign each page a fold by its id, so a page's two noise levels share a fold."""
    ids = sorted({d["id"] for d in docs})
    fold_of = {pid: n % k for n, pid in enumerate(ids)}
    return [fold_of[d["id"]] for d in docs]


def _fit(rows: list[list[str]], y: list[int]) -> dict[str, float]:
    """Fit an L2-regularised logistic regression by Newton's method over binary features."""
    vocab = sorted({f for r in rows for f in r})
    index = {f: j + 1 for j, f in enumerate(vocab)}
    x = np.zeros((len(rows), len(vocab) + 1))
    x[:, 0] = 1.0
    for i, r in enumerate(rows):
        for f in r:
            x[i, index[f]] = 1.0
    target = np.asarray(y, dtype=float)
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], L2)
    penalty[0] = 0.0
    for _ in range(25):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - target) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-6)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    weights = {"bias": round(float(w[0]), 4)}
    weights |= {f: round(float(w[index[f]]), 4) for f in vocab if abs(w[index[f]]) >= 1e-4}
    return weights


def _page(doc: dict[str, Any]) -> tuple[list[str], list[bool], list[Any]]:
    texts = [t.strip() for t in doc["dump"].split("\n")]
    return texts, lexicon_decided(texts), list(doc["labels"])


def train(docs: list[dict[str, Any]]) -> Model:
    """Train both stages on labelled pages and return their weights."""
    pages = [_page(d) for d in docs]
    rows1: list[list[str]] = []
    y: list[int] = []
    per_page: list[tuple[list[int], list[list[str]], list[Any]]] = []
    for texts, decided, labels in pages:
        idx, feats = linemodel.features(texts, decided)
        per_page.append((idx, feats, labels))
        for k, i in enumerate(idx):
            if labels[i] is not None and feats[k]:
                rows1.append(feats[k])
                y.append(int(labels[i]))
    w1 = _fit(rows1, y)
    rows2: list[list[str]] = []
    for idx, feats, labels in per_page:
        p1 = [linemodel.score(f, w1) if f else linemodel.DECIDED_SCORE for f in feats]
        f2 = linemodel.stage2_all(p1)
        for k, i in enumerate(idx):
            if labels[i] is not None and feats[k]:
                rows2.append(feats[k] + f2[k])
    w2 = _fit(rows2, y)
    return w1, w2


def main() -> None:
    """Train on the whole dev set and write the weights file."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("dev", nargs="?", default=str(DEV_DIR))
    ap.add_argument("--out", default=str(ROOT / "generator" / "linemodel.json"))
    a = ap.parse_args()
    docs = read_dev(Path(a.dev))
    w1, w2 = train(docs)
    data = {"about": "line model of generator/linemodel.py, trained by bench/train_linemodel.py "
                     f"on {len(docs)} labelled pages of the cleaning dev set",
            "stage1": w1, "stage2": w2}
    Path(a.out).write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                           encoding="utf-8")
    print(f"wrote {a.out}: {len(w1)} + {len(w2)} weights from {len(docs)} pages")


if __name__ == "__main__":
    main()
