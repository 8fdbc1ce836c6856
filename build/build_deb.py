"""Build the Debian package from the one-folder bundle: dist/quality-review-workbench_VERSION_amd64.deb.

    .venv/bin/python build/build_deb.py          # make deb (builds the bundle first if dist/ has none)

Lays out build/deb/root/ (the bundle in /opt/quality-review-workbench/, the launcher in
/usr/bin/, the menu entry, hicolor icons, the work package MIME type, the copyright file and
changelog), then `dpkg-deb --root-owner-group --build`: every file root:root without fakeroot.
No maintainer scripts: dpkg's triggers (shared-mime-info, desktop-file-utils, hicolor icon
cache) refresh the caches, and nothing may touch a user's workspace.
"""
from __future__ import annotations

import argparse
import email.utils
import gzip
import hashlib
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "build"))

import debian_package as deb  # noqa: E402  (build/debian_package.py)
from workbench import APP_ID, __version__  # noqa: E402

DIST = ROOT / "dist"
STAGE = ROOT / "build" / "deb"
ICO = ROOT / "resources" / "icons" / "app.ico"
OWN_MODULES = {"main", "ui", "workbench", "db", "foundation"}
#: The date of the changelog entry: the last commit's, so the package is the same when built again.
CHANGELOG_DATE_COMMAND = ["git", "log", "-1", "--format=%ct"]


def deb_path(dist: Path = DIST, architecture: str = "amd64") -> Path:
    return dist / f"{deb.PACKAGE}_{deb.debian_version(__version__)}_{architecture}.deb"


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()


# -- what the bundle holds ----------------------------------------------------------------------

def archive_modules(executable: Path) -> set[str]:
    """The top-level modules in the executable's archive (PyInstaller's own reader)."""
    from PyInstaller.archive.readers import CArchiveReader
    archive = CArchiveReader(str(executable))
    names: set[str] = set()
    for entry in archive.toc:
        if entry.endswith(".pyz"):
            names |= {n.split(".")[0] for n in archive.open_embedded_archive(entry).toc}
    return names


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def python_components(modules: set[str], executable_name: str) -> list[deb.Bundled]:
    """The distributions providing the bundled modules; the standard library as one."""
    providers = importlib.metadata.packages_distributions()
    found: dict[str, deb.Bundled] = {}
    stdlib = set(sys.stdlib_module_names) | {"__future__", "_sysconfigdata__linux_x86_64-linux-gnu"}
    for module in sorted(modules - OWN_MODULES):
        if module.startswith("_pyi") or module in stdlib or module.startswith("_sysconfigdata"):
            name, version = "python-stdlib", sys.version.split()[0]
        elif module in providers:
            dist = providers[module][0]
            name, version = normalise(dist), importlib.metadata.version(dist)
        else:
            name, version = module, ""          # unknown: the licence check names it
        found[name] = deb.Bundled(name, version, (executable_name,))
    return list(found.values())


def library_components(bundle: Path) -> list[deb.Bundled]:
    """Every shared object file in _internal/: those of a Python package under their path
    (matched to the package's licence), the others under their file name."""
    out = []
    for path in sorted((bundle / "_internal").rglob("*.so*")):
        if not path.is_file() or path.is_symlink():
            continue
        rel = str(path.relative_to(bundle))
        top_level = path.parent == bundle / "_internal"
        out.append(deb.Bundled(path.name if top_level else rel, "", (rel,)))
    return out


def components(bundle: Path) -> list[deb.Bundled]:
    exe = bundle / APP_ID
    return python_components(archive_modules(exe), exe.name) + library_components(bundle)


def elf_files(bundle: Path) -> list[Path]:
    return [p for p in sorted(bundle.rglob("*")) if p.is_file() and not p.is_symlink()
            and p.open("rb").read(4) == b"\x7fELF"]


