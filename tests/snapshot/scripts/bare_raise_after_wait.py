class Denied(Exception):
    pass


def check(user):
    if user != "admin":
        raise Denied(user)


try:
    check("bob")
except Denied as err:
    decision = wait("escalate")
    print("decision", decision)
    raise RuntimeError("failed for " + str(err))
