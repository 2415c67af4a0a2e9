"""Issue 15 (pa): the Section type offers the sections' registers as views (their layouts)."""

from plone import api


REGISTERS = ("assignments-register", "acts", "protocols", "appeals-section")


def upgrade(setup_tool):
    fti = api.portal.get_tool("portal_types")["Section"]
    missing = [name for name in REGISTERS if name not in fti.view_methods]
    if missing:
        fti.view_methods = (*fti.view_methods, *missing)
