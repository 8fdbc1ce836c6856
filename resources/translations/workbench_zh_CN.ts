<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <source>ImportReport</source>
        <comment>Read %1 rows: %2 accepted, %3 unchanged, %4 updated, %5 rejected, %6 skipped.</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ImportReport</source>
        <comment>%1 accepted row(s) flagged.</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MappingDialog</source>
        <comment>Application number</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MappingDialog</source>
        <comment>IP type</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MappingDialog</source>
        <comment>Title</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MappingDialog</source>
        <comment>Applicant</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MappingDialog</source>
        <comment>Examiner</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MappingDialog</source>
        <comment>Department</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MappingDialog</source>
        <comment>Classification</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MappingDialog</source>
        <comment>Procedure</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MappingDialog</source>
        <comment>Decision</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MappingDialog</source>
        <comment>Filing date</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MappingDialog</source>
        <comment>Decision date</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MappingDialog</source>
        <comment>(keep as other data)</comment>
        <translation type="unfinished" />
    </message>
</context>
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
        <source>The workspace %1 is in use by %2 on %3 (process %4) since %5.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workspace %1 is in use by another window of the workbench.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only one window at a time can change a workspace. Open it read-only to look at the cases and reviews, or close the other window and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Workspace in use</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open read-only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot open the workspace</source>
        <translation>无法打开工作区</translation>
    </message>
</context>
<context>
    <name>AssignmentPage</name>
    <message>
        <source>Reviewers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Share the cases among reviewers. No one is given a case they examined. Leave the list empty to assign the cases later.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cap (blank: none)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assigned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add reviewer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Balance the number of cases</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Balance the expected effort (hours per case):</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>The %n case(s) will stay unassigned.</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
