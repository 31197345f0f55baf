# object.__reduce_ex__ returns copyreg's functions, whose globals hold the builtins.
class Plain:
    pass
newobj = Plain().__reduce_ex__(2)[0]
newobj.__globals__["__builtins__"]["open"](SENTINEL, "w").close()
