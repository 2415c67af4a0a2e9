"""1011 → 1012: the screens staff work in (issue 15).

- the menu's sections open their registers (their layouts) and offer only their own types in
  «Добавить»; the control dashboard leaves the personal menu (the control list links it) and the
  menu's entries get real icons; the appeals section says «Реестр обращений», so a site search
  finds the register (for those who may see it);
- the public appeal form's thanks page says in Russian what happens next instead of easyform's
  English «Thanks for your input.».
"""

from akimat.policy.appeal_form import ensure_appeal_form
from akimat.policy.sections import ensure_sections
from akimat.policy.sections import SECTIONS
from plone import api
from zope.i18n import translate


PROFILE = "profile-akimat.policy:default"


def sections_and_menu(setup_tool):
    user_actions = api.portal.get_tool("portal_actions").user
    if "akimat-control-dashboard" in user_actions.objectIds():
        user_actions._delObject("akimat-control-dashboard")
    setup_tool.runImportStepFromProfile(PROFILE, "actions", run_dependencies=False)
    ensure_sections()  # layouts, types and local roles as a new site has them; idempotent
    appeals = next(section for section in SECTIONS if section.id == "appeals")
    folder = api.portal.get().get(appeals.id)
    if folder is not None:
        folder.setDescription(translate(appeals.description, target_language="ru"))
        folder.reindexObject()


def appeal_form_thanks(setup_tool):
    ensure_appeal_form(api.portal.get())
