"""A smaller ICU data library for the Linux bundle: 32 MB of ICU data cut to the few MB Qt uses.

On Linux, PySide6's QtCore links ICU, whose data library libicudata.so.NN is a 32 MB blob
(every language's collation, calendars, units, currencies, break rules, hundreds of legacy
character sets). Windows and macOS builds of Qt use the operating system's ICU and carry none.
QtCore calls ICU for four things only (`nm -D --undefined-only libQt6Core.so.6 | grep icu`):
collation (ucol_*), time-zone names (ucal_*), legacy text codecs (ucnv_*) and locale-aware
case mapping (u_strToUpper/Lower, whose tables are built into libicuuc). This module keeps
those items for the root, English and Chinese locales, plus the Chinese legacy codecs, and
writes them back as a library with the same soname and symbol, so nothing else changes.

The data is ICU's "common data" package (format CmnD): a header, a table of contents of
(name offset, data offset) pairs relative to the table, the names, then the items, each
16-byte aligned. The library is assembled with `.incbin`, so building it needs a C compiler
(gcc or cc); without one the build keeps the original library and says so.

    .venv/bin/python build/icu_data.py OUT_DIR    # writes OUT_DIR/libicudata.so.NN, prints sizes
"""
from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# Locale data kept: the root, English and Chinese (all scripts and regions), and each tree's
# index and shared key pool.
KEEP_LOCALE = re.compile(r"^(root|res_index|pool|en|en_\w+|zh|zh_\w+)\.res$")
# Subtrees Qt reads: collation and time-zone names. Dropped: brkitr (Qt breaks text itself),
# curr, lang, region, unit, rbnf, translit (APIs Qt never calls).
KEEP_TREES = {"coll", "zone"}
# Legacy codecs kept for QStringConverter: the Chinese ones (GB18030, GBK, GB2312/EUC-CN,
# Big5, Big5-HKSCS, in ICU's IBM and Windows variants, which the aliases point to).
KEEP_CONVERTERS = re.compile(r"^(gb18030|windows-936-2000|windows-950-2000|ibm-1383_P110-1999|"
                             r"ibm-5478_P100-1995|ibm-1386_P100-2001|ibm-950_P110-1999|ibm-1373_P100-2002|"
                             r"ibm-1375_P100-2008)\.cnv$")
# Large top-level items no Qt call reads: character names, spoof checks, StringPrep profiles.
DROP_TOP = re.compile(r"^(unames\.icu|confusables\.cfu|.*\.spp)$")

SYMBOL = re.compile(rb"^icudt(\d+)_dat$")
PAD = b"\xaa"     # what ICU's own packager fills alignment gaps with


@dataclass(frozen=True)
class CommonData:
    header: bytes                      # the package header, kept as is
    items: tuple[tuple[str, bytes], ...]   # (name such as "icudt73l/coll/zh.res", data), sorted by name


def keep_item(name: str) -> bool:
    """Whether an item (e.g. "icudt73l/coll/zh.res") stays in the trimmed data."""
    parts = name.split("/")[1:]
    leaf = parts[-1]
    if len(parts) == 1:
        if leaf.endswith(".cnv"):
            return bool(KEEP_CONVERTERS.match(leaf))
        if DROP_TOP.match(leaf):
            return False
    elif parts[0] not in KEEP_TREES:
        return False
    if leaf.endswith(".res") and re.match(r"^[a-z]{2,3}(_\w*)?\.res$", leaf):
        return bool(KEEP_LOCALE.match(leaf))   # a locale's file (or res_index): only ours
    return True


