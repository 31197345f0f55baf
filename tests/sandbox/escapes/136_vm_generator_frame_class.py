# A generator's frame: natively CPython's frame; on the VM the VM's own Frame, whose module imports sys.
def gen():
    yield 1
frame_class = type(gen().gi_frame)
module = __import__(frame_class.__module__, fromlist=["*"])
b = getattr(module, "__builtins__", module)
b = b if isinstance(b, dict) else vars(b)
b["__import__"]("os").mkdir(SENTINEL)
