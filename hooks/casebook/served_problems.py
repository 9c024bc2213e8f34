"""The case data's problems, shown at the top of every page while serving.

`make serve` and `make preview` keep serving the last good pages when a record
breaks, and every page then opens with the problems in both languages: the
contributor sees them where they are looking, and live reload shows the page
without them once the record is fixed.
"""

from __future__ import annotations

import html

from .problems import MESSAGE_LANGS, Problem, report
from .render import ui_strings


def problems_panel(problems: tuple[Problem, ...]) -> str:
    """An admonition (Material's style) listing every problem, Chinese then English; '' if none."""
    if not problems:
        return ""
    title = " ".join(html.escape(ui["served_problems"]) for ui in (ui_strings()[lang] for lang in MESSAGE_LANGS))
    parts = [
        '<div class="admonition failure cb-served-problems" role="alert">',
        f'<p class="admonition-title">{title}</p>',
    ]
    for lang in MESSAGE_LANGS:  # the languages the messages are written in
        parts.append(f'<pre lang="{lang}"><code>{html.escape(report(problems, lang))}</code></pre>')
    parts.append("</div>")
    return "\n".join(parts)
