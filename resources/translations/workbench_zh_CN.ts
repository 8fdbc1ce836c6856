<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>Public domain</source>
        <extracomment>(shown name, distribution names to look up, the licence known when the metadata says nothing short)</extracomment>
        <translation>公有领域</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>工作区：%1</translation>
    </message>
    <message>
        <source>Log folder: %1</source>
        <translation>日志文件夹：%1</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About %1</source>
        <translation>关于%1</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <source>Bundled library</source>
        <translation>随附的库</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>The application is built from these libraries, each under its own licence:</source>
        <translation>本程序使用以下库构建，各库遵循其自身的许可证：</translation>
    </message>
    <message>
        <source>&amp;Copy version details</source>
        <translation>复制版本信息(&amp;C)</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
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
        <translation>工作区 %1 自 %5 起正由 %3 上的 %2 使用（进程 %4）。</translation>
    </message>
    <message>
        <source>The workspace %1 is in use by another window of the workbench.</source>
        <translation>工作区 %1 正被本工作台的另一个窗口使用。</translation>
    </message>
    <message>
        <source>Only one window at a time can change a workspace. Open it read-only to look at the cases and reviews, or close the other window and try again.</source>
        <translation>同一时间只能有一个窗口修改工作区。可以只读方式打开以查看案件和评查记录，或关闭另一个窗口后重试。</translation>
    </message>
    <message>
        <source>Workspace in use</source>
        <translation>工作区正在使用中</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Create a new workspace?</source>
        <translation>新建工作区？</translation>
    </message>
    <message>
        <source>There is no workspace at %1.

Create a new, empty workspace there?</source>
        <translation>%1 处没有工作区。

要在那里新建一个空的工作区吗？</translation>
    </message>
    <message>
        <source>Cannot open the workspace</source>
        <translation>无法打开工作区</translation>
    </message>
    <message>
        <source>Workspace on a network folder</source>
        <extracomment>The open workspace windows and the lock each holds (None: read-only, or a lock-less folder). Notices of the database layer (e.g. a workspace on a network folder), shown by the next window opened.</extracomment>
        <translation>网络文件夹中的工作区</translation>
    </message>
    <message>
        <source>Quality Review Workbench</source>
        <translation>质量评查工作台</translation>
    </message>
</context>
<context>
    <name>AssignmentPage</name>
    <message>
        <source>Reviewers</source>
        <translation>评查人</translation>
    </message>
    <message>
        <source>Share the cases among reviewers. No one is given a case they examined. Leave the list empty to assign the cases later.</source>
        <translation>在评查人之间分配案件，不会将评查人本人审查过的案件分给本人。列表留空则稍后再分配。</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评查人</translation>
    </message>
    <message>
        <source>Cap (blank: none)</source>
        <translation>分配上限（留空表示不限）</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>Add reviewer</source>
        <translation>添加评查人</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Balance the number of cases</source>
        <translation>均衡案件数量</translation>
    </message>
    <message>
        <source>Balance the expected effort (hours per case):</source>
        <translation>均衡预计工作量（每件小时数）：</translation>
    </message>
    <message numerus="yes">
        <source>The %n case(s) will stay unassigned.</source>
        <translation>
            <numerusform>这 %n 件案件将暂不分配。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BilingualEdit</name>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
</context>
<context>
    <name>Calibration</name>
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
        <source>Category: %1</source>
        <translation>差错类别：%1</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>评查意见：%1</translation>
    </message>
    <message>
        <source>No interval (too few cases)</source>
        <translation>无置信区间（案件过少）</translation>
    </message>
    <message>
        <source>95% interval %1–%2 over %n case(s)</source>
        <translation>95% 置信区间 %1–%2，基于 %n 件案件</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>not finished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>评查中</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
</context>
<context>
    <name>CalibrationSummary</name>
    <message>
        <source>The agreement between the reviewers and the consensus follow once the round is closed.</source>
        <translation>评查人之间的一致性和一致意见在轮次关闭后显示。</translation>
    </message>
    <message>
        <source>Computing the agreement…</source>
        <translation>正在计算一致性…</translation>
    </message>
    <message>
        <source>Closed on %1 by %2: every answer can be seen. Consensus completed for %3 of %4 cases.</source>
        <translation>已于 %1 由 %2 关闭：所有答案均可查看。%4 件案件中已有 %3 件完成一致意见。</translation>
    </message>
    <message>
        <source>Blind: you review in this round. You see your own answers; another reviewer&apos;s answers to a case appear once you have completed your own review of it.</source>
        <translation>盲评：您是本轮次的评查人。您只能看到自己的答案；完成自己对某案件的评查后，才能看到其他评查人对该案件的答案。</translation>
    </message>
    <message>
        <source>Blind: you do not review in this round, so you see only who has finished what until the round is closed.</source>
        <translation>盲评：您不是本轮次的评查人，轮次关闭前只能看到各评查人的完成进度。</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1（您）</translation>
    </message>
    <message>
        <source>%v of %m cases</source>
        <translation>%v / %m 件</translation>
    </message>
    <message>
        <source>no consensus to compare with yet</source>
        <translation>尚无可比较的一致意见</translation>
    </message>
    <message>
        <source>differs from the consensus in %1 of %2 answers</source>
        <translation>与一致意见不同：%1（共 %2 个答案）</translation>
    </message>
    <message>
        <source> · verdict differs in %1 of %2 cases</source>
        <translation> · 评查结论不同：%2 件中 %1 件</translation>
    </message>
    <message>
        <source>agreement %1, AC1 %2</source>
        <translation>一致率 %1，AC1 %2</translation>
    </message>
    <message>
        <source>%1: agreement %2; AC1 %3</source>
        <translation>%1：一致率 %2；AC1 %3</translation>
    </message>
    <message>
        <source>All answers</source>
        <translation>全部答案</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>评查结论</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>CalibrationTableModel</name>
    <message>
        <source>%1: %2 this case</source>
        <translation>%1：本案件%2</translation>
    </message>
    <message>
        <source>Agreement between the reviewers on this item over every case of the round (shown once the round is closed)</source>
        <translation>评查人在本轮次全部案件上对该评查项的一致性（轮次关闭后显示）</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>评查项</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1（您）</translation>
    </message>
    <message>
        <source>Consensus</source>
        <translation>一致意见</translation>
    </message>
    <message>
        <source>Agreement
(round)</source>
        <translation>一致率
（本轮）</translation>
    </message>
    <message>
        <source>AC1
(round)</source>
        <translation>AC1
（本轮）</translation>
    </message>
    <message>
        <source>The reviewers&apos; answers differ.</source>
        <translation>评查人的答案不一致。</translation>
    </message>
    <message>
        <source>The reviewers agree on the answer but not on its severity.</source>
        <translation>评查人答案一致，但严重程度不一致。</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>已隐藏</translation>
    </message>
    <message>
        <source>Hidden until you complete your own review of this case.</source>
        <translation>完成您自己对本案件的评查后显示。</translation>
    </message>
    <message>
        <source>Hidden until the round is closed.</source>
        <translation>轮次关闭后显示。</translation>
    </message>
    <message>
        <source>n/a (not shown)</source>
        <translation>不适用（未显示）</translation>
    </message>
    <message>
        <source>The item did not apply after this reviewer&apos;s earlier answers; it counts as n/a.</source>
        <translation>根据该评查人之前的答案，此评查项不适用，按“不适用”计。</translation>
    </message>
    <message>
        <source>%1 of %2 cases answered differently</source>
        <translation>%2 件案件中有 %1 件答案不一致</translation>
    </message>
    <message>
        <source>Gwet&apos;s AC1 is shown beside the percent agreement: kappa falls when nearly every answer is a pass even though the reviewers agree.</source>
        <translation>一致率旁显示 Gwet AC1：当几乎所有答案都是合格时，即使评查人意见一致，kappa 也会偏低。</translation>
    </message>
</context>
<context>
    <name>CalibrationView</name>
    <message>
        <source>No calibration round yet. Rounds &gt; New calibration round… creates one: several reviewers review the same cases blind, then agree a consensus.</source>
        <translation>尚无校准轮次。可通过“评查轮次 &gt; 新建校准轮次…”创建：多名评查人对相同案件进行盲评，然后形成一致意见。</translation>
    </message>
    <message>
        <source>Review this case</source>
        <translation>评查此案件</translation>
    </message>
    <message>
        <source>Show the case in the Review tab, with your own review of it</source>
        <translation>在“评查”标签页中打开此案件及您自己的评查</translation>
    </message>
    <message>
        <source>Record unanimous items (U)</source>
        <translation>记录意见一致的评查项 (U)</translation>
    </message>
    <message>
        <source>Record as the consensus every item all reviewers answered alike; the group then settles the highlighted ones</source>
        <translation>将所有评查人答案相同的评查项记录为一致意见；再由小组讨论确定高亮显示的评查项</translation>
    </message>
    <message>
        <source>Complete consensus (Ctrl+Enter)</source>
        <translation>完成一致意见 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Close round…</source>
        <translation>关闭轮次…</translation>
    </message>
    <message>
        <source>End the blind phase: every answer becomes visible, agreement is computed and the consensus can be recorded</source>
        <translation>结束盲评阶段：所有答案可见，计算一致性，并可记录一致意见</translation>
    </message>
    <message>
        <source>Calibration round:</source>
        <translation>校准轮次：</translation>
    </message>
    <message>
        <source>Case:</source>
        <translation>案件：</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>blind</source>
        <translation>盲评中</translation>
    </message>
    <message>
        <source>%1. %2 · %3 · %4 of %5 finished</source>
        <translation>%1. %2 · %3 · %5 人中 %4 人已完成</translation>
    </message>
    <message>
        <source>consensus ✓</source>
        <translation>一致意见 ✓</translation>
    </message>
    <message>
        <source>The consensus is recorded once the round is closed.</source>
        <translation>轮次关闭后方可记录一致意见。</translation>
    </message>
    <message>
        <source>P pass · F fail · N n/a · 1-4 severity · K category · C note · M majority answer · U every unanimous item · Delete clears · Enter next item · PageDown/PageUp next/previous case · Ctrl+Enter completes the consensus</source>
        <translation>P 合格 · F 不合格 · N 不适用 · 1-4 严重程度 · K 差错类别 · C 说明 · M 采用多数意见 · U 记录全部一致项 · Delete 清除 · Enter 下一评查项 · PageDown/PageUp 下一件/上一件案件 · Ctrl+Enter 完成一致意见</translation>
    </message>
    <message>
        <source>A category is given to a fail (F).</source>
        <translation>只有不合格项 (F) 才需选择差错类别。</translation>
    </message>
    <message>
        <source>Read-only: another window is using this workspace.</source>
        <translation>只读：另一个窗口正在使用此工作区。</translation>
    </message>
    <message>
        <source>The round is still blind: the consensus is recorded once it is closed (Close round…).</source>
        <translation>本轮次仍处于盲评阶段：关闭轮次后方可记录一致意见（关闭轮次…）。</translation>
    </message>
    <message>
        <source>Consensus not saved</source>
        <translation>一致意见未保存</translation>
    </message>
    <message>
        <source>Item %1 does not allow that answer.</source>
        <translation>评查项 %1 不接受该答案。</translation>
    </message>
    <message>
        <source>A severity is given to a fail (F) and must be one the item allows.</source>
        <translation>只有不合格项 (F) 才需指定严重程度，且须为该评查项允许的严重程度。</translation>
    </message>
    <message>
        <source>Choose the agreed answer first; the note goes with it.</source>
        <translation>请先选择一致的答案，说明附于答案之后。</translation>
    </message>
    <message>
        <source>The reviewers have no majority answer on this item: choose one.</source>
        <translation>评查人对此评查项没有多数意见，请选择答案。</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) the reviewers answered alike recorded; settle the highlighted ones.</source>
        <translation>
            <numerusform>已记录 %n 个评查人答案一致的评查项；请确定高亮显示的评查项。</numerusform>
        </translation>
    </message>
    <message>
        <source>Consensus not complete</source>
        <translation>一致意见未完成</translation>
    </message>
    <message>
        <source>Consensus completed: it now counts as the case&apos;s review. PageDown opens the next case.</source>
        <translation>一致意见已完成，现作为该案件的评查结果计入统计。按 PageDown 打开下一件案件。</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <source>a fail needs a severity</source>
        <translation>不合格项需指定严重程度</translation>
    </message>
    <message>
        <source>a fail needs an error category</source>
        <translation>不合格项需选择差错类别</translation>
    </message>
    <message>
        <source>The consensus cannot be completed yet:</source>
        <translation>一致意见尚不能完成：</translation>
    </message>
    <message>
        <source>Close calibration round %1? Its blind phase ends: every reviewer can see every answer, agreement is computed and the consensus can be recorded. This cannot be undone.</source>
        <translation>关闭校准轮次 %1？盲评阶段随之结束：每位评查人都能看到所有答案，系统计算一致性，并可记录一致意见。此操作不可撤销。</translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) are not finished; they stay unfinished and count as missing answers.</source>
        <translation>
            <numerusform>有 %n 份评查尚未完成；它们将保持未完成状态，按缺失答案计。</numerusform>
        </translation>
    </message>
    <message>
        <source>Close calibration round</source>
        <translation>关闭校准轮次</translation>
    </message>
    <message>
        <source>Round not closed</source>
        <translation>轮次未关闭</translation>
    </message>
    <message>
        <source>Calibration round %1 is closed; record the consensus case by case.</source>
        <translation>校准轮次 %1 已关闭；请逐件记录一致意见。</translation>
    </message>
</context>
<context>
    <name>CaseFacts</name>
    <message>
        <source>Agent</source>
        <extracomment>Shown only when the case has them.</extracomment>
        <translation>代理机构</translation>
    </message>
    <message>
        <source>Applicant type</source>
        <translation>申请人类型</translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Nice classes</source>
        <translation>尼斯分类</translation>
    </message>
    <message>
        <source>Use shown</source>
        <translation>使用证据</translation>
    </message>
    <message>
        <source>Natural person</source>
        <translation>自然人</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>University</source>
        <translation>大专院校</translation>
    </message>
    <message>
        <source>Research institute</source>
        <translation>科研单位</translation>
    </message>
    <message>
        <source>Yes, evidence of use filed</source>
        <translation>已提交使用证据</translation>
    </message>
    <message>
        <source>No</source>
        <translation>未提交</translation>
    </message>
</context>
<context>
    <name>CaseModel</name>
    <message>
        <source>so far: %1</source>
        <translation>目前：%1</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>（%1）</translation>
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
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
</context>
<context>
    <name>ChartLegend</name>
    <message>
        <source>Compliance rate of the department</source>
        <translation>该部门的合格率</translation>
    </message>
    <message>
        <source>Below target (even the top of its 95% interval)</source>
        <translation>低于目标（连 95% 区间上限也低于目标）</translation>
    </message>
    <message>
        <source>95% interval: the rate is likely inside</source>
        <translation>95% 区间：比率很可能落在其中</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
</context>
<context>
    <name>ChartTools</name>
    <message>
        <source>Copy chart</source>
        <translation>复制图表</translation>
    </message>
    <message>
        <source>Save chart as PNG...</source>
        <translation>将图表另存为 PNG...</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>ChecklistEditor</name>
    <message>
        <source>Checklist editor</source>
        <translation>评查表编辑器</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Clone</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>A copy under a new id, to adapt into another checklist</source>
        <translation>以新 ID 创建副本，用于改编为另一张评查表</translation>
    </message>
    <message>
        <source>Open file...</source>
        <translation>打开文件...</translation>
    </message>
    <message>
        <source>Save to file...</source>
        <translation>保存到文件...</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>评查项</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>检查结果选项</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>As the reviewer sees it, in</source>
        <translation>按评查人所见预览，语言：</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Save as new version</source>
        <translation>另存为新版本</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>校验问题</translation>
    </message>
    <message>
        <source>Checklist templates (*.json);;All files (*)</source>
        <translation>评查表模板 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>(choose a stored template to edit)</source>
        <translation>（选择要编辑的已存储模板）</translation>
    </message>
    <message>
        <source>%1 — version %2 (%3 reviews)</source>
        <translation>%1 — 版本 %2（已用于 %3 次评查）</translation>
    </message>
    <message>
        <source>A copy: give it its own id and name, then save.</source>
        <translation>这是副本：请为其设置新的 ID 和名称，然后保存。</translation>
    </message>
    <message>
        <source>Open checklist template</source>
        <translation>打开评查表模板</translation>
    </message>
    <message>
        <source>Cannot open the template</source>
        <translation>无法打开模板</translation>
    </message>
    <message>
        <source>Save checklist template</source>
        <translation>保存评查表模板</translation>
    </message>
    <message>
        <source>Written to %1.</source>
        <translation>已写入 %1。</translation>
    </message>
    <message>
        <source>[only when %1 is %2]</source>
        <translation>（仅当 %1 为 %2 时显示）</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Fix the problems listed first.</source>
        <translation>请先修正所列问题。</translation>
    </message>
    <message>
        <source>Saved as version %1 of %2. New reviews use it; reviews already made keep the version they used.</source>
        <translation>已保存为 %2 的版本 %1。新的评查将使用此版本；已有评查仍沿用原来的版本。</translation>
    </message>
    <message>
        <source>Nothing changed: version %1 is already stored.</source>
        <translation>没有改动：版本 %1 已存储。</translation>
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <source>Invention</source>
        <extracomment>Each stored code&apos;s word, translated when asked for: a cell needs one, not all twelve (the queue&apos;s painting asks for every visible cell, and each translation passes the counting translator).</extracomment>
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
        <translation>瑕疵</translation>
    </message>
    <message>
        <source>Compliant</source>
        <translation>合格</translation>
    </message>
</context>
<context>
    <name>ComparisonPage</name>
    <message>
        <source>Fewer than two periods with reviews: nothing to compare.</source>
        <translation>有评查的期间少于两个，无法对比。</translation>
    </message>
    <message>
        <source>The difference of compliance rates with its 95% interval (Newcombe&apos;s hybrid score interval). An arrow marks a change only when the interval excludes zero.</source>
        <translation>合格率之差及其 95% 区间（Newcombe 混合得分区间）。只有区间不含零时才用箭头标注变化。</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>with</source>
        <translation>与</translation>
    </message>
    <message>
        <source>the period before</source>
        <translation>前一期</translation>
    </message>
    <message>
        <source>the 12 months before, pooled</source>
        <translation>此前 12 个月（合并）</translation>
    </message>
    <message>
        <source>the 4 quarters before, pooled</source>
        <translation>此前 4 个季度（合并）</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>Difference (95% interval)</source>
        <translation>差值（95% 区间）</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>%1 points (%2)</source>
        <translation>%1 个百分点（%2）</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Drawing stores the round, its cases and their reviews in one step; it is recorded in the audit log.</source>
        <translation>抽样将一次性保存评查轮次、所抽案件及其评查，并记入审计记录。</translation>
    </message>
    <message>
        <source>Draw sample</source>
        <translation>抽取样本</translation>
    </message>
    <message>
        <source>the built-in checklist</source>
        <translation>内置评查表</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>评查轮次</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件范围</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>总体</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>抽样方案</translation>
    </message>
    <message>
        <source>Sample size</source>
        <translation>样本量</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation>评查人</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>not assigned yet</source>
        <translation>尚未分配</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>评查表</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Conflicts: changed here and in the package</source>
        <translation>冲突：本地与工作包中均有修改</translation>
    </message>
    <message>
        <source>These items were changed here and in a package since it was exported. Nothing is overwritten until you choose, for each item, the answer to keep.</source>
        <translation>工作包导出后，以下评查项在本地和工作包中都被修改过。在您为每个评查项选定要保留的检查结果之前，不会覆盖任何内容。</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评查项</translation>
    </message>
    <message>
        <source>When exported</source>
        <translation>导出时</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>In the package</source>
        <translation>工作包中</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>请选择...</translation>
    </message>
    <message>
        <source>The package</source>
        <translation>工作包</translation>
    </message>
    <message>
        <source>Keep all here</source>
        <translation>全部保留本地</translation>
    </message>
    <message>
        <source>Take all from the packages</source>
        <translation>全部采用工作包</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) still to decide</source>
        <translation>
            <numerusform>还有 %n 个评查项待决定</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsensusEditor</name>
    <message>
        <source>Consensus of the current item</source>
        <translation>当前评查项的一致意见</translation>
    </message>
    <message>
        <source>The group&apos;s note: why this answer (C)</source>
        <translation>小组说明：为何采用此答案 (C)</translation>
    </message>
    <message>
        <source>Answer (P/F/N)</source>
        <translation>答案 (P/F/N)</translation>
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
        <source>Note (C)</source>
        <translation>说明 (C)</translation>
    </message>
    <message>
        <source>No majority among the reviewers.</source>
        <translation>评查人之间没有多数意见。</translation>
    </message>
    <message>
        <source>Majority answer: %1 (M takes it).</source>
        <translation>多数意见：%1（按 M 采用）。</translation>
    </message>
