<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong and the last action may not have finished. Your saved answers are safe.

Details were written to the log file:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the workspace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseModel</name>
    <message>
        <source>Application no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examiner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <source>Invention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utility model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trademark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compliant</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Import cases...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export workbook...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next unreviewed case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Complete review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every case is reviewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Empty workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace has no cases yet. Load the bundled demo samples (300 examination cases) to try the workbench?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read %1 rows: %2 accepted, %3 unchanged, %4 rejected, %5 skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some rows were not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1: %2 cases, %3 findings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examiner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment (C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity (1-4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category (K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No checklist applies to this kind of case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, score %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 answered, verdict %4%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Major</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advisory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review not complete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling; nothing will be changed...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkbenchError</name>
    <message>
        <source>{source}: the checklist template has {count} problem(s):
{problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No checklist template {template_id} version {version} in this workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{source}: cannot read the checklist template ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mapping file {path} cannot be used: {detail}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not a real date: that day does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not a date; write dates like 2022-06-21.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date “{value}” is outside the years {first} to {last}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading the workspace {path} to schema version {version} failed ({detail}). The workspace was left at version {previous}; a backup is at {backup}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a workbench database ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace {path} was written by a newer version of the workbench (schema version {found}; this version understands up to {supported}). Install the newer version to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: the workbook must be an .xlsx file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write {path}: {detail}. Close it if it is open in another program, or choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check character of {value} should be {expected}, found {found}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not a known IP type: use invention, utility model, design or trademark (发明, 实用新型, 外观设计, 商标).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In {value} the type digit {digit} is unknown: it should be 1 (invention), 2 (utility model), 3 (design), 8 (PCT invention) or 9 (PCT utility model).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In {value} the year {year} is not possible (expected {first} to {last}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application number is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not an application number in a known form (Chinese patent or trademark, PCT, EP or US).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown conflict policy {policy!r} (use skip or update).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}, line {line}: {detail}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: the file cannot be read as {encoding} (line {line}: {detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: the mapping does not name a column for {field}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: the spreadsheet cannot be read ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blank row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case {value} is already in the workspace with different details ({fields}); it was kept as it was. Import with &apos;update&apos; to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision date {decision} is before the filing date {filing}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case {value} appears twice in the file: lines {first} and {line}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: the file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number {value} is a {implied} number but the row says {declared}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The IP type cannot be told from {value}; add an IP type column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application number is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: every sheet is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: no column of application numbers was found in the first {rows} rows (columns seen: {headers}). Map the columns by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: there is no sheet named {sheet!r} (sheets: {sheets}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: the file does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: this is not a text or spreadsheet file that can be imported ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title or note above the header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totals or notes row, not a case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: unknown encoding {encoding!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: the file cannot be read ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the report {path}: {detail}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{answer!r} is not an answer item {item_id} allows ({allowed}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error category {category!r} is not allowed for item {item_id} ({allowed}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity {severity!r} is not allowed for item {item_id} ({allowed}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review cannot be completed yet:
{missing}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review is signed off and locked; reopen it with a reason to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No checklist applies to {ip_type} cases; add a template for it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no case with id {case_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checklist has no item {item_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no review with id {review_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AQL must be one of {allowed} (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The confidence level must be strictly between 0 and 1 (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expected rate must be between 0 and 1 (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown sample size code letter {value!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inspection level must be I, II or III (got {value!r}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lot size must be at least 1 case (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The margin of error must be greater than 0 and at most 0.5 (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of nonconforming cases must be between 0 and {sample_size} (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The population must be at least 1 case (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stratum {stratum!r}: cannot draw {n} cases from {available}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer {reviewer!r}: the cap must be zero or more (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case {case} appears more than once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer {reviewer!r} is listed more than once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case {case}: the effort must be a finite number of zero or more (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stratum {stratum!r}: the expected rate must be between 0 and 1 (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stratum {stratum!r} has no expected rate (needed for Neyman allocation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown allocation method {value!r}: use proportional, equal or neyman.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The minimum per stratum must be zero or more (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A minimum of {minimum} per stratum needs {needed} cases, more than the sample of {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample size must be between 0 and {available} (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sample of {n} is larger than the population of {population}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stratum {stratum!r}: the population must be zero or more (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seed must be a whole number (got {value!r}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reviewer can take case {case} (examiner {examiner}): the others are its examiner or have reached their cap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cap is given for {reviewer!r}, who is not a reviewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stratum {stratum!r} has an allocation but no cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-test failed: {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of cases must be zero or more (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stratum {name!r} is listed more than once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The percentile must be between 0 and 1 (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stratum {name!r}: {problem}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of successes must be between 0 and {n} (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every value must be a finite number (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace is not intact ({count} problem(s)):
{problems}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
