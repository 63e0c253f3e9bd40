/**
 * Charts and reports of simulation results, drawn with JFreeChart and written as PNG, SVG or PDF.
 *
 * <p>Every chart kind is a class with static {@code create} methods that take plain values and
 * return a {@link org.clusterdynamics.chart.Figure}:
 * {@link org.clusterdynamics.chart.TimeSeriesChart} and {@link org.clusterdynamics.chart.SmallMultiplesChart}
 * (scenario name -> {@code Results}, plus a {@link org.clusterdynamics.chart.ChartSpec}),
 * {@link org.clusterdynamics.chart.FanChart} ({@link org.clusterdynamics.chart.PercentileSeries}),
 * {@link org.clusterdynamics.chart.AttributionChart} ({@link org.clusterdynamics.chart.Attribution}) and
 * {@link org.clusterdynamics.chart.SweepChart} ({@link org.clusterdynamics.chart.Sweep}).
 * {@link org.clusterdynamics.chart.ChartExport#write(org.clusterdynamics.chart.Figure, java.nio.file.Path,
 * org.clusterdynamics.chart.ExportOptions)} writes one figure per file, choosing the format by extension;
 * {@link org.clusterdynamics.chart.Report} and {@link org.clusterdynamics.chart.ReportPdf} make a
 * multi-page PDF report.
 *
 * <pre>{@code
 * ChartExport.write(Map.of("base", base, "subsidy", subsidy), List.of("Employment"), Path.of("jobs.png"));
 * ReportPdf.write(Report.builder("Cluster policy").timeUnits("year")
 *         .scenario("base", base).scenario("subsidy", "Grants for R&D", Map.of("subsidy rate", 0.2), subsidy)
 *         .outputs("Employment", "Firms").compare("Employment").build(), Path.of("report.pdf"));
 * }</pre>
 *
 * <p>Output is meant to be pasted into documents as it is: sizes are physical (pixels / dpi), fonts
 * are the logical SansSerif, colours the Okabe-Ito palette, and the same input gives the same SVG bytes.
 * Bad input throws {@link java.lang.IllegalArgumentException} with a message naming the variable or
 * scenario and what to do; no partial file is ever left behind.
 */
package org.clusterdynamics.chart;
