# types.FunctionType(code, globals): a script code object run with a host module's globals.
import types
reveal = types.FunctionType((lambda: print(SECRET)).__code__, tool.__globals__)
reveal()
