# The __builtins__ global and its __import__ (on the VM, the job's builtins dict and its fields).
b = __builtins__
fields = [getattr(b, name, None) for name in ("interpreter", "running")]
b = b if isinstance(b, dict) else b.__dict__
b["__import__"]("os").mkdir(SENTINEL)
