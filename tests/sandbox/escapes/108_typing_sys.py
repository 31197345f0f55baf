# typing.sys.modules.
import typing
typing.sys.modules["os"].mkdir(SENTINEL)
