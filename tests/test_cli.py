"""The contributor's command line, driven end to end as a contributor would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import FIXTURE_DATA
from sitebuild import ROOT, build_site, make_project

from casebook.cli import SCHEMA_PATH, schema_text
from casebook.translation import fingerprint

CASEBOOK = [sys.executable, "-m", "casebook"]

GAMMA = """\
# yaml-language-server: $schema=../../schema/case.schema.json
id: gamma-community
name: {zh: 丙社区, en: Gamma Community}
location: {region: qinghai, city: xining}
summary:
  zh: 丙社区在楼栋里设立网格员，每月走访居民，把发现的问题记入台账并逐件办理。社区还组织各族居民在节日里一起包饺子、跳锅庄，邻里之间越来越熟悉，有事也愿意找社区和网格员一起商量解决。
  en: Gamma Community has a grid worker for every building who visits residents each month, records the problems they raise and sees each one through. At festivals residents of all ethnic groups make dumplings and dance together, and neighbours now bring their problems to the community and its grid workers.
practices:
  - id: monthly-visits
    title: {zh: 每月走访, en: Monthly visits}
    themes: [grid-governance]
    description: {zh: 网格员每月入户走访。, en: Grid workers visit every household each month.}
sources:
  - {id: report, publisher: {zh: 示例报, en: Example Paper}, title: {zh: 丙社区, en: Gamma Community}, language: zh}
