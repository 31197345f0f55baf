x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6)
print(1 == 1.0 == True, "a" < "b" < "c", [1, 2] < [1, 3])
print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 0), "abc" > "abd")
calls = []
def val(n):
    calls.append(n)
    return n
print(val(1) < val(2) < val(0) < val(3))
print(calls)
calls.clear()
print(val(3) < val(2) < val(5))
print(calls)
print(None == None, None != 0, 0 == False, "" == False)
print([] == [], {} == {}, {1: 2} == {1: 2}, {1, 2} == {2, 1})
print(1 != 2 != 1)
values = [3, 7, 1, 9, 4]
print([v for v in values if 2 < v < 8])
print(max(values) >= 9 > min(values))
print(float("inf") > 10 ** 100, -float("inf") < -(10 ** 100))
print("B" < "a", "Z" < "a", ord("B"), ord("a"))
try:
    print(1 < "a")
except TypeError as e:
    print("TypeError:", e)
try:
    print([1] < (1,))
except TypeError as e:
    print("TypeError:", e)
print(sorted([(2, "b"), (1, "z"), (2, "a")]))
