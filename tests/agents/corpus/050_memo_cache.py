# Cache model answers in a dict held by a closure so that repeated prompts
# cost one call.
def cached(fn):
    cache = {}
    stats = {"hits": 0, "misses": 0}

    def wrapper(prompt):
        if prompt in cache:
            stats["hits"] += 1
            return cache[prompt]
        stats["misses"] += 1
        answer = fn(prompt)
        cache[prompt] = answer.upper()
        return cache[prompt]

    wrapper.stats = stats
    return wrapper


ask = cached(llm)
questions = ["Classify: refund", "Classify: login", "Classify: refund", "Classify: vat", "Classify: login"]
answers = [ask(q) for q in questions]
print(answers)
print(ask.stats)
