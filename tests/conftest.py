"""Shared fixtures: the sample dumps and a configured site."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import Config, make_config

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
VI_SAMPLE = SEEDS / "004_e7a61553e3af466f.txt"
FR_SAMPLE = SEEDS / "000_e86946429d9d5b77.txt"


@pytest.fixture
def config() -> Config:
    """The default configuration."""
    return make_config({})
