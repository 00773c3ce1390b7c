"""The public index is built while the server starts, not by the first consumer's request."""

from __future__ import annotations

import asyncio

from public_world import PublicWorld

from ocop_server import store
from ocop_server.app import create_app, dispose


def test_starting_the_server_builds_the_public_index(world: PublicWorld):
    """A second app on the same database, started as uvicorn starts it (its lifespan): the index is ready."""
    app = create_app(world.server.settings)

    async def start_and_stop() -> None:
        async with app.router.lifespan_context(app):
            pass

    try:
        asyncio.run(start_and_stop())
        with app.state.sessions() as session:
            newest = store.current_seq(session)
        index = app.state.public_index
        assert index.seq == newest > 0
        assert len(index.public_products()) == 4
    finally:
        dispose(app)
