"""Small text helpers shared by the page types."""


def text_lines(text):
    """The non-blank lines of a one-item-per-line field (objectives, materials...), stripped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
