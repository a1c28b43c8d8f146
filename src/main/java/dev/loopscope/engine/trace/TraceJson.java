package dev.loopscope.engine.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * Writes a trace as JSON lines: first one line per table row ({@code "table"} names the table), then one line
 * per event ({@code "event"} names its record type, the other keys are the record's fields), then one line
 * with the program's output and exit status.
 */
public final class TraceJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private TraceJson() {
    }

    public static void write(Trace trace, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setRootValueSeparator(null);
            for (var p : trace.processes()) {
                row(g, out, "process", p);
            }
            for (var t : trace.threads()) {
                row(g, out, "thread", t);
            }
            for (int i = 0; i < trace.taskCount(); i++) {
                row(g, out, "task", trace.task(i));
            }
            for (var f : trace.futures().values().stream().sorted((a, b) -> Integer.compare(a.id(), b.id())).toList()) {
                row(g, out, "future", f);
            }
            for (var e : trace.executors()) {
                row(g, out, "executor", e);
            }
            for (var w : trace.works()) {
                row(g, out, "work", w);
            }
            for (int i = 0; i < trace.size(); i++) {
                TraceEvent e = trace.event(i);
                g.writeStartObject();
                g.writeStringField("event", e.getClass().getSimpleName());
                fields(g, (Record) e);
                g.writeEndObject();
                g.flush();
                out.write('\n');
            }
            g.writeStartObject();
            g.writeStringField("table", "result");
            g.writeNumberField("exitCode", trace.exitCode());
            g.writeStringField("stdout", trace.stdout());
            g.writeStringField("stderr", trace.stderr());
            if (trace.stopReason().isPresent()) {
                g.writeStringField("stopped", trace.stopReason().get());
            } else {
                g.writeNullField("stopped");
            }
            g.writeEndObject();
            g.flush();
            out.write('\n');
        }
    }

    private static void row(JsonGenerator g, Writer out, String table, Record r) throws IOException {
        g.writeStartObject();
        g.writeStringField("table", table);
        fields(g, r);
        g.writeEndObject();
        g.flush();
        out.write('\n');
    }

    private static void fields(JsonGenerator g, Record r) throws IOException {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("trace records are plain data", e);
            }
            g.writeFieldName(c.getName());
            switch (v) {
                case null -> g.writeNull();
                case Integer n -> g.writeNumber(n);
                case Long n -> g.writeNumber(n);
                case Boolean b -> g.writeBoolean(b);
                case int[] ids -> g.writeArray(ids, 0, ids.length);
                case Enum<?> en -> g.writeString(en.name());
                default -> g.writeString(v.toString());
            }
        }
    }
}
