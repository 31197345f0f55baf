# _thread.start_new_thread.
import _thread
done = _thread.allocate_lock()
done.acquire()
def work():
    open(SENTINEL, "w").close()
    done.release()
_thread.start_new_thread(work, ())
done.acquire()
