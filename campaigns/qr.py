"""QR codes as inline SVG, so a letter carries its own codes and WeasyPrint never fetches anything.

qrcode computes the module matrix; the SVG is drawn here with one path of horizontal runs, which is about half
the size of qrcode's per-module `SvgPathImage` and quicker for WeasyPrint to lay out and paint.
"""

from __future__ import annotations

from functools import lru_cache

import qrcode
from markupsafe import Markup
from markupsafe import escape
from qrcode.constants import ERROR_CORRECT_M

QUIET_ZONE = 4  # modules of white border the standard asks for


@lru_cache(maxsize=512)
def qr_svg(data: str, size_mm: float = 30.0, label: str = "") -> Markup:
    """An inline `<svg>` (square, `size_mm` wide) encoding `data`; `label` becomes its accessible name."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    parts = []
    for y, row in enumerate(matrix):
        x, width = 0, len(row)
        while x < width:
            if row[x]:
                start = x
                while x < width and row[x]:
                    x += 1
                parts.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    n = len(matrix)
    title = f"<title>{escape(label)}</title>" if label else ""
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="qr" role="img" width="{size_mm}mm" '
        f'height="{size_mm}mm" viewBox="0 0 {n} {n}" shape-rendering="crispEdges">{title}'
        f'<rect width="{n}" height="{n}" fill="#fff"/><path fill="#000" d="{"".join(parts)}"/></svg>'
    )
