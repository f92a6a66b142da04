"""Real Outlook messages (.msg) for the e-mail tests, written here: olefile only reads.

``write_cfb`` writes a Compound File Binary file, version 3 ([MS-CFB]): 512-byte sectors,
a header with the FAT sectors in its DIFAT array (enough for files up to 7 MB), the FAT,
a directory of 128-byte entries (siblings as a sorted chain of right siblings: a valid,
if unbalanced, red-black tree with every node black), and a mini stream of 64-byte
sectors with its mini FAT for streams under 4096 bytes, as Outlook writes them.

``make_msg`` lays out the MAPI property streams of [MS-OXMSG] that taalwacht reads:
subject, plain or HTML body, attachments (a file, or an attached message as a storage),
plus the property and recipient streams every real message has.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from itertools import pairwise

SECTOR = 512
MINI = 64
CUTOFF = 4096
FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

Tree = dict[str, "bytes | Tree"]


class _Entry:
    def __init__(self, name: str, kind: int, data: bytes = b"") -> None:
        self.name, self.kind, self.data = name, kind, data  # kind: 1 storage, 2 stream, 5 root
        self.left = self.right = self.child = NOSTREAM
        self.start, self.size = END, 0


def write_cfb(tree: Tree) -> bytes:
    """A compound file holding ``tree``: names to bytes (streams) or to trees (storages)."""
    entries = [_Entry("Root Entry", 5)]
    _add_children(entries, 0, tree)

    # Small streams into the mini stream, large ones into regular sectors.
    mini_stream, mini_fat = bytearray(), []
    large: list[_Entry] = []
    for entry in entries:
        if entry.kind != 2 or not entry.data:
            continue
        entry.size = len(entry.data)
        if entry.size < CUTOFF:
            first = len(mini_stream) // MINI
            count = -(-entry.size // MINI)
            entry.start = first
            mini_fat += [first + i + 1 for i in range(count - 1)] + [END]
            mini_stream += entry.data.ljust(count * MINI, b"\0")
        else:
            large.append(entry)

    sectors: list[bytes] = []  # the file's sectors after the header, in order
    fat: list[int] = []

    def place(data: bytes, mark: int | None = None) -> int:
        """Append ``data`` as a chain of sectors; its first sector number."""
        count = max(1, -(-len(data) // SECTOR))
        first = len(sectors)
        for i in range(count):
            sectors.append(data[i * SECTOR : (i + 1) * SECTOR].ljust(SECTOR, b"\0"))
            fat.append(mark if mark is not None else (first + i + 1 if i < count - 1 else END))
        return first

    for entry in large:
        entry.start = place(entry.data)
    root = entries[0]
    if mini_stream:
        root.start, root.size = place(bytes(mini_stream)), len(mini_stream)
    mini_fat_start, mini_fat_count = END, 0
    if mini_fat:
        table = _table(mini_fat)
        mini_fat_start, mini_fat_count = place(table), len(table) // SECTOR
    directory = b"".join(_entry_bytes(e) for e in entries)
    directory += _entry_bytes(None) * (-len(entries) % (SECTOR // 128))
    directory_start = place(directory)

    # FAT sectors cover every sector, themselves included.
    fat_count = 1
    while (len(sectors) + fat_count) > fat_count * (SECTOR // 4):
        fat_count += 1
    assert fat_count <= 109, "test file too large for a header-only DIFAT"
    fat_start = len(sectors)
    fat += [FATSECT] * fat_count
    table = _table(fat)
    for i in range(fat_count):
        sectors.append(table[i * SECTOR : (i + 1) * SECTOR])

    difat = [fat_start + i for i in range(fat_count)] + [FREE] * (109 - fat_count)
    header = (
        MAGIC
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack(
            "<IIIIIIIII",
            0,
            fat_count,
            directory_start,
            0,
            CUTOFF,
            mini_fat_start,
            mini_fat_count,
            END,
            0,
        )
        + struct.pack("<109I", *difat)
    )
    assert len(header) == SECTOR
    return header + b"".join(sectors)


def _add_children(entries: list[_Entry], parent: int, tree: Tree) -> None:
    """Entries for ``tree`` under ``entries[parent]``: a chain of right siblings in the
    order [MS-CFB] compares names (shorter first, then by upper case)."""
    ids = []
    for name in sorted(tree, key=lambda n: (len(n), n.upper())):
        value = tree[name]
        entries.append(_Entry(name, 2, value) if isinstance(value, bytes) else _Entry(name, 1))
        ids.append(len(entries) - 1)
        if not isinstance(value, bytes):
            _add_children(entries, ids[-1], value)
    if ids:
        entries[parent].child = ids[0]
        for here, after in pairwise(ids):
            entries[here].right = after


def _entry_bytes(entry: _Entry | None) -> bytes:
    if entry is None:  # an unused slot
        return (
            b"\0" * 64
            + struct.pack("<HBBIII", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM)
            + (b"\0" * 36 + struct.pack("<IQ", 0, 0))
        )
    name = entry.name.encode("utf-16-le") + b"\0\0"
    assert len(name) <= 64, entry.name
    return (
        name.ljust(64, b"\0")
        + struct.pack("<HBB", len(name), entry.kind, 1)  # 1: black
        + struct.pack("<III", entry.left, entry.right, entry.child)
        + b"\0" * 16  # CLSID
        + b"\0" * 4  # state bits
        + b"\0" * 16  # creation and modification time
        + struct.pack("<IQ", entry.start, entry.size)
    )


def _table(numbers: list[int]) -> bytes:
    """A FAT or mini FAT: 4-byte sector numbers, padded with FREE to whole sectors."""
    padded = numbers + [FREE] * (-len(numbers) % (SECTOR // 4))
    return struct.pack(f"<{len(padded)}I", *padded)


# ----------------------------------------------------------------- Outlook messages


def unicode(text: str) -> bytes:
    """A PT_UNICODE property value as Outlook stores it: UTF-16-LE and a terminating NUL."""
    return (text + "\0").encode("utf-16-le")


def make_msg(
    subject: str,
    body: str | bytes | None = None,
    *,
    html: bytes | None = None,
    attachments: Sequence[tuple[str, bytes]] = (),
    forwarded: Tree | None = None,
) -> bytes:
    """An Outlook message: ``body`` as PT_UNICODE (str) or PT_STRING8 (bytes), an HTML
    body as bytes, attached files by name, and a forwarded message (the tree of another
    ``message_tree``) as an embedded message."""
    return write_cfb(
        message_tree(subject, body, html=html, attachments=attachments, forwarded=forwarded)
    )


def message_tree(
    subject: str,
    body: str | bytes | None = None,
    *,
    html: bytes | None = None,
    attachments: Sequence[tuple[str, bytes]] = (),
    forwarded: Tree | None = None,
    embedded: bool = False,
) -> Tree:
    """The storage tree of a message (``embedded``: as an attachment of another one)."""
    tree: Tree = {
        "__properties_version1.0": b"\0" * (24 if embedded else 32),
        "__substg1.0_0037001F": unicode(subject),
        "__substg1.0_0C1A001F": unicode("Gemeente Voorbeeld"),  # sender name
        "__recip_version1.0_#00000000": {
            "__properties_version1.0": b"\0" * 8,
            "__substg1.0_3001001F": unicode("Inwoner"),
            "__substg1.0_39FE001F": unicode("inwoner@example.org"),
        },
    }
    if not embedded:
        tree["__nameid_version1.0"] = {
            "__substg1.0_00020102": b"",
            "__substg1.0_00030102": b"",
            "__substg1.0_00040102": b"",
        }
    if isinstance(body, str):
        tree["__substg1.0_1000001F"] = unicode(body)
    elif isinstance(body, bytes):
        tree["__substg1.0_1000001E"] = body + b"\0"
    if html is not None:
        tree["__substg1.0_10130102"] = html
    for number, (name, data) in enumerate(attachments):
        tree[f"__attach_version1.0_#{number:08X}"] = {
            "__properties_version1.0": b"\0" * 8,
            "__substg1.0_3707001F": unicode(name),
            "__substg1.0_3704001F": unicode(name[:8]),
            "__substg1.0_37010102": data,
        }
    if forwarded is not None:
        tree[f"__attach_version1.0_#{len(attachments):08X}"] = {
            "__properties_version1.0": b"\0" * 8,
            "__substg1.0_3001001F": unicode("Doorgestuurd"),
            "__substg1.0_3701000D": forwarded,
        }
    return tree
