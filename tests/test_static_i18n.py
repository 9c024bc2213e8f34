"""The static-i18n internals the build relies on (casebook_mkdocs/static_i18n.py)
exist in the installed version: an upgrade fails here before it breaks a build."""

from __future__ import annotations

import importlib.metadata
import inspect
from pathlib import Path

import mkdocs_static_i18n.plugin
from mkdocs import utils
from mkdocs.config import load_config

from casebook_mkdocs import static_i18n

ROOT = Path(__file__).resolve().parent.parent


def test_the_installed_static_i18n_is_the_version_read():
    assert importlib.metadata.version("mkdocs-static-i18n") == static_i18n.PINNED_VERSION


def test_every_attribute_used_is_there_once_configured():
    config = load_config(str(ROOT / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    i18n = config.plugins["i18n"]
    assert {name: getattr(i18n, name) for name in static_i18n.ATTRIBUTES} == {
        "building": False,
        "current_language": "zh",
        "build_languages": ["zh", "en"],
        "default_language": "zh",
    }
    assert static_i18n.other_languages(config) == ("en",)
    assert not static_i18n.building_other_languages(config)
    static_i18n.set_building(config, True)
    assert static_i18n.building_other_languages(config)


def test_its_own_loop_keeps_the_site_folder_as_ours_does():
    # build_language replaces mkdocs.utils.clean_directory for one build, as
    # static-i18n's on_post_build does; both must name the same function.
    source = inspect.getsource(mkdocs_static_i18n.plugin.I18n.on_post_build)
    assert "utils.clean_directory = lambda x: x" in source
    assert "self.building = True" in source
    assert "self.current_language = locale" in source
    assert callable(utils.clean_directory)


def test_the_site_folder_is_kept_for_one_language_only(tmp_path: Path):
    page = tmp_path / "index.html"
    page.write_text("the default language's page")
    with static_i18n._site_folder_kept():
        utils.clean_directory(str(tmp_path))
        assert page.exists()
    utils.clean_directory(str(tmp_path))
    assert not page.exists()
