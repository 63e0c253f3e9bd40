package org.clusterdynamics.script;

/** The list of API functions that cdyn.help() prints; docs/scripting.md has an example of each. */
final class ApiHelp {
    private ApiHelp() {}

    static final String TEXT = """
            cdyn
              load(path) -> Model                     args, outDir, version
              compare(runs, {outputs, at, base}) -> Table
              table(rows) -> Table                    writeCsv(file, table)    writeText(file, text)
              uniform(min, max)  loguniform(min, max)  normal(mean, sd, {min, max})
              lognormal(mean, sd)  triangular(min, mode, max)  choice(values, weights?)
              chart(runs, names, {title, units, layout, timeUnits}) -> Chart
              fanChart(monteCarlo, name, {title, units}) -> Chart
              sweepChart(sweep, {parameter, output, by, title}) -> Chart
              attributionChart(attribution, {output, title, bands}) -> Chart
              report(file, {title, subtitle, notes, runs, descriptions, outputs, at, charts, tables})
              help() -> this text
              readCsv(path) -> [rows]                 readSettings(path) -> {name: value}
            Model
              name, file, variables(filter?), variable(name), constants(filter?), time()
              baseline(), scenario(name, {set, equations, tables, from, off, on, time, seed})
              run(scenario?) -> Run, runAll([scenarios], {threads}) -> [Run]
              sweep({parameters, design, samples, seed, outputs, at, stats, series, base, threads, onError,
                correlation}) -> Sweep
              monteCarlo({runs, seed, parameters, sampling, outputs, percentiles, base, threads, onError,
                correlation}) -> MonteCarlo
              attribution({mechanisms, outputs, at, stats, base, threads}) -> Attribution
              attribution({method: 'shapley' | 'shapley-sampled', mechanisms, outputs, at, stats, base, threads,
                orderings, seed, parameters, samples, sampling, correlation}) -> Shapley
              calibrate({data, fit, payoff, weights, until, method, starts, seed, profile, maxTrials, base,
                threads}) -> Calibration
              sensitivity({parameters, outputs, method, samples, levels, seed, bootstrap, base, threads}) -> Sensitivity
              loops(scenario?, {maxLoops}) -> Loops
            Scenario (each method returns a new scenario)
              name, set(name, value), equation(name, text), table(name, times, values, {step})
              (a lookup: new points, same input),
              from(time, {name: value}), off(names...), on(names...), time({start, stop, dt, saveStep, method}),
              seed(n), derive(name, {...}), changes(), run() -> Run
            Run
              name, scenario(), times(), names(), series(name), at(name, time), finalValue(name),
              stats(name), units(name), table(names?), writeCsv(file, names?)
            Table: columns(), rows(), column(name), value(row, column), size(), format(), writeCsv(file)
            Sweep: table(), runs(), parameters(), parameter(name), output(name), times(), series(name), failures(),
              writeCsv(file)
            MonteCarlo: percentiles(name), at(name, time), finalValues(name), table(), runsTable(), runs(),
              exact(), failures(), writeCsv(file)
            Attribution: table(), changes(output?), writeCsv(file)
            Shapley: values(output?), total(output?), efficiencyGap(output?), errors(output?), bands(output?),
              draws(output?), rankAgreement(output?, top?), table(), runs(), samples(), method(), writeCsv(file)
            Chart: write(file, {width, height, dpi}), title()
            Calibration: values(), parameters(), statistics(), correlation(), payoff(), runs(), scenario(name?),
              table(), chart(title?), writeSettings(file)
            Sensitivity: indices(output?), tornado(output?), table(), chart(output?), tornadoChart(output?), runs()
            Loops: count, exhaustive, scenario, list(), dominance(partition?), scores(id), times(),
              chart(title?, partition?) -> Chart
            """;
}
