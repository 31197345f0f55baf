s = list(range(10))
print(s[2:5], s[:3], s[7:], s[:], s[::2], s[1::3])
print(s[-3:], s[:-3], s[-5:-2], s[::-1], s[::-3], s[8:2:-2])
print(s[100:], s[-100:2], s[5:2], s[2:5:-1])
text = "hello world"
print(text[::-1], text[:5], text[6:], text[-5:], text[::2])
t = tuple(range(6))
print(t[1:4], t[::-2])
r = range(0, 20, 3)
print(r[2:5], list(r[::-1]), r[-1])
b = b"abcdef"
print(b[1:3], b[::-1], b[2])
i, j = 1, 4
print(s[i:j], s[i:j][::-1], s[i:][:j])
sl = slice(1, 8, 3)
print(s[sl], sl.start, sl.stop, sl.step, sl.indices(5))
print(s[slice(None, None, -2)], s[slice(3)])
print([row[1:] for row in [[1, 2, 3], [4, 5, 6]]])
print("abc"[5:], "abc"[-1], "abc"[-3])
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    s[20]
except IndexError as e:
    print("IndexError:", e)
print(s[True], s[False:True])
