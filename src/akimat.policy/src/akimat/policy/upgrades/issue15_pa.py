"""Issue 15 (pa): the menu's sections open their registers (their layouts); the control
dashboard leaves the personal menu (the control list links it) and the menu's entries get real
icons; the appeals section says «Реестр обращений», so a site search finds the register."""

from akimat.policy.sections import ensure_sections
from akimat.policy.sections import SECTIONS
from plone import api
from zope.i18n import translate


PROFILE = "profile-akimat.policy:default"


def upgrade(setup_tool):
    user_actions = api.portal.get_tool("portal_actions").user
    if "akimat-control-dashboard" in user_actions.objectIds():
        user_actions._delObject("akimat-control-dashboard")
    setup_tool.runImportStepFromProfile(PROFILE, "actions", run_dependencies=False)
    ensure_sections()  # layouts and local roles as a new site has them; idempotent
    appeals = next(section for section in SECTIONS if section.id == "appeals")
    folder = api.portal.get().get(appeals.id)
    if folder is not None:
        folder.setDescription(translate(appeals.description, target_language="ru"))
        folder.reindexObject()
