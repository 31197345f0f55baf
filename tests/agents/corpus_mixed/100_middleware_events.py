# A request pipeline: callable middleware objects chained around a handler
# (one asks a model, one asks for approval), and an event emitter that keeps
# callbacks in a dict of lists; some callbacks wait too.
import json
from collections import defaultdict


class Emitter:
    def __init__(self):
        self.handlers = defaultdict(list)
        self.seen = []

    def on(self, event):
        def register(fn):
            self.handlers[event].append(fn)
            return fn
        return register

    def emit(self, event, **data):
        self.seen.append(event)
        return [fn(**data) for fn in self.handlers[event]]


class Middleware:
    def __init__(self, inner, bus):
        self.inner = inner
        self.bus = bus

    def __call__(self, request):
        return self.inner(request)


class Classify(Middleware):
    def __call__(self, request):
        request = {**request, "label": llm(f"Classify: {request['text']}")}
        self.bus.emit("classified", request=request)
        return super().__call__(request)


class Gate(Middleware):
    def __call__(self, request):
        if request["label"] in ("billing", "bug"):
            verdict = approval(f"Handle {request['label']}: {request['text']}")
            if verdict != "approved":
                self.bus.emit("blocked", request=request)
                return {"status": 403, "id": request["id"]}
        return self.inner(request)


def handler(request):
    return {"status": 200, "id": request["id"], "label": request["label"]}


bus = Emitter()
audit = []


@bus.on("classified")
def note(request):
    audit.append((request["id"], request["label"]))


@bus.on("blocked")
def escalate(request):
    summary = llm(f"Summarize: blocked request {request['text']}")
    audit.append((request["id"], summary))
    return summary


bus.on("blocked")(lambda request: effect({"blocked": request["id"]}))
app = Classify(Gate(handler, bus), bus)
requests = [{"id": t["id"], "text": t["subject"]} for t in export("tickets")]
responses = [app(r) for r in requests]
print(json.dumps(responses))
print(audit)
print(sorted(bus.handlers), {k: len(v) for k, v in sorted(bus.handlers.items())}, bus.seen.count("classified"))
