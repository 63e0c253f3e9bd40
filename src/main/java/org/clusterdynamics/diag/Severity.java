package org.clusterdynamics.diag;

/** How bad a diagnostic is: errors stop a run, warnings are reported. */
public enum Severity {
    ERROR,
    WARNING,
    INFO
}
