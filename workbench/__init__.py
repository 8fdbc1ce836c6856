"""Quality Review Workbench: the domain layer, one package per capability. Never imports Qt."""
from foundation.paths import APP_ID  # noqa: F401  (defined where the data folder is named)

__version__ = "0.1.0"
APP_NAME = "Quality Review Workbench"
