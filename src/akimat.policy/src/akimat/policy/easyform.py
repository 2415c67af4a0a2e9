"""collective.easyform's forms over REST on the intranet, without its two 500s.

- Its serializer asks plone.api for the permission to see saved data by the permission's id, which
  plone.api does not know (collective.easyform issue 431): a GET of any form, the public appeal form
  included, was a 500 for everyone but a Manager. Here it asks by the permission's title.
- Its deserializer skips akimat.content's check of the JSON types of the fields.
"""

from akimat.content.deserializers.dxcontent import CheckedJsonTypes
from akimat.policy.interfaces import IAkimatPolicyLayer
from collective.easyform import serializer
from collective.easyform.interfaces import IEasyForm
from plone import api
from plone.restapi.interfaces import IDeserializeFromJson
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeToJson as SerializeContentToJson
from zope.component import adapter
from zope.interface import implementer


DOWNLOAD_SAVED_INPUT = "collective.easyform: Download Saved Input"


@implementer(ISerializeToJson)
@adapter(IEasyForm, IAkimatPolicyLayer)
class SerializeToJson(serializer.SerializeToJson):
    def __call__(self, version=None, include_items=True):
        result = SerializeContentToJson.__call__(self, version, include_items)
        if api.user.has_permission(DOWNLOAD_SAVED_INPUT, obj=self.context):
            self.serializeSavedData(result)
        return result


@implementer(IDeserializeFromJson)
@adapter(IEasyForm, IAkimatPolicyLayer)
class DeserializeFromJson(CheckedJsonTypes, serializer.DeserializeFromJson):
    pass
