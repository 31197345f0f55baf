# re.copyreg and its __builtins__.
import re
re.copyreg.__builtins__["__import__"]("os").mkdir(SENTINEL)
