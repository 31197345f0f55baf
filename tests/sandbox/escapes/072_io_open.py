# io.open and io.FileIO.
import io
io.FileIO(SENTINEL, "w").close()
