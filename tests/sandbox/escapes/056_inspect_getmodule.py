# inspect.getmodule of a host binding.
import inspect
print(inspect.getmodule(tool).SECRET)
