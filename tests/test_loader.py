"""Strict YAML loading: YAML 1.2 meanings and every hostile form rejected with its place."""

from __future__ import annotations

import pytest

from casebook.loader import MAX_BYTES, load_bytes


def problems(raw: bytes) -> list[str]:
    document, found = load_bytes(raw, "x.yaml")
    assert document is None
    return [str(problem) for problem in found]


def test_scalars_keep_yaml_1_2_meaning():
    document, found = load_bytes(
        b"a: no\nb: 010\nc: 1:20\nd: 2024-01-02\ne: [1, 2.5, true, ~, 0x10, .inf, yes, 'no']\n", "x.yaml"
    )
    assert found == []
    assert document is not None
    assert document.data == {
        "a": "no",
        "b": "010",
        "c": "1:20",
        "d": "2024-01-02",
        "e": (1, 2.5, True, None, "0x10", ".inf", "yes", "no"),
    }


def test_positions_are_remembered_per_field():
    document, _ = load_bytes(b"a:\n  b:\n    - x\n    - y\n", "x.yaml")
    assert document is not None
    assert document.positions[("a",)] == (1, 1)
    assert document.positions[("a", "b")] == (2, 3)
    assert document.positions[("a", "b", 1)] == (4, 7)
    assert document.position(("a", "b", 1, "missing")) == (4, 7)


def test_crlf_line_endings_are_accepted():
    document, found = load_bytes(b"a: 1\r\nb: two\r\n", "x.yaml")
    assert found == []
    assert document is not None
    assert document.data == {"a": 1, "b": "two"}


