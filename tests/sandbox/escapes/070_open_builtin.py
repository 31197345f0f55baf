# open() of a path.
with open(SENTINEL, "w") as f:
    f.write("escaped")
