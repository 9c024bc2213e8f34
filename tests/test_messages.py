"""The message table (hooks/casebook/messages.yaml): both languages for every key, the same
placeholders in both, every key used; and every problem-producing path, run under both
languages, keeps English out of the Chinese output."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURE_DATA
from sitebuild import ROOT

from casebook import cli
from casebook.catalog import build_catalog
from casebook.loader import MAX_BYTES, MAX_DEPTH, load_bytes, read_file
from casebook.model import Case, Span, Text
from casebook.pipeline import generate
from casebook.problems import (
    MESSAGE_LANGS,
    DataError,
    Listed,
    Message,
    Problem,
    msg,
    placeholders,
    render,
    report,
    table,
)
from casebook.rules import Record, ids_are_unique
from casebook.validate import validate

PACKAGE = ROOT / "hooks" / "casebook"
FIXTURES = Path(__file__).parent / "fixtures"
BAD_RECORDS = sorted((FIXTURES / "bad-records").glob("*.yaml"))
BAD_COLLECTIONS = sorted((FIXTURES / "bad-collections").glob("*.yaml"))

# Keys written at the edge rather than carried by a problem, each asserted in a test below.
EDGE_KEYS = {
    "report.one",
    "report.many",
    "list.comma",
    "list.or",
    "cli.warning",
    "cli.checked",
    "cli.cases.one",
    "cli.cases.many",
    "cli.collections.one",
    "cli.collections.many",
    "cli.no_such_file",
    "cli.new.invalid_id",
    "cli.new.exists",
    "cli.new.created",
    "translation.stale",
}
# Keys no test can reach, and why.
UNREACHED = {
    "oserror.EACCES": "the tests run as root, who may read any file",
    "field.invalid": "the fallback for a pydantic error the table does not name yet",
    "yaml.unknown": "the fallback for a libyaml error without a description",
}
# Words that may appear in Chinese messages: formats, field names and values the contributor writes.
ALLOWED_WORDS = {
    *("YAML", "UTF", "BOM", "CR", "LF", "CRLF", "KB", "Windows", "Tab", "http", "https", "YYYY", "MM", "DD"),
    *("zh", "en", "id", "case", "practice", "description", "added", "true", "false", "name", "data", "docs"),
    *("cases", "collections", "vocab", "translations", "yaml", "casebook", "status", "fingerprints"),
    *("regions", "cities", "themes", "why"),
}


def _source() -> str:
    return "\n".join(path.read_text("utf-8") for path in sorted(PACKAGE.glob("*.py")))


def test_every_key_has_its_text_in_both_languages():
    incomplete = [
        key
        for key, texts in table().items()
        if not isinstance(texts, dict)
        or set(texts) != set(MESSAGE_LANGS)
        or not all(isinstance(text, str) and text.strip() for text in texts.values())
    ]
    assert incomplete == []


def test_both_languages_have_the_same_placeholders():
    differ = [key for key, texts in table().items() if placeholders(texts["zh"]) != placeholders(texts["en"])]
    assert differ == []


def test_every_key_is_used_by_the_code():
    source = _source()
    assert [key for key in table() if f'"{key}"' not in source] == []


def test_every_key_the_code_names_is_in_the_table():
    source = _source()
    named = set(re.findall(r'msg\(\s*"([^"]+)"', source))
    named |= set(re.findall(r'"((?:kind|personal|oserror|yaml|cli)\.[\w.]+)"', source))  # passed on to msg()
    assert len(named) > 100
    assert sorted(named - set(table())) == []


def test_a_missing_key_is_refused_where_it_is_written():
    with pytest.raises(KeyError, match=r"no\.such\.key is not in messages\.yaml"):
        msg("no.such.key")


# --- every path that produces a problem ---------------------------------------


def _catalog_problems(data_dir: Path) -> list[Problem]:
    with pytest.raises(DataError) as caught:
        build_catalog(data_dir)
    return list(caught.value.problems)


def _fresh(tmp: Path, name: str) -> Path:
    data_dir = tmp / name / "data"
    shutil.copytree(FIXTURE_DATA, data_dir)
    return data_dir


# Raw files and the Chinese message of the one problem each makes (the English is tests/test_loader.py's).
LOADER_CASES = [
    (b"x" * (MAX_BYTES + 1), "文件超过 256 KB"),
    (b"\xff\xfea\x00", "文件必须是 UTF-8 编码，发现了 UTF-16 字节序标记"),
    (b"\xef\xbb\xbfa: 1\n", "文件以字节序标记（BOM）开头：请保存为不带 BOM 的 UTF-8"),
    (b"a: \xff\n", "文件必须是 UTF-8 编码：存在无效字节"),
    (b"  \n", "文件为空"),
    (b"a: b\rc: d\n", "存在单独的回车符（CR），请使用 LF 或 CRLF 换行"),
    (b"a: \x1b\n", "不允许使用控制字符 U+001B"),
    ("a: \u202e\n".encode(), "不允许使用不可见或改变文字方向的字符 U+202E"),
    ("a: \ufdd0\n".encode(), "不允许使用非字符 U+FDD0"),
    (b'a: "\\u202E"\n', "不允许使用不可见或改变文字方向的字符 U+202E（以转义形式写出）"),
    ("标题: 社区: 说明\n".encode(), "YAML 格式错误：此处不能再写“键: 值”（值中含有“: ”时请给整个值加引号）"),
    (b"a: [1\nb: 2\n", "YAML 格式错误：找不到应有的“,”或“]”"),
    (b"a: {b: 1\n", "YAML 格式错误：找不到应有的“,”或“}”"),
    (b"a:\n  b: 1\n c: 2\n", "YAML 格式错误：找不到应有的键（缩进可能不对齐）"),
    (b"a:\n  - b\n  c: 1\n", "YAML 格式错误：找不到应有的“-”列表项标记（缩进可能不对齐）"),
    (b"a: @x\n", "YAML 格式错误：这个字符不能作为值的开头（值以 @ 或 ` 开头时请加引号；缩进请用空格，不要用 Tab）"),
    (b'a: "abc\n', "YAML 格式错误：文件在引号结束之前就结束了"),
    (b'a: "\\q"\n', "YAML 格式错误：未知的转义字符"),
    (b"a: b\nc\n", "YAML 格式错误：找不到应有的“:”"),
    (b"a: - b\n", "YAML 格式错误：此处不能开始列表（列表项“- ”要另起一行）"),
    (b"a: ]\n", "YAML 格式错误：找不到应有的内容"),
    (b"- a\n", "顶层必须是“字段: 值”形式的映射"),
    (b"a: 1\n---\nb: 2\n", "每个文件只能有一个 YAML 文档"),
    (b"a: " + b"[" * MAX_DEPTH + b"]" * MAX_DEPTH + b"\n", "嵌套超过 12 层"),
    (b"a: 1\nb: *x\n", "不允许使用别名（*name），请直接写出值"),
    (b"a: &x 1\n", "不允许使用锚点（&name），请直接写出值"),
    (b"a: !!str x\n", "不允许使用标签（如 tag:yaml.org,2002:str）"),
    (b"a: 1234567890123456\n", "数字最多 15 位"),
    (b"a: [" + b"1, " * 1001 + b"]\n", "列表最多 1000 项"),
    (b"a: 1\na: 2\n", "重复的键“a”（第 1 行已写过）"),
    (b"? [a]\n: 1\n", "键必须是普通文字"),
    (b"<<: {a: 1}\n", "不允许使用合并键（<<），请直接写出字段"),
]


def _loader_problems(raw: bytes) -> list[Problem]:
    document, problems = load_bytes(raw, "x.yaml")
    assert document is None
    return problems


def _field_problems() -> list[Problem]:
    """Wrong types and forms that no bad-record fixture has: pydantic's remaining messages."""
    problems = []
    for model, raw in (
        (Case, b"id: [a]\nname: text\nsummary: {zh: ''}\nadded: 1\npractices: {}\n"),
        (Span, b"start: 2024-13\nend: '24'\n"),
        (Text, "zh: 文\nreviewed: ABC\n".encode()),
    ):
        document, _ = load_bytes(raw, "x.yaml")
        assert document is not None
        problems += validate(model, document)[1]
    return problems


