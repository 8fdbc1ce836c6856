"""The Debian package's texts and images (build/debian_package.py): quick, no PyInstaller or
dpkg-deb run (CI's make deb-check builds, inspects and installs the real package)."""
from __future__ import annotations

import configparser
import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from workbench import __version__
from workbench.packages.workpackage import SUFFIX

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("debian_package", ROOT / "build" / "debian_package.py")
deb = importlib.util.module_from_spec(spec)
sys.modules["debian_package"] = deb
spec.loader.exec_module(deb)


def fields(text: str) -> dict[str, str]:
    """RFC 822 style fields of a control file (continuation lines joined)."""
    out: dict[str, str] = {}
    key = ""
    for line in text.splitlines():
        if line.startswith(" "):
            out[key] += "\n" + line[1:]
        elif line:
            key, value = line.split(": ", 1)
            out[key] = value
    return out


def test_control_names_the_package_version_and_what_a_minimal_desktop_lacks():
    version = deb.debian_version(__version__)
    depends = deb.depends({"libc.so.6", "libxcb.so.1", "libGL.so.1", "libxcb-cursor.so.0"}, "2.36")
    control = fields(deb.control_text(version, "amd64", 86207, depends))
    assert control["Package"] == "quality-review-workbench" and control["Version"] == f"{__version__}-1"
    assert control["Architecture"] == "amd64" and control["Installed-Size"] == "86207"
    assert control["Depends"].split(", ") == ["libc6 (>= 2.36)", "libgl1", "libxcb-cursor0", "libxcb1",
                                              "fonts-wqy-microhei | fonts-noto-cjk", "fontconfig-config"]
    assert "Description" in control and len(control["Description"].splitlines()[0]) < 80
    assert all(len(line) <= 80 for line in control["Description"].splitlines())
    with pytest.raises(ValueError, match="libfoo.so.1"):
        deb.depends({"libfoo.so.1"}, "2.36")
    with pytest.raises(ValueError):
        deb.debian_version("1.0 beta")
    assert deb.fields_version(deb.control_text(version, "amd64", 1, depends)) == version


def test_depends_come_from_what_ldd_finds_outside_the_bundle():
    ldd = ("\tlinux-vdso.so.1 (0x00007ffd)\n"
           "\tlibQt6Gui.so.6 => /opt/b/_internal/libQt6Gui.so.6 (0x1)\n"
           "\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x2)\n"
           "\tlibxcb-cursor.so.0 => not found\n"
           "\t/lib64/ld-linux-x86-64.so.2 (0x3)\n")
    assert deb.system_sonames(ldd, "/opt/b") == {"libxcb.so.1", "libxcb-cursor.so.0"}
    assert deb.glibc_needed([b"\0GLIBC_2.17\0GLIBC_2.34\0", b"GLIBC_2.4\0GLIBC_PRIVATE"]) == "2.34"
    assert deb.glibc_needed([b"no versions"]) == ""


def test_the_desktop_entry_opens_work_packages_in_english_and_chinese():
    parser = configparser.RawConfigParser(strict=True)
    parser.optionxform = str
    parser.read_string(deb.desktop_entry())
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Name"] == "Quality Review Workbench"
    assert entry["Name[zh_CN]"] == "质量评查工作台" and entry["Comment[zh_CN]"] and entry["Comment"]
    assert entry["Exec"] == "quality-review-workbench %f" and entry["Icon"] == "quality-review-workbench"
    assert entry["Categories"] == "Office;" and entry["MimeType"] == "application/x-qrpkg;"
    assert entry["Terminal"] == "false"


def test_the_mime_type_matches_the_package_suffix_by_name_only():
    tree = ET.fromstring(deb.mime_xml())
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    [mime] = tree.findall("m:mime-type", ns)
    assert mime.get("type") == deb.MIME_TYPE
    assert [g.get("pattern") for g in mime.findall("m:glob", ns)] == [f"*{SUFFIX}"]
    assert mime.findall("m:magic", ns) == []          # SQLite's magic would claim every workspace
    comments = {c.get("{http://www.w3.org/XML/1998/namespace}lang"): c.text for c in mime.findall("m:comment", ns)}
    assert comments == {None: "Quality review work package", "zh_CN": "评查工作包"}


