# warnings.catch_warnings with an "error" filter around a wait: the filter
# holds after the resume in another process, and is gone after the block.
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("error")
    decision = approval("go")
    try:
        warnings.warn("strict " + decision)
        print("not raised")
    except UserWarning as e:
        print("raised:", e)
