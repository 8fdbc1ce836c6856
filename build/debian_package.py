"""The texts and images of the Debian package, made from the bundle: pure functions, tested in
tests/test_debian_package.py; build/build_deb.py lays them out and runs dpkg-deb.

What is derived, not written down: the version (workbench.__version__), the Python libraries
listed in the copyright file (the modules inside the bundle's archive, mapped to the
distributions that provide them), the shared libraries listed there (the files in _internal/),
the system packages in Depends (the libraries the bundle's ELF files need and do not carry,
from ldd) and the glibc version (the highest GLIBC_x.y symbol version they ask for). A bundled
component without a licence entry here stops the build, so the copyright file cannot fall
behind the bundle.
"""
from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import Iterable, Mapping

PACKAGE = "quality-review-workbench"
PREFIX = f"/opt/{PACKAGE}"
MIME_TYPE = "application/x-qrpkg"
DESKTOP_ID = f"{PACKAGE}.desktop"
#: A placeholder until the project has a real maintainer address (no public site yet, so no Homepage).
MAINTAINER = "Quality Review Workbench maintainers <workbench@example.org>"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: Not libraries: what a window needs beyond them (Chinese text; fontconfig's configuration,
#: read by the bundled libfontconfig).
EXTRA_DEPENDS = ("fonts-wqy-microhei | fonts-noto-cjk", "fontconfig-config")

#: The Debian package providing each library the bundle may leave to the system (by soname).
SYSTEM_PACKAGES: Mapping[str, str] = {
    "libc.so.6": "libc6", "libdl.so.2": "libc6", "libm.so.6": "libc6", "libpthread.so.0": "libc6",
    "librt.so.1": "libc6", "libutil.so.1": "libc6", "ld-linux-x86-64.so.2": "libc6",
    "libGL.so.1": "libgl1", "libGLX.so.0": "libglx0", "libGLdispatch.so.0": "libglvnd0",
    "libEGL.so.1": "libegl1", "libOpenGL.so.0": "libopengl0",
    "libxcb.so.1": "libxcb1", "libxcb-icccm.so.4": "libxcb-icccm4", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0", "libxcb-shape.so.0": "libxcb-shape0", "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1", "libxcb-xfixes.so.0": "libxcb-xfixes0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-util.so.1": "libxcb-util1", "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1",
    "libfontconfig.so.1": "libfontconfig1", "libfreetype.so.6": "libfreetype6", "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0", "libstdc++.so.6": "libstdc++6", "libgcc_s.so.1": "libgcc-s1",
    "libz.so.1": "zlib1g",
}


@dataclass(frozen=True)
class Licence:
    """One Files paragraph of the copyright file."""
    what: str                  # the component, as the reader knows it
    holder: str
    licence: str               # a DEP-5 short name
    patterns: tuple[str, ...]  # file names (bundled libraries) or distribution names it covers


#: Every shared library and Python distribution the bundle may carry, with its licence.
LICENCES: tuple[Licence, ...] = (
    Licence("Python", "2001-2024 Python Software Foundation", "PSF-2.0", ("libpython3*", "python-stdlib", "_internal/python3.*/lib-dynload/*")),
    Licence("Qt 6", "The Qt Company Ltd. and other contributors", "LGPL-3",
            ("libQt6*", "_internal/PySide6/Qt/lib/libQt6*", "_internal/PySide6/Qt/plugins/*")),
    Licence("ICU (data trimmed to root, English and Chinese)", "Unicode, Inc. and others", "Unicode-3.0",
            ("libicu*", "_internal/PySide6/Qt/lib/libicu*")),
    Licence("PySide6 and Shiboken6 (Qt for Python)", "The Qt Company Ltd.", "LGPL-3",
            ("pyside6*", "shiboken6", "libpyside6*", "libshiboken6*", "_internal/PySide6/*", "_internal/shiboken6/*")),
    Licence("openpyxl", "2010 openpyxl", "Expat", ("openpyxl",)),
    Licence("et_xmlfile", "2010 openpyxl", "Expat", ("et-xmlfile",)),
    Licence("python-calamine", "2023 Dmitriy Vasilev", "Expat", ("python-calamine", "_internal/python_calamine/*")),
    Licence("sqlite-utils", "Simon Willison", "Apache-2.0", ("sqlite-utils",)),
    Licence("sqlite-fts4", "Simon Willison", "Apache-2.0", ("sqlite-fts4",)),
    Licence("click", "2014 Pallets", "BSD-3-clause", ("click",)),
    Licence("click-default-group", "2015 Heungsub Lee", "BSD-3-clause", ("click-default-group",)),
    Licence("pluggy", "2015 holger krekel (rather uses bitbucket/hpk42)", "Expat", ("pluggy",)),
    Licence("python-dateutil", "2017 Paul Ganssle and others", "Apache-2.0 or BSD-3-clause", ("python-dateutil",)),
    Licence("six", "2010-2024 Benjamin Peterson", "Expat", ("six",)),
    Licence("tabulate", "2011-2020 Sergey Astanin and contributors", "Expat", ("tabulate",)),
    Licence("typing_extensions", "Python Software Foundation", "PSF-2.0", ("typing-extensions",)),
    Licence("SQLite", "none: public domain", "public-domain", ("libsqlite3*",)),
    Licence("X11 client libraries (libX11, libxcb, XCB utilities, Xau, Xdmcp, xkbcommon)",
            "The X.Org Foundation, Keith Packard, Daniel Stone and others", "Expat",
            ("libX11*", "libxcb*", "libXau*", "libXdmcp*", "libxkbcommon*")),
    Licence("fontconfig", "2000-2007 Keith Packard and others", "HPND", ("libfontconfig*",)),
    Licence("FreeType", "1996-2023 David Turner, Robert Wilhelm, Werner Lemberg", "FTL", ("libfreetype*",)),
    Licence("GLib", "The GLib authors", "LGPL-2.1+", ("libglib-2.0*", "libgthread-2.0*")),
    Licence("D-Bus library", "2002-2008 Red Hat, Inc. and others", "AFL-2.1 or GPL-2+", ("libdbus-1*",)),
    Licence("libsystemd", "systemd contributors", "LGPL-2.1+", ("libsystemd*",)),
    Licence("libgcrypt and libgpg-error", "Free Software Foundation, Inc. and g10 Code GmbH", "LGPL-2.1+",
            ("libgcrypt*", "libgpg-error*")),
    Licence("GCC runtime (libstdc++, libgcc_s)", "Free Software Foundation, Inc.",
            "GPL-3+ with GCC-exception-3.1 exception", ("libstdc++*", "libgcc_s*")),
    Licence("zlib", "1995-2022 Jean-loup Gailly and Mark Adler", "Zlib", ("libz.so*",)),
    Licence("Zstandard", "Meta Platforms, Inc. and affiliates", "BSD-3-clause", ("libzstd*",)),
    Licence("LZ4", "2011-2020 Yann Collet", "BSD-2-clause", ("liblz4*",)),
    Licence("XZ Utils (liblzma)", "none: public domain", "public-domain", ("liblzma*",)),
    Licence("bzip2", "1996-2019 Julian R Seward", "bzip2-1.0.6", ("libbz2*",)),
    Licence("libffi", "1996-2022 Anthony Green, Red Hat, Inc. and others", "Expat", ("libffi*",)),
    Licence("Expat", "1998-2000 Thai Open Source Software Center Ltd and Clark Cooper", "Expat", ("libexpat*",)),
    Licence("libpng", "1995-2022 The PNG Reference Library Authors", "Libpng", ("libpng*",)),
    Licence("Brotli", "2009-2016 The Brotli Authors", "Expat", ("libbrotli*",)),
    Licence("PCRE2", "1997-2022 University of Cambridge", "BSD-3-clause", ("libpcre2*",)),
    Licence("libuuid (util-linux)", "1996-1999 Theodore Ts'o", "BSD-3-clause", ("libuuid*",)),
    Licence("libcap", "1997-2008 Andrew G. Morgan", "BSD-3-clause or GPL-2", ("libcap*",)),
    Licence("libbsd and libmd", "The FreeBSD and NetBSD projects, Guillem Jover", "BSD-3-clause",
            ("libbsd*", "libmd*")),
)


@dataclass(frozen=True)
class Bundled:
    """A component found in the bundle: a Python distribution or a shared library, with the
    bundle's files that hold it (a module only in the executable's archive: the executable)."""
    name: str
    version: str = ""
    files: tuple[str, ...] = ()


def licence_of(name: str) -> Licence | None:
    for entry in LICENCES:
        if any(fnmatch(name, pattern) for pattern in entry.patterns):
            return entry
    return None


def unlicensed(components: Iterable[Bundled]) -> list[str]:
    """The components without an entry in LICENCES: the build stops and names them."""
    return sorted({c.name for c in components if licence_of(c.name) is None})


def copyright_text(components: Iterable[Bundled], version: str) -> str:
    """The machine-readable (DEP-5) copyright file: the workbench, then each bundled component
    under its licence, naming the files and the distributions (with versions) found in the bundle."""
    by_entry: dict[Licence, list[Bundled]] = {}
    for c in sorted(set(components), key=lambda c: c.name.lower()):
        entry = licence_of(c.name)
        if entry is None:
            raise ValueError(f"no licence known for the bundled {c.name}: add it to LICENCES")
        by_entry.setdefault(entry, []).append(c)
    out = ["Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/",
           f"Upstream-Name: {PACKAGE}",
           f"Comment: Quality Review Workbench {version} is distributed as a PyInstaller bundle in",
           f" {PREFIX}/. The bundle carries the Python runtime and the libraries listed below,",
           " each under its own licence. Python modules are in the executable's archive;",
           " the Qt and PySide6 libraries are separate shared objects a user may replace",
           " with modified versions (LGPL-3, section 4).",
           "", "Files: *", "Copyright: Quality Review Workbench authors", "License: proprietary"]
    # The last paragraph matching a file applies (DEP-5): the general ones (a Python package's
    # folder, the executable's archive) first, the specific ones (Qt's, ICU's libraries) after.
    for entry in reversed(LICENCES):
        found = by_entry.get(entry)
        if not found:
            continue
        versions = [f"{c.name} {c.version}" for c in found if c.version]
        out += ["", "Files: " + "\n       ".join(files_field(entry, found)), f"Copyright: {entry.holder}",
                f"License: {entry.licence}", f"Comment: {entry.what}" + (f" ({', '.join(versions)})" if versions else "")]
    used = sorted({"proprietary"} | {part for e in by_entry for part in e.licence.split(" or ")})
    for licence in used:
        out += ["", f"License: {licence}", " " + licence_text(licence)]
    return "\n".join(out) + "\n"


def files_field(entry: Licence, found: Iterable[Bundled]) -> list[str]:
    """The installed paths of the components; a folder's files matched by a folder pattern as folder/*."""
    paths = set()
    for c in found:
        for f in c.files:
            by_folder = any(p.endswith("/*") and fnmatch(c.name, p) for p in entry.patterns)
            paths.add(f"{PREFIX[1:]}/{Path(f).parent}/*" if by_folder else f"{PREFIX[1:]}/{f}")
    return sorted(paths) or [f"{PREFIX[1:]}/*"]


LICENCE_TEXTS = {
    "proprietary": "All rights reserved by the authors of the Quality Review Workbench.",
    "public-domain": "The authors have placed this code in the public domain.",
    "PSF-2.0": "PSF License Agreement version 2; see https://docs.python.org/3/license.html",
    "Unicode-3.0": "Unicode License v3; see https://www.unicode.org/license.txt",
    "HPND": "Historical Permission Notice and Disclaimer; see https://gitlab.freedesktop.org/fontconfig/"
            "fontconfig/-/blob/main/COPYING",
    "FTL": "The FreeType Project License; see https://freetype.org/license.html",
    "Libpng": "PNG Reference Library License version 2; see http://www.libpng.org/pub/png/src/libpng-LICENSE.txt",
    "bzip2-1.0.6": "bzip2 and libbzip2 License v1.0.6; see https://sourceware.org/bzip2/",
    "AFL-2.1": "Academic Free License version 2.1; see https://opensource.org/license/afl-2-1-php/",
    "GPL-3+ with GCC-exception-3.1 exception": "GPL version 3 or later, with the GCC Runtime Library Exception 3.1;\n"
        " on Debian systems the GPL is in /usr/share/common-licenses/GPL-3; the exception is at\n"
        " https://www.gnu.org/licenses/gcc-exception-3.1.html",
    "Expat": "Permission is hereby granted, free of charge, to any person obtaining a copy of this software\n"
             " to deal in the Software without restriction (the MIT/Expat licence); see\n"
             " https://opensource.org/license/mit/",
    "Zlib": "The zlib licence; see https://zlib.net/zlib_license.html",
}


def licence_text(name: str) -> str:
    """The licence's text or where it is (Debian ships the common ones in /usr/share/common-licenses/)."""
    if name in LICENCE_TEXTS:
        return LICENCE_TEXTS[name]
    files = {"LGPL-3": "LGPL-3", "LGPL-2.1+": "LGPL-2.1", "GPL-2": "GPL-2", "GPL-2+": "GPL-2",
             "Apache-2.0": "Apache-2.0", "BSD-3-clause": "BSD", "BSD-2-clause": "BSD"}
    if name not in files:
        raise ValueError(f"no text for the licence {name}")
    if name.startswith("BSD"):
        return (f"The {name} licence: redistribution and use in source and binary forms, with or without\n"
                " modification, are permitted provided that the copyright notice, the conditions and the\n"
                " disclaimer are retained; see https://opensource.org/license/" + name.lower())
    return f"On Debian systems the full text is in /usr/share/common-licenses/{files[name]}."


# -- the control file and what it depends on ---------------------------------------------------

def debian_version(version: str, revision: int = 1) -> str:
    """The package's version: the application's (workbench.__version__) and the packaging revision."""
    if not re.fullmatch(r"[0-9][A-Za-z0-9.+~]*", version):
        raise ValueError(f"not a Debian upstream version: {version!r}")
    return f"{version}-{revision}"


def fields_version(control: str) -> str:
    """The Version field of a control file."""
    match = re.search(r"^Version: (\S+)$", control, re.MULTILINE)
    if not match:
        raise ValueError("no Version in the control file")
    return match.group(1)


def system_sonames(ldd_output: str, bundle: str) -> set[str]:
    """The libraries ldd resolved outside the bundle, or could not find at all."""
    found = set()
    for line in ldd_output.splitlines():
        m = re.match(r"\s*(\S+) => (not found|(\S+))", line)
        if m and (m.group(2) == "not found" or not m.group(3).startswith(bundle)):
            found.add(m.group(1))
    return found


def glibc_needed(blobs: Iterable[bytes]) -> str:
    """The highest GLIBC_x.y symbol version the ELF files ask for ("" if none)."""
    best = (0, 0)
    for blob in blobs:
        for major, minor in re.findall(rb"GLIBC_(\d+)\.(\d+)", blob):
            best = max(best, (int(major), int(minor)))
    return f"{best[0]}.{best[1]}" if best != (0, 0) else ""


def depends(sonames: Iterable[str], glibc: str) -> list[str]:
    """Depends: a package per library left to the system, a CJK font, fontconfig's configuration.
    Raises ValueError naming a library no entry of SYSTEM_PACKAGES provides."""
    unknown = sorted(s for s in sonames if s not in SYSTEM_PACKAGES)
    if unknown:
        raise ValueError(f"no Debian package known for the system libraries {', '.join(unknown)}: "
                         "add them to SYSTEM_PACKAGES")
    packages = sorted({SYSTEM_PACKAGES[s] for s in sonames} | {"libc6"})
    return [f"libc6 (>= {glibc})" if p == "libc6" and glibc else p for p in packages] + list(EXTRA_DEPENDS)


def control_text(version: str, architecture: str, installed_kb: int, depends_on: Iterable[str]) -> str:
    return "\n".join([
        f"Package: {PACKAGE}",
        f"Version: {version}",
        f"Architecture: {architecture}",
        f"Maintainer: {MAINTAINER}",
        f"Installed-Size: {installed_kb}",
        f"Depends: {', '.join(depends_on)}",
        "Section: misc",
        "Priority: optional",
        "Description: offline quality review of patent and trademark examination",
        " Quality Review Workbench samples examined cases, records reviewers' checklist",
        " findings, and reports compliance rates by round, reviewer and IP type. It works",
        " offline; reviewers take their share of a round as a work package (.qrpkg) and",
        " the manager merges the packages back. The interface is in Chinese and English.",
        "",
    ])


# -- desktop integration -------------------------------------------------------------------------

def desktop_entry() -> str:
    """The menu entry (freedesktop Desktop Entry 1.5); %f: a double-clicked work package."""
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.5",
        "Name=Quality Review Workbench",
        "Name[zh_CN]=质量评查工作台",
        "GenericName=Examination quality review",
        "GenericName[zh_CN]=审查质量评查",
        "Comment=Review the quality of patent and trademark examination, offline",
        "Comment[zh_CN]=离线评查专利和商标审查质量",
        f"Exec={PACKAGE} %f",
        f"TryExec={PACKAGE}",
        f"Icon={PACKAGE}",
        "Terminal=false",
        "Categories=Office;",
        f"MimeType={MIME_TYPE};",
        "Keywords=quality;review;examination;patent;trademark;评查;审查;专利;商标;",
        "StartupNotify=true",
        f"StartupWMClass={PACKAGE}",
        "",
    ])


