data = [1, 5, 12, 7, 20, 3]
print([y for x in data if (y := x * 2) > 10])
print(y)
total = 0
running = [total := total + x for x in data]
print(running, total)
def first_long(words):
    if any(len(found := w) > 4 for w in words):
        return found
    return None
print(first_long(["ab", "abcdef", "xyz"]), first_long(["a"]))
values = [(v, sq) for v in range(6) if (sq := v * v) % 2 == 0]
print(values, sq)
import re
lines = ["name=ann", "junk", "age=30"]
parsed = {m.group(1): m.group(2) for line in lines if (m := re.match(r"(\w+)=(\w+)", line))}
print(parsed)
stack = [1, 2, 3]
while (item := stack.pop() if stack else None) is not None:
    print("popped", item)
if (n := len(data)) > 3:
    print("long list", n)
def chunks(seq, size):
    it = iter(seq)
    out = []
    while chunk := [v for _, v in zip(range(size), it)]:
        out.append(chunk)
    return out
print(chunks(range(7), 3))
print([last := c for c in "abc"], last)
