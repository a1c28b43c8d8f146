# multiprocessing's process objects, as CPython's process.py (and the parts of util.py it needs: finalizers, the
# exit function, after-fork hooks). start() forks the simulated process through _fork; the child runs
# _child_main, which ends in _bootstrap as CPython's forked child does. Lines ending in a pin sit at CPython
# 3.12.1's line numbers.


def current_process():
    if _current_process._pid_seen != os.getpid():
        # a process forked by the engine itself (a ProcessPoolExecutor worker)
        return _ForeignProcess(_this_process_name())
    return _current_process


def active_children():
    _cleanup()
    return list(_children)


def parent_process():
    return _parent_process


def _cleanup():
    for p in list(_children):
        if p._popen is not None and p._popen.poll() is not None:
            _children.remove(p)


class BaseProcess(object):

    def _Popen(self):
        raise NotImplementedError

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={},
                 *, daemon=None):
        assert group is None, 'group argument must be None for now'   #@82
        count = _next_process_number()
        self._identity = _current_process._identity + (count,)
        self._config = _current_process._config.copy()
        self._parent_pid = os.getpid()
        self._parent_name = _current_process.name
        self._popen = None
        self._closed = False
        self._target = target
        self._args = tuple(args)   #@91
        self._kwargs = dict(kwargs)   #@92
        self._name = name or type(self).__name__ + '-' + \
                     ':'.join(str(i) for i in self._identity)
        if daemon is not None:
            self.daemon = daemon

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")   #@101

    def run(self):
        if self._target:   #@107
            self._target(*self._args, **self._kwargs)   #@108

    def start(self):
        self._check_closed()   #@114
        assert self._popen is None, 'cannot start a process twice'   #@115
        assert self._parent_pid == os.getpid(), \
               'can only start a process object created by current process'
        assert not _current_process._config.get('daemon'), \
               'daemonic processes are not allowed to have children'   #@119
        _cleanup()
        self._popen = _fork(self, threading.get_ident(), self._pool_worker)
        self._sentinel = self._popen
        del self._target, self._args, self._kwargs
        _children.add(self)
        _register_exit()

    _pool_worker = False

    def _child_main(self, forker_ident):
        threading._after_fork(forker_ident)
        return self._bootstrap()

    def terminate(self):
        self._check_closed()
        self._popen.terminate()

    def kill(self):
        self._check_closed()
        self._popen.kill()

    def join(self, timeout=None):
        self._check_closed()   #@146
        assert self._parent_pid == os.getpid(), 'can only join a child process'   #@147
        assert self._popen is not None, 'can only join a started process'   #@148
        res = self._popen.wait(timeout)   #@149
        if res is not None:
            _children.discard(self)

    def is_alive(self):
        self._check_closed()   #@157
        if self is _current_process:
            return True
        assert self._parent_pid == os.getpid(), 'can only test a child process'   #@160
        if self._popen is None:
            return False
        returncode = self._popen.poll()
        if returncode is None:
            return True
        _children.discard(self)
        return False

    def close(self):
        if self._popen is not None:
            if self._popen.poll() is None:
                raise ValueError("Cannot close a process while it is still running. "   #@181
                                 "You should first call join() or terminate().")
            self._popen = None
            del self._sentinel
            _children.discard(self)
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'   #@195
        self._name = name

    @property
    def daemon(self):
        return self._config.get('daemon', False)

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen is None, 'process has already started'   #@210
        self._config['daemon'] = daemonic

    @property
    def exitcode(self):
        self._check_closed()   #@229
        if self._popen is None:
            return self._popen
        return self._popen.poll()

    @property
    def ident(self):
        self._check_closed()   #@239
        if self is _current_process:
            return os.getpid()
        else:
            return self._popen and self._popen.pid

    pid = ident

    @property
    def sentinel(self):
        self._check_closed()
        try:
            return self._sentinel
        except AttributeError:
            raise ValueError("process not started") from None   #@257

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != os.getpid():
            status = 'unknown'
        elif self._popen is None:
            status = 'initial'
        else:
            exitcode = self._popen.poll()
            if exitcode is not None:
                status = 'stopped'
            else:
                status = 'started'

        info = [type(self).__name__, 'name=%r' % self._name]
        if self._popen is not None:
            info.append('pid=%s' % self._popen.pid)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            exitcode = _exitcode_to_name.get(exitcode, exitcode)
            info.append('exitcode=%s' % exitcode)
        if self.daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)

    def _bootstrap(self, parent_sentinel=None):
        global _current_process, _parent_process, _children, _exiting
        try:
            _children = set()
            _current_process = self
            self._pid_seen = os.getpid()
            _parent_process = _ParentProcess(self._parent_name, self._parent_pid, parent_sentinel)
            _finalizers.clear()
            _exiting = False
            for obj, func in list(_after_forkers):
                func(obj)
            try:
                self.run()   #@314
                exitcode = 0
            finally:
                _exit_function()
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                sys.stderr.write(str(e.code) + '\n')
                exitcode = 1
        except:
            exitcode = 1
            sys.stderr.write('Process %s:\n' % self.name)
            _write_stderr(_format_exception(sys.exception()))
        finally:
            threading._shutdown()
        return exitcode

    _pid_seen = None