def mime_xml() -> str:
    """shared-mime-info type of work packages: by their name only. A package is an SQLite file, and
    SQLite's magic would claim every workspace (and any other SQLite database) too."""
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">',
        f'  <mime-type type="{MIME_TYPE}">',
        "    <comment>Quality review work package</comment>",
        '    <comment xml:lang="zh_CN">评查工作包</comment>',
        '    <sub-class-of type="application/vnd.sqlite3"/>',
        f'    <icon name="{PACKAGE}"/>',
        '    <glob pattern="*.qrpkg" weight="60"/>',
        "  </mime-type>",
        "</mime-info>",
        "",
    ])


def launcher_script() -> str:
    """/usr/bin's command: a script, not a symlink, so the bundle sees its own folder as home."""
    return f'#!/bin/sh\n# Quality Review Workbench: the bundle in {PREFIX}\nexec {PREFIX}/QualityReviewWorkbench "$@"\n'


def manual_page(version: str) -> str:
    """quality-review-workbench(1), in man(7) markup."""
    return "\n".join([
        f'.TH QUALITY-REVIEW-WORKBENCH 1 "" "{version}" "User Commands"',
        ".SH NAME", f"{PACKAGE} \\- offline quality review of patent and trademark examination",
        ".SH SYNOPSIS", f".B {PACKAGE}", r"[\fB\-\-db\fR \fIWORKSPACE\fR] [\fIFILE\fR]", ".br",
        f".B {PACKAGE}", r"\fICOMMAND\fR [\fIOPTIONS\fR]",
        ".SH DESCRIPTION",
        "Without a command, opens the application window on the workspace (by default the one in",
        "the user's data folder). Given a work package (\\fI.qrpkg\\fR), the window merges it into",
        "the workspace it was exported from (after a preview), or opens it as the reviewer's",
        "workspace anywhere else. Any other file is opened as the workspace.",
        ".PP", "The commands (import, export, sample, package, merge, verify, self-test and others)",
        "work without a window; run", f".B {PACKAGE} \\-\\-help", "for the list.",
        ".SH FILES", ".TP", ".I ~/.local/share/QualityReviewWorkbench/",
        "The workspace and the log (the package never writes there).",
        "",
    ])


