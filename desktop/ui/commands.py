"""Undo commands: each calls one reversible edit of the core store on the worker.

The first ``redo()`` (Qt calls it on push) runs the edit and keeps the
:class:`~desktop.core.store.changes.Change` it returns: the rows before and
after.  Undo and redo replay that change backwards or forwards, exactly.  The
worker runs tasks in order, so an undo issued while the edit is still queued
runs after it and finds the change recorded.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from desktop.ui.document import ProjectDocument
from desktop.ui.tasks import error_sentence


class ChangeCommand(QUndoCommand):
    """One undo step over the project's rows (a cell edit, a paste, added or deleted rows, an import)."""

    def __init__(self, document: ProjectDocument, text: str, make: Callable, *,
                 on_made: Callable | None = None, on_error: Callable[[BaseException], None] | None = None,
                 cancellable: bool = False, label: str | None = None) -> None:
        super().__init__(text)
        self.document = document
        self.make = make                  # make(project, state) -> Change, or (Change, extra)
        self.change = None
        self.extra = None
        self._on_made, self._on_error = on_made, on_error
        self._cancellable = cancellable
        self._label = label or text

    def redo(self) -> None:
        if self.change is None:
            self.document.write(self._first, label=self._label, tables=self._tables, on_done=self._made,
                                on_error=self._failed, cancellable=self._cancellable)
        else:
            self.document.write(lambda p, s: self._replay(p, undo=False), label=self._label,
                                tables=self._tables)

    def undo(self) -> None:
        label = QCoreApplication.translate("ChangeCommand", "Undo %1").replace("%1", self.text())
        self.document.write(lambda p, s: self._replay(p, undo=True), label=label, tables=self._tables)

    # -- on the worker -------------------------------------------------------------------
    def _first(self, project, state):
        made = self.make(project, state)
        self.change, self.extra = made if isinstance(made, tuple) else (made, None)
        return self.change

    def _replay(self, project, undo: bool):
        if self.change is not None:      # None: the first run failed; nothing to replay
            project.apply(self.change, undo=undo)
        return self.change

    # -- on the GUI thread ---------------------------------------------------------------
    @staticmethod
    def _tables(change) -> set:
        return set(change.tables) if change is not None else set()

    def _made(self, change) -> None:
        if self._on_made:
            self._on_made(self)

    def _failed(self, exc: BaseException) -> None:
        # Nothing was written (one transaction): take the step off the stack again.
        self.setObsolete(True)
        stack = self.document.undo_stack
        if stack.index() > 0 and stack.command(stack.index() - 1) is self:
            stack.undo()
        if self._on_error:
            self._on_error(exc)          # the exception itself: a Cancelled is told apart by its type
        else:
            self.document.sig_error.emit(error_sentence(exc))


class AliasCommand(QUndoCommand):
    """Save (or change) a project alias: "Undo Save Alias" restores the previous mapping."""

    def __init__(self, document: ProjectDocument, kind: str, alias: str, target: str, text: str) -> None:
        super().__init__(text)
        self.document, self.kind, self.alias, self.target = document, kind, alias, target
        self.previous: str | None = None
        self._first = True

    def redo(self) -> None:
        def work(project, state):
            previous = project.set_alias(self.kind, self.alias, self.target)
            if self._first:
                self.previous = previous
                self._first = False

        self._write(work)

    def undo(self) -> None:
        self._write(lambda project, state: project.set_alias(self.kind, self.alias, self.previous))

    def _write(self, fn) -> None:
        self.document.write(fn, label=self.text(), on_done=lambda _r: self.document.sig_aliases_changed.emit())


class RegistryEditCommand(QUndoCommand):
    """One edit of the project's registry (a mineral renamed, added, removed or reverted) as an undo step.

    ``make(project) -> MineralEdit`` runs on the first redo; undo and redo replay the edit's stored rows
    (``registry_edits.apply_edit``). After each write the document re-reads the registry, so every view's
    names follow. A refused first run takes the step off the stack again and hands the error to ``on_error``.
    """

    def __init__(self, document: ProjectDocument, text: str, make: Callable,
                 on_error: Callable[[BaseException], None] | None = None) -> None:
        super().__init__(text)
        self.document, self.make, self.edit = document, make, None
        self._on_error = on_error

    def redo(self) -> None:
        if self.edit is None:
            self.document.write(self._first, label=self.text(), on_done=self._written, on_error=self._failed)
        else:
            self.document.write(lambda p, s: self._replay(p, undo=False), label=self.text(), on_done=self._written)

    def undo(self) -> None:
        label = QCoreApplication.translate("ChangeCommand", "Undo %1").replace("%1", self.text())
        self.document.write(lambda p, s: self._replay(p, undo=True), label=label, on_done=self._written)

    def _first(self, project, state):
        self.edit = self.make(project)
        return self.edit

    def _replay(self, project, undo: bool):
        from desktop.core.store.registry_edits import apply_edit

        if self.edit is not None:
            apply_edit(project, self.edit, undo=undo)
        return self.edit

    def _written(self, _result) -> None:
        self.document.reload_registry()

    def _failed(self, exc: BaseException) -> None:
        self.setObsolete(True)
        stack = self.document.undo_stack
        if stack.index() > 0 and stack.command(stack.index() - 1) is self:
            stack.undo()
        if self._on_error:
            self._on_error(exc)
        else:
            self.document.sig_error.emit(error_sentence(exc))
