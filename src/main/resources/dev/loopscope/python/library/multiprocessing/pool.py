# multiprocessing.Pool as CPython's pool.py: worker processes forked at once, three daemon threads in the
# parent (the worker handler, the task handler that pickles calls into the shared in-queue, the result handler
# that takes results from the out-queue), and result objects woken by events and conditions. Lines ending in a
# pin sit at CPython 3.12.1's line numbers, so tracebacks through the pool show CPython's lines.

INIT = "INIT"   #@36
RUN = "RUN"
CLOSE = "CLOSE"
TERMINATE = "TERMINATE"

_job_counter = [0]


def _next_job():
    job = _job_counter[0]
    _job_counter[0] += 1
    return job


class RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb
    def __str__(self):
        return self.tb


class ExceptionWithTraceback:
    def __init__(self, exc, tb):
        _as_frame(exc, 'multiprocessing/pool.py', 'mapstar', 'multiprocessing/pool.py', 48, 'mapstar',
                  'return list(map(*args))', 'list(map(*args))')
        _as_frame(exc, 'multiprocessing/pool.py', 'starmapstar', 'multiprocessing/pool.py', 51, 'starmapstar',
                  'return list(itertools.starmap(args[0], args[1]))', 'list(itertools.starmap(args[0], args[1]))')
        self.exc = exc
        self.tb = '\n"""\n%s"""' % _format_exception(exc)


def rebuild_exc(exc, tb):
    exc.__cause__ = RemoteTraceback(tb)
    return exc


class MaybeEncodingError(Exception):

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super(MaybeEncodingError, self).__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value,
                                                             self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


def worker(inqueue, outqueue, initializer=None, initargs=(), maxtasks=None,
           wrap_exception=False, notifier=None):
    put = outqueue.put
    get = inqueue.get
    if initializer is not None:
        initializer(*initargs)   #@109

    completed = 0
    while maxtasks is None or (maxtasks and completed < maxtasks):
        task = get()
        if task is None:
            break
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))   #@125
        except Exception as e:
            if wrap_exception and func is not _helper_reraises_exception:
                e = ExceptionWithTraceback(e, e.__traceback__)
            result = (False, e)
        try:
            put((job, i, result))
        except Exception as e:
            wrapped = MaybeEncodingError(e, result[1])
            put((job, i, (False, wrapped)))

        task = job = result = func = args = kwds = None
        completed += 1
    if notifier is not None and maxtasks is not None:
        notifier.put(None)


def _helper_reraises_exception(ex):
    raise ex   #@144


class _PoolCache(object):
    # The pending results by job; emptying it wakes the worker handler, which may be waiting to stop.

    def __init__(self, notifier=None):
        self.notifier = notifier
        self._jobs = {}

    def __getitem__(self, job):
        return self._jobs[job]

    def __setitem__(self, job, value):
        self._jobs[job] = value

    def __delitem__(self, job):
        del self._jobs[job]
        if not self._jobs:
            self.notifier.put(None)

    def __len__(self):
        return len(self._jobs)

    def __contains__(self, job):
        return job in self._jobs


