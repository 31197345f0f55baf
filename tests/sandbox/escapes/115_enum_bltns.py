# enum.bltns is the builtins module.
import enum
enum.bltns.__import__("os").mkdir(SENTINEL)
