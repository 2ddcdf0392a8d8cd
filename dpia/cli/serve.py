from __future__ import annotations

import socket
import webbrowser
from pathlib import Path

import click

from dpia.cli.exits import Exit

HOST = "127.0.0.1"  # never another interface: answers stay on this machine


@click.command()
@click.argument(
    "folder",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=".",
    required=False,
)
@click.option(
    "--port", type=click.IntRange(0, 65535), default=0, help="Port (default: a free one)."
)
@click.option("--no-browser", is_flag=True, help="Print the address instead of opening it.")
def serve(folder: Path, port: int, no_browser: bool) -> None:
    """Fill in questionnaires in FOLDER with a guided form in the browser (local only)."""
    import uvicorn  # the web stack only for this command

    from dpia.serve.app import create_app
    from dpia.serve.security import Secrets

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((HOST, port))
    except OSError as e:
        click.echo(f"dpia: cannot listen on {HOST}:{port}: {e.strerror}", err=True)
        raise SystemExit(Exit.USAGE) from None
    sock.listen(128)  # the browser may connect before the server runs: it waits, not fails
    port = sock.getsockname()[1]
    keys = Secrets(port)
    url = f"http://{HOST}:{port}/?token={keys.token}"
    click.echo(f"dpia serve: {folder.resolve()} at {url}", err=True)
    click.echo("Stop with Ctrl-C.", err=True)
    if not no_browser:
        webbrowser.open(url)
    config = uvicorn.Config(
        create_app(folder, keys), log_level="warning", access_log=False, lifespan="off"
    )
    uvicorn.Server(config).run(sockets=[sock])
