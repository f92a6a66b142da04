"""Word files from an unknown sender, each made here (nothing downloaded): broken, a ZIP
bomb, XML that expands or reaches outside, password-protected, the old .doc format,
incomplete, too large, or not what its name says.

Whatever comes in: ``check`` names the file in one Dutch line on stderr and exits 2, never
a traceback; ``fix`` leaves its bytes exactly as they were; in a folder the other files are
still checked and fixed."""

from __future__ import annotations

import io
import os
import struct
import tracemalloc
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from wordfile import members, simple_docx

from conftest import assert_one_line_error, cli, findings, run, said, write
from taalwacht.errors import InputError
from taalwacht.formats.package import Limits, Package

MAIN = "word/document.xml"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MB = 1_000_000


def good_docx(text: str = "De klant krijgt een brief.") -> bytes:
    return simple_docx(text)


def package(parts: dict[str, bytes], level: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", level) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


def with_main(xml: bytes) -> bytes:
    """A real Word package whose main part is ``xml``."""
    parts = members(good_docx())
    parts[MAIN] = xml
    return package(parts)


def zeros_member(path: Path, name: str, size: int, level: int = 9) -> None:
    """Append a member of ``size`` zero bytes to the package at ``path``, streamed in
    chunks (a 300 MB bomb costs 1 MB of memory to make)."""
    chunk = bytes(1 << 20)
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=level) as target,
        target.open(name, "w", force_zip64=size > 2**31) as member,
    ):
        left = size
        while left:
            member.write(chunk[: min(left, len(chunk))])
            left -= min(left, len(chunk))


def ole(stream_name: str) -> bytes:
    """An OLE compound file whose directory names ``stream_name`` (UTF-16, as OLE stores
    it): the header, a directory sector with the entry, padding to whole sectors."""
    header = OLE_MAGIC + bytes(16) + struct.pack("<HHHH", 0x3E, 3, 0xFFFE, 9)
    header = header.ljust(512, b"\x00")
    name = stream_name.encode("utf-16-le") + b"\x00\x00"
    entry = (name.ljust(64, b"\x00") + struct.pack("<HBB", len(name), 2, 1)).ljust(128, b"\x00")
    return header + entry.ljust(512, b"\x00") + bytes(1024)


LAUGHS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">'
        % (i, b"".join(b"&lol%d;" % (i - 1) if i > 1 else b"&lol;" for _ in range(10)))
        for i in range(1, 10)
    )
    + b"]>"
    + f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>De klant &lol9;</w:t></w:r>'
    "</w:p></w:body></w:document>".encode()
)
EXTERNAL = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<!DOCTYPE w:document SYSTEM "file:///etc/passwd">'
    + f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>De klant</w:t></w:r></w:p>'
    "</w:body></w:document>".encode()
)
EXTERNAL_ENTITY = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<!DOCTYPE w:document [<!ENTITY geheim SYSTEM "file:///etc/passwd">]>'
    + f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>De klant &geheim;</w:t></w:r>'
    "</w:p></w:body></w:document>".encode()
)


def _truncated(folder: Path) -> bytes:
    data = good_docx()
    return data[: len(data) // 2]


def _bomb(folder: Path) -> bytes:
    path = folder / "bouw.zip"
    path.write_bytes(good_docx())
    zeros_member(path, "word/media/image1.png", 50 * 2**20)
    data = path.read_bytes()
    path.unlink()
    return data


def _without_main(folder: Path) -> bytes:
    parts = members(good_docx())
    del parts[MAIN]
    return package(parts)


def _malformed(folder: Path) -> bytes:
    xml = members(good_docx())[MAIN]
    return with_main(xml.replace(b"</w:body>", b"</w:bod>"))


def _deep(folder: Path) -> bytes:
    """A main part nested 100 000 elements deep (a reader that recursed would crash)."""
    opening = f'<w:document xmlns:w="{W_NS}"><w:body><w:p>'.encode()
    nested = b"<w:hyperlink>" * 100_000 + b"</w:hyperlink>" * 100_000
    return with_main(opening + nested + b"</w:p></w:body></w:document>")


def _utf16_doctype(folder: Path) -> bytes:
    text = LAUGHS.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    return with_main(text.encode("utf-16"))


def _encrypted_member(folder: Path) -> bytes:
    """A package whose members say they are encrypted (ZIP's own password protection)."""
    data = bytearray(good_docx())
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at >= 0:
            data[at + flag_at] |= 0x01
            at = data.find(signature, at + 4)
    return bytes(data)


def _huge(folder: Path) -> bytes:
    write(folder / "taalwacht.toml", "max-document-mb = 1\n")
    parts = members(good_docx())
    parts["word/media/image1.png"] = os.urandom(2 * MB)
    return package(parts, zipfile.ZIP_STORED)


def _spreadsheet(folder: Path) -> bytes:
    return package(
        {
            "[Content_Types].xml": b'<?xml version="1.0"?><Types/>',
            "xl/workbook.xml": b'<?xml version="1.0"?><workbook/>',
        }
    )


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], bytes]
    message: Callable[[], str]
    walk_fails: bool = True  # a folder walk reports it as an error (exit 2), not skipped


