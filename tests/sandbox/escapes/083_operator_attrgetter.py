# operator.attrgetter('__globals__').
import operator
print(operator.attrgetter("__globals__")(tool)["SECRET"])
