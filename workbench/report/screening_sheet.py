"""The Screening yield sheet: of the cases each risk band and indicator pointed at and that were screened
with the abnormal-application checklist, the share confirmed abnormal with its 95% Wilson interval
(workbench.risk.screening_yield). In the workbook only when the scope has a screened case."""
from __future__ import annotations

from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from foundation.jobs import CancelToken, Progress
from workbench.report.excel_cells import Column
from workbench.report.excel_tables import write_table
from workbench.report.figures import Scope
from workbench.review.checklists import Text as T
from workbench.risk import BAND_LABELS, INDICATOR_LABELS
from workbench.risk.screening_yield import ALL, BAND, ScreeningYield, YieldRow, any_screened, screening_yield

KINDS = {ALL: T("All", "全部"), BAND: T("Risk band", "风险等级"), "indicator": T("Indicator", "风险指标")}
ALL_SCREENED = T("All screened cases", "全部已筛查案件")
COLUMNS = (
    Column("kind", T("Grouped by", "分组"), "label", KINDS),
    Column("what", T("Band or indicator", "风险等级或指标"), max_width=40),
    Column("screened", T("Screened cases", "已筛查案件"), "integer"),
    Column("confirmed", T("Confirmed abnormal", "确认异常"), "integer"),
    Column("share", T("Screening yield", "筛查命中率"), "percent"),
    Column("low", T("95% low", "95%下限"), "percent"),
    Column("high", T("95% high", "95%上限"), "percent"),
)
TABLE_NAME = "ScreeningYield"


def _scope_arguments(scope: Scope) -> dict[str, Any]:
    dates = scope.filter
    return {"round_id": scope.round.id if scope.round is not None else None,
            "decided_from": dates.date_from.isoformat() if dates.date_from else None,
            "decided_to": dates.date_to.isoformat() if dates.date_to else None}


def scope_yield(db, scope: Scope) -> ScreeningYield:  # type: ignore[no-untyped-def]
    """The yield over the report's scope: its round, its decision dates."""
    return screening_yield(db, **_scope_arguments(scope))


def scope_screened(db, scope: Scope) -> bool:  # type: ignore[no-untyped-def]
    """Whether the scope has a screened case (the Screening yield sheet is written), quickly."""
    return any_screened(db, **_scope_arguments(scope))


def _what(row: YieldRow, language: str) -> str:
    if row.kind == ALL:
        return ALL_SCREENED.get(language)
    labels = BAND_LABELS if row.kind == BAND else INDICATOR_LABELS
    label = labels.get(row.key or "")
    return label.get(language) if label is not None else str(row.key)


def write_screening(sheet: Worksheet, figures: ScreeningYield, language: str, progress: Progress,
                    cancel: CancelToken) -> int:
    rows = ([r.kind, _what(r, language), r.screened, r.confirmed, r.share.rate, r.share.low, r.share.high]
            for r in figures.rows)
    return write_table(sheet, columns=COLUMNS, rows=rows, language=language, table_name=TABLE_NAME,
                       progress=progress, cancel=cancel)
