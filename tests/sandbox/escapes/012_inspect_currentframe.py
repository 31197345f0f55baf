# inspect.currentframe() and the outer frames.
import inspect
for info in inspect.stack():
    if "SECRET" in info.frame.f_globals:
        print(info.frame.f_globals["SECRET"])
        break