def system_depends(bundle: Path) -> list[str]:
    """Depends from ldd on every ELF file of the bundle (bundled libraries found first, as the
    bootloader arranges) and the glibc version their symbols need."""
    env = {**os.environ, "LD_LIBRARY_PATH": str(bundle / "_internal")}
    files = elf_files(bundle)
    sonames: set[str] = set()
    for path in files:
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        sonames |= deb.system_sonames(result.stdout, str(bundle))
    return deb.depends(sonames, deb.glibc_needed(p.read_bytes() for p in files))


# -- the package tree ---------------------------------------------------------------------------

def write(path: Path, data: str | bytes, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    path.chmod(mode)


def normalise_modes(tree: Path) -> None:
    """Directories 0755; files 0755 if executable (ELF executables, scripts), else 0644. Shared
    libraries are 0644 (Debian policy 10.9): the loader maps them without the x bit."""
    for path in [tree, *tree.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            executable = path.stat().st_mode & 0o111 and ".so" not in path.name
            path.chmod(0o755 if executable else 0o644)


def changelog_date() -> str:
    try:
        stamp = int(subprocess.run(CHANGELOG_DATE_COMMAND, cwd=ROOT, capture_output=True, text=True,
                                   check=True).stdout.strip())
    except (OSError, ValueError, subprocess.CalledProcessError):
        stamp = 0
    return email.utils.formatdate(stamp, usegmt=False, localtime=False).replace("-0000", "+0000")


def lay_out(bundle: Path, stage: Path) -> Path:
    """The installed tree in stage/root, with DEBIAN/control; returns the root."""
    root = stage / "root"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(bundle, root / deb.PREFIX.lstrip("/"), symlinks=True)
    share = root / "usr" / "share"
    write(root / "usr" / "bin" / deb.PACKAGE, deb.launcher_script(), 0o755)
    write(share / "applications" / deb.DESKTOP_ID, deb.desktop_entry())
    write(share / "mime" / "packages" / f"{deb.PACKAGE}.xml", deb.mime_xml())
    for rel, png in deb.icon_paths(deb.ico_images(ICO.read_bytes())).items():
        write(share / "icons" / rel, png)
    found = components(bundle)
    missing = deb.unlicensed(found)
    if missing:
        raise SystemExit(f"bundled without a licence entry in build/debian_package.py: {', '.join(missing)}")
    version = deb.debian_version(__version__)
    doc = share / "doc" / deb.PACKAGE
    write(doc / "copyright", deb.copyright_text(found, __version__))
    write(doc / "changelog.Debian.gz", gzip.compress(deb.changelog(version, changelog_date()).encode(), 9, mtime=0))
    write(share / "lintian" / "overrides" / deb.PACKAGE, deb.lintian_overrides())
    write(share / "man" / "man1" / f"{deb.PACKAGE}.1.gz", gzip.compress(deb.manual_page(version).encode(), 9, mtime=0))
    normalise_modes(root)
    files = [p for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink()]
    installed_kb = (sum(p.stat().st_size for p in files) + 1023) // 1024
    control = deb.control_text(version, architecture(), installed_kb, system_depends(bundle))
    write(root / "DEBIAN" / "control", control)
    sums = "".join(f"{hashlib.md5(p.read_bytes()).hexdigest()}  {p.relative_to(root)}\n" for p in files)
    write(root / "DEBIAN" / "md5sums", sums)
    return root


def build(bundle: Path, out: Path, stage: Path = STAGE) -> Path:
    root = lay_out(bundle, stage)
    out.parent.mkdir(parents=True, exist_ok=True)
    # gzip, not xz: a few seconds instead of a minute on CI's two cores, for ~10 MB more.
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(root), str(out)],
                   check=True, stdout=subprocess.DEVNULL)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=DIST, help="where the bundle is and the .deb goes")
    args = parser.parse_args(argv)
    bundle = args.dist / APP_ID
    if not (bundle / APP_ID).is_file():
        print(f"no bundle in {bundle}: building it first (make dist)")
        subprocess.run([sys.executable, str(ROOT / "build" / "build_dist.py"), "--dist", str(args.dist)], check=True)
    started = time.monotonic()
    out = build(bundle, deb_path(args.dist, architecture()))
    print(f"Built {out} ({out.stat().st_size / 1e6:.1f} MB) in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
