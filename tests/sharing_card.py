"""Draws the casebook's sharing card (Open Graph / Twitter image): docs/assets/images/casebook-card.png.

The PNG is committed, so the build never needs a font: this script is run by hand when the
casebook's name changes (`.venv/bin/python tests/sharing_card.py`), on a machine with Noto Sans CJK
(Debian: fonts-noto-cjk), and the new image is reviewed like any other change.
1200 × 630 is the size Open Graph and Twitter's large card both show uncropped.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
CARD = ROOT / "docs" / "assets" / "images" / "casebook-card.png"
SIZE = (1200, 630)
NAME = {"zh": "社区实践案例库", "en": "Community Practice Casebook"}
TAGLINE = {
    "zh": "城市社区治理实践的双语案例库",
    "en": "A bilingual casebook of community-governance practice in China",
}
INK, PAPER, ACCENT = "#1a1a1a", "#ffffff", "#ef5350"  # the site's text, page and Material red header (mkdocs.yml)


def font(style: str, size: int) -> ImageFont.FreeTypeFont:
    """Noto Sans CJK SC from fontconfig: the face that draws both Chinese and Latin text."""
    found = subprocess.run(
        ["fc-match", "-f", "%{file}:%{index}", f"Noto Sans CJK SC:{style}"], capture_output=True, text=True, check=True
    ).stdout
    path, index = found.rsplit(":", 1)
    if "NotoSansCJK" not in path:
        raise SystemExit(f"Noto Sans CJK is not installed (fontconfig offers {path}): apt-get install fonts-noto-cjk")
    return ImageFont.truetype(path, size, index=int(index))


def draw() -> Image.Image:
    card = Image.new("RGB", SIZE, PAPER)
    pen = ImageDraw.Draw(card)
    pen.rectangle((0, 0, SIZE[0], 24), fill=ACCENT)
    pen.rectangle((0, SIZE[1] - 24, SIZE[0], SIZE[1]), fill=ACCENT)
    left = 80
    pen.text((left, 110), NAME["zh"], font=font("bold", 96), fill=INK)
    pen.text((left, 250), NAME["en"], font=font("bold", 60), fill=INK)
    pen.line((left, 360, SIZE[0] - left, 360), fill=ACCENT, width=4)
    pen.text((left, 395), TAGLINE["zh"], font=font("regular", 36), fill=INK)
    pen.text((left, 455), TAGLINE["en"], font=font("regular", 32), fill=INK)
    return card


def main() -> None:
    CARD.parent.mkdir(parents=True, exist_ok=True)
    draw().save(CARD, optimize=True)
    sys.stdout.write(f"wrote {CARD.relative_to(ROOT)}\n")


if __name__ == "__main__":
    main()
