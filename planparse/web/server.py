"""Run the page: uvicorn on 127.0.0.1, the browser opened on it once the server listens."""

from __future__ import annotations

import socket
import threading
import time
import webbrowser
from collections.abc import Callable

from planparse.pipeline import DEFAULT_MAX_BYTES

HOST = "127.0.0.1"  # this machine only: the page is for the person at it, never the network
DEFAULT_PORT = 8765


def bind(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1:port; a free port when ``port`` is taken (or 0)."""
    for candidate in (port, 0) if port else (0,):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, candidate))
        except OSError:
            sock.close()
            continue
        return sock
    raise OSError(f"cannot listen on {HOST}")


def serve(
    port: int = DEFAULT_PORT,
    *,
    open_browser: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    announce: Callable[[str], None] = print,
) -> None:
    """Serve the page until Ctrl+C. uvicorn's access log is off: a request line names no content,
    but the page's log should hold nothing she did; its own lines are start and stop only."""
    import uvicorn

    from planparse.web.app import create_app

    sock = bind(port)
    url = f"http://{HOST}:{sock.getsockname()[1]}/"
    config = uvicorn.Config(create_app(max_bytes=max_bytes), access_log=False, log_level="warning")
    server = uvicorn.Server(config)

    def when_listening() -> None:
        while not server.started and not server.should_exit:
            time.sleep(0.05)
        if server.started:
            announce(f"planparse 网页：{url}  （按 Ctrl+C 停止）")
            if open_browser:
                webbrowser.open(url)

    threading.Thread(target=when_listening, daemon=True).start()
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
