import hashlib

pages = ["refund policy v1", "refund policy v2", "shipping terms"]
running = hashlib.sha256()
fingerprints = {}
for page in pages:
    running.update(page.encode())
    fingerprints[page] = hashlib.md5(page.encode()).hexdigest()[:10]
snapshot = running.copy()
snapshot.update(b"extra")
print(running.hexdigest()[:16], snapshot.hexdigest()[:16], running.name, running.digest_size)
print(sorted(fingerprints.items()))
print(hashlib.new("sha1", b"x").hexdigest(), hashlib.blake2b(b"q", digest_size=8, person=b"agent").hexdigest())
