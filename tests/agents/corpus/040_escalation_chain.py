# Escalate a purchase up the management chain until someone approves it.
def chain_of(user):
    while user is not None:
        profile = lookup_user(user)
        yield profile
        user = profile["manager"]


def escalate(requester, item):
    asked = []
    for manager in chain_of(lookup_user(requester)["manager"]):
        asked.append(manager["name"])
        text = f"{manager['name']}: approve {item} for {requester}"
        if len(asked) == 1:
            text += " (wire transfer)"
        if approval(text) == "approved":
            return manager["name"], asked
    return None, asked


for requester, item in [("ana", "a conference ticket"), ("dev", "a new laptop")]:
    approver, asked = escalate(requester, item)
    print(f"{item} for {requester}: approver={approver}, asked={asked}")
