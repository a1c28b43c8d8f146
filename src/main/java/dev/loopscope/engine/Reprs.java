package dev.loopscope.engine;

import java.util.List;

/** CPython's abbreviated reprs inside future and task reprs ({@code reprlib} limits, callback lists). */
final class Reprs {

    private static final int MAX_STRING = 30;

    private Reprs() {
    }

    /** {@code reprlib.repr} of a value whose full repr is {@code repr}: long reprs keep both ends. */
    static String limited(String repr) {
        if (repr.length() <= MAX_STRING) {
            return repr;
        }
        int i = Math.max(0, (MAX_STRING - 3) / 2);
        int j = Math.max(0, MAX_STRING - 3 - i);
        return repr.substring(0, i) + "..." + repr.substring(repr.length() - j);
    }

    /** {@code cb=[...]}, as {@code _format_callbacks} shows up to two callbacks and a count. */
    static String callbacks(List<Future.DoneCallback> cbs, PythonBridge py) {
        int n = cbs.size();
        String text;
        if (n == 1) {
            text = name(cbs.get(0), py);
        } else if (n == 2) {
            text = name(cbs.get(0), py) + ", " + name(cbs.get(1), py);
        } else {
            text = name(cbs.get(0), py) + ", <" + (n - 2) + " more>, " + name(cbs.get(n - 1), py);
        }
        return "cb=[" + text + "]";
    }

    /** A callback written in Python shows where it is defined; the C task's wake-up does not. */
    private static String name(Future.DoneCallback cb, PythonBridge py) {
        String described = py.doneCallbackRepr(cb.kind(), cb.key());
        if (described != null) {
            return described;
        }
        return switch (cb.kind()) {
            case TASK_WAKEUP -> "Task.task_wakeup()";
            case GATHER_CHILD_DONE -> "gather.<locals>._done_callback() at " + py.libraryPath("asyncio/tasks.py")
                    + ":767";
            case STOP_LOOP -> "_run_until_complete_cb() at " + py.libraryPath("asyncio/base_events.py") + ":180";
            case EXECUTOR_RESULT, EXECUTOR_CANCEL -> "_chain_future.<locals>._call_check_cancel() at "
                    + py.libraryPath("asyncio/futures.py") + ":387";
            case USER_CALLBACK -> py.callbackSource(cb.key());
            default -> "<callback>()";
        };
    }
}
