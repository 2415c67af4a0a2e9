"""Upgrade steps of akimat.policy; each one calls the code a fresh install runs."""

from akimat.policy.appeal_form import ensure_appeal_form
from akimat.policy.appeal_form import fields_model
from akimat.policy.closed_intranet import close_site
from akimat.policy.interfaces import ILoginThrottleSettings
from akimat.policy.library_search import ensure_library_search
from akimat.policy.library_search import install_collectionfilter
from akimat.policy.login_throttle import ensure_login_throttle
from akimat.policy.login_throttle import SETTINGS_PREFIX
from akimat.policy.organisation import DEPARTMENTS
from akimat.policy.organisation import ensure_groups
from akimat.policy.sections import ensure_sections
from plone import api


def to_1001(context):
    """Give the organisation's units their site roles of control."""
    context.runAllImportStepsFromProfile("profile-akimat.content:default")
    ensure_groups()


def to_1003(context):
    """Every department may draw up protocols: the section's local roles again (R5.46, R5.54);
    the appeals department keeps the register of appeals (R13.2): its site role."""
    ensure_sections()
    ensure_groups()


def to_1004(context):
    """The public appeal form, the one page anonymous visitors may open (R13.5, R13.6)."""
    ensure_appeal_form()


def to_1005(context):
    """The appeals department registers paper and oral appeals on the appeal form (R13.6, R13.10):
    the existing form gets today's fields, the staff fields among them."""
    ensure_appeal_form().fields_model = fields_model()


def to_1006(context):
    """The document library (R9.10d): a folder per department in «Акимат ТО»; department heads no
    longer add to the whole library, only to their department's folder; its faceted search page."""
    library = api.portal.get()["library"]
    library.manage_delLocalRoles([unit.heads_id for unit in DEPARTMENTS])
    ensure_sections()
    install_collectionfilter()
    ensure_library_search()


def to_1007(context):
    """The top sections become Sections (akimat.content 1007): concurrent registrations no longer
    conflict on the folder they are added to."""
    api.portal.get_tool("portal_setup").upgradeProfile("akimat.content:default")
    ensure_sections()


def to_1008(context):
    """The closed intranet: anonymous visitors reach only the login, its help and the appeal form,
    not REST, not the footer's staff pages; the registry's limits of failed log-ins and the
    plugin that pauses them."""
    for step in ("rolemap", "actions"):
        context.runImportStepFromProfile("profile-akimat.policy:default", step)
    # Only the new records: the profile's others (site title, languages) may have been changed.
    api.portal.get_tool("portal_registry").registerInterface(
        ILoginThrottleSettings, prefix=SETTINGS_PREFIX
    )
    portal = api.portal.get()
    close_site(portal)
    ensure_login_throttle(portal)
