"""plone.restapi's content deserializers, with the JSON type of each given field checked first
(json_types.py): a wrong type is a 400 naming the field, in plone.restapi's own error list."""

from akimat.content.deserializers.json_types import refusal
from akimat.content.interfaces import IAkimatContentLayer
from plone.dexterity.interfaces import IDexterityContent
from plone.dexterity.utils import iterSchemata
from plone.restapi.bbb import IPloneSiteRoot
from plone.restapi.deserializer import dxcontent
from plone.restapi.deserializer import site
from plone.restapi.interfaces import IDeserializeFromJson
from zope.component import adapter
from zope.interface import implementer
from zope.schema import getFields


class CheckedJsonTypes:
    """Mixin for a DeserializeFromJson: refuses the fields given a wrong JSON type, and lets
    plone.restapi deserialize and validate the others as before."""

    def get_schema_data(self, data, validate_all, create=False):
        refused = {}
        for schema in iterSchemata(self.context):
            for name, field in getFields(schema).items():
                if data.get(name) is not None and name not in refused:
                    message = refusal(field, data[name], name)
                    if message is not None:
                        refused[name] = message
        accepted = {name: value for name, value in data.items() if name not in refused}
        schema_data, errors = super().get_schema_data(accepted, validate_all, create)
        errors.extend(
            {"field": name, "message": message, "error": "ValidationError"}
            for name, message in refused.items()
        )
        return schema_data, errors


@implementer(IDeserializeFromJson)
@adapter(IDexterityContent, IAkimatContentLayer)
class DeserializeFromJson(CheckedJsonTypes, dxcontent.DeserializeFromJson):
    pass


@implementer(IDeserializeFromJson)
@adapter(IPloneSiteRoot, IAkimatContentLayer)
class DeserializeSiteRootFromJson(CheckedJsonTypes, site.DeserializeSiteRootFromJson):
    pass