CASES = {
    "truncated": Case("kapot.docx", _truncated, lambda: said("package.corrupt")),
    "zip bomb": Case("bom.docx", _bomb, lambda: said("package.bomb", name="word/media/image1.png")),
    "billion laughs": Case(
        "lachen.docx", lambda f: with_main(LAUGHS), lambda: said("package.doctype", name=MAIN)
    ),
    "external dtd": Case(
        "extern.docx", lambda f: with_main(EXTERNAL), lambda: said("package.doctype", name=MAIN)
    ),
    "external entity": Case(
        "entiteit.docx",
        lambda f: with_main(EXTERNAL_ENTITY),
        lambda: said("package.doctype", name=MAIN),
    ),
    "doctype in utf-16": Case(
        "utf16.docx", _utf16_doctype, lambda: said("package.doctype", name=MAIN)
    ),
    "password (OLE)": Case(
        "geheim.docx", lambda f: ole("EncryptionInfo"), lambda: said("package.encrypted")
    ),
    "encrypted members": Case(
        "versleuteld.docx", _encrypted_member, lambda: said("package.encrypted")
    ),
    "old .doc": Case("oud.doc", lambda f: ole("WordDocument"), lambda: said("package.old-doc")),
    "without main part": Case(
        "zonder.docx", _without_main, lambda: said("package.missing-part", name=MAIN)
    ),
    "malformed xml": Case("slecht.docx", _malformed, lambda: said("package.bad-xml", name=MAIN)),
    "nested too deep": Case("diep.docx", _deep, lambda: said("package.bad-xml", name=MAIN)),
    "over max-document-mb": Case(
        "groot.docx", _huge, lambda: said("package.file-too-large", mb=2, limit=1)
    ),
    "spreadsheet named .docx": Case(
        "rekenblad.docx",
        _spreadsheet,
        lambda: said("write.binary-kind", kind=said("write.kind-xlsx")),
        walk_fails=False,
    ),
}


@pytest.fixture(params=sorted(CASES), ids=sorted(CASES))
def case(request: pytest.FixtureRequest) -> Case:
    return CASES[request.param]


def made(folder: Path, case: Case) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return write(folder / case.name, case.make(folder))


def test_check_names_the_file_in_one_dutch_line(tmp_path: Path, case: Case) -> None:
    path = made(tmp_path, case)
    proc = cli("check", case.name, cwd=tmp_path)
    assert_one_line_error(proc, case.name, case.message())
    assert proc.stdout == ""
    assert path.exists()


def test_fix_leaves_the_file_as_it_was(workdir: Path, case: Case) -> None:
    path = made(workdir, case)
    before = path.read_bytes()
    entries = sorted(p.name for p in workdir.iterdir())
    result = run("fix", case.name)
    assert result.exit_code == 2, result.output
    assert case.message() in result.stderr
    assert "Traceback" not in result.output
    assert path.read_bytes() == before
    assert sorted(p.name for p in workdir.iterdir()) == entries  # no backup, no temp file


def test_a_folder_goes_on_past_the_bad_file(workdir: Path, case: Case) -> None:
    made(workdir / "post", case)
    if (workdir / "post" / "taalwacht.toml").exists():
        (workdir / "post" / "taalwacht.toml").rename(workdir / "taalwacht.toml")
    good = write(workdir / "post" / "goed.docx", good_docx())
    checked = run("check", "--format", "json", "post")
    assert [(f["path"], f["text"]) for f in findings(checked.stdout)] == [
        (os.path.join("post", "goed.docx"), "klant")
    ]
    bad = os.path.join("post", case.name)
    if case.walk_fails:
        assert checked.exit_code == 2, checked.output
        assert f"{bad}: {case.message()}" in checked.stderr
    else:
        assert checked.exit_code == 1, checked.output
        assert bad in checked.stderr  # skipped, and said so
    before = (workdir / bad).read_bytes()
    fixed = run("fix", "post")
    assert fixed.exit_code == (2 if case.walk_fails else 0), fixed.output
    assert (workdir / bad).read_bytes() == before
    assert "De inwoner krijgt een brief." in members(good.read_bytes())[MAIN].decode()


