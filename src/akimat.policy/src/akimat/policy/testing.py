"""Test layers of akimat.policy: the intranet site with the demo organisation, built once."""

from akimat.content.testing import load_autoincluded_overrides
from plone import api
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
        load_autoincluded_overrides(self)

    def setUpPloneSite(self, portal):
        applyProfile(portal, "akimat.policy:default")
        applyProfile(portal, "akimat.policy:demo")


AKIMAT_POLICY_FIXTURE = AkimatPolicyLayer()
AKIMAT_POLICY_INTEGRATION_TESTING = IntegrationTesting(
    bases=(AKIMAT_POLICY_FIXTURE,), name="AkimatPolicy:Integration"
)


class RenderMatrixLayer(PloneSandboxLayer):
    """The demo site with what the render matrix adds to it (tests/render_fixture.py), built once;
    `render_fixture` holds the paths, from the site, of the objects it made."""

    defaultBases = (AKIMAT_POLICY_FIXTURE,)

    def setUpPloneSite(self, portal):
        from akimat.policy.tests.render_fixture import add_render_fixture
        from akimat.policy.tests.render_matrix import our_types

        catalog = api.portal.get_tool("portal_catalog")
        before = {
            brain.getPath()
            for brain in catalog.unrestrictedSearchResults(portal_type=our_types())
        }
        add_render_fixture(portal)
        site = "/".join(portal.getPhysicalPath())
        self["render_fixture"] = sorted(
            brain.getPath()[len(site) + 1 :]
            for brain in catalog.unrestrictedSearchResults(portal_type=our_types())
            if brain.getPath() not in before
        )


AKIMAT_RENDER_MATRIX_FIXTURE = RenderMatrixLayer()
AKIMAT_RENDER_MATRIX_TESTING = IntegrationTesting(
    bases=(AKIMAT_RENDER_MATRIX_FIXTURE,), name="AkimatPolicy:RenderMatrix"
)
# A real Zope on a free port for the browser tests in the repository's tests/.
AKIMAT_ACCEPTANCE_TESTING = FunctionalTesting(
    bases=(AKIMAT_POLICY_FIXTURE, WSGI_SERVER_FIXTURE), name="AkimatPolicy:Acceptance"
)