</context>
<context>
    <name>ControlPage</name>
    <message>
        <source>the other periods</source>
        <translation>其他期间</translation>
    </message>
    <message>
        <source>every period, pooled</source>
        <translation>全部期间合并</translation>
    </message>
    <message>
        <source>the periods before the last</source>
        <translation>最近一期之前的期间</translation>
    </message>
    <message>
        <source>What each period is judged against. The other periods: each period&apos;s centre line is the pooled rate of the rest, so a period never pulls its own centre towards itself. Every period, pooled: one centre line that includes the period judged, so a one-period dip can stay inside the limits. The periods before the last: the latest period against what came before.</source>
        <translation>每个期间与什么相比。其他期间：每个期间的中心线是其余期间的合并比率，因此某一期间不会把自己的中心线拉向自己。全部期间合并：一条包含被判断期间在内的中心线，因此单个期间的下降可能仍在控制限内。最近一期之前的期间：将最近一期与此前的期间相比。</translation>
    </message>
    <message>
        <source>No reviewed case in any period.</source>
        <translation>各期间均无已评查案件。</translation>
    </message>
    <message>
        <source>Compliance rate</source>
        <translation>合格率</translation>
    </message>
    <message>
        <source>Centre line</source>
        <translation>中心线</translation>
    </message>
    <message>
        <source>3-sigma limits</source>
        <translation>3σ 控制限</translation>
    </message>
    <message>
        <source>2 sigma</source>
        <translation>2σ</translation>
    </message>
    <message>
        <source>Run rule</source>
        <translation>判异规则</translation>
    </message>
    <message>
        <source>Beyond the limits</source>
        <translation>超出控制限</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>No signal: every period lies within its limits and no run rule fires.</source>
        <translation>无信号：各期间均在控制限内，且没有触发判异规则。</translation>
    </message>
    <message>
        <source>Series:</source>
        <translation>序列：</translation>
    </message>
    <message>
        <source>Judge each period against:</source>
        <translation>各期间对比基准：</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>p-chart of the compliance rate: %1</source>
        <translation>合格率 p 控制图：%1</translation>
    </message>
    <message>
        <source>%1 · %2: %3, %4 of %5 reviewed; limits %6–%7 (centre %8)</source>
        <translation>%1 · %2：%3，已评查 %5 件中 %4 件合格；控制限 %6–%7（中心线 %8）</translation>
    </message>
    <message>
        <source>The period is still running.</source>
        <translation>该期间尚未结束。</translation>
    </message>
    <message>
        <source>Centre line %1: the pooled rate of the periods before %2, so %2 is judged against them.</source>
        <translation>中心线 %1：%2 之前各期的合并比率，据此判断 %2。</translation>
    </message>
    <message>
        <source>Each period is judged against the pooled rate of the other periods (its centre line, in the tooltip), with limits at 3 sigma for its own number of reviews. All periods pooled: %1 (%2 of %3 reviewed).</source>
        <translation>每个期间与其他期间的合并合格率（其中心线，见提示）相比，控制限为按其自身评查数计算的 3 倍标准差。全部期间合并：%1（已评查 %3 件中 %2 件）。</translation>
    </message>
    <message>
        <source>Centre line %1: the pooled rate of every period (%2 of %3 reviewed); each period&apos;s limits are 3 sigma for its own number of reviews.</source>
        <translation>中心线 %1：所有期间的合并比率（已评查 %3 件中 %2 件合格）；各期间的控制限按其自身评查数取 3σ。</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Overview</source>
        <extracomment>The day response deadlines are counted on (tests give their own).</extracomment>
        <translation>概览</translation>
    </message>
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
        <source>A risk-based round: every rate is the Hájek estimate, each reviewed case weighted by 1/its inclusion probability, so the figures describe the whole population, not the over-sampled high-risk cases.</source>
        <translation>风险抽样轮次：各比率均为 Hájek 估计，每件已评查案件按 1/入样概率加权，因此数据反映的是整个总体，而不是被多抽的高风险案件。</translation>
    </message>
    <message>
        <source>The estimate covers %1 of the population; no reviewed case yet in %2 (population %3).</source>
        <translation>估计覆盖总体的 %1；%2 尚无已评查案件（总体 %3）。</translation>
    </message>
    <message>
        <source>(no department)</source>
        <translation>（无部门）</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>Decision</source>
        <translation>裁决</translation>
    </message>
    <message>
        <source>&amp;Uphold (U)</source>
        <translation>维持(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Overturn (O)</source>
        <translation>撤销(&amp;O)</translation>
    </message>
    <message>
        <source>Change &amp;severity (S):</source>
        <translation>调整严重程度(&amp;S)：</translation>
    </message>
    <message>
        <source>The finding stands as sent</source>
        <translation>问题按发出时的内容成立</translation>
    </message>
    <message>
        <source>The finding is withdrawn: the reviewer&apos;s answer becomes a pass</source>
        <translation>撤销该问题：评查人的答案改为合格</translation>
    </message>
    <message>
        <source>The finding stands with another severity the item allows</source>
        <translation>问题成立，但改为该评查项允许的另一严重程度</translation>
    </message>
    <message>
        <source>Why (required; kept in the audit log)</source>
        <translation>裁决理由（必填；记入审计日志）</translation>
    </message>
    <message>
        <source>&amp;Reason (R):</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>Decide (Ctrl+Enter)</source>
        <translation>裁决 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>U uphold · O overturn · S change severity · R reason · Ctrl+Enter decides · Esc back to the list</source>
        <translation>U 维持 · O 撤销 · S 调整严重程度 · R 填写理由 · Ctrl+Enter 裁决 · Esc 返回列表</translation>
    </message>
    <message>
        <source>Decision on finding %1</source>
        <translation>对问题 %1 的裁决</translation>
    </message>
</context>
<context>
    <name>DisputeTableModel</name>
    <message>
        <source>No response and the deadline has passed.</source>
        <translation>未答复，且已过答复期限。</translation>
    </message>
</context>
<context>
    <name>Disputes</name>
    <message>
        <source>Finding ID</source>
        <translation>问题编号</translation>
    </message>
    <message>
        <source>Examiner</source>
        <translation>审查员</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评查项</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Respond by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Upheld</source>
        <translation>维持</translation>
    </message>
    <message>
        <source>Overturned</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Severity changed</source>
        <translation>已调整严重程度</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Disagree</source>
        <translation>不同意</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>有异议</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>已同意</translation>
    </message>
    <message>
        <source>No response</source>
        <translation>未答复</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Disputed, to decide</source>
        <translation>有异议，待裁决</translation>
    </message>
    <message>
        <source>Overdue (no response)</source>
        <translation>逾期未答复</translation>
    </message>
    <message>
        <source>No response yet</source>
        <translation>尚未答复</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已裁决</translation>
    </message>
    <message>
        <source>All findings sent</source>
        <translation>全部已发送的问题</translation>
    </message>
</context>
<context>
    <name>DisputesPanel</name>
    <message>
        <source>Disputes</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>Compliance before disputes</source>
        <translation>异议前合格率</translation>
    </message>
    <message>
        <source>Compliance after disputes (today)</source>
        <translation>异议后合格率（当前）</translation>
    </message>
    <message>
        <source>Dispute rate</source>
        <translation>异议率</translation>
    </message>
    <message>
        <source>Overturn rate</source>
        <translation>改判率</translation>
    </message>
    <message>
        <source>Open disputes</source>
        <translation>未结异议</translation>
    </message>
    <message>
        <source>Checklist items most often overturned</source>
        <translation>改判最多的评查项</translation>
    </message>
    <message>
        <source>An item whose findings are often overturned is usually badly worded: review its wording first. A reviewer often overturned needs calibration (the Disputes sheet of the workbook lists every item and reviewer).</source>
        <translation>问题经常被改判的评查项通常表述不当，应首先修改其表述。问题经常被改判的评查人需要校准（工作簿的“异议”工作表列出全部评查项和评查人）。</translation>
    </message>
    <message numerus="yes">
        <source>The decisions changed the verdict of %n reviewed case(s).</source>
        <translation>
            <numerusform>裁决改变了 %n 件已评查案件的结论。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 of %3 findings sent disputed</source>
        <translation>%1 · 已发送问题 %3 项，异议 %2 项</translation>
    </message>
    <message>
        <source>%1 · %2 of %3 decided: %4 overturned, %5 severity changed, %6 upheld</source>
        <translation>%1 · 已裁决 %3 项，改判 %2 项：撤销 %4 项，调整严重程度 %5 项，维持 %6 项</translation>
    </message>
    <message>
        <source>%1 awaiting a decision, %2 of them past the response deadline · %3 findings unanswered past the deadline · %4 agreed</source>
        <translation>%1 项待裁决，其中 %2 项已过答复期限 · %3 项问题逾期未答复 · %4 项同意</translation>
    </message>
    <message>
        <source>no reviewed cases</source>
        <translation>尚无已评查案件</translation>
    </message>
    <message>
        <source>%1 (95% interval %2–%3)</source>
        <translation>%1（95% 置信区间 %2–%3）</translation>
    </message>
    <message>
        <source>weighted estimate</source>
        <translation>加权估计</translation>
    </message>
    <message>
        <source>stratified estimate</source>
        <translation>分层估计</translation>
    </message>
    <message>
        <source>No finding has been overturned.</source>
        <translation>尚无被改判的问题。</translation>
    </message>
    <message>
        <source>%1 of %2 decided (%3) · %4 of %5 sent disputed</source>
        <translation>已裁决 %2 项，改判 %1 项（%3）· 已发送 %5 项，异议 %4 项</translation>
    </message>
</context>
<context>
    <name>DisputesView</name>
    <message>
        <source>Sh&amp;ow:</source>
        <translation>显示(&amp;O)：</translation>
    </message>
    <message>
        <source>No finding has been sent yet. Review &gt; Feedback to examiners… writes each examiner&apos;s letter and response workbook; Review &gt; Import dispute responses… reads the workbooks they return.</source>
        <translation>尚未发送任何问题。“评查 &gt; 向审查员反馈…”为每位审查员生成反馈函和答复工作簿；“评查 &gt; 导入异议答复…”读取审查员交回的工作簿。</translation>
    </message>
    <message>
        <source>%1 finding(s) sent · %2 disputed, to decide · %3 overdue · %4 shown</source>
        <translation>已发送 %1 个问题 · %2 个有异议待裁决 · %3 个逾期 · 显示 %4 个</translation>
    </message>
    <message>
        <source>Read-only: another window is using this workspace.</source>
        <translation>只读：另一个窗口正在使用此工作区。</translation>
    </message>
    <message>
        <source>Select a finding first.</source>
        <translation>请先选择一个问题。</translation>
    </message>
    <message>
        <source>Finding %1 is decided already (%2).</source>
        <translation>问题 %1 已裁决（%2）。</translation>
    </message>
    <message>
        <source>This item has no passing answer: change the severity instead.</source>
        <translation>该评查项没有合格选项：请改为调整严重程度。</translation>
    </message>
    <message>
        <source>The item allows no other severity.</source>
        <translation>该评查项不允许其他严重程度。</translation>
    </message>
    <message>
        <source>Choose the decision first: U uphold, O overturn, S change severity.</source>
        <translation>请先选择裁决：U 维持，O 撤销，S 调整严重程度。</translation>
    </message>
    <message>
        <source>Overturn finding</source>
        <translation>撤销问题</translation>
    </message>
    <message>
        <source>Overturn finding %1? The reviewer&apos;s answer to item %2 of case %3 becomes a pass and the case&apos;s verdict is computed again. A decision cannot be undone.</source>
        <translation>撤销问题 %1？评查人对案件 %3 评查项 %2 的答案将改为合格，并重新计算该案件的评查结论。裁决不能撤回。</translation>
    </message>
    <message>
        <source>Finding %1 (%2, case %3): %4. The case&apos;s verdict: %5 → %6.</source>
        <translation>问题 %1（%2，案件 %3）：%4。案件评查结论：%5 → %6。</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Load demo cases</source>
        <translation>载入演示案件</translation>
    </message>
    <message>
        <source>This workspace already has cases. Add the 300 demo cases to them?</source>
        <translation>此工作区已有案件。是否再加入 300 件演示案件？</translation>
    </message>
    <message>
        <source>This workspace has no cases yet</source>
        <translation>此工作区还没有案件</translation>
    </message>
    <message>
        <source>Reviews start from a list of examination cases. Choose how to begin:</source>
        <translation>评查从审查案件清单开始。请选择开始方式：</translation>
    </message>
    <message>
        <source>Import cases...</source>
        <translation>导入案件...</translation>
    </message>
    <message>
        <source>A case list exported from the examination system: CSV, Excel or XML.</source>
        <translation>从审查系统导出的案件清单：CSV、Excel 或 XML 文件。</translation>
    </message>
    <message>
        <source>300 made-up examination cases, to try the review, the rounds and the Dashboard.</source>
        <translation>300 件虚构的审查案件，用于试用评查、评查轮次和仪表板。</translation>
    </message>
    <message>
        <source>Open a work package...</source>
        <translation>打开工作包...</translation>
    </message>
    <message>
        <source>A sample of cases a quality manager prepared for you (a .qrpkg file).</source>
        <translation>质量管理人员为您准备的抽样案件（.qrpkg 文件）。</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>工作区：%1</translation>
    </message>
    <message>
        <source>Help &gt; First steps walks through the first ten minutes; F1 lists every key.</source>
        <translation>“帮助 &gt; 入门”介绍最初十分钟的操作；按 F1 查看全部快捷键。</translation>
    </message>
</context>
<context>
    <name>ExportConfirmDialog</name>
    <message>
        <source>Export workbook</source>
        <translation>导出工作簿</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <source>Decided from</source>
        <translation>结案日自</translation>
    </message>
    <message>
        <source>Decided up to</source>
        <translation>结案日至</translation>
    </message>
    <message>
        <source>Round:</source>
        <translation>轮次：</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Sheets:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>Choose file and export...</source>
        <translation>选择文件并导出...</translation>
    </message>
    <message>
        <source>The workbook will hold these figures, with the cases and findings:</source>
        <translation>工作簿将包含以下范围的指标，以及案件和问题明细：</translation>
    </message>
</context>
<context>
    <name>ExportDoneDialog</name>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ExportPackagesDialog</name>
    <message>
        <source>Export work packages</source>
        <translation>导出工作包</translation>
    </message>
    <message>
        <source>%1 (%2 cases)</source>
        <translation>%1（%2 件）</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评查人</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>选择...</translation>
    </message>
    <message>
        <source>Round:</source>
        <translation>评查轮次：</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>One file per reviewer, holding their cases of the round. Each reviewer opens theirs with File &gt; Open package, works offline, and sends it back to be merged.</source>
        <translation>每位评查人一个文件，包含其在本轮次中的案件。评查人通过“文件 &gt; 打开工作包”打开各自的文件，离线评查后发回以便合并。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Folder for the work packages</source>
        <translation>工作包保存文件夹</translation>
    </message>
    <message>
        <source>Replace the packages?</source>
        <translation>替换工作包？</translation>
    </message>
    <message>
        <source>These files exist already and will be replaced:
%1</source>
        <translation>以下文件已存在，将被替换：
%1</translation>
    </message>
</context>
<context>
    <name>FeedbackActions</name>
    <message>
        <source>Disputes</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>Feed&amp;back to examiners...</source>
        <translation>向审查员反馈(&amp;B)...</translation>
    </message>
    <message>
        <source>Import dispute res&amp;ponses...</source>
        <translation>导入异议答复(&amp;P)...</translation>
    </message>
    <message>
        <source>&amp;Disputes view</source>
        <translation>异议视图(&amp;D)</translation>
    </message>
    <message>
        <source>Feedback written for %1 examiner(s) into %2; responses are due by %3.</source>
        <translation>已为 %1 位审查员生成反馈，保存在 %2；答复期限为 %3。</translation>
    </message>
    <message>
        <source>Import dispute responses</source>
        <translation>导入异议答复</translation>
    </message>
    <message>
        <source>Response workbooks (*.xlsx);;All files (*)</source>
        <translation>答复工作簿 (*.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <source>Importing %1 response workbooks</source>
        <translation>正在导入 %1 个答复工作簿</translation>
    </message>
    <message>
        <source>Dispute responses imported</source>
        <translation>异议答复已导入</translation>
    </message>
    <message>
        <source>%1: already imported (the same file); nothing changed.</source>
        <translation>%1：已导入过（同一文件）；未作任何更改。</translation>
    </message>
    <message>
        <source>%1 (%2): %3 response(s) recorded, %4 unchanged, %5 left blank.</source>
        <translation>%1（%2）：记录 %3 条答复，%4 条未变，%5 条未填。</translation>
    </message>
    <message>
        <source>%1 came after the finding was decided (%2): kept, not applied.</source>
        <translation>%1 条答复在问题裁决之后才到（%2）：已保存，但不予采用。</translation>
    </message>
    <message>
        <source>%1 dispute(s) wait for a decision in the Disputes tab (Ctrl+Shift+D).</source>
        <translation>“异议”标签页中有 %1 个异议待裁决 (Ctrl+Shift+D)。</translation>
    </message>
    <message>
        <source>Responses not imported</source>
        <translation>答复未导入</translation>
    </message>
    <message>
        <source>Nothing was recorded from any of the files.</source>
        <translation>所有文件中的答复均未记录。</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>Feedback to examiners</source>
        <translation>向审查员反馈</translation>
    </message>
    <message>
        <source>Each examiner with findings in the scope gets a letter (PDF) and a response workbook (Excel) in which to agree with each finding or dispute it. The findings are recorded as sent, with the date the responses are due.</source>
        <translation>范围内每位存在问题的审查员将收到一份反馈函 (PDF) 和一份答复工作簿 (Excel)，可在其中对每个问题表示同意或提出异议。这些问题将记录为已发送，并记录答复期限。</translation>
    </message>
    <message>
        <source>Write feedback</source>
        <translation>生成反馈</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Review &amp;round:</source>
        <translation>评查轮次(&amp;R)：</translation>
    </message>
    <message>
        <source>Cases &amp;decided from</source>
        <translation>结案日期(&amp;D)，从</translation>
    </message>
    <message>
        <source>Every department</source>
        <translation>全部审查部门</translation>
    </message>
    <message>
        <source>Every examiner</source>
        <translation>全部审查员</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>审查部门：</translation>
    </message>
    <message>
        <source>Examiner:</source>
        <translation>审查员：</translation>
    </message>
    <message>
        <source>The folder the files are written into</source>
        <translation>保存文件的文件夹</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Language of the letters:</source>
        <translation>反馈函语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Write the feedback into</source>
        <translation>将反馈保存到</translation>
    </message>
    <message>
        <source>No reviewed case in this scope has a finding: there is nothing to send.</source>
        <translation>此范围内没有存在问题的已评查案件：没有可发送的反馈。</translation>
    </message>
    <message>
        <source>%1 finding(s) for %2 examiner(s): each gets a letter and a response workbook. Responses will be due by %3.</source>
        <translation>%2 位审查员共 %1 个问题：每人将收到一份反馈函和一份答复工作簿。答复期限为 %3。</translation>
    </message>
    <message>
        <source>%1 finding(s) of cases that name no examiner will not be sent.</source>
        <translation>%1 个问题所属案件未填写审查员，将不会发送。</translation>
    </message>
    <message>
        <source>Choose the folder to write into.</source>
        <translation>请选择保存文件的文件夹。</translation>
    </message>
    <message>
        <source>Replace files</source>
        <translation>替换文件</translation>
    </message>
    <message>
        <source>%1 file(s) in %2 from an earlier sending have the same names and will be replaced (e.g. %3). Replace them?</source>
        <translation>%2 中有 %1 个此前发送时生成的同名文件将被替换（例如 %3）。是否替换？</translation>
    </message>
    <message>
        <source>Writing feedback into %1</source>
        <translation>正在生成反馈到 %1</translation>
    </message>
    <message>
        <source>Feedback written</source>
        <translation>反馈已生成</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Feedback written for %1 examiner(s), %2 finding(s). Responses are due by %3.</source>
        <translation>已为 %1 位审查员生成反馈，共 %2 个问题。答复期限为 %3。</translation>
    </message>
    <message>
        <source>In %1:</source>
        <translation>保存在 %1：</translation>
    </message>
    <message>
        <source>… and the files of %1 more examiner(s)</source>
        <translation>……以及另外 %1 位审查员的文件</translation>
    </message>
    <message>
        <source>%1 finding(s) of cases that name no examiner were not sent.</source>
        <translation>%1 个问题所属案件未填写审查员，未发送。</translation>
    </message>
    <message>
        <source>Feedback not written</source>
        <translation>反馈未生成</translation>
    </message>
    <message>
        <source>Cancelled: no file was written and nothing was recorded.</source>
        <translation>已取消：未生成任何文件，也未记录任何内容。</translation>
    </message>
</context>
<context>
    <name>FiltersPage</name>
    <message>
        <source>Which cases</source>
        <translation>案件范围</translation>
    </message>
    <message>
        <source>Name the round and choose the cases to sample from. Nothing ticked in a list means any value.</source>
        <translation>为评查轮次命名，并选择抽样的案件范围。列表中未勾选任何项表示不限。</translation>
    </message>
    <message>
        <source>e.g. 2022 Q2 invention patents</source>
        <translation>例如：2022年第二季度发明专利</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>审查部门</translation>
    </message>
    <message>
        <source>Examiner</source>
        <translation>审查员</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>结案方式</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>审查程序</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入记录</translation>
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
        <source>Leave out cases already drawn in another round</source>
        <translation>排除已在其他评查轮次中抽取的案件</translation>
    </message>
    <message>
        <source>Include cases that already have a completed review</source>
        <translation>包括已有完成评查的案件</translation>
    </message>
    <message>
        <source>Their earlier review keeps counting in the all-cases figures until this round&apos;s review is completed; the round&apos;s own figures count only the round&apos;s reviews.</source>
        <translation>在本轮次的评查完成之前，其早先的评查仍计入全部案件的指标；本轮次自身的指标只统计本轮次的评查。</translation>
    </message>
    <message>
        <source>Round name:</source>
        <translation>评查轮次名称：</translation>
    </message>
    <message>
        <source>IP type:</source>
        <translation>知识产权类型：</translation>
    </message>
    <message>
        <source>#%1 %2 (%3)</source>
        <translation>#%1 %2（%3 件）</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) match the filters</source>
        <translation>
            <numerusform>符合筛选条件的案件 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already drawn in another round left out</source>
        <translation>
            <numerusform>已排除在其他评查轮次中抽取过的 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already reviewed left out</source>
        <translation>
            <numerusform>已排除已评查的 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>population: %n case(s)</source>
        <translation>
            <numerusform>总体：%n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>There is already a round with this name.</source>
        <translation>已存在同名的评查轮次。</translation>
    </message>
</context>
<context>
    <name>FindingDetail</name>
    <message>
        <source>Select a finding to see it in full.</source>
        <translation>选择一个问题以查看其全部内容。</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>评查指引</translation>
    </message>
    <message>
        <source>Legal reference</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Severity and category</source>
        <translation>严重程度和差错类别</translation>
    </message>
    <message>
        <source>Reviewer&apos;s comment (%1)</source>
        <translation>评查人意见（%1）</translation>
    </message>
    <message>
        <source>Finding %1 · %2 · case %3 (%4)</source>
        <translation>问题 %1 · %2 · 案件 %3（%4）</translation>
    </message>
    <message>
        <source>no response yet (respond by %1)</source>
        <translation>尚未答复（答复期限 %1）</translation>
    </message>
    <message>
        <source>Examiner&apos;s response</source>
        <translation>审查员答复</translation>
    </message>
    <message>
        <source>The case&apos;s verdict: %1 → %2</source>
        <translation>案件评查结论：%1 → %2</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>裁决</translation>
    </message>
</context>
<context>
    <name>FunnelPage</name>
    <message>
        <source>Departments</source>
        <translation>审查部门</translation>
    </message>
    <message>
        <source>Examiners</source>
        <translation>审查员</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不调整</translation>
    </message>
    <message>
        <source>Multiplicative (φ)</source>
        <translation>乘法（φ）</translation>
    </message>
    <message>
        <source>Additive (random effects, τ²)</source>
        <translation>加法（随机效应，τ²）</translation>
    </message>
    <message>
        <source>When the units vary more than chance allows (φ &gt; 1), widen the limits by that spread (Spiegelhalter 2005): multiplied by φ, or with a between-unit variance τ² added</source>
        <translation>各单位的差异大于随机波动（φ &gt; 1）时，按该离散程度放宽控制限（Spiegelhalter 2005）：乘以 φ，或加上单位间方差 τ²</translation>
    </message>
    <message>
        <source>No reviewed cases yet.</source>
        <translation>尚无已评查案件。</translation>
    </message>
    <message>
        <source>Reviewed cases (log scale)</source>
        <translation>已评查案件数（对数刻度）</translation>
    </message>
    <message>
        <source>Overall rate</source>
        <translation>总体合格率</translation>
    </message>
    <message>
        <source>95% limits</source>
        <translation>95% 控制限</translation>
    </message>
    <message>
        <source>99.8% limits</source>
        <translation>99.8% 控制限</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已评查</translation>
    </message>
    <message>
        <source>Compliant</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Compliance rate</source>
        <translation>合格率</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Listed by name, not by rate: each unit is judged against the noise its own number of reviewed cases allows. Between the 95% and 99.8% limits a unit deserves a look; beyond 99.8%, a closer one.</source>
        <translation>按名称排列，而非按比率排名：各单位按其自身已评查案件数所允许的随机波动来判断。处于 95% 与 99.8% 控制限之间的单位值得关注；超出 99.8% 的应重点查看。</translation>
    </message>
    <message>
        <source>Units:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Overdispersion:</source>
        <translation>过度离散：</translation>
    </message>
    <message>
        <source>Departments: compliance against reviewed cases</source>
        <translation>各审查部门：合格率与已评查案件数</translation>
    </message>
    <message>
        <source>Examiners: compliance against reviewed cases</source>
        <translation>各审查员：合格率与已评查案件数</translation>
    </message>
    <message>
        <source>%1: %2 compliant, %3 of %4 reviewed</source>
        <translation>%1：合格率 %2，已评查 %4 件中 %3 件合格</translation>
    </message>
    <message>
        <source>Limits at %1 reviewed: 95% %2, 99.8% %3</source>
        <translation>已评查 %1 件时的控制限：95% %2，99.8% %3</translation>
    </message>
    <message>
        <source>Centre line: the overall compliance rate, %1.</source>
        <translation>中心线：总体合格率 %1。</translation>
    </message>
    <message>
        <source>Overdispersion not estimated (fewer than two units with reviewed cases).</source>
        <translation>未估计过度离散（有已评查案件的单位少于两个）。</translation>
    </message>
    <message>
        <source>φ = %1: the units vary no more than chance would make them; the limits are not widened.</source>
        <translation>φ = %1：各单位的差异不超过随机波动，控制限未放宽。</translation>
    </message>
    <message>
        <source>φ = %1 &gt; 1: the units vary more than chance alone would make them.</source>
        <translation>φ = %1 &gt; 1：各单位的差异大于仅由随机波动造成的差异。</translation>
    </message>
    <message>
        <source>The limits are widened by φ.</source>
        <translation>控制限已按 φ 放宽。</translation>
    </message>
    <message>
        <source>The limits are widened by τ² = %1.</source>
        <translation>控制限已按 τ² = %1 放宽。</translation>
    </message>
    <message>
        <source>Choose an overdispersion adjustment to widen the limits.</source>
        <translation>可选择过度离散调整以放宽控制限。</translation>
    </message>
    <message>
        <source>Outside the 95% limits: %1 of %2</source>
        <translation>超出 95% 控制限：%2 个中 %1 个</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;First steps</source>
        <translation>入门(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation>关于%1(&amp;A)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>First steps</source>
        <translation>入门</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bring in cases.&lt;/b&gt; %1 (%2) reads a case list (CSV, Excel or XML export of the examination system); a new workspace also offers the 300 demo cases, and %3 loads them at any time. A reviewer given a work package opens it with %4.</source>
        <translation>&lt;b&gt;导入案件。&lt;/b&gt;%1（%2）读取案件清单（审查系统导出的 CSV、Excel 或 XML 文件）；新工作区还会提供 300 件演示案件，也可随时用 %3 载入。收到工作包的评查人用 %4 打开。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pick a case.&lt;/b&gt; Click a row of the queue on the Review tab, search with %1, or let %2 take you to the next case not yet reviewed.</source>
        <translation>&lt;b&gt;选择案件。&lt;/b&gt;在“评查”选项卡的案件列表中单击一行，用 %1 搜索，或按 %2 转到下一件未评查的案件。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Answer the checklist.&lt;/b&gt; With the checklist focused, press P (pass), F (fail) or N (not applicable) for the current item; the next item follows. A fail needs a severity, 1 to 4 (the legend under the checklist says what each means), and an error category (K). C adds a comment; %1 undoes an answer.</source>
        <translation>&lt;b&gt;填写评查表。&lt;/b&gt;焦点在评查表上时，对当前评查项按 P（合格）、F（不合格）或 N（不适用），随后自动转到下一项。不合格须选严重程度 1 至 4（评查表下方的图例说明各级含义）和差错类别（K）。按 C 填写意见；%1 撤销回答。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Complete the review&lt;/b&gt; with %1 when every item is answered; %2 then opens the next case. A quality manager signs off completed reviews (%3), which locks them.</source>
        <translation>&lt;b&gt;完成评查。&lt;/b&gt;所有评查项回答后按 %1；随后按 %2 打开下一件案件。质量管理人员对已完成的评查进行确认（%3），确认后评查即锁定。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Export.&lt;/b&gt; The Dashboard tab shows the rates; %1 (%2) writes them, with every finding, to an Excel workbook.</source>
        <translation>&lt;b&gt;导出。&lt;/b&gt;“仪表板”选项卡显示各项比率；%1（%2）将其连同全部问题写入 Excel 工作簿。</translation>
    </message>
    <message>
        <source>The first ten minutes with the workbench:</source>
        <translation>使用本工作台的最初十分钟：</translation>
    </message>
    <message>
        <source>F1 lists every key; ? shows the same page from the checklist.</source>
        <translation>按 F1 查看全部快捷键；在评查表中按 ? 也可打开同一页面。</translation>
    </message>
</context>
<context>
    <name>HelpKeys</name>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Answer the current item: %1</source>
        <translation>回答当前评查项：%1</translation>
    </message>
    <message>
        <source>Severity of a fail: %1. %2</source>
        <translation>不合格的严重程度：%1。%2</translation>
    </message>
    <message>
        <source>Choose the error category of a fail: type any part of its name, Enter takes the first match, Esc goes back</source>
        <translation>选择不合格的差错类别：输入名称的任意部分，Enter 选取第一个匹配项，Esc 返回</translation>
    </message>
    <message>
        <source>Write a comment on the current item; Esc returns to the checklist</source>
        <translation>为当前评查项填写意见；Esc 返回评查表</translation>
    </message>
    <message>
        <source>Enter / Down</source>
        <translation>Enter / 下箭头</translation>
    </message>
    <message>
        <source>Next item</source>
        <translation>下一评查项</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上箭头</translation>
    </message>
    <message>
        <source>Previous item</source>
        <translation>上一评查项</translation>
    </message>
    <message>
        <source>Delete / Backspace</source>
        <translation>Delete / Backspace</translation>
    </message>
    <message>
        <source>Clear the answer of the current item</source>
        <translation>清除当前评查项的回答</translation>
    </message>
    <message>
        <source>This page</source>
        <translation>显示本页</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Review panel</source>
        <translation>评查面板</translation>
    </message>
    <message>
        <source>When the checklist has the keyboard focus (click an item, or Esc from a comment). After an answer the next item becomes current.</source>
        <translation>键盘焦点在评查表上时有效（单击一个评查项，或在意见框中按 Esc）。回答后自动转到下一评查项。</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Anywhere in the window, also while typing in a box.</source>
        <translation>在窗口任何位置均有效，在输入框中输入时也有效。</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>No case selected.</source>
        <translation>未选择案件。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n change(s), newest first</source>
        <translation>
            <numerusform>%1：共 %n 项变更，最新的在前</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1（版本 %2）</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>经过</translation>
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
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <source>Read %1 rows: %2 accepted, %3 unchanged, %4 updated, %5 rejected, %6 skipped.</source>
        <translation>共读取 %1 行：已接受 %2 行，未变化 %3 行，已更新 %4 行，已拒绝 %5 行，已跳过 %6 行。</translation>
    </message>
    <message>
        <source>%1 accepted row(s) flagged.</source>
        <translation>已接受的行中有 %1 行被标记。</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import report: %1</source>
        <translation>导入报告：%1</translation>
    </message>
    <message>
        <source>All rows (%1)</source>
        <translation>全部行（%1）</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected rows, or all rows shown, for Excel</source>
        <translation>复制所选行（未选择时复制当前显示的全部行），可直接粘贴到 Excel</translation>
    </message>
    <message>
        <source>&amp;Save as CSV...</source>
        <translation>另存为 CSV(&amp;S)...</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Save the import report</source>
        <translation>保存导入报告</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>%1-report.csv</source>
        <translation>%1-导入报告.csv</translation>
    </message>
    <message>
        <source>Cannot save the report</source>
        <translation>无法保存报告</translation>
    </message>
</context>
<context>
    <name>ImportsDialog</name>
    <message>
        <source>Imports</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Rows read</source>
        <translation>读取行数</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变化</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Cases now</source>
        <translation>当前案件数</translation>
    </message>
    <message>
        <source>Nothing has been imported into this workspace yet.</source>
        <translation>此工作区尚未导入任何数据。</translation>
    </message>
    <message>
        <source>Show re&amp;port...</source>
        <translation>查看报告(&amp;P)...</translation>
    </message>
    <message>
        <source>&amp;Remove import...</source>
        <translation>删除导入(&amp;R)...</translation>
    </message>
    <message>
        <source>Delete the import and its cases; refused when a review or round uses any of them</source>
        <translation>删除该次导入及其案件；如有任何案件已被评查或评查轮次使用，则不予删除</translation>
    </message>
    <message>
        <source>Remove the import of %1 (%2) and its %3 case(s)? Cases that a later import updated belong to that import and stay; cases this import updated are removed.</source>
        <translation>删除 %1（%2）的导入及其 %3 件案件？被之后的导入更新过的案件归属于那次导入，将予保留；本次导入更新过的案件将被删除。</translation>
    </message>
    <message>
        <source>Remove import</source>
        <translation>删除导入</translation>
    </message>
    <message>
        <source>Removing %1</source>
        <translation>正在删除 %1</translation>
    </message>
    <message>
        <source>1 review</source>
        <translation>1 条评查</translation>
    </message>
    <message>
        <source>%1 reviews</source>
        <translation>%1 条评查</translation>
    </message>
    <message>
        <source>1 case in rounds</source>
        <translation>轮次中的 1 个案件</translation>
    </message>
    <message>
        <source>%1 cases in rounds</source>
        <translation>轮次中的 %1 个案件</translation>
    </message>
    <message>
        <source>1 case in %2</source>
        <translation>%2 中的 1 个案件</translation>
    </message>
    <message>
        <source>%1 cases in %2</source>
        <translation>%2 中的 %1 个案件</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1和%2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>The import of %1 cannot be removed: %2 use it (for example %3). Review work is kept, so its cases stay. Nothing was removed.</source>
        <translation>无法删除 %1 的导入：%2使用了它（例如 %3）。评查工作会保留，因此其案件也须保留。未删除任何内容。</translation>
    </message>
    <message>
        <source>The import was not removed</source>
        <translation>导入未删除</translation>
    </message>
</context>
<context>
    <name>IncompleteReview</name>
    <message>
        <source>1 item is not answered yet.</source>
        <translation>尚有 1 个评查项未回答。</translation>
    </message>
    <message>
        <source>%1 items are not answered yet.</source>
        <translation>尚有 %1 个评查项未回答。</translation>
    </message>
    <message>
        <source>1 fail still needs a severity (1-4).</source>
        <translation>1 个不合格的评查项还需选择严重程度（1-4）。</translation>
    </message>
    <message>
        <source>%1 fails still need a severity (1-4).</source>
        <translation>%1 个不合格的评查项还需选择严重程度（1-4）。</translation>
    </message>
    <message>
        <source>1 fail still needs an error category (K).</source>
        <translation>1 个不合格的评查项还需选择差错类别（K）。</translation>
    </message>
    <message>
        <source>%1 fails still need an error category (K).</source>
        <translation>%1 个不合格的评查项还需选择差错类别（K）。</translation>
    </message>
    <message>
        <source>The review cannot be completed yet:</source>
        <translation>评查尚不能完成：</translation>
    </message>
    <message>
        <source>Go to the first unanswered item</source>
        <translation>转到第一个未回答的评查项</translation>
    </message>
    <message>
        <source>Go to the first item to finish</source>
        <translation>转到第一个待补全的评查项</translation>
    </message>
</context>
<context>
    <name>IssueTableModel</name>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ItemForm</name>
    <message>
        <source>Section id</source>
        <translation>分组 ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>e.g. PL 22.3; Guidelines Part II Ch. 4</source>
        <translation>例如：专利法第22条第3款；专利审查指南第二部分第四章</translation>
    </message>
    <message>
        <source>e.g. 专利法第22条第3款</source>
        <translation>例如：专利法第22条第3款</translation>
    </message>
    <message>
        <source>A fail makes the whole case an error</source>
        <translation>此项不合格即判定整件案件为差错</translation>
    </message>
    <message>
        <source>Item id</source>
        <translation>评查项 ID</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>检查内容</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>评查指引</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Answer scale</source>
        <translation>结果量表</translation>
    </message>
    <message>
        <source>Answers allowed</source>
        <translation>允许的检查结果</translation>
    </message>
    <message>
        <source>Severities on a fail</source>
        <translation>不合格时可选的严重程度</translation>
    </message>
    <message>
        <source>Error categories</source>
        <translation>差错类别</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
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
        <source>Shown only when</source>
        <translation>仅在以下情况显示</translation>
    </message>
    <message>
        <source>this earlier item</source>
        <translation>前面的评查项</translation>
    </message>
    <message>
        <source>was answered</source>
        <translation>的检查结果为</translation>
    </message>
    <message>
        <source>Pass / fail / n/a</source>
        <translation>合格 / 不合格 / 不适用</translation>
    </message>
    <message>
        <source>(always shown)</source>
        <translation>（始终显示）</translation>
    </message>
</context>
<context>
    <name>LotVerdictsDialog</name>
    <message>
        <source>Lot verdicts</source>
        <translation>批判定结果</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>批</translation>
    </message>
    <message>
        <source>Lot size</source>
        <translation>批量</translation>
    </message>
    <message>
        <source>Code letter</source>
        <translation>样本量字码</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样本量</translation>
    </message>
    <message>
        <source>Ac</source>
        <translation>Ac</translation>
    </message>
    <message>
        <source>Re</source>
        <translation>Re</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已评查</translation>
    </message>
    <message>
        <source>Nonconforming</source>
        <translation>不合格数</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Acceptance round:</source>
        <translation>验收评查轮次：</translation>
    </message>
    <message>
        <source>No acceptance round yet: draw one with Rounds &gt; New review round, method Acceptance per lot.</source>
        <translation>尚无验收评查轮次：请通过“评查轮次 &gt; 新建评查轮次”抽取，抽样方法选择“逐批验收”。</translation>
    </message>
    <message>
        <source>nonconforming: error or defect verdicts</source>
        <translation>不合格：评查结论为差错或瑕疵</translation>
    </message>
    <message>
        <source>nonconforming: error verdicts</source>
        <translation>不合格：评查结论为差错</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒收</translation>
    </message>
    <message numerus="yes">
        <source>Pending: %n to review</source>
        <translation>
            <numerusform>待定：尚有 %n 件待评查</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Undo answer</source>
        <translation>撤销作答(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo answer</source>
        <translation>重做作答(&amp;R)</translation>
    </message>
    <message>
        <source>Undo and redo apply to review answers, on the Review tab.</source>
        <translation>撤销和重做仅适用于“评查”标签页中的评查答案。</translation>
    </message>
    <message>
        <source>Reassign case</source>
        <translation>改派案件</translation>
    </message>
    <message>
        <source>This case is not in a review round.</source>
        <translation>本案件不在任何评查轮次中。</translation>
    </message>
    <message>
        <source>Round %1, now with %2. Give the case to:</source>
        <translation>评查轮次 %1，当前评查人为 %2。改派给：</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>Why does the case move?</source>
        <translation>改派原因：</translation>
    </message>
    <message>
        <source>The case now belongs to %1.</source>
        <translation>本案件已改派给 %1。</translation>
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
        <source>Case lists (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.xml *.htm *.html);;All files (*)</source>
        <translation>案件清单 (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.xml *.htm *.html);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1（只读）</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
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
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>Every case in the queue is reviewed.</source>
        <translation>队列中的案件均已评查。</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>已取消导入，未做任何更改。</translation>
    </message>
    <message>
        <source>Calibration round %1: %2 case(s), each reviewed blind by %3.</source>
        <translation>校准轮次 %1：%2 件案件，每件由 %3 分别盲评。</translation>
    </message>
    <message>
        <source>Round %1: %2 case(s) drawn (seed %3).</source>
        <translation>评查轮次 %1：已抽取 %2 件案件（随机种子 %3）。</translation>
    </message>
    <message>
        <source>quality-review</source>
        <translation>质量评查</translation>
    </message>
    <message>
        <source>Export report as PDF</source>
        <translation>导出 PDF 报告</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export workbook</source>
        <translation>导出工作簿</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
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
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>The columns of %1 were not recognised; choose them.</source>
        <translation>无法识别 %1 的列，请手动指定。</translation>
    </message>
    <message>
        <source>Nothing was changed in the workspace.</source>
        <translation>工作区未做任何更改。</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Application number</source>
        <translation>申请号</translation>
    </message>
    <message>
        <source>IP type</source>
        <translation>知识产权类型</translation>
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
        <source>Filing date</source>
        <translation>申请日</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>结案日</translation>
    </message>
    <message>
        <source>Agent (agency)</source>
        <translation>代理机构</translation>
    </message>
    <message>
        <source>Applicant type</source>
        <translation>申请人类型</translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Nice classes (trademarks)</source>
        <translation>尼斯分类（商标）</translation>
    </message>
    <message>
        <source>Use shown (trademarks)</source>
        <translation>已提交使用证据（商标）</translation>
    </message>
    <message>
        <source>(keep as other data)</source>
        <translation>（作为其他数据保留）</translation>
    </message>
    <message>
        <source>Columns of %1</source>
        <translation>%1 的列</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>工作表(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Header row:</source>
        <translation>表头行(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Remember these columns for files with the same headers</source>
        <translation>对表头相同的文件记住此列设置(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>For each column, choose the case field it holds. Columns kept as other data are stored with the case, never dropped.</source>
        <translation>请为每一列选择对应的案件字段。设为“其他数据”的列会随案件一并保存，不会丢弃。</translation>
    </message>
    <message>
        <source>%1: sheet %2</source>
        <translation>%1：工作表 %2</translation>
    </message>
    <message>
        <source>%1: a web page table in %2 (saved as a spreadsheet)</source>
        <translation>%1：以电子表格形式保存的网页表格（%2 编码）</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>%1: text in %2, separated by %3</source>
        <translation>%1：%2 编码的文本，以%3分隔</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>This sheet has no rows.</source>
        <translation>此工作表没有数据行。</translation>
    </message>
    <message>
        <source>Rows without a valid application number will be reported, not imported.</source>
        <translation>没有有效申请号的行将列入报告，不予导入。</translation>
    </message>
    <message>
        <source>Choose the column that holds the application number.</source>
        <translation>请选择包含申请号的列。</translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
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
        <source>The review (status, reviewer, sign-off)</source>
        <translation>评查本身（状态、评查人、确认）</translation>
    </message>
    <message>
        <source>(not answered)</source>
        <translation>（未作答）</translation>
    </message>
    <message>
        <source>(no review)</source>
        <translation>（无评查）</translation>
    </message>
    <message>
        <source>signed off by %1</source>
        <translation>由 %1 确认</translation>
    </message>
    <message>
        <source>Will be merged</source>
        <translation>将合并</translation>
    </message>
    <message>
        <source>Nothing new</source>
        <translation>无新内容</translation>
    </message>
    <message>
        <source>Already merged on %1</source>
        <translation>已于 %1 合并</translation>
    </message>
    <message>
        <source>Conflicts to decide</source>
        <translation>有待决定的冲突</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Added from the package</source>
        <translation>从工作包新增</translation>
    </message>
    <message>
        <source>Updated from the package</source>
        <translation>按工作包更新</translation>
    </message>
    <message>
        <source>Kept as it is here</source>
        <translation>保留本地现状</translation>
    </message>
    <message>
        <source>Merged: different items changed on each side</source>
        <translation>已合并：双方修改的是不同评查项</translation>
    </message>
    <message>
        <source>Changed here and in the package</source>
        <translation>本地与工作包中均有修改</translation>
    </message>
    <message>
        <source>Review time added</source>
        <translation>已累加评查用时</translation>
    </message>
    <message>
        <source>%n answer(s) from the package</source>
        <translation>采用工作包的检查结果 %n 项</translation>
    </message>
    <message>
        <source>%n kept from here</source>
        <translation>保留本地 %n 项</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>+%1 min review time</source>
        <translation>评查用时 +%1 分钟</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge work packages</source>
        <translation>合并工作包</translation>
    </message>
    <message>
        <source>This is what merging will change in this workspace. Nothing has been changed yet.</source>
        <translation>以下是合并将对本工作区做出的更改。目前尚未做任何更改。</translation>
    </message>
    <message>
        <source>Package / case</source>
        <translation>工作包 / 案件</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Resolve conflicts...</source>
        <translation>解决冲突...</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Nothing will change.</source>
        <translation>不会有任何更改。</translation>
    </message>
    <message>
        <source>%1, round %2</source>
        <translation>%1，评查轮次 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) added</source>
        <translation>
            <numerusform>新增评查 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>更新 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kept as they are here</source>
        <translation>
            <numerusform>%n 件保留本地现状</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n audit entries</source>
        <translation>
            <numerusform>审计记录 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 package(s) will be merged</source>
        <translation>将合并 %2 个工作包中的 %1 个</translation>
    </message>
    <message numerus="yes">
        <source>; %n refused</source>
        <translation>
            <numerusform>；%n 个被拒绝</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to decide</source>
        <translation>
            <numerusform>%n 处冲突待决定</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>all %n conflict(s) decided</source>
        <translation>
            <numerusform>%n 处冲突均已决定</numerusform>
        </translation>
    </message>
    <message>
        <source>Decide the conflicts first.</source>
        <translation>请先决定如何处理冲突。</translation>
    </message>
</context>
<context>
    <name>NewCalibrationDialog</name>
    <message>
        <source>New calibration round</source>
        <translation>新建校准轮次</translation>
    </message>
    <message>
        <source>e.g. Calibration 2026 spring, inventions</source>
        <translation>例如：2026 年春季校准（发明）</translation>
    </message>
    <message>
        <source>Every reviewer reviews every case of the round on the same checklist, blind: no one sees another&apos;s answers to a case before finishing their own. After the round is closed the agreement is measured and a consensus recorded.</source>
        <translation>每位评查人使用同一评查表评查本轮次的每件案件，且为盲评：完成自己的评查前，看不到他人对该案件的答案。轮次关闭后计算一致性，并记录一致意见。</translation>
    </message>
    <message>
        <source>Create round</source>
        <translation>创建轮次</translation>
    </message>
    <message>
        <source>Round name:</source>
        <translation>评查轮次名称：</translation>
    </message>
    <message>
        <source>Reviewers (tick two or more)</source>
        <translation>评查人（至少勾选两名）</translation>
    </message>
    <message>
        <source>Add reviewers: names separated by commas, then Enter</source>
        <translation>添加评查人：输入姓名，以逗号分隔，按 Enter 添加</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Draw at random</source>
        <translation>随机抽取</translation>
    </message>
    <message>
        <source>Hand-picked application numbers</source>
        <translation>指定申请号</translation>
    </message>
    <message>
        <source>Every case of the round</source>
        <translation>沿用某轮次的全部案件</translation>
    </message>
    <message>
        <source>Paste application numbers: one per line, or separated by commas</source>
        <translation>粘贴申请号：每行一个，或以逗号分隔</translation>
    </message>
    <message>
        <source>%1 (%2 cases)</source>
        <translation>%1（%2 件）</translation>
    </message>
    <message>
        <source> cases</source>
        <translation> 件</translation>
    </message>
    <message>
        <source>New seed</source>
        <translation>生成新种子</translation>
    </message>
    <message>
        <source>Any IP type</source>
        <translation>任意知识产权类型</translation>
    </message>
    <message>
        <source>Any department</source>
        <translation>任意审查部门</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>数量：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>IP type:</source>
        <translation>知识产权类型：</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>审查部门：</translation>
    </message>
    <message>
        <source>%1 cases (%2) · %3 reviewers · %4 blind reviews</source>
        <translation>%1 件案件（%2）· %3 名评查人 · %4 份盲评</translation>
    </message>
    <message>
        <source>Give the round a name.</source>
        <translation>请为轮次命名。</translation>
    </message>
    <message>
        <source>There is already a round with this name.</source>
        <translation>已存在同名的评查轮次。</translation>
    </message>
    <message>
        <source>Tick two or more reviewers.</source>
        <translation>请至少勾选两名评查人。</translation>
    </message>
    <message>
        <source>Paste the application numbers of the cases.</source>
        <translation>请粘贴案件的申请号。</translation>
    </message>
    <message>
        <source>There is no round to take the cases from.</source>
        <translation>没有可沿用案件的轮次。</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>正在创建 %1</translation>
    </message>
    <message>
        <source>Cannot create the calibration round</source>
        <translation>无法创建校准轮次</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>PackageActions</name>
    <message>
        <source>Work packages (*.qrpkg);;All files (*)</source>
        <translation>工作包 (*.qrpkg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open pac&amp;kage...</source>
        <translation>打开工作包(&amp;K)...</translation>
    </message>
    <message>
        <source>Export &amp;work packages...</source>
        <translation>导出工作包(&amp;W)...</translation>
    </message>
    <message>
        <source>&amp;Merge packages...</source>
        <translation>合并工作包(&amp;M)...</translation>
    </message>
    <message>
        <source>This workspace is a work package.</source>
        <translation>此工作区本身是一个工作包。</translation>
    </message>
    <message>
        <source>Work package: %1 · %2</source>
        <translation>工作包：%1 · %2</translation>
    </message>
    <message>
        <source>Open work package</source>
        <translation>打开工作包</translation>
    </message>
    <message>
        <source>Cannot open the package</source>
        <translation>无法打开工作包</translation>
    </message>
    <message>
        <source>Work package for %1 in round %2: %3 cases.</source>
        <translation>%1 在评查轮次 %2 中的工作包：%3 件案件。</translation>
    </message>
    <message>
        <source>Export work packages</source>
        <translation>导出工作包</translation>
    </message>
    <message>
        <source>There is no review round yet. Draw one with Rounds &gt; New review round.</source>
        <translation>尚无评查轮次。请通过“评查轮次 &gt; 新建评查轮次”抽取。</translation>
    </message>
    <message>
        <source>Exporting work packages</source>
        <translation>正在导出工作包</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export cancelled; no package was written.</source>
        <translation>已取消导出，未写入任何工作包。</translation>
    </message>
    <message>
        <source>%1: %2 cases → %3</source>
        <translation>%1：%2 件案件 → %3</translation>
    </message>
    <message numerus="yes">
        <source>%n work package(s) written.</source>
        <translation>
            <numerusform>已写入 %n 个工作包。</numerusform>
        </translation>
    </message>
    <message>
        <source>Work packages written</source>
        <translation>工作包已写入</translation>
    </message>
    <message>
        <source>Merge work packages</source>
        <translation>合并工作包</translation>
    </message>
    <message>
        <source>Reading the packages</source>
        <translation>正在读取工作包</translation>
    </message>
    <message>
        <source>Merging the packages</source>
        <translation>正在合并工作包</translation>
    </message>
    <message>
        <source>Merge failed</source>
        <translation>合并失败</translation>
    </message>
    <message>
        <source>Merge cancelled; nothing was changed.</source>
        <translation>已取消合并，未做任何更改。</translation>
    </message>
    <message numerus="yes">
        <source>%n package(s) merged.</source>
        <translation>
            <numerusform>已合并 %n 个工作包。</numerusform>
        </translation>
    </message>
    <message>
        <source>Some packages were not merged</source>
        <translation>部分工作包未合并</translation>
    </message>
    <message>
        <source>Packages merged</source>
        <translation>工作包已合并</translation>
    </message>
    <message>
        <source>%1: already merged; nothing changed.</source>
        <translation>%1：此前已合并，未做任何更改。</translation>
    </message>
    <message>
        <source>%1: nothing new; nothing changed.</source>
        <translation>%1：没有新内容，未做任何更改。</translation>
    </message>
    <message>
        <source>%1: %2 added, %3 updated, %4 kept; %5 audit entries.</source>
        <translation>%1：新增 %2 件，更新 %3 件，保留 %4 件；审计记录 %5 条。</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Sampling plan</source>
        <translation>抽样方案</translation>
    </message>
    <message>
        <source>How many cases to draw and how. The same population, plan and seed always draw the same cases.</source>
        <translation>确定抽取多少案件以及如何抽取。总体、方案和随机种子相同时，抽取的案件总是相同。</translation>
    </message>
    <message>
        <source>Fixed size:</source>
        <translation>固定样本量：</translation>
    </message>
    <message>
        <source>For a precision:</source>
        <translation>按精度要求：</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>置信水平</translation>
    </message>
    <message>
        <source>margin ±</source>
        <translation>允许误差 ±</translation>
    </message>
    <message>
        <source>expected compliance</source>
        <translation>预期合格率</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Count defects as nonconforming, not only errors</source>
        <translation>瑕疵也计为不合格（不仅限于差错）</translation>
    </message>
    <message>
        <source>by</source>
        <translation>按</translation>
    </message>
    <message>
        <source>then by</source>
        <translation>再按</translation>
    </message>
    <message>
        <source>allocation</source>
        <translation>分配方式</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>每层至少</translation>
    </message>
    <message>
        <source>per stratum</source>
        <translation>件</translation>
    </message>
    <message>
        <source>Strata</source>
        <translation>分层</translation>
    </message>
    <message>
        <source>AQL</source>
        <translation>AQL</translation>
    </message>
    <message>
        <source>inspection level</source>
        <translation>检验水平</translation>
    </message>
    <message>
        <source>Acceptance (ISO 2859-1, single sampling, normal inspection)</source>
        <translation>验收抽样（ISO 2859-1，一次抽样，正常检验）</translation>
    </message>
    <message>
        <source>Each case is drawn with probability proportional to floor + (1 − floor) × its risk score, so every case can be drawn; the figures weight each reviewed case by 1/probability (Hájek estimator), so they stay unbiased.</source>
        <translation>每件案件的入样概率与“下限 + (1 − 下限) × 风险分值”成正比，因此每件案件都可能被抽中；统计时每件已评查案件按 1/入样概率加权（Hájek 估计），结果保持无偏。</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Risk-based draw</source>
        <translation>风险抽样</translation>
    </message>
    <message>
        <source>New seed</source>
        <translation>生成新种子</translation>
    </message>
    <message>
        <source>Stratum</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>总体</translation>
    </message>
    <message>
        <source>Expected %</source>
        <translation>预期合格率 %</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样本量</translation>
    </message>
    <message>
        <source>Code letter</source>
        <translation>样本量字码</translation>
    </message>
    <message>
        <source>Ac</source>
        <translation>Ac</translation>
    </message>
    <message>
        <source>Re</source>
        <translation>Re</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>抽样方法：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>样本量：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>Lots</source>
        <translation>批</translation>
    </message>
    <message>
        <source>Sample: %1 of %2 cases.</source>
        <translation>样本量：%2 件中抽取 %1 件。</translation>
    </message>
    <message>
        <source>%1 before the finite population correction.</source>
        <translation>有限总体校正前为 %1 件。</translation>
    </message>
    <message>
        <source>Raised so that every stratum gets its minimum.</source>
        <translation>已调高，以保证每层达到最小样本量。</translation>
    </message>
    <message>
        <source>Inclusion probabilities from %1 to %2; %3 case(s) taken with certainty.</source>
        <translation>入样概率从 %1 到 %2；%3 件案件必然入样。</translation>
    </message>
    <message numerus="yes">
        <source>Note: %n lot(s) are no larger than their sample size (%1), so every case in them is drawn: that is 100% inspection, not sampling.</source>
        <translation>
            <numerusform>注意：%n 个批的批量不大于其样本量（%1），其中每个案件都会被抽中：这是 100% 全检，而不是抽样。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2% of the population)</source>
        <translation>%1（占总体 %2%）</translation>
    </message>
    <message>
        <source>Warning: no case is drawn from %1, so the estimate will not cover %2% of the population. Raise the minimum per stratum to include them.</source>
        <translation>警告：%1 未抽到任何案件，估计值将不覆盖总体的 %2%。请提高每层最少案件数以包含这些层。</translation>
    </message>
    <message>
        <source>Expected rate</source>
        <translation>预期合格率</translation>
    </message>
</context>
<context>
    <name>ProblemList</name>
    <message>
        <source>item %1: </source>
        <translation>评查项 %1：</translation>
    </message>
    <message>
        <source>No problems: the template is valid.</source>
        <translation>没有问题：模板有效。</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before saving</source>
        <translation>
            <numerusform>保存前需修正 %n 处问题</numerusform>
        </translation>
    </message>
    <message>
        <source>Valid; ready to save.</source>
        <translation>校验通过，可以保存。</translation>
    </message>
</context>
<context>
    <name>Punctuation</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>QueueFilterBar</name>
    <message>
        <source>Search application no., title or applicant (Ctrl+F)</source>
        <translation>搜索申请号、名称或申请人 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Any verdict</source>
        <translation>全部结论</translation>
    </message>
    <message>
        <source>Any risk</source>
        <translation>全部风险</translation>
    </message>
    <message>
        <source>Any department</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>Any examiner</source>
        <translation>全部审查员</translation>
    </message>
    <message>
        <source>Any reviewer</source>
        <translation>全部评查人</translation>
    </message>
    <message>
        <source>My cases</source>
        <translation>我的案件</translation>
    </message>
    <message>
        <source>Only the cases assigned to %1 in review rounds</source>
        <translation>只显示轮次中分配给%1的案件</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Show every case</source>
        <translation>显示全部案件</translation>
    </message>
</context>
<context>
    <name>ReviewAnswers</name>
    <message>
        <source>Read-only: another window is using this workspace.</source>
        <translation>只读：另一个窗口正在使用此工作区。</translation>
    </message>
    <message>
        <source>This review is signed off. Reopen it (Review menu) to change it.</source>
        <translation>此评查已确认。如需修改，请重新打开（评查菜单）。</translation>
    </message>
    <message>
        <source>Item %1 does not allow that answer.</source>
        <translation>评查项 %1 不接受该检查结果。</translation>
    </message>
    <message>
        <source>A severity is given to a fail (F).</source>
        <translation>只有不合格项 (F) 才需指定严重程度。</translation>
    </message>
    <message>
        <source>Item %1 allows %2.</source>
        <translation>评查项 %1 可选：%2。</translation>
    </message>
    <message>
        <source>Answer not saved</source>
        <translation>检查结果未保存</translation>
    </message>
    <message>
        <source>Undo answer to %1</source>
        <translation>撤销对 %1 的作答</translation>
    </message>
    <message>
        <source>Redo answer to %1</source>
        <translation>重做对 %1 的作答</translation>
    </message>
    <message>
        <source>Redo not possible</source>
        <translation>无法重做</translation>
    </message>
    <message>
        <source>Undo not possible</source>
        <translation>无法撤销</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation>已重做：%1</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>已撤销：%1</translation>
    </message>
</context>
<context>
    <name>ReviewDetails</name>
    <message>
        <source>Current item</source>
        <translation>当前评查项</translation>
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
        <source>Comment (C to write, Esc to return to the list)</source>
        <translation>意见（按 C 填写，按 Esc 返回列表）</translation>
    </message>
    <message>
        <source>Reference: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <source>Shown because %1 was answered %2.</source>
        <translation>因 %1 的检查结果为 %2 而显示。</translation>
    </message>
    <message>
        <source>a severity (1-4)</source>
        <translation>严重程度 (1-4)</translation>
    </message>
    <message>
        <source>a category (K)</source>
        <translation>差错类别 (K)</translation>
    </message>
    <message>
        <source>This fail still needs %1. C adds a comment.</source>
        <translation>此不合格项还需填写%1。按 C 可添加意见。</translation>
    </message>
    <message>
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <source>Finding recorded. C adds a comment; Enter goes on to the next item.</source>
        <translation>已记录问题。按 C 可添加意见；按 Enter 进入下一评查项。</translation>
    </message>
    <message>
        <source>Enter next · Ctrl+Enter complete</source>
        <translation>Enter 下一项 · Ctrl+Enter 完成</translation>
    </message>
    <message>
        <source>A category is chosen for a fail.</source>
        <translation>只有不合格项才需选择差错类别。</translation>
    </message>
    <message>
        <source>Answer the item first, then comment on it.</source>
        <translation>请先对评查项作答，再填写意见。</translation>
    </message>
</context>
<context>
    <name>ReviewItems</name>
    <message>
        <source>Checklist item</source>
        <translation>评查项</translation>
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
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>needed</source>
        <translation>待填</translation>
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
</context>
<context>
    <name>ReviewOwners</name>
    <message>
        <source>This case&apos;s review by %1 is finished (%2) and stays as it is. Start your own review of the case?</source>
        <translation>本案由 %1 完成的评查（%2）已结束，将保持不变。是否开始您自己对本案的评查？</translation>
    </message>
    <message>
        <source>Start your own review?</source>
        <translation>开始您自己的评查？</translation>
    </message>
    <message>
        <source>Review not started</source>
        <translation>评查未开始</translation>
    </message>
    <message>
        <source>Your own review of the case is open; answer it.</source>
        <translation>您对本案的评查已打开，请作答。</translation>
    </message>
    <message>
        <source>This case&apos;s review belongs to %1 (%2). Take it over? Your answers then go into this review, and the take-over is kept in the audit log with both names.</source>
        <translation>本案的评查属于 %1（%2）。是否接手？接手后您的作答将记入这份评查，接手记录连同双方姓名保存在审计日志中。</translation>
    </message>
    <message>
        <source>Take over the review?</source>
        <translation>接手这份评查？</translation>
    </message>
    <message>
        <source>Not taken over</source>
        <translation>未能接手</translation>
    </message>
    <message>
        <source>You took over the review from %1.</source>
        <translation>您已从 %1 处接手这份评查。</translation>
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
        <translation>评查</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>评查表</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评查人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>评查状态</translation>
    </message>
    <message>
        <source>Active time</source>
        <translation>有效用时</translation>
    </message>
    <message>
        <source>%1 of %2 answered</source>
        <translation>已作答 %1 / %2</translation>
    </message>
    <message>
        <source>verdict %1</source>
        <translation>评查结论：%1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Case counts as</source>
        <translation>本案计为</translation>
    </message>
    <message>
        <source>Complete (Ctrl+Enter)</source>
        <translation>完成 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>确认评查</translation>
    </message>
    <message>
        <source>No checklist applies to this kind of case.</source>
        <translation>没有适用于此类案件的评查表。</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>so far: %1</source>
        <translation>目前：%1</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>得分：%1</translation>
    </message>
    <message>
        <source>findings: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <source>1 fail without a severity yet</source>
        <translation>1 个不合格项尚未选择严重程度</translation>
    </message>
    <message>
        <source>%1 fails without a severity yet</source>
        <translation>%1 个不合格项尚未选择严重程度</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1（版本 %2）</translation>
    </message>
    <message>
        <source>%1 (review by %2)</source>
        <translation>%1（%2 的评查）</translation>
    </message>
    <message>
        <source>Signed off by %1 on %2: this review is locked. To change it, reopen it with a reason (Review menu).</source>
        <translation>已由 %1 于 %2 确认：此评查已锁定。如需修改，请说明理由后重新打开（评查菜单）。</translation>
    </message>
    <message>
        <source>Read-only: another window is using this workspace.</source>
        <translation>只读：另一个窗口正在使用此工作区。</translation>
    </message>
    <message>
        <source>Your calibration review of this case is completed and final; the Calibration tab (Ctrl+Shift+C) shows it beside the other reviewers&apos; answers.</source>
        <translation>您对本案件的校准评查已完成，不可再改；“校准”标签页 (Ctrl+Shift+C) 将其与其他评查人的答案并列显示。</translation>
    </message>
    <message>
        <source>Calibration review: your own blind judgement of the case. Once you complete it, it is final and the other reviewers&apos; answers appear in the Calibration tab (Ctrl+Shift+C).</source>
        <translation>校准评查：您对本案件的独立盲评。完成后不可再改，其他评查人的答案将显示在“校准”标签页 (Ctrl+Shift+C) 中。</translation>
    </message>
    <message>
        <source>This review is already signed off.</source>
        <translation>此评查已确认。</translation>
    </message>
    <message>
        <source>Review not complete</source>
        <translation>评查未完成</translation>
    </message>
    <message>
        <source>Review completed: %1. Ctrl+N opens the next case.</source>
        <translation>评查已完成：%1。按 Ctrl+N 打开下一件案件。</translation>
    </message>
    <message>
        <source>Not signed off</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>Signed off and locked.</source>
        <translation>已确认并锁定。</translation>
    </message>
    <message>
        <source>Only a signed-off review can be reopened.</source>
        <translation>只有已确认的评查才能重新打开。</translation>
    </message>
    <message>
        <source>Reopen review</source>
        <translation>重新打开评查</translation>
    </message>
    <message>
        <source>Why is this signed-off review reopened? The reason is kept in the audit log.</source>
        <translation>为什么要重新打开这项已确认的评查？理由将记入审计记录。</translation>
    </message>
    <message>
        <source>Not reopened</source>
        <translation>未重新打开</translation>
    </message>
    <message>
        <source>Reopened; answers can be changed again.</source>
        <translation>已重新打开，可以再次修改检查结果。</translation>
    </message>
</context>
<context>
    <name>ReviewerDialog</name>
    <message>
        <source>Who is reviewing?</source>
        <translation>评查人是谁？</translation>
    </message>
    <message>
        <source>Change reviewer</source>
        <translation>更换评查人</translation>
    </message>
    <message>
        <source>Reviews, answers and sign-offs in the workspace “%1” are recorded under this name. It is asked once for this workspace and can be changed later with File &gt; Change reviewer.</source>
        <translation>工作区“%1”中的评查、作答和确认都以此姓名记录。每个工作区只询问一次，之后可通过“文件 &gt; 更换评查人”修改。</translation>
    </message>
    <message>
        <source>Your computer login, %1, is kept beside the name in the audit log.</source>
        <translation>您的计算机登录名 %1 将与姓名一并记入审计日志。</translation>
    </message>
    <message>
        <source>Reviewer name (type it, or pick a name this workspace knows):</source>
        <translation>评查人姓名（可直接输入，或从本工作区已有的姓名中选择）：</translation>
    </message>
</context>
<context>
    <name>RiskBand</name>
    <message>
        <source>no risk</source>
        <translation>无风险</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
</context>
<context>
    <name>RiskBox</name>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Score %1, %2 risk</source>
        <translation>风险分值 %1，风险等级：%2</translation>
    </message>
</context>
<context>
    <name>RoundProgressDialog</name>
    <message>
        <source>Round progress</source>
        <translation>轮次进度</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评查人</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已评查</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>Stratum or lot</source>
        <translation>层或批</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>总体</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>抽取</translation>
    </message>
    <message>
        <source>Lot verdict</source>
        <translation>批判定</translation>
    </message>
    <message>
        <source>Round:</source>
        <translation>轮次：</translation>
    </message>
    <message>
        <source>Per reviewer</source>
        <translation>按评查人</translation>
    </message>
    <message>
        <source>Per stratum or lot</source>
        <translation>按层或批</translation>
    </message>
    <message>
        <source>No review round yet: draw one with Rounds &gt; New review round.</source>
        <translation>尚无评查轮次：请通过“轮次 &gt; 新建评查轮次”抽取。</translation>
    </message>
    <message>
        <source>%1 · %2 of %3 cases reviewed (%4), %5 left.</source>
        <translation>%1 · %3 件中已评查 %2 件（%4），剩余 %5 件。</translation>
    </message>
    <message>
        <source>(not assigned)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>(whole round)</source>
        <translation>（整个轮次）</translation>
    </message>
</context>
<context>
    <name>RoundWizard</name>
    <message>
        <source>IP type</source>
        <translation>知识产权类型</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>审查部门</translation>
    </message>
    <message>
        <source>Examiner</source>
        <translation>审查员</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>结案方式</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>审查程序</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分类号</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>Decision year</source>
        <translation>结案年度</translation>
    </message>
    <message>
        <source>Decision quarter</source>
        <translation>结案季度</translation>
    </message>
    <message>
        <source>Decision month</source>
        <translation>结案月份</translation>
    </message>
    <message>
        <source>Risk band</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Simple random</source>
        <translation>简单随机抽样</translation>
    </message>
    <message>
        <source>Systematic (random start)</source>
        <translation>系统抽样（随机起点）</translation>
    </message>
    <message>
        <source>Stratified</source>
        <translation>分层抽样</translation>
    </message>
    <message>
        <source>Acceptance per lot (ISO 2859-1)</source>
        <translation>逐批验收（ISO 2859-1）</translation>
    </message>
    <message>
        <source>Risk-based (probability by risk score)</source>
        <translation>风险抽样（按风险分值定概率）</translation>
    </message>
    <message>
        <source>Proportional</source>
        <translation>按比例分配</translation>
    </message>
    <message>
        <source>Equal</source>
        <translation>等量分配</translation>
    </message>
    <message>
        <source>Neyman (expected rate per stratum)</source>
        <translation>奈曼分配（按各层预期合格率）</translation>
    </message>
    <message>
        <source>Over-sample high risk bands</source>
        <translation>多抽高风险等级</translation>
    </message>
    <message>
        <source>decided %1 to %2</source>
        <translation>结案日 %1 至 %2</translation>
    </message>
    <message>
        <source>decided on or after %1</source>
        <translation>结案日不早于 %1</translation>
    </message>
    <message>
        <source>decided on or before %1</source>
        <translation>结案日不晚于 %1</translation>
    </message>
    <message>
        <source>all cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <source>%1: lots by %2, AQL %3</source>
        <translation>%1：按%2分批，AQL %3</translation>
    </message>
    <message>
        <source>%1 cases</source>
        <translation>%1 件</translation>
    </message>
    <message>
        <source>confidence %1, margin ±%2, expected compliance %3</source>
        <translation>置信水平 %1，允许误差 ±%2，预期合格率 %3</translation>
    </message>
    <message>
        <source>floor %1</source>
        <translation>下限 %1</translation>
    </message>
    <message>
        <source>by %1, %2 allocation, at least %3 per stratum</source>
        <translation>按%1分层，%2，每层至少 %3 件</translation>
    </message>
    <message>
        <source>New review round</source>
        <translation>新建评查轮次</translation>
    </message>
    <message>
        <source>Drawing %1</source>
        <translation>正在抽取 %1</translation>
    </message>
    <message>
        <source>Cannot draw the round</source>
        <translation>无法抽取评查轮次</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>SectionTree</name>
    <message>
        <source>Sections and items</source>
        <translation>分组与评查项</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>添加分组</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加评查项</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up (Alt+Up)</source>
        <translation>上移 (Alt+Up)</translation>
    </message>
    <message>
        <source>Down (Alt+Down)</source>
        <translation>下移 (Alt+Down)</translation>
    </message>
    <message>
        <source>Template details (name, types, categories)</source>
        <translation>模板详情（名称、类型、差错类别）</translation>
    </message>
    <message>
        <source>(untitled section)</source>
        <translation>（未命名分组）</translation>
    </message>
    <message>
        <source>(no question yet)</source>
        <translation>（尚未填写检查内容）</translation>
    </message>
    <message>
        <source>Delete section</source>
        <translation>删除分组</translation>
    </message>
    <message>
        <source>Delete the section “%1” and its items?</source>
        <translation>删除分组“%1”及其所有评查项？</translation>
    </message>
</context>
<context>
    <name>SeverityLegend</name>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message>
        <source>Read-only: another window is using this workspace</source>
        <translation>只读：另一个窗口正在使用此工作区</translation>
    </message>
    <message>
        <source>Reading the queue...</source>
        <translation>正在读取案件队列…</translation>
    </message>
    <message>
        <source>%1 of %2 cases shown</source>
        <translation>显示 %1 件，共 %2 件</translation>
    </message>
    <message>
        <source>1 case</source>
        <translation>1 件案件</translation>
    </message>
    <message>
        <source>%1 cases</source>
        <translation>%1 件案件</translation>
    </message>
    <message>
        <source>Checking the workspace...</source>
        <translation>正在检查工作区……</translation>
    </message>
    <message>
        <source>Verified intact</source>
        <translation>完整性已验证</translation>
    </message>
    <message>
        <source>On opening, the audit chain, the answers and the database were checked and found intact.</source>
        <translation>打开时已检查审计链、检查结果和数据库，均完整无损。</translation>
    </message>
    <message>
        <source>Workspace intact</source>
        <translation>工作区完整</translation>
    </message>
    <message>
        <source>The audit chain, the answers and the database are intact.</source>
        <translation>审计链、检查结果和数据库均完整无损。</translation>
    </message>
    <message numerus="yes">
        <source>Workspace NOT intact (%n problem(s))</source>
        <translation>
            <numerusform>工作区不完整（%n 处问题）</numerusform>
        </translation>
    </message>
    <message>
        <source>This workspace was changed outside the application, or is damaged. The audit trail can no longer be trusted for what is listed below. Keep a copy of the file and tell your quality manager or IT.</source>
        <translation>此工作区曾在本程序之外被修改，或已损坏。下列内容的审计记录已不可信。请保留该文件的副本，并告知质量管理人员或信息技术部门。</translation>
    </message>
    <message numerus="yes">
        <source>... and %n more (see the log file, or run: main.py verify)</source>
        <translation>
            <numerusform>……另有 %n 处（详见日志文件，或运行：main.py verify）</numerusform>
        </translation>
    </message>
    <message>
        <source>The workspace is not intact</source>
        <translation>工作区不完整</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>months</source>
        <translation>个月</translation>
    </message>
    <message>
        <source>Pendency targets</source>
        <translation>审查周期目标</translation>
    </message>
    <message>
        <source>How long from filing to decision each IP type may take. The Trend page shows, per period, the share of cases decided within it. Months are stored as whole days (a month is 365.25 / 12 days); every change is kept in the audit log.</source>
        <translation>各知识产权类型从申请日到结案日允许的时长。趋势页按期间显示在此期限内结案的案件比例。以月设定的目标按整天数保存（每月按 365.25 / 12 天计）；每次修改都记入审计日志。</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>未设目标</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>set by %1 on %2</source>
        <translation>由 %1 于 %2 设定</translation>
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
    <name>TemplateForm</name>
    <message>
        <source>e.g. substantive_examination, screening</source>
        <translation>例如：substantive_examination, screening</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Add category</source>
        <translation>添加类别</translation>
    </message>
    <message>
        <source>Remove category</source>
        <translation>删除类别</translation>
    </message>
    <message>
        <source>Template id</source>
        <translation>模板 ID</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>适用类型</translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation>审查程序</translation>
    </message>
    <message>
        <source>Error categories</source>
        <translation>差错类别</translation>
    </message>
    <message>
        <source>stored up to version %1; saving a change stores version %2</source>
        <translation>已存储至版本 %1；保存修改将存为版本 %2</translation>
    </message>
    <message>
        <source>new template; saved as version %1</source>
        <translation>新模板；将保存为版本 %1</translation>
    </message>
</context>
<context>
    <name>TileBoard</name>
    <message>
        <source>Compliant (no error)</source>
        <translation>合格（无差错）</translation>
    </message>
    <message>
        <source>With minor findings only (defect)</source>
        <translation>仅有一般问题（瑕疵）</translation>
    </message>
    <message>
        <source>With an error (critical or major finding)</source>
        <translation>有差错（严重或重大问题）</translation>
    </message>
    <message>
        <source>Cases reviewed</source>
        <translation>已评查案件</translation>
    </message>
    <message>
        <source>Findings recorded</source>
        <translation>已记录问题</translation>
    </message>
    <message>
        <source>Review time per case</source>
        <translation>每案评查用时</translation>
    </message>
    <message>
        <source>Days from filing to decision, by IP type</source>
        <translation>从申请到结案的天数（按类型）</translation>
    </message>
    <message>
        <source>no reviewed cases</source>
        <translation>尚无已评查案件</translation>
    </message>
    <message>
        <source>%3 of %4 reviewed · likely between %1 and %2 (95% interval)</source>
        <translation>已评查 %4 件中 %3 件 · 很可能在 %1 至 %2 之间（95% 区间）</translation>
    </message>
    <message>
        <source>Hájek estimate; 95% interval %1–%2 · %3 reviewed</source>
        <translation>Hájek 估计；95% 区间 %1–%2 · 已评查 %3 件</translation>
    </message>
    <message>
        <source>Stratified estimate; 95% interval %1–%2 · %3 reviewed</source>
        <translation>分层估计；95% 区间 %1–%2 · 已评查 %3 件</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>目标 %1</translation>
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
        <source>half the cases took less; 9 in 10 took under %1 min · %2 cases timed</source>
        <translation>一半案件用时更短；九成案件用时不到 %1 分钟 · 计时案件 %2 件</translation>
    </message>
    <message>
        <source>%1 %2 d</source>
        <translation>%1 %2 天</translation>
    </message>
    <message>
        <source>median days; cases: %1</source>
        <translation>天数中位数；案件数：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>no cases with both dates</source>
        <translation>无同时具有两个日期的案件</translation>
    </message>
</context>
<context>
    <name>TrendActions</name>
    <message>
        <source>&amp;Trends view</source>
        <translation>趋势视图(&amp;T)</translation>
    </message>
    <message>
        <source>Pendency tar&amp;gets...</source>
        <translation>审查周期目标(&amp;G)...</translation>
    </message>
    <message numerus="yes">
        <source>Pendency targets saved (%n IP type(s) changed).</source>
        <translation>
            <numerusform>审查周期目标已保存（%n 个类型有变更）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrendPage</name>
    <message>
        <source>Compliance rate</source>
        <translation>合格率</translation>
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
        <source>Which series to draw: all cases, the largest groups by number of reviewed cases beside all cases, or one group</source>
        <translation>显示哪些序列：全部案件；已评查案件数最多的几个分组（附全部案件）；或单个分组</translation>
    </message>
    <message>
        <source>Choose one group to see its 95% interval; every point&apos;s tooltip gives it.</source>
        <translation>选择单个分组可显示其 95% 区间；各点的提示中也有该区间。</translation>
    </message>
    <message>
        <source>No case in scope has a date to place it in a period.</source>
        <translation>统计范围内没有可归入期间的带日期案件。</translation>
    </message>
    <message>
        <source>Median pendency, filing to decision (days)</source>
        <translation>审查周期中位数，申请日至结案日（天）</translation>
    </message>
    <message>
        <source>Decided within the pendency target</source>
        <translation>在审查周期目标内结案的比例</translation>
    </message>
    <message>
        <source>Median active review time (minutes)</source>
        <translation>实际评查用时中位数（分钟）</translation>
    </message>
    <message>
        <source>No case with both dates.</source>
        <translation>没有同时具有申请日和结案日的案件。</translation>
    </message>
    <message>
        <source>No pendency target set (Review &gt; Pendency targets...).</source>
        <translation>未设定审查周期目标（评查 &gt; 审查周期目标...）。</translation>
    </message>
    <message>
        <source>No review time recorded.</source>
        <translation>未记录评查用时。</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>比率：</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <source>Every IP type</source>
        <translation>所有知识产权类型</translation>
    </message>
    <message>
        <source>Every department</source>
        <translation>所有审查部门</translation>
    </message>
    <message>
        <source>The %1 largest departments</source>
        <translation>案件最多的 %1 个审查部门</translation>
    </message>
    <message>
        <source>%1 case(s) without a decision date are in no period.</source>
        <translation>%1 件无结案日的案件未归入任何期间。</translation>
    </message>
    <message>
        <source>%1 reviewed case(s) without a completion date are in no period.</source>
        <translation>%1 件无评查完成日期的已评查案件未归入任何期间。</translation>
    </message>
    <message>
        <source>A stratified round: each period&apos;s rates are shares of its reviewed cases, not weighted estimates.</source>
        <translation>分层抽样轮次：各期间比率为该期间已评查案件中的比例，而非加权估计。</translation>
    </message>
    <message>
        <source>A hollow point is a period still running.</source>
        <translation>空心点表示尚未结束的期间。</translation>
    </message>
    <message>
        <source>No reviewed case in these periods.</source>
        <translation>这些期间内没有已评查案件。</translation>
    </message>
    <message>
        <source>%1 per month, by decision date (95% interval)</source>
        <translation>各月%1，按结案日（95% 区间）</translation>
    </message>
    <message>
        <source>%1 per month, by review date (95% interval)</source>
        <translation>各月%1，按评查日期（95% 区间）</translation>
    </message>
    <message>
        <source>%1 per quarter, by decision date (95% interval)</source>
        <translation>各季度%1，按结案日（95% 区间）</translation>
    </message>
    <message>
        <source>%1 per quarter, by review date (95% interval)</source>
        <translation>各季度%1，按评查日期（95% 区间）</translation>
    </message>
    <message>
        <source>%1 · %2: %3 (95% interval %4), %5 of %6 reviewed</source>
        <translation>%1 · %2：%3（95% 区间 %4），已评查 %6 件中 %5 件</translation>
    </message>
    <message>
        <source>The period is still running.</source>
        <translation>该期间尚未结束。</translation>
    </message>
    <message>
        <source>%1 · %2: median %3 days, %4 decided</source>
        <translation>%1 · %2：中位数 %3 天，结案 %4 件</translation>
    </message>
    <message>
        <source>Median pendency, filing to decision (days): %1</source>
        <translation>审查周期中位数（天）：%1</translation>
    </message>
    <message>
        <source>Decided within the pendency target: %1</source>
        <translation>在审查周期目标内结案的比例：%1</translation>
    </message>
    <message>
        <source>Median active review time (minutes): %1</source>
        <translation>实际评查用时中位数（分钟）：%1</translation>
    </message>
    <message>
        <source>%1: median %2 min, %3 timed review(s)</source>
        <translation>%1：中位数 %2 分钟，%3 件评查记录了用时</translation>
    </message>
    <message>
        <source>%1 · %2: %3 decided within %4 days (%5 of %6; 95% interval %7)</source>
        <translation>%1 · %2：%3 在 %4 天内结案（%6 件中 %5 件；95% 区间 %7）</translation>
    </message>
</context>
<context>
    <name>TrendPanel</name>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Control chart</source>
        <translation>控制图</translation>
    </message>
    <message>
        <source>Funnel plot</source>
        <translation>漏斗图</translation>
    </message>
    <message>
        <source>Period comparison</source>
        <translation>期间对比</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>结案日</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>评查日期</translation>
    </message>
    <message>
        <source>A case falls in the period of its decision date, or of the day its review was completed</source>
        <translation>案件按其结案日，或其评查完成之日归入期间</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>审查部门</translation>
    </message>
    <message>
        <source>IP type</source>
        <translation>知识产权类型</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不分组</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>Placed by:</source>
        <translation>归入依据：</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>分组：</translation>
    </message>
</context>
<context>
    <name>TrendText</name>
    <message>
        <source>All cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <source>(no department)</source>
        <translation>（无部门）</translation>
    </message>
    <message>
        <source>– (none reviewed)</source>
        <translation>–（无已评查）</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1（%3 件中 %2 件）</translation>
    </message>
    <message>
        <source>%1 to %2 points</source>
        <translation>%1 至 %2 个百分点</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;Import cases...</source>
        <translation>导入案件(&amp;I)...</translation>
    </message>
    <message>
        <source>Import with &amp;column mapping...</source>
        <translation>按列映射导入(&amp;C)...</translation>
    </message>
    <message>
        <source>Im&amp;ports...</source>
        <translation>导入记录(&amp;P)...</translation>
    </message>
    <message>
        <source>&amp;Load demo cases...</source>
        <translation>载入演示案件(&amp;L)...</translation>
    </message>
    <message>
        <source>&amp;Export workbook...</source>
        <translation>导出工作簿(&amp;E)...</translation>
    </message>
    <message>
        <source>Export report as P&amp;DF...</source>
        <translation>导出 PDF 报告(&amp;D)...</translation>
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
        <translation>撤销作答(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo answer</source>
        <translation>重做作答(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Sign off review</source>
        <translation>确认评查(&amp;S)</translation>
    </message>
    <message>
        <source>Re&amp;open signed-off review...</source>
        <translation>重新打开已确认的评查(&amp;O)...</translation>
    </message>
    <message>
        <source>&amp;Find cases</source>
        <translation>查找案件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;History of the case</source>
        <translation>案件历史(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Verify workspace integrity</source>
        <translation>校验工作区完整性(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;New checklist...</source>
        <translation>新建评查表(&amp;N)...</translation>
    </message>
    <message>
        <source>&amp;Edit checklists...</source>
        <translation>编辑评查表(&amp;E)...</translation>
    </message>
    <message>
        <source>&amp;New review round...</source>
        <translation>新建评查轮次(&amp;N)...</translation>
    </message>
    <message>
        <source>&amp;Lot verdicts...</source>
        <translation>批判定结果(&amp;L)...</translation>
    </message>
    <message>
        <source>Round &amp;progress...</source>
        <translation>轮次进度(&amp;P)...</translation>
    </message>
    <message>
        <source>New &amp;calibration round...</source>
        <translation>新建校准轮次(&amp;C)...</translation>
    </message>
    <message>
        <source>Calibration &amp;view</source>
        <translation>校准视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reassign this case...</source>
        <translation>改派本案件(&amp;R)...</translation>
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
        <translation>评查表(&amp;C)</translation>
    </message>
    <message>
        <source>R&amp;ounds</source>
        <translation>评查轮次(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
</context>
<context>
    <name>WorkbenchError</name>
    <message>
        <source>{source}: the checklist template has {count} problem(s):
{problems}</source>
        <translation>{source}：评查表模板存在 {count} 处问题：
{problems}</translation>
    </message>
    <message>
        <source>No checklist template {template_id} version {version} in this workspace.</source>
        <translation>本工作区中没有评查表模板 {template_id}（版本 {version}）。</translation>
    </message>
    <message>
        <source>{source}: cannot read the checklist template ({detail}).</source>
        <translation>{source}：无法读取评查表模板（{detail}）。</translation>
    </message>
    <message>
        <source>{encoding} is not a text encoding the import can read; use e.g. utf-8, gb18030, utf-16 or leave --encoding out to detect it.</source>
        <translation>{encoding} 不是导入可以读取的文本编码；请使用 utf-8、gb18030、utf-16 等，或省略 --encoding 以自动识别。</translation>
    </message>
    <message>
        <source>The mapping file {path} cannot be used: {detail}.</source>
        <translation>无法使用列映射文件 {path}：{detail}。</translation>
    </message>
    <message>
        <source>--close takes only --round (the round to close).</source>
        <translation>--close 只需 --round（要关闭的轮次）。</translation>
    </message>
    <message>
        <source>Give the reviewers: --reviewers A,B,C.</source>
        <translation>请指定评查人：--reviewers A,B,C。</translation>
    </message>
    <message>
        <source>{option} describes the demo&apos;s round: give --round NAME with it.</source>
        <translation>{option} 用于描述演示数据的轮次：请同时给出 --round 名称。</translation>
    </message>
    <message>
        <source>Choose the scope: --round NAME, or --from DATE --to DATE (not both).</source>
        <translation>请选择范围：--round 轮次名称，或 --from 日期 --to 日期（二者只能选其一）。</translation>
    </message>
    <message>
        <source>Cannot use {path}: {detail}.</source>
        <translation>无法使用 {path}：{detail}。</translation>
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
        <source>Cannot take the backup {path} before upgrading the workspace: {detail}. Nothing was changed.</source>
        <translation>升级工作区之前无法创建备份 {path}：{detail}。未做任何更改。</translation>
    </message>
    <message>
        <source>The workspace {path} is busy (another program is writing to it). Try again when it has finished.</source>
        <translation>工作区 {path} 正忙（另一个程序正在写入）。请在其完成后重试。</translation>
    </message>
    <message>
        <source>Cannot open the workspace {path}: {detail}.</source>
        <translation>无法打开工作区 {path}：{detail}。</translation>
    </message>
    <message>
        <source>The workspace {path} is damaged ({detail}).</source>
        <translation>工作区 {path} 已损坏（{detail}）。</translation>
    </message>
    <message>
        <source>Cannot write the workspace {path}: the disk is full.</source>
        <translation>无法写入工作区 {path}：磁盘已满。</translation>
    </message>
    <message>
        <source>{path} is not a workbench workspace ({detail}); it was left as it is.</source>
        <translation>{path} 不是本工作台的工作区（{detail}）；该文件保持原样。</translation>
    </message>
    <message>
        <source>Cannot read or write the workspace {path}: a disk input/output error ({detail}).</source>
        <translation>无法读写工作区 {path}：磁盘输入/输出错误（{detail}）。</translation>
    </message>
    <message>
        <source>Upgrading the workspace {path} to schema version {version} failed ({detail}). The workspace was left at version {previous}; a backup is at {backup}.</source>
        <translation>将工作区 {path} 升级到数据结构版本 {version} 失败（{detail}）。工作区仍为版本 {previous}，备份位于 {backup}。</translation>
    </message>
    <message>
        <source>There is no workspace at {path}. Create one with import or demo, or check --db.</source>
        <translation>{path} 处没有工作区。请用 import 或 demo 创建，或检查 --db。</translation>
    </message>
    <message>
        <source>The workspace {path} is on a network folder ({fs_type}): it uses a rollback journal instead of write-ahead logging there, which is safe but slower. Only one person at a time should open it.</source>
        <translation>工作区 {path} 位于网络文件夹（{fs_type}）中：在那里它使用回滚日志而不是预写日志，这样安全但较慢。同一时间只应有一个人打开它。</translation>
    </message>
    <message>
        <source>{path} is not a workbench database ({detail}).</source>
        <translation>{path} 不是工作台数据库（{detail}）。</translation>
    </message>
    <message>
        <source>The workspace {path} cannot be changed: the file or its folder is read-only.</source>
        <translation>无法更改工作区 {path}：该文件或其所在文件夹是只读的。</translation>
    </message>
    <message>
        <source>The workspace {path} does not exist, so it cannot be opened read-only.</source>
        <translation>工作区 {path} 不存在，无法以只读方式打开。</translation>
    </message>
    <message>
        <source>The workspace {path} needs upgrading from schema version {found} to {supported} before this version can show it, and a read-only window cannot upgrade it. Close the other instance and open it normally.</source>
        <translation>工作区 {path} 需要从数据结构版本 {found} 升级到 {supported} 后本版本才能显示，而只读窗口无法升级。请关闭另一个实例后以正常方式打开。</translation>
    </message>
    <message>
        <source>The workspace {path} was written by a newer version of the workbench (schema version {found}; this version understands up to {supported}). Install the newer version to open it.</source>
        <translation>工作区 {path} 由更高版本的工作台创建（数据结构版本 {found}，本版本最高支持 {supported}）。请安装新版本后再打开。</translation>
    </message>
    <message>
        <source>The workspace {path} is busy (another program is writing to it); waiting up to {seconds} s...</source>
        <translation>工作区 {path} 正忙（另一个程序正在写入）；最多等待 {seconds} 秒……</translation>
    </message>
    <message>
        <source>--cases must be between 1 and {limit}, not {value}.</source>
        <translation>--cases 必须在 1 到 {limit} 之间，不能为 {value}。</translation>
    </message>
    <message>
        <source>--reviewed must be a fraction between 0 and 1 (e.g. 0.2), not {value}.</source>
        <translation>--reviewed 必须是 0 到 1 之间的小数（如 0.2），不能为 {value}。</translation>
    </message>
    <message>
        <source>--round-reviewed must be a fraction between 0 and 1 (e.g. 0.8), not {value}.</source>
        <translation>--round-reviewed 必须是 0 到 1 之间的小数（如 0.8），不能为 {value}。</translation>
    </message>
    <message>
        <source>The workspace {path} already holds {count} cases; build the demo in a new workspace (--db NEW.sqlite3).</source>
        <translation>工作区 {path} 中已有 {count} 件案件，请在新工作区中生成演示数据（--db NEW.sqlite3）。</translation>
    </message>
    <message>
        <source>Finding {finding_id} was changed by its reviewer after it was sent; send the feedback again and decide the new finding.</source>
        <translation>问题 {finding_id} 在发出后已被评查人修改；请重新发送反馈并对新的问题作出裁决。</translation>
    </message>
    <message>
        <source>Finding {finding_id} was already decided ({decision}) on {at}.</source>
        <translation>问题 {finding_id} 已于 {at} 裁决（{decision}）。</translation>
    </message>
    <message>
        <source>Choose one decision: uphold, overturn, or a new severity.</source>
        <translation>请选择一种裁决：维持、撤销或调整严重程度。</translation>
    </message>
    <message>
        <source>A decision needs a reason; it is kept in the audit log.</source>
        <translation>裁决需要填写理由，理由将记入审计日志。</translation>
    </message>
    <message>
        <source>There is no finding with ID {finding_id} (IDs are in the letters and response workbooks).</source>
        <translation>没有编号为 {finding_id} 的问题（编号见反馈函和答复工作簿）。</translation>
    </message>
    <message>
        <source>{path}: the PDF report must be a .pdf file.</source>
        <translation>{path}：PDF 报告必须是 .pdf 文件。</translation>
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
        <source>The feedback&apos;s language must be en or zh, not {language!r}.</source>
        <translation>反馈的语言必须是 en 或 zh，不能是 {language!r}。</translation>
    </message>
    <message>
        <source>The {count} finding(s) in the scope are of cases that name no examiner: there is no one to send them to.</source>
        <translation>所选范围内的 {count} 个问题所属案件均未填写审查员：无人可接收这些反馈。</translation>
    </message>
    <message>
        <source>No reviewed case in the scope ({scope}) has a finding: there is nothing to send.</source>
        <translation>所选范围（{scope}）内没有存在问题的已评查案件：没有可发送的反馈。</translation>
    </message>
    <message>
        <source>There is no department named {name!r} in this workspace.</source>
        <translation>本工作区中没有名为 {name!r} 的部门。</translation>
    </message>
    <message>
        <source>There is no examiner named {name!r} in this workspace.</source>
        <translation>本工作区中没有名为 {name!r} 的审查员。</translation>
    </message>
    <message>
        <source>Cannot write the feedback into {path}: {detail}.</source>
        <translation>无法将反馈写入 {path}：{detail}。</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>没有文件 {path}。</translation>
    </message>
    <message>
        <source>Cannot make a work copy of {path} in {folder}: {detail}.</source>
        <translation>无法在 {folder} 中创建 {path} 的工作副本：{detail}。</translation>
    </message>
    <message>
        <source>{path} is {kind}, not a regular file.</source>
        <translation>{path} 是{kind}，不是普通文件。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {detail}.</source>
        <translation>无法读取 {path}：{detail}。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {detail}.</source>
        <translation>无法写入 {path}：{detail}。</translation>
    </message>
    <message>
        <source>A funnel plot compares departments or examiners (got {value!r}).</source>
        <translation>漏斗图比较的是审查部门或审查员（收到 {value!r}）。</translation>
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
        <source>“{value}” in {column} is not an applicant type (natural person, company, university or institute); the case was imported without it and the value kept with its other data.</source>
        <translation>{column}中的“{value}”不是申请人类型（自然人、企业、大专院校或者科研单位）；案件已导入但不含该项，原值保存在案件的其他数据中。</translation>
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
        <source>The delimiter {delimiter!r} cannot be used: give one character, or &apos;tab&apos;.</source>
        <translation>无法使用分隔符 {delimiter!r}：请给出单个字符，或 &apos;tab&apos;（制表符）。</translation>
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
        <source>The classification “{value}” was a date made by a spreadsheet program; recovered as the Locarno class {recovered}.</source>
        <translation>分类号“{value}”是电子表格程序生成的日期；已恢复为洛迦诺分类号 {recovered}。</translation>
    </message>
    <message>
        <source>The case {value} is already in the workspace with different details ({fields}); it was kept as it was. Import with &apos;update&apos; to replace it.</source>
        <translation>案件 {value} 已在工作区中，但信息不同（{fields}），已保留原有信息。如需替换，请以 &apos;update&apos; 方式导入。</translation>
    </message>
    <message>
        <source>“{value}” in {column} is a date where text was expected: a spreadsheet program may have turned the text into a date; check the source.</source>
        <translation>{column} 中的“{value}”应为文本却是日期：可能是电子表格程序把文本转成了日期，请核对源文件。</translation>
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
        <translation>重复的表头行，不是案件。</translation>
    </message>
    <message>
        <source>{path}, line {line}: a cell is longer than {limit} characters; the file is probably damaged.</source>
        <translation>{path}，第 {line} 行：有一个单元格超过 {limit} 个字符，文件可能已损坏。</translation>
    </message>
    <message>
        <source>The IP type cannot be told from {value}; add an IP type column.</source>
        <translation>无法根据 {value} 判断知识产权类型，请添加知识产权类型列。</translation>
    </message>
    <message>
        <source>{path}, line {line}: the file holds more than {limit} cells; import it in parts.</source>
        <translation>{path}，第 {line} 行：文件的单元格超过 {limit} 个，请分成几部分导入。</translation>
    </message>
    <message>
        <source>{path}, line {line}: a row has more than {limit} columns (a cell merged or spanned too far?); the file is not imported.</source>
        <translation>{path}，第 {line} 行：一行超过 {limit} 列（单元格合并或跨列过远？），文件未导入。</translation>
    </message>
    <message>
        <source>{path}, line {line}: more than {limit} rows are blank or cannot be imported; nothing was imported (is it the right file, and the right header row?).</source>
        <translation>{path}，第 {line} 行：超过 {limit} 行为空行或无法导入，未导入任何内容（文件和表头行是否选对？）。</translation>
    </message>
    <message>
        <source>{path}: the part {part} is compressed more than {limit} times (a zip bomb?); the workbook is not imported.</source>
        <translation>{path}：其中的部件 {part} 压缩比超过 {limit} 倍（压缩炸弹？），工作簿未导入。</translation>
    </message>
    <message>
        <source>{path}: the sheet {part} spans {rows} rows by {columns} columns, more than {limit} cells; the workbook is not imported.</source>
        <translation>{path}：工作表 {part} 跨 {rows} 行 × {columns} 列，超过 {limit} 个单元格，工作簿未导入。</translation>
    </message>
    <message>
        <source>{path}, line {line}: merged or spanned cells fill in more than {limit} cells; the file is not imported.</source>
        <translation>{path}，第 {line} 行：合并或跨行跨列的单元格填充超过 {limit} 个单元格，文件未导入。</translation>
    </message>
    <message>
        <source>{path}: the sheet {part} holds more than {limit} MB of text, with the shared text its cells repeat; the workbook is not imported.</source>
        <translation>{path}：工作表 {part} 的文本（连同其单元格重复引用的共享文本）超过 {limit} MB，工作簿未导入。</translation>
    </message>
    <message>
        <source>{path}: the workbook unpacks to more than {limit} MB (at {part}); it is not imported.</source>
        <translation>{path}：工作簿解压后超过 {limit} MB（在 {part} 处），未导入。</translation>
    </message>
    <message>
        <source>{path}: the workbook holds more than {limit} parts; it is not imported.</source>
        <translation>{path}：工作簿包含超过 {limit} 个部件，未导入。</translation>
    </message>
    <message>
        <source>{path}: the mapping&apos;s column {column!r} for the application number is not in the first {rows} rows of the file.</source>
        <translation>{path}：映射中申请号对应的列 {column!r} 不在文件的前 {rows} 行中。</translation>
    </message>
    <message>
        <source>The application number is missing.</source>
        <translation>缺少申请号。</translation>
    </message>
    <message>
        <source>“{value}” in {column} is not a list of Nice classes (1 to 45, e.g. 9, 35, 42); the case was imported without them and the value kept with its other data.</source>
        <translation>{column}中的“{value}”不是尼斯分类类别（1至45，例如9、35、42）；案件已导入但不含该项，原值保存在案件的其他数据中。</translation>
    </message>
    <message>
        <source>{path}: every sheet is empty.</source>
        <translation>{path}：所有工作表均为空。</translation>
    </message>
    <message>
        <source>{path}: no column of application numbers was found in the first {rows} rows (columns seen: {headers}). Say which column holds what: in the window, or with --mapping FILE.json.</source>
        <translation>{path}：在前 {rows} 行中未找到申请号列（已识别的列：{headers}）。请指定各列的内容：在窗口中指定，或使用 --mapping FILE.json。</translation>
    </message>
    <message>
        <source>{path}: line {line} cannot be the header: the first {rows} rows hold the table&apos;s header.</source>
        <translation>{path}：第 {line} 行不能作为表头：表头须位于前 {rows} 行内。</translation>
    </message>
    <message>
        <source>{path}: there is no sheet named {sheet!r} (sheets: {sheets}).</source>
        <translation>{path}：没有名为 {sheet!r} 的工作表（现有工作表：{sheets}）。</translation>
    </message>
    <message>
        <source>{path}: this is a folder, not a file.</source>
        <translation>{path}：这是一个文件夹，不是文件。</translation>
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
        <source>“{value}” is a date where the application number should be: a spreadsheet program turned the number into a date; export the column as text.</source>
        <translation>申请号处的“{value}”是日期：电子表格程序把申请号转成了日期，请将该列按文本导出。</translation>
    </message>
    <message>
        <source>“{value}” is an application number that a spreadsheet shortened to scientific notation, so its digits are lost; export the column as text.</source>
        <translation>“{value}”是被电子表格缩写为科学计数法的申请号，部分数字已丢失；请将该列以文本格式导出。</translation>
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
        <source>{path}, line {line}: a quoted cell starts here and is never closed (a stray &quot; at the start of a cell?); nothing was imported.</source>
        <translation>{path}，第 {line} 行：从此处开始的带引号单元格没有结束引号（单元格开头是否多了一个 &quot;？）；未导入任何数据。</translation>
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
        <source>“{value}” in {column} does not say whether use was shown (yes or no); the case was imported without it and the value kept with its other data.</source>
        <translation>{column}中的“{value}”不能表明是否已提交使用证据（是或者否）；案件已导入但不含该项，原值保存在案件的其他数据中。</translation>
    </message>
    <message>
        <source>The import of {file} cannot be removed: {count} of its {total} cases are used by review work ({uses}), for example {examples}. Nothing was removed.</source>
        <translation>无法删除 {file} 的导入：其 {total} 件案件中有 {count} 件已用于评查工作（{uses}），例如 {examples}。未删除任何内容。</translation>
    </message>
    <message>
        <source>There is no import number {import_id} in this workspace.</source>
        <translation>本工作区中没有编号为 {import_id} 的导入记录。</translation>
    </message>
    <message>
        <source>The mapping names an unknown case field {field!r} for the column {column!r} (known: {known}).</source>
        <translation>映射为列 {column!r} 指定了未知的案件字段 {field!r}（可用字段：{known}）。</translation>
    </message>
    <message>
        <source>Unknown side {side!r}: use master or package.</source>
        <translation>未知的一方 {side!r}：请使用 master（本地工作区）或 package（工作包）。</translation>
    </message>
    <message>
        <source>{name}: {count} item(s) in {reviews} review(s) were changed both here and in the package since it was exported; nothing of it was merged. Choose with --prefer master or --prefer package, or merge it in the application.</source>
        <translation>{name}：自导出以来，{reviews} 件评查中的 {count} 个评查项在本地和工作包中都被修改过；该工作包的内容均未合并。请用 --prefer master 或 --prefer package 指定保留哪一方，或在应用程序中合并。</translation>
    </message>
    <message>
        <source>{name} does not match the package exported here under its id ({detail}); it is refused.</source>
        <translation>{name} 与本地以同一 ID 导出的工作包不一致（{detail}），已拒绝。</translation>
    </message>
    <message>
        <source>{name}: audit entry {entry} is about review {review}, which is not in the package; the package is refused.</source>
        <translation>{name}：审计记录 {entry} 涉及的评查 {review} 不在该工作包中，已拒绝该工作包。</translation>
    </message>
    <message>
        <source>{name} was written by a newer version of the workbench (schema version {found}; this version reads up to {supported}). Install the newer version to merge it.</source>
        <translation>{name} 由更高版本的工作台写入（数据结构版本 {found}，本版本最高可读取 {supported}）。请安装新版本后再合并。</translation>
    </message>
    <message>
        <source>{name} holds case {case}, which this workspace does not have.</source>
        <translation>{name} 中包含本工作区没有的案件 {case}。</translation>
    </message>
    <message>
        <source>{name} is from round {round!r}, which this workspace does not have (the package was exported from another workspace).</source>
        <translation>{name} 属于评查轮次 {round!r}，而本工作区没有该轮次（该工作包是从其他工作区导出的）。</translation>
    </message>
    <message>
        <source>Calibration round {round!r} was closed on {at}; its reviews are final, so no work package is written for it.</source>
        <translation>校准轮次 {round!r} 已于 {at} 关闭，其评查不可再改，因此不为其生成工作包。</translation>
    </message>
    <message>
        <source>{reviewer!r} is not a reviewer of calibration round {round!r} (its reviewers: {reviewers}).</source>
        <translation>{reviewer!r} 不是校准轮次 {round!r} 的评查人（该轮次的评查人：{reviewers}）。</translation>
    </message>
    <message>
        <source>{name} is damaged ({detail}). Ask for the file again.</source>
        <translation>{name} 已损坏（{detail}）。请重新索取该文件。</translation>
    </message>
    <message>
        <source>{path} already exists; choose another name, or replace it (--force).</source>
        <translation>{path} 已存在；请另选名称，或替换该文件（--force）。</translation>
    </message>
    <message>
        <source>{name} is a work package of format {found}, which this version does not know (it reads format {known}). Install the newer version of the workbench.</source>
        <translation>{name} 是格式 {found} 的工作包，本版本无法识别（本版本读取格式 {known}）。请安装新版本的工作台。</translation>
    </message>
    <message>
        <source>This workspace is itself a work package. Packages are exported from, and merged into, the manager&apos;s workspace.</source>
        <translation>此工作区本身是一个工作包。工作包须从质量管理人员的工作区导出，并合并回该工作区。</translation>
    </message>
    <message>
        <source>Reviewer {reviewer!r} has no cases in round {round!r} (its reviewers: {reviewers}).</source>
        <translation>评查人 {reviewer!r} 在评查轮次 {round!r} 中没有案件（该轮次的评查人：{reviewers}）。</translation>
    </message>
    <message>
        <source>{name} is a workspace, not a work package.</source>
        <translation>{name} 是工作区，不是工作包。</translation>
    </message>
    <message>
        <source>{name} is not a work package: it is not a workbench file.</source>
        <translation>{name} 不是工作包：它不是本工作台的文件。</translation>
    </message>
    <message>
        <source>{name} was changed outside the application, so it is refused: {problem}.</source>
        <translation>{name} 曾在本程序之外被修改，已拒绝：{problem}。</translation>
    </message>
    <message>
        <source>{name} is truncated ({found} of {expected} bytes); it was cut off when it was copied or sent. Ask for the file again.</source>
        <translation>{name} 不完整（应为 {expected} 字节，实为 {found} 字节），可能在复制或发送时被截断。请重新索取该文件。</translation>
    </message>
    <message>
        <source>Cannot read {name}: {detail}.</source>
        <translation>无法读取 {name}：{detail}。</translation>
    </message>
    <message>
        <source>Cannot write the package {path}: {detail}.</source>
        <translation>无法写入工作包 {path}：{detail}。</translation>
    </message>
    <message>
        <source>The workspace is not intact, so no package was made ({problem}). Run &apos;verify&apos; to see every problem.</source>
        <translation>工作区不完整，未生成工作包（{problem}）。运行 &apos;verify&apos; 可查看全部问题。</translation>
    </message>
    <message>
        <source>No Chinese font is installed, so the Chinese PDF cannot be written without boxes in place of the characters: install the font package fonts-wqy-microhei (or fonts-noto-cjk).</source>
        <translation>未安装中文字体，无法写出中文 PDF（否则汉字会显示为方框）：请安装字体包 fonts-wqy-microhei（或 fonts-noto-cjk）。</translation>
    </message>
    <message>
        <source>{what}: {value!r} is not a number. Give a fraction or a percentage: {rule}.</source>
        <translation>{what}：{value!r} 不是数字。请输入小数或百分数：{rule}。</translation>
    </message>
    <message>
        <source>{what} must be {bounds} (got {value!r}, read as {percent}).</source>
        <translation>{what}必须{bounds}（输入为 {value!r}，按 {percent} 理解）。</translation>
    </message>
    <message>
        <source>{what}: {value!r} is not a date; write it like 2022-06-30.</source>
        <translation>{what}：{value!r} 不是日期，请按 2022-06-30 的格式填写。</translation>
    </message>
    <message>
        <source>The period is empty: it starts on {start}, after it ends on {end}.</source>
        <translation>时间段为空：开始日期 {start} 晚于结束日期 {end}。</translation>
    </message>
    <message>
        <source>There is no round named {name!r}{known}.</source>
        <translation>没有名为 {name!r} 的评查轮次{known}。</translation>
    </message>
    <message>
        <source>Cannot write the report {path}: {detail}.</source>
        <translation>无法写入报告 {path}：{detail}。</translation>
    </message>
    <message>
        <source>{path}, row {row}, column {column} ({header}): {value!r} is not a response; choose Agree or Disagree (同意 or 不同意).</source>
        <translation>{path}，第 {row} 行，{column} 列（{header}）：{value!r} 不是有效的答复；请选择“同意”或“不同意”（Agree 或 Disagree）。</translation>
    </message>
    <message>
        <source>{path}: the columns of the sheet {sheet} were changed (column {column} holds {found!r}, expected {expected!r}).</source>
        <translation>{path}：工作表 {sheet} 的列已被改动（{column} 列为 {found!r}，应为 {expected!r}）。</translation>
    </message>
    <message>
        <source>{path}: the Signature sheet is damaged ({detail}).</source>
        <translation>{path}：签名工作表（Signature）已损坏（{detail}）。</translation>
    </message>
    <message>
        <source>{path}: the file&apos;s signature does not verify: it was changed outside the Response and Reason cells, or it is forged.</source>
        <translation>{path}：文件签名验证未通过：“答复”和“理由”以外的内容被改动过，或文件系伪造。</translation>
    </message>
    <message>
        <source>{path}, row {row}: finding {finding_id} no longer exists in this workspace.</source>
        <translation>{path}，第 {row} 行：问题 {finding_id} 在本工作区中已不存在。</translation>
    </message>
    <message>
        <source>{path} was written by another workspace; import it in the workspace that sent it.</source>
        <translation>{path} 由另一个工作区生成；请在发出该文件的工作区中导入。</translation>
    </message>
    <message>
        <source>{path} is a response workbook of format {version}, which this version cannot read.</source>
        <translation>{path} 是格式版本 {version} 的答复工作簿，本版本无法读取。</translation>
    </message>
    <message>
        <source>Give at least one response workbook to import.</source>
        <translation>请至少指定一个要导入的答复工作簿。</translation>
    </message>
    <message>
        <source>{path} has no sheet {sheet}.</source>
        <translation>{path} 中没有工作表 {sheet}。</translation>
    </message>
    <message>
        <source>{path}, row {row}, column {column} ({header}): finding {finding_id} is disputed without a reason; a Disagree needs one.</source>
        <translation>{path}，第 {row} 行，{column} 列（{header}）：问题 {finding_id} 答复为不同意但未写理由；不同意时必须填写理由。</translation>
    </message>
    <message>
        <source>{path} is not a response workbook: it has no Signature sheet.</source>
        <translation>{path} 不是答复工作簿：其中没有签名工作表（Signature）。</translation>
    </message>
    <message>
        <source>{path} is not an Excel workbook (.xlsx); a response workbook is returned as the .xlsx file it was sent as.</source>
        <translation>{path} 不是 Excel 工作簿（.xlsx）；答复工作簿应以发出时的 .xlsx 文件形式返回。</translation>
    </message>
    <message>
        <source>{path}: the row of finding {finding_id} was deleted.</source>
        <translation>{path}：问题 {finding_id} 所在的行已被删除。</translation>
    </message>
    <message>
        <source>{path}, row {row}: the row has no finding ID (rows cannot be added).</source>
        <translation>{path}，第 {row} 行：该行没有问题编号（不能增加行）。</translation>
    </message>
    <message>
        <source>{path}, row {row}: finding {finding_id} was edited by hand (only its Response and Reason may be changed).</source>
        <translation>{path}，第 {row} 行：问题 {finding_id} 被手工改动过（只能修改其“答复”和“理由”）。</translation>
    </message>
    <message>
        <source>{path}, row {row}: finding {finding_id} is listed twice (also in row {first}).</source>
        <translation>{path}，第 {row} 行：问题 {finding_id} 重复出现（第 {first} 行也有）。</translation>
    </message>
    <message>
        <source>{path}, row {row}: finding {finding_id} is not one this file was sent with.</source>
        <translation>{path}，第 {row} 行：问题 {finding_id} 不是本文件发出时所列的问题。</translation>
    </message>
    <message>
        <source>{path} is {size} MB, too large to be a response workbook (at most {limit} MB).</source>
        <translation>{path} 大小为 {size} MB，超出答复工作簿的上限（最多 {limit} MB）。</translation>
    </message>
    <message>
        <source>{path} was not sent from this workspace (its file {file_id} is unknown here).</source>
        <translation>{path} 不是由本工作区发出的（本工作区没有文件 {file_id} 的记录）。</translation>
    </message>
    <message>
        <source>{path} cannot be read as a workbook ({detail}); it may be damaged or cut short.</source>
        <translation>{path} 无法作为工作簿读取（{detail}）；文件可能已损坏或不完整。</translation>
    </message>
    <message>
        <source>{answer!r} is not an answer item {item_id} allows ({allowed}).</source>
        <translation>评查项 {item_id} 不接受检查结果 {answer!r}（可选：{allowed}）。</translation>
    </message>
    <message>
        <source>Error category {category!r} is not allowed for item {item_id} ({allowed}).</source>
        <translation>评查项 {item_id} 不允许使用差错类别 {category!r}（可选：{allowed}）。</translation>
    </message>
    <message>
        <source>A reviewer name cannot contain line breaks or control characters.</source>
        <translation>评查人姓名不能包含换行符或控制字符。</translation>
    </message>
    <message>
        <source>A reviewer name cannot be empty.</source>
        <translation>评查人姓名不能为空。</translation>
    </message>
    <message>
        <source>{name} has {count} unfinished review(s) in this workspace, begun under another login. Choose your own name; to continue one of those reviews, open it and take it over (the take-over is kept in the audit log with both names).</source>
        <translation>{name} 在本工作区有 {count} 份未完成的评查，由另一登录名开始。请选择您自己的姓名；如需继续其中某份评查，请打开并接手（接手记录连同双方姓名保存在审计日志中）。</translation>
    </message>
    <message>
        <source>A reviewer name has at most {limit} characters.</source>
        <translation>评查人姓名最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>There is no case with application number {number} in this workspace.</source>
        <translation>本工作区中没有申请号为 {number} 的案件。</translation>
    </message>
    <message>
        <source>Unknown allocation {value!r}: use proportional, equal, neyman or risk.</source>
        <translation>未知的分配方式 {value!r}：请使用 proportional、equal、neyman 或 risk。</translation>
    </message>
    <message>
        <source>The risk allocation over-samples risk bands: stratify by risk_band (got {strata}).</source>
        <translation>risk 分配按风险等级多抽：请按 risk_band 分层（当前为 {strata}）。</translation>
    </message>
    <message>
        <source>The floor of the risk size measure must be above 0 and at most 1 (got {value!r}).</source>
        <translation>风险规模度量的下限必须大于 0 且不超过 1（当前为 {value!r}）。</translation>
    </message>
    <message>
        <source>A floor only applies to the risk method (got method {method}).</source>
        <translation>下限只适用于 risk 抽样方法（当前方法为 {method}）。</translation>
    </message>
    <message>
        <source>Unknown sampling method {value!r}: use random, systematic, stratified, acceptance or risk.</source>
        <translation>未知的抽样方法 {value!r}：请使用 random、systematic、stratified、acceptance 或 risk。</translation>
    </message>
    <message>
        <source>Case {case}: the risk score must be between 0 and 1 (got {value!r}).</source>
        <translation>案件 {case}：风险分值必须在 0 到 1 之间（当前为 {value!r}）。</translation>
    </message>
    <message>
        <source>Unknown allocation method {value!r}: use proportional, equal, neyman or risk.</source>
        <translation>未知的分配方式 {value!r}：请使用 proportional、equal、neyman 或 risk。</translation>
    </message>
    <message>
        <source>Inclusion probability {probability!r}: {problem}.</source>
        <translation>入样概率 {probability!r}：{problem}。</translation>
    </message>
    <message>
        <source>A control chart&apos;s centre is the other periods&apos; rate, pooled over every period or taken from the previous ones (got {value!r}).</source>
        <translation>控制图的中心线为其他期间的比率、全部期间合并的比率或此前期间的比率（收到 {value!r}）。</translation>
    </message>
    <message>
        <source>Severity {severity!r} is not allowed for item {item_id} ({allowed}).</source>
        <translation>评查项 {item_id} 不允许使用严重程度 {severity!r}（可选：{allowed}）。</translation>
    </message>
    <message>
        <source>The calibration round of this review of case {case} is closed; its answers are final.</source>
        <translation>案件 {case} 的这份评查所在的校准轮次已关闭，其答案不可再改。</translation>
    </message>
    <message>
        <source>Your calibration review of case {case} is completed, so its answers are final: completing it showed you the other reviewers&apos; answers.</source>
        <translation>您对案件 {case} 的校准评查已完成，答案不可再改：完成后您已能看到其他评查人的答案。</translation>
    </message>
    <message>
        <source>A calibration review is its reviewer&apos;s own blind judgement of case {case}; it cannot be taken over.</source>
        <translation>校准评查是评查人对案件 {case} 的独立盲评，不能接手。</translation>
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
        <translation>没有适用于 {ip_type} 案件的评查表，请先为其添加模板。</translation>
    </message>
    <message>
        <source>Only a completed review can be signed off; complete it first (Ctrl+Enter).</source>
        <translation>只有已完成的评查才能确认；请先完成评查（Ctrl+Enter）。</translation>
    </message>
    <message>
        <source>The review is not signed off, so there is nothing to reopen.</source>
        <translation>该评查尚未确认，无需重新打开。</translation>
    </message>
    <message>
        <source>This review of case {case} belongs to {owner}; {actor} can only change it after taking it over (the take-over is kept in the audit log with both names).</source>
        <translation>案件 {case} 的这份评查属于 {owner}；{actor} 须先接手才能修改（接手会连同双方姓名记入审计日志）。</translation>
    </message>
    <message>
        <source>Reopening a signed-off review needs a reason; it is kept in the audit log.</source>
        <translation>重新打开已确认的评查须说明理由，理由将记入审计记录。</translation>
    </message>
    <message>
        <source>The review of case {case} is {status}; a finished review cannot be taken over.</source>
        <translation>案件 {case} 的评查状态为 {status}；已完成的评查不能接手。</translation>
    </message>
    <message>
        <source>There is no case with id {case_id}.</source>
        <translation>不存在 ID 为 {case_id} 的案件。</translation>
    </message>
    <message>
        <source>The checklist has no item {item_id}.</source>
        <translation>评查表中没有评查项 {item_id}。</translation>
    </message>
    <message>
        <source>There is no review with id {review_id}.</source>
        <translation>不存在 ID 为 {review_id} 的评查记录。</translation>
    </message>
    <message>
        <source>An acceptance round takes each lot&apos;s sample size from ISO 2859-1; do not give a size or a precision.</source>
        <translation>验收评查轮次按 ISO 2859-1 确定每批的样本量，请勿指定样本量或精度要求。</translation>
    </message>
    <message>
        <source>Reviewer {reviewer} already has {count} cases, their cap in round {name!r}.</source>
        <translation>评查人 {reviewer} 已有 {count} 件案件，已达到其在评查轮次 {name!r} 中的分配上限。</translation>
    </message>
    <message>
        <source>The decision-date range is empty: {start} is after {end}.</source>
        <translation>结案日期范围为空：{start} 晚于 {end}。</translation>
    </message>
    <message>
        <source>The effort for {ip_type} must be a number of zero or more (got {value!r}).</source>
        <translation>{ip_type} 的工作量必须是不小于 0 的数值（当前为 {value!r}）。</translation>
    </message>
    <message>
        <source>Effort is given for {value!r}, which is not an IP type (use {allowed}).</source>
        <translation>为 {value!r} 指定了工作量，但它不是知识产权类型（请使用 {allowed}）。</translation>
    </message>
    <message>
        <source>No cases match the filters, so there is nothing to sample.</source>
        <translation>没有符合筛选条件的案件，无法抽样。</translation>
    </message>
    <message>
        <source>Filter {clause!r}: {value!r} is not a date (use YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY).</source>
        <translation>筛选条件 {clause!r}：{value!r} 不是日期（请使用 YYYY-MM-DD、YYYY-MM、YYYY-Qn 或 YYYY 格式）。</translation>
    </message>
    <message>
        <source>Filter {clause!r}: the value is empty.</source>
        <translation>筛选条件 {clause!r}：值为空。</translation>
    </message>
    <message>
        <source>Filter {clause!r}: unknown field {field!r} (use {allowed}).</source>
        <translation>筛选条件 {clause!r}：未知字段 {field!r}（请使用 {allowed}）。</translation>
    </message>
    <message>
        <source>Filter {clause!r}: there is no import {value!r} (give its number or file name).</source>
        <translation>筛选条件 {clause!r}：没有导入记录 {value!r}（请给出其编号或文件名）。</translation>
    </message>
    <message>
        <source>Filter {clause!r}: {field} can only be compared with &apos;=&apos;.</source>
        <translation>筛选条件 {clause!r}：{field} 只能用 &apos;=&apos; 比较。</translation>
    </message>
    <message>
        <source>Filter {clause!r}: expected FIELD=VALUE, or decision_date with =, &gt;=, &lt;=, &gt; or &lt; and a date.</source>
        <translation>筛选条件 {clause!r}：应为 FIELD=VALUE 形式，或 decision_date 加 =、&gt;=、&lt;=、&gt; 或 &lt; 及一个日期。</translation>
    </message>
    <message>
        <source>The minimum per stratum must be a whole number of zero or more (got {value!r}).</source>
        <translation>每层最小样本量必须是不小于 0 的整数（当前为 {value!r}）。</translation>
    </message>
    <message>
        <source>At least {minimum} cases in each of {strata} strata makes {needed}, more than the sample of {n}: give a larger size, or a minimum of 0 per stratum (a stratum without a case is then left out of the estimate).</source>
        <translation>{strata} 个层每层至少 {minimum} 件，共需 {needed} 件，超过样本量 {n}：请增大样本量，或将每层最少案件数设为 0（没有案件的层将不计入估计）。</translation>
    </message>
    <message>
        <source>A round needs a name of 1 to {limit} characters.</source>
        <translation>评查轮次名称须为 1 至 {limit} 个字符。</translation>
    </message>
    <message>
        <source>There is already a round named {name!r}; choose another name.</source>
        <translation>已存在名为 {name!r} 的评查轮次，请另选名称。</translation>
    </message>
    <message>
        <source>Round {name!r} is not an acceptance round, so it has no lots.</source>
        <translation>评查轮次 {name!r} 不是验收评查轮次，因此没有批。</translation>
    </message>
    <message>
        <source>Case {case} is not in round {name!r}.</source>
        <translation>案件 {case} 不在评查轮次 {name!r} 中。</translation>
    </message>
    <message>
        <source>Case {case} was examined by {examiner}, so {reviewer} cannot review it.</source>
        <translation>案件 {case} 由 {examiner} 审查，因此 {reviewer} 不能评查该案件。</translation>
    </message>
    <message>
        <source>A precision needs both a confidence level and a margin of error.</source>
        <translation>按精度确定样本量须同时给出置信水平和允许误差。</translation>
    </message>
    <message>
        <source>The review of case {case} is {status}; reopen it before reassigning the case.</source>
        <translation>案件 {case} 的评查状态为 {status}；请先重新打开评查，再重新分配该案件。</translation>
    </message>
    <message>
        <source>Reviewer {reviewer!r}: the cap must be a whole number of zero or more (got {value!r}).</source>
        <translation>评查人 {reviewer!r}：分配上限必须是不小于 0 的整数（当前为 {value!r}）。</translation>
    </message>
    <message>
        <source>A reviewer needs a name (got {value!r}).</source>
        <translation>评查人须有姓名（当前为 {value!r}）。</translation>
    </message>
    <message>
        <source>The seed must be a whole number from 0 to {limit} (got {value!r}).</source>
        <translation>随机种子必须是 0 到 {limit} 之间的整数（当前为 {value!r}）。</translation>
    </message>
    <message>
        <source>The sample size must be a whole number of at least 1 (got {value!r}).</source>
        <translation>样本量必须是不小于 1 的整数（当前为 {value!r}）。</translation>
    </message>
    <message>
        <source>Give a sample size, or a confidence level and a margin of error.</source>
        <translation>请给出样本量，或给出置信水平和允许误差。</translation>
    </message>
    <message>
        <source>Give either a sample size or a precision (confidence, margin of error and expected rate), not both.</source>
        <translation>请给出样本量或精度要求（置信水平、允许误差和预期合格率）二者之一，不能同时给出。</translation>
    </message>
    <message>
        <source>Cannot stratify by {value!r}: use {allowed}.</source>
        <translation>不能按 {value!r} 分层：请使用 {allowed}。</translation>
    </message>
    <message>
        <source>A stratified sample needs a field to stratify by (e.g. department).</source>
        <translation>分层抽样需要指定分层字段（如 department）。</translation>
    </message>
    <message>
        <source>Strata only apply to the stratified and acceptance methods (got method {method}).</source>
        <translation>分层仅适用于 stratified（分层抽样）和 acceptance（逐批验收）方法（当前方法为 {method}）。</translation>
    </message>
    <message>
        <source>Stratum {stratum!r}: the expected rate must be between 0 and 1 (got {value!r}).</source>
        <translation>层 {stratum!r}：预期合格率必须在 0 到 1 之间（当前为 {value!r}）。</translation>
    </message>
    <message>
        <source>An expected rate is given for stratum {stratum!r}, which has no cases.</source>
        <translation>为层 {stratum!r} 指定了预期合格率，但该层没有案件。</translation>
    </message>
    <message>
        <source>No reviewer can take case {case}, examined by {examiner}: among {reviewers}, the others are its examiner or have reached their cap. Add a reviewer or raise a cap.</source>
        <translation>没有评查人可以承接由 {examiner} 审查的案件 {case}：{reviewers} 中的评查人或为该案审查员，或已达到分配上限。请添加评查人或提高分配上限。</translation>
    </message>
    <message>
        <source>Round {name!r} has no unassigned cases.</source>
        <translation>评查轮次 {name!r} 中没有未分配的案件。</translation>
    </message>
    <message>
        <source>There is no round named {name!r}.</source>
        <translation>没有名为 {name!r} 的评查轮次。</translation>
    </message>
    <message>
        <source>There is no case with application number {case}.</source>
        <translation>没有申请号为 {case} 的案件。</translation>
    </message>
    <message>
        <source>There is no checklist with id {checklist_id} (given for {ip_type}).</source>
        <translation>没有 ID 为 {checklist_id} 的评查表（为 {ip_type} 指定）。</translation>
    </message>
    <message>
        <source>The AQL must be one of {allowed} (got {value}).</source>
        <translation>AQL 必须为 {allowed} 之一（当前为 {value}）。</translation>
    </message>
    <message>
        <source>AQL {value} counts nonconformities per 100 units: ISO 2859-1 offers AQLs above 10 only for a count of findings per 100 cases, and this plan counts nonconforming cases. Use an AQL from 0.010 to 10.</source>
        <translation>AQL {value} 按每百单位不合格数计：ISO 2859-1 中大于 10 的 AQL 只适用于每百件案件的问题数，而本方案统计的是不合格案件数。请使用 0.010 至 10 之间的 AQL。</translation>
    </message>
    <message>
        <source>The confidence level must be at least 50% and below 100%, e.g. 0.95 (got {value}).</source>
        <translation>置信水平应不低于 50% 且低于 100%，例如 0.95（输入为 {value}）。</translation>
    </message>
    <message>
        <source>The inspection level must be S-1, S-2, S-3, S-4, I, II or III (got {value!r}).</source>
        <translation>检验水平必须为 S-1、S-2、S-3、S-4、I、II 或 III（输入为 {value!r}）。</translation>
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
        <source>Item {item_id} has no passing answer, so its finding cannot be overturned; change its severity instead.</source>
        <translation>评查项 {item_id} 没有合格选项，其问题不能撤销；请改为调整严重程度。</translation>
    </message>
    <message>
        <source>Review {review_id} has no failing answer to item {item_id}; there is nothing to decide.</source>
        <translation>评查 {review_id} 对评查项 {item_id} 没有不合格答案，无需裁决。</translation>
    </message>
    <message>
        <source>{source} holds no audit anchor (a workbook&apos;s About sheet, a work package or a text file with the hash written by the workbench).</source>
        <translation>{source} 中没有审计锚点（锚点位于工作簿的“说明”工作表、工作包，或记有本程序所写哈希值的文本文件中）。</translation>
    </message>
    <message>
        <source>Cannot read the anchor {source}: {detail}.</source>
        <translation>无法读取锚点 {source}：{detail}。</translation>
    </message>
    <message>
        <source>Calibration round {name!r} was closed on {at}; its blind phase is over.</source>
        <translation>校准轮次 {name!r} 已于 {at} 关闭，盲评阶段已结束。</translation>
    </message>
    <message>
        <source>Round {name!r} is not a calibration round.</source>
        <translation>轮次 {name!r} 不是校准轮次。</translation>
    </message>
    <message>
        <source>Calibration round {name!r} is still blind; close it first (calibrate --close --round NAME).</source>
        <translation>校准轮次 {name!r} 仍处于盲评阶段，请先关闭（calibrate --close --round NAME）。</translation>
    </message>
    <message>
        <source>Case {case} is not in calibration round {name!r}.</source>
        <translation>案件 {case} 不在校准轮次 {name!r} 中。</translation>
    </message>
    <message>
        <source>Case {case} was examined by {examiner}, who is one of the reviewers; a reviewer cannot review their own case.</source>
        <translation>案件 {case} 由 {examiner} 审查，而其为评查人之一；评查人不能评查自己审查的案件。</translation>
    </message>
    <message>
        <source>A calibration round needs at least two different reviewers (got {count}).</source>
        <translation>校准轮次至少需要两名不同的评查人（现有 {count} 名）。</translation>
    </message>
    <message>
        <source>Round {name!r} has no case that none of the reviewers examined.</source>
        <translation>轮次 {name!r} 中没有不是由这些评查人审查的案件。</translation>
    </message>
    <message>
        <source>Ask for at least one case (--size N).</source>
        <translation>请至少要求一件案件（--size N）。</translation>
    </message>
    <message>
        <source>Choose the cases one way: --size (drawn), --cases or --from-round.</source>
        <translation>请只用一种方式选择案件：--size（随机抽取）、--cases 或 --from-round。</translation>
    </message>
    <message>
        <source>Only {available} cases match; {size} were asked for.</source>
        <translation>只有 {available} 件案件符合条件，而要求 {size} 件。</translation>
    </message>
    <message>
        <source>Give --confidence and --margin (with --expected and --population if known), or --lot (with --aql and --level).</source>
        <translation>请给出 --confidence 和 --margin（已知时再加 --expected 和 --population），或给出 --lot（可加 --aql 和 --level）。</translation>
    </message>
    <message>
        <source>{option} is not used {context}; leave it out.</source>
        <translation>{option} 在此不适用（{context}），请删去。</translation>
    </message>
    <message>
        <source>The number {value} is {implied_a} number but the row says {declared}.</source>
        <translation>申请号 {value} 属于{implied_a}类型，但该行填写的类型为{declared}。</translation>
    </message>
    <message>
        <source>Unknown sample size code letter {value!r}.</source>
        <translation>未知的样本量字码 {value!r}。</translation>
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
        <source>A target rate must be between 0 and 1 (got {value}).</source>
        <translation>目标比率必须在 0 到 1 之间（当前为 {value}）。</translation>
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
        <source>{value!r}: write a target as TYPE=DAYS, e.g. invention=600 or design=4m.</source>
        <translation>{value!r}：目标请写作 类型=天数，例如 invention=600 或 design=4m。</translation>
    </message>
    <message>
        <source>{value!r} is not a pendency target; write whole days (600 or 600d) or months (20m), more than 0 and at most {limit} days.</source>
        <translation>{value!r} 不是有效的审查周期目标；请写整数天（600 或 600d）或月数（20m），大于 0 且不超过 {limit} 天。</translation>
    </message>
    <message>
        <source>{value!r} is not an IP type; use one of {known}.</source>
        <translation>{value!r} 不是案件类型；请使用以下之一：{known}。</translation>
    </message>
    <message>
        <source>A trend places cases by their decision date or by their review date (got {value!r}).</source>
        <translation>趋势按结案日或评查日归入期间（收到 {value!r}）。</translation>
    </message>
    <message>
        <source>A trend is grouped by department or by IP type, or not at all (got {value!r}).</source>
        <translation>趋势可按审查部门或案件类型分组，或不分组（收到 {value!r}）。</translation>
    </message>
    <message>
        <source>A trend is by month or by quarter (got {value!r}).</source>
        <translation>趋势按月或按季度（收到 {value!r}）。</translation>
    </message>
    <message>
        <source>There is no period {label!r} in this trend (periods: {known}).</source>
        <translation>此趋势中没有期间 {label!r}（已有期间：{known}）。</translation>
    </message>
    <message>
        <source>{name}: calibration round {round!r} was closed on {at}; its reviews are final, so the package is refused.</source>
        <translation>{name}：校准轮次 {round!r} 已于 {at} 关闭，其评查不可再改，因此已拒绝该工作包。</translation>
    </message>
    <message>
        <source>{name}: the calibration review of case {case} by {reviewer} is completed here, so its answers are final; the package would change it, so it is refused.</source>
        <translation>{name}：{reviewer} 对案件 {case} 的校准评查已在本工作区完成，答案不可再改；该工作包会修改它，因此已拒绝该工作包。</translation>
    </message>
    <message>
        <source>{name}: audit entry {entry} ({action} on {entity} {entity_id}) is in the name of {actor}, not of the package&apos;s reviewer {reviewer}; the package is refused.</source>
        <translation>{name}：审计记录 {entry}（对 {entity} {entity_id} 的 {action}）署名为 {actor}，而不是工作包的评查人 {reviewer}；已拒绝该工作包。</translation>
    </message>
    <message>
        <source>{name}: {what} concerns case {case}, which is assigned to {owner} in round {round}, not to {reviewer}; the package is refused.</source>
        <translation>{name}：{what} 涉及案件 {case}，该案件在评查轮次 {round} 中分配给 {owner}，而不是 {reviewer}；已拒绝该工作包。</translation>
    </message>
    <message>
        <source>{name}: {what}: signed off in the name of {signer}, not of the package&apos;s reviewer {reviewer}; the package is refused.</source>
        <translation>{name}：{what}：以 {signer} 的名义确认，而不是工作包的评查人 {reviewer}；已拒绝该工作包。</translation>
    </message>
    <message>
        <source>{name}: audit entry {entry} is not the entry it left with (its history was rewritten); the package is refused.</source>
        <translation>{name}：审计记录 {entry} 与导出时不同（其历史被改写）；已拒绝该工作包。</translation>
    </message>
    <message>
        <source>{name}: its audit history was shortened (it holds {found} of the {expected} entries it left with); the package is refused.</source>
        <translation>{name}：其审计历史被截短（导出时有 {expected} 条记录，现仅有 {found} 条）；已拒绝该工作包。</translation>
    </message>
    <message>
        <source>{name}: {what}: the review&apos;s {field} was changed from {old} to {new}, which a package may not do; the package is refused.</source>
        <translation>{name}：{what}：评查的 {field} 由 {old} 改为 {new}，工作包不得如此修改；已拒绝该工作包。</translation>
    </message>
    <message>
        <source>{name} was not exported from this workspace (there is no record of package {package}); only packages written here can be merged, so it is refused.</source>
        <translation>{name} 不是从本工作区导出的（没有工作包 {package} 的记录）；只能合并本工作区导出的工作包，因此已拒绝。</translation>
    </message>
    <message>
        <source>{name}: {what}: this workspace issued no such calibration review of case {case} to {reviewer} in round {round!r}; the package is refused.</source>
        <translation>{name}：{what}：本工作区未在轮次 {round!r} 中向 {reviewer} 发放案件 {case} 的此项校准评查；已拒绝该工作包。</translation>
    </message>
    <message>
        <source>{name}: {what}: review time grew by {added:.0f} s, but its audited time entries add up to {logged:.0f} s; the package is refused.</source>
        <translation>{name}：{what}：评查用时增加了 {added:.0f} 秒，但审计记录中的用时合计只有 {logged:.0f} 秒；已拒绝该工作包。</translation>
    </message>
    <message>
        <source>The answer to item {item_id} was changed elsewhere since; nothing was undone or redone.</source>
        <translation>评查项 {item_id} 的检查结果此后已在别处被修改；未执行撤销或重做。</translation>
    </message>
    <message>
        <source>The workspace is not intact ({count} problem(s)):
{problems}</source>
        <translation>工作区数据不完整（发现 {count} 处问题）：
{problems}</translation>
    </message>
</context>
<context>
    <name>WorkspaceActions</name>
    <message>
        <source>&amp;New workspace...</source>
        <translation>新建工作区(&amp;N)...</translation>
    </message>
    <message>
        <source>Open &amp;workspace...</source>
        <translation>打开工作区(&amp;W)...</translation>
    </message>
    <message>
        <source>&amp;Recent workspaces</source>
        <translation>最近的工作区(&amp;R)</translation>
    </message>
    <message>
        <source>Change re&amp;viewer...</source>
        <translation>更换评查人(&amp;V)...</translation>
    </message>
    <message>
        <source>A work package is reviewed under the name of the reviewer it was made for.</source>
        <translation>工作包以其所属评查人的姓名进行评查。</translation>
    </message>
    <message>
        <source>A read-only window records nothing, not even a name.</source>
        <translation>只读窗口不记录任何内容，包括姓名。</translation>
    </message>
    <message>
        <source>Reviewer: %1</source>
        <translation>评查人：%1</translation>
    </message>
    <message>
        <source>Reviewing as %1 (computer login %2). Click to change.</source>
        <translation>当前评查人：%1（计算机登录名 %2）。单击可更换。</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1（只读）</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1（文件不存在）</translation>
    </message>
    <message>
        <source>No workspaces opened yet</source>
        <translation>尚未打开过工作区</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <source>Workspaces (*.sqlite3)</source>
        <translation>工作区 (*.sqlite3)</translation>
    </message>
    <message>
        <source>workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <source>%1 exists already. Open it with File &gt; Open workspace, or choose another name.</source>
        <translation>%1 已存在。请通过“文件 &gt; 打开工作区”打开它，或另选一个名称。</translation>
    </message>
    <message>
        <source>Workspaces (*.sqlite3 *.db);;Work packages (*.qrpkg);;All files (*)</source>
        <translation>工作区 (*.sqlite3 *.db);;工作包 (*.qrpkg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>%1 is open in this window.</source>
        <translation>%1 已在本窗口中打开。</translation>
    </message>
    <message>
        <source>You now review as %1; the change is kept in the audit log.</source>
        <translation>您现在以 %1 的身份评查；此次更换已记入审计日志。</translation>
    </message>
    <message>
        <source>A task is still running</source>
        <translation>仍有任务在运行</translation>
    </message>
    <message>
        <source>An import, export or other task is still running in this window. Cancel it first, or keep working and try again when it is done.</source>
        <translation>本窗口中仍有导入、导出或其他任务在运行。请先取消该任务，或继续工作，待其完成后再试。</translation>
    </message>
    <message>
        <source>Cancel the task</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>继续工作</translation>
    </message>
</context>
</TS>
