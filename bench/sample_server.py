# The send-and-receive sample server from MMDAgent-EX's documentation, as a
# benchmark baseline: it prints every message it receives. Run with -u so each
# line reaches the reader as it would reach a terminal.
import asyncio
import sys

import websockets


async def handler(websocket, path=None):
    async for message in websocket:
        print(message, end="" if message.endswith("\n") else "\n")


async def main():
    port = int(sys.argv[1])
    async with websockets.serve(handler, "127.0.0.1", port, max_size=None, compression=None):
        print("READY", flush=True)
        await asyncio.Future()


asyncio.run(main())
