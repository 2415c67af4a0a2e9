"""Material of an agenda item: a file of a kind (R5.6, R5.8) that may go into the electronic flow (R9.3)."""

from akimat.content import _
from akimat.content.core.restriction import is_restricted
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


MAX_PRESENTATION_BYTES = 10 * 1024 * 1024  # R5.6


class IMaterial(model.Schema):
    kind = schema.Choice(
        title=_("Kind of material"),
        vocabulary="akimat.vocabularies.MaterialKinds",
        required=True,
    )
    title = schema.TextLine(title=_("Title"), required=True)
    material_language = schema.Choice(
        title=_("Language"), vocabulary="akimat.vocabularies.Languages", required=False
    )
    model.primary("file")
    file = NamedBlobFile(title=_("File"), required=True)
    restriction = schema.Choice(
        title=_("Restriction mark"),
        description=_("Restricted materials are never submitted electronically."),
        vocabulary="akimat.vocabularies.RestrictionMarks",
        required=True,
        default="none",
    )

    @invariant
    def not_restricted(data):
        """R9.3: documents for official use only or with state secrets stay on paper."""
        if is_restricted(data.restriction, getattr(data.file, "filename", None)):
            raise Invalid(
                _(
                    "Restricted documents (ДСП, state secrets) are not accepted electronically; hand them "
                    "over on paper."
                )
            )

    @invariant
    def presentation_size(data):
        """R5.6: a presentation is at most 10 MB."""
        if (
            data.kind == "presentation"
            and data.file is not None
            and data.file.getSize() > MAX_PRESENTATION_BYTES
        ):
            raise Invalid(_("A presentation is at most 10 MB; this file is larger."))


@implementer(IMaterial)
class Material(Item):
    """A material file; the file field is the primary field."""
