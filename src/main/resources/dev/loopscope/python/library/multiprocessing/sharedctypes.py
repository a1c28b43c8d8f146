# Value and Array in memory every forked process shares, as CPython's sharedctypes: each read or write of a
# synchronized wrapper takes its lock, so "v.value += 1" is two separate steps, as it is in CPython. Lines
# ending in a pin sit at CPython 3.12.1's line numbers.


def RawValue(typecode_or_type, *args):
    obj = _SharedCells(typecode_or_type, 1, False)
    if args:
        obj._store(args[0])
    return obj


def RawArray(typecode_or_type, size_or_initializer):
    return _SharedCells(typecode_or_type, size_or_initializer, True)


def Value(typecode_or_type, *args, lock=True, ctx=None):
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    if lock in (True, None):
        lock = RLock()
    return Synchronized(obj, lock)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    if lock in (True, None):
        lock = RLock()
    return SynchronizedArray(obj, lock)


class SynchronizedBase(object):

    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        self._lock = lock or RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


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
        self.acquire()
        try:
            return self._obj.value
        finally:
            self.release()

    @value.setter
    def value(self, value):
        self.acquire()
        try:
            self._obj._store(value)
        except Exception as e:
            # CPython's setter is generated code: its frame is "<string>", line 11, in setvalue
            _as_frame(e, 'multiprocessing/sharedctypes.py', 'value', '<string>', 11, 'setvalue', None, None)
            raise
        finally:
            self.release()
