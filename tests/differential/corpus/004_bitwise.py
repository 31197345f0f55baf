a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a)
print(bin(a & b), bin(a | b), bin(a ^ b))
print(a << 3, a >> 1, 1 << 64)
print(-1 & 0xFF, -256 >> 4, ~0)
mask = 0
for bit in (0, 3, 5, 7):
    mask |= 1 << bit
print("mask", mask, bin(mask), hex(mask), oct(mask))
print("bits set", bin(mask).count("1"), mask.bit_length(), (255).bit_count())
flags = 0xFF
flags &= ~0b100
flags ^= 0b1
print("flags", flags, format(flags, "08b"))
print(True & False, True | False, True ^ True)
print(type(True & False).__name__, type(1 & True).__name__)
x = 12345
reversed_bits = 0
for _ in range(16):
    reversed_bits = (reversed_bits << 1) | (x & 1)
    x >>= 1
print("reversed", reversed_bits, format(reversed_bits, "016b"))
print((5).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
s1 = {1, 2, 3}
s2 = {2, 3, 4}
print(sorted(s1 & s2), sorted(s1 | s2), sorted(s1 ^ s2), sorted(s1 - s2))
