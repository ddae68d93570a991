"""The core's messages in two languages: stable codes, named parameters, English and Chinese.

Every sentence the core writes for the analyst (problems, notes, reasons rows were
left out, metric notes, metric flags, the import summary) has a stable code in
:data:`~desktop.core.messages_catalogue.CATALOGUE`, an English template and a
Simplified Chinese template with the same ``{named}`` placeholders.  The core
builds a :class:`Message` (code + parameters); it *is* the English sentence (a
``str``), so everything that printed, compared or stored the English text keeps
doing so, and ``message.text("zh")`` gives the Chinese one.  The file's own
names and values are parameters and are never translated.

No Qt here: the GUI and ``critmin`` on the command line render the same codes.
"""
from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Self

from desktop.core.messages_catalogue import CATALOGUE

_SEPARATORS_ZH = {", ": "、", "; ": "；"}
_FORMAT_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError)


def normalise_lang(lang: object) -> str:
    """'zh' for any Chinese spelling ('zh', 'zh_CN', 'zh-Hans', 'zh_CN.UTF-8'), else 'en'."""
    return "zh" if str(lang or "").strip().casefold().startswith("zh") else "en"


def system_lang(environ: Mapping[str, str] | None = None) -> str:
    """The language of the environment: ``CRITMIN_LANG``, else the locale.

    The first variable set among CRITMIN_LANG, LC_ALL, LC_MESSAGES, LANG and
    LANGUAGE decides ('zh…' → 'zh', anything else → 'en').
    """
    env = os.environ if environ is None else environ
    for var in ("CRITMIN_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var, "").strip()
        if value:
            return normalise_lang(value.split(":")[0])
    return "en"


class _Blank(dict):
    """Parameters for ``str.format_map``: a missing one shows as ``{name}`` instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True)
class Joined:
    """A parameter that is a list: ``items`` joined with ``sep`` (its Chinese counterpart in Chinese)."""

    items: tuple
    sep: str = ", "

    def text(self, lang: str = "en") -> str:
        sep = _SEPARATORS_ZH.get(self.sep, self.sep) if normalise_lang(lang) == "zh" else self.sep
        return sep.join(str(_render(v, lang)) for v in self.items)


@dataclass(frozen=True)
class CountryName:
    """A parameter that is a country: its registry name in the message's language (ISO3 code when unknown)."""

    code: str

    def text(self, lang: str = "en") -> str:
        from desktop.core.registry import default_registry

        return default_registry().country_name(self.code, "zh" if normalise_lang(lang) == "zh" else "en")

    def __str__(self) -> str:
        return self.text("en")


def _render(value: object, lang: str) -> object:
    """A parameter as the template takes it: a Message in ``lang``, a list joined with ', ', else as it is."""
    if isinstance(value, (Message, Joined, CountryName)):
        return value.text(lang)
    if isinstance(value, (list, tuple)):
        return Joined(items=tuple(value)).text(lang)
    return value


def text(code: str, params: Mapping | None = None, lang: str = "en") -> str:
    """The sentence of ``code`` in ``lang`` with ``params`` filled in.

    Falls back to the English template, then to the code itself; never raises
    (a missing parameter is shown as ``{name}``).
    """
    entry = CATALOGUE.get(code)
    if entry is None:
        return code
    lang = normalise_lang(lang)
    for template, in_lang in ((entry[1], "zh"), (entry[0], "en")) if lang == "zh" else ((entry[0], "en"),):
        if not template:
            continue
        values = _Blank({k: _render(v, in_lang) for k, v in (params or {}).items()})
        try:
            return template.format_map(values)
        except _FORMAT_ERRORS:
            continue
    return code


class Message(str):
    """A catalogue sentence: the ``str`` itself (and ``str(m)``) is the English text; :meth:`text` gives
    any language.

    A ``str`` rather than a small dataclass so that the callers of the English text — ``" ".join(notes)``,
    ``"kt" in note``, ``problem.message == "..."``, writing a note into a workbook or a project — keep
    working unchanged.  Immutable like the ``str`` it is: ``code`` and ``params`` cannot be reassigned
    (and ``params`` is not to be changed).  Parameters may be numbers, texts, lists (joined) or other
    Messages (rendered in the same language).
    """

    __slots__ = ("code", "params")
    code: str
    params: Mapping

    def __new__(cls, code: str, params: Mapping | None = None) -> Self:
        params = dict(params or {})
        self = super().__new__(cls, text(code, params, "en"))
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "params", params)
        return self

    def __setattr__(self, name: str, value) -> None:
        raise AttributeError(f"Message is immutable: cannot set {name!r}")

    def __reduce__(self):
        return Message, (self.code, self.params)

    def text(self, lang: str = "en") -> str:
        return text(self.code, self.params, lang)


