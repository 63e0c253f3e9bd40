// The training run of the class-data-sharing archive that `mvn package` writes to target/cdyn.jsa
// (see bin/cdyn): it loads, checks, runs and writes a model as `cdyn run` and scripts do, and runs a
// small batch long enough to generate and compile the model's code, so that the classes they load
// start from the archive.
const model = cdyn.load('models/punjab-clusters.xmile');
model.baseline().run().writeCsv('baseline.csv', ['Firms', 'Products Mastered']);
const mc = model.monteCarlo({base: model.baseline().time({saveStep: 1}), runs: 24, seed: 1, threads: 2,
  parameters: {'Vendor MES': cdyn.lognormal(40, 10)}, outputs: ['Products Mastered']});
cdyn.writeCsv('monte-carlo.csv', mc);
