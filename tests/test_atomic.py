"""Atomic publish: a build killed at any moment leaves the old site or, once finished, the new."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from generator.write import finish_pending, state_dir
from tests.conftest import VI_SAMPLE

ARTICLES = 120


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def make_site(root: Path) -> None:
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    text = VI_SAMPLE.read_text(encoding="utf-8")
    title = "Hợp tác kinh tế, thương mại Trung Quốc-Nga ngày càng trở nên sâu sắc"
    for i in range(ARTICLES):
        (seeds / f"{i:04d}.txt").write_text(text.replace(title, f"{title} số {i}"),
                                            encoding="utf-8")


def run_build(root: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "generator", "build", "-q"], cwd=root,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def builds_running_in(root: Path) -> list[int]:
    """The processes (a build and its workers) whose working folder is root (Linux)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if os.readlink(f"/proc/{pid}/cwd") == str(root):
                found.append(int(pid))
        except OSError:
            continue
    return found


def test_killed_builds_never_leave_a_mix(tmp_path):
    make_site(tmp_path)
    (tmp_path / "site.toml").write_text('title = "Old title"\n', encoding="utf-8")
    assert run_build(tmp_path).wait() == 0
    out = tmp_path / "_site"
    old = tree(out)
    # The new site differs on every page: the site title is in each one.
    (tmp_path / "site.toml").write_text('title = "New title"\n', encoding="utf-8")
    started = time.perf_counter()
    assert run_build(tmp_path).wait() == 0
    duration = time.perf_counter() - started
    new = tree(out)
    assert set(old) == set(new) and all(old[p] != new[p] for p in old if p.endswith(".html"))
    (tmp_path / "site.toml").write_text('title = "Old title"\n', encoding="utf-8")
    assert run_build(tmp_path).wait() == 0 and tree(out) == old

    outcomes = set()
    for k in range(1, 7):  # kill at six moments spread over a whole build
        (tmp_path / "site.toml").write_text('title = "New title"\n', encoding="utf-8")
        proc = run_build(tmp_path)
        time.sleep(duration * k / 7)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = tree(out)
        journal = (state_dir(out) / "journal.json").exists()
        if now == old:
            outcomes.add("old")
        elif now == new:
            outcomes.add("new")
        else:
            assert journal, f"killed at {k}/7 of a build: a mix of old and new without a journal"
            outcomes.add("finished by the next build")
            assert finish_pending(out) and tree(out) == new
        # Back to the old site for the next round.
        (tmp_path / "site.toml").write_text('title = "Old title"\n', encoding="utf-8")
        assert run_build(tmp_path).wait() == 0 and tree(out) == old
    assert "old" in outcomes  # most kills land before the final step
    assert not any(p.name.endswith(".tmp") for p in out.rglob("*"))
    if sys.platform == "linux":  # a killed build's workers end with it
        deadline = time.monotonic() + 10
        while (left := builds_running_in(tmp_path)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not left


def test_interrupt_is_reported_and_leaves_the_old_site(tmp_path):
    make_site(tmp_path)
    assert run_build(tmp_path).wait() == 0
    old = tree(tmp_path / "_site")
    (tmp_path / "site.toml").write_text('title = "Changed"\n', encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(1.0)
    os.kill(proc.pid, signal.SIGINT)
    _, err = proc.communicate()
    if proc.returncode == 130 and b"after the new site was published" in err:
        assert tree(tmp_path / "_site") != old  # stopped while writing the report
    elif proc.returncode == 130:
        assert b"interrupted; the previous site is left as it was" in err
        assert tree(tmp_path / "_site") == old
    else:  # the build finished before the signal arrived
        assert proc.returncode == 0


def test_ctrl_c_after_publish_says_the_new_site_is_out(tmp_path, monkeypatch, caplog):
    from generator import __main__ as cli
    from generator import build as build_module

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(VI_SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def stop(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "write_report", stop)
    assert cli.main(["build", "-q"]) == 130
    assert "after the new site was published" in caplog.text
    assert "previous site is left" not in caplog.text
    assert (tmp_path / "_site" / "index.html").is_file()
    assert not (tmp_path / "build-report.json").exists()
