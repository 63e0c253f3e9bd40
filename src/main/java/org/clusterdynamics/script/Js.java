package org.clusterdynamics.script;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * Turns Java values into plain JavaScript arrays and objects (copies the script owns, that print
 * and serialise like any other), through a converter function of the script's own context.
 */
final class Js {
    private final Value deep;
    private final Value thrower;

    /** The converter and the error maker, evaluated in the script's context. */
    Js(Value converter, Value thrower) {
        this.deep = converter;
        this.thrower = thrower;
    }

    /**
     * A JavaScript Error with the message of a Java exception, to throw at the script in its place:
     * the script catches a plain Error (whose text has no Java class name), and the runner finds
     * the Java exception again through {@link #cause} to report it by its kind.
     */
    PolyglotException error(RuntimeException cause) {
        try {
            thrower.execute(cause.getMessage(), cause);
        } catch (PolyglotException e) {
            return e;
        }
        throw new IllegalStateException("the error maker did not throw");
    }

    /** The Java exception behind an Error made by {@link #error}, or null. */
    static Throwable cause(PolyglotException e) {
        try {
            Value g = e.getGuestObject();
            if (g != null && g.hasMember("cdynCause")) {
                Value c = g.getMember("cdynCause");
                if (c.isHostObject() && c.asHostObject() instanceof Throwable t) {
                    return t;
                }
            }
        } catch (RuntimeException ignored) {
            // the context is closed (stopped at the time limit): no cause to be had
        }
        return null;
    }

    /** A JavaScript array of numbers. */
    Value array(double[] xs) {
        Object[] boxed = new Object[xs.length];
        for (int i = 0; i < xs.length; i++) {
            boxed[i] = xs[i];
        }
        return deep.execute(ProxyArray.fromArray(boxed));
    }

    /** A JavaScript array of strings. */
    Value strings(List<String> xs) {
        return deep.execute(ProxyArray.fromArray(xs.toArray()));
    }

    /** Any supported Java value (see {@link #object}) as a JavaScript value. */
    Value of(Object o) {
        return deep.execute(proxy(o));
    }

    /**
     * A plain JavaScript object; values may be numbers, strings, booleans, null, double[] (as
     * arrays), nested maps and lists, or API objects (kept as they are).
     */
    Value object(Map<String, ?> m) {
        return deep.execute(proxy(m));
    }

    private static Object proxy(Object o) {
        if (o instanceof double[] d) {
            Object[] boxed = new Object[d.length];
            for (int i = 0; i < d.length; i++) {
                boxed[i] = d[i];
            }
            return ProxyArray.fromArray(boxed);
        }
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), proxy(v)));
            return ProxyObject.fromMap(out);
        }
        if (o instanceof List<?> l) {
            return ProxyArray.fromArray(l.stream().map(Js::proxy).toArray());
        }
        return o;
    }
}
