# asyncio.to_thread: the call goes to the loop's default executor, as run_in_executor sends it.


async def to_thread(func, /, *args, **kwargs):   #@12
    loop = get_running_loop()
    func_call = _ThreadCall(func, args, kwargs)
    return await loop.run_in_executor(None, func_call)   #@25
