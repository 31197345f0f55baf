# logging configured by the script (basicConfig to stdout, named loggers, a
# handler subclass collecting records, levels, disable) used across waits.
import logging
import logging.handlers
import sys

logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(name)s: %(message)s", level=logging.INFO, force=True)
log = logging.getLogger("agent.tools")
child = log.getChild("search")
info = logging.info


class ListHandler(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(self.format(record))


collector = ListHandler()
collector.setFormatter(logging.Formatter("[%(name)s] %(message)s"))
log.addHandler(collector)
log.info("before the wait")
decision = approval("go")
log.info("after the wait: %s", decision)
child.warning("child says %d", 3)
info("module-level info")
logging.getLogger("agent").setLevel(logging.DEBUG)
log.debug("debug now %s", llm("x"))
print("root handlers:", len(logging.getLogger().handlers), logging.getLevelName(logging.getLogger().level))
print(collector.records, log.getEffectiveLevel(), logging.getLogger("agent.tools") is log, child.parent is log)
logging.disable(logging.WARNING)
log.warning("hidden")
buffer = logging.handlers.MemoryHandler(10)
log.addHandler(buffer)
log.error("kept in memory")
print(approval("end"), logging.root.manager.disable, [r.getMessage() for r in buffer.buffer])
