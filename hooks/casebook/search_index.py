"""Split the search index that static-i18n merged back into one index per language.

Material fetches `<base>/search/search_index.json`; overrides/main.html gives
pages of a non-default language their own base, so each language searches
only its own pages and a case never appears twice (static-i18n issue #271).
"""

from __future__ import annotations

import json
from pathlib import Path

INDEX = Path("search") / "search_index.json"


def split_index(site_dir: Path, other_languages: tuple[str, ...]) -> bool:
    """Returns False when there is nothing to split (a per-language inner build)."""
    path = site_dir / INDEX
    if not path.is_file():
        return False
    index = json.loads(path.read_text("utf-8"))
    parts: dict[str, list[dict]] = {lang: [] for lang in ("", *other_languages)}
    for entry in index["docs"]:
        lang = next((lang for lang in other_languages if entry["location"].startswith(f"{lang}/")), "")
        if lang:
            entry = {**entry, "location": entry["location"].removeprefix(f"{lang}/")}
        parts[lang].append(entry)
    if not any(parts[lang] for lang in other_languages):
        return False
    for lang, docs in parts.items():
        target = site_dir / lang / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({**index, "docs": docs}, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return True