</context>
<context>
    <name>BilingualEdit</name>
    <message>
        <source>English</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chinese</source>
        <translation type="unfinished" />
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
    <name>ChecklistEditor</name>
    <message>
        <source>Checklist editor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A copy under a new id, to adapt into another checklist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open file...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save to file...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Template:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sections and items</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add section</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Up (Alt+Up)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Down (Alt+Down)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Template details (name, types, categories)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checklist item</source>
        <translation type="unfinished">检查项</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chinese</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>As the reviewer sees it, in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save as new version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. substantive_examination, screening</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Template id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Applies to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Procedures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Error categories</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Section id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished">名称</translation>
    </message>
    <message>
        <source>e.g. PL 22.3; Guidelines Part II Ch. 4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished">严重</translation>
    </message>
    <message>
        <source>Major</source>
        <translation type="unfinished">重大</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation type="unfinished">一般</translation>
    </message>
    <message>
        <source>Advisory</source>
        <translation type="unfinished">提示</translation>
    </message>
    <message>
        <source>A fail makes the whole case an error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shown only when</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>this earlier item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>was answered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Item id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Guidance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answer scale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answers allowed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Severities on a fail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(choose a stored template to edit)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 — version %2 (%3 reviews)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A copy: give it its own id and name, then save.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open checklist template</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot open the template</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save checklist template</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Written to %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(untitled section)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(no question yet)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>stored up to version %1; saving a change stores version %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>new template; saved as version %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pass / fail / n/a</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(always shown)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete section</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete the section “%1” and its items?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>item %1: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No problems: the template is valid.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before saving</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <source>Valid; ready to save.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>[only when %1 is %2]</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fix the problems listed first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved as version %1 of %2. New reviews use it; reviews already made keep the version they used.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing changed: version %1 is already stored.</source>
        <translation type="unfinished" />
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
    <name>ConfirmPage</name>
    <message>
        <source>Confirm</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Drawing stores the round, its cases and their reviews in one step; it is recorded in the audit log.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Draw sample</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the built-in checklist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Round</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Population</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sample size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reviewers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not assigned yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checklists</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Conflicts: changed here and in the package</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>These items were changed here and in a package since it was exported. Nothing is overwritten until you choose, for each item, the answer to keep.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished">案件</translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>When exported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In the package</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The package</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep all here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Take all from the packages</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n item(s) still to decide</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Only the cases drawn into this review round</source>
        <translation>只统计本评查轮次抽取的案件</translation>
    </message>
    <message>
        <source>Decided from</source>
        <translation>结案日自</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Groups whose whole 95% interval lies below the target are marked</source>
        <translation>95% 置信区间整体低于目标值的分组以红色标出</translation>
    </message>
    <message>
        <source>Export workbook...</source>
        <translation>导出工作簿...</translation>
    </message>
    <message>
        <source>Write these figures, with the cases and findings, to an Excel workbook</source>
        <translation>将这些指标连同案件和问题清单导出为 Excel 工作簿</translation>
    </message>
    <message>
        <source>Round:</source>
        <translation>评查轮次：</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <source>Compliance rate</source>
        <translation>合格率</translation>
    </message>
    <message>
        <source>Cases reviewed</source>
        <translation>已评查案件</translation>
    </message>
    <message>
        <source>Defect rate</source>
        <translation>瑕疵率</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>差错率</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>问题数</translation>
    </message>
    <message>
        <source>Review time per case</source>
        <translation>每案评查用时</translation>
    </message>
    <message>
        <source>Examination pendency</source>
        <translation>审查周期</translation>
    </message>
    <message>
        <source>Compliance rate by department (95% interval)</source>
        <translation>各部门合格率（95% 区间）</translation>
    </message>
    <message>
        <source>{label}: {rate} (95% interval {low}–{high}), {count} reviewed</source>
        <translation>{label}：{rate}（95% 区间 {low}–{high}），已评查 {count} 件</translation>
    </message>
    <message>
        <source>No reviewed cases yet.</source>
        <translation>尚无已评查案件。</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <source>Findings by error category (Pareto)</source>
        <translation>差错类别帕累托图</translation>
    </message>
    <message>
        <source>{label}: {count} findings ({share}; cumulative {cumulative})</source>
        <translation>{label}：{count} 个问题（占 {share}；累计 {cumulative}）</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>没有问题。</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <source>no reviewed cases</source>
        <translation>尚无已评查案件</translation>
    </message>
    <message>
        <source>95% interval %1–%2 · %3 of %4</source>
        <translation>95% 区间 %1–%2 · %4 件中 %3 件</translation>
    </message>
    <message>
        <source>all cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <source>, decided %1 to %2</source>
        <translation>，结案日 %1 至 %2</translation>
    </message>
    <message>
        <source>; population %1, %2 drawn</source>
        <translation>；总体 %1 件，抽取 %2 件</translation>
    </message>
    <message>
        <source>Figures for %1%2%3.</source>
        <translation>统计范围：%1%2%3。</translation>
    </message>
    <message>
        <source>Stratified estimate; 95% interval %1–%2 · %3 reviewed</source>
        <translation>分层估计；95% 区间 %1–%2 · 已评查 %3 件</translation>
    </message>
    <message>
        <source>of %1 cases · %2 in progress · %3 not reviewed</source>
        <translation>共 %1 件 · 评查中 %2 件 · 未评查 %3 件</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>major</source>
        <translation>重大</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>advisory</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>no review time recorded</source>
        <translation>无评查计时记录</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>median; 90th percentile %1 min · %2 cases</source>
        <translation>中位数；第90百分位数 %1 分钟 · %2 件</translation>
    </message>
    <message>
        <source>%1: %2 days (%3 cases)</source>
        <translation>%1：%2 天（%3 件）</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>median from filing to decision, %1</source>
        <translation>申请日至结案日中位数，%1</translation>
    </message>
    <message>
        <source>no cases with both dates</source>
        <translation>无同时具有两个日期的案件</translation>
    </message>
    <message>
        <source>(no department)</source>
        <translation>（无部门）</translation>
    </message>
</context>
<context>
    <name>ExportPackagesDialog</name>
    <message>
        <source>Export work packages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2 cases)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Round:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Folder:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One file per reviewer, holding their cases of the round. Each reviewer opens theirs with File &gt; Open package, works offline, and sends it back to be merged.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Folder for the work packages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace the packages?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>These files exist already and will be replaced:
