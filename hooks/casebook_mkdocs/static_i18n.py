"""Every use of mkdocs-static-i18n's internals, in one place.

static-i18n has no API for what the casebook needs: to tell its passes apart
(the default language's build, then one build per other language inside its
on_post_build) and to build the other languages in a second process. What is
used here is read from its source at the pinned version (mkdocs_static_i18n/
plugin.py, on_post_build); tests/test_static_i18n.py checks the version and
each attribute, so an upgrade fails there first.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from mkdocs.config.defaults import MkDocsConfig

PINNED_VERSION = "1.3.1"
# The plugin's attributes read or set here.
ATTRIBUTES = ("building", "current_language", "build_languages", "default_language")


def other_languages(config: MkDocsConfig) -> tuple[str, ...]:
    """The languages built under their own folder (the default one is at the root)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return ()
    return tuple(locale for locale in i18n.build_languages if locale != i18n.default_language)


def building_other_languages(config: MkDocsConfig) -> bool:
    """True once static-i18n's loop over the other languages has begun (or is held off by set_building)."""
    i18n = config.plugins.get("i18n")
    return bool(i18n is not None and i18n.building)


def set_building(config: MkDocsConfig, building: bool) -> None:
    """True: static-i18n's on_post_build builds no other language (another process does)."""
    config.plugins["i18n"].building = building  # type: ignore[attr-defined]


def build_language(config: MkDocsConfig, locale: str) -> None:
    """Builds one other language into its folder, as static-i18n's own loop does."""
    from mkdocs.commands.build import build

    config.plugins["i18n"].current_language = locale  # type: ignore[attr-defined]
    with _site_folder_kept():
        build(config)


@contextlib.contextmanager
def _site_folder_kept() -> Iterator[None]:
    # MkDocs empties site_dir at the start of every build, which would delete
    # the default language's pages; static-i18n replaces the same function.
    from mkdocs import utils

    clean_directory = utils.clean_directory
    utils.clean_directory = lambda directory: None
    try:
        yield
    finally:
        utils.clean_directory = clean_directory
