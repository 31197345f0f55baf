# typing.ForwardRef evaluation: eval in host code.
import typing
class Hinted:
    pass
Hinted.__annotations__ = {"x": typing.ForwardRef("open(%r, 'w').close()" % SENTINEL)}
typing.get_type_hints(Hinted)
