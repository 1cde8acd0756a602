"""Every notebook also runs (nbval lax) on five other datasets: the narrative must not
depend on one dataset. Each run is a fresh kernel with SALESNB_SEED set."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SEEDS = (1, 7, 99, 2024, 31415)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_on_another_dataset(path, seed):
    env = {**os.environ, "SALESNB_SEED": str(seed)}
    env.pop("SALESNB_TEACHER", None)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-n0", "-o", "addopts=", "-p", "no:cacheprovider",
         "--nbval-lax", "--nbval-current-env", str(path)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stdout[-4000:]
