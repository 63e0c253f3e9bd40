package org.clusterdynamics.cli;

/** Entry point of the cdyn command line. */
public final class Main {
    public static void main(String[] args) {
        System.out.println("cdyn");
    }
}
