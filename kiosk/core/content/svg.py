"""SVG pictures drawn from what they hold, never from other files they name.

An SVG can name other files, and Qt's renderer follows them: ``<image
xlink:href="/elsewhere/secret.png"/>`` draws a file from anywhere on the machine
into the picture, and an ``<?xml-stylesheet href="..."?>`` instruction makes Qt
read a file whole (a FIFO blocks it, ``/dev/zero`` exhausts memory). The kiosk
therefore hands Qt only the SVG rebuilt by `without_external_references`: its
elements, attributes and text, without processing instructions, comments or a
document type, and without any link but to a part of the same picture (``#id``)
or to embedded data (``data:``). Compressed SVG (.svgz) is opened within the same
size limit.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zlib

SVG_LIMIT = 10_000_000  # bytes, before and after decompression
SVG_SUFFIXES = (".svg", ".svgz")
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_HREFS = ("href", f"{{{XLINK_NS}}}href")
_KEPT = ("#", "data:")
_GZIP_MAGIC = b"\x1f\x8b"

ET.register_namespace("", SVG_NS)  # serialise as plain <svg>, <rect>, ... as Qt expects
ET.register_namespace("xlink", XLINK_NS)


def without_external_references(data: bytes) -> tuple[bytes, list[str]]:
    """Return the SVG rebuilt without references to other files, and those references.

    Parameters
    ----------
    data
        The bytes of an SVG or a gzip-compressed SVG file.

    Returns
    -------
    tuple[bytes, list[str]]
        The SVG to draw (UTF-8) and every reference that was removed, in order.

    Raises
    ------
    ValueError
        When the data is not well-formed XML, or larger than `SVG_LIMIT` once
        decompressed.
    """
    root, instructions = _parse(_decompressed(data))
    removed = instructions + [value for element in root.iter() for value in _strip_links(element)]
    return ET.tostring(root, encoding="unicode").encode("utf-8"), removed


def _parse(data: bytes) -> tuple[ET.Element, list[str]]:
    """The root element, and the processing instructions that name another file."""
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("end", "pi"))
    try:
        parser.feed(data)
        parser.close()
        events = list(parser.read_events())  # raises what feeding deferred
    except ET.ParseError as exc:
        raise ValueError(f"the SVG is not well-formed XML ({exc})") from None
    elements = [item for *_, item in events if isinstance(item, ET.Element)]
    instructions = [item for item in elements if item.tag is ET.ProcessingInstruction]
    ends = [item for item in elements if item.tag is not ET.ProcessingInstruction]
    if not ends:
        raise ValueError("the SVG holds no element")
    texts = [item.text or "" for item in instructions]
    return ends[-1], [f"<?{text}?>" for text in texts if "href" in text]  # the root ends last


def _strip_links(element: ET.Element) -> list[str]:
    """Remove the links of `element` that lead out of the picture; return them."""
    removed = []
    for name in _HREFS:
        value = element.attrib.get(name)
        if value is not None and not value.strip().lower().startswith(_KEPT):
            del element.attrib[name]
            removed.append(value.strip())
    return removed


def _decompressed(data: bytes) -> bytes:
    if len(data) > SVG_LIMIT:
        raise ValueError(f"the SVG is larger than {SVG_LIMIT / 1e6:g} MB")
    if not data.startswith(_GZIP_MAGIC):
        return data
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, SVG_LIMIT + 1)
    except zlib.error as exc:
        raise ValueError(f"the compressed SVG cannot be opened: {exc}") from None
    if len(out) > SVG_LIMIT:
        raise ValueError(f"the SVG is larger than {SVG_LIMIT / 1e6:g} MB once decompressed")
    return out
