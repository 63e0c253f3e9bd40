package org.clusterdynamics.script;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.clusterdynamics.chart.ChartExport;
import org.clusterdynamics.chart.ExportOptions;
import org.clusterdynamics.chart.Figure;
import org.graalvm.polyglot.Value;

/** A chart made in a script, to write as PNG, SVG or PDF or to put into a report. */
final class JsChart extends ApiObject {
    private final Session session;
    final Figure figure;

    JsChart(Session session, Figure figure) {
        super(session, "Chart");
        this.session = session;
        this.figure = figure;
            fn("write", this::write);
        fn("title", this::title);
    }

    /** write(file, {width, height, dpi}): writes the chart into the output folder as .png, .svg or .pdf. */
    String write(Value... args) {
        Args a = new Args("chart.write", "(file, {width, height, dpi})", args, 1, 2);
        Map<String, Value> o = a.options(1, Set.of("width", "height", "dpi"));
        ExportOptions d = ExportOptions.defaults();
        ExportOptions size;
        try {
            size = new ExportOptions(
                    o.containsKey("width") ? a.integer(o.get("width"), "width", 1, 20000) : d.widthPx(),
                    o.containsKey("height") ? a.integer(o.get("height"), "height", 1, 20000) : d.heightPx(),
                    o.containsKey("dpi") ? a.integer(o.get("dpi"), "dpi", 1, 2400) : d.dpi());
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
        Path p = session.out.resolve(a.string(0, "file"), Set.of("png", "svg", "pdf"), "chart.write");
        try {
            ChartExport.write(figure, p, size);
        } catch (IOException e) {
            throw new UncheckedIOException("chart.write: cannot write " + a.string(0, "file") + ": " + OutputFolder.reason(e), e);
        }
        return session.out.written(p, "chart.write");
    }

    /** title(): the chart's title. */
    String title(Value... args) {
        new Args("chart.title", "()", args, 0, 0);
        return figure.title();
    }

    @Override
    String describe() {
        return "Chart '" + figure.title() + "'";
    }
}
