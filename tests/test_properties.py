"""Property-based tests: the loader never crashes, and valid records survive load → render → scan."""

from __future__ import annotations

import datetime as dt
import html
import shutil

import markdown
import yaml
from conftest import FIXTURE_DATA
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casebook import personal_data
from casebook.catalog import build_catalog
from casebook.characters import first_refused
from casebook.loader import load_bytes
from casebook.problems import Problem
from casebook.render import plan_pages
from casebook.scanner import _PageScanner, committed_allowlist

YAML_PIECES = st.sampled_from(
    [
        "a",
        ":",
        " ",
        "\n",
        "- ",
        "[",
        "]",
        "{",
        "}",
        ",",
        "&x",
        "*x",
        "!!str",
        "<<",
        "'",
        '"',
        "#",
        "---",
        "|",
        ">",
        "\t",
        "\r",
        "0x1",
        "010",
        "no",
        "~",
        "2024-01-01",
        "\u202e",
        "\ufeff",
        "\x00",
        "社区",
        "?",
        "%YAML 1.1",
    ]
)


def _assert_reported(raw: bytes) -> None:
    document, problems = load_bytes(raw, "x.yaml")
    if document is None:
        assert problems and all(isinstance(p, Problem) and p.line >= 1 and p.column >= 1 for p in problems)
    else:
        assert problems == []


@given(st.binary(max_size=2000))
def test_loader_never_crashes_on_bytes(raw: bytes):
    _assert_reported(raw)


@given(st.lists(YAML_PIECES, max_size=60).map("".join))
def test_loader_never_crashes_on_yaml_like_text(text: str):
    _assert_reported(text.encode("utf-8", "surrogatepass"))


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-(10**6), 10**6), st.text(max_size=30))
TREES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(min_size=1, max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


def _tuples(value):
    if isinstance(value, list):
        return tuple(_tuples(item) for item in value)
    if isinstance(value, dict):
        return {key: _tuples(item) for key, item in value.items()}
    return value


@given(st.dictionaries(st.text(min_size=1, max_size=10), TREES, min_size=1, max_size=5))
def test_plain_data_survives_a_dump_and_load(data: dict):
    raw = yaml.safe_dump(data, allow_unicode=True).encode("utf-8")
    document, problems = load_bytes(raw, "x.yaml")
    if document is None:  # only for characters the loader refuses on purpose
        assert problems and all(p.message.key.startswith("char.") for p in problems)
    else:
        assert document.data == _tuples(data)


LINE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Co", "Zl", "Zp", "Cf")), min_size=1, max_size=80
).filter(lambda text: text.strip() and first_refused(text) is None)  # tests/test_unicode_inputs.py has the rest
HOSTILE = st.one_of(
    LINE,
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "[x](javascript:alert(1))",
            "{: onclick=alert(1) }",
            '" onmouseover="alert(1)',
            "*a* _b_ `c` # d | e",
            "&lt;&amp;&#106;",
            '--8<-- "/etc/passwd"',
        ]
    ),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=HOSTILE, title=HOSTILE, description=HOSTILE, label=HOSTILE)
def test_valid_records_survive_load_render_scan(tmp_path_factory, name, title, description, label):
    data_dir = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(FIXTURE_DATA, data_dir)
    record = {
        "id": "generated-community",
        "name": {"zh": name, "en": name},
        "location": {},
        # The English page is rendered below: the Chinese summary keeps check's 80–150 characters.
        "summary": {"zh": "社" * 80, "en": description},
        "practices": [
            {
                "id": "generated-practice",
                "title": {"zh": title, "en": title},
                "themes": ["grid-governance"],
                "description": {"zh": description, "en": description},
                "figures": [
                    {
                        "label": {"zh": label, "en": label},
                        "value": 5,
                        "unit": "case",
                        "source": "s",
                        "evidence": f"社区5 {label}",  # a Chinese source is quoted in Chinese
                    }
                ],
            }
        ],
        "sources": [
            {
                "id": "s",
                "publisher": {"zh": label, "en": label},
                "title": {"zh": title.replace("《", "〈")},
                "language": "zh",
            }
        ],
        "translation": {"original": "zh", "state": "reviewed"},
        "added": dt.date(2026, 1, 1).isoformat(),
        "updated": dt.date(2026, 1, 1).isoformat(),
    }
    (data_dir / "cases" / "generated-community.yaml").write_text(yaml.safe_dump(record, allow_unicode=True), "utf-8")
    catalog = build_catalog(data_dir)
    page = next(p for p in plan_pages(catalog) if p.path == "cases/generated-community.en.md")
    body = page.content.split("---\n", 2)[2]
    rendered = markdown.markdown(body, extensions=["attr_list", "toc", "tables", "admonition"])
    scanner = _PageScanner(committed_allowlist(), learn=False, content_only=True)
    scanner.feed(rendered)
    assert scanner.findings == []
    heading = rendered.split("<h1", 1)[1].split(">", 1)[1].split("</h1>", 1)[0]
    assert html.unescape(heading) == " ".join(name.split())


PROSE_CHARS = st.sampled_from(
    list(
        "社区居民调解。，、“”（）：；abcXYZ 019.,;:'\"()%=+-#>/?@$^{}\u00a0\u2028\u2029\x85\x0b\u3000*_`[]<>\\&!|~\n\t"
    )
)


@settings(max_examples=3000)
@given(st.lists(PROSE_CHARS, min_size=1, max_size=40).map("".join))
def test_the_plain_paragraph_shortcut_renders_what_markdown_would(text: str):
    from casebook import markup

    if markup._PLAIN_LINE.fullmatch(text) and text == text.strip():
        assert markup.prose.__wrapped__(text) == markup._rendered_prose(text)


NUMBERS = st.one_of(
    st.from_regex(personal_data._MOBILE, fullmatch=False),
    st.from_regex(personal_data._LANDLINE, fullmatch=False),
    st.from_regex(personal_data._ID_CARD, fullmatch=False),
)


@settings(max_examples=1000)
@given(NUMBERS)
def test_the_digit_prefilter_lets_every_phone_and_id_pattern_through(text: str):
    # personal_data() skips the number patterns on texts without such a run of digits.
    assert personal_data._DIGITS.search(text)
