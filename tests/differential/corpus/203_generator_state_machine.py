def traffic_light():
    state = "red"
    transitions = {"red": "green", "green": "yellow", "yellow": "red"}
    durations = {"red": 3, "green": 2, "yellow": 1}
    while True:
        command = yield state, durations[state]
        if command == "emergency":
            state = "red"
        elif command == "skip":
            state = transitions[transitions[state]]
        else:
            state = transitions[state]
light = traffic_light()
print(next(light))
for cmd in [None, None, "skip", "emergency", None, None, None]:
    print(cmd, "->", light.send(cmd))
def tokenizer(text):
    token = ""
    for ch in text:
        if ch.isalnum():
            token += ch
        else:
            if token:
                yield ("WORD" if token.isalpha() else "NUM" if token.isdigit() else "MIXED", token)
                token = ""
            if not ch.isspace():
                yield ("SYM", ch)
    if token:
        yield ("WORD" if token.isalpha() else "NUM", token)
print(list(tokenizer("x = 42 + y2 * (z - 7)")))
def parser():
    stack = []
    while True:
        kind, value = yield
        if kind == "NUM":
            stack.append(int(value))
        elif kind == "OP":
            b, a = stack.pop(), stack.pop()
            stack.append({"+": a + b, "-": a - b, "*": a * b}[value])
        elif kind == "END":
            print("result", stack)
            stack.clear()
p = parser()
next(p)
for tok in [("NUM", "3"), ("NUM", "4"), ("OP", "+"), ("NUM", "5"), ("OP", "*"), ("END", None)]:
    p.send(tok)
