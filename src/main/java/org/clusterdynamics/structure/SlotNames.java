package org.clusterdynamics.structure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the compiler's slot names into the names a modeller knows. */
final class SlotNames {
    /** A helper slot: {@code #what(owner)#n}, made by the compiler for SMOOTH, DELAY and the like. */
    private static final Pattern HELPER = Pattern.compile("^#(.*?)\\((.*)\\)#\\d+$");

    private SlotNames() {}

    /** The variable (with its element) that a slot is or belongs to. */
    static String display(String slotName) {
        Matcher m = HELPER.matcher(slotName);
        return m.matches() ? m.group(2) : slotName;
    }

    /** What a helper slot holds ("smth1", "delay3 stage 2"), or "" for a model variable's own slot. */
    static String helperRole(String slotName) {
        Matcher m = HELPER.matcher(slotName);
        return m.matches() ? m.group(1) : "";
    }

    /** The variable without its element. */
    static String variable(String slotName) {
        String d = display(slotName);
        int bracket = d.indexOf('[');
        return bracket > 0 && d.endsWith("]") ? d.substring(0, bracket) : d;
    }

    /** The element part of a slot ("North" of {@code Sales[North]}), or "". */
    static String element(String slotName) {
        String d = display(slotName);
        int bracket = d.indexOf('[');
        return bracket > 0 && d.endsWith("]") ? d.substring(bracket + 1, d.length() - 1) : "";
    }
}
