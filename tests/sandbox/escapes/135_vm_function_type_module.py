# The class of a script function names its module: on the VM, the VM's own (statek_vm.vm.objects).
module = __import__(type(lambda: 0).__module__, fromlist=["*"])
b = getattr(module, "__builtins__", module)
b = b if isinstance(b, dict) else vars(b)
b["open"](SENTINEL, "w").close()
