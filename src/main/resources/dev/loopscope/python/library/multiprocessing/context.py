# multiprocessing's exceptions and start methods. Only the fork start method exists, as the default on Linux
# in CPython 3.12. Lines ending in a pin sit at CPython 3.12.1's line numbers.


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


def cpu_count():
    return os.cpu_count()


_start_method = [None]


def get_start_method(allow_none=False):
    if _start_method[0] is None:
        if allow_none:
            return None
        _start_method[0] = 'fork'
    return _start_method[0]


def set_start_method(method, force=False):
    if _start_method[0] is not None and not force:
        raise RuntimeError('context has already been set')
    if force and method is None:
        # forgetting the method: the next get_start_method() chooses fork again
        _start_method[0] = None
        return
    if method != 'fork':
        raise ValueError('cannot find context for %r' % method)
    _start_method[0] = method


def get_all_start_methods():
    return ['fork', 'spawn', 'forkserver']


def freeze_support():
    pass
