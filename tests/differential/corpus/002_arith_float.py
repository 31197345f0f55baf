x = 0.1 + 0.2
print(x, repr(x), x == 0.3)
print(1.5 * 4, 7.0 / 2, 7.0 // 2, 7.5 % 2)
print(-7.5 // 2, -7.5 % 2)
print(2.0 ** 0.5, 10 ** -2)
print(1e300 * 1e10, -1e300 * 1e10)
nan = float("nan")
print(nan == nan, nan != nan, nan < 1)
inf = float("inf")
print(inf > 1e308, -inf < 0, inf - inf)
print(round(2.5), round(3.5), round(2.675, 2), round(-0.5))
print(int(3.99), int(-3.99), float("1.25"), float(3))
print(1 / 3, 2 / 3, 100 / 7)
print(0.1 * 3, 1.1 * 1.1)
print((0.5).as_integer_ratio(), (2.0).is_integer())
print(1e16, 1e-5, 123456789.123456789, 1e22, 1.0e-7)
print(-0.0, 0.0 == -0.0, str(-0.0))
print(float.fromhex("0x1.8p1"), (3.0).hex())
values = [3.14159, 2.71828, 1.41421]
acc = 0.0
for v in values:
    acc += v
    print("acc", acc)
print(sum(values), max(values), min(values))
