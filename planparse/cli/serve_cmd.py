"""``planparse serve``: the local web page, opened in the browser."""

from __future__ import annotations

import click


@click.command("serve")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port on 127.0.0.1 (a free one is taken when it is busy; 0: any free port).")
@click.option("--no-browser", is_flag=True, help="Do not open the browser (tests, CI, a remote shell).")
@click.option("--max-size", "max_mb", type=click.FloatRange(min=0, min_open=True), default=50, show_default=True,
              help="Refuse uploads larger than this many MB.")
def serve_cmd(port: int, no_browser: bool, max_mb: float) -> None:
    """Open the planparse page in the browser: paste or drop a plan, check its outline, edit the
    schedule, download it as .xlsx, .csv, .ics or JSON. Listens on 127.0.0.1 only; works offline."""
    from planparse.web.server import serve

    serve(port, open_browser=not no_browser, max_bytes=int(max_mb * 2**20), announce=lambda s: click.echo(s, err=True))
