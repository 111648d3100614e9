"""Draw a simplified phone screen from a short description (see docs/illustrations.md).

A description lists the parts of the screen, top to bottom, under `items`; each part is a
one-key dict (`address`, `heading`, `text`, `field`, `button`, `link`, `choices`, `checkbox`,
`bubble`, `notice`). A part written as a dict may say `ring: true`: it is circled, the element
the step asks the reader to look at. Nothing is copied from a real site: the shapes are ours,
the words are the description's, the font is Roboto from the `font-roboto` package (pinned, the
campaign kit uses it too), so the drawing is the same on every machine and needs no system font.

Everything is drawn at twice the size it is shown on a phone (640 px wide for about 300 CSS px),
so the 640 px rendition is sharp on a high-density screen and the 320 px one on the others.
"""

from pathlib import Path

import font_roboto
from PIL import Image, ImageDraw, ImageFont

WIDTH = 640
MARGIN = 36  # inside the screen
FRAME = 14  # the phone's dark edge
GAP = 22  # between two parts

FONT_DIR = Path(font_roboto.font_directory)
REGULAR = str(FONT_DIR / "Roboto-Regular.ttf")
BOLD = str(FONT_DIR / "Roboto-Bold.ttf")

# The site's own colours (static/css/main.css tokens), so a picture looks like part of the page.
INK = (27, 27, 31)
MUTED = (74, 74, 85)
PAGE = (255, 255, 255)
BAR = (243, 245, 247)
EDGE = (11, 58, 79)
BORDER = (107, 114, 128)
PRIMARY = (0, 90, 122)
LINK = (0, 90, 122)
# A public service's blue button (generic: no logo, no official artwork).
STATE_BLUE = (0, 0, 145)
RING = (179, 18, 75)  # --color-focus: the same red as the site's focus ring
HIGHLIGHT = (255, 212, 59)
NOTICES = {
    "info": ((232, 241, 251), (31, 95, 168)),
    "success": ((233, 246, 236), (30, 123, 58)),
    "warning": ((255, 245, 220), (138, 90, 0)),
    "danger": ((253, 236, 238), (179, 38, 30)),
}
SIZES = {"heading": 38, "text": 30, "small": 26, "address": 28}


def font(size, bold=False):
    return ImageFont.truetype(BOLD if bold else REGULAR, size)


