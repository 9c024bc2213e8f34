"""The files under .github/ and the pre-commit configuration are well-formed and safe.

actionlint is not used: its PyPI wrapper downloads the binary from GitHub at
install time, which the package registries we may use do not serve.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ISSUE_FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text("utf-8"))
    assert isinstance(data, dict), path
    return data


def test_expected_files_exist():
    assert [p.name for p in WORKFLOWS] == ["deploy.yml", "pull-request.yml"]
    assert [p.name for p in ISSUE_FORMS] == ["report-an-error.yml", "suggest-a-case.yml", "translation-fix.yml"]
    assert (GITHUB / "pull_request_template.md").read_text("utf-8").count("- [ ]") >= 6


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_pinned_least_privileged_and_persists_no_credentials(path: Path):
    workflow = load(path)
    triggers = workflow.get(True) or workflow["on"]  # PyYAML reads the key `on` as True
    assert triggers
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        assert job["runs-on"].startswith("ubuntu-"), name
        for step in job["steps"]:
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+\.\d+\.\d+", step["uses"]), step["uses"]
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
    text = path.read_text("utf-8")
    assert "make check" in text and "bash .ci/run" in text and "make build" in text


def test_only_the_deploy_job_may_write_pages():
    deploy = load(GITHUB / "workflows" / "deploy.yml")
    assert deploy[True] == {"push": {"branches": ["main"]}}
    assert deploy["jobs"]["deploy"]["needs"] == "build"
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "permissions" not in deploy["jobs"]["build"]


@pytest.mark.parametrize("path", ISSUE_FORMS, ids=lambda p: p.name)
def test_issue_form_has_required_keys(path: Path):
    form = load(path)
    assert {"name", "description", "body"} <= set(form)
    ids = [item["id"] for item in form["body"]]
    assert len(ids) == len(set(ids))
    for item in form["body"]:
        assert item["type"] in {"input", "textarea", "dropdown", "checkboxes", "markdown"}
        assert item["attributes"]["label"]


def test_pre_commit_runs_casebook_check_on_changed_records():
    config = load(ROOT / ".pre-commit-config.yaml")
    local = next(repo for repo in config["repos"] if repo["repo"] == "local")
    check = next(hook for hook in local["hooks"] if hook["id"] == "casebook-check")
    assert check["entry"] == ".venv/bin/casebook check"
    assert re.fullmatch(check["files"], "data/cases/qingquanjie-community.yaml")
    assert re.fullmatch(check["files"], "data/collections/dispute-mediation-and-grid-governance.yaml")
    # A changed vocabulary is checked with the whole casebook (its records use it), not as a record.
    vocab = next(hook for hook in local["hooks"] if hook["id"] == "casebook-check-vocab")
    assert (vocab["entry"], vocab["pass_filenames"]) == (".venv/bin/casebook check", False)
    assert re.fullmatch(vocab["files"], "data/vocab/regions.yaml")
    assert not re.fullmatch(check["files"], "data/vocab/regions.yaml")
    hygiene = next(repo for repo in config["repos"] if repo["repo"].endswith("pre-commit-hooks"))
    assert {"check-yaml", "end-of-file-fixer", "trailing-whitespace"} <= {hook["id"] for hook in hygiene["hooks"]}


def test_pull_request_template_asks_for_the_whole_test_suite_glossary_terms_and_the_licences():
    template = (GITHUB / "pull_request_template.md").read_text("utf-8")
    for asked in ("`make test`", "data/vocab/glossary.yaml", "## 新术语 · New glossary terms", "`casebook stamp`"):
        assert asked in template, asked
    assert "文字和数据采用 CC BY 4.0（LICENSE-DATA.md），代码采用 MIT（LICENSE）" in template
    assert "texts and\ndata under CC BY 4.0 (LICENSE-DATA.md), code under MIT (LICENSE)" in template
