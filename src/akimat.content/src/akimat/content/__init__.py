"""akimat.content: the domain of the Akimat intranet."""

from zope.i18nmessageid import MessageFactory


_ = MessageFactory("akimat")

# Registers the catalog's «Russian Snowball stemmer» before any lexicon is loaded.
from akimat.content import stemming  # noqa: E402, F401
