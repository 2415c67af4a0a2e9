"""Personal reception (RULES.md R14): the schedule's approval, sign-up, the list, the reception.

Called by the views, by the workflow's event subscribers and by the Appeal's invariant, so the
rules hold however a person or an integrator (plone.restapi) acts.
"""

from akimat.content import _
from akimat.content.core import calendar as working_calendar
from akimat.content.core.calendar import naive
from akimat.content.core.principals import principal_title
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException


APPEALS_SECTION = "appeals"
CHANNEL = "reception"  # vocabularies.APPEAL_CHANNELS: «Orally at a reception»
SOURCE_KIND = "reception"  # vocabularies.SOURCE_KINDS: «Personal reception»


def _refuse(message):
    raise WorkflowException(api.portal.translate(message))


def _now():
    return working_calendar.now().replace(tzinfo=None, second=0, microsecond=0)


def clock_time(moment):
    """«HH:MM» of a time at a reception, in Almaty; empty for none."""
    return naive(moment).strftime("%H:%M") if moment else ""


def get_reception(uid):
    """The reception of that UID, whether or not the user may see it (the appeal may)."""
    if not uid:
        return None
    with api.env.adopt_roles(["Manager"]):
        reception = api.content.get(UID=uid)
    return reception if getattr(reception, "portal_type", None) == "Reception" else None


def sign_up_problem(reception):
    """Why nobody can sign up for this reception now, or None (R14.1, R14.2)."""
    if reception is None:
        return _("There is no such personal reception.")
    if not reception.schedule().is_approved():
        return _("The reception schedule is not yet approved by the akim (R14.1).")
    if reception.review_state() != "planned":
        return _(
            "The list of this reception is already with the official (R14.2); sign up for another day."
        )
    if naive(reception.start) <= _now():
        return _("This reception has already begun.")
    return None


def time_problem(reception, moment):
    """Why a person cannot be received at that time, or None: the time at a reception is within
    its hours in the approved schedule (R14.1); none given is no problem."""
    if moment is None or naive(reception.start) <= naive(moment) < naive(reception.end):
        return None
    return _(
        "The time at the reception must be within its hours, ${start}–${end}.",
        mapping={
            "start": clock_time(reception.start),
            "end": clock_time(reception.end),
        },
    )


def signups(reception):
    """The appeals signed up for the reception, in the order of their time at it."""
    brains = api.content.find(
        portal_type="Appeal", reception_uid=reception.UID(), sort_on="created"
    )
    appeals = [brain.getObject() for brain in brains]
    return sorted(
        appeals, key=lambda appeal: appeal.reception_time or naive(reception.start)
    )


def sign_up(reception, **applicant):
    """A person with an issue for the reception: an appeal received orally at it, addressed to
    its official (R13.8) and registered at once (R13.6). `applicant` holds the Appeal's fields,
    `reception_time` among them within the reception's hours (R14.1)."""
    problem = sign_up_problem(reception) or time_problem(
        reception, applicant.get("reception_time")
    )
    if problem is not None:
        _refuse(problem)
    appeal = api.content.create(
        container=api.portal.get()[APPEALS_SECTION],
        type="Appeal",
        channel=CHANNEL,
        received_at=_now(),
        addressee=reception.official,
        reception=reception.UID(),
        **applicant,
    )
    api.content.transition(obj=appeal, transition="register")
    return appeal


def reference(reception):
    """How the control list names the reception (R12.4a, column 1)."""
    return api.portal.translate(
        _(
            "Personal reception of ${official}, ${date}",
            mapping={
                "official": principal_title(reception.official),
                "date": reception.day().strftime("%d.%m.%Y"),
            },
        )
    )


# The workflow's steps (subscribers.RECEPTION_*).


def check_approval(schedule):
    """R14.1: the akim approves a schedule that holds receptions."""
    if not schedule.objectIds():
        _refuse(_("Add the receptions to the schedule before it is approved (R14.1)."))


def approved(schedule):
    schedule.approved_on = working_calendar.now().date()
    schedule.approved_by = api.user.get_current().getId()


def list_submitted(reception):
    """R14.2: the day the list of registered persons went to the official."""
    reception.list_submitted_on = working_calendar.now().date()


def check_hold(reception):
    """The reception took place, and what each person said is recorded (R13.10)."""
    if naive(reception.start) > _now():
        _refuse(_("The reception has not begun yet."))
    unrecorded = [
        appeal.applicant_name
        for appeal in signups(reception)
        if not (appeal.oral_record or "").strip()
    ]
    if unrecorded:
        _refuse(
            _(
                "Record what was said at the reception by: ${names} (R13.10).",
                mapping={"names": ", ".join(unrecorded)},
            )
        )


def held(reception):
    reception.held_on = working_calendar.now().date()
