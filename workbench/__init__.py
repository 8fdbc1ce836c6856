"""Quality Review Workbench: the domain layer. Never imports Qt."""

__version__ = "0.1.0"
APP_NAME = "Quality Review Workbench"
APP_ID = "QualityReviewWorkbench"
