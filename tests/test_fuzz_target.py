"""The fuzz target stays runnable and reaches past the loader: a short run over the seed corpus finds no crash."""

from __future__ import annotations

import re
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
        [sys.executable, str(TESTS / "fuzz_records.py"), "-atheris_runs=3000", str(corpus)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Done 3000 in " in result.stderr
    # The loader alone gave about 120 edges; validation and the rules bring it over 300.
    edges = max(int(found) for found in re.findall(r"cov: (\d+)", result.stderr))
    assert edges > 300, result.stderr[-3000:]
