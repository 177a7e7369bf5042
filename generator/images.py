"""Image files: what identifying metadata they carry, and copies without it."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageOps, IptcImagePlugin, UnidentifiedImageError

# EXIF tags that can identify a person, a device or a place and time
IDENTIFYING_EXIF = {
    0x8825: "GPS position",
    0xA431: "camera serial number",
    0xA430: "camera owner",
    0x013B: "artist",
    0x8298: "copyright holder",
    0x0132: "date and time",
    0x9003: "date taken",
    0x9004: "date digitised",
    0x927C: "maker note",
    0xA420: "unique image id",
    0x9C9D: "author (Windows)",
}
EXIF_IFD = 0x8769
MAX_PIXELS = 40_000_000


class ImageProblem(Exception):
    """The file is not an image Pillow can read safely; ``path`` is the file."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


_TOO_LARGE = f"too large to open safely (more than {MAX_PIXELS // 1_000_000} million pixels)"


def _open(path: Path) -> Image.Image:
    try:
        image = Image.open(path)
        if image.width * image.height > MAX_PIXELS:
            raise ImageProblem(f"{_TOO_LARGE}: {image.width}×{image.height} pixels", path)
        image.load()
        return image
    except Image.DecompressionBombError:
        raise ImageProblem(_TOO_LARGE, path) from None
    except UnidentifiedImageError:
        raise ImageProblem("not a readable image (damaged, or not an image at all)", path) from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise ImageProblem(f"not a readable image ({exc})", path) from None


def identifying_metadata(path: Path) -> list[str]:
    """Names of the identifying metadata in the file (empty when clean)."""
    image = _open(path)
    found: list[str] = []
    exif = image.getexif()
    tags = dict(exif)
    tags.update(exif.get_ifd(EXIF_IFD))
    for tag, label in IDENTIFYING_EXIF.items():
        if tag in tags and tags[tag] not in (None, b"", "", {}):
            found.append(label)
    if exif.get_ifd(0x8825):
        found.append("GPS position")
    if any(key.lower().startswith("xml:com.adobe.xmp") or key == "xmp" for key in image.info):
        found.append("XMP metadata")
    if image.format == "JPEG" and IptcImagePlugin.getiptcinfo(image):
        found.append("IPTC metadata")
    text_chunks = getattr(image, "text", {}) or {}
    for key in text_chunks:
        if key.lower() in {
            "author",
            "creation time",
            "copyright",
            "comment",
            "source",
            "location",
            "gps",
        }:
            found.append(f"PNG text '{key}'")
    if image.info.get("comment"):
        found.append("comment")
    return sorted(set(found))


def stripped_bytes(path: Path) -> bytes:
    """The image re-encoded with no metadata at all, upright (orientation applied)."""
    image = _open(path)
    fmt = image.format or "PNG"
    clean = ImageOps.exif_transpose(image).copy()
    clean.info = {}  # drops EXIF, XMP, ICC, comments and PNG text before saving
    out = io.BytesIO()
    options = {"quality": 92, "exif": b""} if fmt == "JPEG" else {}
    clean.save(out, format=fmt, **options)
    return out.getvalue()
