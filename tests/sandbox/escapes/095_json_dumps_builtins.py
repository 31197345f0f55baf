# An allowed function's __builtins__.
import json
json.dumps.__builtins__["__import__"]("os").mkdir(SENTINEL)
