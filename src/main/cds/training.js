// The training run of the class-data-sharing archive that `mvn package` writes to target/cdyn.jsa
// (see bin/cdyn): it loads, checks, runs and writes a model as `cdyn run` and scripts do, so that
// the classes they load start from the archive.
const model = cdyn.load('models/punjab-clusters.xmile');
model.baseline().run().writeCsv('baseline.csv', ['Firms', 'Products Mastered']);
