# A class pattern's keyword reads the attribute it names.
match tool:
    case object(__globals__=host):
        print(host["SECRET"])
