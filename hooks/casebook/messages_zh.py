"""Problem messages in Chinese for `casebook check --lang zh`.

The library speaks English; this table translates each message shape. A
message with no entry here is shown in English rather than guessed.
"""

from __future__ import annotations

import re

from .loader import ESCAPED
from .problems import Problem

_KINDS = {
    "theme": "主题",
    "unit": "单位",
    "qualifier": "限定词",
    "source": "来源",
    "ethnic group": "民族",
    "region": "省级行政区",
    "city": "城市",
    "member": "下属社区或小区",
    "case": "案例",
}

_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"required field is missing", "缺少必填字段"),
    (r"unknown field", "未知字段"),
    (r"must be text", "必须是文字"),
    (r"must be a number", "必须是数字"),
    (r"must be true or false", "必须是 true 或 false"),
    (r"must be a date written YYYY-MM-DD", "必须是 YYYY-MM-DD 格式的日期"),
    (r"must be a mapping of field: value", "必须是“字段: 值”形式的映射"),
    (r"must be a list", "必须是列表"),
    (r"must not be empty", "不能为空"),
    (
        r"must be lowercase ASCII letters and digits joined by single hyphens \(kebab-case\)",
        "只能由小写英文字母和数字组成，以单个连字符分隔",
    ),
    (
        r"must be a case id, or a case id and a practice id joined by # \(case-id#practice-id\)",
        "必须是案例编号，或以 # 连接的案例编号与做法编号（case-id#practice-id）",
    ),
    (r"must be an http:// or https:// address with a host name", "必须是带主机名的 http:// 或 https:// 地址"),
    (r"is too long \(at most (\d+) characters\)", r"过长（最多 \1 个字符）"),
    (r"has too many items \(at most (\d+)\)", r"项数过多（最多 \1 项）"),
    (r"needs at least (\d+) item\(s\)", r"至少需要 \1 项"),
    (r"must be one of (.+)", r"必须是以下之一：\1"),
    (r"must be greater than or equal to (\S+)", r"必须大于或等于 \1"),
    (r"must be less than or equal to (\S+)", r"必须小于或等于 \1"),
    (r"give the text in at least one language \(zh or en\)", "至少要用一种语言（zh 或 en）填写"),
    (r"must equal the file name '(.+)'", r"必须与文件名“\1”一致"),
    (r"'(.+)' is reserved for a listing page", r"“\1”保留给列表页使用"),
    (r"'(.+)' is reserved for a page heading", r"“\1”保留给页面标题使用"),
    (r"'(.+)' is used by another practice", r"“\1”已被另一项做法使用"),
    (r"'(.+)' is used by another source", r"“\1”已被另一个来源使用"),
    (r"'(.+)' is already used by (.+)", r"“\1”已被 \2 使用"),
    (r"'(.+)' is this record's own id", r"“\1”是本记录自己的编号"),
    (r"'(.+)' is the id of (.+); an alias must be a former id", r"“\1”是 \2 的编号；别名只能是曾用编号"),
    (r"'(.+)' is already an alias in (.+)", r"“\1”已是 \2 的别名"),
    (r"city '(.+)' belongs to region '(.+)'", r"城市“\1”属于“\2”"),
    (r"missing text in the original language \((\w+)\)", r"缺少原文语言（\1）的文字"),
    (r"must not be earlier than 'added'", "不能早于收录日期 added"),
    (r"duplicate key '(.+)' \(first written on line (\d+)\)", r"重复的键“\1”（第 \2 行已写过）"),
    (r"anchors \(&name\) are not allowed; write the value out", "不允许使用锚点（&name），请直接写出值"),
    (r"aliases \(\*name\) are not allowed; write the value out", "不允许使用别名（*name），请直接写出值"),
    (r"merge keys \(<<\) are not allowed; write the fields out", "不允许使用合并键（<<），请直接写出字段"),
    (r"tags such as (.+) are not allowed", r"不允许使用标签（如 \1）"),
    (r"only one YAML document per file", "每个文件只能有一个 YAML 文档"),
    (r"the top level must be a mapping of field: value", "顶层必须是“字段: 值”形式的映射"),
    (r"file is empty", "文件为空"),
    (r"file is larger than (\d+) KB", r"文件超过 \1 KB"),
    (r"file must be UTF-8, found a (.+) byte order mark", r"文件必须是 UTF-8 编码，发现了 \1 字节序标记"),
    (r"file must be UTF-8: invalid byte sequence", "文件必须是 UTF-8 编码：存在无效字节"),
    (r"control character (U\+\w+) is not allowed", r"不允许使用控制字符 \1"),
    (r"lone carriage return \(CR\); use LF or CRLF line endings", "存在单独的回车符（CR），请使用 LF 或 CRLF 换行"),
    (r"invisible or direction-changing character (U\+\w+) is not allowed", r"不允许使用不可见或改变文字方向的字符 \1"),
    (r"nesting deeper than (\d+) levels", r"嵌套超过 \1 层"),
    (r"invalid YAML: (.+)", r"YAML 格式错误：\1"),
    (
        r"file starts with a byte order mark \(BOM\): save it as UTF-8 without BOM",
        "文件以字节序标记（BOM）开头：请保存为不带 BOM 的 UTF-8",
    ),
    (r"noncharacter (U\+\w+) is not allowed", r"不允许使用非字符 \1"),
    (r"numbers may have at most (\d+) digits", r"数字最多 \1 位"),
    (r"a list may have at most (\d+) items", r"列表最多 \1 项"),
    (
        r"'(.+)' is a device name on Windows and cannot name a file or folder",
        r"“\1”是 Windows 的设备名，不能用作文件或文件夹名",
    ),
    (r"'(.+)' is the anchor of the case's title \(its id\)", r"“\1”是案例标题的锚点（即案例 id）"),
    (r"'(.+)' is the anchor of source '(.+)'", r"“\1”是来源“\2”的锚点"),
    (r"'(.+)' is already the name of (.+)", r"“\1”已是 \2 的名称"),
    (
        r"would be published at (\S+), the address of the generated page (\S+); edit data/ instead",
        r"会发布在 \1，与生成页面 \2 的地址相同；请改为编辑 data/",
    ),
    (r"vocabulary file is missing", "缺少词表文件"),
    (
        r"contains an email address; personal data may not appear in records",
        "含有电子邮箱地址；案例记录不得包含个人信息",
    ),
    (r"contains a phone number; personal data may not appear in records", "含有电话号码；案例记录不得包含个人信息"),
    (
        r"contains a Chinese ID-card number; personal data may not appear in records",
        "含有身份证号码；案例记录不得包含个人信息",
    ),
    (r"is a symbolic link or inside one; refusing to write", "是符号链接或位于符号链接内，拒绝写入"),
    (r"is a hand-written file; a generated page may not replace it", "是手写页面，生成的页面不能覆盖它"),
    (r"symbolic links are not allowed under data/", "data/ 下不允许使用符号链接"),
    (r"only regular files are allowed under data/", "data/ 下只允许普通文件"),
    (r"unexpected file: records and vocabularies are \.yaml files", "意外的文件：案例和词表都应是 .yaml 文件"),
    (
        r"YAML files belong in data/cases/, data/collections/ or data/vocab/",
        "YAML 文件应放在 data/cases/、data/collections/ 或 data/vocab/ 中",
    ),
    (r"'(.+)' is already item (\d+)", r"“\1”已是第 \2 项"),
    (r"symbolic links are not allowed under docs/", "docs/ 下不允许使用符号链接"),
    (r"only regular files are allowed under docs/", "docs/ 下只允许普通文件"),
    (r"unexpected file type (\S+) under docs/", r"docs/ 下出现了意外的文件类型 \1"),
    (
        r"a sentence follows its source almost word for word \(similarity (\S+), limit (\S+)\): rewrite “(.+)” in your own words",
        r"有一句话几乎照抄来源（相似度 \1，上限 \2）：请用自己的话改写“\3”",
    ),
    (r"(\S+) is more than the (\S+) of the profile's (\w+)", r"\1 超过了概况中的总数 \2（\3）"),
    (r"ends \((\S+)\) before it starts \((\S+)\)", r"结束时间（\1）早于开始时间（\2）"),
    (r"is earlier than the start of its period \((\S+)\)", r"早于所属时段的开始时间（\1）"),
    (r"does not state the value (\S+)", r"没有写出数值 \1"),
    (r"(\S+) residents are fewer than (\S+) households", r"人口 \1 人少于户数 \2 户"),
    (r"(\S+) ethnic groups are fewer than the (\d+) named", r"民族数 \1 少于列出的 \2 个民族"),
    (r"only a case at subdistrict level has members", "只有街道一级的案例才有下属社区或小区"),
    (r"'(.+)' is used by another member", r"“\1”已被另一个下属社区或小区使用"),
    (r"'(.+)' is marked derived but not given", r"“\1”标为推定，但没有填写"),
    (r"every level is derived: at least one must be stated", "所有层级都标为推定：至少要有一级是来源写明的"),
    (
        r"give either the source's title or, when it has none, a description",
        "填写来源的标题；来源没有标题时，改填说明（description），二者只填其一",
    ),
    (r"translation is stale: the original text changed since it was reviewed", "译文已过时：原文在审校之后有改动"),
    (r"has (\d+) Chinese characters; a summary has (\d+) to (\d+)", r"有 \1 个汉字；摘要应为 \2 至 \3 个汉字"),
    (
        r"is not in the language of source '(.+)' \((\w+)\): quote its own words",
        r"与来源“\1”的语言（\2）不符：请照录来源原文",
    ),
    (
        r"contains (\S); the page sets a title in (\S+): write (\S+) inside it",
        r"含有\1；页面会给标题加上\2，标题里请改用\3",
    ),
    (
        r"names the year (\d{4}): give it as span.start or span.end too",
        r"写到了 \1 年：请同时填入 span.start 或 span.end",
    ),
    (r"key '(.+)' is defined more than once \(first on line (\d+)\)", r"键“\1”重复定义（第 \2 行已定义）"),
    (
        r"'(.+)' does not say what is counted: name it \(lifts, sets, parking spaces …\)",
        r"“\1”没有说明计数的对象：请写明计的是什么（如 lifts、sets、parking spaces）",
    ),
)


