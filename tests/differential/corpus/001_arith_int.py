a = 17
b = 5
print("add", a + b)
print("sub", a - b, b - a)
print("mul", a * b)
print("truediv", a / b)
print("floordiv", a // b, -a // b, a // -b)
print("mod", a % b, -a % b, a % -b)
print("pow", a ** 2, 2 ** 10, 2 ** -1)
print("neg", -a, +a, -(-a))
print("divmod", divmod(a, b), divmod(-a, b))
print("pow3", pow(3, 4, 5), pow(2, 100, 7))
total = 0
for i in range(1, 11):
    total += i * i
print("sum of squares", total)
x = 1
x <<= 5
print("shifted", x, x >> 2, -x >> 1)
print("precedence", 2 + 3 * 4 ** 2 // 5 - 1)
print("abs", abs(-42), abs(7))
print("int ops", int("123") + 1, int("-7"), int("ff", 16), int("0b101", 0))
print("bool arith", True + True, True * 10, False - 1)
