"""The packaging rules, the spec on all three platforms, the icon files and the trimmed ICU data.

Building and running the frozen executable takes a while and is CI's job (`make dist-check`,
build/build_dist.py); these tests check, quickly, what decides the build's content.
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import struct
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest

from workbench import APP_ID, APP_NAME, __version__

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
ICONS = ROOT / "resources" / "icons"


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, BUILD / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


bundle_rules = load("bundle_rules")
icu_data = load("icu_data")


# -- what goes into the bundle -----------------------------------------------------------------

@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6\\plugins\\platforms\\qwindows.dll", True),
    ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
    ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so", False),
    ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
    ("PySide6/Qt/lib/libQt6DBus.so.6", True),
    ("PySide6/Qt/lib/libQt6XcbQpa.so.6", True),
    ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
    ("PySide6/Qt/lib/libQt6Network.so.6", False),
    ("PySide6\\Qt6Qml.dll", False),
    ("PySide6/Qt/lib/QtSvg.framework/Versions/A/QtSvg", False),
    ("PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui", True),
    ("libpython3.11.so.1.0", True),
    ("PySide6\\opengl32sw.dll", False),
    ("PySide6\\Qt6Widgets.dll", True),
])
def test_binaries_kept_and_dropped(dest, kept):
    assert bundle_rules.keep_binary(dest) is kept


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/translations/qt_zh_CN.qm", False),
    ("PySide6\\translations\\qtbase_zh_CN.qm", True),
    ("resources/translations/workbench_zh_CN.qm", True),     # ours, always
    ("resources/checklists/invention_substantive.json", True),
])
def test_translations_kept_and_dropped(dest, kept):
    assert bundle_rules.keep_data(dest) is kept


def test_hook_filter_keeps_the_platform_plugins_and_chinese_qt_strings():
    binaries = [("/qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms"),
                ("/qt/plugins/platforms/libqeglfs.so", "PySide6/Qt/plugins/platforms")]
    datas = [("/qt/translations/qtbase_zh_CN.qm", "PySide6/Qt/translations"),
             ("/qt/translations/qtbase_ja.qm", "PySide6/Qt/translations")]
    hidden, kept_binaries, kept_datas = bundle_rules.filter_hook_files(["x"], binaries, datas)
    assert hidden == ["x"]
    assert kept_binaries == binaries[:1] and kept_datas == datas[:1]


def test_our_hooks_replace_pyinstallers_for_the_three_modules_we_use():
    names = sorted(p.name for p in (BUILD / "hooks").glob("hook-*.py"))
    assert names == ["hook-PySide6.QtCore.py", "hook-PySide6.QtGui.py", "hook-PySide6.QtWidgets.py"]


# -- version information -----------------------------------------------------------------------

@pytest.mark.parametrize("version, expected", [
    ("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)), ("2.0.1.7", (2, 0, 1, 7)), ("1.4.0rc2", (1, 4, 0, 2)),
    ("3.1.0+build5", (3, 1, 0, 0)),
])
def test_version_tuple(version, expected):
    assert bundle_rules.version_tuple(version) == expected


class VersionPart(SimpleNamespace):
    """Stands in for PyInstaller's version-resource classes (their module needs pefile, Windows only)."""

    def __init__(self, *args, **kwargs):
        super().__init__(args=args, **kwargs)


VERSION_CLASSES = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
                   "VarFileInfo", "VarStruct")


def test_windows_version_resource_is_filled_with_the_version(tmp_path):
    path = bundle_rules.write_version_file(BUILD / "version_info.txt", tmp_path / "v.txt",
                                           version=__version__, name=APP_NAME, app_id=APP_ID)
    text = path.read_text(encoding="utf-8")
    assert "$" not in text
    # PyInstaller eval()s the file; do the same with recording classes.
    info = eval(text, {name: type(name, (VersionPart,), {}) for name in VERSION_CLASSES})
    assert type(info).__name__ == "VSVersionInfo"
    assert info.ffi.filevers == info.ffi.prodvers == bundle_rules.version_tuple(__version__)
    [strings, _variables] = info.kids
    tables = strings.args[0]
    assert {table.args[0] for table in tables} == {"080404b0", "040904b0"}     # Chinese and English
    for table in tables:
        fields = {s.args[0]: s.args[1] for s in table.args[1]}
        assert fields["ProductVersion"] == fields["FileVersion"] == __version__
        assert fields["OriginalFilename"] == f"{APP_ID}.exe" and fields["ProductName"] == APP_NAME


