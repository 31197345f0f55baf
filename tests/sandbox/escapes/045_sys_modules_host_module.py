# sys.modules of the tool's own module holds its globals.
import sys
print(sys.modules[tool.__module__].SECRET)
