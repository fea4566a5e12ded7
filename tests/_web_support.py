"""What the page's tests share: a plan written for them, a .docx of it, and the real server in a subprocess."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# A union plan in the common style; 𠮷 (outside the BMP) makes the page's offsets differ from
# JavaScript's string indices after it, which the highlighting must account for.
SAMPLE_PLAN = """青石镇中心小学2025年工会工作计划

本计划经𠮷校长审定，由教代会讨论通过。

一、指导思想
以服务教职工为中心，推动学校工会工作再上新台阶。

二、主要工作
（一）加强自身建设
1.健全工会组织，完善各项制度。
2.做好会员信息管理工作。
（二）关心教职工生活
1.开展困难教职工帮扶活动。

三、月份安排
三月：
1.庆祝“三八”妇女节，组织女教职工登山活动。
2.召开第五届教代会第二次会议。
四月：
1.举办青年教师基本功比赛。
五月：
1.开展“五一”劳动节评优活动。
"""

# A plan without a year, as a Word document: its schedule needs the page's 年份 for a calendar.
DOCX_LINES = [
    "实验幼儿园教研工作计划",
    "一、工作目标",
    "提高教师观察与分析幼儿行为的能力。",
    "二、具体安排",
    "九月：",
    "1.制定各班教研计划。",
    "十月：",
    "1.开展半日活动观摩研讨。",
    "十一月：",
    "1.组织教师撰写观察记录。",
]

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "tmp" / "artifacts" / "web"


def docx_bytes(lines: list[str] = DOCX_LINES) -> bytes:
    from docx import Document

    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


@contextmanager
def running_server(log_path: Path, *extra: str, browser: str | None = None) -> Iterator[str]:
    """``planparse serve --no-browser`` on a free port; yields its URL. Everything the server writes
    goes to ``log_path``, for the tests that check no document content is logged. With ``browser``
    (a $BROWSER command line) the server opens the page in it instead."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    if browser is not None:
        env["BROWSER"] = browser
    flags = [] if browser is not None else ["--no-browser"]
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "planparse", "serve", *flags, "--port", "0", *extra],
            stdout=log, stderr=subprocess.STDOUT, env=env, cwd=REPO,
        )
        try:
            url = None
            deadline = time.monotonic() + 30
            while url is None and time.monotonic() < deadline:
                if proc.poll() is not None:
                    raise RuntimeError(f"planparse serve exited: {log_path.read_text(encoding='utf-8')}")
                match = re.search(r"http://127\.0\.0\.1:\d+/", log_path.read_text(encoding="utf-8"))
                url = match.group(0) if match else None
                time.sleep(0.1)
            if url is None:
                raise RuntimeError("planparse serve did not announce its address within 30 s")
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
