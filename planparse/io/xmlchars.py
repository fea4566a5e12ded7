"""Characters an XML document (an .xlsx cell, a .docx run) cannot hold, for the writers to drop."""

from __future__ import annotations

import re

# XML 1.0 allows tab, LF and CR among the controls, and neither U+FFFE, U+FFFF nor surrogates;
# openpyxl and lxml refuse a string holding any of them ("All strings must be XML compatible")
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

