"""The problem list: what is wrong with an input, and exactly where.

Every problem names the file, the sheet, the row as Excel shows it (header row
included, first row is 1), the column, the offending value and what was
expected.  Errors block an import; warnings and notes do not.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum



class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Problem:
    severity: Severity
    code: str                 # stable machine-readable id, e.g. "not_a_number"
    message: str              # one sentence for the analyst
    file: str = ""
    sheet: str = ""
    row: int | None = None    # spreadsheet row number as Excel shows it
    column: str = ""
    value: str = ""
    expected: str = ""

    def location(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column '{self.column}'")
        return ", ".join(p for p in parts if p)

    def format(self) -> str:
        text = f"{self.severity.value.upper():7} {self.location()}: {self.message}"
        if self.value != "":
            text += f" (found {self.value!r}"
            text += f"; expected {self.expected})" if self.expected else ")"
        elif self.expected:
            text += f" (expected {self.expected})"
        return text


@dataclass
class ProblemList:
    items: list[Problem] = field(default_factory=list)

    def add(self, severity: Severity, code: str, message: str, **where) -> None:
        self.items.append(Problem(severity, code, message, **where))

    def error(self, code: str, message: str, **where) -> None:
        self.add(Severity.ERROR, code, message, **where)

    def warning(self, code: str, message: str, **where) -> None:
        self.add(Severity.WARNING, code, message, **where)

    def info(self, code: str, message: str, **where) -> None:
        self.add(Severity.INFO, code, message, **where)

    def extend(self, other: "ProblemList | list[Problem]") -> None:
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
