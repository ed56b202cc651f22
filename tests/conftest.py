"""Shared fixtures: the seed texts committed in corpora/texts."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "texts"


def seed_text(name: str) -> str:
    """The raw text of one committed seed bulletin (by file name or its 3-digit prefix)."""
    matches = sorted(SEEDS.glob(f"{name}*"))
    if not matches:
        raise FileNotFoundError(name)
    return matches[0].read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    """Every seed bulletin by file name."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


# Hypothesis: CI runs are derandomized so that they are deterministic; local runs explore.
import os  # noqa: E402

from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "ci", derandomize=True, deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None, max_examples=150)
settings.register_profile("deep", deadline=None, max_examples=3000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
