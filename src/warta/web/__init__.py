"""The HTTP API and the dashboard over a warta store (``warta serve``)."""

from warta.web.app import create_app, serve

__all__ = ["create_app", "serve"]
