"""Every message the checker prints has a Chinese version for `check --lang zh`."""

from __future__ import annotations

import re
from pathlib import Path

from casebook.messages_zh import translate_message

GOLDEN_ERRORS = Path(__file__).parent / "golden" / "errors"


def _messages() -> list[str]:
    messages = []
    for path in sorted(GOLDEN_ERRORS.glob("*.txt")):
        for line in path.read_text("utf-8").splitlines()[:-1]:
            messages.append(re.sub(r"^[^:]+:\d+:\d+: (?:[^:]+: )?", "", line))
    return messages


def test_every_golden_error_message_is_translated():
    untranslated = [message for message in _messages() if translate_message(message) == message]
    assert untranslated == []


def test_translation_keeps_the_details():
    assert (
        translate_message("unknown unit 'households'; nearest: household")
        == "未知的单位“households”；最接近的是：household"
    )
    assert translate_message("duplicate key 'a' (first written on line 1)") == "重复的键“a”（第 1 行已写过）"


def test_the_hostile_input_messages_are_translated():
    assert [
        translate_message(message)
        for message in (
            "file starts with a byte order mark (BOM): save it as UTF-8 without BOM",
            "control character U+001B is not allowed (written as an escape)",
            "noncharacter U+FFFE is not allowed",
            "numbers may have at most 15 digits",
            "a list may have at most 1000 items",
            "'con' is a device name on Windows and cannot name a file or folder",
            "'x' is the anchor of the case's title (its id)",
            "'source-report' is the anchor of source 'report'",
            "'甲社区' is already the name of data/cases/a.yaml",
            "would be published at /cases/x/, the address of the generated page docs/cases/x.md; edit data/ instead",
            "20 more like this: required field is missing",
        )
    ] == [
        "文件以字节序标记（BOM）开头：请保存为不带 BOM 的 UTF-8",
        "不允许使用控制字符 U+001B（以转义形式写出）",
        "不允许使用非字符 U+FFFE",
        "数字最多 15 位",
        "列表最多 1000 项",
        "“con”是 Windows 的设备名，不能用作文件或文件夹名",
        "“x”是案例标题的锚点（即案例 id）",
        "“source-report”是来源“report”的锚点",
        "“甲社区”已是 data/cases/a.yaml 的名称",
        "会发布在 /cases/x/，与生成页面 docs/cases/x.md 的地址相同；请改为编辑 data/",
        "另有 20 个同类问题：缺少必填字段",
    ]
