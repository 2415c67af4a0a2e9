from plone.base.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        """The uninstall profile is not offered in the add-ons control panel."""
        return ["akimat.content:uninstall"]
