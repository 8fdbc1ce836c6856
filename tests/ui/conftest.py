"""Fixtures for window tests: a workspace with cases, and the dialog seam replaced."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.workbench.helpers import ROWS, write_csv


class FakeDialogs:
    """Records every question the window asks and answers it as the test says."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.confirms: list[str] = []
        self.confirm_defaults: list[bool] = []  # whether each question defaulted to Yes
        self.confirm_answer = False
        self.open_path: str | None = None
        self.save_path: str | None = None
        self.item_answer: str | None = None     # what choose_item returns
        self.text_answer: str | None = None     # what ask_text returns
        self.questions: list[tuple[str, list[str]]] = []
        self.choices: list[tuple[str, str, list[str]]] = []   # (title, text, buttons) of each dialogs.choose
        self.choose_answer: int | None = None   # the button dialogs.choose "presses"
        self.export_choices: list[object] = []  # what File > Export workbook showed (kept as shown)
        self.export_sheets: list[list[str]] = []    # the sheet names it announced

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from ui import dialogs
        monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: self.open_path)
        monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: self.save_path)
        monkeypatch.setattr(dialogs, "error", lambda parent, title, text, details="": self.errors.append((title, text)))
        monkeypatch.setattr(dialogs, "info", lambda parent, title, text: self.infos.append((title, text)))
        monkeypatch.setattr(dialogs, "confirm", self._confirm)
        monkeypatch.setattr(dialogs, "choose_item", self._choose_item)
        monkeypatch.setattr(dialogs, "ask_text", self._ask_text)
        monkeypatch.setattr(dialogs, "choose", self._choose)
        monkeypatch.setattr(dialogs, "confirm_export", self._confirm_export)

    def _confirm_export(self, parent, choices, rounds, sheets):
        self.export_choices.append(choices)
        self.export_sheets.append(sheets(choices.language, choices.report_filter))
        return choices

    def _choose(self, parent, title, text, choices, *, default=0, escape=None) -> int | None:
        self.choices.append((title, text, list(choices)))
        return self.choose_answer

    def _confirm(self, parent, title, text, *, default_yes: bool = False) -> bool:
        self.confirms.append(text)
        self.confirm_defaults.append(default_yes)
        return self.confirm_answer

    def _choose_item(self, parent, title, label, items) -> str | None:
        self.questions.append((label, list(items)))
        return self.item_answer

    def _ask_text(self, parent, title, label, text="") -> str | None:
        self.questions.append((label, []))
        return self.text_answer


class FakeClock:
    """The one clock of a window under test: stands still until the test moves it, from the
    moment the window is built (a real clock read at construction and a fake one later banked
    phantom time on a machine booted minutes ago)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def fake_dialogs(monkeypatch):
    fake = FakeDialogs()
    fake.install(monkeypatch)
    return fake


@pytest.fixture
def cases_csv(tmp_path) -> Path:
    return write_csv(tmp_path / "cases.csv", ROWS)


@pytest.fixture
def window_factory(qtbot, tmp_path, monkeypatch, fake_dialogs, clock):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    from ui.main_window import MainWindow
    windows = []

    def make(language: str = "en", db_name: str = "w.sqlite3", reviewer: str = "alice"):
        window = MainWindow(tmp_path / db_name, reviewer, language, clock=clock)
        qtbot.addWidget(window)
        windows.append(window)
        return window
    yield make
    for window in windows:
        window.tasks.shutdown()
