"""Command line for contributors: new, check, status, stamp, schema (cases and collections). No MkDocs on this path."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import signal
import sys
from importlib import resources
from pathlib import Path

from .catalog import CASES_DIR, COLLECTIONS_DIR, Catalog, build_catalog
from .languages import read_languages
from .model import ID_PATTERN, MAX_ID
from .pipeline import generate
from .problems import DataError, Lang, Message, field_path, msg, report
from .publish import PublishError, publish
from .rules import texts
from .scanner import committed_allowlist, learn_allowlist, scan_site
from .schema import collection_schema_text, schema_text
from .similarity import NEAR_COPY, near_copies
from .stamp import stamp, wanted
from .translation import STATES, case_states, counts, fingerprint

SCHEMA_PATH = Path("schema") / "case.schema.json"
COLLECTION_SCHEMA_PATH = Path("schema") / "collection.schema.json"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except DataError as error:
        sys.stderr.write(report(error.problems, getattr(args, "lang", "en")) + "\n")
        return 1
    except BrokenPipeError:
        # The reader stopped reading (`casebook status … | head`): nothing is wrong.
        # Python would report the pipe again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="casebook", description="Community Practice Casebook tools 社区实践案例库工具"
    )
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root (default: .)")
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="scaffold data/cases/<id>.yaml from the template 新建案例")
    new.add_argument(
        "id",
        help="the new record's id, also its file name and URL: lowercase ASCII letters and digits joined by single "
        "hyphens, such as xinhua-community (never reused) 编号：小写英文字母和数字，以单个连字符分隔",
    )
    new.add_argument(
        "--collection",
        action="store_true",
        help="scaffold data/collections/<id>.yaml, a workshop collection 新建培训选集",
    )
    new.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the messages 提示语言")
    new.set_defaults(run=_new)
    check = commands.add_parser("check", help="validate records (default: all) 检查案例")
    check.add_argument("files", nargs="*", type=Path)
    check.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the messages 提示语言")
    check.set_defaults(run=_check)
    status = commands.add_parser("status", help="translation state per case and language 翻译状态")
    status.add_argument("--fingerprints", type=Path, metavar="FILE", help="print each text's current fingerprint")
    status.set_defaults(run=_status)
    stamp_cmd = commands.add_parser(
        "stamp",
        help="after reviewing a record's translation, write each text's reviewed: fingerprint into it, "
        "keeping its comments and layout 审校译文后写入 reviewed 指纹",
    )
    stamp_cmd.add_argument("record", help="a case id, or the path of a case or collection record")
    stamp_cmd.set_defaults(run=_stamp)
    schema = commands.add_parser("schema", help="write the JSON Schema of a case record 生成 JSON Schema")
    schema.set_defaults(run=_schema)
    generate_cmd = commands.add_parser("generate", help="validate and write the Markdown pages into docs/")
    generate_cmd.set_defaults(run=_generate)
    publish_cmd = commands.add_parser("publish", help="build into a fresh folder, scan, then replace site/ 构建并发布")
    publish_cmd.set_defaults(run=_publish)
    similar = commands.add_parser(
        "similar", help="sentences of a record that follow its article too closely 近似抄写检查"
    )
    similar.add_argument("record", type=Path)
    similar.add_argument("article", type=Path, help="the source article as plain text")
    similar.add_argument("--threshold", type=float, default=NEAR_COPY)
    similar.set_defaults(run=_similar)
    scan = commands.add_parser("scan", help="scan a built site for anything the templates do not make 扫描")
    scan.add_argument("site", type=Path)
    scan.add_argument("--learn", action="store_true", help="print the allowlist learned from a clean build")
    scan.set_defaults(run=_scan)
    return parser


def _new(args: argparse.Namespace) -> int:
    case_id: str = args.id
    if not re.fullmatch(ID_PATTERN, case_id) or len(case_id) > MAX_ID:
        sys.stderr.write(msg("cli.new.invalid_id", id=case_id).text(args.lang) + "\n")
        return 1
    folder, template_name = (
        (COLLECTIONS_DIR, "new-collection.yaml") if args.collection else (CASES_DIR, "new-case.yaml")
    )
    target = args.root / "data" / folder / f"{case_id}.yaml"
    if target.exists():
        sys.stderr.write(msg("cli.new.exists", path=target.as_posix()).text(args.lang) + "\n")
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    template = resources.files("casebook").joinpath(f"templates/{template_name}").read_text("utf-8")
    text = template.replace("__ID__", case_id).replace("__TODAY__", dt.date.today().isoformat())
    target.write_text(text, "utf-8")
    sys.stdout.write(msg("cli.new.created", path=target.as_posix()).text(args.lang) + "\n")
    return 0


def _check(args: argparse.Namespace) -> int:
    missing = [path for path in args.files if not path.is_file()]
    for path in missing:  # else a mistyped path would be "0 cases checked"
        sys.stderr.write(msg("cli.no_such_file", path=path.as_posix()).text(args.lang) + "\n")
    if missing:
        return 1
    only = [path.resolve() for path in args.files] or None
    root = args.root.resolve()
    catalog = build_catalog(root / "data", shown_from=root, only=only)
    for line in _stale(catalog, args.lang):
        sys.stderr.write(msg("cli.warning", message=line).text(args.lang) + "\n")
    sys.stdout.write(msg("cli.checked", records=_checked(catalog)).text(args.lang) + "\n")
    return 0


def _checked(catalog: Catalog) -> Message:
    cases, collections = len(catalog.cases), len(catalog.collections)
    checked = msg("cli.cases.one" if cases == 1 else "cli.cases.many", count=cases)
    if collections:
        key = "cli.collections.one" if collections == 1 else "cli.collections.many"
        checked = msg(key, cases=checked, count=collections)
    return checked


def _stale(catalog: Catalog, lang: Lang = "en") -> list[str]:
    records = [(CASES_DIR, case) for case in catalog.cases] + [(COLLECTIONS_DIR, c) for c in catalog.collections]
    stale = msg("translation.stale").text(lang)
    return [
        f"data/{folder}/{item.case_id}.yaml: {item.field}.{item.lang}: {stale}"
        for folder, record in records
        for item in case_states(record, catalog.languages.codes)
        if item.state == "stale"
    ]


def _status(args: argparse.Namespace) -> int:
    catalog = build_catalog(args.root / "data", shown_from=args.root)
    if args.fingerprints:
        record_id = args.fingerprints.stem
        records = catalog.collections if args.fingerprints.parent.name == COLLECTIONS_DIR else catalog.cases
        record = next(record for record in records if record.id == record_id)
        original = record.translation.text_lang
        for path, text in texts(record):
            if text.get(original):
                sys.stdout.write(f"{field_path(path)}: reviewed: {fingerprint(text.get(original) or '')}\n")
        return 0
    header = "case".ljust(28) + "lang  " + "  ".join(state.rjust(8) for state in STATES)
    lines = [header]
    for case in catalog.cases:
        langs = catalog.languages.codes
        for lang, counter in counts(case_states(case, langs), langs).items():
            lines.append(case.id.ljust(28) + lang.ljust(6) + "  ".join(str(counter[s]).rjust(8) for s in STATES))
    lines += _stale(catalog)
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _stamp(args: argparse.Namespace) -> int:
    root = args.root.resolve()
    given = Path(args.record)
    path = given.resolve() if given.suffix == ".yaml" else root / "data" / CASES_DIR / f"{given}.yaml"
    if not path.is_file():
        sys.stderr.write(f"{args.record}: no such record (give a case id or a record's path)\n")
        return 1
    catalog = build_catalog(root / "data", shown_from=root, only=[path.resolve()])
    records = catalog.collections if path.parent.name == COLLECTIONS_DIR else catalog.cases
    record = next(record for record in records if record.id == path.stem)
    before = path.read_text("utf-8")
    result = stamp(before, wanted(record))
    if result.written:
        path.write_text(result.text, "utf-8")
        try:  # the edit must leave a valid record; if not, the file is put back as it was
            build_catalog(root / "data", shown_from=root, only=[path.resolve()])
        except DataError:
            path.write_text(before, "utf-8")
            raise
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
    noun = "fingerprint" if result.written == 1 else "fingerprints"
    sys.stdout.write(f"{shown}: {result.written} {noun} written, {result.current} already current\n")
    return 0


def _schema(args: argparse.Namespace) -> int:
    languages = read_languages(args.root / "data")
    schemas = ((SCHEMA_PATH, schema_text(languages)), (COLLECTION_SCHEMA_PATH, collection_schema_text(languages)))
    for path, text in schemas:
        target = args.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
        sys.stdout.write(f"wrote {path.as_posix()}\n")
    return 0


def _generate(args: argparse.Namespace) -> int:
    result = generate(args.root / "data", args.root / "docs")
    sys.stdout.write(f"{result.cases} cases; {result.written} pages written, {result.deleted} deleted.\n")
    return 0


def _publish(args: argparse.Namespace) -> int:
    # SIGTERM (a CI timeout, `kill`) ends the build like Ctrl-C: publish() then
    # removes its staging folder, and subprocess.run stops MkDocs.
    signal.signal(signal.SIGTERM, _stop)
    try:
        site = publish(args.root.resolve())
    except PublishError as error:
        sys.stderr.write(f"{error}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("stopped; the published site was not changed\n")
        return 130
    sys.stdout.write(f"published {site.as_posix()}\n")
    return 0


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _similar(args: argparse.Namespace) -> int:
    """For reviewers with the article at hand: `casebook check` sees only the quoted evidence."""
    root = args.root.resolve()
    catalog = build_catalog(root / "data", shown_from=root, only=[args.record.resolve()])
    case = catalog.cases[0]
    lang = case.translation.text_lang
    article = args.article.read_text("utf-8")
    prose = [("summary", case.summary)] + [(f"practices.{p.id}", p.description) for p in case.practices]
    found = [
        (where, match)
        for where, text in prose
        for match in near_copies(text.get(lang) or "", [article], args.threshold)
    ]
    for where, match in found:
        sys.stdout.write(f"{match.score:.2f} {where}: {match.sentence}\n     source: {match.passage}\n")
    sys.stdout.write(f"{len(found)} sentences at or above {args.threshold:.2f}\n")
    return 1 if found else 0


def _scan(args: argparse.Namespace) -> int:
    if args.learn:
        sys.stdout.write(learn_allowlist(args.site).to_json())
        return 0
    findings = scan_site(args.site, committed_allowlist())
    for finding in findings:
        sys.stderr.write(f"{finding}\n")
    sys.stdout.write(f"{len(findings)} findings\n")
    return 1 if findings else 0