def _rule_problems(tmp: Path) -> list[Problem]:
    """Rules across records that no bad-record fixture breaks."""
    data_dir = _fresh(tmp, "rules")
    alpha, beta = data_dir / "cases" / "alpha-community.yaml", data_dir / "cases" / "beta-community.yaml"
    alpha.write_text(alpha.read_text("utf-8").replace("city: hohhot", "city: hohot"), "utf-8")
    beta.write_text(beta.read_text("utf-8").replace("{en: Beta Community}", "{en: Alpha Community}", 1), "utf-8")
    problems = _catalog_problems(data_dir)
    catalog = build_catalog(FIXTURE_DATA)
    raw = (FIXTURE_DATA / "cases" / "alpha-community.yaml").read_bytes()
    record = Record(catalog.cases[0], "data/cases/alpha-community.yaml", raw, "alpha-community")
    twin = Record(catalog.cases[0], "elsewhere/alpha-community.yaml", raw, "alpha-community")
    return problems + list(ids_are_unique((record, twin), catalog.vocab))


def _tree_problems(tmp: Path) -> list[Problem]:
    data_dir = _fresh(tmp, "tree")
    (data_dir / "cases" / "notes.txt").write_text("x", "utf-8")
    (data_dir / "extra.yaml").write_text("a: 1\n", "utf-8")
    (data_dir / "cases" / "link.yaml").symlink_to(data_dir / "cases" / "notes.txt")
    os.mkfifo(data_dir / "cases" / "pipe")
    problems = _catalog_problems(data_dir)
    data_dir = _fresh(tmp, "vocab")
    (data_dir / "vocab" / "units.yaml").unlink()
    (data_dir / "vocab" / "themes.yaml").write_text("themes: []\nextra: 1\n", "utf-8")
    _repeat_a_region(data_dir)
    problems += _catalog_problems(data_dir)
    data_dir = _fresh(tmp, "units")
    with (data_dir / "vocab" / "units.yaml").open("a", encoding="utf-8") as units:
        units.write("  - {key: piece, zh: 个, en_one: unit, en_other: units}\n")
    return problems + _catalog_problems(data_dir)


