"""Loading examination cases from files: readers for CSV/text (any common encoding), XLSX, XLS,
OpenDocument, HTML-as-XLS and XML Spreadsheet with limits on size, cells and spans (`readers`,
`zip_limits`...), header detection (`headers`), column mappings remembered per header
(`mappings`), dates and application numbers with their check characters (`dates`,
`identifiers`), the import itself in one transaction with a row-level report (`importer`), and the
list of imports and their removal (`history`).

May import: workbench.base, workbench.audit (an import records the digests of the cases it wrote).
"""
