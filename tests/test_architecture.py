"""The layers point one way: ui -> workbench -> db. workbench/ and db/ never import Qt."""
import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_domain_and_db_never_import_qt_or_ui():
    offenders = []
    for package in ("workbench", "db"):
        for path in (ROOT / package).rglob("*.py"):
            bad = imported_modules(path) & {"PySide6", "shiboken6", "ui"}
            if bad:
                offenders.append(f"{path.relative_to(ROOT)} imports {sorted(bad)}")
    assert offenders == []


# What db/ may use of workbench/: error values, the fault-injection checkpoints and the file
# helpers (temp names, file kinds, OS reasons); each of these is a leaf that knows no domain rule.
DB_MAY_IMPORT = ("from workbench.errors", "from workbench import faults", "from workbench.files")
LEAVES = ("errors.py", "faults.py", "files.py")


def test_db_does_not_depend_on_domain_rules():
    for path in (ROOT / "db").rglob("*.py"):
        allowed = {"workbench"}
        source = path.read_text(encoding="utf-8")
        for line in source.splitlines():
            if line.startswith("from workbench"):
                assert line.startswith(DB_MAY_IMPORT), f"{path.name}: {line}"
        assert imported_modules(path) - allowed - set(sys.stdlib_module_names) <= {"sqlite_utils", "db"}
    for leaf in LEAVES:
        for line in (ROOT / "workbench" / leaf).read_text(encoding="utf-8").splitlines():
            if line.startswith(("from workbench", "import workbench")):
                assert line.startswith(DB_MAY_IMPORT), f"{leaf}: {line}"


def test_importing_every_domain_module_loads_no_qt():
    modules = sorted(p.stem for p in (ROOT / "workbench").glob("*.py") if p.stem != "__init__")
    code = ("import sys\n" + "".join(f"import workbench.{m}\n" for m in modules)
            + "import db.connection, db.migrate\n"
            + "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
