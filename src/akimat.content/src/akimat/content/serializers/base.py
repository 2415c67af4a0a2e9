"""plone.restapi's JSON of a container plus one block of what our services compute."""

from plone.restapi.serializer.dxcontent import SerializeFolderToJson


class SerializeWithComputedBlock(SerializeFolderToJson):
    """Subclasses name the block and say how to compute it."""

    block = None

    def computed(self):
        raise NotImplementedError

    def __call__(self, version=None, include_items=True, include_expansion=True):
        result = super().__call__(
            version=version,
            include_items=include_items,
            include_expansion=include_expansion,
        )
        result[self.block] = self.computed()
        return result
