import uuid

u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, u.hex, u.version, u.int % 1000)
print(uuid.UUID(int=255), uuid.UUID(bytes=bytes(range(16))))
print(uuid.uuid5(uuid.NAMESPACE_DNS, "example.com"), uuid.uuid3(uuid.NAMESPACE_URL, "https://a.b"))
print(uuid.UUID("{12345678-1234-5678-1234-567812345678}") == u, str(u).upper()[:8])
