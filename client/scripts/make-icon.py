# Draws images/icon.png (128x128 RGBA) without an image library: a page of text lines with a check
# mark, rasterised by 4x4 supersampling so the edges are smooth. Run: python3 client/scripts/make-icon.py
import math, struct, zlib, sys

SIZE, SS = 128, 4
BG, TEXT, CHECK, DOT = (31, 41, 51), (245, 247, 250), (62, 207, 142), (245, 185, 66)

def in_round_rect(x, y, x0, y0, x1, y1, r):
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r and x0 <= x <= x1 and y0 <= y <= y1

def near_segment(x, y, ax, ay, bx, by, w):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    px, py = ax + t * dx, ay + t * dy
    return (x - px) ** 2 + (y - py) ** 2 <= (w / 2) ** 2

def colour_at(x, y):
    """Topmost shape wins; None is transparent."""
    if near_segment(x, y, 54, 90, 72, 106, 12) or near_segment(x, y, 72, 106, 108, 62, 12):
        return CHECK
    if (x - 100) ** 2 + (y - 32) ** 2 <= 11 ** 2:
        return DOT
    for (x0, y0, x1, y1) in ((24, 26, 80, 35), (24, 45, 84, 54), (24, 64, 66, 73)):
        if in_round_rect(x, y, x0, y0, x1, y1, 4):
            return TEXT
    if in_round_rect(x, y, 4, 4, 124, 124, 22):
        return BG
    return None

rows = []
for py in range(SIZE):
    row = bytearray([0])  # filter: none
    for px in range(SIZE):
        acc = [0, 0, 0, 0]
        for sy in range(SS):
            for sx in range(SS):
                c = colour_at(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS)
                if c is not None:
                    acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 1
        n = acc[3]
        if n == 0:
            row += bytes(4)
        else:
            row += bytes([acc[0] // n, acc[1] // n, acc[2] // n, round(255 * n / (SS * SS))])
    rows.append(bytes(row))

def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)

png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', SIZE, SIZE, 8, 6, 0, 0, 0))
png += chunk(b'IDAT', zlib.compress(b''.join(rows), 9)) + chunk(b'IEND', b'')
out = sys.argv[1] if len(sys.argv) > 1 else 'images/icon.png'
with open(out, 'wb') as f:
    f.write(png)
print(f'{out}: {len(png)} bytes')
