# The bridge between loop futures and concurrent.futures.Future, as CPython's: when one of two chained futures
# completes, its outcome is copied to the other on the other's side (through call_soon_threadsafe when that is
# another loop), and cancelling the second cancels the first. Lines ending in a pin sit at CPython 3.12.1's line
# numbers.


def _convert_future_exc(exc):   #@318
    # a concurrent future's cancellation becomes the loop's kind of CancelledError
    if type(exc) is _ConcurrentCancelledError:
        return exceptions.CancelledError(*exc.args)   #@321
    return exc


def _set_concurrent_future_state(concurrent, source):   #@330
    if source.cancelled():   #@333
        concurrent.cancel()   #@334
    if not concurrent.set_running_or_notify_cancel():   #@335
        return   #@336
    exception = source.exception()   #@337
    if exception is not None:   #@338
        concurrent.set_exception(_convert_future_exc(exception))   #@339
    else:   #@340
        result = source.result()   #@341
        concurrent.set_result(result)   #@342


def _copy_future_state(source, dest):   #@345
    if dest.cancelled():   #@351
        return   #@352
    if source.cancelled():   #@354
        dest.cancel()   #@355
    else:   #@356
        exception = source.exception()   #@357
        if exception is not None:   #@358
            dest.set_exception(_convert_future_exc(exception))   #@359
        else:   #@360
            result = source.result()   #@361
            dest.set_result(result)   #@362


def _chain_future(source, destination):   #@365
    for fut, role in ((source, 'source'), (destination, 'destination')):
        if not isfuture(fut) and not isinstance(fut, _ConcurrentFuture):
            raise TypeError(f'A future is required for {role} argument')
    source_loop = source.get_loop() if isfuture(source) else None   #@378
    dest_loop = destination.get_loop() if isfuture(destination) else None   #@379

    def _set_state(future, other):   #@381
        if isfuture(future):   #@382
            _copy_future_state(other, future)   #@383
        else:   #@384
            _set_concurrent_future_state(future, other)   #@385

    def _call_check_cancel(destination):   #@387
        if destination.cancelled():   #@388
            if source_loop is None or source_loop is dest_loop:   #@389
                source.cancel()   #@390
            else:   #@391
                source_loop.call_soon_threadsafe(source.cancel)   #@392

    def _call_set_state(source):   #@394
        if (destination.cancelled() and   #@395
                dest_loop is not None and dest_loop.is_closed()):
            return   #@397
        if dest_loop is None or dest_loop is source_loop:   #@398
            _set_state(destination, source)   #@399
        else:   #@400
            if dest_loop.is_closed():   #@401
                return   #@402
            dest_loop.call_soon_threadsafe(_set_state, destination, source)   #@403

    destination.add_done_callback(_call_check_cancel)   #@405
    source.add_done_callback(_call_set_state)   #@406


def wrap_future(future, *, loop=None):   #@409
    if isfuture(future):   #@411
        return future   #@412
    assert isinstance(future, _ConcurrentFuture), \
        f'concurrent.futures.Future is expected, got {future!r}'   #@414
    if loop is None:   #@415
        loop = get_event_loop()   #@416
    new_future = loop.create_future()   #@417
    _chain_future(future, new_future)   #@418
    return new_future   #@419
