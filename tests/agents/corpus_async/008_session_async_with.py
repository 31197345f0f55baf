# Onboard users through an async API session (async with at top level):
# look each user up, wait for a manager's approval inside the session, and
# post the accounts that were approved.
import json

users = ["ana", "dev", "zed", "cho"]
created, skipped = [], {}

async with open_session("crm") as api:
    for name in users:
        try:
            user = await api.user(name)
        except ToolError as error:
            skipped[name] = f"{error.code} {error.message}"
            continue
        decision = approval(f"Create a CRM account for {user['name']} ({user['team']})")
        if decision != "approved":
            skipped[name] = decision
            continue
        receipt = await api.post("/accounts", {"name": user["name"], "email": user["email"]})
        created.append((name, receipt["id"]))
    print("requests made:", api.requests)

print("token after close:", api.token)
print(created)
print(json.dumps(skipped, sort_keys=True))
