"""Invitation letters for a meeting, through the letters engine (`services.exports.letters`):
one PDF, one addressed letter per invitee (people at their organisation's address,
organisations invited as such at theirs). Invitees without a postal address are skipped
and named, as in every mailing.

Besides the engine's merge fields ({nom_complet}, {organisation}, {epn}...) the text
may use {rencontre}, {theme}, {date_rencontre}, {horaire} and {lieu}.
"""

from __future__ import annotations

from pathlib import Path

from partnerdesk.domain.dataio import Letter, LetterTemplateData
from partnerdesk.domain.meetings import Answer
from partnerdesk.i18n import N_, _, format_full_date, format_time
from partnerdesk.services import meetings
from partnerdesk.services.exports import letters as engine
from partnerdesk.services.exports.selection import Selection
from partnerdesk.services.meetings import invitations

MEETING_FIELDS = ("rencontre", "theme", "date_rencontre", "horaire", "lieu")

# English source, French in the catalogue: the letter is in the language of the interface, whole.
DEFAULT_SUBJECT = N_("Invitation: {rencontre}")
DEFAULT_BODY = N_("Dear Sir or Madam,\n\n{epn} is pleased to invite you to the meeting “{rencontre}”, on "
                  "{date_rencontre}{horaire}.\n\nPlace: {lieu}\n\n{theme}\n\nPlease let us know whether you "
                  "will be able to attend.\n\nWe look forward to welcoming you.\n\nYours faithfully,")


def default_template() -> LetterTemplateData:
    return LetterTemplateData(_("Invitation"), _(DEFAULT_SUBJECT), _(DEFAULT_BODY))


def meeting_fields(meeting_id: int) -> dict[str, str]:
    meeting = meetings.get_meeting(meeting_id)
    if meeting is None:
        raise engine.LetterError(_("This meeting no longer exists."))
    hours = ""
    if meeting.start_time and meeting.end_time:
        hours = _(", from {start} to {end}").format(start=format_time(meeting.start_time), end=format_time(meeting.end_time))
    elif meeting.start_time:
        hours = _(" at {start}").format(start=format_time(meeting.start_time))
    return {"rencontre": meeting.title, "theme": meeting.theme, "date_rencontre": format_full_date(meeting.held_on),
            "horaire": hours, "lieu": meeting.place or _("to be confirmed")}


def invitation_letters(meeting_id: int, template: LetterTemplateData) -> tuple[list[Letter], list[str]]:
    """(letters, names skipped for want of a postal address); excused invitees get none."""
    extra = meeting_fields(meeting_id)
    invitees = [i for i in invitations.invitees_of(meeting_id) if i.answer != Answer.EXCUSE.value]
    people = [i.person_id for i in invitees if i.person_id]
    orgs = [i.organisation_id for i in invitees if not i.person_id and i.organisation_id]
    found = (engine.recipients("organisations", Selection(ids=orgs)) if orgs else []) + \
        (engine.recipients("people", Selection(ids=people)) if people else [])
    signed = engine.signature()
    made, skipped = [], []
    for recipient in found:
        if not recipient.has_address:
            skipped.append(recipient.label)
            continue
        letter = engine.letter_of(recipient, template, signed, extra)
        letter.body = "\n\n".join(p for p in letter.body.split("\n\n") if p.strip())  # an empty {theme}
        made.append(letter)
    return made, skipped


def write_invitation_letters(meeting_id: int, target: Path,
                             template: LetterTemplateData | None = None) -> tuple[int, list[str]]:
    """Write the PDF in the documents' language; return (letters written, names skipped)."""
    def make():
        return invitation_letters(meeting_id, template or default_template())

    return engine.write_letters(make, _("Invitation"), target)