# -- the spec, run with PyInstaller's build steps replaced by recorders ----------------------------

class Recorded(SimpleNamespace):
    pass


def run_spec(monkeypatch, tmp_path, platform: str) -> dict[str, list[Recorded]]:
    calls: dict[str, list[Recorded]] = {}

    def recorder(kind):
        def make(*args, **kwargs):
            item = Recorded(args=args, **kwargs)
            calls.setdefault(kind, []).append(item)
            return item
        return make

    def analysis(scripts, **kwargs):
        item = recorder("Analysis")(scripts, **kwargs)
        item.binaries = [("PySide6/Qt/plugins/platforms/libqvnc.so", "/x", "BINARY"),
                         ("PySide6/Qt/plugins/platforms/libqxcb.so", "/x", "BINARY")]
        item.datas = [("PySide6/Qt/translations/qtbase_fr.qm", "/x", "DATA")] + [
            (str(Path(dest) / Path(src).name), src, "DATA") for src, dest in kwargs["datas"]]
        item.pure, item.scripts = [], []
        return item

    namespace = {"SPECPATH": str(BUILD), "workpath": str(tmp_path / "work"), "Analysis": analysis,
                 "PYZ": recorder("PYZ"), "EXE": recorder("EXE"), "COLLECT": recorder("COLLECT"),
                 "BUNDLE": recorder("BUNDLE"), "__file__": str(BUILD / "workbench.spec")}
    monkeypatch.setattr(sys, "platform", platform)
    code = compile((BUILD / "workbench.spec").read_text(encoding="utf-8"), "workbench.spec", "exec")
    exec(code, namespace)
    calls["_namespace"] = [Recorded(**{k: namespace[k] for k in ("a",)})]
    return calls


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_spec_bundles_resources_and_migrations_and_filters_qt(monkeypatch, tmp_path, platform):
    calls = run_spec(monkeypatch, tmp_path, platform)
    [analysis] = calls["Analysis"]
    assert analysis.args[0] == [str(ROOT / "main.py")]
    bundled = {dest for dest, _, _ in calls["_namespace"][0].a.datas}
    resources = {str(p.relative_to(ROOT)) for p in (ROOT / "resources").rglob("*")
                 if p.is_file() and p.suffix != ".ts" and "__pycache__" not in p.parts}
    assert resources <= bundled
    for must in ("resources/samples/demo_cases.csv", "resources/translations/workbench_zh_CN.qm",
                 "resources/icons/app.png", "resources/checklists/invention_substantive.json"):
        assert must in bundled
    assert not any(dest.endswith(".ts") for dest in bundled)
    assert {f"db/migrations/{p.name}" for p in (ROOT / "db" / "migrations").glob("*.sql")} <= bundled
    assert "PySide6/Qt/translations/qtbase_fr.qm" not in bundled
    assert [d for d, _, _ in calls["_namespace"][0].a.binaries] == ["PySide6/Qt/plugins/platforms/libqxcb.so"]
    assert "ssl" in analysis.excludes and "tkinter" in analysis.excludes
    [collect] = calls["COLLECT"]
    assert collect.name == APP_ID and collect.upx is False
    assert all(exe.upx is False and exe.exclude_binaries and exe.disable_windowed_traceback for exe in calls["EXE"])


def test_spec_on_windows_embeds_icon_and_version_and_adds_a_console_twin(monkeypatch, tmp_path):
    calls = run_spec(monkeypatch, tmp_path, "win32")
    gui, cli = calls["EXE"]
    assert (gui.name, gui.console, cli.name, cli.console) == (APP_ID, False, f"{APP_ID}-cli", True)
    for exe in (gui, cli):
        assert exe.icon.endswith("app.ico") and Path(exe.version).is_file()
        assert __version__ in Path(exe.version).read_text(encoding="utf-8")
    assert gui.strip is False and "BUNDLE" not in calls


