# Fingerprint fetched pages with hashlib, base64 and binascii, and pack a
# small header with struct; the digest object is fed across the waits.
import base64
import binascii
import hashlib
import struct
import zlib

running = hashlib.sha256()
urls = ["https://shop.example/faq", "https://shop.example/terms", "https://docs.example/auth"]
records = []
for i, url in enumerate(urls):
    text = fetch_page(url)
    data = text.encode("utf-8")
    running.update(data)
    md5 = hashlib.md5(data).hexdigest()
    crc = binascii.crc32(data)
    header = struct.pack(">HIB", i, crc, len(data) % 256)
    records.append(header)
    print(url, md5[:12], f"{crc:08x}", binascii.hexlify(header).decode(), zlib.adler32(data))

print("running:", running.hexdigest()[:16], running.name, running.digest_size)
blob = b"".join(records)
enc = base64.b64encode(blob).decode("ascii")
print("blob:", enc, base64.urlsafe_b64encode(blob[:6]))
decoded = base64.b64decode(enc)
for off in range(0, len(decoded), struct.calcsize(">HIB")):
    print(struct.unpack_from(">HIB", decoded, off))

ok = approval(f"Archive {len(records)} pages with digest {running.hexdigest()[:8]}")
copy = running.copy()
copy.update(ok.encode())
print(ok, copy.hexdigest()[:16], running.hexdigest()[:16])
summary = llm("Summarize: " + base64.b32encode(b"pages").decode())
running.update(summary.encode())
print(summary)
print(running.hexdigest()[:24], hashlib.blake2b(enc.encode(), digest_size=8).hexdigest())
print(binascii.unhexlify("48656c6c6f"), base64.b85encode(b"ok!").decode())
