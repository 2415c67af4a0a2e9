"""Issue 15 (appeals officer): the public appeal form's thanks page says in Russian what happens
next instead of easyform's English «Thanks for your input.»."""

from akimat.policy.appeal_form import ensure_appeal_form
from plone import api


def upgrade(setup_tool):
    ensure_appeal_form(api.portal.get())
