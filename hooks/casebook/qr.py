"""QR codes as inline SVG, made at build time: a printed page links back to itself."""

from __future__ import annotations

import segno
from markupsafe import Markup

# segno picks the most readable of eight masks by trying each: 14 ms a code,
# against 3 ms with a fixed one (measured by hand). Handouts have a few codes
# and get the best mask; case pages, thousands of them, use a fixed mask, which
# any reader decodes (the print test checks both kinds).
FIXED_MASK = 0


def qr_svg(url: str, best_mask: bool = True) -> Markup:
    """The URL as an SVG QR code (error correction M, four-module quiet zone),
    sized by CSS: the print styles make it at least 2 cm wide."""
    code = segno.make(url, error="m", micro=False, mask=None if best_mask else FIXED_MASK)
    svg = code.svg_inline(border=4, omitsize=True, svgclass="cb-qr", lineclass=None)
    return Markup(svg)  # segno's own markup: a viewBox and one path, no text of ours
