from akimat.policy.appeal_form import ensure_appeal_form
from akimat.policy.closed_intranet import close_site
from akimat.policy.closed_intranet import open_site
from akimat.policy.library_search import ensure_library_search
from akimat.policy.login_throttle import ensure_login_throttle
from akimat.policy.login_throttle import remove_login_throttle
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
    """The organisation, the sections, the public appeal form, the staff front page, the site
    closed to anonymous visitors and its log-ins paused after repeated failures; safe to run
    again."""
    portal = api.portal.get()
    ensure_groups()
    ensure_sections()
    ensure_library_search()
    ensure_appeal_form()
    portal.setLayout(FRONT_PAGE)
    close_site(portal)
    ensure_login_throttle(portal)


def uninstall(context):
    """Give the site root its stock view back, open it, remove the log-in throttle; groups and
    sections stay with their content."""
    portal = api.portal.get()
    open_site(portal)
    remove_login_throttle(portal)
    if portal.getLayout() == FRONT_PAGE:
        portal.setLayout("listing_view")
