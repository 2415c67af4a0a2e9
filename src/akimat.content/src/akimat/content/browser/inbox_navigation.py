"""The navigation bar carries «Ждёт моего действия» with its count, for staff who are logged in.

Plone's own global sections viewlet with one more item at the end of its list: the theme
(barceloneta's rules.xml) copies only the items of #portal-globalnav into its bar, so a viewlet
of its own in plone.mainnavigation would not show there.
"""

from akimat.content import _
from akimat.content.browser.inbox import request_inbox
from html import escape
from plone import api
from plone.app.layout.viewlets.common import GlobalSectionsViewlet
from zope.i18n import translate


ITEM = (
    '<li class="akimat-inbox nav-item" id="akimat-inbox-tab">'
    '<a href="{url}" class="nav-link">{title} '
    '<span class="badge {badge}" id="akimat-inbox-count">{count}</span></a></li>'
)


class SectionsWithInbox(GlobalSectionsViewlet):
    def render_globalnav(self):
        sections = super().render_globalnav()
        if api.user.is_anonymous():
            return sections
        count = len(request_inbox(self.request))
        return sections + ITEM.format(
            url=f"{api.portal.get().absolute_url()}/@@inbox",
            title=escape(translate(_("Awaiting my action"), context=self.request)),
            badge="text-bg-danger" if count else "text-bg-light",
            count=count,
        )
