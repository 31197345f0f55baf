# atexit: a callback the host runs when the worker exits.
import atexit
atexit.register(open(SENTINEL + ".tmp", "w").close)
atexit.register(__import__("os").rename, SENTINEL + ".tmp", SENTINEL)
