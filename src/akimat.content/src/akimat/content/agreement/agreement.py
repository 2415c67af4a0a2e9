"""A visa given on a document that moves on by its own workflow: acts and protocols (R10.4b, R8.5d).

The visas service keeps the rounds; this module turns a finished round into the document's next
state. A document offers `completing_transition()`, the transition that follows a complete round;
a return goes through its «return» transition with the reason as the comment.
"""

from akimat.content.agreement import visas
from plone import api


def give_visa(document, userid, agree, reason=None):
    """An approver agrees or returns (R10.4b); a complete round moves the document on by itself,
    a return sends it back to its draft."""
    current = (
        visas.agree(document, userid)
        if agree
        else visas.return_for_rework(document, userid, reason)
    )
    if current.state == visas.AGREED:
        system_transition(document, document.completing_transition())
    elif current.state == visas.RETURNED:
        system_transition(document, "return", comment=reason)
    document.reindexObject()
    document.reindexObjectSecurity()
    return current


def system_transition(document, transition, comment=""):
    """A transition the rules take, not a person: run as Manager, whoever gave the last visa."""
    with api.env.adopt_roles(["Manager"]):
        api.portal.get_tool("portal_workflow").doActionFor(
            document, transition, comment=comment or ""
        )


def start_round(document, approvers, lawyers=()):
    """Send the document to `approvers`; the legal consultants visa last (R10.3)."""
    substitutes = {a: s for a, s in document.substitute_map().items() if a in approvers}
    visas.start_round(
        document,
        approvers,
        last=lawyers,
        substitutes=substitutes,
        started_by=api.user.get_current().getId(),
    )
