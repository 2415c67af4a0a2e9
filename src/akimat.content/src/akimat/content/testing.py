"""Test layers of akimat.content: one Plone site with the package, shared by all its tests."""

from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE

import akimat.content
import plone.restapi


class AkimatContentLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=akimat.content)

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
