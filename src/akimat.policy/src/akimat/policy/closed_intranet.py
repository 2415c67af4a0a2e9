"""The closed intranet: an anonymous visitor reaches the login form, the help to log in (with
the password reset it mails) and the public appeal form, nothing else — whatever the
permissions of a page say. iw.rejectanonymous turns every other page into the login form on a
site marked IPrivateSite; the names below are the pages it lets through besides its own
(the login form, the password reset, static resources, plone.restapi's @login)."""

from akimat.policy.appeal_form import FORM_ID
from iw.rejectanonymous import addValidIds
from iw.rejectanonymous import IPrivateSite
from zope.interface import alsoProvides
from zope.interface import noLongerProvides


OPEN_VIEWS = (
    "login-help",
    "failsafe_login",
    # The appeal form's own: its page (the default view), the check of a field as the visitor
    # leaves it. Elsewhere the permissions refuse them: Anonymous may view nothing else.
    "view",
    "z3cform_validate_field",
)
addValidIds(FORM_ID, *OPEN_VIEWS, *(f"@@{name}" for name in OPEN_VIEWS))


def close_site(portal):
    alsoProvides(portal, IPrivateSite)


def open_site(portal):
    noLongerProvides(portal, IPrivateSite)
