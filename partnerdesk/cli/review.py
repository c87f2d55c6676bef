"""review: list the cards due for the yearly review; photo: give a person a photo."""

from __future__ import annotations

from partnerdesk.domain.grammar import of
from partnerdesk.cli.common import CommandError, opened, run
from partnerdesk.domain.review import CardKind
from partnerdesk.i18n import _, format_date, ngettext
from partnerdesk.domain.validation import ValidationError


def register(sub) -> None:
    p = sub.add_parser("review", help="list the cards due for the yearly review, oldest first")
    p.add_argument("--limit", type=int, default=0, help="show at most this many cards (default: all)")
    p.add_argument("--set-period", type=int, metavar="MONTHS",
                   help="check each card every MONTHS months from now on (default 12)")
    p.set_defaults(func=cmd_review)
    p = sub.add_parser("photo", help="import FILE as the photo of the person PERSON_ID "
                                     "(JPEG, PNG, WebP, GIF, BMP, TIFF)")
    p.add_argument("person_id", type=int)
    p.add_argument("file")
    p.set_defaults(func=cmd_photo)


@run
def cmd_review(args):
    from partnerdesk.services import review

    with opened(args):
        if args.set_period is not None:
            try:
                review.set_period(args.set_period)
            except ValidationError as exc:
                raise CommandError(_(exc.errors["period"])) from exc
        due = review.due()
    count = len(due)
    print(ngettext("{count} card to check this year", "{count} cards to check this year", count).format(count=count))
    for card in due[: args.limit or None]:
        kind = _("Person") if card.kind == CardKind.PERSON.value else _("Organisation")
        checked = (_("last checked on {date}").format(date=format_date(card.verified_on)) if card.verified_on
                   else _("never checked"))
        print(f"  {card.name}  ·  {kind}  ·  {checked}  [#{card.id}]")
    return 0


@run
def cmd_photo(args):
    from partnerdesk.services import partners, photos

    with opened(args) as paths:
        person = partners.get_person(args.person_id)
        if person is None:
            raise CommandError(_("No person #{id}.").format(id=args.person_id))
        try:
            info = photos.set_photo_from_file(paths, args.person_id, args.file)
        except photos.PhotoError as exc:
            raise CommandError(_(exc.message)) from exc
    print(_("Photo of {name} saved ({width} × {height} px).").format(name=person.full_name, of_name=of(person.full_name), width=info.width,
                                                                  height=info.height))
    return 0
