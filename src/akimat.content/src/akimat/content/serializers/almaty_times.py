"""Datetimes over REST as our types keep them: naive Almaty wall-clock time (R0.3).

plone.restapi keeps a datetime in UTC, and drops the time zone when the field's value was
naive: «2026-12-14T12:00:00+05:00» became 07:00, which our types read as 07:00 in Almaty (an
appeal received at noon looked received in the morning, one received tomorrow looked received
today). Here a time with a zone is converted to Almaty time; one without is Almaty time already,
as the fields' descriptions say and the JSON of our types shows it.
"""

from akimat.content.core import calendar
from plone.restapi.deserializer.dxfields import DefaultFieldDeserializer

import dateutil.parser


class AlmatyDatetimeDeserializer(DefaultFieldDeserializer):
    def __call__(self, value):
        if value is None:
            self.field.validate(value)
            return None
        try:
            moment = dateutil.parser.parse(value)
        except (TypeError, ValueError, OverflowError):
            raise ValueError(f"Invalid date: {value}") from None
        moment = calendar.to_almaty(moment).replace(tzinfo=None)
        self.field.validate(moment)
        return moment
