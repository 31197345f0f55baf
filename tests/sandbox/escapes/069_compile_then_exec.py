# compile() to a code object, then exec with fresh globals.
code = compile("open(path, 'w').close()", "<x>", "exec")
exec(code, {"path": SENTINEL})
