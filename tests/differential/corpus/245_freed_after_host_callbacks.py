# Objects of a function that called script code through host code (re.sub's callback, json's
# default=) are freed when it returns, not when the VM's own dispatch loop ends.
import re
import json


class Counted:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("freed", self.name)


def shout(m):
    return m.group(0).upper()


def helper(text):
    c = Counted("re.sub")
    return re.sub(r"[aeiou]", shout, text)


def encode(obj):
    c = Counted("json default")
    return json.dumps({"k": obj}, default=lambda o: sorted(o))


def nested():
    c = Counted("nested")
    return helper("banana") + encode({3, 1, 2})


print(helper("agent"))
print("after helper")
print(encode({2, 1}))
print("after encode")
print(nested())
print("after nested")
