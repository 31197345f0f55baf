# A refund workflow written as generator state machines driven by send():
# each state is a `yield` expression whose sent value picks the next state,
# a nested `x = yield (yield y)` double handshake, throw() that the machine
# turns into a value it yields back, a sub-machine reached by `yield from`
# whose return value flows back, StopIteration.value read by the driver,
# waits inside the machines (approvals, the model) and in the driver between
# sends; the drivers also send inside a comprehension with a walrus.
import json


class Abort(Exception):
    pass


def checks(order):
    notes = []
    amount = float(order["amount"])
    while True:
        cmd = yield ("check", order["id"], len(notes))
        if cmd == "done":
            return notes
        if cmd == "amount" and amount > 100:
            notes.append(("large", llm(f"Classify: refund of {amount} for order {order['id']}")))
        elif cmd == "status":
            notes.append(("status", order["status"]))


def refund_machine(order):
    state, log = "new", []
    try:
        while state not in ("closed", "denied"):
            log.append(state)
            if state == "new":
                notes = yield from checks(order)
                state = "review" if notes else "auto"
            elif state == "review":
                ack = yield (yield ("ask", f"Refund order {order['id']} with notes {notes}"))
                state = "auto" if ack == "approved" else "denied"
            elif state == "auto":
                verdict = approval(f"Refund {order['amount']} for order {order['id']}")
                state = "closed" if verdict == "approved" else "denied"
    except Abort as exc:
        state = f"aborted:{exc}"
        yield ("aborted", state)
    return {"order": order["id"], "final": state, "path": log}


def drive(order, script):
    m = refund_machine(order)
    out = [next(m)]
    try:
        for cmd in script:
            if cmd == "throw":
                out.append(m.throw(Abort(llm(f"Classify: abort order {order['id']}"))))
                next(m)
            else:
                out.append(m.send(cmd))
            if out[-1][0] == "ask":
                echo = m.send(approval(out[-1][1]))
                out.append(echo)
                out.append(m.send(echo))
    except StopIteration as stop:
        return out, stop.value
    return out, None


orders = [o for o in export("orders") if o["status"] != "refunded"][:5]
results = []
for i, order in enumerate(orders):
    script = {2: ["done"], 3: ["amount", "throw"]}.get(i, ["amount", "status", "done"])
    steps, final = drive(order, script)
    print(f"order {order['id']}:", *steps, sep="\n  ", end="\n")
    print("  =>", json.dumps(final, sort_keys=True))
    results.append(final)

def counter():
    total = 0
    while True:
        got = yield total
        total += got


c = counter()
next(c)
sent = [t for o in orders if (t := c.send(len(llm(f"Classify: order {o['id']}")))) > 10]
print("running totals over 10:", sent, [r["final"] for r in results if r])
