# versions: 3.11-3.12
# typing.contextlib.os.
import typing
typing.contextlib.os.mkdir(SENTINEL)
