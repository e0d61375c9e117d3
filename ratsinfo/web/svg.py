"""Charts drawn on the server as SVG: the pages work without JavaScript and print as they show."""

from __future__ import annotations

from html import escape


def bar_chart(series: list[tuple[str, int]], *, title: str, width: int = 560, height: int = 220) -> str:
    """A labelled bar chart of (label, count) pairs; every bar carries its number as text and a <title>."""
    left, bottom, top = 32, 28, 18
    inner_w, inner_h = width - left - 8, height - bottom - top
    peak = max((n for _, n in series), default=0) or 1
    step = inner_w / max(len(series), 1)
    bar_w = min(48.0, max(4.0, step * 0.7))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
             f'aria-labelledby="chart-title" class="chart">',
             f'<title id="chart-title">{escape(title)}</title>',
             f'<line x1="{left}" y1="{top + inner_h}" x2="{width - 8}" y2="{top + inner_h}" class="axis"/>']
    for i, (label, n) in enumerate(series):
        h = inner_h * n / peak
        x = left + i * step + (step - bar_w) / 2
        y = top + inner_h - h
        parts.append(f'<g><title>{escape(label)}: {n}</title>'
                     f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" class="bar"/>'
                     f'<text x="{x + bar_w / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" class="value">{n}</text>'
                     f'<text x="{x + bar_w / 2:.1f}" y="{height - 10}" text-anchor="middle" class="label">'
                     f'{escape(label)}</text></g>')
    if not series:
        parts.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle">keine Sitzungen erfasst</text>')
    parts.append("</svg>")
    return "".join(parts)
