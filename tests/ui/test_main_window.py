"""The main window: import through the dialog seam, answer by keyboard, export."""
from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from workbench.review import reviews


def import_and_wait(qtbot, window, fake_dialogs, path):
    fake_dialogs.open_path = str(path)
    with qtbot.waitSignal(window.data_changed, timeout=10_000):
        window.import_cases()


def test_empty_workspace_offers_the_demo_samples(window_factory, fake_dialogs, qtbot):
    window = window_factory()
    fake_dialogs.confirm_answer = True
    with qtbot.waitSignal(window.data_changed, timeout=20_000):
        window.offer_demo()
    assert fake_dialogs.confirms and "demo" in fake_dialogs.confirms[0]
    assert window.model.rowCount() == 300
    assert "300" in window.status_area.counts_label.text()


def test_declining_the_demo_leaves_it_empty(window_factory, fake_dialogs):
    window = window_factory()
    window.offer_demo()
    assert window.model.rowCount() == 0


def test_import_runs_in_the_background_and_fills_the_queue(window_factory, fake_dialogs, cases_csv, qtbot):
    window = window_factory()
    import_and_wait(qtbot, window, fake_dialogs, cases_csv)
    assert window.model.rowCount() == 3
    assert window.last_import.accepted == 3
    assert window.model.data(window.model.index(0, 0)) == "201710601862.3"
    assert window.panel.case_id is not None     # the first case is shown


def test_import_of_a_broken_file_says_why(window_factory, fake_dialogs, tmp_path, qtbot):
    window = window_factory()
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b"\x00\x01\x02 binary")
    fake_dialogs.open_path = str(broken)
    window.import_cases()
    qtbot.waitUntil(lambda: bool(fake_dialogs.errors), timeout=10_000)
    title, text = fake_dialogs.errors[0]
    assert "broken.csv" in text and "Traceback" not in text


def test_answering_by_keyboard(window_factory, fake_dialogs, cases_csv, qtbot):
    window = window_factory()
    import_and_wait(qtbot, window, fake_dialogs, cases_csv)
    window.select_case(window.model.case_id(0))
    panel = window.panel
    view = panel.view
    view.setFocus()
    first, second = panel.checklist.items[0], panel.checklist.items[1]
    assert panel.current_item().id == first.id
    qtbot.keyClick(view, Qt.Key.Key_P)                 # pass, and move on
    assert panel.current_item().id == second.id
    qtbot.keyClick(view, Qt.Key.Key_F)                 # fail stays on the item
    assert panel.current_item().id == second.id
    qtbot.keyClick(view, Qt.Key.Key_2)                 # severity: major
    answers = reviews.get_answers(window.db, panel.review_id)
    assert answers[first.id].answer == "pass"
    assert answers[second.id].outcome == "fail" and answers[second.id].severity == "major"
    assert "Error" in panel.verdict_label.text()
    qtbot.keyClick(view, Qt.Key.Key_N)                 # changing the fail to n/a clears the severity
    changed = reviews.get_answers(window.db, panel.review_id)[second.id]
    assert (changed.outcome, changed.severity) == ("na", None)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert panel.current_item().id == first.id
    assert "na" not in first.answers                   # a key the item does not allow changes nothing
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert reviews.get_answers(window.db, panel.review_id)[first.id].outcome == "pass"
    assert window.model.data(window.model.index(0, 6)) == "In progress"


def test_all_passes_by_keyboard_then_complete(window_factory, fake_dialogs, cases_csv, qtbot):
    window = window_factory()
    import_and_wait(qtbot, window, fake_dialogs, cases_csv)
    window.select_case(window.model.case_id(0))
    panel = window.panel
    panel.view.setFocus()
    presses = 0
    while True:
        answers = reviews.get_answers(window.db, panel.review_id) if panel.review_id else {}
        visible = panel.checklist.visible_items({k: a.answer for k, a in answers.items()})
        if all(item.id in answers for item in visible):
            break
        qtbot.keyClick(panel.view, Qt.Key.Key_P)
        presses += 1
        assert presses < 100
    qtbot.keyClick(panel.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert fake_dialogs.errors == []
    assert reviews.get_review(window.db, panel.review_id).status == "completed"
    assert window.model.data(window.model.index(0, 7)) == "Compliant"


def test_complete_with_missing_answers_lists_them(window_factory, fake_dialogs, cases_csv, qtbot):
    window = window_factory()
    import_and_wait(qtbot, window, fake_dialogs, cases_csv)
    window.select_case(window.model.case_id(0))
    window.panel.view.setFocus()
    qtbot.keyClick(window.panel.view, Qt.Key.Key_F)
    window.panel.complete()
    title, text, _buttons = fake_dialogs.choices[-1]
    assert "needs a severity" in text and "not answered" in text


def test_comment_is_committed_when_focus_leaves(window_factory, fake_dialogs, cases_csv, qtbot):
    window = window_factory()
    import_and_wait(qtbot, window, fake_dialogs, cases_csv)
    window.select_case(window.model.case_id(0))
    panel = window.panel
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_F)
    panel.comment.setFocus()
    qtbot.keyClicks(panel.comment, "missed D1")
    panel.flush()
    item = panel.current_item()
    assert reviews.get_answers(window.db, panel.review_id)[item.id].comment == "missed D1"


