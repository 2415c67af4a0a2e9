from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IAkimatPolicyLayer(IDefaultBrowserLayer):
    """Marker for requests on the Akimat intranet site."""
