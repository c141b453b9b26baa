"""The build report is spliced from the last one, and always equals one written afresh."""

from __future__ import annotations

import json
import os
from pathlib import Path

from generator.models import Problem
from generator.report import build_report, write_report

PROBLEMS = [Problem("seeds/b.txt", 3, "date is unclear", "set date:")]
REJECTED = [Problem("seeds/z.txt", 0, "file is empty", "remove it", severity="error")]


def record(name: str) -> str:
    return json.dumps({"path": name, "lines": [{"n": 1, "text": f"Nội dung {name} « é »"}]},
                      ensure_ascii=False)


def fresh(names: list[str], learned: list[dict[str, object]] | None = None) -> bytes:
    return "".join(build_report((record(n) for n in names), REJECTED, PROBLEMS,
                                learned)).encode("utf-8")


class Made:
    """Records made on demand, counted."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def items(self, names: list[str]) -> list[tuple[str, object]]:
        def make(name: str):  # type: ignore[no-untyped-def]
            def run() -> str:
                self.names.append(name)
                return record(name)
            return run
        return [(n, make(n)) for n in names]


def write(tmp_path: Path, names: list[str], made: Made,
          learned: list[dict[str, object]] | None = None) -> bytes:
    dest = write_report(tmp_path / "build-report.json", tmp_path / "state" / "report.pickle",
                        made.items(names), REJECTED, PROBLEMS, learned)  # type: ignore[arg-type]
    return dest.read_bytes()


def test_every_splice_equals_a_fresh_report(tmp_path):
    steps = [
        [f"a{i:02d}" for i in range(30)],  # first: all made
        [f"a{i:02d}" for i in range(30)],  # nothing changed
        [f"a{i:02d}" for i in range(30) if i != 7],  # one deleted
        [*(f"a{i:02d}" for i in range(30) if i != 7), "a99"],  # one added at the end
        ["a00", "a01", "a02x", *(f"a{i:02d}" for i in range(3, 30) if i != 7)],  # one edited
        ["a29", "a00", "a15"],  # reordered, most gone
        [],  # none
        ["a00", "b01"],
    ]
    made_counts = []
    for names in steps:
        made = Made()
        assert write(tmp_path, names, made) == fresh(names)
        json.loads((tmp_path / "build-report.json").read_text(encoding="utf-8"))
        made_counts.append(made.names)
    assert made_counts[0] == steps[0]
    assert made_counts[1:5] == [[], [], ["a99"], ["a02x"]]
    assert made_counts[5:] == [[], [], ["a00", "b01"]]  # the empty report forgot a00


def test_an_unchanged_report_is_not_rewritten(tmp_path):
    names = ["a", "b", "c"]
    write(tmp_path, names, Made())
    before = os.stat(tmp_path / "build-report.json")
    write(tmp_path, names, Made())
    after = os.stat(tmp_path / "build-report.json")
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    learned = [{"outlet": "x", "line": "Theo dõi chúng tôi", "files": ["seeds/a.txt"]}]
    assert write(tmp_path, names, Made(), learned) == fresh(names, learned)


def test_a_report_changed_by_hand_is_made_afresh(tmp_path):
    names = ["a", "b", "c"]
    write(tmp_path, names, Made())
    report = tmp_path / "build-report.json"
    report.write_bytes(report.read_bytes().replace(b"a", b"A"))
    made = Made()
    assert write(tmp_path, names, made) == fresh(names)
    assert made.names == names


def test_a_damaged_index_is_ignored(tmp_path):
    names = ["a", "b"]
    write(tmp_path, names, Made())
    (tmp_path / "state" / "report.pickle").write_bytes(b"not a pickle")
    made = Made()
    assert write(tmp_path, names, made) == fresh(names)
    assert made.names == names
