package org.clusterdynamics.script;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterdynamics.scenario.Table;
import org.graalvm.polyglot.Value;

/** A table of results in a script (comparison, sweep, percentiles): columns, rows, CSV. */
final class JsTable extends ApiObject {
    private final Session session;
    final Table table;

    JsTable(Session session, Table table) {
        super(session, "Table");
        this.session = session;
        this.table = table;
            fn("columns", this::columns);
        fn("rows", this::rows);
        fn("column", this::column);
        fn("value", this::value);
        fn("size", this::size);
        fn("format", this::format);
        fn("writeCsv", this::writeCsv);
    }

    /** columns(): the column names. */
    Value columns(Value... args) {
        new Args("table.columns", "()", args, 0, 0);
        return session.js.strings(table.columns());
    }

    /** rows(): the rows as objects {column: value}. */
    Value rows(Value... args) {
        new Args("table.rows", "()", args, 0, 0);
        List<Object> out = new ArrayList<>();
        for (List<Object> r : table.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < r.size(); i++) {
                m.put(table.columns().get(i), r.get(i));
            }
            out.add(m);
        }
        return session.js.of(out);
    }

    /** column(name): one column's values. */
    Value column(Value... args) {
        Args a = new Args("table.column", "(name)", args, 1, 1);
        try {
            return session.js.of(table.column(a.string(0, "name")));
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
    }

    /** value(row, column): one cell; rows count from 0. */
    Object value(Value... args) {
        Args a = new Args("table.value", "(row, column)", args, 2, 2);
        int row = a.integer(a.get(0), "row", 0, Math.max(0, table.size() - 1));
        try {
            return table.rows().get(row).get(table.columnIndex(a.string(1, "column")));
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
    }

    /** size(): the number of rows. */
    int size(Value... args) {
        new Args("table.size", "()", args, 0, 0);
        return table.size();
    }

    /** format(): the table as aligned text for print(). */
    String format(Value... args) {
        new Args("table.format", "()", args, 0, 0);
        return table.format();
    }

    /** writeCsv(file): writes the table as CSV (or TSV for .tsv) into the output folder. */
    String writeCsv(Value... args) {
        Args a = new Args("table.writeCsv", "(file)", args, 1, 1);
        return write(session, table, a.string(0, "file"), "table.writeCsv");
    }

    static String write(Session session, Table table, String file, String writer) {
        Path p = session.out.resolve(file, Set.of("csv", "tsv"), writer);
        try {
            table.writeCsv(p);
        } catch (IOException e) {
            throw new UncheckedIOException(writer + ": cannot write " + file + ": " + OutputFolder.reason(e), e);
        }
        return session.out.written(p, writer);
    }

    @Override
    String describe() {
        return table.format();
    }
}
