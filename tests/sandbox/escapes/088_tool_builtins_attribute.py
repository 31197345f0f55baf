# function.__builtins__ of a host binding.
tool.__builtins__["open"](SENTINEL, "w").close()
