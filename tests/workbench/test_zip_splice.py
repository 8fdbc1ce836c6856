"""Compressed parts spliced into a zip member (workbench/report/zip_splice.py): the member reads
back as the file with the parts' markup inserted, its CRC checked; the CRC combination is zlib's;
the zip writer's private names it uses are still there."""
import random
import zlib
from zipfile import ZIP_DEFLATED, ZipFile

from workbench.report.zip_splice import Deflater, SplicingZipFile, crc32_combine


def test_crc32_combine_is_the_crc_of_the_two_together():
    rng = random.Random(5)
    for first, second in ((0, 0), (1, 0), (0, 7), (13, 1), (1000, 4097), (70_000, 65_536)):
        a, b = rng.randbytes(first), rng.randbytes(second)
        assert crc32_combine(zlib.crc32(a), zlib.crc32(b), len(b)) == zlib.crc32(a + b)


def test_a_member_with_parts_spliced_in_reads_back_whole(tmp_path):
    rng = random.Random(6)
    made = [("<row>%d 汉字 %s</row>" % (n, rng.random())).encode() * rng.randint(1, 400) for n in range(3)]
    with open(tmp_path / "parts", "wb") as out:      # the worker's file: two parts, the second in two writes
        out.write(b"junk before")
        first = Deflater(out)
        first.write(made[0])
        one = first.close()
        second = Deflater(out)
        second.write(made[1])
        second.write(made[2])
        two = second.close()
    own = tmp_path / "sheet.xml"
    own.write_bytes(b"<head/>" + b"<middle/>" + b"<tail/>")
    with SplicingZipFile(tmp_path / "z.zip", "w", ZIP_DEFLATED) as archive:
        archive.writestr("before.xml", "x")
        archive.splices = {str(own): [(7, one), (16, two)]}
        archive.write(str(own), "sheet.xml")
        archive.splices = {}
        archive.write(str(own), "plain.xml")
        archive.splices = {str(own): [(0, one), (0, two)]}     # parts first, nothing of ours between
        archive.write(str(own), "leading.xml")
    with ZipFile(tmp_path / "z.zip") as archive:
        assert archive.testzip() is None                      # every member's CRC checked
        assert archive.read("sheet.xml") == b"<head/>" + made[0] + b"<middle/>" + made[1] + made[2] + b"<tail/>"
        assert archive.read("plain.xml") == own.read_bytes() and archive.read("before.xml") == b"x"
        assert archive.read("leading.xml") == made[0] + made[1] + made[2] + own.read_bytes()
        assert archive.getinfo("sheet.xml").file_size == len(archive.read("sheet.xml"))


def test_the_zip_writers_private_names_are_still_there(tmp_path):
    with ZipFile(tmp_path / "z.zip", "w", ZIP_DEFLATED) as archive, archive.open("m", "w") as member:
        assert all(hasattr(member, name) for name in ("_fileobj", "_compressor", "_file_size", "_compress_size",
                                                       "_crc")), "check workbench/report/zip_splice.py"
        assert hasattr(archive, "_strict_timestamps")
