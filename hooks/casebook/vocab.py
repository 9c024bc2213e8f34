"""Controlled vocabularies and the glossary: the keys a case may refer to."""

from __future__ import annotations

from pydantic import Field

from .model import Key, Label, Name, Strict, Text


class Theme(Strict):
    key: Key
    label: Name
    description: Text


class City(Strict):
    key: Key
    label: Name


class Region(Strict):
    """A province-level division and the cities of it that cases use."""

    key: Key
    label: Name
    cities: tuple[City, ...] = ()


class EthnicGroup(Strict):
    key: Key
    label: Name


class Unit(Strict):
    """A unit or counting basis and how each language writes it after a number."""

    key: Key
    zh: Label = Field(description="written after the number: 户, 人, 人次 …")
    en_one: Label = Field(description="English after the number 1: household")
    en_other: Label = Field(description="English after other numbers: households")


class Qualifier(Strict):
    """How a figure's qualifier wraps the number; {n} stands for the number."""

    key: Key
    zh: Label = Field(description="pattern such as {n}余 or 近{n}")
    en: Label = Field(description="pattern such as over {n} or nearly {n}")


class GlossaryTerm(Strict):
    key: Key
    term: Name
    definition: Text
    why: Text | None = Field(None, description="why the term is listed when no record uses it")


class Vocabularies(Strict):
    themes: tuple[Theme, ...]
    regions: tuple[Region, ...]
    ethnic_groups: tuple[EthnicGroup, ...]
    units: tuple[Unit, ...]
    qualifiers: tuple[Qualifier, ...]
    glossary: tuple[GlossaryTerm, ...]

    def cities(self) -> dict[str, tuple[Region, City]]:
        return {city.key: (region, city) for region in self.regions for city in region.cities}


# file name under data/vocab/ -> field of Vocabularies
VOCAB_FILES = {
    "themes.yaml": "themes",
    "regions.yaml": "regions",
    "ethnic-groups.yaml": "ethnic_groups",
    "units.yaml": "units",
    "qualifiers.yaml": "qualifiers",
    "glossary.yaml": "glossary",
}
