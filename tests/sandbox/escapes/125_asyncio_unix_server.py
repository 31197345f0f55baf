# asyncio opens sockets: a Unix server creates its socket file.
import asyncio
async def main():
    global server
    server = await asyncio.start_unix_server(lambda r, w: None, path=SENTINEL)
asyncio.run(main())
