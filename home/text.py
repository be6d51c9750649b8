"""Text as visitors type it, made safe to store, show, mail and export.

Browsers never put a line break in a single-line field, but scripts do; and a control character
(ESC, NUL, BEL) has no business in a name or a remark. Such text breaks mail headers and spreadsheet
exports long after it was stored.
"""

KEPT_IN_TEXT = {"\n", "\t"}


def one_line(text):
    """Printable characters only; every run of white space or control characters becomes one space."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def printable_lines(text):
    """Printable characters, line breaks (as ``\\n``) and tabs; other control characters dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in text if c.isprintable() or c in KEPT_IN_TEXT)
