package dev.loopscope.lesson;

/** One block of a lesson, in reading order. Every block knows the 1-based file line it starts on. */
public sealed interface Block
        permits Paragraph, Heading, CodeBlock, Table, ListBlock, DecisionTree, Quiz, Quote {

    int line();
}
