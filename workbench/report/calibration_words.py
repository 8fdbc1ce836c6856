"""The Calibration sheet's words, in English and Chinese: headings, column headers and the notes on
reading the figures (why kappa and AC1 are both shown, the Landis & Koch bands). The layout is in
workbench.report.calibration_sheet; the band and reason labels come from workbench.stats.agreement.
"""
from __future__ import annotations

from workbench.review.checklists import Text
from workbench.stats.agreement import BAND_LABELS, REASON_LABELS

T = Text

W = {
    "title": T("Calibration round: {name}", "校准轮次：{name}"),
    "round": T("Round", "轮次"),
    "reviewers": T("Reviewers", "评查人"),
    "cases": T("Cases", "案件数"),
    "checklists": T("Checklists", "评查表"),
    "created": T("Created", "创建时间"),
    "created_by": T("Created by", "创建人"),
    "status": T("Status", "状态"),
    "blind": T("Blind: the round is open", "盲评中：轮次尚未关闭"),
    "closed_status": T("Closed: the blind phase is over", "已关闭：盲评阶段已结束"),
    "closed": T("Closed", "关闭时间"),
    "closed_by": T("Closed by", "关闭人"),
    "consensus": T("Consensus recorded", "已记录一致意见"),
    "of_cases": T("{n} of {total} cases", "{n} / {total} 件"),
    "progress": T("Progress of the blind reviews", "盲评进度"),
    "reviewer": T("Reviewer", "评查人"),
    "completed": T("Cases completed", "已完成案件"),
    "share_completed": T("Share completed", "完成比例"),
    "blind_note": T("The round is blind. Each reviewer's answers and the agreement between reviewers appear here "
                    "once the round is closed (calibrate --close --round {command_name}). Until then no answer of a "
                    "calibration review is shown anywhere in this workbook, and no other sheet counts one.",
                    "本轮处于盲评阶段。轮次关闭后（calibrate --close --round {command_name}），此处才显示各评查人的"
                    "答案及评查人之间的一致性。在此之前，本工作簿的任何工作表都不显示校准评查的答案，其他工作表的"
                    "指标也不计入校准评查。"),
    "overall": T("Agreement over all items", "总体一致性"),
    "pooled": T("All answers pooled (every case and item)", "全部答案合并（每件案件的每个评查项）"),
    "verdict": T("Verdict of the case", "案件结论"),
    "severity": T("Severity (a pass counts as none)", "严重程度（合格记为无问题）"),
    "items": T("Agreement per checklist item, most disagreement first", "各评查项的一致性（分歧最多的在前）"),
    "what": T("What is compared", "比较对象"),
    "units": T("Compared", "比较数"),
    "ip_type": T("IP type", "类型"),
    "item": T("Item", "评查项"),
    "item_text": T("Item text", "评查项内容"),
    "reference": T("Guideline reference", "审查指南依据"),
    "rated": T("Cases", "案件数"),
    "pairs": T("Answers", "答案数"),
    "differing_cases": T("Cases with disagreement", "有分歧的案件"),
    "differing_answers": T("With disagreement", "有分歧"),
    "percent": T("Percent agreement", "一致率"),
    "kappa_cohen": T("Cohen's kappa", "Cohen κ 系数"),
    "kappa_fleiss": T("Fleiss' kappa", "Fleiss κ 系数"),
    "alpha": T("Krippendorff's alpha", "Krippendorff α 系数"),
    "ac1": T("Gwet's AC1", "Gwet AC1 系数"),
    "value": T("Value", "数值"),
    "low": T("95% low", "95%\n下限"),        # a narrow column: the line breaks there, not inside 下限
    "high": T("95% high", "95%\n上限"),
    "band": T("Band (AC1)", "一致性等级（AC1）"),
    "deviation": T("Deviation from the consensus, per reviewer", "各评查人与一致意见的偏离"),
    "answers": T("Answers (every item of every case)", "答案（每件案件的每个评查项）"),
    "verdicts": T("Verdicts", "结论"),
    "differing": T("Differing", "不一致"),
    "rate": T("Deviation rate", "偏离率"),
    "no_consensus": T("No consensus recorded", "尚无一致意见"),
    "consensus_note": T("The consensus is recorded for {n} of {total} cases; deviations compare with those cases only.",
                        "已记录一致意见的案件为 {n} / {total} 件；偏离率只比较这些案件。"),
    "reading": T("How to read these figures", "如何解读这些指标"),
    "paradox": T(
        "Why kappa and AC1 are both shown. Kappa and Krippendorff's alpha count only the agreement beyond what the "
        "answers' own frequencies would give by chance. With compliance near 90% nearly every answer is \u201cpass\u201d: "
        "two reviewers who pass almost everything would agree almost always by chance, so kappa credits them with "
        "little, and a single disagreement can push it below zero although the reviewers agree on nearly every case "
        "(the kappa paradox). Gwet's AC1 uses a chance term that stays small when the answers are lopsided, so it "
        "does not collapse. Read them together: a low kappa beside a high AC1 and percent agreement means the "
        "reviewers answer alike but have rarely agreed on a fail.",
        "为什么同时列出 κ 系数和 AC1 系数：κ 系数和 α 系数只计超出机遇的一致，即超出按各答案自身出现频率偶然"
        "即可达到的一致。合格率接近 90% 时，几乎所有答案都是“合格”，两名几乎全判合格的评查人单凭机遇也几乎总是"
        "一致，因此 κ 系数给出的一致性很低，一次分歧就可能使其低于 0，尽管评查人在几乎所有案件上意见一致"
        "（κ 系数悖论）。Gwet AC1 系数的机遇项在答案分布悬殊时仍然很小，因此不会骤降。两者应结合解读："
        "κ 系数低而 AC1 系数和一致率高，说明评查人的判断基本一致，只是很少共同判为不合格。"),
    "measures": T(
        "Kappa is Cohen's for two reviewers and Fleiss' for more (Fleiss' counts only the cases every reviewer "
        "completed); alpha is ordinal for graded items, the verdict and severity, nominal otherwise. Each interval is "
        "a 95% bootstrap interval over cases (1,000 draws with a fixed seed, so every export shows the same "
        "interval). A value that cannot be computed says why: when every answer is the same, percent agreement is "
        "100% and AC1 is 1, but kappa and alpha are 0/0.",
        "两名评查人时为 Cohen κ 系数，多于两名时为 Fleiss κ 系数（只计全部评查人都已完成的案件）；分级评查项、"
        "结论和严重程度用有序 α 系数，其余用名义 α 系数。区间为按案件重抽样（自助法）得到的 95% 区间（抽样 1000 "
        "次，随机种子固定，每次导出结果相同）。无法计算的数值注明原因：例如所有答案相同时，一致率为 100%，"
        "AC1 系数为 1，而 κ 系数和 α 系数为 0/0。"),
    "bands": T("Bands (Landis & Koch, 1977), read on AC1: a convention, not a test; read each band with its "
               "interval and the number of cases.",
               "一致性等级（Landis 和 Koch，1977），按 AC1 系数划分：这是惯例而非检验，应结合区间和案件数解读。"),
    "range": T("AC1", "AC1 系数"),
    "drift": T("Drift across calibration rounds (every closed round, oldest first)",
               "各校准轮次的变化（全部已关闭轮次，按时间先后）"),
    "drift_closed": T("Closed", "关闭日期"),
    "pooled_short": T("All answers pooled", "全部答案合并"),
    "kappa": T("Kappa", "κ 系数"),
    "deviation_short": T("Deviation from the consensus", "与一致意见的偏离率"),
    "chart_deviation": T("Deviation from the consensus by round", "各轮次与一致意见的偏离率"),
    "chart_agreement": T("Kappa and AC1 by round (all answers pooled)", "各轮次的 κ 系数与 AC1 系数（全部答案合并）"),
    "chart_rate": T("Share of answers", "答案比例"),
    "chart_value": T("Coefficient", "系数"),
    "computing": T("Computing the calibration figures", "正在计算校准指标"),   # the export's progress
    "this_round": T("The round of this workbook is in bold.", "本工作簿的轮次以粗体显示。"),
}

#: The bands' ranges, in the order of workbench.stats.agreement.BANDS (upper bounds included).
BAND_RANGES = (("poor", T("below 0", "低于 0")), ("slight", T("0 to 0.20", "0 至 0.20")),
               ("fair", T("0.21 to 0.40", "0.21 至 0.40")), ("moderate", T("0.41 to 0.60", "0.41 至 0.60")),
               ("substantial", T("0.61 to 0.80", "0.61 至 0.80")), ("almost_perfect", T("0.81 to 1", "0.81 至 1")))

BANDS = {code: T(*labels) for code, labels in BAND_LABELS.items()}
REASONS = {code: T(*labels) for code, labels in REASON_LABELS.items()}
