<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong and the last action may not have finished. Your saved answers are safe.

Details were written to the log file:
%1</source>
        <translation>程序出现错误，上一步操作可能未完成。已保存的检查结果不受影响。

详细信息已写入日志文件：
%1</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>无法执行该操作</translation>
    </message>
    <message>
        <source>Cannot open the workspace</source>
        <translation>无法打开工作区</translation>
    </message>
</context>
<context>
    <name>CaseModel</name>
    <message>
        <source>Application no.</source>
        <translation>申请号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Examiner</source>
        <translation>审查员</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>审查部门</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>结案日</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>评查状态</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>评查结论</translation>
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <source>Invention</source>
        <translation>发明</translation>
    </message>
    <message>
        <source>Utility model</source>
        <translation>实用新型</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>外观设计</translation>
    </message>
    <message>
        <source>Trademark</source>
        <translation>商标</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>未评查</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待评查</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>评查中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>差错</translation>
    </message>
    <message>
        <source>Defect</source>
        <translation>缺陷</translation>
    </message>
    <message>
        <source>Compliant</source>
        <translation>合格</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Import cases...</source>
        <translation>导入案件(&amp;I)...</translation>
    </message>
    <message>
        <source>&amp;Export workbook...</source>
        <translation>导出工作簿(&amp;E)...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Next unreviewed case</source>
        <translation>下一件未评查案件(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Complete review</source>
        <translation>完成评查(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>评查(&amp;R)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Every case is reviewed.</source>
        <translation>所有案件均已评查。</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation><numerusform>共 %n 件案件</numerusform></translation>
    </message>
    <message>
        <source>Empty workspace</source>
        <translation>工作区为空</translation>
    </message>
    <message>
        <source>This workspace has no cases yet. Load the bundled demo samples (300 examination cases) to try the workbench?</source>
        <translation>此工作区尚无案件。是否载入内置的示例数据（300 件审查案件）试用本工作台？</translation>
    </message>
    <message>
        <source>Import cases</source>
        <translation>导入案件</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>已取消导入，未做任何更改。</translation>
    </message>
    <message>
        <source>Read %1 rows: %2 accepted, %3 unchanged, %4 rejected, %5 skipped.</source>
        <translation>共读取 %1 行：导入 %2 行，无变化 %3 行，拒绝 %4 行，跳过 %5 行。</translation>
    </message>
    <message>
        <source>Line %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
    <message>
        <source>Some rows were not imported</source>
        <translation>部分行未导入</translation>
    </message>
    <message>
        <source>Export workbook</source>
        <translation>导出工作簿</translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation>正在导出 %1</translation>
    </message>
    <message>
        <source>Wrote %1: %2 cases, %3 findings.</source>
        <translation>已写入 %1：%2 件案件，%3 条评查问题。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Application no.</source>
        <translation>申请号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Examiner</source>
        <translation>审查员</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>审查部门</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分类号</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>审查程序</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>结案方式</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>申请日</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>结案日</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>差错类别</translation>
    </message>
    <message>
        <source>Comment (C)</source>
        <translation>备注 (C)</translation>
    </message>
    <message>
        <source>Current item</source>
        <translation>当前检查项</translation>
    </message>
    <message>
        <source>Severity (1-4)</source>
        <translation>严重程度 (1-4)</translation>
    </message>
    <message>
        <source>Category (K)</source>
        <translation>差错类别 (K)</translation>
    </message>
    <message>
        <source>Complete (Ctrl+Enter)</source>
        <translation>完成 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>No checklist applies to this kind of case.</source>
        <translation>没有适用于此类案件的检查表。</translation>
    </message>
    <message>
        <source>, score %1</source>
        <translation>，得分 %1</translation>
    </message>
    <message>
        <source>%1: %2 of %3 answered, verdict %4%5</source>
        <translation>%1：已检查 %2/%3 项，结论：%4%5</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>重大</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Advisory</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Reference: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <source>Answer not saved</source>
        <translation>检查结果未保存</translation>
    </message>
    <message>
        <source>Review not complete</source>
        <translation>评查未完成</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling; nothing will be changed...</source>
        <translation>正在取消，不会做任何更改……</translation>
    </message>
</context>
<context>
    <name>WorkbenchError</name>
    <message>
        <source>{source}: the checklist template has {count} problem(s):
{problems}</source>
        <translation>{source}：检查表模板存在 {count} 处问题：
{problems}</translation>
    </message>
    <message>
        <source>No checklist template {template_id} version {version} in this workspace.</source>
        <translation>本工作区中没有检查表模板 {template_id}（版本 {version}）。</translation>
    </message>
    <message>
        <source>{source}: cannot read the checklist template ({detail}).</source>
        <translation>{source}：无法读取检查表模板（{detail}）。</translation>
    </message>
    <message>
        <source>The mapping file {path} cannot be used: {detail}.</source>
        <translation>无法使用列映射文件 {path}：{detail}。</translation>
    </message>
    <message>
        <source>“{value}” is not a real date: that day does not exist.</source>
        <translation>“{value}”不是有效日期：该日期不存在。</translation>
    </message>
    <message>
        <source>“{value}” is not a date; write dates like 2022-06-21.</source>
        <translation>“{value}”不是日期，请按 2022-06-21 的格式填写。</translation>
    </message>
    <message>
        <source>The date “{value}” is outside the years {first} to {last}.</source>
        <translation>日期“{value}”不在 {first} 年至 {last} 年范围内。</translation>
    </message>
    <message>
        <source>Upgrading the workspace {path} to schema version {version} failed ({detail}). The workspace was left at version {previous}; a backup is at {backup}.</source>
        <translation>将工作区 {path} 升级到数据结构版本 {version} 失败（{detail}）。工作区仍为版本 {previous}，备份位于 {backup}。</translation>
    </message>
    <message>
        <source>{path} is not a workbench database ({detail}).</source>
        <translation>{path} 不是工作台数据库（{detail}）。</translation>
    </message>
    <message>
        <source>The workspace {path} was written by a newer version of the workbench (schema version {found}; this version understands up to {supported}). Install the newer version to open it.</source>
        <translation>工作区 {path} 由更高版本的工作台创建（数据结构版本 {found}，本版本最高支持 {supported}）。请安装新版本后再打开。</translation>
    </message>
    <message>
        <source>{path}: the workbook must be an .xlsx file.</source>
        <translation>{path}：工作簿必须是 .xlsx 文件。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {detail}. Close it if it is open in another program, or choose another folder.</source>
        <translation>无法写入 {path}：{detail}。如该文件已在其他程序中打开，请先关闭，或选择其他文件夹。</translation>
    </message>
    <message>
        <source>The check character of {value} should be {expected}, found {found}.</source>
        <translation>{value} 的校验位应为 {expected}，实际为 {found}。</translation>
    </message>
    <message>
        <source>“{value}” is not a known IP type: use invention, utility model, design or trademark (发明, 实用新型, 外观设计, 商标).</source>
        <translation>“{value}”不是可识别的知识产权类型：请使用发明、实用新型、外观设计或商标（invention、utility model、design、trademark）。</translation>
    </message>
    <message>
        <source>In {value} the type digit {digit} is unknown: it should be 1 (invention), 2 (utility model), 3 (design), 8 (PCT invention) or 9 (PCT utility model).</source>
        <translation>{value} 中的申请种类数字 {digit} 无法识别：应为 1（发明）、2（实用新型）、3（外观设计）、8（PCT 发明）或 9（PCT 实用新型）。</translation>
    </message>
    <message>
        <source>In {value} the year {year} is not possible (expected {first} to {last}).</source>
        <translation>{value} 中的年份 {year} 不合理（应在 {first} 至 {last} 之间）。</translation>
    </message>
    <message>
        <source>The application number is empty.</source>
        <translation>申请号为空。</translation>
    </message>
    <message>
        <source>“{value}” is not an application number in a known form (Chinese patent or trademark, PCT, EP or US).</source>
        <translation>“{value}”不是可识别格式的申请号（支持中国专利或商标、PCT、EP、US 申请号）。</translation>
    </message>
    <message>
        <source>Unknown conflict policy {policy!r} (use skip or update).</source>
        <translation>未知的冲突处理方式 {policy!r}（请使用 skip 或 update）。</translation>
    </message>
    <message>
        <source>{path}, line {line}: {detail}.</source>
        <translation>{path}，第 {line} 行：{detail}。</translation>
    </message>
    <message>
        <source>{path}: the file cannot be read as {encoding} (line {line}: {detail}).</source>
        <translation>{path}：无法按 {encoding} 编码读取文件（第 {line} 行：{detail}）。</translation>
    </message>
    <message>
        <source>{path}: the mapping does not name a column for {field}.</source>
        <translation>{path}：映射中未指定 {field} 对应的列。</translation>
    </message>
    <message>
        <source>{path}: the spreadsheet cannot be read ({detail}).</source>
        <translation>{path}：无法读取电子表格（{detail}）。</translation>
    </message>
    <message>
        <source>Blank row.</source>
        <translation>空行。</translation>
    </message>
    <message>
        <source>The case {value} is already in the workspace with different details ({fields}); it was kept as it was. Import with 'update' to replace it.</source>
        <translation>案件 {value} 已在工作区中，但信息不同（{fields}），已保留原有信息。如需替换，请以 'update' 方式导入。</translation>
    </message>
    <message>
        <source>The decision date {decision} is before the filing date {filing}.</source>
        <translation>结案日 {decision} 早于申请日 {filing}。</translation>
    </message>
    <message>
        <source>The case {value} appears twice in the file: lines {first} and {line}.</source>
        <translation>案件 {value} 在文件中出现两次：第 {first} 行和第 {line} 行。</translation>
    </message>
    <message>
        <source>{path}: the file is empty.</source>
        <translation>{path}：文件为空。</translation>
    </message>
    <message>
        <source>The number {value} is a {implied} number but the row says {declared}.</source>
        <translation>申请号 {value} 属于 {implied} 类型，但该行填写的类型为 {declared}。</translation>
    </message>
    <message>
        <source>The IP type cannot be told from {value}; add an IP type column.</source>
        <translation>无法根据 {value} 判断知识产权类型，请添加知识产权类型列。</translation>
    </message>
    <message>
        <source>The application number is missing.</source>
        <translation>缺少申请号。</translation>
    </message>
    <message>
        <source>{path}: every sheet is empty.</source>
        <translation>{path}：所有工作表均为空。</translation>
    </message>
    <message>
        <source>{path}: no column of application numbers was found in the first {rows} rows (columns seen: {headers}). Map the columns by hand.</source>
        <translation>{path}：在前 {rows} 行中未找到申请号列（已识别的列：{headers}）。请手动指定列映射。</translation>
    </message>
    <message>
        <source>{path}: there is no sheet named {sheet!r} (sheets: {sheets}).</source>
        <translation>{path}：没有名为 {sheet!r} 的工作表（现有工作表：{sheets}）。</translation>
    </message>
    <message>
        <source>{path}: the file does not exist.</source>
        <translation>{path}：文件不存在。</translation>
    </message>
    <message>
        <source>{path}: this is not a text or spreadsheet file that can be imported ({detail}).</source>
        <translation>{path}：不是可导入的文本文件或电子表格文件（{detail}）。</translation>
    </message>
    <message>
        <source>Title or note above the header.</source>
        <translation>表头上方的标题或说明。</translation>
    </message>
    <message>
        <source>Totals or notes row, not a case.</source>
        <translation>合计行或说明行，不是案件。</translation>
    </message>
    <message>
        <source>{path}: unknown encoding {encoding!r}.</source>
        <translation>{path}：未知的编码 {encoding!r}。</translation>
    </message>
    <message>
        <source>{path}: the file cannot be read ({detail}).</source>
        <translation>{path}：无法读取文件（{detail}）。</translation>
    </message>
    <message>
        <source>Cannot write the report {path}: {detail}.</source>
        <translation>无法写入报告 {path}：{detail}。</translation>
    </message>
    <message>
        <source>{answer!r} is not an answer item {item_id} allows ({allowed}).</source>
        <translation>检查项 {item_id} 不接受检查结果 {answer!r}（可选：{allowed}）。</translation>
    </message>
    <message>
        <source>Error category {category!r} is not allowed for item {item_id} ({allowed}).</source>
        <translation>检查项 {item_id} 不允许使用差错类别 {category!r}（可选：{allowed}）。</translation>
    </message>
    <message>
        <source>Severity {severity!r} is not allowed for item {item_id} ({allowed}).</source>
        <translation>检查项 {item_id} 不允许使用严重程度 {severity!r}（可选：{allowed}）。</translation>
    </message>
    <message>
        <source>The review cannot be completed yet:
{missing}</source>
        <translation>评查暂不能完成：
{missing}</translation>
    </message>
    <message>
        <source>The review is signed off and locked; reopen it with a reason to change it.</source>
        <translation>该评查已确认并锁定；如需修改，请说明理由后重新打开。</translation>
    </message>
    <message>
        <source>No checklist applies to {ip_type} cases; add a template for it first.</source>
        <translation>没有适用于 {ip_type} 案件的检查表，请先为其添加模板。</translation>
    </message>
    <message>
        <source>There is no case with id {case_id}.</source>
        <translation>不存在 ID 为 {case_id} 的案件。</translation>
    </message>
    <message>
        <source>The checklist has no item {item_id}.</source>
        <translation>检查表中没有检查项 {item_id}。</translation>
    </message>
    <message>
        <source>There is no review with id {review_id}.</source>
        <translation>不存在 ID 为 {review_id} 的评查记录。</translation>
    </message>
    <message>
        <source>The AQL must be one of {allowed} (got {value}).</source>
        <translation>AQL 必须为 {allowed} 之一（当前为 {value}）。</translation>
    </message>
    <message>
        <source>The confidence level must be strictly between 0 and 1 (got {value}).</source>
        <translation>置信水平必须大于 0 且小于 1（当前为 {value}）。</translation>
    </message>
    <message>
        <source>The expected rate must be between 0 and 1 (got {value}).</source>
        <translation>预期差错率必须在 0 到 1 之间（当前为 {value}）。</translation>
    </message>
    <message>
        <source>Unknown sample size code letter {value!r}.</source>
        <translation>未知的样本量字码 {value!r}。</translation>
    </message>
    <message>
        <source>The inspection level must be I, II or III (got {value!r}).</source>
        <translation>检验水平必须为 I、II 或 III（当前为 {value!r}）。</translation>
    </message>
    <message>
        <source>The lot size must be at least 1 case (got {value}).</source>
        <translation>批量至少为 1 件（当前为 {value}）。</translation>
    </message>
    <message>
        <source>The margin of error must be greater than 0 and at most 0.5 (got {value}).</source>
        <translation>允许误差必须大于 0 且不超过 0.5（当前为 {value}）。</translation>
    </message>
    <message>
        <source>The number of nonconforming cases must be between 0 and {sample_size} (got {value}).</source>
        <translation>不合格案件数必须在 0 到 {sample_size} 之间（当前为 {value}）。</translation>
    </message>
    <message>
        <source>The population must be at least 1 case (got {value}).</source>
        <translation>总体数量至少为 1 件（当前为 {value}）。</translation>
    </message>
    <message>
        <source>Stratum {stratum!r}: cannot draw {n} cases from {available}.</source>
        <translation>层 {stratum!r}：无法从 {available} 件中抽取 {n} 件。</translation>
    </message>
    <message>
        <source>Reviewer {reviewer!r}: the cap must be zero or more (got {value}).</source>
        <translation>评查人 {reviewer!r}：分配上限不能小于 0（当前为 {value}）。</translation>
    </message>
    <message>
        <source>Case {case} appears more than once.</source>
        <translation>案件 {case} 出现了多次。</translation>
    </message>
    <message>
        <source>Reviewer {reviewer!r} is listed more than once.</source>
        <translation>评查人 {reviewer!r} 被重复列出。</translation>
    </message>
    <message>
        <source>Case {case}: the effort must be a finite number of zero or more (got {value}).</source>
        <translation>案件 {case}：工作量必须是不小于 0 的有限数值（当前为 {value}）。</translation>
    </message>
    <message>
        <source>Stratum {stratum!r}: the expected rate must be between 0 and 1 (got {value}).</source>
        <translation>层 {stratum!r}：预期差错率必须在 0 到 1 之间（当前为 {value}）。</translation>
    </message>
    <message>
        <source>Stratum {stratum!r} has no expected rate (needed for Neyman allocation).</source>
        <translation>层 {stratum!r} 没有预期差错率（奈曼分配需要此值）。</translation>
    </message>
    <message>
        <source>Unknown allocation method {value!r}: use proportional, equal or neyman.</source>
        <translation>未知的分配方法 {value!r}：请使用 proportional（按比例）、equal（等量）或 neyman（奈曼分配）。</translation>
    </message>
    <message>
        <source>The minimum per stratum must be zero or more (got {value}).</source>
        <translation>每层最小样本量不能小于 0（当前为 {value}）。</translation>
    </message>
    <message>
        <source>A minimum of {minimum} per stratum needs {needed} cases, more than the sample of {n}.</source>
        <translation>每层至少 {minimum} 件共需 {needed} 件，超过了样本量 {n}。</translation>
    </message>
    <message>
        <source>The sample size must be between 0 and {available} (got {value}).</source>
        <translation>样本量必须在 0 到 {available} 之间（当前为 {value}）。</translation>
    </message>
    <message>
        <source>A sample of {n} is larger than the population of {population}.</source>
        <translation>样本量 {n} 大于总体数量 {population}。</translation>
    </message>
    <message>
        <source>Stratum {stratum!r}: the population must be zero or more (got {value}).</source>
        <translation>层 {stratum!r}：总体数量不能小于 0（当前为 {value}）。</translation>
    </message>
    <message>
        <source>The seed must be a whole number (got {value!r}).</source>
        <translation>随机种子必须是整数（当前为 {value!r}）。</translation>
    </message>
    <message>
        <source>No reviewer can take case {case} (examiner {examiner}): the others are its examiner or have reached their cap.</source>
        <translation>没有评查人可以承接案件 {case}（审查员 {examiner}）：其他评查人或为该案审查员，或已达到分配上限。</translation>
    </message>
    <message>
        <source>A cap is given for {reviewer!r}, who is not a reviewer.</source>
        <translation>为 {reviewer!r} 设置了分配上限，但其不是评查人。</translation>
    </message>
    <message>
        <source>Stratum {stratum!r} has an allocation but no cases.</source>
        <translation>层 {stratum!r} 分配了样本量，但没有案件。</translation>
    </message>
    <message>
        <source>Self-test failed: {what}.</source>
        <translation>自检失败：{what}。</translation>
    </message>
    <message>
        <source>The number of cases must be zero or more (got {value}).</source>
        <translation>案件数不能小于 0（当前为 {value}）。</translation>
    </message>
    <message>
        <source>Stratum {name!r} is listed more than once.</source>
        <translation>层 {name!r} 被重复列出。</translation>
    </message>
    <message>
        <source>The percentile must be between 0 and 1 (got {value}).</source>
        <translation>百分位数必须在 0 到 1 之间（当前为 {value}）。</translation>
    </message>
    <message>
        <source>Stratum {name!r}: {problem}.</source>
        <translation>层 {name!r}：{problem}。</translation>
    </message>
    <message>
        <source>The number of successes must be between 0 and {n} (got {value}).</source>
        <translation>成功次数必须在 0 到 {n} 之间（当前为 {value}）。</translation>
    </message>
    <message>
        <source>Every value must be a finite number (got {value}).</source>
        <translation>所有值都必须是有限数值（当前为 {value}）。</translation>
    </message>
    <message>
        <source>The workspace is not intact ({count} problem(s)):
{problems}</source>
        <translation>工作区数据不完整（发现 {count} 处问题）：
{problems}</translation>
    </message>
</context>
</TS>