def translate_message(message: str) -> str:
    repeated = re.fullmatch(r"(\d+) more like this: (.+)", message)
    if repeated:
        return f"另有 {repeated.group(1)} 个同类问题：{translate_message(repeated.group(2))}"
    if message.endswith(ESCAPED):
        return translate_message(message.removesuffix(ESCAPED)) + "（以转义形式写出）"
    practice = re.fullmatch(r"unknown practice '(.+?)' in case '(.+?)'(?:; nearest: (.+))?", message)
    if practice:
        key, case_id, nearest = practice.groups()
        hint = f"；最接近的是：{nearest}" if nearest else ""
        return f"案例“{case_id}”中没有做法“{key}”{hint}"
    unknown = re.fullmatch(
        r"unknown (theme|unit|qualifier|source|ethnic group|region|city|member|case) '(.+?)'(?:; nearest: (.+))?",
        message,
    )
    if unknown:
        kind, key, nearest = unknown.groups()
        hint = f"；最接近的是：{nearest}" if nearest else ""
        return f"未知的{_KINDS[kind]}“{key}”{hint}"
    for pattern, replacement in _PATTERNS:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


def report_zh(problems: tuple[Problem, ...]) -> str:
    lines = [str(Problem(p.path, p.line, p.column, p.field, translate_message(p.message))) for p in problems]
    lines.append(f"发现 {len(problems)} 个问题；未生成任何页面。")
    return "\n".join(lines)
