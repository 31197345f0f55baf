# Audit and rate-limit tool calls with closures: a decorator keeps nonlocal
# counters around calls that wait, functools.wraps keeps the names, and a
# counter closure tallies labels.
import functools


def audited(limit):
    def decorate(fn):
        calls = 0
        sizes = []

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            nonlocal calls
            calls += 1
            if calls > limit:
                raise RuntimeError(f"{fn.__name__}: limit of {limit} calls reached")
            result = fn(*args, **kwargs)
            sizes.append(len(result))
            return result

        wrapper.report = lambda: (fn.__name__, calls, sum(sizes))
        return wrapper

    return decorate


@audited(limit=3)
def summarize(text):
    """Summarize a text with the model."""
    return llm(f"Summarize: {text}").removeprefix("Summary: ")


@audited(limit=2)
def ask(question):
    return approval(question)


def make_tally():
    seen = {}

    def tally(label):
        seen[label] = seen.get(label, 0) + 1
        return seen[label]

    return tally, seen


tally, seen = make_tally()
for text in ["Uploads failed for 14 minutes", "Revenue grew 12 percent", "The API ships", "Too many"]:
    try:
        summary = summarize(text)
    except RuntimeError as error:
        print("stopped:", error)
        break
    print(tally(summary.split()[0]), summary)

answers = [ask(q) for q in ("Publish the summaries", "Delete the raw data")]
print(answers, summarize.__name__, summarize.__doc__, summarize.__wrapped__.__name__)
print(summarize.report(), ask.report(), dict(sorted(seen.items())))
