# str.format called unbound, the template as its first argument.
print(str.format("{0.__globals__[SECRET]}", tool))
