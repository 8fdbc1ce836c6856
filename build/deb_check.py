"""CI's check of the Debian package (make deb-check, after make dist-check): build the .deb from
the bundle dist-check built (PyInstaller is not run again), then

- `dpkg-deb --info` / `--contents`: the fields and the paths expected, every file root:root;
- lintian, when installed: no errors (errors fail the check; without lintian it is skipped, said),
  run beside the install check;
- install with `dpkg --root=DIR --force-not-root --force-depends -i` into a throwaway root (the
  package has no maintainer scripts, so no chroot is needed; the dependencies are the host's),
  run the installed bundle's `self-test` from DIR/opt/... (the /usr/bin launcher execs the
  absolute /opt path, so inside DIR its text is checked instead), build the MIME database of
  DIR/usr/share and ask `xdg-mime` which type *.qrpkg is and which application opens it;
- `dpkg --root=DIR --purge`: the package's files gone, a workspace in DIR's home untouched.

    .venv/bin/python build/deb_check.py
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "build"))

import build_deb  # noqa: E402  (build/build_deb.py)
import debian_package as deb  # noqa: E402
from workbench import APP_ID  # noqa: E402

EXPECTED_PATHS = (
    f"./opt/{deb.PACKAGE}/{APP_ID}",
    f"./usr/bin/{deb.PACKAGE}",
    f"./usr/share/applications/{deb.DESKTOP_ID}",
    f"./usr/share/mime/packages/{deb.PACKAGE}.xml",
    f"./usr/share/doc/{deb.PACKAGE}/copyright",
    f"./usr/share/doc/{deb.PACKAGE}/changelog.Debian.gz",
    f"./usr/share/man/man1/{deb.PACKAGE}.1.gz",
    *(f"./usr/share/icons/hicolor/{s}x{s}/apps/{deb.PACKAGE}.png" for s in deb.ICON_SIZES),
)


def run(*command: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout,
                          encoding="utf-8", errors="replace")


def check_archive(package: Path) -> list[str]:
    info = run("dpkg-deb", "--info", str(package)).stdout
    contents = run("dpkg-deb", "--contents", str(package)).stdout.splitlines()
    problems = [f"control has no {field}" for field in (f"Package: {deb.PACKAGE}", "Depends: libc6 (>=",
                                                           "fonts-wqy-microhei | fonts-noto-cjk") if field not in info]
    problems += [f"maintainer script {s} (none wanted)" for s in ("preinst", "postinst", "prerm", "postrm")
                 if f" {s} " in info]
    paths = {line.split()[-1] if " -> " not in line else line.split()[-3] for line in contents}
    problems += [f"missing from the package: {p}" for p in EXPECTED_PATHS if p not in paths]
    problems += [f"not root:root: {line}" for line in contents if line.split()[1] != "root/root"]
    problems += [f"writable by others: {line}" for line in contents if line[8] == "w" and line[0] != "l"]
    launcher = [line for line in contents if line.endswith(f"./usr/bin/{deb.PACKAGE}")]
    if launcher and not launcher[0].startswith("-rwxr-xr-x"):
        problems.append(f"launcher mode: {launcher[0]}")
    print(f"dpkg-deb: {len(contents)} entries, the {len(EXPECTED_PATHS)} expected paths "
          f"{'present' if not problems else 'checked'}, all root:root")
    return problems


def start_lintian(package: Path) -> subprocess.Popen | None:
    """lintian runs beside the install check (it takes most of the time); None if not installed."""
    if shutil.which("lintian") is None:
        print("lintian: not installed here, skipped (apt-get install lintian to run it)")
        return None
    return subprocess.Popen(["lintian", "--fail-on", "error", "--no-tag-display-limit", str(package)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                            errors="replace")


def lintian_problems(process: subprocess.Popen | None, started: float) -> list[str]:
    if process is None:
        return []
    out, err = process.communicate(timeout=600)
    tags = [line for line in out.splitlines() if line[:2] in ("E:", "W:")]
    print(f"lintian: exit {process.returncode}, {sum(t.startswith('E:') for t in tags)} errors, "
          f"{sum(t.startswith('W:') for t in tags)} warnings (done {time.monotonic() - started:.1f} s after the build)")
    for tag in tags:
        print(f"  {tag}")
    return [f"lintian: {t}" for t in tags if t.startswith("E:")] or \
        ([f"lintian exited {process.returncode}: {err.strip()}"] if process.returncode else [])


def fake_dpkg_root(root: Path) -> None:
    for folder in ("var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers", "var/log"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    for name in ("status", "available"):
        (root / "var/lib/dpkg" / name).touch()


def dpkg(root: Path, *args: str) -> subprocess.CompletedProcess:
    return run("dpkg", f"--root={root}", "--force-not-root", "--force-depends", "--log=/dev/null", *args)


def check_installed(root: Path) -> list[str]:
    """The installed tree: the self-test, the launcher, the MIME type and its handler."""
    problems = []
    launcher = (root / "usr" / "bin" / deb.PACKAGE).read_text(encoding="utf-8")
    if f"exec {deb.PREFIX}/{APP_ID} " not in launcher:
        problems.append(f"the launcher does not exec {deb.PREFIX}/{APP_ID}: {launcher}")
    home = root / "home" / "user"
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / ".local/share"), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("WORKBENCH_HOME", None)
    env.pop("WORKBENCH_DB", None)
    result = run(str(root / deb.PREFIX.lstrip("/") / APP_ID), "self-test", env=env)
    print(f"installed self-test: exit {result.returncode}, last line {result.stdout.strip().splitlines()[-1:]}")
    if result.returncode != 0 or result.stdout.strip().splitlines()[-1:] != ["OK"]:
        problems.append(f"installed self-test exited {result.returncode}: {result.stderr.strip()[-500:]}")
    share = root / "usr" / "share"
    xdg = {**env, "XDG_DATA_DIRS": str(share), "XDG_DATA_HOME": str(root / "empty"),
           "XDG_CONFIG_HOME": str(root / "empty"), "XDG_CURRENT_DESKTOP": ""}
    if shutil.which("update-mime-database") is None:
        return problems + ["update-mime-database is not installed (apt-get install shared-mime-info)"]
    run("update-mime-database", str(share / "mime"), env=xdg)
    globs = (share / "mime" / "globs2").read_text(encoding="utf-8") if (share / "mime" / "globs2").is_file() else ""
    sample = root / "home" / "user" / "Li Na.qrpkg"
    sample.write_bytes(b"SQLite format 3\x00")
    if shutil.which("xdg-mime"):
        filetype = run("xdg-mime", "query", "filetype", str(sample), env=xdg).stdout.strip()
        default = run("xdg-mime", "query", "default", deb.MIME_TYPE, env=xdg).stdout.strip()
    else:   # xdg-utils not installed: the desktop entry's own claim instead
        print("xdg-mime: not installed here (apt-get install xdg-utils); the desktop entry's MimeType read instead")
        entry = (share / "applications" / deb.DESKTOP_ID).read_text(encoding="utf-8")
        filetype = deb.MIME_TYPE if f"{deb.MIME_TYPE}:*.qrpkg" in globs else ""
        default = deb.DESKTOP_ID if f"MimeType={deb.MIME_TYPE};" in entry else ""
    print(f"mime: globs2 {'names' if f'{deb.MIME_TYPE}:*.qrpkg' in globs else 'lacks'} *.qrpkg; "
          f"xdg-mime filetype {filetype!r}, default {default!r}")
    if f"{deb.MIME_TYPE}:*.qrpkg" not in globs:
        problems.append("the MIME database has no glob *.qrpkg")
    if filetype != deb.MIME_TYPE or default != deb.DESKTOP_ID:
        problems.append(f"xdg-mime: {sample.name} is {filetype!r}, opened by {default!r}")
    return problems


def upgrade_package(folder: Path) -> Path:
    """The same tree as the next packaging revision (uncompressed: it is built only to be installed)."""
    stage = build_deb.STAGE / "root"
    control = (stage / "DEBIAN" / "control").read_text(encoding="utf-8")
    current = deb.fields_version(control)
    tree = folder / "upgrade-tree"
    shutil.copytree(stage, tree, symlinks=True)
    (tree / "DEBIAN" / "control").write_text(control.replace(f"Version: {current}", f"Version: {current}+1"),
                                             encoding="utf-8")
    out = folder / "upgrade.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Znone", "--build", str(tree), str(out)], check=True,
                   stdout=subprocess.DEVNULL)
    shutil.rmtree(tree)
    return out


def check_upgrade(root: Path, folder: Path) -> list[str]:
    """Upgrading to a newer version keeps the workspace as it is."""
    workspace = root / "home" / "user" / ".local" / "share" / APP_ID / "workspace.sqlite3"
    result = dpkg(root, "-i", str(upgrade_package(folder)))
    version = run("dpkg-query", f"--admindir={root}/var/lib/dpkg", "-W", "-f=${Version}", deb.PACKAGE).stdout
    kept = workspace.read_bytes() == b"the user's workspace"
    print(f"dpkg --root -i (upgrade to {version}): exit {result.returncode}, "
          f"the workspace in the home folder {'untouched' if kept else 'CHANGED'}")
    if result.returncode != 0 or not version.endswith("+1") or not kept:
        return [f"upgrade: exit {result.returncode} {result.stderr.strip()}, version {version}, workspace kept {kept}"]
    return []


def check_install_remove(package: Path) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="workbench-deb-check-") as folder:
        root = Path(folder)
        fake_dpkg_root(root)
        workspace = root / "home" / "user" / ".local" / "share" / APP_ID / "workspace.sqlite3"
        workspace.parent.mkdir(parents=True)
        workspace.write_bytes(b"the user's workspace")
        result = dpkg(root, "-i", str(package))
        if result.returncode != 0:
            return [f"dpkg -i into {root} exited {result.returncode}: {result.stderr.strip()}"]
        status = run("dpkg-query", f"--admindir={root}/var/lib/dpkg", "-W", "-f=${Status}", deb.PACKAGE).stdout
        print(f"dpkg --root -i: {status}")
        problems = [] if status == "install ok installed" else [f"installed status: {status!r}"]
        problems += check_installed(root)
        problems += check_upgrade(root, Path(folder))
        result = dpkg(root, "--purge", deb.PACKAGE)
        left = [p for p in (root / "opt" / deb.PACKAGE, root / "usr" / "bin" / deb.PACKAGE,
                            root / "usr" / "share" / "applications" / deb.DESKTOP_ID) if p.exists()]
        kept = workspace.read_bytes() == b"the user's workspace"
        print(f"dpkg --root --purge: exit {result.returncode}, {len(left)} package files left, "
              f"the workspace in the home folder {'untouched' if kept else 'CHANGED'}")
        if result.returncode != 0 or left or not kept:
            problems.append(f"purge: exit {result.returncode} {result.stderr.strip()}, left {left}, workspace kept {kept}")
        return problems


def main() -> int:
    started = time.monotonic()
    bundle = build_deb.DIST / APP_ID
    if not (bundle / APP_ID).is_file():
        print(f"no bundle in {bundle}: run make dist-check first", file=sys.stderr)
        return 1
    package = build_deb.build(bundle, build_deb.deb_path(build_deb.DIST, build_deb.architecture()))
    print(f"built {package.name} ({package.stat().st_size / 1e6:.1f} MB) in {time.monotonic() - started:.1f} s")
    built = time.monotonic()
    lintian = start_lintian(package)
    problems = check_archive(package) + check_install_remove(package)
    problems += lintian_problems(lintian, built)
    for problem in problems:
        print(f"FAILED: {problem}", file=sys.stderr)
    print(f"deb-check {'failed' if problems else 'passed'} in {time.monotonic() - started:.1f} s")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
