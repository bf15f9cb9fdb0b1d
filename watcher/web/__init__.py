"""``watcher serve``: the review page, a small web application over the same store and the same
functions the CLI uses. Nothing imports this package but the ``serve`` command: the daemon and
the other commands never load Starlette, Jinja2 or uvicorn.
"""
