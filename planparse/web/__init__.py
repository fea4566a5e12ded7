"""The local web page (``planparse serve``): paste or drop a plan, see its outline beside the text,
edit the schedule and download it as .xlsx, .csv, .ics or JSON. Served on 127.0.0.1 only, with
every asset in planparse/web/static, so it works offline.
"""

from __future__ import annotations

from planparse.web.server import serve

__all__ = ["serve"]
