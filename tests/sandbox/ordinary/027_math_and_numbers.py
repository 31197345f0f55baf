import math

print(math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.gcd(84, 36), math.lcm(4, 6))
print(math.isclose(0.1 + 0.2, 0.3), round(math.pi, 5), math.comb(10, 3), math.perm(5, 2))
print(math.hypot(3, 4), math.log(1024, 2), math.factorial(12), math.prod([1, 2, 3, 4]))
print(int("ff", 16), 7 // -2, -7 % 3, 2 ** 100, round(2.675, 2), abs(-3 + 4j))
print(sum(i / 10 for i in range(10)), math.fsum(i / 10 for i in range(10)))