%1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FiltersPage</name>
    <message>
        <source>Which cases</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name the round and choose the cases to sample from. Nothing ticked in a list means any value.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. 2022 Q2 invention patents</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished">审查部门</translation>
    </message>
    <message>
        <source>Examiner</source>
        <translation type="unfinished">审查员</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished">结案方式</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation type="unfinished">审查程序</translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Decided from</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Leave out cases already drawn in another round</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Round name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>IP type:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>#%1 %2 (%3)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n case(s) match the filters</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already drawn in another round left out</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <source>population: %n case(s)</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <source>There is already a round with this name.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>When</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No case selected.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1: %n change(s), newest first</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <source>Review opened</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished">已完成</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation type="unfinished">已确认</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished">检查结果</translation>
    </message>
    <message>
        <source>Answer cleared</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cleared: no longer applies</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Merged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished">严重</translation>
    </message>
    <message>
        <source>Major</source>
        <translation type="unfinished">重大</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation type="unfinished">一般</translation>
    </message>
    <message>
        <source>Advisory</source>
        <translation type="unfinished">提示</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>Rejected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Flagged</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import report: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All rows (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy the selected rows, or all rows shown, for Excel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Save as CSV...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the import report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot save the report</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ImportsDialog</name>
    <message>
        <source>Imports</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rows read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unchanged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cases now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing has been imported into this workspace yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show &amp;report...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Remove import...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete the import and its cases; refused when a review or round uses any of them</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the import of %1 (%2) and its %3 case(s)? Cases that a later import updated belong to that import and stay; cases this import updated are removed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Removing %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The import was not removed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>IssueTableModel</name>
    <message>
        <source>Line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LotVerdictsDialog</name>
    <message>
        <source>Lot verdicts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lot</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lot size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Code letter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sample</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ac</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nonconforming</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished">评查结论</translation>
    </message>
    <message>
        <source>Acceptance round:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No acceptance round yet: draw one with Rounds &gt; New review round, method Acceptance per lot.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>nonconforming: error or defect verdicts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>nonconforming: error verdicts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Pending: %n to review</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Import cases...</source>
        <translation>导入案件(&amp;I)...</translation>
    </message>
    <message>
        <source>Import with column &amp;mapping...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Im&amp;ports...</source>
        <translation type="unfinished" />
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
        <source>&amp;Undo answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Redo answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Sign off review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re&amp;open signed-off review...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Find cases</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;History of the case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Verify workspace integrity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;New checklist...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Edit checklists...</source>
        <translation type="unfinished" />
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
        <source>&amp;Checklists</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;New review round...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>R&amp;ounds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Lot verdicts...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Round %1: %2 cases drawn (seed %3).</source>
        <translation type="unfinished" />
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
        <source>%1 (read-only)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Review</source>
        <translation>评查</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>Read-only: another window is using this workspace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Every case in the queue is reviewed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 of %2 cases shown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1 case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 cases</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checking the workspace...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Verified intact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On opening, the audit chain, the answers and the database were checked and found intact.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Workspace intact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The audit chain, the answers and the database are intact.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Workspace NOT intact (%n problem(s))</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <source>This workspace was changed outside the application, or is damaged. The audit trail can no longer be trusted for what is listed below. Keep a copy of the file and tell your quality manager or IT.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>... and %n more (see the log file, or run: main.py verify)</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <source>The workspace is not intact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>已取消导入，未做任何更改。</translation>
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
        <source>The columns of %1 were not recognised; choose them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was changed in the workspace.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Columns of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Header row:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Remember these columns for files with the same headers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>For each column, choose the case field it holds. Columns kept as other data are stored with the case, never dropped.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: sheet %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: a web page table in %2 (saved as a spreadsheet)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>comma</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>semicolon</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>tab</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: text in %2, separated by %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This sheet has no rows.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rows without a valid application number will be reported, not imported.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose the column that holds the application number.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge work packages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This is what merging will change in this workspace. Nothing has been changed yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Package / case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resolve conflicts...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing will change.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, round %2</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n review(s) added</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kept as they are here</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <source>%n audit entries</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <source>%1 of %2 package(s) will be merged</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>; %n refused</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to decide</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <source>all %n conflict(s) decided</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <source>Decide the conflicts first.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PackageActions</name>
    <message>
        <source>Open &amp;package...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export &amp;work packages...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Merge packages...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This workspace is a work package.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Work package: %1 · %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open work package</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot open the package</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Work package for %1 in round %2: %3 cases.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export work packages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no review round yet. Draw one with Rounds &gt; New review round.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Exporting work packages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished">导出失败</translation>
    </message>
    <message>
        <source>Export cancelled; no package was written.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2 cases → %3</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n work package(s) written.</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <source>Work packages written</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Merge work packages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reading the packages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Merging the packages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Merge failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Merge cancelled; nothing was changed.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n package(s) merged.</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <source>Some packages were not merged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Packages merged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: already merged; nothing changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: nothing new; nothing changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2 added, %3 updated, %4 kept; %5 audit entries.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Sampling plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How many cases to draw and how. The same population, plan and seed always draw the same cases.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fixed size:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>For a precision:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>confidence</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>margin ±</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expected compliance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(nothing)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Count defects as nonconforming, not only errors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>then by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>allocation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>at least</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>per stratum</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Strata</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AQL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Acceptance (general inspection level II, normal inspection)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New seed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stratum</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Population</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expected %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sample</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Code letter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ac</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Method:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Size:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lots</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sample: %1 of %2 cases.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 before the finite population correction.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Raised so that every stratum gets its minimum.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expected rate</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QueueFilterBar</name>
    <message>
        <source>Search application no., title or applicant (Ctrl+F)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Any type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Any verdict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Any department</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Any examiner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Any reviewer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show every case</source>
        <translation type="unfinished" />
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
        <source>Review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checklist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">评查状态</translation>
    </message>
    <message>
        <source>Active time</source>
        <translation type="unfinished" />
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
        <source>Comment (C to write, Esc to return to the list)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>needed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 of %2 answered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>verdict %1</source>
        <translation type="unfinished" />
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
        <source>Sign off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No checklist applies to this kind of case.</source>
        <translation>没有适用于此类案件的检查表。</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>findings: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed off by %1 on %2: this review is locked. To change it, reopen it with a reason (Review menu).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Read-only: another window is using this workspace.</source>
        <translation type="unfinished" />
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
        <source>Shown because %1 was answered %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a severity (1-4)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a category (K)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This fail still needs %1. C adds a comment.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Finding recorded. C adds a comment; Enter goes on to the next item.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter next · Ctrl+Enter complete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answer the item first, then comment on it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A category is chosen for a fail.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This review is signed off. Reopen it (Review menu) to change it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Item %1 does not allow that answer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A severity is given to a fail (F).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Item %1 allows %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answer not saved</source>
        <translation>检查结果未保存</translation>
    </message>
    <message>
        <source>Undo answer to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Redo answer to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Redo not possible</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Undo not possible</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Redone: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Undone: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This review is already signed off.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Review not complete</source>
        <translation>评查未完成</translation>
    </message>
    <message>
        <source>Review completed: %1. Ctrl+N opens the next case.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not answered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a fail needs a severity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a fail needs an error category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The review cannot be completed yet:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not signed off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed off and locked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only a signed-off review can be reopened.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reopen review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Why is this signed-off review reopened? The reason is kept in the audit log.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not reopened</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reopened; answers can be changed again.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RoundWizard</name>
    <message>
        <source>New review round</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Drawing %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot draw the round</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation type="unfinished" />
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
        <source>Give --confidence and --margin (with --expected and --population if known), or --lot with --aql; not both.</source>
        <translation type="unfinished" />
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
        <source>The workspace {path} does not exist, so it cannot be opened read-only.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workspace {path} needs upgrading from schema version {found} to {supported} before this version can show it, and a read-only window cannot upgrade it. Close the other instance and open it normally.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workspace {path} was written by a newer version of the workbench (schema version {found}; this version understands up to {supported}). Install the newer version to open it.</source>
        <translation>工作区 {path} 由更高版本的工作台创建（数据结构版本 {found}，本版本最高支持 {supported}）。请安装新版本后再打开。</translation>
    </message>
    <message>
        <source>--cases must be between 1 and {limit}, not {value}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--reviewed must be a fraction between 0 and 1 (e.g. 0.2), not {value}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workspace {path} already holds {count} cases; build the demo in a new workspace (--db NEW.sqlite3).</source>
        <translation type="unfinished" />
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
        <source>The delimiter {delimiter!r} cannot be used: give one character, or 'tab'.</source>
        <translation type="unfinished" />
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
        <source>Another header row, not a case.</source>
        <translation type="unfinished" />
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
        <source>{path}: the mapping's column {column!r} for the application number is not in the first {rows} rows of the file.</source>
        <translation type="unfinished" />
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
        <source>{path}: no column of application numbers was found in the first {rows} rows (columns seen: {headers}). Say which column holds what: in the window, or with --mapping FILE.json.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{path}: line {line} cannot be the header: the first {rows} rows hold the table's header.</source>
        <translation type="unfinished" />
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
        <source>“{value}” is an application number that a spreadsheet shortened to scientific notation, so its digits are lost; export the column as text.</source>
        <translation type="unfinished" />
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
        <source>{path}, line {line}: a quoted cell starts here and is never closed (a stray " at the start of a cell?); nothing was imported.</source>
        <translation type="unfinished" />
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
        <source>The import of {file} cannot be removed: {count} of its {total} cases are used by review work ({uses}), for example {examples}. Nothing was removed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no import number {import_id} in this workspace.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The mapping names an unknown case field {field!r} for the column {column!r} (known: {known}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown side {side!r}: use master or package.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name}: {count} item(s) in {reviews} review(s) were changed both here and in the package since it was exported; nothing of it was merged. Choose with --prefer master or --prefer package, or merge it in the application.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} does not match the package exported here under its id ({detail}); it is refused.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name}: audit entry {entry} is about review {review}, which is not in the package; the package is refused.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} was written by a newer version of the workbench (schema version {found}; this version reads up to {supported}). Install the newer version to merge it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} holds case {case}, which this workspace does not have.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} is from round {round!r}, which this workspace does not have (the package was exported from another workspace).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} is damaged ({detail}). Ask for the file again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{path} already exists; choose another name, or replace it (--force).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} is a work package of format {found}, which this version does not know (it reads format {known}). Install the newer version of the workbench.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This workspace is itself a work package. Packages are exported from, and merged into, the manager's workspace.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reviewer {reviewer!r} has no cases in round {round!r} (its reviewers: {reviewers}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} is a workspace, not a work package.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} is not a work package: it is not a workbench file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} was changed outside the application, so it is refused: {problem}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} is truncated ({found} of {expected} bytes); it was cut off when it was copied or sent. Ask for the file again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read {name}: {detail}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write the package {path}: {detail}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workspace is not intact, so no package was made ({problem}). Run 'verify' to see every problem.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{what}: {value!r} is not a date; write it like 2022-06-30.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The period is empty: it starts on {start}, after it ends on {end}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The target must be a percentage above 0 and at most 100 (got {value!r}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no round named {name!r}{known}.</source>
        <translation type="unfinished" />
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
        <source>Only a completed review can be signed off; complete it first (Ctrl+Enter).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The review is not signed off, so there is nothing to reopen.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reopening a signed-off review needs a reason; it is kept in the audit log.</source>
        <translation type="unfinished" />
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
        <source>An acceptance round takes each lot's sample size from ISO 2859-1; do not give a size or a precision.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown allocation {value!r}: use proportional, equal or neyman.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reviewer {reviewer} already has {count} cases, their cap in round {name!r}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The decision-date range is empty: {start} is after {end}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The effort for {ip_type} must be a number of zero or more (got {value!r}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Effort is given for {value!r}, which is not an IP type (use {allowed}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No cases match the filters, so there is nothing to sample.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter {clause!r}: {value!r} is not a date (use YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter {clause!r}: the value is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter {clause!r}: unknown field {field!r} (use {allowed}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter {clause!r}: there is no import {value!r} (give its number or file name).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter {clause!r}: {field} can only be compared with '='.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter {clause!r}: expected FIELD=VALUE, or decision_date with =, &gt;=, &lt;=, &gt; or &lt; and a date.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown sampling method {value!r}: use random, systematic, stratified or acceptance.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The minimum per stratum must be a whole number of zero or more (got {value!r}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A round needs a name of 1 to {limit} characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is already a round named {name!r}; choose another name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Round {name!r} is not an acceptance round, so it has no lots.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Case {case} is not in round {name!r}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Case {case} was examined by {examiner}, so {reviewer} cannot review it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A precision needs both a confidence level and a margin of error.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{what} must be a number between 0 and 1, or a percentage (got {value!r}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The review of case {case} is {status}; reopen it before reassigning the case.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reviewer {reviewer!r}: the cap must be a whole number of zero or more (got {value!r}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A reviewer needs a name (got {value!r}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The seed must be a whole number from 0 to {limit} (got {value!r}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sample size must be a whole number of at least 1 (got {value!r}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give a sample size, or a confidence level and a margin of error.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give either a sample size or a precision (confidence, margin of error and expected rate), not both.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot stratify by {value!r}: use {allowed}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A stratified sample needs a field to stratify by (e.g. department).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Strata only apply to the stratified and acceptance methods (got method {method}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stratum {stratum!r}: the expected rate must be between 0 and 1 (got {value!r}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An expected rate is given for stratum {stratum!r}, which has no cases.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No reviewer can take case {case}, examined by {examiner}: among {reviewers}, the others are its examiner or have reached their cap. Add a reviewer or raise a cap.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Round {name!r} has no unassigned cases.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no round named {name!r}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no case with application number {case}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no checklist with id {checklist_id} (given for {ip_type}).</source>
        <translation type="unfinished" />
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
        <source>The answer to item {item_id} was changed elsewhere since; nothing was undone or redone.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workspace is not intact ({count} problem(s)):
{problems}</source>
        <translation>工作区数据不完整（发现 {count} 处问题）：
{problems}</translation>
    </message>
</context>
</TS>
