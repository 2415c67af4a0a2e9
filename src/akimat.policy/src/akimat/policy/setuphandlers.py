from akimat.policy.appeal_form import ensure_appeal_form
from akimat.policy.library_search import ensure_library_search
from akimat.policy.organisation import ensure_groups
from akimat.policy.sections import ensure_sections
from plone import api
from plone.base.interfaces import INonInstallable
from zope.interface import implementer


FRONT_PAGE = "akimat-home"


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        """Only the default profile is offered in the add-ons control panel."""
        return ["akimat.policy:uninstall", "akimat.policy:demo"]


def post_install(context):
    """The organisation, the sections, the public appeal form and the staff front page; safe to
    run again."""
    ensure_groups()
    ensure_sections()
    ensure_library_search()
    ensure_appeal_form()
    api.portal.get().setLayout(FRONT_PAGE)


def uninstall(context):
    """Give the site root its stock view back; groups and sections stay with their content."""
    portal = api.portal.get()
    if portal.getLayout() == FRONT_PAGE:
        portal.setLayout("listing_view")
