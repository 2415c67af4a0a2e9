"""What happens to an act between its states: visas, rounds, returns, registration (R10).

Called by the workflow's event subscribers and by the visa view and REST service, so the
rules hold however a person or an integrator acts.
"""

from akimat.content import _
from akimat.content.agreement import agreement
from akimat.content.agreement import visas
from akimat.content.core import calendar as working_calendar
from akimat.content.core import numbering
from persistent.mapping import PersistentMapping
from plone import api
from Products.CMFCore.utils import getToolByName
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.annotation.interfaces import IAnnotations


ACQUAINTANCE_KEY = "akimat.content.acquaintance"


def check_submission(act):
    """R10.5–R10.10: the draft goes on only with every attachment its flags require."""
    missing = act.missing_attachments()
    if missing:
        names = "; ".join(api.portal.translate(label) for label in missing)
        raise WorkflowException(
            api.portal.translate(
                _(
                    "Attach before sending the draft on: ${missing}.",
                    mapping={"missing": names},
                )
            )
        )


def start_departments_round(act):
    agreement.start_round(act, *act.round_approvers())


def start_members_round(act):
    agreement.start_round(act, act.members())


def returned(act):
    """R10.13: the rework term starts; an open round ends without the missing visas."""
    visas.cancel_round(act)
    act.returned_on = working_calendar.now().date()


def register(act):
    """R10.16: the next number of the kind in the calendar year, inside this transaction; the
    recipients of the distribution list see it from now on (R10.18)."""
    today = working_calendar.now().date()
    act.registration_number = numbering.next_number(act.kind, today.year)
    act.registration_date = today
    act.distributed_on = (
        today  # R10.18: the registered act goes out by its distribution list
    )


def last_transition(act, transition):
    """The latest entry of the workflow history for this transition, or None."""
    history = (
        act.workflow_history.get("akimat_act_workflow", ())
        if hasattr(act, "workflow_history")
        else ()
    )
    entries = [entry for entry in history if entry.get("action") == transition]
    return entries[-1] if entries else None


def acquaintance(act):
    """{userid: ISO time} of those who confirmed «ознакомлен» (R10.18); read-only."""
    return dict(IAnnotations(act).get(ACQUAINTANCE_KEY, {}))


def acquaint(act, userid):
    if userid not in recipients(act):
        raise ValueError(_("The act was not sent to you."))
    annotations = IAnnotations(act)
    if ACQUAINTANCE_KEY not in annotations:
        annotations[ACQUAINTANCE_KEY] = PersistentMapping()
    annotations[ACQUAINTANCE_KEY].setdefault(
        userid, working_calendar.now().isoformat(timespec="minutes")
    )
    act.reindexObject(idxs=["acquaintance_pending"])


def recipients(act):
    """The users the act is distributed to in the intranet: groups expanded to their members.
    Through acquisition, not plone.api: the catalog also asks at commit time, with no site set."""
    groups = getToolByName(act, "portal_groups")
    users = []
    for principal in act.distribution or ():
        group = groups.getGroupById(principal)
        users += list(group.getGroupMemberIds()) if group is not None else [principal]
    return list(dict.fromkeys(users))


def acquaintance_pending(act):
    """Recipients of a registered act who have not yet confirmed «ознакомлен»."""
    if act.review_state() != "registered":
        return []
    confirmed = acquaintance(act)
    return [userid for userid in recipients(act) if userid not in confirmed]
