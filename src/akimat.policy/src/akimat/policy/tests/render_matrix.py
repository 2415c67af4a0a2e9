"""The render matrix: every page of every object of our types, as each way of seeing it (issue 12).

The pages are found in the component registry — every browser page our packages register for an
interface the object provides — so a new view is rendered without being listed here; Plone's own
pages people open on our objects are added to them. Step views that act on POST only are opened
by GET too: they must answer with their redirect. Each page is rendered on a fresh request as the
user, as a real request would be (borg.localrole caches roles per request), and every exception
is collected rather than raised, to report the whole matrix at once.
"""

from AccessControl import Unauthorized
from borg.localrole.interfaces import ILocalRoleProvider
from dataclasses import dataclass
from plone import api
from plone.dexterity.interfaces import IDexterityContainer
from plone.rest.interfaces import IService
from Testing.makerequest import makerequest
from zExceptions import NotFound
from zope.component import getAdapters
from zope.component import getGlobalSiteManager
from zope.component.hooks import setSite
from zope.event import notify
from zope.globalrequest import setRequest
from zope.interface import Interface
from zope.publisher.interfaces.browser import IBrowserRequest
from zope.traversing.interfaces import BeforeTraverseEvent

import traceback


# Plone's pages on any item that the UI offers: its default view, the edit form, the history
# (CMFEditions' comparison, the «History» action, the popup), sharing; folder contents on folders.
PLONE_PAGES = (
    "view",
    "edit",
    "history",
    "historyview",
    "contenthistorypopup",
    "sharing",
)
FOLDER_PAGES = ("folder_contents",)
# The requests some pages are opened with, besides the bare one (which must not fail either).
QUERIES = {
    "handout": [{"audience": audience} for audience in ("akim", "deputies", "members")],
    "handout.zip": [
        {"audience": audience} for audience in ("akim", "deputies", "members")
    ],
    "extract.docx": [{"item": "1"}],
}


def our_types():
    """The portal types of akimat.content."""
    return tuple(
        fti.getId()
        for fti in api.portal.get_tool("portal_types").listTypeInfo()
        if getattr(fti, "klass", "").startswith("akimat.content.")
    )


def our_states():
    """Every (type, state) of our types' workflows; (type, "") for a type without a workflow."""
    workflows = api.portal.get_tool("portal_workflow")
    pairs = set()
    for portal_type in our_types():
        chain = workflows.getChainForPortalType(portal_type)
        pairs.update(
            (portal_type, state)
            for workflow in chain
            for state in workflows[workflow].states.objectIds()
        )
        if not chain:
            pairs.add((portal_type, ""))
    return pairs


def state(obj):
    return api.content.get_state(obj, default="")


def situation(obj, types):
    """What an object's pages depend on: its type and state, and the state of what holds it."""
    parent = obj.__parent__
    while not state(parent) and getattr(parent, "portal_type", None) in types:
        parent = parent.__parent__
    return (obj.portal_type, state(obj), parent.portal_type, state(parent))


@dataclass(frozen=True)
class Failure:
    error: str
    path: str
    user: str
    page: str
    message: str
    where: str

    def __str__(self):
        return f"{self.error} on {self.path}/@@{self.page} as {self.user}: {self.message}\n    at {self.where}"


def our_pages():
    """The browser pages our packages register: (interface of the context, request layer, name)."""
    return [
        (registration.required[0], registration.required[1], registration.name)
        for registration in getGlobalSiteManager().registeredAdapters()
        if len(registration.required) == 2
        and registration.required[1].isOrExtends(IBrowserRequest)
        and registration.provided is Interface
        and not IService.implementedBy(
            registration.factory
        )  # REST services are not pages
        and "/akimat/" in str(getattr(registration.info, "file", ""))
    ]


def registered_for(obj, request, registered):
    """The names of our pages registered for the object's interfaces."""
    names = [
        name
        for context, layer, name in registered
        if context.providedBy(obj) and layer.providedBy(request)
    ]
    return list(dict.fromkeys(names))


def plone_pages(obj):
    """The names of Plone's pages on the object: on a folder also its contents and add forms."""
    names = list(PLONE_PAGES)
    if IDexterityContainer.providedBy(obj):
        names += FOLDER_PAGES
        names += [f"++add++{fti.getId()}" for fti in obj.allowedContentTypes()]
    return names


def fresh_request(layer, form=None):
    """A new request on the layer's site, marked with the site's browser layers as traversal
    would; the global request and site point to it. Returns (portal, request)."""
    app = makerequest(
        layer["app"].aq_base,
        environ={"SERVER_NAME": "nohost", "SERVER_PORT": "80", "REQUEST_METHOD": "GET"},
    )
    request = app.REQUEST
    portal = app[layer["portal"].getId()]
    request["PARENTS"] = [portal, app]
    request.form.update(form or {})
    setRequest(request)
    setSite(portal)
    notify(BeforeTraverseEvent(portal, request))
    return portal, request


# What opens Plone's own pages on an item to a user.
PLONE_PAGE_PERMISSIONS = (
    "Modify portal content",
    "Sharing page: Delegate roles",
    "List folder contents",
    "Add portal content",
    "CMFEditions: Access previous versions",
)


