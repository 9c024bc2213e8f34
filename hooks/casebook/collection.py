"""The workshop collection model: a trainer's ordered set of cases and practices.

Typed, frozen, unknown keys rejected, like the case record (model.py); the
field descriptions are bilingual because they become the collection's JSON Schema.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from .model import Date, Key, Name, Strict, Text, Translation

# "case-id" or "case-id#practice-id": the same shape as the page's URL and anchor.
REF_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:#[a-z0-9]+(?:-[a-z0-9]+)*)?$"
MAX_COLLECTION_ITEMS = 30
MAX_PROMPTS = 10

Ref = Annotated[
    str,
    StringConstraints(pattern=REF_PATTERN, max_length=129),
    Field(description="case id, or case id#practice id 案例编号，或“案例编号#做法编号”"),
]


class Item(Strict):
    """One case or one practice of a case, with the trainer's prompts. 一个案例或一项做法。"""

    ref: Ref
    prompts: tuple[Text, ...] = Field(
        min_length=1, max_length=MAX_PROMPTS, description="discussion prompts for this item 本条讨论题"
    )

    @property
    def case_id(self) -> str:
        return self.ref.partition("#")[0]

    @property
    def practice_id(self) -> str:
        return self.ref.partition("#")[2]


class Collection(Strict):
    """A workshop collection. 培训选集。"""

    id: Key = Field(description="equal to the file name 与文件名一致")
    title: Name
    audience: Text = Field(description="who the workshop is for 适用对象")
    duration_minutes: int = Field(ge=15, le=2880, description="length of the workshop in minutes 时长（分钟）")
    goals: tuple[Text, ...] = Field(min_length=1, max_length=MAX_PROMPTS, description="learning goals 学习目标")
    prompts: tuple[Text, ...] = Field(
        (), max_length=MAX_PROMPTS, description="prompts for the whole workshop 贯穿全场的讨论题"
    )
    items: tuple[Item, ...] = Field(
        min_length=1,
        max_length=MAX_COLLECTION_ITEMS,
        description="cases and practices, in workshop order 按顺序排列的案例与做法",
    )
    translation: Translation
    added: Date = Field(description="date the collection was added 收录日期")
    updated: Date = Field(description="date the collection was last changed 更新日期")
