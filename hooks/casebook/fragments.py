"""The small HTML blocks a page repeats many times: on a case page a figure's source note and
evidence, a citation in each style, a related case; on a theme page a link to each practice.

They are written here rather than as included templates because a page holds dozens of them,
and an include or a template expression costs Jinja a context and several calls each: these
blocks took about half the time of rendering a case page, and most of a theme page's. Every value is escaped as a template
prints it (`shown`), so contributor text cannot become markup here either.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from markupsafe import Markup

from . import markup
from .languages import Conventions
from .model import Case, Figure, Name, Practice, Text
from .related import Related


class View(Protocol):
    """What the blocks need of the page being rendered (render.View has it; render imports this module)."""

    @property
    def conventions(self) -> Conventions: ...

    @property
    def ui(self) -> Mapping[str, str]: ...

    def text(self, value: Name | Text | None) -> str | Markup: ...

    def label(self, key: str) -> str | Markup: ...

    def evidence_lang(self, fig: Figure) -> str: ...

    def source_number(self, source_id: str) -> int: ...

    def link(self, to_page: str, anchor: str = "") -> Markup: ...

    def cite(self, style: str, case: Case, practice: Practice | None = None) -> Markup: ...


# The citation styles a page offers, in order: (citation.STYLE_FILES key, name shown).
STYLES = (("gbt7714", "GB/T 7714-2015"), ("apa", "APA 7"))


def shown(value: Any) -> Any:
    """A value as a template prints it: Markup as it is, text escaped for Markdown and HTML."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return markup.inline(value)
    return value


def html(template: str, *values: Any) -> Markup:
    """`template`, HTML written here, with each {} filled by a value escaped by `shown`."""
    return Markup(template.format(*map(shown, values)))


def figure_note(view: View, fig: Figure) -> Markup:
    """After a figure: its period and date in brackets, its source's number, the quoted evidence."""
    ui = view.ui
    note = ""
    if fig.period or fig.as_of:
        period = view.text(fig.period) if fig.period else ""
        gap = ui["semicolon"] if fig.period and fig.as_of else ""
        as_of = html("{} {}", ui["as_of"], fig.as_of.isoformat()) if fig.as_of else ""
        note = html("{}{}{}{}{}", ui["bracket_open"], period, gap, as_of, ui["bracket_close"])
    return html(
        '<span class="cb-figure-note">{} <a class="cb-cite" href="#source-{}">[{}]</a></span>'
        '<details class="cb-evidence"><summary>{}</summary><blockquote lang="{}">{}</blockquote></details>',
        note,
        fig.source,
        view.source_number(fig.source),
        ui["evidence"],
        view.evidence_lang(fig),
        fig.evidence,
    )


def citations(view: View, case: Case, practice: Practice | None) -> Markup:
    """The citations of the case (practice None) or of one of its practices, in every style,
    each with its copy button (casebook.js)."""
    ui = view.ui
    suffix = f"-{practice.id}" if practice else ""
    return Markup("").join(
        html(
            '<p class="cb-citation-style"><strong>{}</strong> <button type="button" class="cb-copy" '
            'data-cb-copy="cite-{}{}" data-cb-copied="{}" aria-live="polite" hidden>{}</button></p>\n'
            '<p class="cb-citation" id="cite-{}{}">{}</p>\n',
            name,
            style,
            suffix,
            ui["copied"],
            ui["copy_button"],
            style,
            suffix,
            view.cite(style, case, practice),
        )
        for style, name in STYLES
    )


def related_items(view: View, related: tuple[Related, ...]) -> Markup:
    """The list items of a case's related cases: each links to its case and names the shared themes."""
    ui = view.ui
    separator = "、" if view.conventions == "zh" else ", "
    return Markup("").join(
        html(
            '<li><a href="{}">{}</a> <span class="cb-related-themes">{}{}{}</span></li>\n',
            view.link(f"cases/{item.case.id}"),
            view.text(item.case.name),
            ui["related_themes"],
            ui["colon"],
            Markup(shown(separator)).join(shown(view.label(key)) for key in item.themes),
        )
        for item in related
    )


def practice_links(view: View, practices: list[tuple[Case, Practice]]) -> Markup:
    """A list of practices, each linking to its place on its case's page, with the case's name."""
    items = (
        html(
            '<li><a href="{}">{}</a> — {}</li>\n',
            view.link(f"cases/{case.id}", practice.id),
            view.text(practice.title),
            view.text(case.name),
        )
        for case, practice in practices
    )
    return html('<ul class="cb-links">\n{}</ul>', Markup("").join(items))
