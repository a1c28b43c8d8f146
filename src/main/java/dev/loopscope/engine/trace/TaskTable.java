package dev.loopscope.engine.trace;

import dev.loopscope.engine.trace.Entities.TaskInfo;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The trace's task table, stored column by column; {@link TaskInfo} records are made on demand. */
final class TaskTable {

    private int size;
    private long[] autoNumbers = new long[256];
    private int[] parents = new int[256];
    private int[] loopThreads = new int[256];
    private int[] lines = new int[256];
    private String[] coroutines = new String[256];
    /** Names that are not automatic, by task id. */
    private final Map<Integer, String> customNames = new HashMap<>();

    int add(String customName, long autoNumber, String coroutine, int parent, int loopThread, int line) {
        if (size == parents.length) {
            int n = size * 2;
            autoNumbers = Arrays.copyOf(autoNumbers, n);
            parents = Arrays.copyOf(parents, n);
            loopThreads = Arrays.copyOf(loopThreads, n);
            lines = Arrays.copyOf(lines, n);
            coroutines = Arrays.copyOf(coroutines, n);
        }
        int id = size++;
        autoNumbers[id] = autoNumber;
        parents[id] = parent;
        loopThreads[id] = loopThread;
        lines[id] = line;
        coroutines[id] = coroutine;
        if (customName != null) {
            customNames.put(id, customName);
        }
        return id;
    }

    void rename(int id, String name) {
        customNames.put(id, name);
    }

    int size() {
        return size;
    }

    TaskInfo get(int id) {
        if (id < 0 || id >= size) {
            throw new IndexOutOfBoundsException("task " + id + " of " + size);
        }
        String name = customNames.get(id);
        if (name == null) {
            name = "Task-" + autoNumbers[id];
        }
        return new TaskInfo(id, name, coroutines[id], parents[id], loopThreads[id], lines[id]);
    }

    List<TaskInfo> view() {
        return new AbstractList<>() {
            @Override
            public TaskInfo get(int index) {
                return TaskTable.this.get(index);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
