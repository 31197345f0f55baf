# Ask each team member's manager to approve their access request, walking a
# dict of requests.
requests = {
    "ana": "read access to the orders export",
    "ben": "write access to production billing",
    "cho": "read access to the tickets export",
    "dev": "admin access to the staging cluster",
}
decisions = {}
for user, what in requests.items():
    profile = lookup_user(user)
    decision = approval(f"{user} ({profile['team']}) requests {what}")
    decisions[user] = decision
    if decision == "approved":
        effect({"grant": user, "what": what})

notified = 0
for user, decision in decisions.items():
    profile = lookup_user(user)
    try:
        send_email(profile["email"], f"Your request was {decision}")
        notified += 1
    except ToolError as err:
        print(f"could not notify {user}: {err}")
print(decisions)
print("notified", notified)