def _vocab_use_problems(tmp: Path) -> list[Problem]:
    """The whole-casebook rules (vocab_rules.py): a theme and a glossary term nothing uses."""
    data_dir = _fresh(tmp, "vocab-use")
    with (data_dir / "vocab" / "themes.yaml").open("a", encoding="utf-8") as themes:
        themes.write("  - {key: unused, label: {zh: 未用, en: Unused}, description: {zh: 无。, en: None.}}\n")
    with (data_dir / "vocab" / "glossary.yaml").open("a", encoding="utf-8") as glossary:
        glossary.write("  - {key: unused, term: {zh: 未用词, en: unused term}, definition: {zh: 无。, en: None.}}\n")
    return _catalog_problems(data_dir)


def _repeat_a_region(data_dir: Path) -> None:
    with (data_dir / "vocab" / "regions.yaml").open("a", encoding="utf-8") as regions:
        regions.write("  - {key: qinghai, label: {zh: 青海省, en: Qinghai Province}}\n")


def _docs_problems(tmp: Path) -> list[Problem]:
    """docs/ holding stray files, a hand-written page where a generated one goes, a page at a
    generated page's address, a linked folder; and docs/ itself a link."""
    data_dir, problems = _fresh(tmp, "docs"), list[Problem]()
    (tmp / "elsewhere").mkdir()
    (tmp / "linked").symlink_to(tmp / "elsewhere")
    files = {
        "strays": ["run", "a.sh"],
        "hand": ["cases/alpha-community.md"],
        "address": ["cases/alpha-community/index.md"],
        "link": [],
        "linked": [],
    }
    for name, paths in files.items():
        docs = tmp / name
        docs.mkdir(exist_ok=True)
        for path in paths:
            (docs / path).parent.mkdir(parents=True, exist_ok=True)
            (docs / path).write_text("x", "utf-8")
        if name == "link":
            (docs / "themes").symlink_to(tmp / "elsewhere")
        with pytest.raises(DataError) as caught:
            generate(data_dir, docs)
        problems += caught.value.problems
    return problems


