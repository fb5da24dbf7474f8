"""Small helpers for the printable HTML pages: one file, inline CSS and SVG, no scripts.

The student's report and the teacher's class report both open in any browser from a USB
stick, with nothing to download, and print on A4 in black and white: bars are drawn as
inline SVG (browsers print SVG fills, unlike CSS backgrounds) with the number beside them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from html import escape

CSS = """
body { font-family: Georgia, 'Times New Roman', serif; color: #1a1a1a; margin: 2em auto;
       max-width: 52em; padding: 0 1em; line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #999; }
h3 { font-size: 1.05em; margin-bottom: 0.3em; }
.meta { color: #444; margin-top: 0; }
.big { font-size: 1.3em; font-weight: bold; }
.pass { color: #0b6b2f; } .fail { color: #a3140c; } .muted { color: #666; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; font-size: 0.92em; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.45em; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.num, th.num { text-align: right; white-space: nowrap; }
.chart td { border: none; padding: 0.15em 0.4em; }
.chart td.label { width: 16em; }
blockquote { margin: 0.3em 0 0.6em 1em; padding-left: 0.6em; border-left: 3px solid #bbb; }
.problems li { margin-bottom: 0.2em; }
footer { margin-top: 2em; font-size: 0.8em; color: #555; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { page-break-after: avoid; }
  tr, blockquote { page-break-inside: avoid; }
}
"""

BAR_COLOUR = "#0072B2"
BAR_WIDTH = 220


def page(title: str, body: str) -> str:
    """A whole HTML document."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def bar(percent: float, colour: str = BAR_COLOUR) -> str:
    """An SVG bar for 0-100 %, labelled for screen readers."""
    share = max(0.0, min(100.0, percent))
    filled = round(BAR_WIDTH * share / 100)
    return (
        f'<svg width="{BAR_WIDTH}" height="14" role="img" aria-label="{share:.0f}%">'
        f'<rect width="{BAR_WIDTH}" height="14" fill="#e6e6e6" stroke="#999" stroke-width="1"/>'
        f'<rect width="{filled}" height="14" fill="{escape(colour)}"/></svg>'
    )


def chart(rows: Iterable[tuple[str, float, str]], colours: Sequence[str] = ()) -> str:
    """A bar chart as a table: (label, percent, detail) per row."""
    lines = ['<table class="chart">']
    for index, (label, percent, detail) in enumerate(rows):
        colour = colours[index] if index < len(colours) and colours[index] else BAR_COLOUR
        lines.append(
            f'<tr><td class="label">{escape(label)}</td><td>{bar(percent, colour)}</td>'
            f'<td class="num">{percent:.0f}%</td><td class="muted">{escape(detail)}</td></tr>'
        )
    lines.append("</table>")
    return "\n".join(lines)


def table(
    headers: Sequence[str], rows: Iterable[Sequence[str]], numeric: Sequence[int] = ()
) -> str:
    """A table; cells are already-escaped HTML; columns in `numeric` align right."""
    head = "".join(
        f"<th{' class=num' if i in numeric else ''}>{escape(h)}</th>" for i, h in enumerate(headers)
    )
    body = []
    for row in rows:
        cells = "".join(
            f"<td{' class=num' if i in numeric else ''}>{cell}</td>" for i, cell in enumerate(row)
        )
        body.append(f"<tr>{cells}</tr>")
    return f"<table>\n<tr>{head}</tr>\n" + "\n".join(body) + "\n</table>"


def points(value: float) -> str:
    """2, 1.5 or 0 (no trailing .0)."""
    return f"{value:g}"


def minutes(seconds: float) -> str:
    whole = round(seconds / 60)
    if seconds and whole == 0:
        return "under a minute"
    return f"{whole} minute{'' if whole == 1 else 's'}"


def when(stamp: str | None) -> str:
    """An ISO time as '10 Mar 2025, 18:22' (in the time zone it was written in)."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return f"{moment.day} {moment:%b %Y, %H:%M}"


def yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


__all__ = ["bar", "chart", "escape", "minutes", "page", "points", "table", "when", "yes_no"]
