package dev.loopscope.engine.trace;

import dev.loopscope.engine.trace.Entities.FutureInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Who awaits whom at one point of a run: gathers and their children, awaited tasks, executor calls, sleeps. */
public final class TaskTree {

    private TaskTree() {
    }

    /**
     * One node: a task ({@code task} >= 0) or a thing a task awaits.
     *
     * @param state the task's state, or null for futures
     */
    public record Node(String label, String detail, LaneState state, int task, List<Node> children) {}

    /** The forest at {@code snapshot}: tasks nobody awaits are roots; asyncio's internal tasks are left out. */
    public static List<Node> at(TraceIndex index, Snapshot snapshot) {
        Trace trace = index.trace();
        int n = trace.tasks().size();
        Set<Integer> awaitedTasks = new HashSet<>();
        for (int t = 0; t < n; t++) {
            if (!snapshot.taskExists(t)) {
                continue;
            }
            for (int child : awaitedTasks(index, snapshot.taskAwaiting(t))) {
                awaitedTasks.add(child);
            }
        }
        List<Node> roots = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            if (snapshot.taskExists(t) && !awaitedTasks.contains(t) && !index.lane(index.taskLane(t)).internal()) {
                roots.add(node(index, snapshot, t, new HashSet<>()));
            }
        }
        return roots;
    }

    private static List<Integer> awaitedTasks(TraceIndex index, int future) {
        if (future < 0) {
            return List.of();
        }
        FutureInfo info = index.trace().futures().get(future);
        if (info == null) {
            int task = index.taskOfFuture(future);
            return task >= 0 ? List.of(task) : List.of();
        }
        if (info.kind() == Entities.FutureKind.GATHER) {
            List<Integer> out = new ArrayList<>();
            for (int c : info.children()) {
                if (c >= 0) {
                    out.add(c);
                }
            }
            return out;
        }
        return List.of();
    }

    private static Node node(TraceIndex index, Snapshot s, int task, Set<Integer> seen) {
        Trace trace = index.trace();
        var info = trace.task(task);
        LaneState state = s.taskState(task);
        List<Node> children = new ArrayList<>();
        if (seen.add(task)) {
            int fut = s.taskAwaiting(task);
            FutureInfo f = fut >= 0 ? trace.futures().get(fut) : null;
            if (f != null) {
                switch (f.kind()) {
                    case GATHER -> {
                        List<Node> kids = new ArrayList<>();
                        for (int c : f.children()) {
                            if (c >= 0 && s.taskExists(c)) {
                                kids.add(node(index, s, c, seen));
                            }
                        }
                        children.add(new Node("gather", kids.size() + " children", null, -1, kids));
                    }
                    case EXECUTOR -> {
                        int work = f.children().length > 0 ? f.children()[0] : -1;
                        int th = work >= 0 ? index.threadOfWork(work) : -1;
                        String where = th >= 0 ? "on " + trace.thread(th).name() : "queued";
                        children.add(new Node("run_in_executor · " + f.label(), where, null, -1, List.of()));
                    }
                    case SLEEP -> children.add(new Node("asyncio.sleep", "timer", null, -1, List.of()));
                    default -> children.add(new Node(f.label(), f.kind().name().toLowerCase(), null, -1, List.of()));
                }
            } else if (fut >= 0) {
                int awaited = index.taskOfFuture(fut);
                if (awaited >= 0) {
                    children.add(node(index, s, awaited, seen));
                } else {
                    children.add(new Node("future", "pending", null, -1, List.of()));
                }
            }
        }
        String detail = info.coroutine() + "()" + (state != null ? " · " + state.name().toLowerCase().replace('_', ' ') : "");
        return new Node(info.name(), detail, state, task, children);
    }
}