def _repeated_problems(tmp: Path) -> list[Problem]:
    data_dir = _fresh(tmp, "repeated")
    path = data_dir / "cases" / "alpha-community.yaml"
    alpha = path.read_text("utf-8")
    path.write_text(alpha.replace("practices:\n", f"practices: [{', '.join(['{}'] * 12)}]\nold:\n", 1), "utf-8")
    return _catalog_problems(data_dir)


def _other_problems(tmp: Path) -> Iterator[Problem]:
    yield from read_file(tmp / "no-such-file.yaml", "data/cases/no-such-file.yaml")[1]
    yield from read_file(tmp, "data/cases/folder.yaml")[1]
    with pytest.raises(DataError) as caught:
        generate(FIXTURE_DATA, tmp / "preview-docs", only=("no-such-case",))
    yield from caught.value.problems


@pytest.fixture(scope="module")
def produced(tmp_path_factory: pytest.TempPathFactory) -> list[Problem]:
    """The problems of every path: the bad records and collections, the loader's refusals,
    pydantic's type errors, data/ and docs/ hygiene, vocabularies, repeats, unreadable files."""
    tmp = tmp_path_factory.mktemp("messages")
    problems: list[Problem] = []
    for record in BAD_RECORDS:
        data_dir = _fresh(tmp, f"record-{record.stem}")
        shutil.copy(record, data_dir / "cases" / record.name)
        problems += _catalog_problems(data_dir)
    for collection in BAD_COLLECTIONS:
        data_dir = _fresh(tmp, f"collection-{collection.stem}")
        shutil.copy(collection, data_dir / "collections" / collection.name)
        problems += _catalog_problems(data_dir)
    for raw, _ in LOADER_CASES:
        problems += _loader_problems(raw)
    problems += (
        _field_problems() + _rule_problems(tmp) + _tree_problems(tmp) + _docs_problems(tmp) + _repeated_problems(tmp)
    )
    problems += _vocab_use_problems(tmp)
    problems += _other_problems(tmp)
    return problems


def _keys(message: Message) -> Iterator[str]:
    yield message.key
    for _, value in message.params:
        if isinstance(value, Message):
            yield from _keys(value)


def _data_values(message: Message) -> Iterator[str]:
    """The values a message shows as written: the contributor's keys, ids, file names."""
    for _, value in message.params:
        if isinstance(value, Message):
            yield from _data_values(value)
        elif isinstance(value, Listed):
            yield from value.items
        else:
            yield str(value)


def test_every_message_comes_from_a_tested_path(produced: list[Problem]):
    keys = {key for problem in produced for key in _keys(problem.message)}
    assert sorted(set(table()) - keys - EDGE_KEYS - set(UNREACHED)) == []
    assert sorted(keys & (EDGE_KEYS | set(UNREACHED))) == []


def test_no_english_reaches_the_chinese_messages(produced: list[Problem]):
    english = {}
    for problem in produced:
        zh = problem.message.text("zh")
        assert zh != problem.message.text("en") and re.search(r"[\u4e00-\u9fff]", zh), zh
        rest = zh
        for value in sorted(_data_values(problem.message), key=len, reverse=True):
            rest = rest.replace(value, " ")
        words = set(re.findall(r"[A-Za-z]{2,}", rest)) - ALLOWED_WORDS
        if words:
            english[zh] = sorted(words)
    assert english == {}


