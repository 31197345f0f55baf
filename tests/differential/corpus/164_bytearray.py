ba = bytearray(b"hello")
print(ba, len(ba), ba[0])
ba[0] = ord("J")
print(ba)
ba.append(33)
ba.extend(b" more")
print(ba)
ba[1:5] = b"ELLO"
print(ba)
del ba[-5:]
print(ba, ba.pop(), ba)
ba.insert(0, 62)
print(ba, ba.find(b"L"), ba.index(b"O"))
ba.reverse()
print(ba)
ba.remove(ord("L"))
print(ba)
copy = bytearray(ba)
copy[0] = 0
print(ba[0] != copy[0], bytes(copy))
buf = bytearray()
for i in range(5):
    buf += bytes([i * 10])
print(buf, list(buf), buf.hex())
print(bytearray(3), bytearray([1, 2, 3]), bytearray("é", "utf-8"))
try:
    ba[0] = 256
except ValueError as e:
    print("ValueError:", e)
try:
    ba.append("x")
except TypeError as e:
    print("TypeError:", e)
ba2 = bytearray(b"abc")
ba2 *= 2
print(ba2, ba2.upper(), ba2.decode(), bytes(ba2) == b"abcabc")
ba2.clear()
print(ba2, len(ba2))
mv = memoryview(bytearray(b"xyz"))
mv[0] = ord("X")
print(mv.tobytes(), bytes(mv.obj))
data = bytearray(b"key=value;other=thing")
pairs = [p.split(b"=") for p in data.split(b";")]
print([(k.decode(), v.decode()) for k, v in pairs])
