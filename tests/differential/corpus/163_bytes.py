b = b"hello world"
print(b, len(b), b[0], b[-1], b[:5], b[::-1])
print(b.upper(), b.split(), b.replace(b"o", b"0"), b.find(b"world"))
print(b.startswith(b"hell"), b"wor" in b, 104 in b, b.count(b"l"))
print(list(b[:3]), bytes([72, 105]), bytes(3), bytes(range(65, 70)))
print(b.hex(), bytes.fromhex("48 65 6c"), b"\x00\xff".hex(" "))
print("héllo".encode("utf-8"), "héllo".encode("latin-1"), b"h\xc3\xa9llo".decode())
print(b"abc" + b"def", b"ab" * 3, b"a" < b"b", b"abc" == bytes("abc", "ascii"))
print(b" pad ".strip(), b"a,b,,c".split(b","), b"-".join([b"x", b"y"]))
print(b"%s and %d" % (b"bytes", 5), repr(b"quote'"), repr(b'\n\t\\'))
print(b"Title case".title(), b"abc".isalpha(), b"123".isdigit(), b"AbC".swapcase())
mv = memoryview(b"abcdef")
print(mv[1], bytes(mv[1:4]), mv.tobytes(), len(mv))
print(int.from_bytes(b"\x01\x02", "big"), (258).to_bytes(2, "little"), (-1).to_bytes(2, "big", signed=True))
import struct
packed = struct.pack(">IhB", 1, -2, 255)
print(packed, struct.unpack(">IhB", packed), struct.calcsize(">IhB"))
try:
    b"abc" + "def"
except TypeError as e:
    print("TypeError:", e)
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e.reason)
print(b"\xff\xfe".decode("utf-8", errors="replace"), b"\xff".decode("latin-1"))
import base64, hashlib, zlib
print(base64.b64encode(b"data!"), base64.b64decode(b"ZGF0YSE="))
print(hashlib.sha256(b"abc").hexdigest()[:16], zlib.crc32(b"abc"))
print(sorted(b"banana"), max(b"xyz"), bytes(sorted(b"cab")))