def changelog(version: str, date: str) -> str:
    """changelog.Debian (before gzip); `date`: RFC 2822, given so the output is reproducible."""
    return (f"{PACKAGE} ({version}) unstable; urgency=medium\n\n"
            "  * Debian package of the one-folder bundle: menu entry, icons, the work\n"
            "    package type (.qrpkg) opened by the workbench.\n\n"
            f" -- {MAINTAINER}  {date}\n")


def ico_images(data: bytes) -> dict[int, bytes]:
    """The PNG images in a .ico file (build/make_icon.py writes PNG-compressed entries), by size."""
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    if reserved != 0 or kind != 1:
        raise ValueError("not an icon file")
    images = {}
    for i in range(count):
        width, _height, _colours, _r, _planes, _bits, size, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        png = data[offset:offset + size]
        if png.startswith(b"\x89PNG"):
            images[width or 256] = png
    return images


def png_size(png: bytes) -> tuple[int, int]:
    return struct.unpack(">II", png[16:24])


def icon_paths(images: Mapping[int, bytes]) -> dict[str, bytes]:
    """hicolor theme paths (under usr/share/icons) of the sizes the theme lists."""
    return {f"hicolor/{s}x{s}/apps/{PACKAGE}.png": images[s] for s in ICON_SIZES if s in images}


def relative_files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() or p.is_symlink())


#: Lintian tags this package earns by design, each with the reason (usr/share/lintian/overrides).
LINTIAN_OVERRIDES: tuple[tuple[str, str], ...] = (
    ("dir-or-file-in-opt", "An add-on application outside the Debian archive: FHS 3.13 puts it in /opt/<package>."),
    ("embedded-library", "The PyInstaller bundle carries the libraries it was built and tested with."),
    ("custom-library-search-path", "Qt and PySide6 find their bundled libraries through RUNPATH $ORIGIN."),
    ("library-not-linked-against-libc", "Python extension modules that call only libpython."),
    ("shared-library-lacks-prerequisites", "Python extension modules resolve their symbols from libpython."),
    ("hardening-no-pie", "PyInstaller's bootloader, as PyInstaller builds it."),
    ("initial-upload-closes-no-bugs", "Not uploaded to Debian: no Debian bug to close."),
)


def lintian_overrides() -> str:
    return "".join(f"# {why}\n{PACKAGE}: {tag}\n" for tag, why in LINTIAN_OVERRIDES)