@pytest.mark.parametrize("raw,expected", LOADER_CASES, ids=range(len(LOADER_CASES)))
def test_the_loaders_messages_in_chinese(raw: bytes, expected: str):
    assert [problem.message.text("zh") for problem in _loader_problems(raw)] == [expected]


def test_pydantic_messages_in_chinese():
    assert [render(problem, "zh") for problem in _field_problems()] == [
        "x.yaml:1:1: id: 必须是文字",
        "x.yaml:2:1: name: 必须是“字段: 值”形式的映射",
        "x.yaml:1:1: location: 缺少必填字段",
        "x.yaml:3:11: summary.zh: 不能为空",
        "x.yaml:5:1: practices: 必须是列表",
        "x.yaml:1:1: sources: 缺少必填字段",
        "x.yaml:1:1: translation: 缺少必填字段",
        "x.yaml:4:1: added: 必须是 YYYY-MM-DD 格式的日期",
        "x.yaml:1:1: updated: 缺少必填字段",
        "x.yaml:1:1: start: 必须是 YYYY 或 YYYY-MM 格式的年份或月份",
        "x.yaml:2:1: end: 必须是 YYYY 或 YYYY-MM 格式的年份或月份",
        "x.yaml:2:1: reviewed: 必须是指纹：8 个 0–9 或 a–f 的字符，即 casebook status --fingerprints 给出的值",
    ]


def test_the_messages_named_in_the_issue_read_in_chinese(tmp_path: Path):
    """Issue 17 found these in English under --lang zh."""
    unreadable = read_file(tmp_path / "gone.yaml", "data/cases/gone.yaml")[1]
    not_text = _loader_problems(b"? [a]\n: 1\n")
    data_dir = _fresh(tmp_path, "dup")
    _repeat_a_region(data_dir)
    duplicates = _catalog_problems(data_dir)[:1]
    with pytest.raises(DataError) as caught:
        generate(FIXTURE_DATA, tmp_path / "docs", only=("no-such-case",))
    assert [render(problem, "zh") for problem in unreadable + not_text + duplicates + list(caught.value.problems)] == [
        "data/cases/gone.yaml:1:1: 无法读取文件：文件不存在",
        "x.yaml:1:3: 键必须是普通文字",
        "data/vocab/regions.yaml:12:6: regions[2].key: 键“qinghai”定义了不止一次（第一次在第 8 行）",
        "data/cases/no-such-case.yaml:1:1: 预览：没有这个案例记录",
    ]


@pytest.mark.parametrize("record", BAD_RECORDS + BAD_COLLECTIONS, ids=lambda path: f"{path.parent.name}-{path.stem}")
def test_bad_records_report_in_chinese(data_dir: Path, golden, record: Path):
    """The whole Chinese report of each bad record, beside the English one in golden/errors/."""
    folder = "collections" if record.parent.name == "bad-collections" else "cases"
    shutil.copy(record, data_dir / folder / record.name)
    with pytest.raises(DataError) as caught:
        build_catalog(data_dir)
    golden.check(f"errors-zh/{record.parent.name}-{record.stem}.txt", report(caught.value.problems, "zh") + "\n")


def test_an_error_page_renders_one_problem_in_both_languages():
    problem = Problem(
        "data/cases/x.yaml",
        3,
        5,
        "practices[0].themes[0]",
        msg(
            "unknown", kind=msg("kind.theme"), key="grid-govern", hint=msg("hint.nearest", keys=Listed(("a", "b", "c")))
        ),
    )
    assert [render(problem, lang) for lang in MESSAGE_LANGS] == [
        "data/cases/x.yaml:3:5: practices[0].themes[0]: 未知的主题“grid-govern”；最接近的是：a、b、c",
        "data/cases/x.yaml:3:5: practices[0].themes[0]: unknown theme 'grid-govern'; nearest: a, b, c",
    ]
    assert str(problem) == render(problem, "en")
    assert [
        msg("field.one_of", choices=Listed(("'a'", "'b'", "'c'"), "list.or")).text(lang) for lang in MESSAGE_LANGS
    ] == ["必须是以下之一：'a'、'b' 或 'c'", "must be one of 'a', 'b' or 'c'"]


