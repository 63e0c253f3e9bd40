package org.clusterdynamics.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keeps the manifest and the suite in step, so that no case goes unrun or is listed in vain. */
class ManifestMembershipTest {

    @Test
    void everyModelFileOfTheSuiteIsListed() throws Exception {
        Optional<Path> root = Suite.root();
        assumeTrue(root.isPresent(), Suite::missingMessage);
        Manifest manifest = Manifest.load();
        List<String> unlisted = Suite.cases(root.get()).stream().map(Suite.Case::path)
                .filter(p -> manifest.entry(p).isEmpty()).toList();
        assertTrue(unlisted.isEmpty(), () -> unlisted.size() + " model file(s) of the suite are not in "
                + Manifest.RESOURCE + "; add a line 'path<TAB>pass' (or xfail with the reason) for each:\n"
                + String.join("\n", unlisted));
    }

    @Test
    void everyListedFileExists() throws Exception {
        Optional<Path> root = Suite.root();
        assumeTrue(root.isPresent(), Suite::missingMessage);
        Set<String> inSuite = Suite.cases(root.get()).stream().map(Suite.Case::path).collect(Collectors.toSet());
        List<String> stale = Manifest.load().entries().values().stream()
                .filter(e -> !inSuite.contains(e.path()))
                .map(e -> e.path() + " (line " + e.line() + (Files.exists(root.get().resolve(e.path()))
                        ? ", exists but is not a model file under tests/ or samples/)" : ", no such file)"))
                .toList();
        assertTrue(stale.isEmpty(), () -> Manifest.RESOURCE + " lists files the suite does not have; remove"
                + " those lines:\n" + String.join("\n", stale));
    }
}
