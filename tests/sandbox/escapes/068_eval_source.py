# eval of a source string.
eval("__import__('os').mkdir(SENTINEL)")
