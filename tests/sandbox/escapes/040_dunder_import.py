# __import__ called directly.
__import__("os").mkdir(SENTINEL)
