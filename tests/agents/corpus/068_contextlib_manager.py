# Time-boxed sections written with contextlib: a generator-based context
# manager records each section, and the body waits for tools.
import contextlib

sections = []


@contextlib.contextmanager
def section(name):
    sections.append(f"start {name}")
    try:
        yield name.upper()
    except ToolError as err:
        sections.append(f"failed {name}: {err.code}")
    else:
        sections.append(f"end {name}")


with section("export") as label:
    rows = export("orders")
    print(label, len(rows))

with section("notify") as label:
    summary = llm(f"Summarize {len(rows)} orders")
    send_email("bad-address", summary)

with contextlib.suppress(KeyError):
    decision = approval("Archive the March orders")
    print("archive:", decision)
    print({}["missing"])
print(sections)