class Pool(object):
    _wrap_exception = True

    @staticmethod
    def Process(ctx, *args, **kwds):
        from multiprocessing.context import ForkProcess
        return ForkProcess(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=(),
                 maxtasksperchild=None, context=None):
        self._pool = []
        self._state = INIT
        self._ctx = context
        self._setup_queues()
        self._taskqueue = queue.SimpleQueue()
        self._change_notifier = SimpleQueue()
        self._cache = _PoolCache(notifier=self._change_notifier)
        self._maxtasksperchild = maxtasksperchild
        self._initializer = initializer
        self._initargs = initargs

        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:   #@204
            raise ValueError("Number of processes must be at least 1")   #@205
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")   #@208

        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')   #@211

        self._processes = processes
        self._repopulate_pool()   #@215

        self._worker_handler = threading.Thread(
            target=Pool._handle_workers,
            args=(self._cache, self._taskqueue, self._ctx, self.Process,
                  self._processes, self._pool, self._inqueue, self._outqueue,
                  self._initializer, self._initargs, self._maxtasksperchild,
                  self._wrap_exception, self._change_notifier)
            )
        self._worker_handler.daemon = True
        self._worker_handler._state = RUN
        self._worker_handler.start()

        self._task_handler = threading.Thread(
            target=Pool._handle_tasks,
            args=(self._taskqueue, self._quick_put, self._outqueue,
                  self._pool, self._cache)
            )
        self._task_handler.daemon = True
        self._task_handler._state = RUN
        self._task_handler.start()

        self._result_handler = threading.Thread(
            target=Pool._handle_results,
            args=(self._outqueue, self._quick_get, self._cache)
            )
        self._result_handler.daemon = True
        self._result_handler._state = RUN
        self._result_handler.start()

        self._terminate = Finalize(
            self, self._terminate_pool,
            args=(self._taskqueue, self._inqueue, self._outqueue, self._pool,
                  self._change_notifier, self._worker_handler, self._task_handler,
                  self._result_handler, self._cache),
            exitpriority=15
            )
        self._state = RUN

    def __repr__(self):
        cls = self.__class__
        return (f'<{cls.__module__}.{cls.__qualname__} '
                f'state={self._state} '
                f'pool_size={len(self._pool)}>')

    @staticmethod
    def _join_exited_workers(pool):
        cleaned = False
        for i in reversed(range(len(pool))):
            worker = pool[i]
            if worker.exitcode is not None:
                worker.join()
                cleaned = True
                del pool[i]
        return cleaned

    def _repopulate_pool(self):
        return self._repopulate_pool_static(self._ctx, self.Process,
                                            self._processes,
                                            self._pool, self._inqueue,
                                            self._outqueue, self._initializer,
                                            self._initargs,
                                            self._maxtasksperchild,
                                            self._wrap_exception,
                                            self._change_notifier)

    @staticmethod
    def _repopulate_pool_static(ctx, Process, processes, pool, inqueue,
                                outqueue, initializer, initargs,
                                maxtasksperchild, wrap_exception, notifier=None):
        for i in range(processes - len(pool)):
            w = Process(ctx, target=worker,
                        args=(inqueue, outqueue,
                              initializer,
                              initargs, maxtasksperchild,
                              wrap_exception, notifier))
            w.name = w.name.replace('Process', 'PoolWorker')
            w.daemon = True
            w._pool_worker = True
            w.start()
            pool.append(w)

    @staticmethod
    def _maintain_pool(ctx, Process, processes, pool, inqueue, outqueue,
                       initializer, initargs, maxtasksperchild,
                       wrap_exception, notifier=None):
        if Pool._join_exited_workers(pool):
            Pool._repopulate_pool_static(ctx, Process, processes, pool,
                                         inqueue, outqueue, initializer,
                                         initargs, maxtasksperchild,
                                         wrap_exception, notifier)

    def _setup_queues(self):
        self._inqueue = SimpleQueue()
        self._outqueue = SimpleQueue()
        self._quick_put = self._inqueue._writer.send
        self._quick_get = self._outqueue._reader.recv

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")   #@353

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()   #@360

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, mapstar, chunksize).get()   #@367

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, starmapstar, chunksize).get()   #@375

    def starmap_async(self, func, iterable, chunksize=None, callback=None,
            error_callback=None):
        return self._map_async(func, iterable, starmapstar, chunksize,   #@382
                               callback, error_callback)

    def _guarded_task_generation(self, result_job, func, iterable):
        try:
            i = -1
            for i, x in enumerate(iterable):
                yield (result_job, i, func, (x,), {})
        except Exception as e:
            yield (result_job, i+1, _helper_reraises_exception, (e,), {})

    def imap(self, func, iterable, chunksize=1):
        self._check_running()   #@400
        if chunksize == 1:
            result = IMapIterator(self)
            self._taskqueue.put(
                (
                    self._guarded_task_generation(result._job, func, iterable),
                    result._set_length
                ))
            return result
        else:
            if chunksize < 1:
                raise ValueError(   #@411
                    "Chunksize must be 1+, not {0:n}".format(
                        chunksize))
            task_batches = Pool._get_tasks(func, iterable, chunksize)
            result = IMapIterator(self)
            self._taskqueue.put(
                (
                    self._guarded_task_generation(result._job,
                                                  mapstar,
                                                  task_batches),
                    result._set_length
                ))
            return (item for chunk in result for item in chunk)   #@423

    def imap_unordered(self, func, iterable, chunksize=1):
        self._check_running()   #@429
        if chunksize == 1:
            result = IMapUnorderedIterator(self)
            self._taskqueue.put(
                (
                    self._guarded_task_generation(result._job, func, iterable),
                    result._set_length
                ))
            return result
        else:
            if chunksize < 1:
                raise ValueError(   #@440
                    "Chunksize must be 1+, not {0!r}".format(chunksize))
            task_batches = Pool._get_tasks(func, iterable, chunksize)
            result = IMapUnorderedIterator(self)
            self._taskqueue.put(
                (
                    self._guarded_task_generation(result._job,
                                                  mapstar,
                                                  task_batches),
                    result._set_length
                ))
            return (item for chunk in result for item in chunk)   #@451

    def apply_async(self, func, args=(), kwds={}, callback=None,
            error_callback=None):
        self._check_running()   #@458
        result = ApplyResult(self, callback, error_callback)
        self._taskqueue.put(([(result._job, 0, func, args, kwds)], None))
        return result

    def map_async(self, func, iterable, chunksize=None, callback=None,
            error_callback=None):
        return self._map_async(func, iterable, mapstar, chunksize, callback,   #@468
            error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None,
            error_callback=None):
        self._check_running()   #@476
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)

        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0

        task_batches = Pool._get_tasks(func, iterable, chunksize)
        result = MapResult(self, chunksize, len(iterable), callback,
                           error_callback=error_callback)
        self._taskqueue.put(
            (
                self._guarded_task_generation(result._job,
                                              mapper,
                                              task_batches),
                None
            )
        )
        return result

    @staticmethod
    def _wait_for_updates(change_notifier):
        change_notifier.get()
        while not change_notifier.empty():
            change_notifier.get()

    @classmethod
    def _handle_workers(cls, cache, taskqueue, ctx, Process, processes,
                        pool, inqueue, outqueue, initializer, initargs,
                        maxtasksperchild, wrap_exception, change_notifier):
        thread = threading.current_thread()
        # The workers are kept up until the results are all in, unless the pool is terminated.
        while thread._state == RUN or (cache and thread._state != TERMINATE):
            cls._maintain_pool(ctx, Process, processes, pool, inqueue,
                               outqueue, initializer, initargs,
                               maxtasksperchild, wrap_exception, change_notifier)
            cls._wait_for_updates(change_notifier)
        taskqueue.put(None)

    @staticmethod
    def _handle_tasks(taskqueue, put, outqueue, pool, cache):
        thread = threading.current_thread()
        while True:
            item = taskqueue.get()
            if item is None:
                break
            taskseq, set_length = item
            task = None
            stopped = False
            for task in taskseq:
                if thread._state != RUN:
                    stopped = True
                    break
                try:
                    put(task)   #@540
                except Exception as e:
                    job, idx = task[:2]
                    if job in cache:
                        cache[job]._set(idx, (False, e))
            if stopped:
                break
            if set_length:
                idx = task[1] if task else -1
                set_length(idx + 1)
            task = taskseq = None
        # tell the result handler, then every worker, to stop
        outqueue.put(None)
        for p in pool:
            put(None)

    @staticmethod
    def _handle_results(outqueue, get, cache):
        thread = threading.current_thread()
        while 1:
            task = get()
            if thread._state != RUN:
                break
            if task is None:
                break
            job, i, obj = task
            if job in cache:
                cache[job]._set(i, _rebuilt(obj))
            task = job = obj = None
        while cache and thread._state != TERMINATE:
            task = get()
            if task is None:
                continue
            job, i, obj = task
            if job in cache:
                cache[job]._set(i, _rebuilt(obj))
            task = job = obj = None

    @staticmethod
    def _get_tasks(func, it, size):
        it = iter(it)
        while 1:
            x = []
            for item in it:
                x.append(item)
                if len(x) == size:
                    break
            x = tuple(x)
            if not x:
                return
            yield (func, x)

    def __reduce__(self):
        raise NotImplementedError(
              'pool objects cannot be passed between processes or pickled'
              )

    def close(self):
        if self._state == RUN:
            self._state = CLOSE
            self._worker_handler._state = CLOSE
            self._change_notifier.put(None)

    def terminate(self):
        self._state = TERMINATE
        self._terminate()   #@657

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")   #@662
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")   #@664
        self._worker_handler.join()
        self._task_handler.join()
        self._result_handler.join()
        for p in self._pool:
            p.join()

    @staticmethod
    def _help_stuff_finish(inqueue, task_handler, size):
        # the tasks still queued for the workers are dropped
        inqueue._rlock.acquire()
        while task_handler.is_alive() and inqueue._reader.poll():
            inqueue._reader.recv()
            time.sleep(0)

    @classmethod
    def _terminate_pool(cls, taskqueue, inqueue, outqueue, pool, change_notifier,
                        worker_handler, task_handler, result_handler, cache):
        worker_handler._state = TERMINATE
        change_notifier.put(None)
        task_handler._state = TERMINATE
        cls._help_stuff_finish(inqueue, task_handler, len(pool))

        result_handler._state = TERMINATE
        change_notifier.put(None)
        outqueue.put(None)

        if threading.current_thread() is not worker_handler:
            worker_handler.join()

        for p in pool:
            if p.exitcode is None:
                p.terminate()

        if threading.current_thread() is not task_handler:
            task_handler.join()

        if threading.current_thread() is not result_handler:
            result_handler.join()

        for p in pool:
            if p.is_alive():
                p.join()

    def __enter__(self):
        self._check_running()   #@735
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()   #@739


