# Keep running statistics of 1200 order amounts in coroutine generators
# driven by send(): one is primed with next() directly, the other through a
# relay that delegates with `yield from`; the model labels spikes inside
# the generator, a thrown Reset starts a stream over, and close() runs a
# finally block that waits for approval to archive the stream.
import json


class Reset(Exception):
    pass


def averager(name, log):
    count, total, peak = 0, 0, 0
    try:
        while True:
            try:
                value = yield (count, round(total / count, 2) if count else 0.0)
            except Reset:
                log.append((name, "reset", count))
                count, total = 0, 0
                continue
            count += 1
            total += value
            if value > peak * 1.5 and count > 50:
                label = llm(f"Classify: spike of {value} in {name} after {count} orders")
                log.append((name, count, value, label.upper()))
            peak = max(peak, value)
    finally:
        verdict = approval(f"Archive stream {name} of {count} orders")
        log.append((name, "closed", count, total, verdict))


def relay(name, log):
    result = yield from averager(name, log)
    return result


def amount(i):
    if i % 300 == 299:
        return 800 * 2 ** (i // 300)
    return (i * 73) % 500 + 1


log = []
streams = {"eu": averager("eu", log), "us": relay("us", log)}
for stream in streams.values():
    print("primed:", next(stream))
state = {}
for i in range(1200):
    region = "eu" if i % 3 else "us"
    if i == 600:
        state["after-reset"] = streams["eu"].throw(Reset())
        state["after-reset-us"] = streams["us"].throw(Reset)
    state[region] = streams[region].send(amount(i))
for stream in streams.values():
    stream.close()
print(json.dumps(state, sort_keys=True))
for entry in log:
    print(entry)
try:
    streams["eu"].send(1)
except StopIteration:
    print("closed streams stop")
