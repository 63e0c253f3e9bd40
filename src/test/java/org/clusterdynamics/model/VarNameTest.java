package org.clusterdynamics.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VarNameTest {

    /** The key as it was written with a regular expression, to hold the faster one to. */
    private static String regexKey(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ").replace(" [", "[")
                .replace(", ", ",").replace(" ,", ",").strip();
    }

    @Test
    void outputKeyAsTheRegularExpressionGaveIt() {
        assertEquals("stock a[x,y]", VarName.outputKey("Stock_A [x , y]"));
        assertEquals("a b", VarName.outputKey(" a \t\n_ B "));
        String alphabet = "aB_ \t\n\u000b\f\r[],\u00a0\u2003xY";
        Random random = new Random(18);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(regexKey(s.toString()), VarName.outputKey(s.toString()), "'" + s + "'");
        }
    }
}
