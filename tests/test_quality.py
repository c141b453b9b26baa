"""The code is ruff and mypy clean (run as part of the test suite, so CI runs them)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True,
                          text=True, check=False)


def test_ruff_clean():
    folders = [p for p in ("generator", "tests", "bench") if (ROOT / p).is_dir()]
    result = run("ruff", "check", *folders)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_clean():
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
