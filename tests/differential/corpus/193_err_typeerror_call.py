# expect-error: TypeError
def make_greeting(name, *, formal):
    title = "Dear" if formal else "Hi"
    return f"{title} {name}"
print(make_greeting("Ann", formal=True))
print(make_greeting("Bob", formal=False))
people = ["Cy", "Dee"]
greetings = []
for person in people:
    greetings.append(make_greeting(person))
    print(greetings[-1])
