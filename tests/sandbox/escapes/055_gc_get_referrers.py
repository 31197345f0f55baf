# gc.get_referrers(tool) finds the host module dict that holds the tool.
import gc
for holder in gc.get_referrers(tool):
    if isinstance(holder, dict) and "SECRET" in holder:
        print(holder["SECRET"])
