"""What goes into the packaged application, as plain functions the spec calls and tests check.

The workbench uses QtCore, QtGui and QtWidgets only. PyInstaller's Qt hooks collect every
plugin type and every Qt translation those modules *may* use (image formats that pull in
QtPdf and QtSvg, Wayland, EGL, GTK themes, 40 languages...). These rules keep what the
product needs on each platform and drop the rest; the size is measured in the build output.
"""
from __future__ import annotations

import re
import string
from datetime import date
from pathlib import Path, PurePath

# Qt plugins kept, by plugin folder, as file-name stems without the platform's "lib" prefix
# and ".so"/".dll"/".dylib" suffix. Anything not listed is left out.
KEEP_PLUGINS: dict[str, set[str]] = {
    # offscreen: CI and headless self-checks. xcb: Linux desktops (also under XWayland).
    # windows: Windows. cocoa: macOS.
    "platforms": {"qoffscreen", "qxcb", "qwindows", "qcocoa"},
    # Dead keys (compose) and Chinese input methods through IBus on Linux.
    "platforminputcontexts": {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"},
    # The native look on Windows 10/11 and macOS; Linux uses the built-in Fusion style.
    "styles": {"qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"},
}
# Images the product shows are PNG (the icon), built into QtGui: no imageformats plugin is
# needed. Leaving out qpdf and qsvg also leaves out the QtPdf and QtSvg libraries they load.

# Qt libraries (by module name) the product never loads; a dropped plugin may have pulled them in.
DROP_QT_LIBRARIES = {
    "Network", "Qml", "QmlModels", "QmlMeta", "QmlWorkerScript", "Quick", "Pdf", "Svg", "OpenGL",
    "VirtualKeyboard", "WaylandClient", "WlShellIntegration", "EglFSDeviceIntegration", "EglFsKmsSupport",
    "EglFsKmsGbmSupport", "PrintSupport",
}

# Windows: Qt's software OpenGL renderer (20 MB), a fallback for OpenGL and Qt Quick content;
# widgets paint with the raster engine and never load it. Not built: Windows only.
DROP_FILES = {"opengl32sw.dll"}

# Qt's own translations: only the standard buttons and dialogs in Chinese (ui/app.py loads it).
KEEP_QT_TRANSLATIONS = {"qtbase_zh_CN.qm"}

# Python packages the application never imports at run time (test tools, GUI toolkits of
# the standard library). Listing them keeps a stray import from pulling them in.
EXCLUDE_MODULES = [
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "pydoc_data", "lib2to3", "ensurepip",
    "pytest", "_pytest", "pytestqt", "hypothesis",
    # An offline application needs no TLS: ssl is optional in every standard-library user.
    # Without _hashlib (OpenSSL), hashlib uses its built-in SHA-2/SHA-3/BLAKE2 modules:
    # same digests, and 5 MB of libcrypto/libssl less.
    "ssl", "_ssl", "_hashlib",
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtOpenGL", "PySide6.QtSvg",
    "PySide6.QtPdf", "PySide6.QtPrintSupport", "PySide6.QtDBus", "PySide6.QtSql", "PySide6.QtTest",
    "PySide6.QtXml", "PySide6.QtConcurrent", "PySide6.QtUiTools", "PySide6.QtDesigner", "PySide6.QtHelp",
]

_PLUGIN_NAME = re.compile(r"^(?:lib)?(?P<stem>[^.]+)\.(?:so|dll|dylib)$", re.IGNORECASE)
_QT_LIBRARY = re.compile(r"^(?:lib)?Qt6(?P<module>\w+?)(?:\.so(?:\.\d+)*|\.dll|\.dylib)?$")


def _parts(dest: str) -> tuple[str, ...]:
    return PurePath(dest.replace("\\", "/")).parts


def keep_binary(dest: str) -> bool:
    """Whether a binary at `dest` (its path inside the bundle) is needed."""
    parts = _parts(dest)
    if "plugins" in parts:
        index = parts.index("plugins")
        if len(parts) < index + 3:
            return True
        folder, name = parts[index + 1], parts[-1]
        match = _PLUGIN_NAME.match(name)
        stem = match.group("stem") if match else name
        return stem in KEEP_PLUGINS.get(folder, set())
    name = parts[-1]
    if name.lower() in DROP_FILES:
        return False
    # macOS bundles Qt as frameworks: QtNetwork.framework/Versions/A/QtNetwork
    for part in parts:
        if part.endswith(".framework") and part[:-len(".framework")].removeprefix("Qt") in DROP_QT_LIBRARIES:
            return False
    match = _QT_LIBRARY.match(name)
    return not (match and match.group("module") in DROP_QT_LIBRARIES)


def keep_data(dest: str) -> bool:
    """Whether a data file at `dest` is needed: Qt translations other than ours are dropped."""
    parts = _parts(dest)
    if "translations" in parts and parts[-1].endswith(".qm") and ("Qt" in parts or "PySide6" in parts):
        return parts[-1] in KEEP_QT_TRANSLATIONS
    if "plugins" in parts:
        return keep_binary(dest)
    return True


def filter_hook_files(hiddenimports: list, binaries: list, datas: list) -> tuple[list, list, list]:
    """Filter what a PySide6 hook collects: (source, destination folder) pairs."""
    binaries = [(src, dest) for src, dest in binaries if keep_binary(str(PurePath(dest) / PurePath(src).name))]
    datas = [(src, dest) for src, dest in datas if keep_data(str(PurePath(dest) / PurePath(src).name))]
    return hiddenimports, binaries, datas


def filter_toc(toc: list, keep) -> list:
    """PyInstaller TOC entries are (dest, source, kind) tuples; keep those `keep(dest)` accepts."""
    return [entry for entry in toc if keep(entry[0])]


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """'1.2.3' -> (1, 2, 3, 0): the four numbers Windows version resources hold."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:4]]
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def write_version_file(template: Path, target: Path, *, version: str, name: str, app_id: str) -> Path:
    """Fill build/version_info.txt for this version (Windows only reads it)."""
    text = string.Template(template.read_text(encoding="utf-8")).substitute(
        version_tuple=repr(version_tuple(version)), version=version, name=name, app_id=app_id,
        year=date.today().year)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
