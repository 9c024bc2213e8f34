"""The fuzz target stays runnable: a short run over the seed corpus finds no crash."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).parent


def test_fuzz_target_runs_clean_for_a_few_thousand_inputs(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in (TESTS / "fixtures" / "fuzz-corpus").iterdir():
        (corpus / seed.name).write_bytes(seed.read_bytes())
    result = subprocess.run(
        [sys.executable, str(TESTS / "fuzz_loader.py"), "-atheris_runs=3000", str(corpus)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Done 3000 in " in result.stderr
