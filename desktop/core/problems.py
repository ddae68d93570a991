"""The problem list: what is wrong with an input, and exactly where.

Every problem names the file, the sheet, the row as Excel shows it (header row
included, first row is 1), the column, the offending value and what was
expected.  Errors block an import; warnings and notes do not.

``message`` and ``expected`` are :class:`~desktop.core.messages.Message` objects
when the core writes them: the English sentence itself (so ``str``, ``==`` and
:meth:`Problem.format` give exactly the English text) that can also be shown in
Chinese (``problem.text("zh")``, ``problem.format("zh")``).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from desktop.core.messages import Message, text, translate


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Problem:
    severity: Severity
    code: str                 # stable machine-readable id, e.g. "not_a_number"
    message: str              # one sentence for the analyst (a Message: English, and Chinese on request)
    file: str = ""
    sheet: str = ""
    row: int | None = None    # spreadsheet row number as Excel shows it
    column: str = ""
    value: str = ""
    expected: str = ""        # a Message too, where the core wrote it

    @property
    def params(self) -> Mapping:
        """The parameters of the message (its code is ``message.code``); empty for a plain text."""
        return self.message.params if isinstance(self.message, Message) else {}

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` ('en' or 'zh'); English is ``message`` exactly."""
        return translate(self.message, lang)

    def location(self, lang: str = "en") -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(text("where.sheet", {"sheet": self.sheet}, lang))
        if self.row is not None:
            parts.append(text("where.row", {"row": self.row}, lang))
        if self.column:
            parts.append(text("where.column", {"column": self.column}, lang))
        return text("where.separator", lang=lang).join(p for p in parts if p)

    def sentence(self, lang: str = "en") -> str:
        """The message with the value found and what was expected, in ``lang``."""
        expected = translate(self.expected, lang)
        tail = ""
        if self.value != "":
            tail = text("problem.found_expected" if expected else "problem.found",
                        {"value": self.value, "expected": expected}, lang)
        elif expected:
            tail = text("problem.expected", {"expected": expected}, lang)
        return self.text(lang) + tail

    def format(self, lang: str = "en") -> str:
        """One line: severity, location, message, the value found and what was expected."""
        severity = text(f"severity.{self.severity.value}", lang=lang).upper()
        line = text("problem.line", {"severity": severity, "location": self.location(lang), "message": ""}, lang)
        return line + self.sentence(lang)


@dataclass
class ProblemList:
    """Problems in the order found; ``message`` (and ``expected=``) are Messages or plain text."""

    items: list[Problem] = field(default_factory=list)

    def add(self, severity: Severity, code: str, message: str, **where) -> None:
        self.items.append(Problem(severity=severity, code=code, message=message, **where))

    def error(self, code: str, message: str, **where) -> None:
        self.add(Severity.ERROR, code, message, **where)

    def warning(self, code: str, message: str, **where) -> None:
        self.add(Severity.WARNING, code, message, **where)

    def info(self, code: str, message: str, **where) -> None:
        self.add(Severity.INFO, code, message, **where)

    def extend(self, other: ProblemList | list[Problem]) -> None:
        self.items.extend(other.items if isinstance(other, ProblemList) else other)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    @property
    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(self.items)
