"""The one glossary of stored codes (resources/glossary.json): statuses, verdicts, severities,
IP types, answer outcomes, sampling methods and allocations, and the rate names, in English and
Chinese. The workbook's labels come from here; the window's translations of the same codes are
held to the same words by tests/test_glossary.py, so a term reads the same on screen and on paper.
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Mapping

from foundation.paths import resource_dir
from workbench.review.checklists import Text


@lru_cache(maxsize=1)
def _groups() -> dict[str, dict]:
    with open(resource_dir() / "glossary.json", encoding="utf-8") as handle:
        return json.load(handle)["groups"]


def labels(group: str) -> Mapping[str, Text]:
    """code -> Text(en, zh) for one group of the glossary."""
    return {code: Text(en, zh) for code, (en, zh) in _groups()[group]["terms"].items()}


def contexts(group: str) -> tuple[str, ...]:
    """The window's translation contexts that show this group's terms."""
    return tuple(_groups()[group]["contexts"])


def groups() -> tuple[str, ...]:
    return tuple(_groups())