class _ParentProcess(BaseProcess):

    def __init__(self, name, pid, sentinel):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._sentinel = sentinel
        self._config = {}

    def is_alive(self):
        return self._sentinel is None or self._sentinel.poll() is None

    @property
    def ident(self):
        return self._pid

    pid = ident


class _MainProcess(BaseProcess):

    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {'semprefix': '/mp'}
        self._pid_seen = os.getpid()

    def close(self):
        pass


class _ForeignProcess(BaseProcess):

    def __init__(self, name):
        self._identity = ()
        self._name = name
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {}

    def is_alive(self):
        return True

    @property
    def ident(self):
        return os.getpid()

    pid = ident


_parent_process = None
_current_process = _MainProcess()
_children = set()

_exitcode_to_name = {-1: '-SIGHUP', -2: '-SIGINT', -3: '-SIGQUIT', -6: '-SIGABRT', -9: '-SIGKILL',
                     -11: '-SIGSEGV', -13: '-SIGPIPE', -14: '-SIGALRM', -15: '-SIGTERM'}

# util: finalizers run at exit by priority, highest first (later ones first among equals); after-fork hooks.

_finalizers = {}
_finalizer_counter = [0]
_after_forkers = []
_exiting = False
_exit_registered = [False]


class Finalize(object):

    def __init__(self, obj, callback, args=(), kwargs=None, exitpriority=None):
        self._callback = callback
        self._args = args
        self._kwargs = kwargs or {}
        self._key = (exitpriority, _finalizer_counter[0])
        _finalizer_counter[0] += 1
        _finalizers[self._key] = self

    def __call__(self, wr=None):
        if self._key in _finalizers:
            del _finalizers[self._key]
            return self._callback(*self._args, **self._kwargs)

    def cancel(self):
        if self._key in _finalizers:
            del _finalizers[self._key]

    def still_active(self):
        return self._key in _finalizers


def _run_finalizers(minpriority=None):
    keys = [key for key in list(_finalizers)
            if key[0] is not None and (minpriority is None or key[0] >= minpriority)]
    keys.sort(reverse=True)
    for key in keys:
        finalizer = _finalizers.get(key)
        if finalizer is not None:
            finalizer()


def register_after_fork(obj, func):
    _after_forkers.append((obj, func))


def _exit_function():
    global _exiting
    if not _exiting:
        _exiting = True
        _run_finalizers(0)
        for p in active_children():
            if p.daemon:
                p._popen.terminate()
        for p in active_children():
            p.join()
        _run_finalizers()


def _register_exit():
    # atexit.register(_exit_function), done when util is first imported: by the first start() here
    if not _exit_registered[0]:
        _exit_registered[0] = True
        if _current_process._parent_pid is None:
            _at_exit(_exit_function)