class ApplyResult(object):

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = _next_job()
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        self._cache[self._job] = self

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
        if self._success:
            return self._value
        else:
            raise self._value   #@774

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        del self._cache[self._job]
        self._pool = None


AsyncResult = ApplyResult


class MapResult(ApplyResult):

    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback,
                             error_callback=error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            del self._cache[self._job]
        else:
            self._number_left = length//chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i*self._chunksize:(i+1)*self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None
        else:
            if not success and self._success:
                # the first failure is the result; the other chunks are only counted
                self._success = False
                self._value = result
            if self._number_left == 0:
                if self._error_callback:
                    self._error_callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None


class IMapIterator(object):

    def __init__(self, pool):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = _next_job()
        self._cache = pool._cache
        self._items = []
        self._index = 0
        self._length = None
        self._unsorted = {}
        self._cache[self._job] = self

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            if self._items:
                item = self._items.pop(0)
            else:
                if self._index == self._length:
                    self._pool = None
                    raise StopIteration from None
                self._cond.wait(timeout)
                if self._items:
                    item = self._items.pop(0)
                else:
                    if self._index == self._length:
                        self._pool = None
                        raise StopIteration from None
                    raise TimeoutError from None   #@868

        success, value = item
        if success:
            return value
        raise value   #@873

    __next__ = next

    def _set(self, i, obj):
        with self._cond:
            if self._index == i:
                self._items.append(obj)
                self._index += 1
                while self._index in self._unsorted:
                    obj = self._unsorted.pop(self._index)
                    self._items.append(obj)
                    self._index += 1
                self._cond.notify()
            else:
                self._unsorted[i] = obj

            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._index == self._length:
                self._cond.notify()
                del self._cache[self._job]
                self._pool = None


class IMapUnorderedIterator(IMapIterator):

    def _set(self, i, obj):
        with self._cond:
            self._items.append(obj)
            self._index += 1
            self._cond.notify()
            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None


def _rebuilt(obj):
    # unpickling an ExceptionWithTraceback rebuilds the exception with the worker's traceback as its cause
    success, value = obj
    if not success and isinstance(value, ExceptionWithTraceback):
        return (success, rebuild_exc(value.exc, value.tb))
    return obj


def mapstar(args):
    # CPython: list(map(*args)); a loop here, so that the calls can block and be interrupted
    func, chunk = args
    out = []
    for x in chunk:
        out.append(func(x))
    return out


def starmapstar(args):
    func, chunk = args
    out = []
    for x in chunk:
        # starmap makes a tuple of each item first (and fails as tuple() does)
        x = tuple(x)
        out.append(func(*x))
    return out
