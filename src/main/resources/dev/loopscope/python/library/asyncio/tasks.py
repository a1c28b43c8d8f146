# asyncio.wait, as_completed and shield, made of done callbacks and loop futures so that each step takes the
# loop iterations it takes in CPython. Lines ending in a pin sit at CPython 3.12.1's line numbers.

_WAIT_MODES = (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED)


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):   #@435
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")   #@452
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')   #@454
    if return_when not in _WAIT_MODES:
        raise ValueError(f'Invalid return_when value: {return_when}')   #@456
    fs = set(fs)
    if any(iscoroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")   #@461
    loop = get_running_loop()
    return await _wait(fs, timeout, return_when, loop)   #@464


def _release_waiter(waiter, *args):   #@467
    if not waiter.done():
        waiter.set_result(None)


async def _wait(fs, timeout, return_when, loop):   #@522
    waiter = loop.create_future()
    # a timeout releases the waiter too
    timer = None if timeout is None else loop.call_later(timeout, _release_waiter, waiter)
    left = len(fs)

    def _on_completion(f):   #@534
        nonlocal left
        left -= 1
        if left > 0 and return_when != FIRST_COMPLETED:
            # only a failure ends a FIRST_EXCEPTION wait early (and only then is the exception looked at)
            if return_when != FIRST_EXCEPTION or f.cancelled() or f.exception() is None:
                return
        if timer is not None:
            timer.cancel()
        _release_waiter(waiter)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter   #@550
    finally:
        if timer is not None:
            timer.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done, pending = set(), set()
    for f in fs:
        (done if f.done() else pending).add(f)
    return done, pending


def as_completed(fs, *, timeout=None):   #@584
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")   #@603
    done = Queue()
    loop = get_event_loop()
    # CPython walks a set here, so coroutines become tasks in the order of their addresses; argument order is
    # the one order a simulation can promise.
    todo = dict.fromkeys(ensure_future(f, loop=loop) for f in dict.fromkeys(fs))
    timer = None

    def _on_timeout():   #@612
        while todo:
            f, _ = todo.popitem()
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)

    def _on_completion(f):   #@618
        if todo:
            del todo[f]
            done.put_nowait(f)
            if timer is not None and not todo:
                timer.cancel()

    async def _wait_for_one():   #@626
        f = await done.get()   #@627
        if f is None:
            # the marker of a timeout
            raise exceptions.TimeoutError   #@630
        return f.result()  # May raise f.exception().   #@631

    for f in todo:
        f.add_done_callback(_on_completion)
    if timeout is not None and todo:
        timer = loop.call_later(timeout, _on_timeout)
    # one awaitable per future, each giving the next one to finish
    results_due = len(todo)
    for _ in range(results_due):
        yield _wait_for_one()


def shield(arg):   #@865
    inner = ensure_future(arg)   #@898
    if inner.done():
        # nothing left to protect
        return inner
    outer = inner.get_loop().create_future()

    def _inner_done_callback(inner):   #@905
        if outer.cancelled():
            # the shield was cancelled: the inner exception only counts as retrieved
            if not inner.cancelled():
                inner.exception()
        elif inner.cancelled():
            outer.cancel()
        elif inner.exception() is not None:
            outer.set_exception(inner.exception())
        else:
            outer.set_result(inner.result())

    def _outer_done_callback(outer):   #@922
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


def run_coroutine_threadsafe(coro, loop):   #@931
    # The coroutine becomes a task of `loop` from inside that loop's thread; the concurrent future returned
    # follows the task.
    if not iscoroutine(coro):   #@936
        raise TypeError('A coroutine object is required')   #@937
    future = _ConcurrentFuture()   #@938

    def callback():   #@940
        try:   #@941
            futures._chain_future(ensure_future(coro, loop=loop), future)   #@942
        except (SystemExit, KeyboardInterrupt):   #@943
            raise   #@944
        except BaseException as exc:   #@945
            if future.set_running_or_notify_cancel():   #@946
                future.set_exception(exc)   #@947
            raise   #@948

    loop.call_soon_threadsafe(callback)   #@950
    return future   #@951
