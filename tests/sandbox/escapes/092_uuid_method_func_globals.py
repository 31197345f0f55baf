# A method of an allowed class: uuid.UUID.__str__.__globals__['os'].
import uuid
uuid.UUID(int=1).__str__.__func__.__globals__["os"].mkdir(SENTINEL)
