"""Normalisation of names before they are looked up in the registry.

Publishers' files carry trailing and no-break spaces, curly apostrophes,
full-width brackets and footnote digits glued to names ("Other countries6",
"World total (rounded) 10"); all of them must meet the same registry key.
"""
from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Footnote markers: digits at the end of a name that has letters, optionally
# after a space or a closing bracket ("Other countries6", "(rounded) 10").
_FOOTNOTE = re.compile(r"(?<=[^\d\s(])\s*\d{1,2}$")
_TRANSLATE = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
    "（": "(", "）": ")", "，": ",", "\u00a0": " ", "\u3000": " ", "\u2013": "-", "\u2014": "-",
})


def normalise_name(value: object) -> str:
    """Return the lookup key of a name: case-folded, spaces collapsed, footnotes dropped."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).translate(_TRANSLATE)
    text = _SPACES.sub(" ", text).strip()
    if any(ch.isalpha() for ch in text):
        text = _FOOTNOTE.sub("", text).strip()
        text = text.rstrip("*").strip()
    return text.casefold()
