# getattr run by a host function (functools.reduce), with names built at run time.
import functools
chain = ["_".join(["", "", "globals", "", ""])]
print(functools.reduce(getattr, chain, tool)["SECRET"])
