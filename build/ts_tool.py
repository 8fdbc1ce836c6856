"""Read and fill the Qt translation source without Qt Linguist.

    python build/ts_tool.py untranslated [TS]          # JSON list of what still needs a translation
    python build/ts_tool.py apply FILE.json [TS]       # fill translations from a JSON list

The JSON is a list of {"context": ..., "source": ..., "translation": ...}; for a plural
message (%n) "translation" may be a list of forms (Chinese has one).
"""
from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

DEFAULT_TS = Path(__file__).resolve().parent.parent / "resources" / "translations" / "workbench_zh_CN.ts"


def _messages(tree: ET.ElementTree):
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def untranslated(ts: Path) -> list[dict]:
    tree = ET.parse(ts)
    result = []
    for context, message in _messages(tree):
        translation = message.find("translation")
        forms = translation.findall("numerusform")
        empty = (not any(f.text for f in forms)) if forms else not (translation.text or "").strip()
        if empty or translation.get("type") == "unfinished":
            entry = {"context": context, "source": message.findtext("source")}
            if message.get("numerus") == "yes":
                entry["plural"] = True
            result.append(entry)
    return result


def apply(ts: Path, entries: list[dict]) -> int:
    wanted = {(e["context"], e["source"]): e["translation"] for e in entries}
    tree = ET.parse(ts)
    filled = 0
    for context, message in _messages(tree):
        key = (context, message.findtext("source"))
        if key not in wanted:
            continue
        value = wanted[key]
        translation = message.find("translation")
        if message.get("numerus") == "yes":
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            for form in value if isinstance(value, list) else [value]:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = value[0] if isinstance(value, list) else value
        translation.attrib.pop("type", None)
        filled += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return filled


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("untranslated", "apply"):
        print(__doc__)
        return 2
    if argv[0] == "untranslated":
        ts = Path(argv[1]) if len(argv) > 1 else DEFAULT_TS
        json.dump(untranslated(ts), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    ts = Path(argv[2]) if len(argv) > 2 else DEFAULT_TS
    entries = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    print(f"filled {apply(ts, entries)} of {len(entries)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
