"""Glossary hints: the first use of a term on a case page, in text only."""

from __future__ import annotations

from markupsafe import Markup

from casebook.hints import Hinter, HintTerms
from casebook.languages import shipped
from casebook.vocab import GlossaryTerm

GLOSSARY = (
    GlossaryTerm.model_validate(
        {"key": "grid", "term": {"zh": "网格", "en": "grid"}, "definition": {"zh": "单元。", "en": "A unit."}}
    ),
    GlossaryTerm.model_validate(
        {
            "key": "grid-worker",
            "term": {"zh": "网格员", "en": "grid worker"},
            "definition": {"zh": "工作人员。", "en": "A <worker> & more."},
        }
    ),
    GlossaryTerm.model_validate(
        {"key": "fengqiao", "term": {"zh": "枫桥经验", "en": "“Fengqiao experience”"}, "definition": {"zh": "经验。"}}
    ),
)


def hinter(lang: str) -> Hinter:
    return Hinter(HintTerms(GLOSSARY, shipped()[lang]), lambda key: f"../../glossary/#{key}")


def hint(key: str, text: str, definition: str) -> str:
    return (
        f'<a class="cb-hint" href="../../glossary/#{key}">{text}'
        f'<span class="cb-hint-text" role="tooltip" data-pagefind-ignore>{definition}</span></a>'
    )


def test_the_first_use_of_each_term_on_the_page_is_hinted_once_the_longest_term_first():
    page = hinter("zh")
    assert page.apply(Markup("<p>网格员走访网格，网格员记录。</p>")) == (
        f"<p>{hint('grid-worker', '网格员', '工作人员。')}走访{hint('grid', '网格', '单元。')}，网格员记录。</p>"
    )
    # The same page's next text: both terms were used already.
    assert page.apply(Markup("<p>网格和网格员。</p>")) == "<p>网格和网格员。</p>"


def test_english_terms_match_whole_words_in_any_case_and_plurals_and_the_definition_is_escaped():
    assert hinter("en").apply(Markup("<p>Gridlock. Grid workers visit.</p>")) == (
        f"<p>Gridlock. {hint('grid-worker', 'Grid workers', 'A &#60;worker&#62; &#38; more.')} visit.</p>"
    )


def test_no_hint_inside_a_link_or_code_and_none_in_a_language_without_a_definition():
    text = Markup('<p><a href="https://example.org/">网格员</a> <code>网格</code> 枫桥经验</p>')
    assert hinter("zh").apply(text) == (
        f'<p><a href="https://example.org/">网格员</a> <code>网格</code> {hint("fengqiao", "枫桥经验", "经验。")}</p>'
    )
    assert hinter("en").apply(Markup("<p>The Fengqiao experience.</p>")) == "<p>The Fengqiao experience.</p>"


def test_a_one_character_term_is_not_looked_for():
    banner = GlossaryTerm.model_validate(
        {"key": "banner", "term": {"zh": "旗"}, "definition": {"zh": "行政区划单位。"}}
    )
    assert (
        Hinter(HintTerms((banner,), shipped()["zh"]), lambda key: key).apply(Markup("<p>升国旗。</p>"))
        == "<p>升国旗。</p>"
    )
