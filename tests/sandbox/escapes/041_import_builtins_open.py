# The builtins module imported.
import builtins
builtins.open(SENTINEL, "w").close()
