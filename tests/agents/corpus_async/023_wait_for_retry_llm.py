# Ask a slow model first with a short timeout and a retry with backoff, then
# fall back to the durable llm tool; the fallback's answer is waited for
# inside the coroutine, and a plain async model call has a generous timeout.
import asyncio

attempt_log = []


async def answer(question, attempts=2):
    for attempt in range(1, attempts + 1):
        try:
            return await asyncio.wait_for(slow_report(f"{question} #{attempt}"), timeout=0.02)
        except TimeoutError:
            attempt_log.append((question, attempt))
            await asyncio.sleep(0.01 * attempt)
    fallback = llm(f"Answer yes or no: {question}")
    return f"fallback: {fallback}"


async def main():
    first = await answer("is the export API rate limited")
    second = await asyncio.wait_for(ask_model("Classify: question about export limits"), timeout=10)
    print(first)
    print(second)
    print(attempt_log)


asyncio.run(main())
