"""Demo photos and image-rights consents: portraits drawn with Pillow.

Small: a few dozen portraits, most with a consent, some refused or missing.
Large: 5,000 people with photos (for the trombinoscope benchmark).
Needs the demo's data folder (`ctx.paths`); without one, nothing is drawn.
"""

from __future__ import annotations

import colorsys
import datetime as dt
import io

from partnerdesk.domain.consent import ConsentScope
from partnerdesk.domain.text import initials
from partnerdesk.paths import resource
from partnerdesk.services.photos import save_prepared
from partnerdesk.store.models import Person, PersonPhoto, PhotoConsent

PHOTOS = {"small": 36, "large": 5000}
_fonts: dict = {}  # size -> PIL FreeTypeFont


def _font(size: int):
    if size not in _fonts:
        from PIL import ImageFont

        _fonts[size] = ImageFont.truetype(str(resource("fonts", "DejaVuSans-Bold.ttf")), size)
    return _fonts[size]


def portrait(text: str, hue: float, width: int = 360, height: int = 450) -> bytes:
    """A JPEG portrait: pastel background, a silhouette, initials on the chest."""
    background = tuple(int(c * 255) for c in colorsys.hls_to_rgb(hue, 0.82, 0.55))
    figure = tuple(int(c * 255) for c in colorsys.hls_to_rgb(hue, 0.38, 0.45))
    from PIL import Image, ImageDraw  # Pillow only when demo data is made

    image = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(image)
    head = width * 0.22
    cx, cy = width / 2, height * 0.38
    draw.ellipse((cx - head, cy - head * 1.15, cx + head, cy + head * 1.15), fill=figure)
    draw.ellipse((cx - width * 0.45, height * 0.66, cx + width * 0.45, height * 1.3), fill=figure)
    font = _font(int(width * 0.13))
    draw.text((cx, height * 0.86), text, fill=background, font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def _scopes(rng) -> tuple[bool, list[str]]:
    draw = rng.random()
    if draw < 0.55:
        return True, [s.value for s in ConsentScope]
    if draw < 0.75:
        return True, [ConsentScope.INTERNE.value]
    if draw < 0.85:
        return False, []
    return None, []  # photo without any consent recorded


def generate(ctx) -> None:
    if ctx.paths is None:
        return
    rng = ctx.rng
    count = PHOTOS.get(ctx.size.name, 0)
    people = list(Person.select(Person.id, Person.first_name, Person.last_name)
                  .order_by(Person.id).limit(count).tuples())
    small = ctx.size.name == "small"
    width, height = (360, 450) if small else (240, 300)
    now = dt.datetime.combine(ctx.today, dt.time(9, 0))
    photos, consents = [], []
    for pid, first, last in people:
        jpeg = portrait(initials(first, last), rng.random(), width, height)
        info = save_prepared(ctx.paths, jpeg, width, height, f"portrait-{pid}.jpg")
        photos.append(dict(person=pid, file=info.file, width=width, height=height, source_name=info.source_name,
                           added_at=now))
        given, scopes = _scopes(rng)
        if given is not None:
            consents.append(dict(person=pid, given=given, scopes=scopes, proof="", updated_at=now,
                                 given_on=ctx.today - dt.timedelta(days=rng.randint(10, 700)) if given else None))
    for start in range(0, len(photos), 500):
        PersonPhoto.insert_many(photos[start:start + 500]).execute()
    for start in range(0, len(consents), 500):
        PhotoConsent.insert_many(consents[start:start + 500]).execute()
    ctx.ids["photos"] = [p["person"] for p in photos]
