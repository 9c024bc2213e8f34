"""Coverage-guided fuzzing of a record's whole check with atheris (libFuzzer):
loading, model validation and every record rule, on inputs up to the size limit.

Run with `make fuzz` (until stopped) or `RUNS=100000 make fuzz`. Any exception
that escapes is a bug: every failure must be a reported problem.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from casebook.catalog import _load_vocabularies
    from casebook.loader import MAX_BYTES, load_bytes
    from casebook.model import Case
    from casebook.problems import Problem
    from casebook.rules import Record, check_across, check_record
    from casebook.validate import validate

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"
_vocab = _load_vocabularies(FIXTURE_DATA, FIXTURE_DATA.parent, ("zh", "en"))[0]
if _vocab is None:
    raise SystemExit(f"the fixture vocabularies in {FIXTURE_DATA} do not load")
VOCAB = _vocab


def test_one_input(raw: bytes) -> None:
    document, problems = load_bytes(raw, "fuzz.yaml")
    if document is None:
        assert problems and all(isinstance(problem, Problem) for problem in problems)
        return
    assert problems == []
    case, problems = validate(Case, document)
    if case is None:
        assert problems and all(isinstance(problem, Problem) for problem in problems)
        return
    record = Record(case, "fuzz.yaml", raw, "fuzz")
    found = check_record(record, VOCAB) + check_across((record, record), VOCAB)
    assert all(isinstance(problem, Problem) for problem in found)


if __name__ == "__main__":
    if VOCAB is None:
        raise SystemExit("the fixture vocabularies do not load")
    # Inputs as large as a record may be (libFuzzer's default stops at 4 KB).
    arguments = (
        sys.argv if any(arg.startswith("-max_len=") for arg in sys.argv) else [*sys.argv, f"-max_len={MAX_BYTES}"]
    )
    atheris.Setup(arguments, test_one_input)
    atheris.Fuzz()
