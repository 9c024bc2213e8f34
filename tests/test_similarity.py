"""Near-copy measure: the share of a sentence's trigrams that a source sentence also has."""

from __future__ import annotations

from casebook.similarity import NEAR_COPY, closest, near_copies, sentences, trigrams

ARTICLE = (
    "社区与18家“双报到”单位紧密合作,链接志愿者协会、爱心企业等力量,常态化开展义诊、义剪等公益活动。"
    "2024年共慰问经济困难家庭58户。"
)


def test_sentences_split_chinese_and_english():
    assert sentences("甲。乙；丙\n丁") == ["甲", "乙", "丙", "丁"]
    assert sentences("One. Two; three!\nFour") == ["One.", "Two;", "three!", "Four"]


def test_quoted_names_do_not_count():
    assert trigrams("“红石榴·江林一家人”品牌建设") == {"品牌建", "牌建设"}


def test_a_copied_sentence_scores_high_and_is_found():
    copied = "社区与18家“双报到”单位紧密合作，链接志愿者协会、爱心企业等力量，常态化开展义诊、义剪等公益活动。"
    match = closest(copied, sentences(ARTICLE))
    assert match is not None and match.score == 1.0
    assert [m.sentence for m in near_copies(copied, [ARTICLE])] == [copied.rstrip("。")]


def test_the_same_facts_in_our_own_words_pass():
    ours = (
        "18家“双报到”单位与社区结成了紧密的合作关系；社区又请来志愿者协会和爱心企业，把义诊、义剪等公益活动办成常态。"
    )
    assert [round(m.score, 2) for m in near_copies(ours, [ARTICLE], threshold=0.0)] == [0.19, 0.44]
    assert list(near_copies(ours, [ARTICLE])) == []


def test_english_uses_word_trigrams():
    source = "The community has established a grassroots governance iron triangle mechanism of grid workers and building leaders."
    ours = "Grid workers and building leaders together form the community's grassroots governance iron triangle."
    match = closest(ours, [source])
    assert match is not None and round(match.score, 2) == 0.42 and match.score < NEAR_COPY


def test_short_sentences_are_not_judged():
    assert closest("社区建了舞蹈队", [ARTICLE]) is None
