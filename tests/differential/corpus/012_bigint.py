big = 2 ** 200
print(big)
print(big + 1, big - 1)
print(big * big)
print(big // 3, big % 1000007)
print(-big // 7, -big % 7)
f = 1
for i in range(1, 41):
    f *= i
print("40!", f)
print(len(str(f)), str(f)[:10], sum(int(c) for c in str(f)))
print(big.bit_length(), (big - 1).bit_count())
print(hex(big), oct(2 ** 70))
print(int("9" * 50) + 1)
print(pow(3, 200, 10 ** 9 + 7), pow(7, -1, 13))
a, b = 0, 1
for _ in range(150):
    a, b = b, a + b
print("fib150", a)
print(big == 2 ** 200, big > 10 ** 60, big < 10 ** 61)
print((10 ** 30) / (10 ** 10), 10 ** 30 // 10 ** 10)
print(abs(-big) == big, -(-big) == big)
print(divmod(10 ** 25 + 3, 10 ** 12))
import math
print(math.gcd(2 ** 100, 6 ** 50), math.isqrt(10 ** 41), math.comb(60, 30))
print(f"{big:,}"[:20], f"{2**64:x}", f"{2**64:e}")
