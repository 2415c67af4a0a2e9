"""Every response says `X-Content-Type-Options: nosniff`: a browser takes what it downloads for
the type it is served as, so an uploaded attachment served as a file is never run as a page or
a script. Set when the response is final: before the commit, before an abort (error pages) and
before the first streamed bytes (blobs); subscribers in security_headers.zcml."""

NOSNIFF = ("X-Content-Type-Options", "nosniff")


def on_request(event):
    """IPubBeforeCommit, IPubBeforeAbort."""
    event.request.response.setHeader(*NOSNIFF)


def on_streaming(event):
    """IPubBeforeStreaming: it carries the response only."""
    event.response.setHeader(*NOSNIFF)
