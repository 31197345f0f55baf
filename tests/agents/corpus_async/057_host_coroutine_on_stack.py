# The first gathered host coroutine is made, then evaluating the second
# argument waits (llm's answer is used): the unstarted host coroutine sits
# on the value stack across the wait, and is made again on load.
import asyncio


async def main():
    a, b = await asyncio.gather(ask_model("Summarize: one"), ask_model(llm("Make a plan: two").upper()))
    print(a, b, sep="\n")


asyncio.run(main())
