# Load routing rules written as Python source: exec() of each rule's source
# defines a function that waits, eval() computes a limit with a wait, exec()
# of a string waits at its top level, and a check compiled once with
# compile() is executed per ticket (its approval is read after the exec).
RULES = {
    "billing": "def rule(t):\n    return llm(f\"Classify: {t['subject']}\") == 'billing'\n",
    "urgent": "def rule(t):\n    return t['priority'] <= threshold\n",
}

namespace = {"llm": llm, "threshold": eval("1 + 1")}
rules = {}
for name, source in RULES.items():
    scope = dict(namespace)
    exec(source, scope)
    rules[name] = scope["rule"]

tickets = export("tickets")[:3]
for ticket in tickets:
    matched = [name for name, rule in rules.items() if rule(ticket)]
    print(ticket["id"], matched or ["default"])

limit = eval("int(llm('Give a score for the ticket limit')) // 20 + 1", {"llm": llm})
print("limit:", limit)

exec("note = llm('Summarize: routing ' + str(len(tickets)) + ' tickets').upper()", namespace | {"tickets": tickets})
print(namespace.get("note"), "note" in namespace)
scope = {"llm": llm}
exec("note = llm('Summarize: the routing rules').removeprefix('Summary: ')", scope)
print(scope["note"])

check = compile("verdict = approval(f'Route ticket {tid}')\ncount += 1\n", "<route>", "exec")
state = {"approval": approval, "count": 0}
for ticket in tickets[:2]:
    state["tid"] = ticket["id"]
    exec(check, state)
    print(ticket["id"], state["verdict"], state["count"])
