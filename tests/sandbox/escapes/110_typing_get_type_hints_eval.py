# typing.get_type_hints evaluates string annotations with eval in host code.
import typing
class Hinted:
    pass
Hinted.__annotations__ = {"x": "__import__('os').mkdir(%r)" % SENTINEL}
typing.get_type_hints(Hinted)
