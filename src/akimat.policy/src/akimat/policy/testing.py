"""Test layers of akimat.policy: the intranet site with the demo organisation, built once."""

from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE

import akimat.policy


class AkimatPolicyLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        self.loadZCML(package=akimat.policy)

    def setUpPloneSite(self, portal):
        applyProfile(portal, "akimat.policy:default")
        applyProfile(portal, "akimat.policy:demo")


AKIMAT_POLICY_FIXTURE = AkimatPolicyLayer()
AKIMAT_POLICY_INTEGRATION_TESTING = IntegrationTesting(
    bases=(AKIMAT_POLICY_FIXTURE,), name="AkimatPolicy:Integration"
)
# A real Zope on a free port for the browser tests in the repository's tests/.
AKIMAT_ACCEPTANCE_TESTING = FunctionalTesting(
    bases=(AKIMAT_POLICY_FIXTURE, WSGI_SERVER_FIXTURE), name="AkimatPolicy:Acceptance"
)
