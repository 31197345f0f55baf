# operator.methodcaller calls a method by name: __getattribute__ with a refused name.
import operator
print(operator.methodcaller("__getattribute__", "__globals__")(tool)["SECRET"])
