"""REST services of akimat.content.

plone.restapi raises DeserializationError for a body that is not JSON; ZPublisher knows no status
for that exception and answers 500. Malformed input is the client's error: 400, still with
plone.restapi's JSON error body.
"""

from ZPublisher.HTTPResponse import status_codes


status_codes["deserializationerror"] = 400