def wrap(text, face, width):
    """Lines of `text` that fit `width` pixels (a word longer than the line is cut)."""
    lines = []
    for paragraph in str(text).split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if face.getlength(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while face.getlength(word) > width:
                cut = len(word)
                while cut > 1 and face.getlength(word[:cut]) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def line_height(face):
    ascent, descent = face.getmetrics()
    return int((ascent + descent) * 1.2)


class Screen:
    """Lays parts out top to bottom: each part's `measure` gives its height, `draw` paints it."""

    def __init__(self, description):
        self.items = [self._normalise(item) for item in description.get("items", [])]
        self.inner = WIDTH - 2 * (FRAME + MARGIN)

    @staticmethod
    def _normalise(item):
        ((kind, value),) = item.items()
        if not isinstance(value, dict):
            value = {"text": value} if kind != "choices" else {"options": value}
        return kind, value

    def render(self):
        heights = [getattr(self, f"_{kind}")(value, None, 0) for kind, value in self.items]
        height = FRAME + sum(heights) + GAP * (len(heights) + 1) + FRAME
        image = Image.new("RGB", (WIDTH, height), EDGE)
        draw = ImageDraw.Draw(image)
        draw.rounded_rectangle(
            (FRAME, FRAME, WIDTH - FRAME - 1, height - 1 + 40), radius=28, fill=PAGE
        )
        y = FRAME + GAP
        for (kind, value), part_height in zip(self.items, heights, strict=True):
            getattr(self, f"_{kind}")(value, draw, y)
            if value.get("ring"):
                self.ring(draw, y, part_height)
            y += part_height + GAP
        # Flat colours: a palette keeps the original small; renditions are made from it.
        return image.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)

    @staticmethod
    def ring(draw, top, height, pad=10):
        """Circle what the step asks to look at: a thick rounded frame around the part."""
        draw.rounded_rectangle(
            (
                FRAME + MARGIN - pad - 6,
                top - pad,
                WIDTH - FRAME - MARGIN + pad + 6,
                top + height + pad,
            ),
            radius=18,
            outline=RING,
            width=6,
        )

    @property
    def left(self):
        return FRAME + MARGIN

    def _lines(self, draw, y, text, face, fill, width=None, x=None):
        lines = wrap(text, face, width or self.inner)
        step = line_height(face)
        if draw is not None:
            for number, line in enumerate(lines):
                draw.text((x or self.left, y + number * step), line, font=face, fill=fill)
        return len(lines) * step

    # Parts -----------------------------------------------------------------------------

    def _address(self, value, draw, y):
        """The browser's address bar: padlock (or a warning), then the address; `highlight`
        marks the site's name in it."""
        face = font(SIZES["address"])
        height = 64
        if draw is None:
            return height
        right = WIDTH - FRAME - MARGIN
        draw.rounded_rectangle(
            (self.left, y, right, y + height), radius=32, fill=BAR, outline=BORDER, width=2
        )
        x = self.left + 22
        middle = y + height // 2
        if value.get("secure", True):
            # A padlock: the shackle, then the body.
            draw.arc((x + 4, middle - 18, x + 22, middle + 2), 180, 360, fill=INK, width=4)
            draw.rounded_rectangle((x, middle - 8, x + 26, middle + 14), radius=4, fill=INK)
        else:
            draw.polygon(
                [(x + 13, middle - 16), (x + 28, middle + 13), (x - 2, middle + 13)],
                outline=(179, 38, 30),
                width=4,
            )
            draw.line((x + 13, middle - 6, x + 13, middle + 4), fill=(179, 38, 30), width=4)
        x += 44
        text = value["text"]
        highlight = value.get("highlight")
        top = middle - line_height(face) // 2 + 3
        if highlight and highlight in text:
            before, after = text.split(highlight, 1)
            draw.text((x, top), before, font=face, fill=MUTED)
            x += face.getlength(before)
            bold = font(SIZES["address"], bold=True)
            width = bold.getlength(highlight)
            draw.rectangle((x - 2, middle - 20, x + width + 2, middle + 20), fill=HIGHLIGHT)
            draw.text((x, top), highlight, font=bold, fill=INK)
            x += width
            draw.text((x, top), after, font=face, fill=MUTED)
        else:
            draw.text((x, top), text, font=face, fill=INK)
        return height

    def _heading(self, value, draw, y):
        return self._lines(draw, y, value["text"], font(SIZES["heading"], bold=True), INK)

    def _text(self, value, draw, y):
        face = font(SIZES["small"] if value.get("small") else SIZES["text"])
        return self._lines(draw, y, value["text"], face, MUTED if value.get("small") else INK)

    def _link(self, value, draw, y):
        face = font(SIZES["text"])
        height = self._lines(draw, y, value["text"], face, LINK)
        if draw is not None:
            width = min(face.getlength(value["text"]), self.inner)
            base = y + line_height(face) - 6
            draw.line((self.left, base, self.left + width, base), fill=LINK, width=2)
        return height

    def _field(self, value, draw, y):
        """A labelled text box; `password: true` shows dots, `value` what is typed."""
        label = font(SIZES["small"], bold=True)
        label_height = self._lines(draw, y, value.get("label", ""), label, INK)
        box = 68
        if draw is not None:
            top = y + label_height + 6
            right = WIDTH - FRAME - MARGIN
            draw.rounded_rectangle(
                (self.left, top, right, top + box), radius=8, outline=BORDER, width=3, fill=PAGE
            )
            typed = value.get("value", "")
            if value.get("password") and typed:
                typed = "•" * len(typed)
            face = font(SIZES["text"])
            draw.text((self.left + 16, top + 14), typed, font=face, fill=INK)
        return label_height + 6 + box

    def _button(self, value, draw, y):
        style = value.get("style", "primary")
        face = font(SIZES["text"], bold=True)
        lines = wrap(value["text"], face, self.inner - 48)
        height = len(lines) * line_height(face) + 36
        if draw is None:
            return height
        fill, ink = {
            "primary": (PRIMARY, PAGE),
            "state": (STATE_BLUE, PAGE),
            "secondary": (PAGE, PRIMARY),
        }[style]
        width = max(face.getlength(line) for line in lines) + 64
        if style == "state":
            width = self.inner
        draw.rounded_rectangle(
            (self.left, y, self.left + width, y + height),
            radius=10,
            fill=fill,
            outline=PRIMARY if style == "secondary" else fill,
            width=3,
        )
        for number, line in enumerate(lines):
            x = self.left + (width - face.getlength(line)) / 2
            draw.text((x, y + 18 + number * line_height(face)), line, font=face, fill=ink)
        return height

    def _choices(self, value, draw, y):
        """A list of options, one per framed row (an account to choose, a menu); an option
        written `{text: ..., ring: true}` is circled on its own; `plain: true` drops the arrows
        (a list to read, not to tap)."""
        face = font(SIZES["text"])
        row = line_height(face) + 30
        options = [o if isinstance(o, dict) else {"text": o} for o in value["options"]]
        if draw is not None:
            right = WIDTH - FRAME - MARGIN
            for number, option in enumerate(options):
                top = y + number * (row + 10)
                draw.rounded_rectangle(
                    (self.left, top, right, top + row), radius=8, outline=BORDER, width=2, fill=BAR
                )
                draw.text((self.left + 20, top + 15), str(option["text"]), font=face, fill=INK)
                if not value.get("plain"):  # a row one taps shows its arrow
                    draw.text((right - 36, top + 15), "›", font=face, fill=MUTED)
                if option.get("ring"):
                    self.ring(draw, top, row)
        return len(options) * (row + 10) - 10

    def _checkbox(self, value, draw, y):
        face = font(SIZES["text"])
        size = 36
        height = max(size, self._lines(None, y, value["text"], face, INK, self.inner - 56))
        if draw is not None:
            draw.rectangle(
                (self.left, y + 2, self.left + size, y + 2 + size), outline=INK, width=3, fill=PAGE
            )
            if value.get("checked"):
                draw.line(
                    (self.left + 7, y + 20, self.left + 15, y + 30, self.left + 30, y + 9),
                    fill=INK,
                    width=5,
                )
            self._lines(draw, y, value["text"], face, INK, self.inner - 56, self.left + 56)
        return height

    def _bubble(self, value, draw, y):
        """A received message: the sender above a grey bubble (SMS, chat)."""
        small = font(SIZES["small"], bold=True)
        face = font(SIZES["text"])
        sender = value.get("from", "")
        top = line_height(small) + 6 if sender else 0
        text_height = self._lines(None, y, value["text"], face, INK, self.inner - 56)
        height = top + text_height + 36
        if draw is not None:
            if sender:
                draw.text((self.left, y), sender, font=small, fill=MUTED)
            draw.rounded_rectangle(
                (self.left, y + top, WIDTH - FRAME - MARGIN - 20, y + height),
                radius=26,
                fill=(229, 231, 235),
            )
            self._lines(
                draw, y + top + 18, value["text"], face, INK, self.inner - 56, self.left + 26
            )
        return height

    def _notice(self, value, draw, y):
        background, edge = NOTICES[value.get("kind", "info")]
        face = font(SIZES["text"])
        text_height = self._lines(None, y, value["text"], face, INK, self.inner - 48)
        height = text_height + 36
        if draw is not None:
            draw.rectangle((self.left, y, WIDTH - FRAME - MARGIN, y + height), fill=background)
            draw.rectangle((self.left, y, self.left + 8, y + height), fill=edge)
            self._lines(draw, y + 18, value["text"], face, INK, self.inner - 48, self.left + 30)
        return height


def draw(description):
    """A Pillow image (palette mode) of the screen `description` describes."""
    return Screen(description).render()
