"""The optional case facts risk indicators read (schema 10) in the window: the column mapping dialog
offers them, and the case panel shows them when the case has them, in English and Chinese."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.workbench.helpers import write_csv
from ui.app import install_translations
from workbench.importing.importer import import_file
from workbench.importing.preview import preview_file

SHOTS = Path("/tmp/shots")
HEADER = ["申请号", "专利类型", "发明创造名称", "申请人", "代理机构", "申请人类型", "摘要", "类别", "尼斯分类",
          "是否提交使用证据", "备注"]
ROWS = [["61234567", "商标", "星云优品", "上海天驰文化传媒有限公司", "福州德新商标事务所有限公司", "企业", "",
         "第9类", "9, 35；42", "否", ""],
        ["202210123456.1", "发明", "一种图像识别方法", "甲大学", "北京华信知识产权代理有限公司", "大专院校",
         "本发明公开了一种图像识别方法，包括以下步骤：S1，获取待处理的原始数据并进行归一化预处理；S2，构建多尺度"
         "特征提取网络提取特征向量；S3，利用训练完成的模型输出预测结果。本发明有效提高了识别精度。", "", "", "", "x"],
        ["201710601862.3", "发明", "一种电池散热装置", "乙公司", "", "", "", "", "", "", ""]]


@pytest.fixture(params=["en", "zh"])
def language(request):
    install_translations(QApplication.instance(), request.param)
    yield request.param
    install_translations(QApplication.instance(), "en")


def test_the_mapping_dialog_offers_the_new_fields_in_the_users_language(qtbot, tmp_path, language):
    from ui.mapping_dialog import MappingDialog
    path = write_csv(tmp_path / "marks.csv", ROWS, header=HEADER)
    load = lambda sheet, line: preview_file(None, path, sheet=sheet, header_line=line)  # noqa: E731
    dialog = MappingDialog(None, preview=load(None, None), load=load)
    qtbot.addWidget(dialog)
    mapping = dialog.choice().mapping
    assert {k: mapping[k] for k in HEADER[4:]} == {
        "代理机构": "agent", "申请人类型": "applicant_type", "摘要": "abstract", "类别": "classification",
        "尼斯分类": "nice_classes", "是否提交使用证据": "use_shown", "备注": "extra"}
    combo = dialog.combos[HEADER.index("代理机构")]
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert {"agent", "applicant_type", "abstract", "nice_classes", "use_shown"} <= set(offered)
    words = {"en": ("Agent (agency)", "Nice classes (trademarks)"), "zh": ("代理机构", "尼斯分类（商标）")}[language]
    assert combo.currentText() == words[0]
    assert dialog.combos[HEADER.index("尼斯分类")].currentText() == words[1]
    dialog.choose("摘要", "extra")
    assert dialog.choice().mapping["摘要"] == "extra"
    dialog.resize(2000, 420)
    dialog.show()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SHOTS / f"mapping-risk-fields-{language}.png"))


def test_the_case_panel_shows_the_facts_the_case_has(window_factory, qtbot, tmp_path, language):
    window = window_factory(language)
    import_file(window.db, write_csv(tmp_path / "marks.csv", ROWS, header=HEADER))
    panel = window.panel
    ids = dict(window.db.execute("SELECT application_number, id FROM cases").fetchall())
    window.resize(1300, 900)
    window.show()

    def shown(key: str) -> str | None:
        label = panel.fact_labels[key]
        return label.text() if panel.facts.isRowVisible(label) else None

    panel.show_case(ids["61234567"])
    words = {"en": ("Company", "No"), "zh": ("企业", "未提交")}[language]
    assert shown("agent") == "福州德新商标事务所有限公司"
    assert shown("applicant_type") == words[0]
    assert shown("nice_classes") == "9, 35, 42" and shown("use_shown") == words[1]
    assert shown("abstract") is None                     # a mark has no abstract
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert panel.facts_box.grab().save(str(SHOTS / f"case-facts-trademark-{language}.png"))

    panel.show_case(ids["202210123456.1"])
    assert shown("applicant_type") == {"en": "University", "zh": "大专院校"}[language]
    assert shown("abstract").startswith("本发明公开了") and panel.fact_labels["abstract"].wordWrap()
    assert shown("nice_classes") is None and shown("use_shown") is None
    assert panel.facts_box.grab().save(str(SHOTS / f"case-facts-invention-{language}.png"))

    panel.show_case(ids["201710601862.3"])               # imported without them: no rows for them
    assert all(shown(k) is None for k in ("agent", "applicant_type", "abstract", "nice_classes", "use_shown"))
    assert shown("title") == "一种电池散热装置"
    panel.show_case(None)
    assert shown("agent") is None
