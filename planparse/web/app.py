"""The page's server: a FastAPI app that parses what she pastes or drops and writes her downloads.

It keeps nothing: every request carries what it needs (the text, the file, or the parsed Document
with her edited rows), so no document stays on the machine after the page is closed. It logs
nothing of a document either: uvicorn's access log is off (``serve``), and an error is logged by
its type alone, since an exception's message may quote the text.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.middleware.trustedhost import TrustedHostMiddleware

from planparse.errors import PlanparseError
from planparse.models import Document, SectionKind
from planparse.pipeline import DEFAULT_MAX_BYTES
from planparse.web.downloads import FORMATS, DownloadError, make_download
from planparse.web.messages import web_config, zh_message
from planparse.web.rows import RowError, ScheduleRow, rows_payload

STATIC_DIR = Path(__file__).resolve().parent / "static"
# the hosts a page on this machine is reached by; any other Host header is a page elsewhere
# trying to reach this server through DNS rebinding
LOCAL_HOSTS = ["127.0.0.1", "localhost"]
PASTED_SOURCE = "粘贴的文字"
# a download request carries the Document (its text, and items' text again) as JSON: a few times the input
DOWNLOAD_BODY_FACTOR = 4

log = logging.getLogger("planparse.web")


class DownloadRequest(BaseModel):
    document: Document
    rows: list[ScheduleRow]
    year: int | None = Field(None, ge=1900, le=2200)


class TooLarge(Exception):
    pass


class ContentFreeErrors:
    """Outermost: any exception that escaped an endpoint is answered in Chinese and logged by its
    type alone. Left to Starlette, it would reach the log as a traceback, whose message may quote
    the document."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracked_send(message: Any) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracked_send)
        except Exception as exc:
            log.error("request failed: %s", type(exc).__name__)
            if not started:
                await _error(f"planparse 内部错误（{type(exc).__name__}）", 500)(scope, receive, send)


def _error(message: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def _read_body(request: Request, limit: int) -> bytes:
    """The request's body, refused as soon as it is over ``limit`` bytes (never read whole first)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise TooLarge
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise TooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def _parsed(doc: Document) -> dict[str, Any]:
    return {
        "document": doc.model_dump(mode="json"),
        "rows": rows_payload(doc),
        "needs_year": any(p.year is None and p.schedule for p in doc.plans),
    }


def create_app(*, max_bytes: int = DEFAULT_MAX_BYTES, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The app; ``max_bytes`` bounds an upload (and a pasted text's UTF-8 bytes)."""
    app = FastAPI(title="planparse", docs_url=None, redoc_url=None, openapi_url=None)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or LOCAL_HOSTS)
    max_mb = f"{max_bytes / 2**20:g}"
    max_chars = int(web_config()["limits"]["max_text_chars"])

    @app.middleware("http")
    async def no_outside_assets(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        # everything the page uses is served from here: a CDN could not be reached offline anyway
        response.headers["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data: blob:"
        response.headers["Cache-Control"] = "no-store"
        return response

    app.add_middleware(ContentFreeErrors)  # added last: the outermost of the app's own middleware
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/api/config")
    async def config() -> dict[str, Any]:
        return {
            "max_bytes": max_bytes,
            "max_mb": max_mb,
            "max_text_chars": max_chars,
            "kinds": {k.value: k.label_zh for k in SectionKind},
            "formats": list(FORMATS),
        }

    async def parsed_or_error(run: Any) -> JSONResponse:
        try:
            doc = await run_in_threadpool(run)
        except PlanparseError as exc:
            return _error(zh_message(exc))
        except Exception as exc:  # a parser bug: one Chinese line on the page, the type alone in the log
            log.error("parse failed: %s", type(exc).__name__)
            return _error(f"planparse 内部错误（{type(exc).__name__}），这份文字没能解析", 500)
        return JSONResponse(_parsed(doc))

    @app.post("/api/parse/text")
    async def parse_text(request: Request) -> JSONResponse:
        from planparse.pipeline import parse_text as parse

        try:
            body = await _read_body(request, max_bytes)
        except TooLarge:
            return _error(f"文字太长：上限是 {max_mb} MB", 413)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return _error("粘贴的文字编码不对（应为 UTF-8）")
        if not text.strip():
            return _error("请先在文本框里粘贴计划的文字")
        if len(text) > max_chars:
            return _error(f"文字太长：上限是 {max_chars} 个字", 413)
        return await parsed_or_error(lambda: parse(text, PASTED_SOURCE, tag=False))

    @app.post("/api/parse/file")
    async def parse_file(request: Request) -> JSONResponse:
        from planparse.pipeline import parse_bytes

        name = unquote(request.headers.get("x-filename", "")).strip() or "上传的文件"
        try:
            data = await _read_body(request, max_bytes)
        except TooLarge:
            return _error(f"“{name}”太大：上限是 {max_mb} MB", 413)
        if not data:
            return _error(f"“{name}”是空的，里面没有文字")

        def run() -> Document:
            return parse_bytes(data, source=name, max_bytes=max_bytes, tag=False)

        response = await parsed_or_error(run)
        if response.status_code != 200:  # name the file, as the command line does
            import json

            message = json.loads(response.body)["error"]
            return _error(f"“{name}”：{message}", response.status_code)
        return response

    @app.post("/api/download/{fmt}")
    async def download(fmt: str, request: Request) -> Response:
        from planparse.web.rows import apply_rows

        if fmt not in FORMATS:
            return _error(f"不支持的下载格式：{fmt}", 404)
        try:
            body = await _read_body(request, DOWNLOAD_BODY_FACTOR * max_bytes + 2**20)
        except TooLarge:
            return _error("这份计划太大，无法下载", 413)
        try:
            req = DownloadRequest.model_validate_json(body)
        except ValidationError as exc:
            # the errors would quote the document: say only where it went wrong
            if any(err["loc"][:1] == ("year",) for err in exc.errors()):
                return _error("年份请填写 1900 到 2200 之间的数字")
            return _error("下载请求的格式不对，请重新解析一次")
        try:
            doc = apply_rows(req.document, req.rows, req.year)
            file = await run_in_threadpool(make_download, doc, fmt, year=req.year)
        except (RowError, DownloadError) as exc:
            return _error(str(exc))
        except PlanparseError as exc:
            return _error(zh_message(exc))
        except Exception as exc:
            log.error("download %s failed: %s", fmt, type(exc).__name__)
            return _error(f"planparse 内部错误（{type(exc).__name__}），没能生成 .{fmt} 文件", 500)
        disposition = f"attachment; filename=\"schedule.{fmt}\"; filename*=UTF-8''{quote(file.filename)}"
        return Response(file.data, media_type=file.media_type, headers={"Content-Disposition": disposition})

    return app
