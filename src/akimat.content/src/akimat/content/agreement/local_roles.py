"""Local roles of agreement: approvers of the current round visa, earlier ones read."""

from akimat.content.agreement import visas
from akimat.content.core.local_roles import grant


def agreement_roles(document, roles):
    """Approvers of the current round (and their substitutes) visa; earlier ones keep reading."""
    for earlier in visas.rounds(document)[:-1]:
        for visa in earlier.visas:
            grant(roles, visa.approver, "Reader")
            grant(roles, visa.substitute, "Reader")
    current_round = visas.current_round(document)
    if current_round is not None:
        for visa in current_round.visas:
            grant(roles, visa.approver, "Approver")
            grant(roles, visa.substitute, "Approver")
