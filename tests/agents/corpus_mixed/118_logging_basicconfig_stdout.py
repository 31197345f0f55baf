# An agent logs to stdout with module loggers before and after each wait.
import logging
import sys

logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(name)s: %(message)s", level=logging.INFO, force=True)
log = logging.getLogger("agent")
tools_log = logging.getLogger("agent.tools")
quiet = logging.getLogger("agent.quiet")
quiet.setLevel(logging.WARNING)

log.info("starting run with %d users", 3)
for name in ["ana", "ben", "nobody"]:
    try:
        user = lookup_user(name)
        tools_log.info("looked up %s (%s)", name, user["team"])
        reply = llm(f"Write a short greeting for {user['name']}")
        tools_log.info("llm replied %d chars", len(reply))
        quiet.info("this is filtered out")
        quiet.warning("greeting for %s is %s", name, "long" if len(reply) > 40 else "short")
    except ToolError as e:
        tools_log.error("lookup failed: %s (code %s)", e.message, e.code)

decision = approval("Send greetings to the sales team")
log.warning("approval came back %r", decision)
tools_log.debug("debug is hidden")
log.setLevel(logging.DEBUG)
logging.getLogger().setLevel(logging.DEBUG)
tools_log.debug("debug is now visible")
rows = export("events")
counts = {}
for row in rows:
    counts[row["user"]] = counts.get(row["user"], 0) + 1
log.info("events per user: %s", dict(sorted(counts.items())))
print("plain print between log lines")
logging.getLogger("agent.tools.export").info("exported %d rows", len(rows))
print("handlers:", len(logging.getLogger().handlers), "level:", logging.getLevelName(logging.getLogger().level))
print("effective:", logging.getLevelName(tools_log.getEffectiveLevel()), logging.getLevelName(quiet.level))
page = fetch_page("https://news.example/outage")
log.critical("outage page has %d lines", len(page.splitlines()))
