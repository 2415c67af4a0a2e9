from akimat.content.library import stemming
from plone import api
from plone.base.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        """The uninstall profile is not offered in the add-ons control panel."""
        return ["akimat.content:uninstall"]


def post_install(context):
    """Full text with Russian stemming (the document library, `stemming`)."""
    use_stemming()


def use_stemming():
    catalog = api.portal.get_tool("portal_catalog")
    stemming.ensure_lexicon(catalog)
    stemming.use_lexicon(catalog)
