pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (7.5, 2), (-7.5, 2)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b))
print(2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2)
print(pow(2, 10), pow(2.0, 3), pow(-8, 1 / 3).real > 0)
print(10 ** -1, 0 ** 0, 0.0 ** 0)
for n in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1e20]:
    print("round", n, round(n), round(n, 1))
print(round(1234, -2), round(1250, -2), round(1350, -2))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    1.0 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(abs(-3.5), abs(-0), int(-0.9), int(0.9))
