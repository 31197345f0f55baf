# A script class that is awaitable (__await__ delegating to a coroutine), as
# model-written SDK wrappers do: "await Completion(prompt)"; a batch of them
# is gathered, and one result goes to a human before it is sent.
import asyncio
import json


class Completion:
    def __init__(self, prompt, retries=2):
        self.prompt = prompt
        self.retries = retries
        self.attempts = 0

    async def _run(self):
        while True:
            self.attempts += 1
            text = await ask_model(self.prompt)
            try:
                return json.loads(text)
            except json.JSONDecodeError:
                if self.attempts > self.retries:
                    return {"error": "unparseable", "raw": text[:20]}
                self.prompt = self.prompt.replace("malformed", "valid")

    def __await__(self):
        return self._run().__await__()


async def main():
    prompts = [
        "Return JSON about the Globex renewal",
        "Return malformed JSON about Initech",
        "Return JSON about the Hooli upsell",
    ]
    jobs = [Completion(p) for p in prompts]
    results = await asyncio.gather(*jobs)
    for job, res in zip(jobs, results):
        print(job.attempts, json.dumps(res, sort_keys=True)[:80])
    single = await Completion("Return JSON for the weekly digest")
    verdict = approval(f"Send digest with priority {single['priority']}")
    print("digest:", verdict, single["sentiment"])
    print(llm(f"Summarize: {sum(j.attempts for j in jobs)} model calls made"))


asyncio.run(main())
