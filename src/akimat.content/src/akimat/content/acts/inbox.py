"""What acts ask of a person (core/inbox.py): visas, legal review, signature, registration, a
draft to send on or to rework, acquaintance. Catalog queries only, no object woken up.

Who reviews and who signs is read from the act settings once, as the act's local roles read it
(acts/local_roles.py): the legal consultant's group reviews (R10.3), the head of apparatus signs
his orders and the akim the other acts. A complete round of visas moves the act on by itself
(agreement.give_visa), so nobody waits to complete one.
"""

from akimat.content import _
from akimat.content.acts.act import settings
from akimat.content.acts.act import signatory_group_of
from akimat.content.acts.act import signing_deadline
from akimat.content.acts.vocabularies import ACT_KINDS
from akimat.content.core.inbox import action_of
from akimat.content.core.inbox import find
from akimat.content.core.inbox import IInboxProvider
from akimat.content.core.inbox import Kind
from akimat.content.core.principals import principal_ids
from plone import api
from zope.interface import implementer


VISA, LEGAL_REVIEW, SIGNATURE = "act-visa", "act-legal-review", "act-signature"
REGISTRATION, REWORK, SUBMISSION = "act-registration", "act-rework", "act-submission"
ACQUAINTANCE = "act-acquaintance"
WORKFLOW = "akimat_act_workflow"
ROUNDS = ("agreement", "members_agreement")
CONTROL_OFFICER = "Control Officer"  # the ОДК registers (R10.16)


def _action(kind, brain, due=None, note=""):
    # R10.14: emergency or humanitarian acts are urgent
    return action_of(kind, brain, due, urgent=brain.urgency == "emergency", note=note)


@implementer(IInboxProvider)
class ActsInbox:
    kinds = (
        Kind(SIGNATURE, _("Acts awaiting my signature")),
        Kind(VISA, _("Acts awaiting my visa")),
        Kind(LEGAL_REVIEW, _("Drafts of acts for legal review")),
        Kind(REGISTRATION, _("Signed acts to register")),
        Kind(REWORK, _("Drafts of acts returned for rework")),
        Kind(SUBMISSION, _("Drafts of acts to send for legal review")),
        Kind(ACQUAINTANCE, _("Acts for acquaintance")),
    )
    waits_in = tuple(
        (WORKFLOW, state)
        for state in ("draft", "legal_review", *ROUNDS, "signing", "signed")
    )

    def actions(self, user, today, calendar):
        userid, principals = user.getId(), set(principal_ids(user))
        portal = api.portal.get()
        current = settings(portal)
        acts = {"portal_type": "Act"}
        # R10.4a, R10.14: the round's deadline; the legal consultant is expected last (R10.3).
        for brain in find(awaiting_visa=userid, review_state=ROUNDS, **acts):
            yield _action(VISA, brain, brain.deadline)
        if current.legal_consultant_group in principals:
            for brain in find(review_state="legal_review", **acts):
                yield _action(LEGAL_REVIEW, brain)
        signs = [
            term.value
            for term in ACT_KINDS
            if signatory_group_of(term.value, current) in principals
        ]
        if signs:
            for brain in find(review_state="signing", act_kind=signs, **acts):
                yield _action(
                    SIGNATURE,
                    brain,
                    signing_deadline(brain.created.asdatetime(), calendar),
                )
        if CONTROL_OFFICER in api.user.get_roles(user=user, obj=portal):
            for brain in find(review_state="signed", **acts):
                yield _action(REGISTRATION, brain)
        # R10.13: the developer department reworks a returned draft within 10 days.
        for brain in find(
            developer_department=list(principals), review_state="draft", **acts
        ):
            if brain.rework_due:
                yield _action(REWORK, brain, brain.rework_due)
            else:
                yield _action(SUBMISSION, brain)
        # R10.18: the recipients confirm «ознакомлен».
        for brain in find(
            acquaintance_pending=userid, review_state="registered", **acts
        ):
            yield _action(ACQUAINTANCE, brain)


provider = ActsInbox()
