"""Upgrade steps of akimat.policy; each one calls the code a fresh install runs."""

from akimat.policy.organisation import ensure_groups


def to_1001(context):
    """Give the organisation's units their site roles of control."""
    context.runAllImportStepsFromProfile("profile-akimat.content:default")
    ensure_groups()
