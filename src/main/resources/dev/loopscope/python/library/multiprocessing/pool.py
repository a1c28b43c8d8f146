# multiprocessing.Pool. The worker processes are forked when the pool is made; three daemon threads of the
# parent keep it going: _handle_workers replaces workers that have ended, _handle_tasks pickles every call
# into the pipe the workers read, _handle_results gives what comes back to the result object that waits for
# it. A line ending in a pin keeps the number and text CPython 3.12.1 has for it, for the tracebacks.

INIT = "INIT"   #@36
RUN = "RUN"
CLOSE = "CLOSE"
TERMINATE = "TERMINATE"
_STOPPING = (CLOSE, TERMINATE)

# job ids are numbered per process, across all pools
_last_job = [-1]


def _take_job_id():
    _last_job[0] += 1
    return _last_job[0]


class RemoteTraceback(Exception):
    # the cause an exception from a worker is given: the traceback it had there, as text
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


# mapstar and starmapstar are loops here; tracebacks show them as CPython's one-line bodies
_STAR_FRAMES = (('mapstar', 48, 'return list(map(*args))'),
                ('starmapstar', 51, 'return list(itertools.starmap(args[0], args[1]))'))


class ExceptionWithTraceback:
    # what a worker sends back for a failed call: the exception with its traceback there, formatted
    def __init__(self, error, traceback):
        for name, line, text in _STAR_FRAMES:
            _as_frame(error, 'multiprocessing/pool.py', name, 'multiprocessing/pool.py', line, name, text,
                      text[len('return '):])
        self.exc = error
        self.tb = '\n"""\n' + _format_exception(error) + '"""'


def _with_remote_cause(error, text):
    error.__cause__ = RemoteTraceback(text)
    return error


class MaybeEncodingError(Exception):
    # stands in for a result the worker could not pickle; args are the two reprs
    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        Exception.__init__(self, self.exc, self.value)

    def __str__(self):
        return f"Error sending result: '{self.value}'. Reason: '{self.exc}'"

    def __repr__(self):
        return f"<{type(self).__name__}: {self}>"


def worker(calls, outcomes, initializer=None, initargs=(),
           maxtasks=None, wrap_exception=False, notifier=None):
    # the body of each pool process: runs the calls it reads until a None, or until it has run maxtasks of
    # them, and sends every outcome back as (job, index, (succeeded, value))
    if initializer is not None:
        initializer(*initargs)   #@109
    left = -1 if maxtasks is None else maxtasks
    while left != 0:
        call = calls.get()
        if call is None:
            break
        job, index, func, args, kwds = call
        try:
            result = (True, func(*args, **kwds))   #@125
        except Exception as e:
            plain = not wrap_exception or func is _helper_reraises_exception
            result = (False, e if plain else ExceptionWithTraceback(e, e.__traceback__))
        try:
            outcomes.put((job, index, result))
        except Exception as e:
            # a value that cannot be pickled reaches the caller as a MaybeEncodingError
            outcomes.put((job, index, (False, MaybeEncodingError(e, result[1]))))
        left -= 1
    if notifier is not None and maxtasks is not None:
        # the worker handler replaces this worker
        notifier.put(None)


def _helper_reraises_exception(ex):
    raise ex   #@144


class _PoolCache:
    # the result objects still due, by job id. When the last goes, the worker handler is woken: after close()
    # it waits for exactly that before it stops

    def __init__(self, notifier=None):
        self.notifier = notifier
        self._due = {}

    def __getitem__(self, job):
        return self._due[job]

    def __setitem__(self, job, result):
        self._due[job] = result

    def __delitem__(self, job):
        del self._due[job]
        if len(self._due) == 0:
            self.notifier.put(None)

    def __len__(self):
        return len(self._due)

    def __contains__(self, job):
        return job in self._due


