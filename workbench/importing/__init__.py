"""Loading examination cases from files: readers for CSV/text (any common encoding) (`readers`),
XLSX, XLS and OpenDocument (`spreadsheets`), HTML-as-XLS and XML Spreadsheet (`readers_markup`)
with limits on size, cells and spans (`read_limits`, `zip_limits`, `xls_limits`), header names
and finding the header row (`headers`, `header_finding`), column mappings remembered per header
(`mappings`), dates and application numbers with their check characters (`dates`,
`identifiers`), the import itself in one transaction (`importer`): cells as text and rows that
are no case (`row_text`), one row parsed (`row_parser`) and validated (`row_validation`), rows
stored as cases (`case_writes`), the row-level report (`import_result`), a look at a file
before importing it (`preview`), and the list of imports and their removal (`history`).

May import: foundation, workbench.audit (an import records the digests of the cases it wrote).
"""