def test_a_utf8_byte_order_mark_is_refused():
    # The contributor guide says so: a BOM is an invisible character like any other.
    assert problems(b"\xef\xbb\xbfa: 1\n") == [
        "x.yaml:1:1: file starts with a byte order mark (BOM): save it as UTF-8 without BOM"
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"a: 1\na: 2\n", ["x.yaml:2:1: a: duplicate key 'a' (first written on line 1)"]),
        (
            b"a: &x 1\nb: *x\n",
            [
                "x.yaml:1:4: anchors (&name) are not allowed; write the value out",
                "x.yaml:2:4: aliases (*name) are not allowed; write the value out",
            ],
        ),
        (b"<<: {a: 1}\n", ["x.yaml:1:1: merge keys (<<) are not allowed; write the fields out"]),
        (
            b"a: !!python/object/apply:os.system [ls]\n",
            ["x.yaml:1:4: tags such as tag:yaml.org,2002:python/object/apply:os.system are not allowed"],
        ),
        (b"a: !!str 1\n", ["x.yaml:1:4: tags such as tag:yaml.org,2002:str are not allowed"]),
        (b"a: 1\n---\nb: 2\n", ["x.yaml:2:1: only one YAML document per file"]),
        (b"- 1\n- 2\n", ["x.yaml:1:1: the top level must be a mapping of field: value"]),
        (b"just text\n", ["x.yaml:1:1: the top level must be a mapping of field: value"]),
        (b"", ["x.yaml:1:1: file is empty"]),
        (b"  \n# only a comment\n", ["x.yaml:1:1: file is empty"]),
        (b"a: [\n", ["x.yaml:2:1: invalid YAML: did not find expected node content"]),
        (b"a: " + b"[" * 20 + b"]" * 20 + b"\n", ["x.yaml:1:15: nesting deeper than 12 levels"]),
        (b"\xff\xfea\x00", ["x.yaml:1:1: file must be UTF-8, found a UTF-16 byte order mark"]),
        (b"\x00\x00\xfe\xffa", ["x.yaml:1:1: file must be UTF-8, found a UTF-32 byte order mark"]),
        (b"a: caf\xe9\n", ["x.yaml:1:7: file must be UTF-8: invalid byte sequence"]),
        (b"a: b\x00c\n", ["x.yaml:1:5: control character U+0000 is not allowed"]),
        (b"a: b\x1bc\n", ["x.yaml:1:5: control character U+001B is not allowed"]),
        (b"a: x\rb: y\n", ["x.yaml:1:5: lone carriage return (CR); use LF or CRLF line endings"]),
        ("a: x\u2028y\n".encode(), ["x.yaml:1:5: invisible or direction-changing character U+2028 is not allowed"]),
        ("a: \u202eevil\n".encode(), ["x.yaml:1:4: invisible or direction-changing character U+202E is not allowed"]),
        ("i\u200bd: x\n".encode(), ["x.yaml:1:2: invisible or direction-changing character U+200B is not allowed"]),
        ("i\u200dd: x\n".encode(), ["x.yaml:1:2: invisible or direction-changing character U+200D is not allowed"]),
        (b"a: 1\r\nb: \x1b\r\n", ["x.yaml:2:4: control character U+001B is not allowed"]),
        # Written as YAML escapes: invisible in the file, refused once decoded, at the value's start.
        (
            b'a: "invoice \\u202Egnp.exe"\n',
            ["x.yaml:1:4: invisible or direction-changing character U+202E is not allowed (written as an escape)"],
        ),
        (b'a: "a\\0b"\n', ["x.yaml:1:4: control character U+0000 is not allowed (written as an escape)"]),
        (b'a: "a\\x1b[31m"\n', ["x.yaml:1:4: control character U+001B is not allowed (written as an escape)"]),
        (
            b'a: "\\uFEFF"\n',
            ["x.yaml:1:4: invisible or direction-changing character U+FEFF is not allowed (written as an escape)"],
        ),
        (
            b'a: "\\L"\n',
            ["x.yaml:1:4: invisible or direction-changing character U+2028 is not allowed (written as an escape)"],
        ),
        (b'"k\\e": 1\n', ["x.yaml:1:1: control character U+001B is not allowed (written as an escape)"]),
        # Numbers: a long literal would end in Python's int limit or as inf.
        (b"a: " + b"9" * 5000 + b"\n", ["x.yaml:1:4: numbers may have at most 15 digits"]),
        (b"a: 1" + b"0" * 400 + b".5\n", ["x.yaml:1:4: numbers may have at most 15 digits"]),
        (b"a:\n" + b"- 1\n" * 1001, ["x.yaml:1002:3: a list may have at most 1000 items"]),
        (b"? [a]\n: 1\n", ["x.yaml:1:3: keys must be plain text"]),
        (b"a: 1\n" * 1 + b"#" * MAX_BYTES, ["x.yaml:1:1: file is larger than 256 KB"]),
    ],
)
def test_hostile_or_broken_yaml_is_reported_with_its_place(raw: bytes, expected: list[str]):
    assert problems(raw) == expected


def test_every_problem_in_a_file_is_reported_together():
    assert problems(b"a: 1\na: 2\nb: &x 3\nb: 4\n") == [
        "x.yaml:2:1: a: duplicate key 'a' (first written on line 1)",
        "x.yaml:3:4: anchors (&name) are not allowed; write the value out",
        "x.yaml:4:1: b: duplicate key 'b' (first written on line 3)",
    ]


def test_emoji_tabs_and_traditional_characters_are_text():
    text = 'a: 社區 👩 “quoted” & <b> é\nb: "tab\\there\\nline\\u00a0nbsp"\n'
    document, found = load_bytes(text.encode(), "x.yaml")
    assert found == []
    assert document is not None
    assert document.data == {"a": "社區 👩 “quoted” & <b> é", "b": "tab\there\nline\u00a0nbsp"}


RAW_INVISIBLES = ["\u061c", "\U000e0041", "ㅤ", "\u2062", "\xad", "\u180e", "️", "͏", "⠀", "ᅟ"]


@pytest.mark.parametrize("char", RAW_INVISIBLES)
def test_further_invisible_characters_written_raw_are_refused(char: str):
    assert problems(f"a: x{char}y\n".encode()) == [
        f"x.yaml:1:5: invisible or direction-changing character U+{ord(char):04X} is not allowed"
    ]