translation: {original: zh, state: reviewed}
added: 2026-11-01
updated: 2026-11-01
"""


def casebook(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CASEBOOK, "--root", str(root), *args], capture_output=True, text=True, cwd=root)


def test_new_contributor_flow_from_scaffold_to_built_pages(tmp_path: Path):
    project = make_project(tmp_path, FIXTURE_DATA)
    created = casebook(project, "new", "gamma-community")
    assert (created.returncode, created.stdout) == (
        0,
        "created " + (project / "data/cases/gamma-community.yaml").as_posix() + "\n",
    )
    record = project / "data" / "cases" / "gamma-community.yaml"
    assert record.read_text("utf-8").startswith("# yaml-language-server: $schema=../../schema/case.schema.json\n")

    record.write_text(GAMMA.replace("themes: [grid-governance]", "themes: [grid-govern]"), "utf-8")
    failed = casebook(project, "check", "data/cases/gamma-community.yaml")
    assert failed.returncode == 1
    assert failed.stderr == (
        "data/cases/gamma-community.yaml:11:14: practices[0].themes[0]: unknown theme 'grid-govern'; "
        "nearest: grid-governance\n1 problem found; nothing was generated.\n"
    )
    failed_zh = casebook(project, "check", "--lang", "zh", "data/cases/gamma-community.yaml")
    assert failed_zh.stderr == (
        "data/cases/gamma-community.yaml:11:14: practices[0].themes[0]: 未知的主题“grid-govern”；"
        "最接近的是：grid-governance\n发现 1 个问题；未生成任何页面。\n"
    )

    record.write_text(GAMMA, "utf-8")
    passed = casebook(project, "check", "data/cases/gamma-community.yaml")
    assert (passed.returncode, passed.stdout, passed.stderr) == (0, "1 case checked; no problems found.\n", "")

    assert build_site(project).returncode == 0
    for page in ("site/cases/gamma-community/index.html", "site/en/cases/gamma-community/index.html"):
        assert "monthly-visits" in (project / page).read_text("utf-8")


def test_similar_names_sentences_that_follow_the_article(tmp_path: Path):
    project = make_project(tmp_path, FIXTURE_DATA)
    article = tmp_path / "article.txt"
    article.write_text(
        "甲社区网格员定期入户走访,登记居民的困难和诉求,并跟踪办理结果。调解室成立以来化解纠纷300余件。", "utf-8"
    )
    found = casebook(project, "similar", "data/cases/alpha-community.yaml", str(article))
    assert (found.returncode, found.stdout) == (
        1,
        "1.00 practices.grid-worker-visits: 网格员定期入户走访，登记居民的困难和诉求，并跟踪办理结果\n"
        "     source: 甲社区网格员定期入户走访,登记居民的困难和诉求,并跟踪办理结果\n"
        "1 sentences at or above 0.60\n",
    )
    strict = casebook(project, "similar", "data/cases/beta-community.yaml", str(article))
    assert (strict.returncode, strict.stdout) == (0, "0 sentences at or above 0.60\n")


def test_new_refuses_malformed_and_existing_ids(tmp_path: Path):
    project = make_project(tmp_path, FIXTURE_DATA)
    bad = casebook(project, "new", "../escape")
    assert (bad.returncode, bad.stderr) == (
        1,
        "'../escape' is not a valid id: use lowercase ASCII letters and digits joined by hyphens\n",
    )
    taken = casebook(project, "new", "alpha-community")
    assert taken.returncode == 1
    assert taken.stderr.endswith(
        "data/cases/alpha-community.yaml already exists: choose another id (ids are never reused)\n"
    )


def test_status_counts_states_and_lists_stale_translations(tmp_path: Path):
    project = make_project(tmp_path, FIXTURE_DATA)
    record = project / "data" / "cases" / "alpha-community.yaml"
    text = record.read_text("utf-8")
    old = fingerprint("网格员入户走访 (an older wording)")
    record.write_text(
        text.replace(
            "title: {zh: 网格员入户走访, en: Grid worker home visits}",
            f"title: {{zh: 网格员入户走访, en: Grid worker home visits, reviewed: {old}}}",
        ),
        "utf-8",
    )
    status = casebook(project, "status")
    assert status.returncode == 0
    assert status.stdout.splitlines() == [
        "case                        lang  original  reviewed   machine     draft   missing     stale",
        "alpha-community             zh          20         0         0         0         0         0",
        "alpha-community             en           0        19         0         0         0         1",
        "beta-community              zh           0         0         1         0         7         0",
        "beta-community              en           8         0         0         0         0         0",
        "data/cases/alpha-community.yaml: practices[0].title.en: translation is stale: "
        "the original text changed since it was reviewed",
    ]
    check = casebook(project, "check")
    assert check.returncode == 0
    assert check.stderr == (
        "warning: data/cases/alpha-community.yaml: practices[0].title.en: translation is stale: "
        "the original text changed since it was reviewed\n"
    )


def test_committed_schema_matches_the_model():
    committed = (ROOT / SCHEMA_PATH).read_text("utf-8")
    assert committed == schema_text(), "schema/case.schema.json is out of date: run `casebook schema`"


def test_every_record_points_editors_to_the_schema():
    for record in sorted((ROOT / "data" / "cases").glob("*.yaml")):
        assert record.read_text("utf-8").startswith("# yaml-language-server: $schema=../../schema/case.schema.json\n")


def test_schema_descriptions_are_bilingual():
    assert '"description": "equal to the file name 与文件名一致"' in schema_text()


def test_command_line_never_imports_mkdocs():
    code = "import sys, casebook.cli, casebook.pipeline; print(sorted(m for m in sys.modules if 'mkdocs' in m))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout == "[]\n"


def test_status_piped_into_a_reader_that_stops_early_ends_quietly(tmp_path: Path):
    project = make_project(tmp_path, FIXTURE_DATA)
    command = [
        sys.executable,
        "-m",
        "casebook",
        "--root",
        str(project),
        "status",
        "--fingerprints",
        str(project / "data" / "cases" / "alpha-community.yaml"),
    ]
    pipeline = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert pipeline.stdout is not None
    pipeline.stdout.close()  # before a line is written, as `| head -0` would: every write meets a closed pipe
    _, stderr = pipeline.communicate(timeout=60)
    assert (pipeline.returncode, stderr.decode()) == (0, "")


def test_new_explains_the_id_format():
    result = subprocess.run([sys.executable, "-m", "casebook", "new", "--help"], capture_output=True, text=True)
    assert "lowercase ASCII letters and digits joined by single hyphens, such as xinhua-community" in " ".join(
        result.stdout.split()
    )


def test_the_case_template_offers_every_optional_source_and_figure_field():
    """A contributor meets author, as_of and a headline-less source's description in the scaffold itself."""
    from importlib import resources

    from casebook.loader import load_bytes

    template = resources.files("casebook").joinpath("templates/new-case.yaml").read_text("utf-8")
    document, problems = load_bytes(template.encode("utf-8"), "new-case.yaml")
    assert problems == [] and document is not None
    assert document.data["sources"][0]["author"] == {"zh": None, "en": None}
    assert "as_of" in document.data["profile"]["households"]
    assert "# description: {zh: , en: }" in template
