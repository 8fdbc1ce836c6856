"""The PySide6 front: windows, table models, dialogs and background workers. No business rules."""
