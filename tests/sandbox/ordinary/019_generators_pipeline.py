def read_lines():
    for i in range(1, 11):
        yield f"line {i}: {'error' if i % 4 == 0 else 'ok'}"

def only_errors(lines):
    for line in lines:
        if "error" in line:
            yield line

def numbered(items, start=1):
    n = start
    for item in items:
        received = yield n, item
        if received:
            print("got", received)
        n += 1

print(list(only_errors(read_lines())))
gen = numbered("abc")
print(next(gen), gen.send("hello"), next(gen))
squares = (x * x for x in range(6))
print(sum(squares), list(x for x in range(10) if x % 3 == 0))

def delegate():
    result = yield from numbered("xy")
    return result
print(list(delegate()))
