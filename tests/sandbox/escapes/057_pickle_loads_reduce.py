# pickle: a payload whose reduce calls os.mkdir.
import pickle
payload = b"cos\nmkdir\n(V" + SENTINEL.encode() + b"\ntR."
pickle.loads(payload)
