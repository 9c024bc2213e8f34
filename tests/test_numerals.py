"""Whether a figure's evidence states its value, in the ways articles write numbers."""

from __future__ import annotations

import pytest

from casebook.numerals import chinese, states


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (16000, "在山川社区,1.6万余名各族群众"),  # 万 with the qualifier after it; a comma as Chinese punctuation
        (16000, "more than 16,000 residents"),
        (16000, "一万六千人"),
        (8000000, "申请800余万元老旧小区奖补资金"),  # the qualifier between the count and 万
        (300000, "目前自然流量30多萬"),  # Traditional 萬
        (5400, "有2732戶5400多居民"),
        (0.36, "轄區面積0.36平方公里"),
        (0, "至今無一例上訪案件發生"),
        (5, "整合辖区各方资源构建起五大服务阵地"),
        (3, "依托……三个站点"),
        (7, "for seven years running"),
        (1, "以1个党群服务中心为核心"),
        (2, "有两个民族"),
    ],
)
def test_evidence_states_the_value(value, text):
    assert states(text, value)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (5400, "15400人"),  # the tail of a longer number
        (5400, "54000人"),
        (0.36, "10.36平方公里"),
        (16, "1.6万"),
        (10, "共有居民十一户"),  # 十 inside 十一
        (3, "三十个"),
        (7, "17 years"),
        (1.5, "化解纠纷15件"),
        (200, "200,000 views"),
    ],
)
def test_evidence_that_does_not_state_the_value(value, text):
    assert not states(text, value)


def test_chinese_numerals_as_articles_write_them():
    values = [0, 3, 10, 12, 20, 105, 315, 1000, 1200, 10005, 16000, 3050000, 120000000]
    assert [chinese(value) for value in values] == [
        "零",
        "三",
        "十",
        "十二",
        "二十",
        "一百零五",
        "三百一十五",
        "一千",
        "一千二百",
        "一万零五",
        "一万六千",
        "三百零五万",
        "一亿二千万",
    ]
