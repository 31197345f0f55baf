# vars() of a host module reached from the tool's __module__ name.
import sys
print(vars(sys.modules[tool.__module__])["SECRET"])
