"""akimat.vocabularies.Principals: people and departments chosen by name, never by id.

A person reads «Фамилия Имя Отчество — руководство, Отдел …», a department its name, both in the
reader's language as far as the catalog translates the groups' titles (akimat.policy's units are
the msgids). The values (and tokens) stay the ids: fields, local roles and catalog indexes use them.

The pickers (plone.app.z3cform's AjaxSelectFieldWidget) ask @@getVocabulary, which calls `search`
as the person types: every word must be part of the title, whatever the case (Kazakh letters too).
Staff only: plone.app.content's PERMISSIONS names the permission its site-root lookup and
plone.restapi's @vocabularies check (elsewhere @@getVocabulary asks the field's write permission).
"""

from akimat.content import _
from akimat.content.core.principals import HEADS_SUFFIX
from plone import api
from plone.app.content.browser.vocabulary import PERMISSIONS
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import implementer
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.interfaces import IVocabularyTokenized
from zope.schema.vocabulary import SimpleTerm


NAME = "akimat.vocabularies.Principals"
PERMISSIONS[NAME] = "List portal members"  # as plone.app.vocabularies.Principals

# Plone's own groups are no units of the organisation: nobody executes or approves as one.
PLONE_GROUPS = frozenset(
    ("AuthenticatedUsers", "Administrators", "Site Administrators", "Reviewers")
)


def folded(text):
    """Text as a search compares it: case-insensitive (casefold knows ә, ғ, қ, ң, ө, ұ, ү, һ, і), ё as е."""
    return text.casefold().replace("ё", "е")


def matches(query, title):
    """Every word of the query is part of the title."""
    title = folded(title)
    return all(word in title for word in folded(query).split())


class _Titles:
    """The titles of the principals in the language of the request, each group looked up once."""

    def __init__(self, request):
        self.request = request
        self._groups = {}

    def _translated(self, message):
        return translate(message, domain="akimat", context=self.request)

    def group(self, group_id):
        if group_id not in self._groups:
            group = api.group.get(groupname=group_id)
            title = group.getProperty("title") if group is not None else ""
            self._groups[group_id] = self._translated(title or group_id)
        return self._groups[group_id]

    def user(self, user):
        """«Name — management, Unit, Unit»: the person's units say his post (no posts are kept)."""
        group_ids = [g for g in user.getGroups() if g not in PLONE_GROUPS]
        units = sorted(self.group(g) for g in group_ids if not g.endswith(HEADS_SUFFIX))
        heads = any(g.endswith(HEADS_SUFFIX) for g in group_ids)
        post = [self._translated(_("management of the unit"))] if heads else []
        name = user.getProperty("fullname") or user.getId()
        return " — ".join((name, ", ".join(post + units))) if post + units else name


def _term(value, title):
    return SimpleTerm(value=value, token=value, title=title)


@implementer(IVocabularyTokenized)
class PrincipalsVocabulary:
    """Departments (groups) then people; a single principal is looked up alone (forms validating
    and showing a value), the whole list only when iterated or searched."""

    def __init__(self, request):
        self._titles = _Titles(request)
        self._terms = {}
        self._all = None

    def _lookup(self, principal_id):
        if principal_id not in self._terms:
            self._terms[principal_id] = self._find(principal_id)
        return self._terms[principal_id]

    def _find(self, principal_id):
        if not isinstance(principal_id, str) or principal_id in PLONE_GROUPS:
            return None
        if api.group.get(groupname=principal_id) is not None:
            return _term(principal_id, self._titles.group(principal_id))
        user = api.user.get(userid=principal_id)
        return _term(principal_id, self._titles.user(user)) if user else None

    def terms(self):
        if self._all is None:
            groups = [
                _term(group.getId(), self._titles.group(group.getId()))
                for group in api.group.get_groups()
                if group.getId() not in PLONE_GROUPS
            ]
            users = [
                _term(user.getId(), self._titles.user(user))
                for user in api.user.get_users()
            ]
            self._all = sorted(groups, key=_by_title) + sorted(users, key=_by_title)
        return self._all

    def search(self, query):
        return [term for term in self.terms() if matches(query, term.title)]

    def __contains__(self, value):
        return self._lookup(value) is not None

    def getTerm(self, value):
        term = self._lookup(value)
        if term is None:
            raise LookupError(value)
        return term

    getTermByToken = getTerm  # the tokens are the ids

    def __iter__(self):
        return iter(self.terms())

    def __len__(self):
        return len(self.terms())


def _by_title(term):
    return folded(term.title)


@implementer(IVocabularyFactory)
class PrincipalsFactory:
    """Executors, controllers, approvers, distribution lists …: departments and people by name."""

    def __call__(self, context):
        return PrincipalsVocabulary(getRequest())
