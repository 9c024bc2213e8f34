"""The case record model: typed, frozen, unknown keys rejected.

Field descriptions are bilingual because they become the JSON Schema that
contributors' editors show as completion hints.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    model_validator,
)
from pydantic_core import InitErrorDetails

from .problems import MessageError, msg

MAX_TEXT = 4000
MAX_LABEL = 300
MAX_EVIDENCE = 400
MAX_ITEMS = 200
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
MAX_ID = 64

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")  # the shipped editions; others come from configuration (languages.py)
LANGUAGES_CONTEXT = "languages"  # validation context: the configured language codes

MAX_FIGURE = 10**12  # far above any count or area a community has; keeps every figure an exact number
# Names Windows keeps for devices: a folder so named cannot be checked out there.
WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}
)


def _not_a_device_name(key: str) -> str:
    if key in WINDOWS_DEVICES:
        raise MessageError(msg("field.device_name", key=key))
    return key


# Record ids, practice ids and vocabulary keys share one safe shape: they
# become file names and HTML anchors.
Key = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=MAX_ID),
    AfterValidator(_not_a_device_name),
    Field(description="kebab-case key 短横线小写键"),
]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_LABEL)]
Prose = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT)]
# Dates are the one place where a YAML string becomes a typed value: the
# loader reads a date as a string (YAML 1.2 core has no date type), so strict
# mode is relaxed here only.
Date = Annotated[dt.date, Field(strict=False)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


# Editors check records against the JSON Schema with ECMA-262 regexes in Unicode mode,
# which reject needless escapes such as \": the pattern must mean the same in Python and JavaScript.
URL_PATTERN = r'^https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:[/?#][^\s<>"]*)?$'
FINGERPRINT_PATTERN = r"^[0-9a-f]{8}$"
Fingerprint = Annotated[str, StringConstraints(pattern=FINGERPRINT_PATTERN)]


# A language's code as mkdocs.yml's i18n languages name it: zh, en, zh-Hant.
LANGUAGE_CODE_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"


def _a_language(key: str, configured: tuple[str, ...]) -> bool:
    return key in configured and re.fullmatch(LANGUAGE_CODE_PATTERN, key) is not None


class _Bilingual(Strict):
    """zh and en are the shipped editions; a text in another configured language is one more key,
    its code. The configured codes come as validation context (validate.py); any other key is an
    unknown field, as in every model. It is found once the text's fields are valid: a check before
    them (a wrap validator) made validating a record half as slow again."""

    model_config = ConfigDict(extra="allow")

    reviewed: Fingerprint | None = Field(
        None,
        description="fingerprint of the original text when this translation was last reviewed "
        "(`casebook status --fingerprints`); a different fingerprint marks the translation stale "
        "译文最后审校时原文的指纹；不一致即译文过时",
    )

    @model_validator(mode="after")
    def _known_languages_one_at_least(self, info: ValidationInfo) -> _Bilingual:
        if self.__pydantic_extra__:  # keys beside zh and en: only configured languages' codes
            configured = (info.context or {}).get(LANGUAGES_CONTEXT, LANGS)
            unknown = [key for key in self.__pydantic_extra__ if not _a_language(key, configured)]
            if unknown:
                raise ValidationError.from_exception_data(
                    type(self).__name__,
                    [InitErrorDetails(type="extra_forbidden", loc=(key,), input=getattr(self, key)) for key in unknown],
                )
        if not any(self.get(lang) for lang in (*LANGS, *(self.__pydantic_extra__ or {}))):
            raise MessageError(msg("text.no_language"))
        return self

    def get(self, lang: str) -> str | None:
        value = getattr(self, lang, None)
        return value if isinstance(value, str) else None

    def by_language(self) -> dict[str, str]:
        """The languages the text is given in, each with its text."""
        return {lang: value for lang, value in self if lang != "reviewed" and isinstance(value, str)}


class Name(_Bilingual):
    """A short bilingual label: a name, a title, a heading. 简短的双语名称。"""

    __pydantic_extra__: dict[str, Label] = Field(init=False)
    zh: Label | None = Field(None, description="Simplified Chinese 简体中文")
    en: Label | None = Field(None, description="English 英文")


class Text(_Bilingual):
    """A bilingual passage of prose. 双语段落。"""

    __pydantic_extra__: dict[str, Prose] = Field(init=False)
    zh: Prose | None = Field(None, description="Simplified Chinese 简体中文")
    en: Prose | None = Field(None, description="English 英文")


Bilingual = Name | Text  # every bilingual value of a record


# A year or a month as the sources give them: 2024, 2008-04.
YEAR_MONTH_PATTERN = r"^[12][0-9]{3}(?:-(?:0[1-9]|1[0-2]))?$"
YearMonth = Annotated[str, StringConstraints(pattern=YEAR_MONTH_PATTERN)]


class Span(Strict):
    """The period a figure covers, as far as the source dates it: 2024年以来 is {start: "2024"}. 统计时段的起止。"""

    start: YearMonth | None = Field(None, description="first year or month, YYYY or YYYY-MM 起始年或年月")
    end: YearMonth | None = Field(None, description="last year or month, YYYY or YYYY-MM 截止年或年月")


# A quoted passage of a source: a sentence at most.
Evidence = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_EVIDENCE)]


class Figure(Strict):
    """A number as data, formatted per language on the page. 结构化数字。"""

    value: Annotated[
        int | float, Field(ge=0, le=MAX_FIGURE, description="the number exactly as the source gives it 原文数值")
    ]
    unit: Key = Field(description="unit or counting basis, key in data/vocab/units.yaml 单位或计数口径")
    qualifier: Key | None = Field(
        None, description="over/more-than/nearly/about…, key in data/vocab/qualifiers.yaml 限定词（余、多、近、约）"
    )
    period: Name | None = Field(
        None, description="period or year the figure covers, as the page says it 统计时段（页面显示的文字）"
    )
    span: Span | None = Field(
        None, description="the same period as data, where the source dates it 统计时段的起止（来源写明时）"
    )
    as_of: Date | None = Field(None, description="date the figure was true 截至日期")
    source: Key = Field(description="id of an entry in this record's sources 来源编号")
    evidence: Evidence = Field(
        description="the passage of the source that states the figure, in the source's language and script, "
        "a sentence at most; the number must occur in it 原文中写明该数字的语句（原文语言，至多一句，须含该数字）"
    )


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


# The profile's named figures, in the card's order: pages, open data and the compare page follow it.
PROFILE_FIGURES = tuple(name for name, field in Profile.model_fields.items() if field.annotation == Figure | None)


PlaceLevel = Literal["region", "city", "district"]


class Location(Strict):
    """Where the community is: what the sources state, and levels derived from it, marked. 所在地：来源写明的，以及据此推定并标明的。"""

    region: Key | None = Field(None, description="province-level key in data/vocab/regions.yaml 省级行政区")
    city: Key | None = Field(None, description="city key in data/vocab/regions.yaml 地级市")
    district: Name | None = Field(None, description="district or county 区县")
    subdistrict: Name | None = Field(None, description="subdistrict or town 街道或乡镇")
    derived: tuple[PlaceLevel, ...] = Field(
        (),
        max_length=3,
        description="levels the source does not name but that follow unambiguously from a level it does "
        "(a named county lies in one city and one province) 来源未写明、但可由已写明的层级唯一推定的层级",
    )


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
    member: Key | None = Field(None, description="id of the member community it belongs to 所属社区或小区")
    figures: tuple[LabelledFigure, ...] = Field((), max_length=MAX_ITEMS, description="outcome figures 成效数字")


class Honour(Strict):
    """An honour or title the community received. 荣誉称号。"""

    title: Name
    year: int | None = Field(None, ge=1949, le=2100)
    awarded_by: Name | None = Field(None, description="awarding body where the source names it 授予单位")
    source: Key


SourceLanguage = Literal["zh", "zh-Hant", "en"]


class Source(Strict):
    """A published source the record is written from. 来源。"""

    id: Key
    publisher: Name
    title: Name | None = Field(None, description="the source's own headline 来源自身的标题")
    description: Name | None = Field(
        None,
        description="for a source without a headline: what it is, in our words (shown without title marks) "
        "来源没有标题时，用自己的话说明它是什么（页面不加书名号）",
    )
    date: Date | None = None
    language: SourceLanguage
    url: (
        Annotated[
            str,
            StringConstraints(pattern=URL_PATTERN, max_length=2000),
        ]
        | None
    ) = None
    author: Name | None = Field(None, description="reporter or author, public role only 记者或作者")

    @model_validator(mode="after")
    def _title_or_description(self) -> Source:
        if (self.title is None) == (self.description is None):
            raise MessageError(msg("source.title_or_description"))
        return self


class Translation(Strict):
    """Which language is original and how far the other is checked. 翻译状态。"""

    original: SourceLanguage = Field(
        description="language of the sources; zh-Hant: a Traditional Chinese source, which the record's "
        "zh text (Simplified) is written from 原文语言；zh-Hant 表示繁体中文来源，记录的简体中文据此写成"
    )
    state: Literal["reviewed", "machine", "draft"] = Field(
        description="state of the other language: reviewed, machine or draft 译文状态：已审校、机器翻译、草稿"
    )

    @property
    def text_lang(self) -> Lang:
        """The record's language whose texts were checked against the sources."""
        return "en" if self.original == "en" else "zh"


