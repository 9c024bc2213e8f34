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
    assert translate_message("unknown unit 'households'; nearest: household") == "未知的单位“households”；最接近的是：household"
    assert translate_message("duplicate key 'a' (first written on line 1)") == "重复的键“a”（第 1 行已写过）"
