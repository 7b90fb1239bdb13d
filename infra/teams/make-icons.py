#!/usr/bin/env python3
"""Draws Docent's Teams icons with the standard library only (run it again after changing the shapes).

color.png   192x192: a white speech bubble holding three lines of text on Docent blue, full bleed.
outline.png  32x32: the same bubble as a white outline on transparency, as Teams requires.
"""
import struct
import zlib
from pathlib import Path

BLUE = (0x3B, 0x5B, 0xA5, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def png(path, size, pixel):
    rows = bytearray()
    for y in range(size):
        rows.append(0)  # no filter
        for x in range(size):
            rows.extend(pixel(x + 0.5, y + 0.5))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    Path(path).write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                           + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b""))


def in_rounded_rect(x, y, left, top, right, bottom, radius):
    if not (left <= x <= right and top <= y <= bottom):
        return False
    cx = min(max(x, left + radius), right - radius)
    cy = min(max(y, top + radius), bottom - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def in_tail(x, y, s):
    # a small triangle below the bubble's lower left: (0.28,0.70) (0.46,0.70) (0.26,0.86)
    ax, ay, bx, by, cx, cy = 0.28 * s, 0.70 * s, 0.46 * s, 0.70 * s, 0.26 * s, 0.86 * s

    def side(px, py, qx, qy, rx, ry):
        return (px - rx) * (qy - ry) - (qx - rx) * (py - ry)

    d1, d2, d3 = side(x, y, ax, ay, bx, by), side(x, y, bx, by, cx, cy), side(x, y, cx, cy, ax, ay)
    return not ((d1 < 0 or d2 < 0 or d3 < 0) and (d1 > 0 or d2 > 0 or d3 > 0))


def bubble(x, y, s, inset=0.0):
    return (in_rounded_rect(x, y, 0.16 * s + inset, 0.20 * s + inset, 0.84 * s - inset, 0.72 * s - inset,
                            0.10 * s - inset)
            or (inset == 0.0 and in_tail(x, y, s)))


def text_line(x, y, s):
    for top, right in ((0.32, 0.72), (0.43, 0.72), (0.54, 0.58)):
        if in_rounded_rect(x, y, 0.28 * s, top * s, right * s, (top + 0.05) * s, 0.025 * s):
            return True
    return False


def color(x, y):
    s = 192
    if bubble(x, y, s):
        return BLUE if text_line(x, y, s) else WHITE
    return BLUE


def outline(x, y):
    s = 32
    stroke = 2.2
    if bubble(x, y, s) and not bubble(x, y, s, inset=stroke):
        return WHITE
    if not bubble(x, y, s, inset=stroke) and in_tail(x, y, s):
        return WHITE
    if text_line(x, y, s):
        return WHITE
    return CLEAR


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    png(here / "color.png", 192, color)
    png(here / "outline.png", 32, outline)
