"""Readable text from HTML: block elements become line breaks, inline runs are joined.

ALLRIS pages hold RTF-derived markup that splits words across spans ("D</span><span>er
Geschä</span><span>ftsstelle"); joining inline strings without a separator restores them.
"""

from __future__ import annotations

import re
import warnings

from bs4 import (
    BeautifulSoup,
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
    Tag,
    XMLParsedAsHTMLWarning,
)

from ratsinfo.parsers.limits import check_html_depth

warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)
_SKIP_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)
_SCRIPTS = re.compile(r"<script\b[^>]*>.*?</script>", re.I | re.S)
_EMBEDDED_PROLOG = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>", re.I)

BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
    "section", "article", "dd", "dt", "dl", "hr", "blockquote", "pre", "form",
}
DROP = {"script", "style", "noscript", "head", "title", "meta", "link", "input", "button", "select"}


def soup_of(html: str) -> BeautifulSoup:
    """Parse with lxml after dropping the XML prologs ALLRIS embeds mid-page.

    ALLRIS pages open with a menu and navigation that no parser reads; the tree starts at the
    page head line ("rishead") when there is one, and scripts are dropped before parsing: it
    halves the time spent building the tree. Markup nested deeper than any real page is refused
    (ParseError) before a tree is built.
    """
    check_html_depth(html)
    start = html.find('<div id="rishead"')
    if start > 0:
        html = "<html><body>" + html[start:]
    html = _SCRIPTS.sub("", html)
    return BeautifulSoup(_EMBEDDED_PROLOG.sub("", html), "lxml")


def drop_noise(node: Tag) -> None:
    for t in node.find_all(DROP):
        t.decompose()
    for c in node.find_all(string=lambda s: isinstance(s, _SKIP_STRINGS)):
        c.extract()


def node_text(node: Tag | NavigableString) -> str:
    """Text of a node with blocks on their own lines and inline runs glued together."""
    parts: list[str] = []
    # iterative, so that no nesting depth can exhaust the interpreter's stack
    stack: list[Tag | NavigableString | str] = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, _SKIP_STRINGS):
            continue
        if isinstance(n, NavigableString | str):
            parts.append(str(n))
            continue
        if n.name in DROP:
            continue
        block = n.name in BLOCK
        after = ("\t" if n.name in ("td", "th") else "") + ("\n" if block else "")
        if after:
            stack.append(after)
        stack.extend(reversed(list(n.children)))
        if n.name == "li":
            stack.append("• ")
        if block:
            stack.append("\n")
    return tidy("".join(parts))


def tidy(text: str) -> str:
    text = text.replace("\xa0", " ").replace("\r", "")
    text = re.sub(r"[ ]*\t[ \t]*", "\t", text)
    text = re.sub(r" +", " ", text)
    text = re.sub(r"\t+\n", "\n", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def block_text(el) -> str:  # noqa: ANN001 - an lxml element
    """:func:`node_text` for an lxml element: blocks on their own lines, list items bulleted, inline runs
    glued together (words split by RTF markup join again), cells separated by tabs."""
    parts: list[str] = []

    def walk(e) -> None:  # noqa: ANN001
        tag = e.tag if isinstance(e.tag, str) else None
        if tag is None or tag in DROP:
            return
        block = tag in BLOCK
        if block:
            parts.append("\n")
        if tag == "li":
            parts.append("• ")
        if e.text:
            parts.append(e.text)
        for c in e:
            walk(c)
            if c.tail:
                parts.append(c.tail)
        if tag in ("td", "th"):
            parts.append("\t")
        if block:
            parts.append("\n")

    walk(el)
    return tidy("".join(parts))
