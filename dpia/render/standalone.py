"""HTML files for people to open: the shared stylesheet inlined, so the file stands alone."""

from __future__ import annotations

from functools import cache

from markupsafe import Markup

from dpia.resources import SHARED


@cache
def _style() -> str:
    # Font files are not beside a standalone HTML file: browsers fall back to their sans-serif.
    return (SHARED / "style.css").read_text(encoding="utf-8")


def standalone(html: str) -> str:
    style = Markup("<style>\n{}</style>\n</head>").format(Markup(_style()))
    return html.replace("</head>", style, 1)
