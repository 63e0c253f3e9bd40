package org.clusterdynamics.model;

import java.util.Locale;

/** Integration method of a run. */
public enum Method {
    EULER,
    RK2,
    RK4,
    ADAPTIVE;

    /** Reads XMILE and Vensim spellings ("Euler", "RK4", "rk45", "Auto"); unknown names give null. */
    public static Method parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (s) {
            case "euler" -> EULER;
            case "rk2", "rk2auto", "heun" -> RK2;
            case "rk4", "rk4auto", "rungekutta", "rungekutta4" -> RK4;
            case "adaptive", "rk45", "dormandprince", "auto", "gear" -> ADAPTIVE;
            default -> null;
        };
    }
}
