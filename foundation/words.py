"""English count nouns and articles, and numbers with thousands separators, for every layer's
sentences ("1 finding", "2 findings", "an invention", "1,234 cases"). Kept in foundation because the
importer, the CLI and the window all build such sentences and may all import foundation."""
from __future__ import annotations

import re
from typing import Any, Mapping

#: Plurals that do not add an s.
_IRREGULAR = {"stratum": "strata", "criterion": "criteria", "analysis": "analyses", "this": "these"}
#: Verbs that agree with the count noun just before them ("1 review is", "2 reviews are").
_SINGULAR_VERBS = {"are": "is", "were": "was", "have": "has", "get": "gets", "wait": "waits", "differ": "differs",
                   "remain": "remains", "need": "needs", "match": "matches"}
_MARKED = re.compile(r"(\w+)\(s\)(?: (\w+)\b)?")
_AFTER = r"((?:\s+[^\s%{]+?){0,2}?\s+)(\w+)\(s\)(?: (\w+)\b)?"    # up to two words, then "word(s)"
_COUNTED = re.compile(r"\{(\w+)(?::[^}]*)?\}" + _AFTER)      # {count} ... word(s)
_ARGUMENT = re.compile(r"%(\d)" + _AFTER)                      # %1 ... word(s), as Qt texts write it


def number(n: int | float) -> str:
    """A count with thousands separators (1,234); the same in English and Chinese."""
    return f"{n:,}" if isinstance(n, int) else f"{n:,.1f}"


def noun(n: int | float, singular: str, plural: str | None = None) -> str:
    """The noun that goes with n: finding / findings."""
    if n == 1:
        return singular
    return plural or _IRREGULAR.get(singular) or (singular + "es" if singular.endswith(("s", "x", "ch", "sh"))
                                                   else singular + "s")


def count(n: int | float, singular: str, plural: str | None = None) -> str:
    """'1 finding', '2 findings', '1,234 cases'."""
    return f"{number(n)} {noun(n, singular, plural)}"


def article(phrase: str) -> str:
    """The phrase with its indefinite article: 'an invention', 'a utility model', 'a design'."""
    return ("an " if phrase[:1].lower() in "aeio" else "a ") + phrase


def resolve(text: str, n: int | float, verbs: bool = True) -> str:
    """Every 'word(s)' of a sentence about n made singular or plural, and a verb right after it agreed."""
    def one(match: re.Match[str]) -> str:
        word, verb = match.group(1), match.group(2)
        out = noun(n, word)
        if verb is not None:
            out += " " + (_SINGULAR_VERBS.get(verb, verb) if n == 1 and verbs else verb)
        return out
    return _MARKED.sub(one, text)


def _resolve_counted(pattern: re.Pattern[str], text: str, params: Mapping[str, Any]) -> str:
    seen: list[int] = []

    def one(match: re.Match[str]) -> str:
        value = params.get(match.group(1))
        if not isinstance(value, int) or isinstance(value, bool):
            return match.group(0)
        cut = match.start(3) - match.start(0)
        seen.append(value)
        # Only the first count is the subject ("2 items in 1 review were changed" keeps "were").
        return match.group(0)[:cut] + resolve(match.group(0)[cut:], value, verbs=len(seen) == 1)
    return pattern.sub(one, text)


def resolve_template(template: str, params: Mapping[str, Any]) -> str:
    """A str.format template's '{count} … word(s)' resolved by the count it follows (an int parameter)."""
    return _resolve_counted(_COUNTED, template, params)


def fill(text: str, *values: Any) -> str:
    """A Qt-style text's %1, %2 … filled in: int values as counts (separators, and the English
    'word(s)' after them made singular or plural), others as they are."""
    text = _resolve_counted(_ARGUMENT, text, {str(i): v for i, v in enumerate(values, 1)})
    for i in range(len(values), 0, -1):
        value = values[i - 1]
        text = text.replace(f"%{i}", number(value) if isinstance(value, int) and not isinstance(value, bool)
                            else str(value))
    return text
