package org.clusterdynamics.script;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clusterdynamics.diag.ModelException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * An object of the scripting API as JavaScript sees it: a fixed set of named functions and
 * read-only fields, and nothing else of the Java object behind it. Proxies rather than exported
 * Java methods, so that every call receives its arguments exactly as written (an array stays one
 * argument) and every mistake is reported by the API in its own words.
 */
abstract class ApiObject implements ProxyObject {
    private final Map<String, Object> members = new LinkedHashMap<>();
    private final Session session;
    private final String type;

    ApiObject(Session session, String type) {
        this.session = session;
        this.type = type;
        fn("toString", a -> describe());
    }

    /**
     * Registers a function the script can call. Calls do not nest: reading a call's arguments may run
     * the script's getters, and a getter that calls the API again (a sweep inside a sweep's options)
     * would recurse until the JVM's stack overflows and leave the engine broken. Errors reach the
     * script as exceptions whose text is the message alone, without Java class names.
     */
    final void fn(String name, ProxyExecutable f) {
        String call = callName(type) + "." + name;
        members.put(name, session == null ? f : (ProxyExecutable) args -> {
            if (!name.equals("toString") && !session.enter(call)) {
                throw session.js.error(new ScriptError(call + ": called while " + session.inCall() + " was reading its"
                        + " arguments (from a getter, a Proxy, or a valueOf/toString of an argument); calls of the"
                        + " cdyn API cannot nest. Compute the value first and pass it in: const s = model.sweep({...});"));
            }
            try {
                return f.execute(args);
            } catch (SandboxRefusal r) {
                session.recordRefusal(r);
                throw session.js.error(r);
            } catch (ScriptError | ModelException e) {
                throw session.js.error(e);
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                String m = String.valueOf(e.getMessage());
                throw session.js.error(new ScriptError(m.startsWith(call) ? m : call + ": " + m));
            } finally {
                if (!name.equals("toString")) {
                    session.leave();
                }
            }
        });
        if (session != null) {
            session.memberNames(type).add(name);
        }
    }

    /** "cdyn", "model", "monteCarlo": how messages name objects of a type. */
    static String callName(String type) {
        return type.equals("cdyn") ? type : Character.toLowerCase(type.charAt(0)) + type.substring(1);
    }

    /** Registers a read-only value. */
    final void field(String name, Object value) {
        members.put(name, value);
        if (session != null) {
            session.memberNames(type).add(name);
        }
    }

    /** "Run", "Model": the type name scripts and messages use. */
    final String type() {
        return type;
    }

    /** A one-line description, shown by print() and in messages. */
    abstract String describe();

    @Override
    public final Object getMember(String key) {
        return members.get(key);
    }

    @Override
    public final Object getMemberKeys() {
        return ProxyArray.fromArray(members.keySet().stream().filter(k -> !k.equals("toString")).toArray());
    }

    @Override
    public final boolean hasMember(String key) {
        return members.containsKey(key);
    }

    @Override
    public final void putMember(String key, Value value) {
        throw new ScriptError(type + " objects cannot be changed ('" + key + "' cannot be set)"
                + (type.equals("Scenario") ? "; scenario methods return a new scenario: s2 = s.set(name, value)" : ""));
    }

    @Override
    public final boolean removeMember(String key) {
        throw new ScriptError(type + " objects cannot be changed ('" + key + "' cannot be deleted)");
    }

    /** Used by the engine in its own messages (e.g. a call of a missing function). */
    @Override
    public final String toString() {
        return type + " object";
    }
}