def test_copyright_lists_each_bundled_component_under_its_licence():
    found = [deb.Bundled("pyside6-essentials", "6.11.3", ("QualityReviewWorkbench",)),
             deb.Bundled("openpyxl", "3.1.5", ("QualityReviewWorkbench",)),
             deb.Bundled("sqlite-utils", "4.2.1", ("QualityReviewWorkbench",)),
             deb.Bundled("python-calamine", "0.9.1", ("QualityReviewWorkbench",)),
             deb.Bundled("python-stdlib", "3.11.7", ("QualityReviewWorkbench",)),
             deb.Bundled("libQt6Core.so.6", "", ("_internal/libQt6Core.so.6",)),
             deb.Bundled("_internal/PySide6/Qt/plugins/platforms/libqxcb.so", "",
                         ("_internal/PySide6/Qt/plugins/platforms/libqxcb.so",)),
             deb.Bundled("_internal/PySide6/Qt/lib/libicuuc.so.73", "", ("_internal/PySide6/Qt/lib/libicuuc.so.73",)),
             deb.Bundled("libz.so.1", "", ("_internal/libz.so.1",))]
    text = deb.copyright_text(found, __version__)
    assert text.startswith("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n")
    paragraphs = [fields(p) for p in text.strip().split("\n\n")]
    by_comment = {p.get("Comment", "").split(" (")[0]: p for p in paragraphs if "Files" in p}
    assert by_comment["PySide6 and Shiboken6"]["License"] == "LGPL-3"
    assert by_comment["Qt 6"]["License"] == "LGPL-3"
    assert "opt/quality-review-workbench/_internal/PySide6/Qt/plugins/platforms/*" in by_comment["Qt 6"]["Files"]
    assert by_comment["openpyxl"]["License"] == "Expat" and "3.1.5" in by_comment["openpyxl"]["Comment"]
    assert by_comment["sqlite-utils"]["License"] == "Apache-2.0"
    assert by_comment["python-calamine"]["License"] == "Expat"
    assert by_comment["Python"]["License"] == "PSF-2.0" and by_comment["zlib"]["License"] == "Zlib"
    # DEP-5: the last paragraph matching a file applies, so ICU's comes after PySide6's folder
    order = [p.get("Comment", "") for p in paragraphs]
    assert order.index(by_comment["ICU"]["Comment"]) > order.index(by_comment["PySide6 and Shiboken6"]["Comment"])
    licences = {p["License"].split("\n")[0] for p in paragraphs if "Files" not in p and "Format" not in p}
    used = {part for p in paragraphs if "Files" in p for part in p["License"].split(" or ")}
    assert used <= licences                             # every licence named has its paragraph
    assert deb.unlicensed(found + [deb.Bundled("libmystery.so.1")]) == ["libmystery.so.1"]
    with pytest.raises(ValueError, match="libmystery"):
        deb.copyright_text([deb.Bundled("libmystery.so.1")], __version__)


def test_icons_come_from_the_committed_ico_at_the_hicolor_sizes():
    images = deb.ico_images((ROOT / "resources" / "icons" / "app.ico").read_bytes())
    paths = deb.icon_paths(images)
    assert sorted(paths) == sorted(f"hicolor/{s}x{s}/apps/quality-review-workbench.png" for s in deb.ICON_SIZES)
    for size in deb.ICON_SIZES:
        assert deb.png_size(images[size]) == (size, size)


def test_launcher_changelog_manual_and_overrides():
    assert deb.launcher_script().splitlines()[-1] == \
        'exec /opt/quality-review-workbench/QualityReviewWorkbench "$@"'
    log = deb.changelog("0.1.0-1", "Thu, 01 Jan 1970 00:00:00 +0000")
    assert log.startswith("quality-review-workbench (0.1.0-1) unstable; urgency=medium\n")
    assert log.rstrip().endswith("Thu, 01 Jan 1970 00:00:00 +0000")
    assert deb.manual_page("0.1.0").startswith(".TH QUALITY-REVIEW-WORKBENCH 1")
    overrides = deb.lintian_overrides().splitlines()
    assert "quality-review-workbench: dir-or-file-in-opt" in overrides
    assert all(line.startswith(("# ", "quality-review-workbench: ")) for line in overrides)
