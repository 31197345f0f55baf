# asyncio.events imports subprocess, socket, threading and os.
import asyncio
asyncio.events.subprocess.run(["mkdir", SENTINEL], check=True)
