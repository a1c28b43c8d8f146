package dev.loopscope.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopscope.lesson.Animation;
import dev.loopscope.lesson.CodeBlock;
import dev.loopscope.lesson.Course;
import dev.loopscope.lesson.Knob;
import dev.loopscope.lesson.Lesson;
import dev.loopscope.lesson.Option;
import dev.loopscope.lesson.Predictions;
import dev.loopscope.lesson.Problem;
import dev.loopscope.lesson.ProgramOutputs;
import dev.loopscope.lesson.Question;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON form of {@code check-lesson --json}: {@code {"lessons":[…],"problems":[…]}}, all text plain.
 * Extension data ({@code animate} on a lesson, {@code predict} on a predict question) appears only where used.
 */
final class LessonJson {

    /** Non-ASCII is escaped so the document survives a terminal or pipe that is not UTF-8. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private LessonJson() {}

    static String write(Course course, List<Problem> problems, Optional<ProgramOutputs> outputs) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode lessons = root.putArray("lessons");
        course.lessons().forEach(lesson -> lessons.add(lesson(lesson, outputs)));
        ArrayNode list = root.putArray("problems");
        for (Problem problem : problems) {
            ObjectNode node = list.addObject();
            node.put("file", problem.file().toString());
            node.put("line", problem.line());
            node.put("message", problem.message());
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serializes", e);
        }
    }

    private static ObjectNode lesson(Lesson lesson, Optional<ProgramOutputs> outputs) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("number", lesson.number());
        node.put("title", lesson.title());
        node.put("file", lesson.source().toString());
        node.put("line", lesson.line());
        ArrayNode blocks = node.putArray("codeBlocks");
        for (CodeBlock block : lesson.codeBlocks()) {
            ObjectNode b = blocks.addObject();
            if (block.language().isEmpty()) {
                b.putNull("language");
            } else {
                b.put("language", block.language());
            }
            b.put("firstLine", block.firstCodeLine());
        }
        lesson.animated().ifPresent(block -> node.set("animate", animate(block, block.animation().orElseThrow())));
        ArrayNode questions = node.putArray("questions");
        for (Question question : lesson.questions()) {
            questions.add(question(lesson, question, outputs));
        }
        return node;
    }

    private static ObjectNode animate(CodeBlock block, Animation animation) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("view", animation.view().id());
        node.put("firstLine", block.firstCodeLine());
        ArrayNode knobs = node.putArray("knobs");
        for (Knob knob : animation.knobs()) {
            ObjectNode k = knobs.addObject();
            k.put("id", knob.id());
            k.put("label", knob.label());
            k.put("kind", knob.control().kind());
            k.put("line", knob.codeLine());
            k.put("literal", knob.literal());
            switch (knob.control()) {
                case Knob.Toggle t -> k.putArray("values").add(t.off()).add(t.on());
                case Knob.Choice c -> c.values().forEach(k.putArray("values")::add);
                case Knob.IntegerSpinner s -> k.put("min", s.min()).put("max", s.max()).put("step", s.step());
                case Knob.FloatSlider f -> k.put("min", f.min()).put("max", f.max()).put("step", f.step());
            }
        }
        return node;
    }

    private static ObjectNode question(Lesson lesson, Question question, Optional<ProgramOutputs> outputs) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("number", question.number());
        // A predict question is a choice question whose answer comes from the program: its "predict" says how.
        node.put("kind", question.kind() == Question.Kind.TRUE_FALSE ? "true_false" : "choice");
        node.put("prompt", question.promptText());
        if (question.kind() != Question.Kind.TRUE_FALSE) {
            ObjectNode options = node.putObject("options");
            for (Option option : question.options()) {
                options.put(option.letter(), option.text());
            }
        }
        Optional<String> answer = question.answer();
        if (question.kind() == Question.Kind.PREDICT && outputs.isPresent()
                && Predictions.resolve(lesson, question, outputs.get()) instanceof Predictions.Resolution.Resolved r) {
            answer = Optional.of(r.letter());
        }
        putOptional(node, "answer", answer);
        putOptional(node, "explanation", question.explanationText());
        question.prediction().ifPresent(prediction -> {
            ObjectNode predict = node.putObject("predict");
            predict.put("output", prediction.output().id());
            ObjectNode with = predict.putObject("with");
            new TreeMap<>(prediction.knobValues()).forEach(with::put);
        });
        return node;
    }

    private static void putOptional(ObjectNode node, String field, Optional<String> value) {
        if (value.isPresent()) {
            node.put(field, value.get());
        } else {
            node.putNull(field);
        }
    }
}
