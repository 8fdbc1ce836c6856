"""Issue 19, Language: Chinese text uses full-width punctuation. Every Chinese translation of the
window (.ts) and every Chinese half of a domain text (Text(en, zh) / T(en, zh) in the code, the "zh"
fields of resources/*.json) is scanned for an ASCII , : ; ? ! ( ) written straight between Chinese
characters, or ending a Chinese sentence; the test names each one found."""
from __future__ import annotations

import ast
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parent.parent
_CJK = r"[\u3400-\u9fff\uf900-\ufaff\u3001-\u3003\u300a-\u3011\uff01-\uff1f]"
# Between two Chinese characters (评查用时(分钟)), or after one at the end of a line or text (问题:).
HALF_WIDTH = re.compile(rf"(?<={_CJK})[,:;?!()](?={_CJK})|(?<={_CJK})[,:;?!(](?=\s*$)", re.M)


def offences(text: str) -> list[str]:
    """The places of `text` where ASCII punctuation stands in Chinese, each with a little context."""
    return [text[max(0, m.start() - 8):m.end() + 8] for m in HALF_WIDTH.finditer(text)]


def ts_translations() -> Iterator[tuple[str, str]]:
    root = ET.parse(ROOT / "resources" / "translations" / "workbench_zh_CN.ts").getroot()
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is None:
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        source = message.findtext("source") or ""
        for form in forms:
            yield f"ts: {source[:40]!r}", form


def _zh_argument(call: ast.Call) -> str | None:
    name = getattr(call.func, "id", getattr(call.func, "attr", None))
    if name not in ("Text", "T") or len(call.args) < 2:
        return None
    arg = call.args[1]
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    if isinstance(arg, ast.JoinedStr):     # f-strings: the literal parts, a placeholder for the rest
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in arg.values)
    return None


def domain_texts() -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / "workbench").rglob("*.py")) + sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and (zh := _zh_argument(node)) is not None:
                yield f"{path.relative_to(ROOT)}:{node.lineno}", zh


def _zh_fields(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "zh" and isinstance(item, str):
                yield item
            else:
                yield from _zh_fields(item)
    elif isinstance(value, list):
        for item in value:
            yield from _zh_fields(item)


def resource_texts() -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / "resources").rglob("*.json")):
        for text in _zh_fields(json.loads(path.read_text(encoding="utf-8"))):
            yield str(path.relative_to(ROOT)), text


def test_the_checker_finds_half_width_punctuation_in_chinese():
    assert offences("评查用时(分钟)") and offences("问题:") and offences("案件,评查") and offences("是否?")
    assert not offences("评查用时（分钟）") and not offences("案件（*.csv）;;所有文件 (*)")
    assert not offences("Read 3 rows: 2 accepted") and not offences("率 = 下限 + (1 − 下限)")


def test_chinese_translations_use_full_width_punctuation():
    found = [f"{where}: {bad!r}" for where, text in ts_translations() for bad in offences(text)]
    assert found == [], "ASCII punctuation in Chinese translations:\n" + "\n".join(found)


def test_chinese_domain_texts_use_full_width_punctuation():
    found = [f"{where}: {bad!r}" for where, text in [*domain_texts(), *resource_texts()] for bad in offences(text)]
    assert found == [], "ASCII punctuation in Chinese domain texts:\n" + "\n".join(found)
