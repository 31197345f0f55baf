# asyncio.coroutines.os.environ.
import asyncio
print(asyncio.coroutines.os.environ["STATEK_TEST_SECRET"])
