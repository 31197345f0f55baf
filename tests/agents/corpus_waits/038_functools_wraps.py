# Guard operations with an approval decorator written with functools.wraps;
# the wrapper waits for the approval before calling the operation.
import functools


def needs_approval(operation):
    @functools.wraps(operation)
    def wrapper(*args):
        if approval(f"{operation.__name__} {' '.join(args)}") != "approved":
            return f"{operation.__name__}: rejected"
        return operation(*args)

    return wrapper


@needs_approval
def restart(service):
    """Restart a service."""
    return effect(f"restarted {service}")


@needs_approval
def delete(table):
    """Delete a table."""
    return effect(f"deleted {table}")


print(restart("search"))
print(delete("invoices"))
print(restart.__name__, "-", restart.__doc__, "-", delete.__wrapped__.__name__)
