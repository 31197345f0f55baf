# input.__self__ is the builtins module.
input.__self__.open(SENTINEL, "w").close()
