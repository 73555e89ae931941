"""Share cards: the 1200x630 PNG a link preview shows, with the verdict (the rating's label and where it
sits on the scale) and the claim, so a shared link never spreads a claim without its rating.

Drawn with Pillow in DejaVu Sans, the font matplotlib ships (wide coverage: Latin, Greek, Cyrillic), never
fetched. A text with characters the font lacks (Chinese, Japanese, Devanagari) would be drawn as empty
boxes: the card shows instead what the one card of its rating shows ('A claim rated False'), and leaves
out a site name it cannot draw. The same card gives the same bytes. Cards are cached by a hash of everything drawn on them, so a
rebuild draws only the cards whose claim, rating or scale changed.
"""

from __future__ import annotations

import importlib.util
import io
import os
import shutil
import stat
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from .model import RatingScale
from .share import HEIGHT, SITE_TEXT, WIDTH, Card, card_key, rating_text

MARGIN = 60
INK, QUIET, PAPER, SITE_ACCENT = "#16181d", "#3d4049", "#ffffff", "#3f51b5"


@cache
def _font_file(bold: bool) -> str:
    spec = importlib.util.find_spec("matplotlib")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("share cards need the DejaVu fonts of the matplotlib package (pip install matplotlib)")
    folder = Path(next(iter(spec.submodule_search_locations))) / "mpl-data" / "fonts" / "ttf"
    return str(folder / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"))


@cache
def _covered(bold: bool) -> frozenset[int]:
    """The characters the font draws (its character map)."""
    from fontTools.ttLib import TTFont

    with TTFont(_font_file(bold), lazy=True) as font:
        return frozenset(font.getBestCmap())


def drawable(text: str, bold: bool = False) -> bool:
    """Whether the font has every character of ``text`` (white space aside)."""
    covered = _covered(bold)
    return all(ord(character) in covered or character.isspace() for character in text)


@cache
def _font(size: int, bold: bool = False):  # type: ignore[no-untyped-def]
    from PIL import ImageFont

    return ImageFont.truetype(_font_file(bold), size)


def _lines(text: str, font, width: int, most: int) -> list[str]:  # type: ignore[no-untyped-def]
    """Words wrapped greedily to ``width`` pixels; at most ``most`` lines, the last ending in '…' if cut."""
    lines: list[str] = []
    line = ""
    for word in " ".join(text.split()).split(" "):
        while font.getlength(word) > width:  # a word wider than the card: cut it
            cut = len(word)
            while cut > 1 and font.getlength(word[:cut]) > width:
                cut -= 1
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:cut])
            word = word[cut:]
        candidate = f"{line} {word}" if line else word
        if line and font.getlength(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    if len(lines) > most:
        last = lines[most - 1]
        while last and font.getlength(last + " …") > width:
            last = last[:-1]
        lines = lines[: most - 1] + [last.rstrip() + " …"]
    return lines


def draw(card: Card, scale: RatingScale) -> bytes:
    """The card as PNG bytes: the frame of its rating (drawn once per rating and scale), then its text,
    mapped onto a fixed palette (a palette PNG is several times faster to write than a true-colour one,
    and smaller; the palette holds every colour the antialiased text can blend to)."""
    from PIL import Image, ImageDraw

    image = _frame(card.site_name, card.rating_id, scale).copy()
    pen = ImageDraw.Draw(image)
    rating = scale[card.rating_id] if card.rating_id else None
    pen.text((MARGIN, 104), card.heading.upper(), font=_font(24, bold=True), fill=QUIET)
    body = _font(46 if rating else 52)
    text = card.text if drawable(card.text) else rating_text(rating.label) if rating else SITE_TEXT
    y = 146
    for line in _lines(text, body, WIDTH - 2 * MARGIN, 4 if rating else 3):
        pen.text((MARGIN, y), line, font=body, fill=INK)
        y += 58 if rating else 64
    out = io.BytesIO()
    image.quantize(palette=_palette(scale), dither=Image.Dither.NONE).save(out, format="PNG", compress_level=1)
    return out.getvalue()


_frames: dict[tuple[str, str | None, str], object] = {}
_palettes: dict[str, object] = {}


def _frame(site_name: str, rating_id: str | None, scale: RatingScale):  # type: ignore[no-untyped-def]
    """What every card of one rating shares: the accent, the site's name, the verdict and the scale."""
    key = (site_name, rating_id, scale.model_dump_json())
    if key not in _frames:
        _frames[key] = _draw_frame(site_name, rating_id, scale)
    return _frames[key]


def _draw_frame(site_name: str, rating_id: str | None, scale: RatingScale):  # type: ignore[no-untyped-def]
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    pen = ImageDraw.Draw(image)
    rating = scale[rating_id] if rating_id else None
    pen.rectangle((0, 0, 18, HEIGHT), fill=rating.colour if rating else SITE_ACCENT)
    if drawable(site_name, bold=True):
        pen.text((MARGIN, 40), site_name, font=_font(30, bold=True), fill=QUIET)
    if rating:
        verdict = f"Rated {rating.label}"
        big = _font(44, bold=True)
        box_width = int(big.getlength(verdict)) + 56
        pen.rounded_rectangle((MARGIN, 408, MARGIN + box_width, 480), radius=14, fill=rating.colour)
        pen.text((MARGIN + 28, 444), verdict, font=big, fill=PAPER, anchor="lm")
    _scale(pen, scale, rating_id)
    return image


def _palette(scale: RatingScale):  # type: ignore[no-untyped-def]
    """A palette image: 16 steps from each colour drawn to paper (the blends of antialiased text,
    dark on paper and paper on a rating's colour)."""
    key = scale.model_dump_json()
    if key not in _palettes:
        _palettes[key] = _make_palette(scale)
    return _palettes[key]


def _make_palette(scale: RatingScale):  # type: ignore[no-untyped-def]
    from PIL import Image, ImageColor

    def ramp(start: str, end: str, steps: int = 16) -> list[tuple[int, ...]]:
        a, b = ImageColor.getrgb(start), ImageColor.getrgb(end)
        return [tuple(round(a[k] + (b[k] - a[k]) * i / (steps - 1)) for k in range(3)) for i in range(steps)]

    colours: list[tuple[int, ...]] = []
    for colour in (INK, QUIET, SITE_ACCENT, *(r.colour for r in scale.ratings.values())):
        colours += ramp(colour, PAPER)
    colours = list(dict.fromkeys(colours))[:256]
    palette = Image.new("P", (1, 1))
    palette.putpalette([value for colour in colours for value in colour])
    return palette


def _scale(pen, scale: RatingScale, current: str | None) -> None:  # type: ignore[no-untyped-def]
    """The scale along the foot of the card: one segment per rating, best supported first, each
    labelled; the card's own rating taller, outlined, marked with a triangle and its label in bold."""
    ids = scale.ids
    gap = 8
    left, right, base = MARGIN, WIDTH - MARGIN, 548
    width = (right - left - gap * (len(ids) - 1)) / len(ids)
    for index, rating_id in enumerate(ids):
        x0 = round(left + index * (width + gap))
        x1 = round(x0 + width)
        here = rating_id == current
        top = base - (30 if here else 12)
        pen.rectangle((x0, top, x1, base), fill=scale[rating_id].colour)
        if here:
            pen.rectangle((x0 - 3, top - 3, x1 + 3, base + 3), outline=INK, width=3)
            middle = (x0 + x1) // 2
            pen.polygon([(middle - 12, top - 24), (middle + 12, top - 24), (middle, top - 8)], fill=INK)
        label = _font(19, bold=here)
        text = _lines(scale[rating_id].label, label, int(width), 2)
        for row, line in enumerate(text):
            pen.text(((x0 + x1) // 2, base + 14 + row * 23), line, font=label, fill=INK if here else QUIET,
                     anchor="mt")


class CardCache:
    """Cards drawn once into ``folder`` (outside site/), named by their key; a rebuild reuses them."""

    def __init__(self, folder: Path, scale: RatingScale):
        self.folder = folder
        self.scale = scale
        self.drawn = 0  # cards drawn by this cache (not found in the folder)

    def path(self, card: Card) -> Path:
        """The card's file, drawn now if it is not in the folder yet. Only a regular file reached without a
        symbolic link is taken from the folder: anything else where a card belongs (a link to
        /proc/self/environ planted with ``git add -f``, whose bytes would be published as the card) is
        removed, the cache being ours, and the card drawn again."""
        key = card_key(card, self.scale)
        folder = self.folder / key[:2]
        path = folder / f"{key}.png"
        if not _is_plain(folder, stat.S_ISDIR):
            _remove(folder)
            folder.mkdir(parents=True)
        if not _is_plain(path, stat.S_ISREG):
            _remove(path)
            temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            temporary.unlink(missing_ok=True)
            with temporary.open("xb") as written:  # created here, never written through a link left in its place
                written.write(draw(card, self.scale))
            os.replace(temporary, path)
            self.drawn += 1
        return path

    def prune(self, keep: Iterable[Path]) -> int:
        """Remove the cached cards not in ``keep`` (cards of claims since changed or deleted). Only the
        cache's own folders are looked into: a link in it is never followed (one to a folder elsewhere
        would have its PNGs deleted), and a link named like a card is removed as a stale card is."""
        kept = {Path(p) for p in keep}
        removed = 0
        try:
            folders = [entry for entry in os.scandir(self.folder) if entry.is_dir(follow_symlinks=False)]
        except FileNotFoundError:
            return 0
        for folder in folders:
            for entry in os.scandir(folder.path):
                if entry.name.endswith(".png") and not entry.is_dir(follow_symlinks=False) \
                        and Path(entry.path) not in kept:
                    os.unlink(entry.path)  # the file, or the link itself, never its target
                    removed += 1
        return removed


def _is_plain(path: Path, kind: Callable[[int], bool]) -> bool:
    """Whether ``path`` is of ``kind`` (stat.S_ISREG, stat.S_ISDIR) itself, not through a symbolic link."""
    try:
        return kind(path.lstat().st_mode)
    except FileNotFoundError:
        return False


def _remove(path: Path) -> None:
    """Whatever is at ``path`` in the cache: a link itself (never its target), a file, or a folder."""
    if _is_plain(path, stat.S_ISDIR):
        shutil.rmtree(path)  # removes the links in it, never what they point to
    else:
        path.unlink(missing_ok=True)
