"""Render the application icon for the installer from its SVG source.

    python scripts/render_app_icon.py

Reads ``desktop/resources/icons/critmin.svg`` and writes, beside it, ``critmin.png`` (256 px) and
``critmin.ico`` (16, 24, 32, 48, 64, 128 and 256 px, each rendered from the SVG at its own size, stored
as PNG entries as Windows Vista and later read them). Runs offscreen; needs only PySide6.
"""
from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "desktop" / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, side: int) -> QImage:
    image = QImage(side, side, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("PNG encoding failed")
    buffer.close()
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO container: ICONDIR, one ICONDIRENTRY per size (0 means 256), then the PNG images."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for side, png in pngs.items():
        entries += struct.pack("<BBBBHHII", side % 256, side % 256, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts, image plugins)
    source = ICONS / "critmin.svg"
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        print(f"error: {source} is not a valid SVG", file=sys.stderr)
        return 1
    pngs = {side: png_bytes(render(renderer, side)) for side in ICO_SIZES}
    (ICONS / "critmin.png").write_bytes(pngs[256])
    (ICONS / "critmin.ico").write_bytes(ico_bytes(pngs))
    print(f"wrote {ICONS / 'critmin.png'} and {ICONS / 'critmin.ico'} ({', '.join(map(str, ICO_SIZES))} px)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