def test_next_unreviewed_skips_completed_cases(window_factory, fake_dialogs, cases_csv, qtbot):
    window = window_factory()
    import_and_wait(qtbot, window, fake_dialogs, cases_csv)
    first = window.model.case_id(0)
    window.select_case(first)
    window.next_action.trigger()
    assert window.panel.case_id == window.model.case_id(1)


def test_export_writes_the_workbook(window_factory, fake_dialogs, cases_csv, qtbot, tmp_path):
    window = window_factory()
    import_and_wait(qtbot, window, fake_dialogs, cases_csv)
    fake_dialogs.save_path = str(tmp_path / "out.xlsx")
    task = window.export_workbook()
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    workbook = load_workbook(tmp_path / "out.xlsx")
    assert workbook["Cases"].max_row == 4
    # It was confirmed first (the Dashboard's choices), and afterwards offers to open the file or its folder.
    assert [c.report_filter.round_name for c in fake_dialogs.export_choices] == [None]
    assert fake_dialogs.export_sheets == [workbook.sheetnames]        # announced as written
    done = window.export_done_dialog
    assert done.path == tmp_path / "out.xlsx" and done.isVisible()
    assert "out.xlsx" in window.export_links.text() and "Show in folder" in window.export_links.text()


def test_case_model_passes_qt_model_checks(window_factory, fake_dialogs, cases_csv, qtbot, qtmodeltester):
    window = window_factory()
    import_and_wait(qtbot, window, fake_dialogs, cases_csv)
    qtmodeltester.check(window.model)
    window.model.sort(2, Qt.SortOrder.DescendingOrder)
    assert window.model.data(window.model.index(0, 2)) == "一种老式装置"


def test_chinese_interface(window_factory, fake_dialogs, cases_csv, qtbot):
    from PySide6.QtWidgets import QApplication
    from ui.app import install_translations
    install_translations(QApplication.instance(), "zh")
    try:
        window = window_factory(language="zh")
        import_and_wait(qtbot, window, fake_dialogs, cases_csv)
        window.select_case(window.model.case_id(0))
        assert window.menuBar().actions()[0].text() == "文件(&F)"
        assert window.model.headerData(0, Qt.Orientation.Horizontal) == "申请号"
        assert window.panel.checklist.items[0].text.zh in [
            window.panel.view.topLevelItem(0).child(0).text(0)]
    finally:
        install_translations(QApplication.instance(), "en")


def accelerators(texts):
    keys = []
    for text in texts:
        index = text.replace("&&", "").find("&")
        if index >= 0:
            keys.append(text.replace("&&", "")[index + 1].lower())
    return keys


def test_each_menu_gives_each_item_its_own_accelerator(window_factory):
    from PySide6.QtWidgets import QApplication
    from ui.app import install_translations
    for language in ("en", "zh"):
        install_translations(QApplication.instance(), language)
        try:
            window = window_factory(language=language, db_name=f"{language}.sqlite3")
            menus = [m.menu() for m in window.menuBar().actions()]
            bar = accelerators(m.text() for m in window.menuBar().actions())
            assert len(bar) == len(set(bar)), bar
            for menu in menus:
                keys = accelerators(a.text() for a in menu.actions() if a.text())
                assert len(keys) == len(set(keys)), (language, menu.title(), keys)
        finally:
            install_translations(QApplication.instance(), "en")


def test_the_window_takes_the_keyboard_back_after_a_task(window_factory, fake_dialogs, cases_csv, qtbot):
    # Without a window manager nothing reactivated the window after the progress dialog,
    # and every Ctrl shortcut was dead until the user clicked (seen under Xvfb). The offscreen
    # platform cannot switch the active window, so the test checks that the window asks.
    window = window_factory()
    window.show()
    qtbot.waitExposed(window)
    asked = []
    window.activateWindow = lambda: asked.append(True)
    import_and_wait(qtbot, window, fake_dialogs, cases_csv)
    assert asked


def test_a_search_typed_just_before_closing_never_runs_on_the_closed_workspace(window_factory, qtbot):
    window = window_factory()
    window.filter_bar.search.setText("图像")         # starts the search delay
    window.close()
    qtbot.wait(600)                                  # past the delay: nothing may query the closed database
    assert not window.filter_bar._search_timer.isActive()
