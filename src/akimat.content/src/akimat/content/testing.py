"""Test layers of akimat.content: one Plone site with the package, shared by all its tests."""

from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE

import akimat.content
import collective.z3cform.datagridfield
import plone.restapi


def load_autoincluded_overrides(layer):
    """What plone.autoinclude loads in a site and not in tests: the datagrid's overrides, by
    which the pickers in a table's rows look up their vocabulary with the table's permission."""
    layer.loadZCML(package=collective.z3cform.datagridfield, name="overrides.zcml")


class AkimatContentLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=akimat.content)
        load_autoincluded_overrides(self)

    def setUpPloneSite(self, portal):
        applyProfile(portal, "akimat.content:default")
        # The site languages akimat.policy sets, so that translations can be negotiated.
        registry = portal.portal_registry
        registry["plone.available_languages"] = ["ru", "kk"]
        registry["plone.default_language"] = "ru"
        registry["plone.use_request_negotiation"] = True


AKIMAT_CONTENT_FIXTURE = AkimatContentLayer()
AKIMAT_CONTENT_INTEGRATION_TESTING = IntegrationTesting(
    bases=(AKIMAT_CONTENT_FIXTURE,), name="AkimatContent:Integration"
)
AKIMAT_CONTENT_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(AKIMAT_CONTENT_FIXTURE, WSGI_SERVER_FIXTURE), name="AkimatContent:Functional"
)