# ------------------------------------------------------------- bombs at full size


def test_a_300_mb_member_is_refused_by_the_default_limits(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.docx", good_docx())
    zeros_member(path, "word/media/image1.png", 300 * 2**20, level=1)
    assert path.stat().st_size < 3 * MB
    proc = cli("check", "bom.docx", cwd=tmp_path)
    assert_one_line_error(proc, "bom.docx", said("package.too-large", mb=314))


@pytest.mark.slow
def test_many_small_members_over_the_total_are_refused(tmp_path: Path) -> None:
    """Each member below the ratio's threshold, together more than a gigabyte."""
    path = write(tmp_path / "bom.docx", good_docx())
    for n in range(110):
        zeros_member(path, f"word/media/image{n}.png", 9_500_000, level=1)
    proc = cli("check", "bom.docx", cwd=tmp_path)
    assert_one_line_error(proc, "bom.docx", said("package.too-large", mb=1045))


def test_smaller_limits_refuse_by_total_count_and_ratio(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.docx", good_docx())
    zeros_member(path, "word/media/image1.png", 3 * MB)
    data = path.read_bytes()
    Package(data, "bom.docx")  # the default limits let a 3 MB picture through
    limits = {
        "total": (Limits(total=2 * MB), said("package.too-large", mb=3)),
        "members": (Limits(members=5), said("package.too-many", n=len(members(data)))),
        "ratio": (
            Limits(ratio_from=MB),
            said("package.bomb", name="word/media/image1.png"),
        ),
    }
    for limit, message in limits.values():
        with pytest.raises(InputError) as caught:
            Package(data, "bom.docx", limit)
        assert message in str(caught.value)
        assert str(caught.value).startswith("bom.docx: ")


def _forge_size(data: bytes, name: bytes, size: int) -> bytes:
    """The package with ``name``'s declared unpacked size set to ``size`` in both its local
    header and the central directory (a forged directory entry)."""
    out = bytearray(data)
    at = out.find(b"PK\x03\x04")
    while at >= 0:
        length = struct.unpack_from("<H", out, at + 26)[0]
        if out[at + 30 : at + 30 + length] == name:
            struct.pack_into("<I", out, at + 22, size)
        at = out.find(b"PK\x03\x04", at + 4)
    at = out.find(b"PK\x01\x02")
    while at >= 0:
        length = struct.unpack_from("<H", out, at + 28)[0]
        if out[at + 46 : at + 46 + length] == name:
            struct.pack_into("<I", out, at + 24, size)
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def test_a_forged_size_cannot_unpack_more_than_it_declares(tmp_path: Path) -> None:
    xml = members(good_docx())[MAIN]
    padded = xml.replace(b"</w:body>", b" " * (40 * MB) + b"</w:body>")
    data = _forge_size(with_main(padded), MAIN.encode(), 4096)
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as caught:
            Package(data, "vals.docx").read(MAIN)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(caught.value).startswith("vals.docx: ")
    assert peak < 8 * MB  # never unpacked the 40 MB
    write(tmp_path / "vals.docx", data)
    assert_one_line_error(cli("check", "vals.docx", cwd=tmp_path), "vals.docx")


# ------------------------------------------------------- not what the name says


def test_a_docx_holding_text_is_read_as_the_text_it_is(workdir: Path) -> None:
    write(workdir / "brief.docx", "De klant krijgt een brief.\n")
    checked = run("check", "--format", "json", "brief.docx")
    assert checked.exit_code == 1, checked.output
    (found,) = findings(checked.stdout)
    assert (found["text"], found["line"], found["column"]) == ("klant", 1, 4)
    assert "place" not in found or found["place"] is None


def test_a_txt_holding_word_is_read_as_word_in_a_folder_too(workdir: Path) -> None:
    write(workdir / "map" / "brief.txt", good_docx())
    checked = run("check", "--format", "json", "map")
    assert checked.exit_code == 1, checked.output
    (found,) = findings(checked.stdout)
    assert found["place"] == {"part": "hoofdtekst", "number": 1}
    fixed = run("fix", "map")
    assert fixed.exit_code == 0, fixed.output
    data = (workdir / "map" / "brief.txt").read_bytes()
    assert data.startswith(b"PK\x03\x04")  # still a Word package
    assert b"De inwoner krijgt een brief." in members(data)[MAIN]
