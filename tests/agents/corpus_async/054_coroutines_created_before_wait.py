# The agent builds its model requests first (coroutine objects, not yet
# started), asks a human whether to spend the budget, and only then gathers
# them; the rejected path closes the coroutines it no longer needs.
import asyncio


async def main():
    prompts = [f"Summarize: chapter {i} of the handbook" for i in range(1, 4)]
    pending = [ask_model(p) for p in prompts]
    extra = fetch_url("https://docs.example/auth")
    decision = approval(f"Spend budget on {len(pending)} model calls")
    print("budget:", decision)
    if decision == "approved":
        summaries = await asyncio.gather(*pending)
        for s in summaries:
            print(s)
    else:
        for coro in pending:
            coro.close()
    auth = await extra
    print("auth page:", auth.splitlines()[1])
    check = llm("Answer yes or no: is the handbook complete?")
    later = ask_model(f"Summarize: handbook complete={check}")
    print("final:", await later)


asyncio.run(main())
