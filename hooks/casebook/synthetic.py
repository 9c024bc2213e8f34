"""Synthetic case records for benchmarks: valid, bilingual, realistic in size, deterministic by seed.

Shapes follow the real records (about 12 practices of 2–5 sentences, a dozen
figures, 1–3 themes per practice); the words are drawn from the real
vocabularies so the texts read like the domain without being real facts.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import yaml
from pydantic import BaseModel

from .catalog import CASES_DIR, VOCAB_DIR
from .vocab import Vocabularies

_ZH_CLAUSES = (
    "社区依托党群服务中心开展{term}工作",
    "网格员每周入户走访，及时记录居民诉求",
    "各族居民在节日里共同参与文化活动",
    "志愿服务队为老人和儿童提供上门服务",
    "调解员把邻里纠纷化解在萌芽状态",
    "社区与辖区单位签订共建协议，共享场地和资源",
    "居民议事会每月召开一次，商量小区里的大事小情",
    "就业服务站为居民提供技能培训和岗位信息",
    "老旧小区改造完成了楼道粉刷和屋顶防水",
    "社区在“{term}”品牌下整合多方力量",
)
_EN_CLAUSES = (
    "the community runs its {term} work from the Party-masses service centre",
    "grid workers visit every household each week and note residents' requests",
    "residents of all ethnic groups take part in cultural activities at festivals",
    "a volunteer service team visits older people and children at home",
    "mediators settle quarrels between neighbours before they grow",
    "the community shares venues and resources with local organisations under joint agreements",
    "a residents' council meets monthly to decide matters that concern the compound",
    "an employment station offers residents skills training and job listings",
    "the renovation of old residential compounds repainted stairwells and sealed roofs",
    "the community brings partners together under its “{term}” brand",
)


_SUMMARY_TAIL_ZH = "社区把这些做法写进了年度工作计划，定期听取居民意见并公开办理结果。"
_SUMMARY_TAIL_EN = (
    " The community has written these practices into its yearly work plan;"
    " it hears residents' views regularly and publishes how each matter was handled."
)


def _sentences(rng: random.Random, term_zh: str, term_en: str, count: int, salt: str) -> tuple[str, str]:
    picks = [rng.randrange(len(_ZH_CLAUSES)) for _ in range(count)]
    zh = "。".join(_ZH_CLAUSES[i].format(term=term_zh) for i in picks) + f"，编号{salt}。"
    en = ". ".join(_EN_CLAUSES[i].format(term=term_en).capitalize() for i in picks) + f", record {salt}."
    return zh, en


def synthetic_case(index: int, rng: random.Random, vocab: Vocabularies) -> dict:
    terms = [entry.term for entry in vocab.glossary]
    themes = [theme.key for theme in vocab.themes]
    units = ["household", "person", "person-time", "session", "case", "event"]
    qualifiers = [None, None, "over", "more-than", "nearly"]
    term = terms[index % len(terms)]
    summary_zh, summary_en = _sentences(rng, term.zh or "", term.en or "", 4, f"S{index}")
    # Four clauses are 50 to 100 Han characters; this sentence brings a summary within 80 to 150 (rules.py).
    summary_zh += _SUMMARY_TAIL_ZH
    summary_en += _SUMMARY_TAIL_EN
    practices = []
    for number in range(rng.randint(8, 16)):
        practice_term = rng.choice(terms)
        description_zh, description_en = _sentences(
            rng, practice_term.zh or "", practice_term.en or "", rng.randint(2, 5), f"P{index}-{number}"
        )
        figures = [
            {
                "label": {"zh": f"{practice_term.zh}相关服务", "en": f"{practice_term.en} services"},
                "value": (
                    value := rng.randint(3, 400)
                ),  # below the smallest profile whole (rules: a part is not larger)
                "unit": rng.choice(units),
                **({"qualifier": q} if (q := rng.choice(qualifiers)) else {}),
                "source": "article",
                "evidence": f"{practice_term.zh}相关服务{value}",
            }
            for _ in range(rng.randint(0, 3))
        ]
        practices.append(
            {
                "id": f"practice-{number + 1}",
                "title": {
                    "zh": f"“{practice_term.zh}”工作法{number + 1}",
                    "en": f"“{practice_term.en}” method {number + 1}",
                },
                "themes": rng.sample(themes, rng.randint(1, 3)),
                "description": {"zh": description_zh, "en": description_en},
                "figures": figures,
            }
        )
    region = vocab.regions[index % len(vocab.regions)]
    return {
        "id": f"synthetic-{index:05d}",
        "name": {"zh": f"合成{index}号社区", "en": f"Synthetic Community {index}"},
        "location": {"region": region.key, "district": {"zh": f"第{index % 97}区", "en": f"District {index % 97}"}},
        "profile": {
            "households": _profile_figure(households := rng.randint(500, 9000), "household", "户"),
            # two to three residents a household, as in the real records (the rules check residents >= households)
            "residents": {**_profile_figure(households * rng.randint(2, 3), "person", "余人"), "qualifier": "over"},
            "ethnic_groups": sorted(rng.sample([group.key for group in vocab.ethnic_groups], 3)),
        },
        "summary": {"zh": summary_zh, "en": summary_en},
        "practices": practices,
        "honours": [
            {
                "title": {"zh": "民族团结进步示范单位", "en": "Model Unit for Ethnic Unity and Progress"},
                "source": "article",
            }
        ],
        "sources": [
            {
                "id": "article",
                "publisher": {"zh": "合成数据", "en": "Synthetic data"},
                "title": {"zh": f"合成报道{index}", "en": f"Synthetic report {index}"},
                "language": "zh",
            }
        ],
        "translation": {"original": "zh", "state": "reviewed"},
        "added": "2026-01-01",
        "updated": "2026-01-01",
    }


def write_synthetic_data(target: Path, vocab_from: Path, count: int, seed: int = 1) -> None:
    """A data/ folder with the real vocabularies and `count` synthetic cases."""
    from .catalog import build_catalog

    vocab = build_catalog(vocab_from, only=[]).vocab
    (target / CASES_DIR).mkdir(parents=True, exist_ok=True)
    (target / VOCAB_DIR).mkdir(parents=True, exist_ok=True)
    for source in (vocab_from / VOCAB_DIR).glob("*.yaml"):
        (target / VOCAB_DIR / source.name).write_bytes(source.read_bytes())
    rng = random.Random(seed)
    used: set[str] = set()  # every theme key and text of the cases
    for index in range(count):
        case = synthetic_case(index, rng, vocab)
        used.update(_strings(case))
        text = yaml.safe_dump(case, allow_unicode=True, sort_keys=False, width=1000)
        (target / CASES_DIR / f"{case['id']}.yaml").write_text(text, "utf-8")
    _keep_used_entries(target / VOCAB_DIR, vocab, used)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _keep_used_entries(vocab_dir: Path, vocab: Vocabularies, used: set[str]) -> None:
    """A few cases use only some themes and glossary terms: the vocabularies keep those, as
    the whole-casebook rules demand (vocab_rules.py)."""
    text = "\n".join(used)
    folded = text.casefold()
    kept: dict[str, list[BaseModel]] = {
        "themes": [theme for theme in vocab.themes if theme.key in used],
        "glossary": [
            entry
            for entry in vocab.glossary
            if entry.why is not None
            or (entry.term.zh and entry.term.zh in text)
            or (entry.term.en and entry.term.en.casefold() in folded)
        ],
    }
    for field, entries in kept.items():
        if len(entries) < len(getattr(vocab, field)):
            dumped = {field: [entry.model_dump(mode="json", exclude_none=True) for entry in entries]}
            (vocab_dir / f"{field}.yaml").write_text(
                yaml.safe_dump(dumped, allow_unicode=True, sort_keys=False), "utf-8"
            )


def _profile_figure(value: int, unit: str, word: str) -> dict[str, object]:
    return {"value": value, "unit": unit, "source": "article", "evidence": f"共有居民{value}{word}"}
