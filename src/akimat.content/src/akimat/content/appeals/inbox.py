"""What appeals and personal reception ask of a person (core/inbox.py). Catalog queries only.

The appeals department registers, checks, sends for review,
follows and closes every appeal, and prepares the receptions; the official an appeal is addressed
to and the executors of its assignments have that appeal in their inbox, nobody else (R13.2): the
queries run as the person, and appeals are found only by his name or his department's. The akim
approves the schedule of receptions (R14.1).
"""

from akimat.content import _
from akimat.content.appeals import receptions
from akimat.content.appeals import review
from akimat.content.appeals.appeal import appeal_settings
from akimat.content.appeals.appeal import PASSING_ON_WORKING_DAYS
from akimat.content.appeals.reception import LIST_WORKING_DAYS_BEFORE
from akimat.content.browser.formatting import format_date
from akimat.content.core.calendar import naive
from akimat.content.core.inbox import action_of
from akimat.content.core.inbox import find
from akimat.content.core.inbox import IInboxProvider
from akimat.content.core.inbox import Kind
from akimat.content.core.principals import principal_ids
from akimat.content.core.vocabularies import meeting_settings
from plone import api
from zope.interface import implementer


REGISTRATION, REVIEW, CORRECTION, ANSWER, CLOSING = (
    "appeal-registration",
    "appeal-review",
    "appeal-correction",
    "appeal-answer",
    "appeal-closing",
)
SCHEDULE, LIST, HOLDING = "reception-schedule", "reception-list", "reception-holding"
APPEALS, SCHEDULES, RECEPTIONS = (
    "akimat_appeal_workflow",
    "akimat_reception_schedule_workflow",
    "akimat_reception_workflow",
)


def _find(portal_type, state, **query):
    return find(portal_type=portal_type, review_state=state, sort_on="created", **query)


def _passing_on_due(brain, calendar):
    """R13.9: redirected, if it must be, within 3 working days of its registration."""
    return calendar.add_working_days(brain.registration_date, PASSING_ON_WORKING_DAYS)


def _reception_day(brain):
    return naive(brain.start).date()


def for_the_department(calendar):
    """What the appeals department does on every appeal and reception (R13.6–R13.9, R14.2)."""
    for brain in _find("Appeal", "received"):
        yield action_of(
            REGISTRATION, brain, calendar.registration_date(brain.received_at)
        )
    for brain in _find("Appeal", "registered"):
        yield action_of(REVIEW, brain, _passing_on_due(brain, calendar))
    for brain in _find("Appeal", "correction_requested"):
        # R13.7: the applicant corrects it until the term; after it, it goes back to him.
        term = brain.correction_term
        yield action_of(
            CORRECTION,
            brain,
            calendar.next_working_day(term),
            note=_(
                "Return it to the applicant if not corrected by ${date}",
                mapping={"date": format_date(term)},
            ),
        )
    for brain in _find("Appeal", "in_review"):
        yield action_of(ANSWER, brain, brain.deadline)
    for brain in _find("Appeal", "answered"):
        yield action_of(CLOSING, brain)
    for brain in _find("Reception", "planned"):
        due = calendar.working_days_before(
            _reception_day(brain), LIST_WORKING_DAYS_BEFORE
        )
        yield action_of(LIST, brain, due)
    for brain in _find("Reception", "list_submitted"):
        yield action_of(HOLDING, brain, _reception_day(brain))


def _assigned_appeal_paths(principals):
    """The appeals holding an assignment of these executors: assignments live in their appeal."""
    return [
        brain.getPath().rsplit("/", 1)[0]
        for brain in find(
            portal_type="Assignment",
            executors=principals,
            source_kind=[review.SOURCE_KIND, receptions.SOURCE_KIND],
        )
    ]


def for_an_official(user, calendar):
    """R13.8: the appeals addressed to him; R9.16: those assigned to him or his department."""
    principals = principal_ids(user)
    addressed = _("Addressed to you")
    for brain in _find("Appeal", "registered", appeal_addressee=principals):
        yield action_of(REVIEW, brain, _passing_on_due(brain, calendar), note=addressed)
    for brain in _find("Appeal", "in_review", appeal_addressee=principals):
        yield action_of(ANSWER, brain, brain.deadline, note=addressed)
    paths = _assigned_appeal_paths(principals)
    if paths:
        for brain in _find("Appeal", "in_review", path={"query": paths, "depth": 0}):
            yield action_of(
                ANSWER,
                brain,
                brain.deadline,
                note=_("Assigned to you or your department"),
            )


def in_the_department(user):
    """R13.2: the appeals department, whom the appeals section's local roles name by its group."""
    return appeal_settings(api.portal.get()).appeals_group in principal_ids(user)


def is_akim(user):
    """R14.1: the schedule is approved by the akim, whom its local roles name by his group."""
    return meeting_settings(api.portal.get()).akim_group in principal_ids(user)


@implementer(IInboxProvider)
class AppealsInbox:
    kinds = (
        Kind(REGISTRATION, _("Appeals to register")),
        Kind(REVIEW, _("Appeals to review or redirect")),
        Kind(CORRECTION, _("Appeals awaiting a correction by the applicant")),
        Kind(ANSWER, _("Appeals awaiting the answer")),
        Kind(CLOSING, _("Answered appeals to close")),
        Kind(SCHEDULE, _("Reception schedules to approve")),
        Kind(LIST, _("Lists of a personal reception to submit")),
        Kind(HOLDING, _("Personal receptions to hold")),
    )
    waits_in = (
        (APPEALS, "received"),
        (APPEALS, "registered"),
        (APPEALS, "correction_requested"),
        (APPEALS, "in_review"),
        (APPEALS, "answered"),
        (SCHEDULES, "draft"),
        (RECEPTIONS, "planned"),
        (RECEPTIONS, "list_submitted"),
    )

    def actions(self, user, today, calendar):
        found = list(for_an_official(user, calendar))
        if in_the_department(user):
            found += for_the_department(calendar)
        if is_akim(user):
            found += [
                action_of(SCHEDULE, brain)
                for brain in _find("ReceptionSchedule", "draft")
            ]
        seen = set()
        for action in found:  # one action of a kind per appeal, whoever he is on it
            if (action.kind, action.uid) not in seen:
                seen.add((action.kind, action.uid))
                yield action


provider = AppealsInbox()
