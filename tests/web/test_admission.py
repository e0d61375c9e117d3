"""At most as many requests compute at once as the app admits, the others in the order they came."""

from __future__ import annotations

import asyncio

from ratsinfo.web.app import Admission


def test_requests_beyond_the_limit_wait_their_turn_in_arrival_order():
    running, most, started = 0, 0, []

    async def page(scope, receive, send):
        nonlocal running, most
        running += 1
        most = max(most, running)
        started.append(scope["path"])
        await asyncio.sleep(0.01)
        running -= 1

    gate = Admission(page, limit=2)

    async def main() -> None:
        calls = []
        for i in range(8):
            calls.append(asyncio.create_task(gate({"type": "http", "path": f"/vorlage/{i}"}, None, None)))
            await asyncio.sleep(0)  # arrive one after another
        await asyncio.gather(*calls)

    asyncio.run(main())
    assert most == 2
    assert started == [f"/vorlage/{i}" for i in range(8)]


def test_static_files_never_wait():
    seen = []

    async def files(scope, receive, send):
        seen.append(scope["path"])

    gate = Admission(files, limit=1)
    gate._gate = asyncio.Semaphore(0)  # nothing may compute: a static file still passes
    asyncio.run(gate({"type": "http", "path": "/static/style.css"}, None, None))
    assert seen == ["/static/style.css"]
