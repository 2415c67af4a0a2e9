"""Restricted documents stay out of the electronic flow (RULES.md R9.3, R9.4).

A file is restricted when the person marks it so, or when its name says it is («ДСП», «для
служебного пользования», «секретно», «қызмет бабында»). The types that take files refuse it in a
schema invariant, so forms and plone.restapi store nothing of it.
"""

import re


NOT_RESTRICTED = "none"  # vocabularies.RESTRICTION_MARKS
_RESTRICTED_NAME = re.compile(
    r"(^|[^а-яё])(дсп|для служебного пользования|секретно|қызмет бабында)",
    re.IGNORECASE,
)


def is_restricted(mark, filename):
    """Whether a file with that restriction mark and file name is restricted."""
    return bool(
        (mark and mark != NOT_RESTRICTED) or _RESTRICTED_NAME.search(filename or "")
    )