def msg(code: str, /, **params) -> Message:
    """Shorthand: ``msg("drop.empty_row")``, ``msg("problem.unit_not_known", unit="kt")``."""
    return Message(code, params)


def translate(value: object, lang: str = "en") -> str:
    """Any text of the core in ``lang``: a Message is rendered, plain text is returned as it is."""
    if isinstance(value, Message):
        return value.text(lang)
    return "" if value is None else str(value)


def term(kind: str, name: str) -> Message | str:
    """A word of the program (``term("table", "production")``): a Message when the catalogue has
    ``kind.name``, else ``name`` itself (an unknown table or column keeps its own name)."""
    code = f"{kind}.{name}"
    return Message(code) if code in CATALOGUE else name


def count_rows(n: int) -> Message:
    """'1 row' / '3 rows' (Chinese has no plural: '3 行')."""
    return Message("count.row" if n == 1 else "count.rows", {"n": n})


def known_phrase(kind: str, english: str) -> Message | str:
    """The parameterless ``kind.*`` Message whose English is ``english`` (fixed wording of a data file,
    e.g. the reasons of registry/data/regions.csv), else ``english`` unchanged."""
    code = _phrase_codes().get((kind, english))
    return english if code is None else Message(code)


@functools.cache
def _phrase_codes() -> dict[tuple[str, str], str]:
    """(kind, English) → the first catalogue code ``kind.*`` with that English, built once (the
    models look phrases up on every repaint)."""
    out: dict[tuple[str, str], str] = {}
    for code, (en, _) in CATALOGUE.items():
        parts = code.split(".")
        for i in range(1, len(parts)):
            out.setdefault((".".join(parts[:i]), en), code)
    return out


# -- metric flags ----------------------------------------------------------------------------
# Flags are codes joined with ';' (metrics.flags.join_flags).  Some carry a detail after a colon
# ('carried_forward:2019', 'mixed_units:t|kg') and two carry a number inside their name.
_NUMBERED_FLAGS = (
    (re.compile(r"below_(?P<detail>[\d.]+)_years"), "below_years"),
    (re.compile(r"fewer_than_(?P<detail>\d+)_countries"), "fewer_than_countries"),
)


def flag_code(flag: str) -> tuple[str, str]:
    """(catalogue code, detail) of one flag: 'carried_forward:2019' → ('flag.carried_forward', '2019')."""
    name, _, detail = flag.strip().partition(":")
    for pattern, code in _NUMBERED_FLAGS:
        m = pattern.fullmatch(name)
        if m:
            return f"flag.{code}", m.group("detail")
    return f"flag.{name}", detail


def flag_text(flag: str, lang: str = "en") -> str:
    """One sentence explaining a metric flag (the flag itself when the catalogue lacks it)."""
    code, detail = flag_code(flag)
    if code not in CATALOGUE:
        return flag
    return text(code, {"detail": Joined(items=tuple(detail.split("|")))}, lang)   # 'mixed_units:t|kg' → 't, kg'


def describe_flags(flags: object, lang: str = "en") -> str:
    """Every flag of a ';'-joined flag cell, one line each: 'flag: explanation' ('' for no flags)."""
    if not isinstance(flags, str):
        return ""
    return "\n".join(text("flags.line", {"flag": f, "text": flag_text(f, lang)}, lang)
                     for f in flags.split(";") if f.strip())
