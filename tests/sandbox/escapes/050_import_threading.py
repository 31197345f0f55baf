# threading: a host thread runs script code outside the VM.
import threading
t = threading.Thread(target=lambda: open(SENTINEL, "w").close())
t.start()
t.join()