class Member(Strict):
    """A community or compound within a subdistrict-level case. 街道案例下属的社区或小区。"""

    id: Key = Field(description="key that practices refer to 供做法引用的键")
    name: Name = Field(
        description="name in both languages; where the source gives only pinyin, the Chinese keeps the pinyin "
        "(Jinshijie花园小区) rather than guessing characters 名称；来源只给出拼音时，中文保留拼音，不猜汉字"
    )


class Founded(Strict):
    """When the community was set up, as far as the source says. 成立时间。"""

    year: int = Field(ge=1949, le=2100)
    month: int | None = Field(None, ge=1, le=12)
    source: Key


class Case(Strict):
    """One community's case record. 一个社区的案例记录。"""

    id: Key = Field(description="equal to the file name 与文件名一致")
    aliases: tuple[Key, ...] = Field(
        (),
        max_length=20,
        description="former ids of this record: their links redirect here 曾用编号，旧链接跳转到本案例",
    )
    name: Name
    level: Literal["community", "subdistrict"] = Field(
        "community", description="a community, or a subdistrict with member communities 社区，或下辖社区的街道"
    )
    members: tuple[Member, ...] = Field(
        (), max_length=MAX_ITEMS, description="member communities or compounds of a subdistrict 街道下属社区或小区"
    )
    location: Location
    founded: Founded | None = Field(None, description="year and month the community was set up 成立年月")
    profile: Profile = Profile()
    summary: Text
    brands: tuple[Brand, ...] = Field((), max_length=MAX_ITEMS)
    practices: tuple[Practice, ...] = Field(min_length=1, max_length=MAX_ITEMS)
    honours: tuple[Honour, ...] = Field((), max_length=MAX_ITEMS)
    sources: tuple[Source, ...] = Field(min_length=1, max_length=20)
    translation: Translation
    added: Date = Field(description="date the record was added 收录日期")
    updated: Date = Field(description="date the record was last changed 更新日期")