class Pool:
    _wrap_exception = True

    @staticmethod
    def Process(ctx, *args, **kwargs):
        from multiprocessing.context import ForkProcess
        return ForkProcess(*args, **kwargs)

    def __init__(self, processes=None, initializer=None,
                 initargs=(), maxtasksperchild=None, context=None):
        self._pool = []
        self._state = INIT
        self._ctx = context
        calls, outcomes = SimpleQueue(), SimpleQueue()
        self._inqueue, self._outqueue = calls, outcomes
        # the handler threads use the pipes directly, without the queues' locks
        self._quick_put = calls._writer.send
        self._quick_get = outcomes._reader.recv
        self._taskqueue = queue.SimpleQueue()
        self._change_notifier = SimpleQueue()
        self._cache = _PoolCache(self._change_notifier)
        self._maxtasksperchild = maxtasksperchild
        self._initializer, self._initargs = initializer, initargs

        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:   #@204
            raise ValueError("Number of processes must be at least 1")   #@205
        if maxtasksperchild is not None and not (isinstance(maxtasksperchild, int) and maxtasksperchild > 0):
                raise ValueError("maxtasksperchild must be a positive int or None")   #@208
        if not (initializer is None or callable(initializer)):
            raise TypeError('initializer must be a callable')   #@211

        self._processes = processes
        self._repopulate_pool()   #@215

        self._worker_handler = self._start_handler(self._handle_workers)
        self._task_handler = self._start_handler(self._handle_tasks)
        self._result_handler = self._start_handler(self._handle_results)
        # at exit (priority 15, before the ordinary finalizers) a pool still open is terminated
        self._terminate = Finalize(self, self._terminate_pool, exitpriority=15)
        self._state = RUN

    def __repr__(self):
        kind = type(self)
        where = kind.__module__ + '.' + kind.__qualname__
        return '<%s state=%s pool_size=%d>' % (where, self._state, len(self._pool))

    @staticmethod
    def _start_handler(body):
        handler = threading.Thread(target=body)
        handler.daemon = True
        handler._state = RUN
        handler.start()
        return handler

    def _repopulate_pool(self):
        while len(self._pool) < self._processes:
            proc = self.Process(self._ctx, target=worker,
                                args=(self._inqueue, self._outqueue, self._initializer, self._initargs,
                                      self._maxtasksperchild, self._wrap_exception, self._change_notifier))
            proc.name = proc.name.replace('Process', 'PoolWorker')
            proc.daemon = True
            proc._pool_worker = True
            proc.start()
            self._pool.append(proc)

    def _replace_ended_workers(self):
        ended = [proc for proc in self._pool if proc.exitcode is not None]
        for proc in ended:
            proc.join()
            self._pool.remove(proc)
        if ended:
            self._repopulate_pool()

    def _wake_worker_handler(self):
        self._change_notifier.put(None)

    def _wait_for_change(self):
        # one wake-up is enough for any number of changes
        note = self._change_notifier
        note.get()
        while not note.empty():
            note.get()

    def _submit(self, job, func, items, set_length):
        self._taskqueue.put((_numbered_calls(job, func, items), set_length))

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")   #@353

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()   #@360

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, mapstar, chunksize).get()   #@367

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, starmapstar, chunksize).get()   #@375

    def starmap_async(self, func, iterable, chunksize=None,
                      callback=None, error_callback=None):
        return self._map_async(func, iterable, starmapstar, chunksize,   #@382
                               callback, error_callback)

    def imap(self, func, iterable, chunksize=1):
        self._check_running()   #@400
        if chunksize == 1:
            ordered = IMapIterator(self)
            self._submit(ordered._job, func, iterable, ordered._set_length)
            return ordered
        if chunksize < 1:
            raise ValueError(   #@411
                "Chunksize must be 1+, not {0:n}".format(chunksize))
        chunks = _chunked(func, iterable, chunksize)
        result = ordered = IMapIterator(self)
        self._submit(ordered._job, mapstar, chunks, ordered._set_length)
        return (item for chunk in result for item in chunk)   #@423

    def imap_unordered(self, func, iterable, chunksize=1):
        self._check_running()   #@429
        if chunksize == 1:
            unordered = IMapUnorderedIterator(self)
            self._submit(unordered._job, func, iterable, unordered._set_length)
            return unordered
        if chunksize < 1:
            raise ValueError(   #@440
                f"Chunksize must be 1+, not {chunksize!r}")
        chunks = _chunked(func, iterable, chunksize)
        result = unordered = IMapUnorderedIterator(self)
        self._submit(unordered._job, mapstar, chunks, unordered._set_length)
        return (item for chunk in result for item in chunk)   #@451

    def apply_async(self, func, args=(), kwds={},
                    callback=None, error_callback=None):
        self._check_running()   #@458
        pending = ApplyResult(self, callback, error_callback)
        self._taskqueue.put(([(pending._job, 0, func, args, kwds)], None))
        return pending

    def map_async(self, func, iterable, chunksize=None,
                  callback=None, error_callback=None):
        return self._map_async(func, iterable, mapstar, chunksize, callback,   #@468
                               error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None,
                   callback=None, error_callback=None):
        self._check_running()   #@476
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        count = len(iterable)
        if count == 0:
            chunksize = 0
        elif chunksize is None:
            # about four chunks per worker, rounded up
            chunksize = -(-count // (4 * len(self._pool)))
        chunks = _chunked(func, iterable, chunksize)
        pending = MapResult(self, chunksize, count, callback, error_callback)
        self._submit(pending._job, mapper, chunks, None)
        return pending

    def _handle_workers(self):
        me = threading.current_thread()
        # ended workers are replaced while the pool runs, and after close() as long as results are due
        while me._state == RUN or (self._cache and me._state != TERMINATE):
            self._replace_ended_workers()
            self._wait_for_change()
        self._taskqueue.put(None)

    def _handle_tasks(self):
        # sends the calls of each submitted batch, in order, until the None that ends the pool; a call that
        # cannot be pickled fails its own result instead
        me = threading.current_thread()
        put = self._quick_put
        stopped = False
        while not stopped:
            batch = self._taskqueue.get()
            if batch is None:
                break
            calls, set_length = batch
            sent = 0
            for task in calls:
                if me._state != RUN:
                    stopped = True
                    break
                try:
                    put(task)   #@540
                except Exception as e:
                    if task[0] in self._cache:
                        self._cache[task[0]]._set(task[1], (False, e))
                sent = task[1] + 1
            if set_length and not stopped:
                set_length(sent)
            calls = batch = None
        # the result handler stops once nothing is due; every worker stops at its None
        self._outqueue.put(None)
        for proc in self._pool:
            put(None)

    def _handle_results(self):
        # outcomes go to their result objects until the task handler's None; after it, as long as some are
        # due, unless the pool is terminated
        me = threading.current_thread()
        receive = self._quick_get
        message = receive()
        while me._state == RUN and message is not None:
            self._deliver(message)
            message = receive()
        while self._cache and me._state != TERMINATE:
            message = receive()
            if message is not None:
                self._deliver(message)

    def _deliver(self, message):
        job, index, outcome = message
        if job in self._cache:
            self._cache[job]._set(index, _unwrapped(outcome))

    def __reduce__(self):
        raise NotImplementedError('pool objects cannot be passed between processes or pickled')

    def close(self):
        # no more submissions; the workers stop once everything submitted is done
        if self._state != RUN:
            return
        self._state = self._worker_handler._state = CLOSE
        self._wake_worker_handler()

    def terminate(self):
        self._state = TERMINATE
        self._terminate()   #@657

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")   #@662
        elif self._state not in _STOPPING:
            raise ValueError("In unknown state")   #@664
        for handler in (self._worker_handler, self._task_handler, self._result_handler):
            handler.join()
        for proc in self._pool:
            proc.join()

    def _terminate_pool(self):
        me = threading.current_thread()
        workers_h, tasks_h, results_h = self._worker_handler, self._task_handler, self._result_handler
        workers_h._state = TERMINATE
        self._wake_worker_handler()
        tasks_h._state = TERMINATE
        # calls still in the in-pipe are thrown away, so that no worker starts them
        calls = self._inqueue
        calls._rlock.acquire()
        while tasks_h.is_alive() and calls._reader.poll():
            calls._reader.recv()
            time.sleep(0)
        results_h._state = TERMINATE
        self._wake_worker_handler()
        self._outqueue.put(None)
        if me is not workers_h:
            workers_h.join()
        for proc in self._pool:
            if proc.exitcode is None:
                proc.terminate()
        for handler in (tasks_h, results_h):
            if handler is not me:
                handler.join()
        for proc in self._pool:
            if proc.is_alive():
                proc.join()

    def __enter__(self):
        self._check_running()   #@735
        return self

    def __exit__(self, *exc_info):
        self.terminate()   #@739


class ApplyResult:
    # the outcome of one call, filled in by the result handler

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = _take_job_id()
        self._cache = pool._cache
        self._callback, self._error_callback = callback, error_callback
        pool._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))   #@761
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError   #@770
        if not self._success:
            raise self._value   #@774
        return self._value

    def _set(self, index, outcome):
        self._success, self._value = outcome
        notify = self._callback if self._success else self._error_callback
        if notify:
            notify(self._value)
        self._event.set()
        self._cache.__delitem__(self._job)
        self._pool = None


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    # the outcomes of every chunk of a map, in one list; the first failure is the result instead

    def __init__(self, pool, chunksize, count, callback, error_callback):
        super().__init__(pool, callback, error_callback)
        self._success = True
        self._value = [None] * count
        self._chunksize = chunksize
        if chunksize > 0:
            self._number_left = -(-count // chunksize)
        else:
            # nothing to compute: the empty list is ready at once
            self._number_left = 0
            self._event.set()
            self._cache.__delitem__(self._job)

    def _set(self, index, outcome):
        ok, value = outcome
        self._number_left -= 1
        if self._success:
            if ok:
                start = index * self._chunksize
                self._value[start:start + self._chunksize] = value
            else:
                # later chunks are only counted
                self._success = False
                self._value = value
        if self._number_left:
            return
        notify = self._callback if self._success else self._error_callback
        if notify:
            notify(self._value)
        self._cache.__delitem__(self._job)
        self._event.set()
        self._pool = None


class IMapIterator:
    # outcomes handed out in the order of the calls; one that arrives early waits in _unsorted

    def __init__(self, pool):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = _take_job_id()
        self._cache = pool._cache
        self._items = []
        self._index = 0
        self._length = None
        self._unsorted = {}
        pool._cache[self._job] = self

    def __iter__(self):
        return self

    def _all_in(self):
        return self._index == self._length

    def _forget(self):
        self._cache.__delitem__(self._job)
        self._pool = None

    def next(self, timeout=None):
        with self._cond:
            if not (self._items or self._all_in()):
                self._cond.wait(timeout)
            if not self._items:
                if self._all_in():
                    self._pool = None
                    raise StopIteration from None
                raise TimeoutError from None   #@868
            ok, value = self._items.pop(0)
        if ok:
            return value
        raise value   #@873

    __next__ = next

    def _set(self, index, outcome):
        with self._cond:
            self._unsorted[index] = outcome
            if index == self._index:
                ready = self._unsorted
                while self._index in ready:
                    self._items.append(ready.pop(self._index))
                    self._index += 1
                self._cond.notify()
            if self._all_in():
                self._forget()

    def _set_length(self, total):
        # the task handler has sent every call: now the end can be recognised
        with self._cond:
            self._length = total
            if self._index == total:
                self._cond.notify()
                self._forget()


class IMapUnorderedIterator(IMapIterator):
    # outcomes handed out as they arrive

    def _set(self, index, outcome):
        with self._cond:
            self._items.append(outcome)
            self._index += 1
            self._cond.notify()
            if self._all_in():
                self._forget()


def _unwrapped(outcome):
    # a failure sent as ExceptionWithTraceback is the exception again, caused by the worker's traceback
    ok, value = outcome
    if not ok and isinstance(value, ExceptionWithTraceback):
        return (False, _with_remote_cause(value.exc, value.tb))
    return outcome


def _numbered_calls(job, func, items):
    # one call per item; if the iterable itself fails, a last call that raises its exception in a worker
    index = 0
    try:
        for item in items:
            yield (job, index, func, (item,), {})
            index += 1
    except Exception as e:
        yield (job, index, _helper_reraises_exception, (e,), {})


def _chunked(func, iterable, size):
    # (func, chunk) pairs of up to size items, made as the task handler asks for them
    source = iter(iterable)
    while True:
        chunk = []
        for item in source:
            chunk.append(item)
            if len(chunk) == size:
                break
        if not chunk:
            return
        yield (func, tuple(chunk))


def mapstar(args):
    func, chunk = args
    results = []
    for item in chunk:
        results.append(func(item))
    return results


def starmapstar(args):
    func, chunk = args
    results = []
    for item in chunk:
        # starmap makes a tuple of each item first, and fails as tuple() fails
        results.append(func(*tuple(item)))
    return results
