"""Coverage-guided fuzzing of the YAML loader with atheris (libFuzzer).

Run with `make fuzz` (until stopped) or `RUNS=100000 make fuzz`. Any exception
the loader lets escape is a bug: every failure must be a reported problem.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from casebook.loader import load_bytes
    from casebook.problems import Problem


def test_one_input(raw: bytes) -> None:
    document, problems = load_bytes(raw, "fuzz.yaml")
    if document is None:
        assert problems and all(isinstance(problem, Problem) for problem in problems)
    else:
        assert problems == []


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
