# __closure__ of a host function: singledispatch's wrapper closes over dispatch, which closes over the registry.
import functools
wrapper = functools.singledispatch(tool)
dispatch = [c.cell_contents for c in wrapper.__closure__ if callable(c.cell_contents)][0]
for cell in dispatch.__closure__:
    if isinstance(cell.cell_contents, dict) and object in cell.cell_contents:
        print(cell.cell_contents[object].__globals__["SECRET"])
