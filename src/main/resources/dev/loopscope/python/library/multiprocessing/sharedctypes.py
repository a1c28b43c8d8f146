# Value and Array: ctypes values in memory that every forked process shares. A synchronized wrapper takes its
# lock for each single read or write, so "v.value += 1" is a read and a write, each locked on its own, as in
# CPython. Lines ending in a pin sit at CPython 3.12.1's line numbers.


def RawValue(typecode_or_type, *args):
    cell = _SharedCells(typecode_or_type, 1, False)
    if args:
        cell._store(args[0])
    return cell


def RawArray(typecode_or_type, size_or_initializer):
    return _SharedCells(typecode_or_type, size_or_initializer, True)


def _wrapped(raw, lock, wrapper):
    # lock=False: the bare shared object; True or None: a new RLock; anything else is the lock itself
    if lock is False:
        return raw
    if lock in (True, None):
        lock = RLock()
    return wrapper(raw, lock)


def Value(typecode_or_type, *args, lock=True, ctx=None):
    return _wrapped(RawValue(typecode_or_type, *args), lock, Synchronized)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    return _wrapped(RawArray(typecode_or_type, size_or_initializer), lock, SynchronizedArray)


class SynchronizedBase:
    # the shared object and the lock that guards it; the wrapper is itself a context manager for the lock

    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        guard = self._lock = lock or RLock()
        self.acquire, self.release = guard.acquire, guard.release

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc_info):
        return self.release()

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return f'<{type(self).__name__} wrapper for {self._obj}>'


class SynchronizedArray(SynchronizedBase):

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self:
            return self._obj[i]   #@223

    def __setitem__(self, i, value):
        with self:
            self._obj[i] = value   #@227


class Synchronized(SynchronizedBase):

    @property
    def value(self):
        with self:
            return self._obj.value

    @value.setter
    def value(self, value):
        with self:
            try:
                self._obj._store(value)
            except Exception as e:
                # CPython's setter is generated code: its frame is "<string>", line 11, in setvalue
                _as_frame(e, 'multiprocessing/sharedctypes.py', 'value', '<string>', 11, 'setvalue', None, None)
                raise
