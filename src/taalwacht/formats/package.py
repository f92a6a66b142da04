"""Office packages (Word's .docx, OpenDocument's .odt) opened safely and written back whole.

A package is a ZIP file of XML parts. Opening one from an unknown sender is opening hostile
input, so:

- every member's size is checked against limits before it is read (``Limits``): the total
  unpacked size and the compression ratio stop a ZIP bomb; a member is read in bounded
  chunks, so a forged size in the directory cannot make it larger than declared;
- XML is parsed without a DTD, without entity expansion and without network access, and a
  document type declaration is refused outright (no office writer makes one), which stops
  "billion laughs" and external entities alike;
- a part we change is serialised by lxml and keeps its own XML declaration and encoding
  (a part in UTF-16 or Latin-1 stays in it); every other member is copied as it was, in
  the same order, with the same name, date, attributes and compression (``repack``), so a
  file after ``fix`` differs only in the parts with edits.

Errors are ``InputError`` naming the file, in Dutch: corrupt, encrypted, too large.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING

from taalwacht import messages
from taalwacht.errors import InputError
from taalwacht.formats.dates import iso_day

if TYPE_CHECKING:
    from lxml import etree


@dataclass(frozen=True)
class Limits:
    """How much a package may unpack to; generous for real documents (a 500-page report
    with images is a few hundred MB at most), small for a bomb."""

    total: int = 1_000_000_000  # bytes unpacked, all members together
    member: int = 300_000_000  # bytes unpacked, one member
    ratio: int = 200  # unpacked / packed bytes of one member larger than ``ratio_from``
    ratio_from: int = 10_000_000
    members: int = 20_000


LIMITS = Limits()
_CHUNK = 1 << 20
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ROOT_START = re.compile(rb"<[A-Za-z_]")  # the first element's tag (in ASCII-based parts)
# The same in the wider encodings an XML part may use (a byte search for ASCII misses them).
_WIDE_DOCTYPES = tuple(
    "<!DOCTYPE".encode(wide) for wide in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)


class Package:
    """The members of one ZIP package, read lazily within ``Limits``."""

    def __init__(self, data: bytes, path: str, limits: Limits = LIMITS) -> None:
        self.data, self.path, self.limits = data, path, limits
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as err:
            raise InputError(path, messages.text("package.corrupt")) from err
        if len(infos) > limits.members:
            raise InputError(path, messages.text("package.too-many", n=len(infos)))
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise InputError(path, messages.text("package.encrypted"))
            total += info.file_size
            self._check_size(info)
        if total > limits.total:
            raise InputError(path, messages.text("package.too-large", mb=total // 1_000_000))
        self.infos = {info.filename: info for info in infos}

    def _check_size(self, info: zipfile.ZipInfo) -> None:
        limits = self.limits
        if info.file_size > limits.member:
            mb = info.file_size // 1_000_000
            raise InputError(self.path, messages.text("package.too-large", mb=mb))
        packed = max(info.compress_size, 1)
        if info.file_size > limits.ratio_from and info.file_size / packed > limits.ratio:
            raise InputError(self.path, messages.text("package.bomb", name=info.filename))

    def has(self, name: str) -> bool:
        return name in self.infos

    def names(self) -> list[str]:
        return list(self.infos)

    def read(self, name: str) -> bytes:
        """A member's bytes, never more than its declared size (a forged directory entry
        cannot make a member unpack larger than the limits allowed)."""
        info = self.infos.get(name)
        if info is None:
            raise InputError(self.path, messages.text("package.missing-part", name=name))
        out = bytearray()
        try:
            with self.zip.open(info) as member:
                while chunk := member.read(_CHUNK):
                    out += chunk
                    if len(out) > info.file_size:
                        raise InputError(self.path, messages.text("package.bomb", name=name))
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError) as err:
            raise InputError(self.path, messages.text("package.corrupt")) from err
        except NotImplementedError as err:  # a compression method zipfile does not know
            raise InputError(self.path, messages.text("package.corrupt")) from err
        return bytes(out)

    def xml(self, name: str) -> etree._Element:
        """A member parsed as XML, safely (see the module docstring)."""
        return parse_xml(self.read(name), self.path, name)


def parse_xml(data: bytes, path: str, name: str) -> etree._Element:
    """Parse one XML part without DTD, entities or network; ``InputError`` when it is not
    well-formed or declares a document type."""
    from lxml import etree

    root_start = _ROOT_START.search(data)  # a declaration can only stand before the root
    prolog = data[: root_start.start()] if root_start else data
    if _DOCTYPE.search(prolog) or any(wide in prolog for wide in _WIDE_DOCTYPES):
        raise InputError(path, messages.text("package.doctype", name=name))
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        strip_cdata=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        line, column = err.position if err.position else (0, 0)
        problem = messages.text("package.bad-xml", name=name, line=line, column=column)
        raise InputError(path, problem) from err
    info = root.getroottree().docinfo
    if info.internalDTD is not None or info.externalDTD is not None:
        # a declaration the byte searches missed (a part in yet another encoding)
        raise InputError(path, messages.text("package.doctype", name=name))
    return root


def serialise(root: etree._Element, original: bytes) -> bytes:
    """A changed part: its original prolog (XML declaration, line end) and the root as
    lxml writes it, so a part changes only where its elements did."""
    from lxml import etree

    tree = root.getroottree()
    encoding = tree.docinfo.encoding or "UTF-8"
    if encoding.upper().replace("_", "-") not in ("UTF-8", "UTF8"):
        # a part in UTF-16 or Latin-1: written whole in its own encoding, declaration and all
        standalone = tree.docinfo.standalone
        if standalone is None:
            whole = etree.tostring(tree, encoding=encoding, xml_declaration=True)
        else:
            whole = etree.tostring(
                tree, encoding=encoding, xml_declaration=True, standalone=standalone
            )
        assert isinstance(whole, bytes)
        return whole
    start = original.find(b"<", 0)
    while start >= 0 and original[start : start + 2] in (b"<?", b"<!"):
        end = original.find(b">", start)
        start = original.find(b"<", end)
    prolog = original[:start] if start > 0 else b""
    body: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    return prolog + body


def rewrite(
    package: Package,
    roots: dict[str, etree._Element],
    changed: set[str],
    added: dict[str, bytes] | None = None,
) -> bytes:
    """The package with the parts named in ``changed`` serialised again from ``roots`` (the
    trees the writer edited) and ``added`` appended; every other member as it was."""
    replaced = {name: serialise(roots[name], package.read(name)) for name in sorted(changed)}
    return repack(package.data, replaced, added)


def repack(
    original: bytes, replaced: dict[str, bytes], added: dict[str, bytes] | None = None
) -> bytes:
    """The package ``original`` with the members in ``replaced`` swapped for new bytes and
    ``added`` appended (a comments part for ``--annotate``); every member keeps its place,
    name, date, attributes and compression."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(out, "w") as target:
        target.comment = source.comment
        for info in source.infolist():
            data = replaced[info.filename] if info.filename in replaced else source.read(info)
            copy = zipfile.ZipInfo(info.filename, info.date_time)
            copy.compress_type = info.compress_type
            copy.external_attr = info.external_attr
            copy.create_system = info.create_system
            copy.comment = info.comment
            copy.extra = info.extra
            target.writestr(copy, data)
        for name, data in (added or {}).items():
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            target.writestr(info, data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def package_day(package: Package, part: str, paths: tuple[str, ...]) -> str | None:
    """The first date found at ``paths`` (Clark-notation element paths) in the XML
    ``part`` of an office package; ``None`` when the part or the date is missing or broken."""
    if not package.has(part):
        return None
    try:
        root = package.xml(part)
    except InputError:
        return None  # a broken metadata part costs the date, never the document
    for path in paths:
        found = root.find(path)
        if found is not None and (day := iso_day(found.text)):
            return day
    return None
