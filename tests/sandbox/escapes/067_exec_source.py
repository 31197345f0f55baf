# exec of a source string.
exec("import os; os.mkdir(SENTINEL)")