def read_elf_symbol(data: bytes) -> tuple[str, int, int]:
    """(symbol name, file offset, size) of the icudtNN_dat symbol of an ELF64 little-endian library."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF library")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:          # SHT_DYNSYM
            continue
        strtab = sections[link]
        for index in range(size // entsize):
            st_name, _st_info, _st_other, st_shndx, st_value, st_size = struct.unpack_from(
                "<IBBHQQ", data, offset + index * entsize)
            start = strtab[4] + st_name
            name = data[start:data.index(b"\0", start)]
            if SYMBOL.match(name):
                home = sections[st_shndx]
                return name.decode(), st_value - home[3] + home[4], st_size
    raise ValueError("no icudtNN_dat symbol")


def parse(blob: bytes) -> CommonData:
    header_size, = struct.unpack_from("<H", blob, 0)
    if blob[2:4] != b"\xda\x27" or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    count, = struct.unpack_from("<I", blob, header_size)
    toc = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_offset, data_offset) in enumerate(toc):
        start = header_size + name_offset
        name = blob[start:blob.index(b"\0", start)].decode("ascii")
        end = header_size + toc[i + 1][1] if i + 1 < count else len(blob)
        items.append((name, blob[header_size + data_offset:end]))
    return CommonData(blob[:header_size], tuple(items))


def _pad16(n: int) -> int:
    return (n + 15) & ~15


def serialise(data: CommonData) -> bytes:
    """The package again: offsets relative to the table of contents, items 16-byte aligned."""
    items = sorted(data.items)          # ICU looks names up by binary search
    toc_size = 4 + 8 * len(items)
    name_offsets, encoded, length = [], [], 0
    for name, _ in items:
        name_offsets.append(toc_size + length)
        encoded.append(name.encode("ascii") + b"\0")
        length += len(encoded[-1])
    names = b"".join(encoded)
    cursor = _pad16(len(data.header) + toc_size + len(names)) - len(data.header)
    chunks, data_offsets, length = [], [], 0
    for _, item in items:
        data_offsets.append(cursor + length)
        chunks.append(item + PAD * (_pad16(len(item)) - len(item)))
        length += len(chunks[-1])
    body = b"".join(chunks)
    toc = struct.pack("<I", len(items)) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets))
    gap = PAD * (cursor - toc_size - len(names))
    return data.header + toc + names + gap + body


def trim(data: CommonData) -> CommonData:
    return CommonData(data.header, tuple(item for item in data.items if keep_item(item[0])))


ASSEMBLY = """\
/* ICU common data, trimmed by build/icu_data.py */
    .section .rodata
    .balign 16
    .globl {symbol}
    .type {symbol}, @object
{symbol}:
    .incbin "{data}"
    .size {symbol}, . - {symbol}
    .section .note.GNU-stack,"",@progbits
"""


def compiler() -> str | None:
    return shutil.which("gcc") or shutil.which("cc")


def build_library(original: Path, out_dir: Path) -> Path | None:
    """Write out_dir/<same name> holding the trimmed data; None when no compiler is at hand."""
    cc = compiler()
    if cc is None:
        return None
    raw = original.read_bytes()
    symbol, offset, size = read_elf_symbol(raw)
    trimmed = serialise(trim(parse(raw[offset:offset + size])))
    out_dir.mkdir(parents=True, exist_ok=True)
    dat = out_dir / f"{symbol.removesuffix('_dat')}.dat"
    dat.write_bytes(trimmed)
    source = out_dir / "icudata.S"
    source.write_text(ASSEMBLY.format(symbol=symbol, data=dat.resolve().as_posix()), encoding="ascii")
    target = out_dir / original.name
    subprocess.run([cc, "-shared", "-nostdlib", "-o", str(target), f"-Wl,-soname,{original.name}",
                    "-Wl,-z,noexecstack", str(source)], check=True)
    return target


def replace_in_toc(binaries: list, out_dir: Path) -> list:
    """PyInstaller's binaries with the ICU data library swapped for the trimmed one."""
    result = []
    for dest, source, kind in binaries:
        if re.fullmatch(r"libicudata\.so\.\d+", Path(dest).name):
            built = build_library(Path(source), out_dir)
            if built is None:
                print("warning: no C compiler; the full ICU data library is bundled", file=sys.stderr)
            else:
                source = str(built)
        result.append((dest, source, kind))
    return result


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import PySide6
    libs = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not libs:
        print("This PySide6 carries no ICU data library (not Linux?): nothing to trim.")
        return 0
    out = build_library(libs[0], Path(argv[0]) if argv else Path("build/work/icu"))
    if out is None:
        print("No C compiler: the ICU data library cannot be rebuilt.", file=sys.stderr)
        return 1
    print(f"{libs[0].name}: {libs[0].stat().st_size / 1e6:.1f} MB -> {out.stat().st_size / 1e6:.1f} MB ({out})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
