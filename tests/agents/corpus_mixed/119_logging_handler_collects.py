# An agent collects log records in a custom handler and logs exceptions with logger.exception.
import logging
import sys


class ListHandler(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


collector = ListHandler()
collector.setFormatter(logging.Formatter("%(levelname)s|%(name)s|%(message)s"))
log = logging.getLogger("agent.worker")
log.setLevel(logging.DEBUG)
log.addHandler(collector)
log.propagate = False

for n in [2, 3, 7, 8]:
    try:
        result = flaky_tool(n)
        log.debug("flaky_tool(%d) -> %s", n, result["square"])
    except ToolError as e:
        reason = llm(f"Classify this failure: {e.message}")
        log.warning("tool failed for %d: %s [%s]", n, e.message, reason)
    except ValueError:
        log.exception("garbled answer for %d", n)
        decision = approval(f"Retry flaky_tool({n}) later?")
        log.info("retry decision for %d: %s", n, decision)

print("records:", len(collector.records))
for rec in collector.records:
    print(" ", collector.format(rec).splitlines()[0], "| exc:", rec.exc_info[0].__name__ if rec.exc_info else None)

exc_records = [r for r in collector.records if r.exc_info]
if exc_records:
    text = collector.format(exc_records[0])
    print("exception text last line:", text.splitlines()[-1])
    print("levels:", sorted({r.levelname for r in collector.records}))

summary = llm(f"Summarize: {len(collector.records)} log records collected")
stream = logging.StreamHandler(sys.stdout)
stream.setFormatter(logging.Formatter("[%(levelname)s] %(message)s"))
log.addHandler(stream)
log.info("summary: %s", summary)
try:
    {}["missing"]
except KeyError:
    log.exception("lookup failed after wait")
print("total records now:", len(collector.records), "handlers:", len(log.handlers))