def test_spec_on_macos_makes_an_app_bundle_with_the_version(monkeypatch, tmp_path):
    calls = run_spec(monkeypatch, tmp_path, "darwin")
    [exe] = calls["EXE"]
    assert exe.console is False and exe.strip is False
    [bundle] = calls["BUNDLE"]
    assert bundle.name == f"{APP_NAME}.app" and bundle.icon.endswith("app.icns")
    assert bundle.info_plist["CFBundleShortVersionString"] == __version__ == bundle.version


def test_spec_on_linux_is_one_console_executable_stripped(monkeypatch, tmp_path):
    calls = run_spec(monkeypatch, tmp_path, "linux")
    [exe] = calls["EXE"]
    assert exe.name == APP_ID and exe.console is True and exe.strip is True
    assert "icon" not in vars(exe) and "BUNDLE" not in calls


# -- the icon --------------------------------------------------------------------------------

def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_window_icon_is_a_256_px_png():
    assert png_size((ICONS / "app.png").read_bytes()) == (256, 256)


def test_windows_icon_holds_every_size_as_png():
    data = (ICONS / "app.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        width, height, _, _, _, bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert png_size(data[offset:offset + length]) == ((width or 256), (height or 256)) and bits == 32
        sizes.append(width or 256)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_macos_icon_is_a_well_formed_icns():
    data = (ICONS / "app.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    offset, kinds = 8, {}
    while offset < len(data):
        kind, length = data[offset:offset + 4].decode(), struct.unpack(">I", data[offset + 4:offset + 8])[0]
        kinds[kind] = png_size(data[offset + 8:offset + length])
        offset += length
    assert offset == len(data)
    assert kinds["ic10"] == (1024, 1024) and kinds["ic07"] == (128, 128) and kinds["icp4"] == (16, 16)


# -- the trimmed ICU data (Linux: Qt links ICU and its wheel ships the 32 MB data library) --------

def icu_library() -> Path | None:
    import PySide6
    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    return found[0] if found else None


needs_icu = pytest.mark.skipif(icu_library() is None, reason="this PySide6 bundles no ICU (Windows, macOS)")


@pytest.mark.parametrize("name, kept", [
    ("icudt73l/coll/zh.res", True), ("icudt73l/coll/zh_Hant_TW.res", True), ("icudt73l/coll/root.res", True),
    ("icudt73l/coll/ucadata.icu", True), ("icudt73l/coll/res_index.res", True), ("icudt73l/coll/de.res", False),
    ("icudt73l/coll/de__PHONEBOOK.res", False), ("icudt73l/zone/en_GB.res", True), ("icudt73l/zone/fr.res", False),
    ("icudt73l/zone/pool.res", True), ("icudt73l/brkitr/char.brk", False), ("icudt73l/curr/zh.res", False),
    ("icudt73l/gb18030.cnv", True), ("icudt73l/windows-950-2000.cnv", True), ("icudt73l/ibm-37_P100-1995.cnv", False),
    ("icudt73l/cnvalias.icu", True), ("icudt73l/unames.icu", False), ("icudt73l/rfc3491.spp", False),
    ("icudt73l/zh.res", True), ("icudt73l/ja.res", False), ("icudt73l/root.res", True),
    ("icudt73l/likelySubtags.res", True), ("icudt73l/zoneinfo64.res", True), ("icudt73l/res_index.res", True),
])
def test_icu_items_kept(name, kept):
    assert icu_data.keep_item(name) is kept


@needs_icu
def test_icu_package_reads_and_writes_back_byte_for_byte():
    raw = icu_library().read_bytes()
    symbol, offset, size = icu_data.read_elf_symbol(raw)
    blob = raw[offset:offset + size]
    data = icu_data.parse(blob)
    assert symbol.startswith("icudt") and len(data.items) > 1000
    assert icu_data.serialise(data) == blob
    trimmed = icu_data.trim(data)
    assert len(icu_data.serialise(trimmed)) < len(blob) / 5
    assert icu_data.parse(icu_data.serialise(trimmed)).items == tuple(sorted(trimmed.items))


QT_PROBE = textwrap.dedent("""
    import functools, json
    from PySide6.QtCore import QCollator, QDateTime, QLocale, QStringDecoder, QTimeZone
    words = ["张三", "李四", "王五", "赵六", "阿", "Zeta", "alpha", "Émile", "émile", "b10", "b9"]
    out = {}
    for name in ("zh_CN", "zh_TW", "en_US"):
        collator = QCollator(QLocale(name))
        out["sort " + name] = sorted(words, key=functools.cmp_to_key(collator.compare))
        collator.setNumericMode(True)
        out["numeric " + name] = sorted(words, key=functools.cmp_to_key(collator.compare))
    for codec in ("GB18030", "GBK", "GB2312", "Big5", "Big5-HKSCS"):
        out["codec " + codec] = QStringDecoder(codec).isValid()
    out["upper"] = [QLocale("tr_TR").toUpper("istanbul"), QLocale("en_US").toUpper("straße")]
    moment = QDateTime.fromString("2024-01-15T12:00:00", "yyyy-MM-ddTHH:mm:ss")
    zone = QTimeZone(b"Asia/Shanghai")
    for name in ("zh_CN", "en_US"):
        out["zone " + name] = [zone.displayName(moment, kind, QLocale(name)) for kind in
                               (QTimeZone.NameType.LongName, QTimeZone.NameType.ShortName)]
    out["library"] = next(line.split()[-1] for line in open("/proc/self/maps") if "libicudata" in line)
    print(json.dumps(out, ensure_ascii=False))
""")


@needs_icu
@pytest.mark.skipif(icu_data.compiler() is None, reason="no C compiler to assemble the library")
def test_qt_answers_the_same_with_the_trimmed_icu_data(tmp_path):
    """Collation (zh pinyin, zh_TW stroke, en, numeric), Chinese codecs, case mapping and time-zone
    names: what the bundle's Qt computes with 4 MB of ICU data equals what it computes with 32."""
    library = icu_data.build_library(icu_library(), tmp_path / "icu")
    assert library.stat().st_size < icu_library().stat().st_size / 5

    def probe(extra_env: dict[str, str]) -> dict:
        env = {**os.environ, **extra_env}
        result = subprocess.run([sys.executable, "-c", QT_PROBE], env=env, capture_output=True, text=True,
                                encoding="utf-8", check=True, timeout=60)
        return json.loads(result.stdout)

    full = probe({})
    trimmed = probe({"LD_LIBRARY_PATH": str(library.parent)})   # found before Qt's $ORIGIN runpath
    assert Path(full.pop("library")).resolve() == icu_library().resolve()
    assert Path(trimmed.pop("library")).resolve() == library.resolve()
    assert trimmed == full
    assert full["sort zh_CN"][:5] == ["阿", "李四", "王五", "张三", "赵六"]     # pinyin order, so collation ran
    assert all(v for k, v in full.items() if k.startswith("codec "))


# -- the build script's size report ------------------------------------------------------------

def test_size_report_names_the_total_and_the_largest_files(tmp_path):
    build_dist = load("build_dist")
    (tmp_path / "b" / "_internal").mkdir(parents=True)
    (tmp_path / "b" / "_internal" / "big.so").write_bytes(b"x" * 3_000_000)
    (tmp_path / "b" / "small").write_bytes(b"x" * 1000)
    report = build_dist.size_report(tmp_path / "b", top=1)
    assert "3.0 MB in 2 files" in report and "big.so" in report and "small" not in report.splitlines()[-1]
    if shutil.which("du"):
        du = subprocess.run(["du", "-sb", str(tmp_path / "b")], capture_output=True, text=True).stdout
        assert int(du.split()[0]) >= build_dist.tree_size(tmp_path / "b")
