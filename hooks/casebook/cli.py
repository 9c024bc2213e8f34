"""Command line: check, generate and schema, with no MkDocs on the import path."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .catalog import build_catalog
from .model import Case
from .pipeline import generate
from .problems import DataError

SCHEMA_PATH = Path("schema/case.schema.json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="casebook", description="Community Practice Casebook tools")
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root (default: .)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate every record in data/")
    commands.add_parser("generate", help="validate and write the Markdown pages into docs/")
    commands.add_parser("schema", help="write the JSON Schema of a case record")
    args = parser.parse_args(argv)
    root: Path = args.root
    try:
        if args.command == "check":
            catalog = build_catalog(root / "data", shown_from=root)
            sys.stdout.write(f"{len(catalog.cases)} cases checked; no problems found.\n")
        elif args.command == "generate":
            result = generate(root / "data", root / "docs")
            sys.stdout.write(f"{len(result.catalog.cases)} cases; {result.written} pages written, {result.deleted} deleted.\n")
        else:
            (root / SCHEMA_PATH).parent.mkdir(parents=True, exist_ok=True)
            (root / SCHEMA_PATH).write_text(schema_text(), "utf-8")
            sys.stdout.write(f"wrote {SCHEMA_PATH}\n")
    except DataError as error:
        sys.stderr.write(f"{error}\n")
        return 1
    return 0


def schema_text() -> str:
    schema = Case.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Casebook case record 案例记录"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