def frame(obj):
    """What the current user's frame around the object's pages shows by: the steps of its workflow
    menu, whose guards run there."""
    return frozenset(
        transition["id"]
        for transition in api.portal.get_tool("portal_workflow").getTransitionsFor(obj)
    )


def plone_access(obj):
    """Which of Plone's own pages on the object the current user may open."""
    return frozenset(
        permission
        for permission in PLONE_PAGE_PERMISSIONS
        if api.user.has_permission(permission, obj=obj)
    )


def named_principals(obj):
    """The principals the object names in its local roles."""
    return {
        principal
        for _name, provider in getAdapters((obj,), ILocalRoleProvider)
        for principal, _roles in provider.getAllRoles()
    }


def ways_of_seeing(obj, userids):
    """{user: his roles on the object} for one user of each way of seeing it: of the users who may
    view it, one per set of roles on it, and each user the object names himself (his visa,
    signature, execution)."""
    named = named_principals(obj)
    users = obj.acl_users
    ways = {}
    for userid in userids:
        user = users.getUserById(userid)
        if user.has_permission("View", obj):
            roles = frozenset(user.getRolesInContext(obj))
            ways.setdefault(
                (roles, userid if userid in named else None), (userid, roles)
            )
    return dict(ways.values())


def chosen_paths(portal, made):
    """What the matrix renders: the objects made for it (`made`, paths from the site) but those
    like a sibling made with them, and one object of the site in each situation they leave out."""
    types = our_types()
    paths, covered, siblings = [], set(), set()
    for path in made:
        obj = portal.unrestrictedTraverse(path)
        key = situation(obj, types)
        parent = path.rpartition("/")[0]
        if parent not in made or (parent, key) not in siblings:
            paths.append(path)
        covered.add(key)
        siblings.add((parent, key))
    site_path = "/".join(portal.getPhysicalPath())
    for brain in api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type=types, sort_on="path"
    ):
        key = situation(brain._unrestrictedGetObject(), types)
        if key not in covered:
            covered.add(key)
            paths.append(brain.getPath()[len(site_path) + 1 :])
    return paths


class RenderMatrix:
    """Renders pages and keeps the failures; `count` is the number of pages rendered.

    The default view shows what the object names the user to do (visa, sign, execute): it is
    rendered for one user of each way of seeing the object. Our other pages depend on the user's
    roles: rendered for one user of each set of roles; Plone's own pages for one user of each set
    of the permissions that open them. Plone's frame around a page (toolbar, menus, tabs) shows by
    the workflow steps the user may take: rendered with the default view for one user of each set
    of steps. The other renders leave the frame out (`ajax_load`, as Plone's modals load pages);
    the variants of a page's request (QUERIES), which do not depend on the user, are rendered once
    per object.
    """

    def __init__(self, layer):
        self.layer = layer
        self.failures = []
        self.count = 0
        self.rendered = set()  # the names of the pages rendered
        self.registered = our_pages()

    def render_object(self, path, userids):
        portal, request = fresh_request(self.layer)
        obj = portal.unrestrictedTraverse(path)
        ours = [
            name
            for name in registered_for(obj, request, self.registered)
            if name not in PLONE_PAGES
        ]
        pages, by_roles, by_access, framed = {}, {}, {}, {}
        for userid, roles in ways_of_seeing(obj, userids).items():
            pages[userid] = ["view"] + (
                ours if by_roles.setdefault(roles, userid) == userid else []
            )
            with api.env.adopt_user(username=userid):
                framed.setdefault(frame(obj), userid)
                if by_access.setdefault(plone_access(obj), userid) == userid:
                    pages[userid] += [
                        name for name in plone_pages(obj) if name != "view"
                    ]
        for userid in framed.values():
            self.render(path, userid, "view")
            pages[userid].remove("view")
        variants = set()
        for userid, names in pages.items():
            for name in names:
                forms = [{}] if name in variants else [{}] + QUERIES.get(name, [])
                for form in forms:
                    if self.render(path, userid, name, {**form, "ajax_load": "1"}):
                        variants.add(name)

    def render(self, path, userid, name, form=None):
        """Render one page as the user; False when he may not open it."""
        portal, request = fresh_request(self.layer, form=form)
        obj = portal.unrestrictedTraverse(path)
        with api.env.adopt_user(username=userid):
            try:
                page = obj.restrictedTraverse(
                    name if name.startswith("++") else f"@@{name}"
                )
            except (Unauthorized, NotFound):
                return False  # not his to open
            request["PUBLISHED"] = page
            request["ACTUAL_URL"] = f"{obj.absolute_url()}/{name}"
            self.count += 1
            self.rendered.add(name)
            try:
                page()
            except Exception as error:
                self.fail(error, path, userid, name, form)
                return True
        if request.response.getStatus() >= 500:
            self.failures.append(
                Failure("HTTP 500", path, userid, name, str(form or ""), "")
            )
        return True

    def fail(self, error, path, userid, name, form):
        entries = traceback.extract_tb(error.__traceback__)[1:]  # below this module
        ours = [
            entry
            for entry in entries
            if "/akimat/" in entry.filename and "/tests/" not in entry.filename
        ]
        where = "; ".join(
            f"{entry.filename}:{entry.lineno}" for entry in (ours[-1:] + entries[-1:])
        )
        page = f"{name}?{form}" if form else name
        self.failures.append(
            Failure(type(error).__name__, path, userid, page, str(error)[:300], where)
        )
