"""Review of an appeal through the control service: assignments inside it (RULES.md R13.8, R12).

The appeals department controls them; their executors read the appeal (localroles.AppealRoles)
and nobody else new does (R13.2).
"""

from akimat.content import _
from akimat.content.appeals import receptions
from akimat.content.appeals.appeal import appeal_settings
from akimat.content.core import bounds
from akimat.content.core.errors import Refusal
from plone import api


SOURCE_KIND = (
    "appeal"  # vocabularies.SOURCE_KINDS: «Appeal of a citizen or an organisation»
)


def reference(appeal):
    """How the control list names the appeal (R12.4a, column 1): «№ 7, 08.12.2026», preceded by
    the personal reception where the assignment was given (R14.4)."""
    if appeal.registration_number is None:
        return ""
    number = f"№ {appeal.registration_number}, {appeal.registration_date.strftime('%d.%m.%Y')}"
    reception = receptions.get_reception(appeal.reception)
    return (
        f"{receptions.reference(reception)}; {number}"
        if reception is not None
        else number
    )


def review_term(appeal, requested=None):
    """The term of the review (R13), or an earlier one when asked."""
    term = appeal.review_deadline()
    if requested is None or term is None:
        return requested or term
    return min(requested, term)


def _new_id(appeal):
    """«assignment-1», «assignment-2» …: never the subject, which may name the applicant."""
    taken = set(appeal.objectIds())
    number = len(taken) + 1
    while f"assignment-{number}" in taken:
        number += 1
    return f"assignment-{number}"


class AssignmentRefused(Refusal):
    """An assignment the rules refuse; args[0] is the message for the person."""


def _known(principal):
    return (
        api.group.get(groupname=principal) is not None
        or api.user.get(userid=principal) is not None
    )


def check_assignment(appeal, executors, deadline=None):
    """An appeal is assigned once registered (R13.6, R13.8), to executors that exist, with a
    deadline in the range of dates (bounds)."""
    if appeal.registration_number is None:
        raise AssignmentRefused(_("Register the appeal before assigning it."))
    if not executors:
        raise AssignmentRefused(_("Name at least one executor."))
    unknown = [principal for principal in executors if not _known(principal)]
    if unknown:
        raise AssignmentRefused(
            _("Unknown executor: ${names}.", mapping={"names": ", ".join(unknown)})
        )
    if deadline is not None:
        try:
            bounds.check_date(deadline)
        except bounds.OutOfRange as refusal:
            raise AssignmentRefused(refusal.args[0]) from refusal


def assign(appeal, executors, deadline=None):
    """An assignment on the appeal's subject: the first executor leads, the rest co-execute,
    the appeals department controls (R9.16, R12.4a), also when it was given at a personal
    reception (R14.4); the executors then read the appeal (localroles.AppealRoles)."""
    check_assignment(appeal, executors, deadline)
    lead, *co_executors = executors
    assignment = api.content.create(
        container=appeal,
        type="Assignment",
        title=appeal.title,
        source_kind=receptions.SOURCE_KIND if appeal.reception else SOURCE_KIND,
        source_reference=reference(appeal),
        lead_executor=lead,
        co_executors=list(co_executors),
        controller=appeal_settings(appeal).appeals_group,
        deadline=review_term(appeal, deadline),
        id=_new_id(appeal),
    )
    return assignment


def executors(appeal):
    """The executors of the appeal's assignments, each once, the leads first (R13.8)."""
    found = []
    for assignment in appeal.objectValues():
        if getattr(assignment, "portal_type", None) != "Assignment":
            continue
        for principal in assignment.executors():
            if principal and principal not in found:
                found.append(principal)
    return found
