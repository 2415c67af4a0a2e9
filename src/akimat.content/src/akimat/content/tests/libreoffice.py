"""Opening a rendered DOCX in LibreOffice: converted headless to PDF, as a reader's Word would open it."""

from pathlib import Path

import shutil
import subprocess
import tempfile
import unittest


needs_libreoffice = unittest.skipIf(
    shutil.which("libreoffice") is None, "LibreOffice is not installed"
)


def docx_to_pdf(docx_bytes):
    """The PDF LibreOffice makes of the DOCX; empty bytes if it makes none."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "document.docx"
        source.write_bytes(docx_bytes)
        subprocess.run(
            [
                shutil.which("libreoffice"),
                # A profile of its own: a LibreOffice the user has open does not interfere.
                f"-env:UserInstallation={Path(folder, 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                folder,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        pdf = Path(folder) / "document.pdf"
        return pdf.read_bytes() if pdf.exists() else b""


def converts_to_pdf(docx_bytes):
    """Whether LibreOffice turns the DOCX into a PDF."""
    return docx_to_pdf(docx_bytes).startswith(b"%PDF")
