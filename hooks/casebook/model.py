"""The case record model: typed, frozen, unknown keys rejected.

Field descriptions are bilingual because they become the JSON Schema that
contributors' editors show as completion hints.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

MAX_TEXT = 4000
MAX_LABEL = 300
MAX_ITEMS = 200
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
MAX_ID = 64

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

# Record ids, practice ids and vocabulary keys share one safe shape: they
# become file names and HTML anchors.
Key = Annotated[
    str, StringConstraints(pattern=ID_PATTERN, max_length=MAX_ID), Field(description="kebab-case key 短横线小写键")
]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_LABEL)]
Prose = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT)]
# Dates are the one place where a YAML string becomes a typed value: the
# loader keeps every scalar a string, so strict mode is relaxed here only.
Date = Annotated[dt.date, Field(strict=False)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


Fingerprint = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{8}$")]


class _Bilingual(Strict):
    reviewed: Fingerprint | None = Field(
        None,
        description="fingerprint of the original text when this translation was last reviewed "
        "(`casebook status --fingerprints`); a different fingerprint marks the translation stale "
        "译文最后审校时原文的指纹；不一致即译文过时",
    )

    @model_validator(mode="after")
    def _one_language_at_least(self) -> "_Bilingual":
        if not any(getattr(self, lang) for lang in LANGS):
            raise ValueError("give the text in at least one language (zh or en)")
        return self

    def get(self, lang: Lang) -> str | None:
        return getattr(self, lang)


class Name(_Bilingual):
    """A short bilingual label: a name, a title, a heading. 简短的双语名称。"""

    zh: Label | None = Field(None, description="Simplified Chinese 简体中文")
    en: Label | None = Field(None, description="English 英文")


class Text(_Bilingual):
    """A bilingual passage of prose. 双语段落。"""

    zh: Prose | None = Field(None, description="Simplified Chinese 简体中文")
    en: Prose | None = Field(None, description="English 英文")


class Figure(Strict):
    """A number as data, formatted per language on the page. 结构化数字。"""

    value: Annotated[int | float, Field(ge=0, description="the number exactly as the source gives it 原文数值")]
    unit: Key = Field(description="unit or counting basis, key in data/vocab/units.yaml 单位或计数口径")
    qualifier: Key | None = Field(
        None, description="over/more-than/nearly/about…, key in data/vocab/qualifiers.yaml 限定词（余、多、近、约）"
    )
    period: Name | None = Field(None, description="period or year the figure covers 统计时段")
    as_of: Date | None = Field(None, description="date the figure was true 截至日期")
    source: Key = Field(description="id of an entry in this record's sources 来源编号")


class LabelledFigure(Figure):
    """An outcome figure with what it counts. 带说明的成效数字。"""

    label: Name = Field(description="what is counted 统计对象")


class Profile(Strict):
    """The community's profile card. 社区概况。"""

    area: Figure | None = Field(None, description="area 面积")
    households: Figure | None = Field(None, description="households 户数")
    residents: Figure | None = Field(None, description="residents 人口")
    compounds: Figure | None = Field(None, description="residential compounds 小区")
    buildings: Figure | None = Field(None, description="residential buildings 楼栋")
    grids: Figure | None = Field(None, description="grid units 网格")
    ethnic_group_count: Figure | None = Field(None, description="number of ethnic groups 民族数")
    ethnic_groups: tuple[Key, ...] = Field((), max_length=56, description="keys in data/vocab/ethnic-groups.yaml 民族")
    others: tuple[LabelledFigure, ...] = Field((), max_length=MAX_ITEMS, description="other figures 其他概况数字")


class Location(Strict):
    """Where the community is; only what the sources state. 所在地（仅限来源写明的）。"""

    region: Key | None = Field(None, description="province-level key in data/vocab/regions.yaml 省级行政区")
    city: Key | None = Field(None, description="city key in data/vocab/regions.yaml 地级市")
    district: Name | None = Field(None, description="district or county 区县")
    subdistrict: Name | None = Field(None, description="subdistrict or town 街道或乡镇")


class Brand(Strict):
    """A brand name the community uses for its work. 服务品牌。"""

    name: Name
    note: Text | None = None


class Practice(Strict):
    """One named practice or work method. 一项做法或工作法。"""

    id: Key = Field(description="anchor, identical in both languages 锚点")
    title: Name
    themes: tuple[Key, ...] = Field(min_length=1, max_length=8, description="keys in data/vocab/themes.yaml 主题")
    description: Text
    figures: tuple[LabelledFigure, ...] = Field((), max_length=MAX_ITEMS, description="outcome figures 成效数字")


class Honour(Strict):
    """An honour or title the community received. 荣誉称号。"""

    title: Name
    year: int | None = Field(None, ge=1949, le=2100)
    source: Key


class Source(Strict):
    """A published source the record is written from. 来源。"""

    id: Key
    publisher: Name
    title: Name
    date: Date | None = None
    language: Literal["zh", "zh-Hant", "en"]
    url: Annotated[str, StringConstraints(pattern=r"^https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:[/?#][^\s<>\"]*)?$", max_length=2000)] | None = None
    author: Name | None = Field(None, description="reporter or author, public role only 记者或作者")


class Translation(Strict):
    """Which language is original and how far the other is checked. 翻译状态。"""

    original: Lang = Field(description="language of the sources 原文语言")
    state: Literal["reviewed", "machine", "draft"] = Field(
        description="state of the other language: reviewed, machine or draft 译文状态：已审校、机器翻译、草稿"
    )


class Case(Strict):
    """One community's case record. 一个社区的案例记录。"""

    id: Key = Field(description="equal to the file name 与文件名一致")
    aliases: tuple[Key, ...] = Field(
        (), max_length=20, description="former ids of this record: their links redirect here 曾用编号，旧链接跳转到本案例"
    )
    name: Name
    location: Location
    profile: Profile = Profile()
    summary: Text
    brands: tuple[Brand, ...] = Field((), max_length=MAX_ITEMS)
    practices: tuple[Practice, ...] = Field(min_length=1, max_length=MAX_ITEMS)
    honours: tuple[Honour, ...] = Field((), max_length=MAX_ITEMS)
    sources: tuple[Source, ...] = Field(min_length=1, max_length=20)
    translation: Translation
    added: Date = Field(description="date the record was added 收录日期")
    updated: Date = Field(description="date the record was last changed 更新日期")