def test_reports_count_in_both_languages():
    one = (Problem("x.yaml", 1, 1, "", msg("file.empty")),)
    assert report(one, "zh") == "x.yaml:1:1: 文件为空\n发现 1 个问题；未生成任何页面。"
    assert report(one * 2, "en").endswith("\n2 problems found; nothing was generated.")


def test_the_command_line_speaks_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    project = tmp_path / "project"
    shutil.copytree(FIXTURE_DATA, project / "data")
    record = project / "data" / "cases" / "alpha-community.yaml"
    text = record.read_text("utf-8")
    stale = text.replace(
        "title: {zh: 网格员入户走访, en: Grid worker home visits}",
        "title: {zh: 网格员入户走访, en: Grid worker home visits, reviewed: 00000000}",
    )
    assert stale != text
    record.write_text(stale, "utf-8")
    assert cli.main(["--root", str(project), "check", "--lang", "zh"]) == 0
    out, err = capsys.readouterr()
    assert out == "已检查 2 个案例和 1 个培训选集；没有发现问题。\n"
    assert err == "警告：data/cases/alpha-community.yaml: practices[0].title.en: 译文已过时：原文在审校之后有改动\n"
    assert cli.main(["--root", str(project), "check", str(record)]) == 0
    out, err = capsys.readouterr()
    assert out == "1 case checked; no problems found.\n"
    assert err.startswith("warning: data/cases/alpha-community.yaml: practices[0].title.en: translation is stale")
    assert msg("cli.collections.one", cases=msg("cli.cases.many", count=3), count=1).text("en") == (
        "3 cases and 1 collection"
    )


def test_new_speaks_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    project = tmp_path / "project"
    shutil.copytree(FIXTURE_DATA, project / "data")
    said = []
    for lang in MESSAGE_LANGS:
        codes = [
            cli.main(["--root", str(project), "new", "--lang", lang, *args])
            for args in (["Bad_Id"], ["alpha-community"], [f"new-{lang}"])
        ]
        out, err = capsys.readouterr()
        said.append((codes, err.replace(project.as_posix() + "/", ""), out.replace(project.as_posix() + "/", "")))
    assert said == [
        (
            [1, 1, 0],
            "“Bad_Id”不是有效的编号：请用小写英文字母和数字，以单个连字符分隔\n"
            "data/cases/alpha-community.yaml 已存在：请换一个编号（编号永不重复使用）\n",
            "已创建 data/cases/new-zh.yaml\n",
        ),
        (
            [1, 1, 0],
            "'Bad_Id' is not a valid id: use lowercase ASCII letters and digits joined by hyphens\n"
            "data/cases/alpha-community.yaml already exists: choose another id (ids are never reused)\n",
            "created data/cases/new-en.yaml\n",
        ),
    ]


def test_check_of_a_path_that_does_not_exist_is_an_error_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    project = tmp_path / "project"
    shutil.copytree(FIXTURE_DATA, project / "data")
    monkeypatch.chdir(project)
    said = []
    for lang in MESSAGE_LANGS:
        code = cli.main(
            ["check", "--lang", lang, "nope.yaml", "data/cases/alpha-community.yaml", "data/cases/gone.yaml"]
        )
        out, err = capsys.readouterr()
        said.append((code, out, err))
    assert said == [
        (
            1,
            "",
            "nope.yaml：没有这个文件（请给出 data/cases/ 或 data/collections/ 下记录的路径）\n"
            "data/cases/gone.yaml：没有这个文件（请给出 data/cases/ 或 data/collections/ 下记录的路径）\n",
        ),
        (
            1,
            "",
            "nope.yaml: no such file (give the path of a record under data/cases/ or data/collections/)\n"
            "data/cases/gone.yaml: no such file (give the path of a record under data/cases/ or data/collections/)\n",
        ),
    ]
