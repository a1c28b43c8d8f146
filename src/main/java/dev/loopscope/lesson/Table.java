package dev.loopscope.lesson;

import java.util.List;

public record Table(int line, List<Cell> header, List<List<Cell>> rows) implements Block {

    public Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }

    public record Cell(List<Inline> inlines) {
        public Cell {
            inlines = List.copyOf(inlines);
        }

        public String text() {
            return Inline.plainText(inlines);
        }
    }

    public List<String> headerText() {
        return header.stream().map(Cell::text).toList();
    }

    public List<List<String>> rowsText() {
        return rows.stream().map(row -> row.stream().map(Cell::text).toList()).toList();
    }
}
