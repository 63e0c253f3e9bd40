package org.clusterdynamics.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** An ordered collection of diagnostics gathered by one stage. */
public final class Diagnostics implements Iterable<Diagnostic> {
    private final List<Diagnostic> items = new ArrayList<>();

    /** Adds a diagnostic unless the same one is already here (array elements share equations). */
    public void add(Diagnostic d) {
        if (!items.contains(d)) {
            items.add(d);
        }
    }

    public void addAll(Iterable<Diagnostic> ds) {
        for (Diagnostic d : ds) {
            add(d);
        }
    }

    public void error(String code, Where where, String message) {
        add(Diagnostic.error(code, where, message));
    }

    public void warning(String code, Where where, String message) {
        add(Diagnostic.warning(code, where, message));
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
        return items.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> all() {
        return Collections.unmodifiableList(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public int size() {
        return items.size();
    }

    /** Throws a {@link ModelException} carrying every diagnostic when any is an error. */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new ModelException(this);
        }
    }

    @Override
    public Iterator<Diagnostic> iterator() {
        return all().iterator();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : items) {
            sb.append(d).append('\n');
        }
        return sb.toString();
    }
}
